"""Score meeting extraction against gold annotations.

This is the library's own evaluator (the gold layout and the metrics are
described in ``docs/gold-format.md``). It computes the metrics of the reference
scorer the project was first measured with, with the same
normalisation, pairing and matching rules, so both report the same numbers on
the same gold and predictions:

- meetings are paired with gold meetings greedily by participant overlap;
  predicted meetings whose status is ``planned`` or ``cancelled`` are left out
  first, and optional gold meetings (with any prediction paired to them) are
  neither rewarded nor penalised;
- ``meeting``, ``participant``, ``topics``, ``bodies``, ``agreements`` and
  ``entity_*`` are precision / recall / F1 with their tp/fp/fn counts;
- ``date``, ``location``, ``host``, ``kind``, participant ``country`` and
  ``role`` are accuracies over paired meetings (participants).

>>> from diplomacy_ner.evaluate import evaluate
>>> report = evaluate("data/eval_fixture/gold.jsonl", predictions_path="data/eval_fixture/predictions.jsonl")
>>> print(report.format_table())

Importing this module is cheap: the pipeline (and spaCy) is only imported when
:func:`evaluate` runs the default analyzer.
"""

from __future__ import annotations

from .comparable import (
    ComparableLocation,
    ComparableMeeting,
    ComparableParticipant,
    match_participants,
    meeting_from_gold,
    meeting_from_prediction,
    pair_meetings,
    same_host,
    same_location,
    same_person,
)
from .gold import GoldDocument, GoldEntities, GoldLocation, GoldMeeting, GoldParticipant, load_gold, load_predictions
from .matching import fold, name_tokens, names_of, role_keys, same_name, same_role, same_thing, set_counts
from .runner import Analyzer, entities_by_type, evaluate, person_counts, predict_documents, score_predictions
from .scores import PRF_METRICS, SLOT_METRICS, EvaluationReport, PRFScore, SlotAccuracy

__all__ = [
    "PRF_METRICS",
    "SLOT_METRICS",
    "Analyzer",
    "ComparableLocation",
    "ComparableMeeting",
    "ComparableParticipant",
    "EvaluationReport",
    "GoldDocument",
    "GoldEntities",
    "GoldLocation",
    "GoldMeeting",
    "GoldParticipant",
    "PRFScore",
    "SlotAccuracy",
    "entities_by_type",
    "evaluate",
    "fold",
    "load_gold",
    "load_predictions",
    "match_participants",
    "meeting_from_gold",
    "meeting_from_prediction",
    "name_tokens",
    "names_of",
    "pair_meetings",
    "person_counts",
    "predict_documents",
    "role_keys",
    "same_host",
    "same_location",
    "same_name",
    "same_person",
    "same_role",
    "same_thing",
    "score_predictions",
    "set_counts",
]
