"""The scores of an evaluation: precision / recall / F1 counts, slot accuracies, the report."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

__all__ = ["PRF_METRICS", "SLOT_METRICS", "EvaluationReport", "PRFScore", "SlotAccuracy"]

# Metric names, in the order the reference scorer reports them.
PRF_METRICS: tuple[str, ...] = (
    "meeting",
    "participant",
    "topics",
    "bodies",
    "agreements",
    "entity_persons",
    "entity_countries",
    "entity_bodies",
    "entity_agreements",
)
SLOT_METRICS: tuple[str, ...] = ("date", "location", "host", "kind", "country", "role")


@dataclass
class PRFScore:
    """Counts of one set-valued metric, with precision, recall and F1.

    With nothing predicted, precision is 1.0 if nothing was missed (0.0
    otherwise); with nothing to find, recall is 1.0.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        """Add counts."""
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def precision(self) -> float:
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 0.0 if self.fn else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        """RETURNS (dict): ``{"p", "r", "f1"}`` rounded to 3 decimals and ``"counts": [tp, fp, fn]``."""
        return {
            "p": round(self.precision, 3),
            "r": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "counts": [self.tp, self.fp, self.fn],
        }


@dataclass
class SlotAccuracy:
    """Accuracy of one slot over the paired meetings (or participants)."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        """Count one comparison."""
        self.correct += int(ok)
        self.total += 1

    @property
    def accuracy(self) -> float | None:
        """The share of correct values, None when nothing was compared."""
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        """RETURNS (dict): ``{"acc": rounded accuracy or None, "n": total}``."""
        accuracy = self.accuracy
        return {"acc": round(accuracy, 3) if accuracy is not None else None, "n": self.total}


@dataclass
class EvaluationReport:
    """The scores of a set of predictions against a gold corpus.

    docs (int): number of gold documents.
    scores (dict[str, PRFScore]): one per name in :data:`PRF_METRICS`.
    accuracies (dict[str, SlotAccuracy]): one per name in :data:`SLOT_METRICS`.
    errors (list[str]): every miss, worded as the reference scorer's ``--errors``.
    seconds (float | None): analysis time when :func:`evaluate` ran an analyzer.
    """

    docs: int = 0
    scores: dict[str, PRFScore] = field(default_factory=lambda: {key: PRFScore() for key in PRF_METRICS})
    accuracies: dict[str, SlotAccuracy] = field(
        default_factory=lambda: {key: SlotAccuracy() for key in SLOT_METRICS}
    )
    errors: list[str] = field(default_factory=list)
    seconds: float | None = None

    @property
    def metrics(self) -> dict[str, Any]:
        """The scores in the reference scorer's JSON layout: ``docs``, then
        ``{p, r, f1, counts}`` per F1 metric, then ``{acc, n}`` per ``<slot>_acc``,
        then ``seconds`` when an analyzer was timed."""
        out: dict[str, Any] = {"docs": self.docs}
        for key in PRF_METRICS:
            out[key] = self.scores[key].to_dict()
        for key in SLOT_METRICS:
            out[f"{key}_acc"] = self.accuracies[key].to_dict()
        if self.seconds is not None:
            out["seconds"] = round(self.seconds, 2)
        return out

    def to_json(self, *, include_errors: bool = False, indent: int | None = None) -> str:
        """Serialise :attr:`metrics` as JSON (non-ASCII characters kept).

        include_errors (bool): add the ``errors`` list.
        indent (int | None): passed to :func:`json.dumps`.
        RETURNS (str): the JSON text.
        """
        payload = self.metrics
        if include_errors:
            payload["errors"] = list(self.errors)
        return json.dumps(payload, ensure_ascii=False, indent=indent)

    def format_table(self) -> str:
        """The scores as the reference scorer's text table: one line per F1 metric
        (P, R, F1, [tp, fp, fn]), one per accuracy (with the number compared),
        and the number of documents.

        RETURNS (str): the table, lines joined by newlines (no trailing newline).
        """
        lines = [f"{'metric':22} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn"]
        for key in PRF_METRICS:
            row = self.scores[key].to_dict()
            lines.append(f"{key:22} {row['p']:6.3f} {row['r']:6.3f} {row['f1']:6.3f}   {row['counts']}")
        for key in SLOT_METRICS:
            row = self.accuracies[key].to_dict()
            accuracy = "n/a" if row["acc"] is None else f"{row['acc']:.3f}"
            lines.append(f"{key + '_acc':22} {accuracy:>6}   over {row['n']}")
        footer = f"docs {self.docs}"
        if self.seconds is not None:
            footer += f", {round(self.seconds, 2)} s"
        lines.append(footer)
        return "\n".join(lines)
