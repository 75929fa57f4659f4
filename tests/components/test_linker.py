"""diplomacy_linker on spacy.blank("fr"): it owns the knowledge base, saves it, and links
misspelt names through the alias index with the configured threshold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import diplomacy_ner.components.entity_rules  # noqa: F401  (the factories are also entry points)
import diplomacy_ner.components.linker  # noqa: F401
from diplomacy_ner.kb.records import BodyRecord

TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "diplomacy.normalizing_tokenizer.v1"}}}

# an invented minister of an invented government
NDIAYE = {
    "kind": "person", "id": "person:test-olga-vantrell", "name": "Olga Vantrell", "gender": "f", "source": "test",
    "roles": [{"title": "ministre des Affaires étrangères", "country": "CI", "start": "2026-01-15", "source": "test"}],
}
OBSERVATORY = BodyRecord(id="body:test-ovl", name="Observatoire des voies lagunaires", acronym="OVL", scope="regional", source="test")


def blank(**linker_config) -> Language:
    nlp = spacy.blank("fr", config=TOKENIZER)
    nlp.add_pipe("diplomacy_entity_rules")
    nlp.add_pipe("diplomacy_linker", config=linker_config)
    return nlp


def write_kb(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def entity_ids(doc) -> set[str]:
    return {e["id"] for e in doc._.entities}


def test_the_linker_owns_the_kb_and_the_rules_read_it(tmp_path: Path) -> None:
    nlp = blank(kb_files=[str(write_kb(tmp_path / "kb.jsonl", NDIAYE))])
    linker = nlp.get_pipe("diplomacy_linker")
    assert linker.kb.get("person:test-olga-vantrell") is not None
    linker.add_records([OBSERVATORY])
    # the entity rules recognise what was added to the linker's knowledge base, without being told
    doc = nlp("Les experts de l'OVL ont reçu Mme Olga Vantrell.")
    assert {"body:test-ovl", "person:test-olga-vantrell"} <= entity_ids(doc)
    assert nlp.get_pipe("diplomacy_entity_rules").kb is linker.kb


def test_the_kb_round_trips_through_bytes_and_disk_without_the_user_file(tmp_path: Path) -> None:
    user_file = write_kb(tmp_path / "kb.jsonl", NDIAYE)
    nlp = blank(kb_files=[str(user_file)])
    nlp.get_pipe("diplomacy_linker").add_records([OBSERVATORY])
    data = nlp.get_pipe("diplomacy_linker").to_bytes()
    nlp.to_disk(tmp_path / "saved")
    user_file.unlink()  # the saved pipeline must not need it

    for restored in (
        blank(kb_files=[str(user_file)]).get_pipe("diplomacy_linker").from_bytes(data),
        spacy.load(tmp_path / "saved").get_pipe("diplomacy_linker"),
    ):
        kb = restored.kb
        assert kb.get("person:test-olga-vantrell").roles[0].country == "CI"
        assert kb.get("body:test-ovl") is not None


def test_loading_clears_what_the_component_held_before(tmp_path: Path) -> None:
    empty = blank().get_pipe("diplomacy_linker").to_bytes()
    linker = blank().get_pipe("diplomacy_linker")
    linker.add_records([OBSERVATORY])
    linker.from_bytes(empty)
    assert linker.kb.get("body:test-ovl") is None
    assert linker.kb.get("country:MA") is not None  # the shipped records stay


def test_spans_carry_the_participant_code_of_bodies() -> None:
    doc = blank()("Le secrétaire général de l'ONU a reçu la délégation de l'Union européenne.")
    codes = doc._.body_codes
    assert codes.get("body:ONU") == "ONU"
    assert any(code == "UE" for code in codes.values())


@pytest.mark.parametrize(
    ("written", "threshold", "linked"),
    [
        ("Jiri Paroubek", 88, True),  # accent-less: the folded alias
        ("Jiri Paroubeck", 88, True),  # misspelt: fuzzy, within the threshold
        ("Jiri Paroubeck", 98, False),  # the same spelling under a stricter threshold
        ("Jirka Parobecky", 88, False),  # too far
    ],
)
def test_misspelt_names_link_through_the_configured_threshold(written: str, threshold: int, linked: bool) -> None:
    doc = blank(fuzzy_threshold=threshold)(f"Mme Olga Vantrell a reçu M. {written} mardi.")
    assert ("person:jiri-paroubek" in entity_ids(doc)) is linked


def test_the_threshold_reaches_the_alias_index() -> None:
    linker = blank(fuzzy_threshold=91).get_pipe("diplomacy_linker")
    assert linker.candidates("Jiri Paroubeck", types=("person",))[0].entity_id == "person:jiri-paroubek"
    assert all(c.score <= 0.9 for c in linker.candidates("Jiri Paroubeck", types=("person",)))
    strict = blank(fuzzy_threshold=99).get_pipe("diplomacy_linker")
    assert strict.candidates("Jiri Paroubeck", types=("person",)) == []


@pytest.mark.parametrize(
    ("countries", "expected"),
    [
        (["ES", "PT", "MA"], "body:DGSN-MA"),  # no Spanish DGSN: the article's next country with one
        (["RS", "DZ"], "body:DGSN-DZ"),
        ([], "body:DGSN-MR"),  # no home country: the rules' choice stays
    ],
)
def test_a_national_body_of_a_shared_name_is_the_articles_country(countries: list[str], expected: str) -> None:
    from diplomacy_ner.rules.kb_links import KBLinks

    links = KBLinks(blank().get_pipe("diplomacy_linker").kb, 88)
    assert links.disambiguate_national("body:DGSN-MR", "DGSN", countries) == expected
