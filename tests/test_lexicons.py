"""The package's word lists are data: read once, validated, reachable by name."""

import pytest

from diplomacy_ner import lexicons
from diplomacy_ner.errors import KnowledgeBaseError
from diplomacy_ner.folding import strip_honorifics


def test_word_set_reads_the_shipped_file():
    forms = lexicons.word_set("honorific_forms")
    assert "son excellence" in forms and "mme" in forms
    assert "president" not in forms  # a title that says what someone does is no honorific


def test_unknown_name_is_a_lookup_error():
    with pytest.raises(LookupError, match="no word set 'nope'"):
        lexicons.word_set("nope")
    with pytest.raises(LookupError, match="no cue 'nope'"):
        lexicons.cue("nope")


def test_every_shipped_name_loads():
    names = lexicons.names()
    for name in names["words"]:
        assert lexicons.word_set(name)
    for name in names["cues"]:
        assert lexicons.cue(name).pattern


def test_bad_line_names_file_and_line():
    shipped = lexicons._Shipped.__new__(lexicons._Shipped)
    shipped.words, shipped.ordered, shipped.cues = {}, {}, {}
    with pytest.raises(KnowledgeBaseError, match=r"mine\.jsonl:2: field `words`"):
        shipped._read(['{"name": "ok", "words": ["a"]}', '{"name": "bad", "words": []}'], "mine.jsonl")
    with pytest.raises(KnowledgeBaseError, match=r"mine\.jsonl:1.*regex"):
        shipped._read(['{"name": "bad", "regex": "(unclosed"}'], "mine.jsonl")


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Son Excellence Monsieur Ilan Korvetto", "Ilan Korvetto"),
        ("SEM Ilan Korvetto", "Ilan Korvetto"),
        ("Sem Korvetto", "Sem Korvetto"),  # a given name, not the undotted honorific
        ("Mmadi Korvetto", "Mmadi Korvetto"),
    ],
)
def test_honorifics_come_from_the_lexicon(written, name):
    assert strip_honorifics(written) == name


def test_word_list_keeps_the_file_order():
    assert lexicons.word_list("weekdays")[:2] == ("lundi", "mardi")
    assert lexicons.word_list("weekdays").index("dimanche") == 6
