"""``TokenWords.of`` gives what the doc's tokens give, for words seen before or not."""

from __future__ import annotations

import pytest
import spacy

import diplomacy_ner.rules.tokens as tokens
from diplomacy_ner.rules.tokens import TokenWords


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.blank("fr")


def _expected(doc: spacy.tokens.Doc) -> tuple[list[str], list[str], list[bool]]:
    return [t.text for t in doc], [t.lower_ for t in doc], [bool(t.whitespace_) for t in doc]


def test_token_strings_and_spaces_match_the_tokens(nlp: spacy.language.Language) -> None:
    doc = nlp("Le Ministre Zorvan Kettle a reçu  l'ambassadeur d'Ostrie, hier.")
    words = TokenWords.of(doc)
    assert (words.texts, words.lowers, words.spaces) == _expected(doc)
    assert words.whole_text() == doc.text
    assert words.text(1, 4) == doc[1:4].text == "Ministre Zorvan Kettle"


def test_a_full_string_cache_is_emptied_and_refilled(nlp: spacy.language.Language, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tokens, "_STRING_CACHE_SIZE", 3)
    first = nlp("Quelques mots déjà vus.")
    TokenWords.of(first)
    doc = nlp("Des mots Jamais-Vus-Encore Qwertzuiop.")  # new strings, with the cache over its size
    words = TokenWords.of(doc)
    assert (words.texts, words.lowers, words.spaces) == _expected(doc)
    assert len(tokens._STRING_OF) <= 2 * len(doc)  # emptied, then holds this doc's strings only


def test_an_empty_doc_has_no_words(nlp: spacy.language.Language) -> None:
    words = TokenWords.of(nlp(""))
    assert (words.texts, words.lowers, words.spaces) == ([], [], [])


def test_hyphenated_words_whole_or_split_by_the_tokenizer() -> None:
    from diplomacy_ner.rules.tokens import hyphenated_words

    texts = ["Le", "sommet", "franco-tunisien", "de", "Jean", "-", "Yves", "Brol", "-", "à", "Port", "-", "Vila", "-", "x"]
    spaces = [True, True, True, True, False, False, True, True, True, True, False, False, False, False, False]
    words = TokenWords(texts, [t.lower() for t in texts], spaces)
    assert hyphenated_words(words) == [
        (2, 3, "franco-tunisien"),
        (4, 7, "Jean-Yves"),  # "Brol -" has spaces around the dash: no word
        (10, 15, "Port-Vila-x"),
    ]
    assert hyphenated_words(TokenWords(["sans", "tiret"], ["sans", "tiret"], [True, False])) == []


def test_first_names_of_the_knowledge_base_are_told_by_their_folded_form(extractor) -> None:
    names = extractor.nlp.get_pipe("diplomacy_entity_rules").names
    first = next(iter(sorted(names.first_names)))  # a folded first word of a known person's name
    written = first.capitalize()
    assert names.is_first_name(written) and names.is_first_name(written)  # asked twice: the answer is kept
    assert not names.is_first_name(first)  # in lower case: no name
    assert not names.is_first_name("Qwertzuiopä")
