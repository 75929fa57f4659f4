"""The pipeline end to end: seed articles, offsets, saving and loading, packaging."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import spacy

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "data" / "seeds.jsonl"


def _seed(seed_id: str) -> dict:
    for line in SEEDS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == seed_id:
            return record
    raise KeyError(seed_id)


def _walk_mentions(value, found):
    if isinstance(value, dict):
        if {"start", "end", "text"} <= value.keys():
            found.append(value)
        for v in value.values():
            _walk_mentions(v, found)
    elif isinstance(value, list):
        for v in value:
            _walk_mentions(v, found)
    return found


@pytest.mark.slow
def test_seed_000_two_meetings_and_background_signing(extractor) -> None:
    seed = _seed("seed-000")
    meetings = extractor.extract_meetings(seed["text"], published=seed["published"])
    by_guest = {next(p.name for p in m.participants if p.name != "Abdelouafi Laftit"): m for m in meetings}
    assert set(by_guest) == {"Ivica Dačić", "Laurent Nuñez"}
    serbian = next(p for p in by_guest["Ivica Dačić"].participants if p.name == "Ivica Dačić")
    assert serbian.country == "RS" and serbian.role == "ministre de l'Intérieur"
    french_meeting = by_guest["Laurent Nuñez"]
    assert {b.acronym for b in french_meeting.bodies} == {"GMMP"}
    assert [a.name for a in french_meeting.agreements] == ["Déclaration de partenariat d'exception renforcé"]
    everyone = {p.name for m in meetings for p in m.participants}
    assert "Mohammed VI" not in everyone and "Emmanuel Macron" not in everyone
    assert all(m.date is None and m.location is None and m.host is None for m in meetings)


@pytest.mark.slow
def test_seed_003_hosted_in_rabat_on_monday(extractor) -> None:
    seed = _seed("seed-003")
    [m] = extractor.extract_meetings(seed["text"], published=seed["published"])
    assert m.host is not None and m.host.name == "Abdelouafi Laftit"
    assert m.date is not None and m.date.isoformat() == "2024-04-22"
    assert m.location is not None and (m.location.name, m.location.country) == ("Rabat", "MA")
    assert {p.name for p in m.participants} == {"Abdelouafi Laftit", "Gérald Darmanin"}
    assert m.date_expression is not None and m.date_expression.text == "lundi"


@pytest.mark.slow
@pytest.mark.parametrize("seed_id", ["seed-000", "seed-003"])
def test_every_offset_points_into_the_original_text(extractor, seed_id: str) -> None:
    seed = _seed(seed_id)
    text = seed["text"]
    analysis = extractor.analyze(text, published=seed["published"])
    mentions = _walk_mentions(analysis.model_dump(mode="json"), [])
    assert len(mentions) > 20
    for m in mentions:
        assert text[m["start"] : m["end"]] == m["text"]


@pytest.mark.slow
def test_saved_pipeline_loads_in_a_fresh_process(extractor, tmp_path: Path) -> None:
    """nlp.to_disk, then spacy.load in a process that never imports diplomacy_ner."""
    seed = _seed("seed-003")
    path = tmp_path / "pipeline"
    extractor.nlp.to_disk(path)
    expected = extractor.analyze(seed["text"], published=seed["published"]).model_dump(mode="json")["meetings"]
    script = (
        "import json, sys, spacy\n"
        "nlp = spacy.load(sys.argv[1])\n"
        "doc = nlp.make_doc(sys.argv[2])\n"
        "doc._.published = sys.argv[3]\n"
        "doc = nlp(doc)\n"
        "assert 'diplomacy_ner.api' not in sys.modules\n"
        "print(json.dumps(doc._.meetings, ensure_ascii=False))\n"
    )
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    out = subprocess.run(
        [sys.executable, "-c", script, str(path), seed["text"], seed["published"]],
        capture_output=True, text=True, env=env, check=True, timeout=300,
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == expected


@pytest.mark.slow
def test_extractor_loads_a_saved_pipeline(extractor, tmp_path: Path) -> None:
    from diplomacy_ner import Extractor

    seed = _seed("seed-003")
    path = tmp_path / "saved"
    extractor.to_disk(path)
    loaded = Extractor(pipeline=path)
    assert loaded.analyze(seed["text"], published=seed["published"]).meetings == extractor.analyze(
        seed["text"], published=seed["published"]
    ).meetings


def test_wheel_ships_the_runtime_files(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(REPO)],
        check=True, capture_output=True, timeout=600,
    )
    [wheel] = list(tmp_path.glob("diplomacy_ner-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    required = [
        "diplomacy_ner/resources/config.cfg",
        "diplomacy_ner/resources/kb/countries.jsonl",
        "diplomacy_ner/resources/kb/bodies.jsonl",
        "diplomacy_ner/resources/kb/people.jsonl",
        "diplomacy_ner/resources/kb/agreements.jsonl",
        "diplomacy_ner/resources/patterns/titles.jsonl",
        "diplomacy_ner/resources/patterns/body_heads.jsonl",
        "diplomacy_ner/resources/patterns/agreement_heads.jsonl",
        "diplomacy_ner/resources/lexicons/topics.jsonl",
        "diplomacy_ner/resources/lexicons/cities.tsv",
        "diplomacy_ner/resources/lexicons/city_exonyms.jsonl",
    ]
    missing = [n for n in required if n not in names]
    assert not missing, missing
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    for factory in ("diplomacy_entity_rules", "diplomacy_linker", "diplomacy_meetings", "diplomacy_paragraphs"):
        assert factory in text
    assert "diplomacy.normalizing_tokenizer.v1" in text


def test_models_config_is_the_packaged_definition() -> None:
    assert (REPO / "models" / "config.cfg").read_text(encoding="utf-8") == (
        REPO / "diplomacy_ner" / "resources" / "config.cfg"
    ).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "text",
    [
        "LL.MM. le roi et la reine de Norlande ont reçu S.E. M. Orvel Dask.",
        "Le chargé d'affaires a.i. de l'ambassade, MM. Brel et Taun, S.A.R. la princesse.",
    ],
)
def test_the_built_pipeline_tokenizes_as_spacys_french_tokenizer(extractor, text: str) -> None:
    """No special case is added to the model's tokenizer: its parser was trained on this tokenization."""
    from diplomacy_ner.normalize import normalize_text

    words = [t.text for t in extractor.nlp.make_doc(text)]
    assert words == [t.text for t in spacy.blank("fr").tokenizer(normalize_text(text)[0])]
