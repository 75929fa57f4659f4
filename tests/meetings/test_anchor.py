"""``anchor_of``: the token that carries an official's mention in the parse (hand-built parses)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from diplomacy_ner.meetings.officials import anchor_of

VOCAB = spacy.blank("fr").vocab


def parse(words, heads, deps, pos):
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos)


# "X a parlé avec le ministre A, et la ministre B, Rita Matos ." with "Rita" hung from the verb
WORDS = ["X", "a", "parlé", "avec", "le", "ministre", "A", ",", "et", "la", "ministre", "B", ",", "Rita", "Matos", "."]
HEADS = [2, 2, 2, 5, 5, 2, 5, 5, 10, 10, 5, 10, 13, 2, 13, 2]
POS = ["PROPN", "AUX", "VERB", "ADP", "DET", "NOUN", "PROPN", "PUNCT", "CCONJ", "DET", "NOUN", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT"]
SECOND = frozenset(range(10, 15))  # "ministre B, Rita Matos"


def deps(name_dep: str) -> list[str]:
    return ["nsubj", "aux:tense", "ROOT", "case", "det", "obl:arg", "nmod", "punct", "cc", "det", "conj", "nmod", "punct", name_dep, "flat:name", "punct"]


def test_a_name_loosely_hung_from_the_verb_yields_to_its_coordinated_title() -> None:
    for loose in ("dep", "obl:mod", "parataxis"):
        doc = parse(WORDS, HEADS, deps(loose), POS)
        assert doc[anchor_of(doc, SECOND)].i == 10


def test_a_name_that_is_an_argument_of_the_verb_stays_the_anchor() -> None:
    doc = parse(WORDS, HEADS, deps("obl:arg"), POS)
    assert anchor_of(doc, SECOND) == 13


def test_punctuation_is_never_the_anchor() -> None:
    # "avec le Premier ministre X, Viktor Y ;": title and name both loose, the comma hung from the verb
    words = ["Z", "a", "eu", "des", "entretiens", "avec", "le", "ministre", "X", ",", "Viktor", "Y", ";"]
    heads = [2, 2, 2, 4, 2, 7, 7, 2, 7, 2, 2, 10, 2]
    dep = ["nsubj", "aux:tense", "ROOT", "det", "obj", "case", "det", "obl:mod", "amod", "punct", "obl:mod", "flat:name", "punct"]
    pos = ["PROPN", "AUX", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "ADJ", "PUNCT", "PROPN", "PROPN", "PUNCT"]
    doc = parse(words, heads, dep, pos)
    assert anchor_of(doc, frozenset(range(7, 12))) == 7
