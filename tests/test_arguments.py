"""Wrong arguments get a coded error naming the argument and what was expected (issue #13).

Most checks run on an ``Extractor`` around ``spacy.blank("fr")``: they happen before the
pipeline is used. One test runs the full pipeline to show that a single status string works.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from diplomacy_ner import Extractor, extract_meetings
from diplomacy_ner.kb.knowledge_base import KnowledgeBase
from diplomacy_ner.kb.records import BodyRecord

# invented officials of invented countries' ministries
MEETING = (
    "Rabat - Le ministre marocain des Affaires étrangères, Karim Benjelloun, a reçu mardi à Rabat "
    "son homologue portugais, Rui Ventoso."
)


@pytest.fixture(scope="module")
def blank_extractor() -> Extractor:
    return Extractor(pipeline=spacy.blank("fr"))


@pytest.mark.parametrize("statuses", ["held", ("held",), ["held", "planned"], {"cancelled"}])
def test_statuses_accepts_one_string_or_an_iterable(blank_extractor: Extractor, statuses: Any) -> None:
    assert blank_extractor.extract_meetings("Un texte.", statuses=statuses) == []


@pytest.mark.parametrize("bad", [["done"], "done", ("held", "HELD"), [None]])
def test_unknown_status_is_refused_naming_the_valid_ones(blank_extractor: Extractor, bad: Any) -> None:
    with pytest.raises(ValueError, match=r"\[D004\].*'held', 'planned', 'cancelled'"):
        blank_extractor.extract_meetings("Un texte.", statuses=bad)
    with pytest.raises(ValueError, match=r"\[D004\]"):
        extract_meetings("Un texte.", statuses=bad)  # checked before the default pipeline is built


@pytest.mark.parametrize("bad", [None, 5, b"held"])
def test_statuses_that_is_not_iterable_is_a_coded_type_error(blank_extractor: Extractor, bad: Any) -> None:
    with pytest.raises(TypeError, match=r"\[D005\] `statuses` must be a status or an iterable"):
        blank_extractor.extract_meetings("Un texte.", statuses=bad)


@pytest.mark.slow
def test_a_single_status_string_returns_the_held_meetings(extractor: Extractor) -> None:
    # regression: statuses="held" was read as the set {"h", "e", "l", "d"} and returned []
    meetings = extractor.extract_meetings(MEETING, published="2025-03-12", statuses="held")
    assert len(meetings) == 1
    assert meetings == extractor.extract_meetings(MEETING, published="2025-03-12")


@pytest.mark.parametrize("text", ["one text", b"one text", bytearray(b"x")])
def test_pipe_of_a_single_text_says_to_wrap_it_in_a_list(blank_extractor: Extractor, text: Any) -> None:
    with pytest.raises(TypeError, match=r"\[D006\].*wrap one text in a list"):
        blank_extractor.pipe(text)


@pytest.mark.parametrize("bad", [None, 5, 2.5])
def test_pipe_of_something_not_iterable_names_the_argument(blank_extractor: Extractor, bad: Any) -> None:
    with pytest.raises(
        TypeError, match=rf"\[D005\] `texts` must be an iterable of texts.*got {type(bad).__name__}"
    ):
        blank_extractor.pipe(bad)


@pytest.mark.parametrize(
    ("call", "pattern"),
    [
        (lambda e: e.add_records(None), r"\[D005\] `records` must be a list of records.*NoneType"),
        (lambda e: e.add_records(5), r"\[D005\] `records` must be a list of records.*int"),
        (lambda e: e.add_records(["person:x"]), r"\[D005\] `records\[0\]` must be a record dict.*str"),
        (lambda e: e.add_patterns(None), r"\[D005\] `patterns` must be a list of pattern dicts.*NoneType"),
        (lambda e: e.add_patterns(["wali"]), r"\[D005\] `patterns\[0\]` must be a pattern dict.*str"),
        (lambda e: e.add_alias(None, "x"), r"\[D007\] `entity_id` must be a non-empty string"),
        (lambda e: e.add_alias("body:ONU", 5), r"\[D007\] `alias` must be a non-empty string"),
    ],
)
def test_run_time_additions_with_wrong_types_name_the_argument(
    blank_extractor: Extractor, call: Any, pattern: str
) -> None:
    with pytest.raises(TypeError, match=pattern):
        call(blank_extractor)


@pytest.mark.parametrize("alias", ["", "   "])
def test_an_empty_alias_is_a_coded_value_error_not_a_validation_error(
    blank_extractor: Extractor, alias: str
) -> None:
    with pytest.raises(ValueError, match=r"\[D007\] `alias` must be a non-empty string") as caught:
        blank_extractor.add_alias("body:ONU", alias)
    assert type(caught.value) is ValueError  # not pydantic's ValidationError


def test_knowledge_base_add_alias_errors_are_coded() -> None:
    kb = KnowledgeBase([BodyRecord(id="body:CSF", name="Conseil des Sages du Fleuve", acronym="CSF")])
    with pytest.raises(KeyError, match=r"\[D008\].*'body:nope'"):
        kb.add_alias("body:nope", "les Sages")
    with pytest.raises(ValueError, match=r"\[D007\]"):
        kb.add_alias("body:CSF", "")


@pytest.mark.parametrize(("value", "type_name"), [(None, "NoneType"), (3, "int")])
def test_user_file_lists_that_are_not_lists_are_coded(value: Any, type_name: str) -> None:
    with pytest.raises(TypeError, match=rf"\[D005\] `kb_files` must be a list of paths, got {type_name}"):
        Extractor(kb_files=value)
    with pytest.raises(TypeError, match=r"\[D005\] `rule_files item` must be a path"):
        Extractor(rule_files=[3])
