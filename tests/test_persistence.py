"""A saved pipeline holds everything the user added: KB files, run-time records and patterns,
topic files. It loads in a fresh process after the user's files are gone."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from diplomacy_ner import Extractor

pytestmark = pytest.mark.slow

TEXT = (
    "Abidjan - La ministre ivoirienne des Affaires étrangères, Olga Vantrell, a reçu mardi à Abidjan "
    "le directeur de l'Observatoire ghanéen des voies lagunaires (OVL), Taro Quennec. "
    "Les deux responsables ont évoqué la pisciculture lagunaire et les travaux des Sages du Fleuve."
)
PUBLISHED = "2026-03-04"
VANTRELL = {
    "kind": "person", "id": "person:test-olga-vantrell", "name": "Olga Vantrell", "gender": "f", "source": "test",
    "roles": [{"title": "ministre des Affaires étrangères", "country": "CI", "start": "2026-01-15", "source": "test"}],
}
QUENNEC = {
    "kind": "person", "id": "person:test-taro-quennec", "name": "Taro Quennec", "gender": "m", "source": "test",
    "roles": [{"title": "directeur de l'Observatoire des voies lagunaires", "country": "GH", "start": "2025-01-01", "source": "test"}],
}
OVL = {"kind": "body", "id": "body:test-ovl", "name": "Observatoire des voies lagunaires", "acronym": "OVL",
       "scope": "national", "country": "GH", "source": "test"}

LOAD_AND_PRINT = """
import json, sys
from diplomacy_ner import Extractor
analysis = Extractor(pipeline=sys.argv[1]).analyze(sys.argv[2], published=sys.argv[3])
print(json.dumps({"meetings": [m.model_dump(mode="json") for m in analysis.meetings],
                  "entities": [e.model_dump(mode="json") for e in analysis.entities]}, ensure_ascii=False))
"""


def test_a_saved_pipeline_needs_none_of_the_user_files(tmp_path: Path) -> None:
    kb = tmp_path / "kb.jsonl"
    kb.write_text(json.dumps(VANTRELL, ensure_ascii=False) + "\n", encoding="utf-8")
    topics = tmp_path / "topics.jsonl"
    topics.write_text('{"topic": "aquaculture", "pattern": "pisciculture lagunaire"}\n', encoding="utf-8")
    extractor = Extractor(kb_files=[kb], topic_files=[topics])
    extractor.add_records([QUENNEC, OVL])
    extractor.add_patterns([{"label": "BODY", "pattern": "Sages du Fleuve", "id": "body:test-sages"}])
    analysis = extractor.analyze(TEXT, published=PUBLISHED)
    expected = {
        "meetings": [m.model_dump(mode="json") for m in analysis.meetings],
        "entities": [e.model_dump(mode="json") for e in analysis.entities],
    }
    [meeting] = expected["meetings"]
    assert {p["id"] for p in meeting["participants"]} == {"person:test-olga-vantrell", "person:test-taro-quennec"}
    assert "aquaculture" in meeting["topics"]
    assert {"body:test-ovl", "body:test-sages"} <= {e["id"] for e in expected["entities"]}

    saved = tmp_path / "saved"
    extractor.to_disk(saved)
    kb.unlink()
    topics.unlink()
    run = subprocess.run(
        [sys.executable, "-c", LOAD_AND_PRINT, str(saved), TEXT, PUBLISHED],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert json.loads(run.stdout.strip().splitlines()[-1]) == expected
