"""A known name ending a longer one ("Le chef de l'État A B … le conseiller C A B"): two people when
the titles before them differ in class; an aide whose office names another participant's ("… du
chef de l'État") serves that participant's state (sentences written for these tests, invented names
and an invented knowledge-base record)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplomacy_ner import Extractor

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def kb_extractor(tmp_path_factory) -> Extractor:
    kb: Path = tmp_path_factory.mktemp("kb") / "kin_kb.jsonl"
    record = {
        "kind": "person", "id": "person:sani-kaka-test", "name": "Sani Kaka", "aliases": [], "gender": "m",
        "source": "test", "roles": [{"title": "président de la République", "country": "NE", "start": "2020-01-01", "source": "test"}],
    }
    kb.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return Extractor(kb_files=[kb])


def people(meeting):
    return sorted((p.name, p.country) for p in meeting.participants)


@pytest.mark.parametrize(
    "aide",
    [
        "le conseiller spécial du chef de l'État Moussa Sani Kaka",
        "le directeur de cabinet adjoint du chef de l'État Moussa Sani Kaka",
    ],
)
def test_son_named_after_the_father_is_another_person(kb_extractor, aide) -> None:
    text = (
        "Le chef de l'État Sani Kaka a reçu mardi à Niamey le ministre français des Armées, Paul Garnier. "
        f"Le ministre nigérien des Affaires étrangères Issa Bako et {aide} ont pris part à l'entretien."
    )
    [m] = kb_extractor.extract_meetings(text, published="2025-03-12")
    assert people(m) == [("Issa Bako", "NE"), ("Moussa Sani Kaka", "NE"), ("Paul Garnier", "FR"), ("Sani Kaka", "NE")]
    roles = {p.name: p.role for p in m.participants}
    assert roles["Sani Kaka"] == "chef de l'État"
    assert roles["Moussa Sani Kaka"].endswith("du chef de l'État")


def test_longer_form_under_the_same_office_is_the_same_person(kb_extractor) -> None:
    """Guard: the longer form under a title of the same class stays the known person."""
    text = (
        "Le chef de l'État Moussa Sani Kaka a reçu mardi à Niamey le ministre français des Armées, Paul Garnier. "
        "Le président Sani Kaka a évoqué la coopération militaire."
    )
    [m] = kb_extractor.extract_meetings(text, published="2025-03-12")
    assert len(m.participants) == 2
    assert {p.country for p in m.participants} == {"NE", "FR"}
