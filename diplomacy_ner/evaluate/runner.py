"""Scoring predictions against gold documents, and running the library on a gold corpus."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from ..errors import Errors, NothingToScoreError
from ..schema import Analysis
from .comparable import (
    ComparableLocation,
    ComparableMeeting,
    is_scored,
    match_participants,
    meeting_from_gold,
    meeting_from_prediction,
    pair_meetings,
    same_host,
    same_location,
)
from .gold import GoldDocument, load_gold, load_predictions
from .matching import fold, names_of, same_name, same_role, set_counts
from .scores import EvaluationReport

__all__ = ["Analyzer", "entities_by_type", "evaluate", "person_counts", "predict_documents", "score_predictions"]

ENTITY_KEYS: tuple[str, ...] = ("persons", "countries", "bodies", "agreements")
SET_SLOTS: tuple[str, ...] = ("topics", "bodies", "agreements")
# Entity `type` values of a typed entity list, mapped to the gold entity keys.
ENTITY_TYPE_KEYS: dict[str, str] = {
    "person": "persons",
    "country": "countries",
    "body": "bodies",
    "organization": "bodies",
    "organisation": "bodies",
    "ministry": "bodies",
    "institution": "bodies",
    "agreement": "agreements",
}


def score_predictions(
    gold_docs: Iterable[GoldDocument],
    predictions: Mapping[str, Mapping[str, Any] | Analysis],
) -> EvaluationReport:
    """Score predictions against gold documents.

    gold_docs (Iterable[GoldDocument]): the gold corpus (see :func:`load_gold`).
    predictions (Mapping[str, Mapping | Analysis]): by document id, ``{"meetings": [...],
        "entities": [...]}`` in the serialised ``Analysis`` layout (or the gold layout),
        or an :class:`~diplomacy_ner.schema.Analysis`. A document without a prediction
        counts as one where nothing was found.
    RETURNS (EvaluationReport): the scores and the list of misses.
    """
    report = EvaluationReport()
    for doc in gold_docs:
        report.docs += 1
        found = predictions.get(doc.id)
        record: Mapping[str, Any] = (
            found.model_dump(mode="json") if isinstance(found, Analysis) else found or {}
        )
        _score_meetings(report, doc, record.get("meetings") or [])
        _score_entities(report, doc, record.get("entities"))
    return report


def _check(report: EvaluationReport, slot: str, ok: bool, doc_id: str, detail: str) -> None:
    report.accuracies[slot].add(ok)
    if not ok:
        report.errors.append(f"{doc_id}: {slot} wrong: {detail}")


def _first_names(items: Sequence[Any]) -> list[list[str]]:
    return [names_of(item)[:1] for item in items]


def _score_meetings(
    report: EvaluationReport, doc: GoldDocument, predicted: Sequence[Mapping[str, Any]]
) -> None:
    gold_meetings = [meeting_from_gold(meeting) for meeting in doc.meetings]
    pred_meetings = [meeting_from_prediction(meeting) for meeting in predicted if is_scored(meeting)]
    gold_to_pred = pair_meetings(gold_meetings, pred_meetings)
    scores = report.scores
    for gold_index, gold in enumerate(gold_meetings):
        if gold.optional:
            continue
        pred_index = gold_to_pred.get(gold_index)
        if pred_index is None:
            scores["meeting"].add(0, 0, 1)
            scores["participant"].add(0, 0, len(gold.participants))
            report.errors.append(f"{doc.id}: missed meeting {gold.names()}")
            continue
        _score_paired_meeting(report, doc.id, gold, pred_meetings[pred_index])
    paired = set(gold_to_pred.values())
    for pred_index, pred in enumerate(pred_meetings):
        if pred_index not in paired:
            scores["meeting"].add(0, 1, 0)
            scores["participant"].add(0, len(pred.participants), 0)
            report.errors.append(f"{doc.id}: spurious meeting {pred.names()}")


def _score_paired_meeting(
    report: EvaluationReport, doc_id: str, gold: ComparableMeeting, pred: ComparableMeeting
) -> None:
    scores = report.scores
    pairs = match_participants(gold.participants, pred.participants)
    exact = len(pairs) == len(gold.participants) == len(pred.participants)
    scores["meeting"].add(int(exact), int(not exact), int(not exact))
    if not exact:
        report.errors.append(f"{doc_id}: participants differ: gold {gold.names()} pred {pred.names()}")
    scores["participant"].add(
        len(pairs), len(pred.participants) - len(pairs), len(gold.participants) - len(pairs)
    )
    for gold_index, pred_index in pairs:
        gold_person, pred_person = gold.participants[gold_index], pred.participants[pred_index]
        # a slot the text leaves open (null in gold) is not scored
        if gold_person.country:
            _check(
                report, "country", fold(gold_person.country) == fold(pred_person.country), doc_id,
                f"{gold_person.name}: gold {gold_person.country} pred {pred_person.country}",
            )  # fmt: skip
        if gold_person.role:
            _check(
                report, "role", same_role(gold_person.role, pred_person.role), doc_id,
                f"{gold_person.name}: gold {gold_person.role!r} pred {pred_person.role!r}",
            )  # fmt: skip
    _check(report, "date", gold.date == pred.date, doc_id, f"gold {gold.date} pred {pred.date}")
    _check(
        report, "location", same_location(gold.location, pred.location), doc_id,
        f"gold {_location_repr(gold.location)} pred {_location_repr(pred.location)}",
    )  # fmt: skip
    _check(report, "host", same_host(gold.host, pred.host), doc_id, f"gold {gold.host} pred {pred.host}")
    _check(report, "kind", gold.kind == pred.kind, doc_id, f"gold {gold.kind} pred {pred.kind}")
    for key in SET_SLOTS:
        gold_items, pred_items = getattr(gold, key), getattr(pred, key)
        tp, fp, fn = set_counts(gold_items, pred_items)
        scores[key].add(tp, fp, fn)
        if fp or fn:
            report.errors.append(f"{doc_id}: {key}: gold {gold_items} pred {_first_names(pred_items)}")


def _location_repr(location: ComparableLocation | None) -> dict[str, str | None] | None:
    return location.as_dict() if location else None


def entities_by_type(entities: Any) -> dict[str, list[Any]]:
    """Group predicted entities under the gold entity keys.

    entities: a gold-layout mapping ``{"persons": [...], ...}`` (returned as is), or a
        list of typed entities (serialised :class:`~diplomacy_ner.schema.Entity`);
        a country is known by its code first, then by its other names.
    RETURNS (dict[str, list]): items by key (``persons``, ``countries``, ``bodies``, ``agreements``).
    """
    if isinstance(entities, Mapping):
        return {key: list(items) for key, items in entities.items()}
    grouped: dict[str, list[Any]] = {key: [] for key in ENTITY_KEYS}
    for entity in entities or []:
        key = ENTITY_TYPE_KEYS.get(str(entity.get("type") or entity.get("label") or "").lower())
        if key == "countries":
            code = entity.get("code") or entity.get("iso") or entity.get("name")
            grouped[key].append({"name": code, "aliases": names_of(entity)})
        elif key:
            grouped[key].append(entity)
    return grouped


def person_counts(gold: Sequence[str], predicted: Sequence[Any]) -> tuple[int, int, int]:
    """tp, fp, fn of gold person names against predicted person entities, matched
    greedily one to one by :func:`same_name` on each entity's canonical name."""
    used: set[int] = set()
    for gold_name in gold:
        for index, entity in enumerate(predicted):
            canonical = names_of(entity)[:1]
            if index not in used and canonical and same_name(gold_name, canonical[0]):
                used.add(index)
                break
    tp = len(used)
    return tp, len(predicted) - tp, len(gold) - tp


def _score_entities(report: EvaluationReport, doc: GoldDocument, predicted: Any) -> None:
    by_type = entities_by_type(predicted)
    for key in ENTITY_KEYS:
        gold_names = getattr(doc.entities, key)
        if gold_names is None:
            continue
        pred_items = by_type.get(key, [])
        count = person_counts if key == "persons" else set_counts
        tp, fp, fn = count(gold_names, pred_items)
        report.scores["entity_" + key].add(tp, fp, fn)
        if fp or fn:
            report.errors.append(
                f"{doc.id}: entities {key}: gold {gold_names} pred {_first_names(pred_items)}"
            )




class Analyzer(Protocol):
    """What :func:`evaluate` calls on every gold text (``diplomacy_ner.analyze`` by default)."""

    def __call__(self, text: str, *, published: dt.date | str | None = None) -> Analysis: ...


def predict_documents(
    gold_docs: Iterable[GoldDocument], analyze: Analyzer
) -> tuple[dict[str, dict[str, Any]], float]:
    """Run an analyzer on every gold text.

    gold_docs (Iterable[GoldDocument]): the gold corpus.
    analyze (Analyzer): called as ``analyze(text, published=...)``.
    RETURNS (tuple[dict[str, dict], float]): the predictions by document id, as
        ``{"id", "meetings", "entities"}`` records (the layout :func:`load_predictions`
        reads), and the seconds spent analysing.
    """
    predictions: dict[str, dict[str, Any]] = {}
    start = time.perf_counter()
    for doc in gold_docs:
        analysis = analyze(doc.text, published=doc.published)
        dump = analysis.model_dump(mode="json")
        predictions[doc.id] = {"id": doc.id, "meetings": dump["meetings"], "entities": dump["entities"]}
    return predictions, time.perf_counter() - start


def evaluate(
    gold_path: str | Path,
    *,
    analyze: Analyzer | None = None,
    predictions_path: str | Path | None = None,
) -> EvaluationReport:
    """Evaluate the library (or saved predictions) on a gold corpus.

    gold_path (str | Path): the gold JSONL file.
    analyze (Analyzer | None): called as ``analyze(text, published=...)`` on every
        gold text; defaults to :func:`diplomacy_ner.analyze` (imported here, so
        importing this module does not load spaCy).
    predictions_path (str | Path | None): saved predictions to score instead of
        running an analyzer (see :func:`load_predictions`).
    RETURNS (EvaluationReport): the scores; ``seconds`` is set when an analyzer ran.
    RAISES (ValueError): both ``analyze`` and ``predictions_path`` were given, or a
        file is malformed.
    RAISES (NothingToScoreError): no gold article is annotated ([D041]), or no
        prediction has the id of a gold article ([D042]).
    """
    gold_docs = load_gold(gold_path)
    if not any({"meetings", "entities"} & doc.model_fields_set for doc in gold_docs):
        raise NothingToScoreError(Errors.D041.format(path=gold_path))
    if predictions_path is not None:
        if analyze is not None:
            raise ValueError("Give either `analyze` or `predictions_path` to evaluate(), not both.")
        predictions = load_predictions(predictions_path)
        if not predictions.keys() & {doc.id for doc in gold_docs}:
            raise NothingToScoreError(
                Errors.D042.format(predictions=len(predictions), gold=len(gold_docs), example=gold_docs[0].id)
            )
        return score_predictions(gold_docs, predictions)
    if analyze is None:
        import diplomacy_ner  # the pipeline and spaCy load only when needed

        analyze = diplomacy_ner.analyze
    predictions, seconds = predict_documents(gold_docs, analyze)
    report = score_predictions(gold_docs, predictions)
    report.seconds = seconds
    return report
