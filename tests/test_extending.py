"""Extending the knowledge base and the rules: files and the run-time API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplomacy_ner import Extractor

pytestmark = pytest.mark.slow

TEXT = (
    "Abidjan - Mme Koné a reçu mardi à Abidjan le ministre ghanéen des Affaires étrangères, Kwame Asante. "
    "Les deux ministres ont évoqué les travaux du CPLA."
)


def test_user_kb_file_adds_a_minister_and_a_body(tmp_path: Path) -> None:
    kb = tmp_path / "my_kb.jsonl"
    records = [
        {
            "kind": "person", "id": "person:amina-kone", "name": "Amina Koné", "aliases": ["Mme Koné", "Koné"],
            "gender": "f", "source": "test",
            "roles": [{"title": "ministre des Affaires étrangères", "country": "CI", "start": "2026-01-15", "source": "test"}],
        },
        {"kind": "body", "id": "body:CPLA", "name": "Comité permanent de liaison agricole", "acronym": "CPLA",
         "scope": "mechanism", "source": "test"},
    ]
    kb.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    extractor = Extractor(kb_files=[kb])
    [m] = extractor.extract_meetings(TEXT, published="2026-03-04")
    kone = next(p for p in m.participants if p.id == "person:amina-kone")
    assert kone.role == "ministre des Affaires étrangères" and kone.country == "CI"
    assert [b.acronym for b in m.bodies] == ["CPLA"]


@pytest.fixture(scope="module")
def own_extractor() -> Extractor:
    return Extractor()


def test_run_time_records_and_patterns(own_extractor: Extractor) -> None:
    extractor = own_extractor
    before = extractor.analyze("Les Sages du Fleuve ont siégé.")
    assert not [e for e in before.entities if e.type == "body"]
    extractor.add_patterns([{"label": "BODY", "pattern": "Sages du Fleuve", "id": "body:csf-test"}])
    after = extractor.analyze("Les Sages du Fleuve ont siégé.")
    assert [e.id for e in after.entities if e.type == "body"] == ["body:csf-test"]
    extractor.add_records([{"kind": "body", "id": "body:OBSX", "name": "Observatoire saharien des frontières",
                            "acronym": "OSF", "scope": "regional", "source": "test"}])
    found = extractor.analyze("Les experts de l'OSF se sont réunis.")
    assert "body:OBSX" in {e.id for e in found.entities}
    # the change stays in this extractor: the shipped knowledge base other pipelines start from is untouched
    from diplomacy_ner.kb import KnowledgeBase

    assert extractor.nlp.get_pipe("diplomacy_linker").kb.get("body:OBSX") is not None
    assert KnowledgeBase.default().get("body:OBSX") is None
