"""The project stands on its own: its gold format is documented in the repository, and
texts that others wrote are read from the shared corpora, never kept in ``data/``."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from diplomacy_ner.evaluate import GoldDocument, GoldEntities, GoldLocation, GoldMeeting, GoldParticipant

REPO = Path(__file__).resolve().parents[1]
GOLD_FORMAT = REPO / "docs" / "gold-format.md"
SHARED_CORPUS = Path(os.environ.get("DIPLOMACY_SHARED", REPO.parent / "shared")) / "corpus"
#: The articles the project started from: press texts it keeps for evaluation.
SEED_FILE = "seeds.jsonl"


def _texts(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as lines:
        return {record["id"]: record["text"] for record in map(json.loads, lines) if "text" in record}


def test_the_gold_format_is_documented_in_the_repository() -> None:
    doc = GOLD_FORMAT.read_text(encoding="utf-8")
    for heading in (
        "Layout of a gold file",
        "What to annotate as a meeting",
        "Fields of a meeting",
        "How `evaluate` scores",
    ):
        assert f"## {heading}" in doc
    for model in (GoldDocument, GoldEntities, GoldMeeting, GoldParticipant, GoldLocation):
        for field in model.model_fields:
            assert f"`{field}`" in doc, f"{model.__name__}.{field} is not described"
    assert "diplomacy-ner evaluate" in doc


def test_readme_points_to_the_project_s_own_gold_format_and_evaluator() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    # regression: the quality section pointed to files outside the repository
    assert "GOLD_FORMAT.md" not in readme
    assert "scripts/score.py" not in readme
    assert "docs/gold-format.md" in readme
    quality = re.search(r"## Quality\n(.*?)\n## ", readme, re.S)
    assert quality and "diplomacy-ner evaluate" in quality.group(1)


def test_data_holds_no_wikinews_article() -> None:
    assert not (REPO / "data" / "dev-wikinews.jsonl").exists()
    for path in sorted((REPO / "data").rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert not str(record.get("id", "")).startswith("dev-w"), f"{path}: {record['id']}"
            assert "wikinews" not in str(record.get("source", "")).lower(), f"{path}: {record.get('id')}"


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason=f"shared corpora not found at {SHARED_CORPUS}")
def test_no_text_of_the_shared_corpora_is_copied_into_the_repository() -> None:
    ours = {text for path in sorted((REPO / "data").rglob("*.jsonl")) for text in _texts(path).values()}
    for corpus in sorted(SHARED_CORPUS.glob("*.jsonl")):
        if corpus.name == SEED_FILE:
            continue
        for doc_id, text in _texts(corpus).items():
            if doc_id.startswith("dev-") and not doc_id.startswith("dev-w"):
                continue  # the development articles written for this project
            assert text not in ours, f"{corpus.name}:{doc_id} is copied under data/"
