"""``coordinated_subjects``: conjuncts of a subject the parser attached elsewhere (hand-built parses)."""

from __future__ import annotations

from types import SimpleNamespace

from spacy.tokens import Doc
import spacy

from diplomacy_ner.meetings.arguments import coordinated_subjects
from diplomacy_ner.meetings.encounters import Encounter
from diplomacy_ner.meetings.lexicon import MeetingLexicon
from diplomacy_ner.meetings.officials import Official


VOCAB = spacy.blank("fr").vocab


def parse(words, heads, deps, pos):
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos)


def person(key: str, start: int, end: int) -> Official:
    return Official(key, key, key, "président", None, "head_of_state", start, end, extent=frozenset(range(start, end)), anchor=start)


def encounter(doc: Doc, predicate: int, subjects: list[Official]) -> Encounter:
    frame = next(f for f in MeetingLexicon.default().frames if f.pos == "noun")
    return Encounter(0, doc[predicate], frame, {predicate}, subjects=list(subjects))


# "Ivan Petrov et Paul Kiroga ont eu un échange": Kiroga an adverb of the verb, Petrov its subject
WORDS = ["Ivan", "Petrov", "et", "Paul", "Kiroga", "ont", "eu", "un", "échange", "."]
HEADS = [6, 0, 3, 0, 6, 6, 6, 8, 6, 6]
DEPS = ["nsubj", "flat:name", "cc", "conj", "advmod", "aux:tense", "ROOT", "det", "obj", "punct"]
POS = ["PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "AUX", "VERB", "DET", "NOUN", "PUNCT"]


def test_a_conjunct_after_the_subject_is_a_subject() -> None:
    doc = parse(WORDS, HEADS, DEPS, POS)
    petrov, kiroga = person("petrov", 0, 2), person("kiroga", 3, 5)
    enc = encounter(doc, 8, [petrov])
    free = {"kiroga"}
    coordinated_subjects(SimpleNamespace(doc=doc), enc, [petrov, kiroga], free)
    assert [o.key for o in enc.subjects] == ["petrov", "kiroga"]
    assert enc.subjects[0] is petrov  # the parsed subject stays the first one
    assert free == set() and "kiroga" in enc.guessed


def test_a_conjunct_before_the_subject_is_a_subject() -> None:
    doc = parse(WORDS, [0, 0, 3, 6, 3, 6, 6, 8, 6, 6], ["ROOT", "flat:name", "cc", "nsubj", "flat:name", "aux:tense", "ROOT", "det", "obj", "punct"], POS)
    petrov, kiroga = person("petrov", 0, 2), person("kiroga", 3, 5)
    enc = encounter(doc, 8, [kiroga])
    coordinated_subjects(SimpleNamespace(doc=doc), enc, [petrov, kiroga], {"petrov"})
    assert [o.key for o in enc.subjects] == ["kiroga", "petrov"]


def test_a_fronted_phrase_closed_by_a_comma_is_no_subject() -> None:
    # "Outre Ivan Petrov, Paul Kiroga a eu un échange"
    words = ["Outre", "Ivan", "Petrov", ",", "Paul", "Kiroga", "a", "eu", "un", "échange", "."]
    heads = [1, 7, 1, 7, 7, 4, 7, 7, 9, 7, 7]
    deps = ["case", "obl:mod", "flat:name", "punct", "nsubj", "flat:name", "aux:tense", "ROOT", "det", "obj", "punct"]
    pos = ["ADP", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "AUX", "VERB", "DET", "NOUN", "PUNCT"]
    doc = parse(words, heads, deps, pos)
    petrov, kiroga = person("petrov", 1, 3), person("kiroga", 4, 6)
    enc = encounter(doc, 9, [kiroga])
    coordinated_subjects(SimpleNamespace(doc=doc), enc, [petrov, kiroga], {"petrov"})
    assert [o.key for o in enc.subjects] == ["kiroga"]


def test_an_official_already_attached_elsewhere_stays_there() -> None:
    doc = parse(WORDS, HEADS, DEPS, POS)
    petrov, kiroga = person("petrov", 0, 2), person("kiroga", 3, 5)
    enc = encounter(doc, 8, [petrov])
    coordinated_subjects(SimpleNamespace(doc=doc), enc, [petrov, kiroga], set())
    assert [o.key for o in enc.subjects] == ["petrov"]
