"""Gold and predicted meetings reduced to what is scored, and paired.

Predicted meetings may be in the serialised :class:`~diplomacy_ner.schema.Meeting`
layout or in the gold layout.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .gold import GoldMeeting
from .matching import fold, same_name, same_role

__all__ = [
    "ComparableLocation",
    "ComparableMeeting",
    "ComparableParticipant",
    "is_scored",
    "match_participants",
    "meeting_from_gold",
    "meeting_from_prediction",
    "pair_meetings",
    "same_host",
    "same_location",
    "same_person",
]

# Only meetings that took place are scored (a missing status counts as held).
SCORED_STATUSES: tuple[str | None, ...] = (None, "held")


@dataclass(frozen=True)
class ComparableParticipant:
    """A participant reduced to what is scored."""

    name: str | None
    country: str | None
    role: str | None


@dataclass(frozen=True)
class ComparableLocation:
    """A location reduced to what is scored."""

    name: str | None
    country: str | None

    def as_dict(self) -> dict[str, str | None]:
        return {"name": self.name, "country": self.country}


@dataclass
class ComparableMeeting:
    """A gold or predicted meeting reduced to what is scored.

    Predicted ``topics``/``bodies``/``agreements`` keep their items as given
    (strings or entity references); gold ones are canonical names.
    """

    participants: list[ComparableParticipant]
    host: str | None
    kind: str | None
    date: str | None
    location: ComparableLocation | None
    topics: list[Any]
    bodies: list[Any]
    agreements: list[Any]
    optional: bool = False

    def names(self) -> list[str | None]:
        """The participants' names, None for unnamed ones."""
        return [participant.name for participant in self.participants]


def same_person(gold: ComparableParticipant, predicted: ComparableParticipant) -> bool:
    """Whether two participants are the same person: by name when both are
    named, otherwise by country and role.

    gold (ComparableParticipant): a participant.
    predicted (ComparableParticipant): another participant.
    RETURNS (bool): True for the same person.
    """
    if not gold.name or not predicted.name:
        return (
            bool(gold.country)
            and fold(gold.country) == fold(predicted.country)
            and same_role(gold.role, predicted.role)
        )
    return same_name(gold.name, predicted.name)


def same_location(gold: ComparableLocation | None, predicted: ComparableLocation | None) -> bool:
    """Whether two locations agree: both missing, or one folded name contains the other.

    gold (ComparableLocation | None): the gold location.
    predicted (ComparableLocation | None): the predicted location.
    RETURNS (bool): True when they agree.
    """
    if not gold and not predicted:
        return True
    if not gold or not predicted or not predicted.name:
        return False
    gold_name, predicted_name = fold(gold.name), fold(predicted.name)
    return gold_name == predicted_name or gold_name in predicted_name or predicted_name in gold_name


def same_host(gold: str | None, predicted: str | None) -> bool:
    """Whether the hosts agree: both absent (neutral ground, a call), or the same name."""
    if gold is None and predicted is None:
        return True
    if not gold or not predicted:
        return False
    return same_name(gold, predicted)


def participant_from_prediction(item: Any) -> ComparableParticipant:
    """Read a predicted participant: a name string, a serialised
    :class:`~diplomacy_ner.schema.Participant`, a gold participant, or a mapping
    wrapping a ``person`` mapping; country and role may be nested mappings.

    item (str | Mapping): the predicted participant.
    RETURNS (ComparableParticipant): its name, country and role.
    """
    if isinstance(item, str):
        return ComparableParticipant(name=item, country=None, role=None)
    person = item.get("person") if isinstance(item.get("person"), dict) else {}
    name = item.get("name") or person.get("name")
    country = item.get("country") or person.get("country")
    if isinstance(country, dict):
        country = country.get("code") or country.get("iso") or country.get("id") or country.get("name")
    role = item.get("role") or person.get("role")
    if isinstance(role, dict):
        role = role.get("title") or role.get("name")
    return ComparableParticipant(name=name, country=country, role=role)


def location_from_prediction(item: Any) -> ComparableLocation | None:
    """Read a predicted location: a name string or a mapping (``name``, ``city`` or ``text``)."""
    if not item:
        return None
    if isinstance(item, str):
        return ComparableLocation(name=item, country=None)
    country = item.get("country")
    if isinstance(country, dict):
        country = country.get("code") or country.get("name")
    return ComparableLocation(name=item.get("name") or item.get("city") or item.get("text"), country=country)


def host_from_prediction(item: Any) -> str | None:
    """The host's name: a name string, or the name of a participant mapping (None if unnamed)."""
    if item is None:
        return None
    if isinstance(item, str):
        return item
    return participant_from_prediction(item).name


def meeting_from_prediction(meeting: Mapping[str, Any]) -> ComparableMeeting:
    """Read a predicted meeting, in the serialised :class:`~diplomacy_ner.schema.Meeting`
    layout or the gold layout.

    meeting (Mapping): the predicted meeting.
    RETURNS (ComparableMeeting): the scored fields.
    """
    date = meeting.get("date")
    return ComparableMeeting(
        participants=[participant_from_prediction(item) for item in meeting.get("participants") or []],
        host=host_from_prediction(meeting.get("host")),
        kind=meeting.get("kind"),
        date=str(date)[:10] if date else None,
        location=location_from_prediction(meeting.get("location")),
        topics=list(meeting.get("topics") or []),
        bodies=list(meeting.get("bodies") or []),
        agreements=list(meeting.get("agreements") or []),
        optional=bool(meeting.get("optional", False)),
    )


def meeting_from_gold(meeting: GoldMeeting) -> ComparableMeeting:
    """Reduce a gold meeting to its scored fields."""
    location = meeting.location
    return ComparableMeeting(
        participants=[ComparableParticipant(p.name, p.country, p.role) for p in meeting.participants],
        host=meeting.host,
        kind=meeting.kind,
        date=meeting.date.isoformat() if meeting.date else None,
        location=ComparableLocation(location.name or None, location.country) if location else None,
        topics=list(meeting.topics),
        bodies=list(meeting.bodies),
        agreements=list(meeting.agreements),
        optional=meeting.optional,
    )


def is_scored(meeting: Mapping[str, Any]) -> bool:
    """Whether a predicted meeting is scored: its status is ``held`` or missing
    (``planned`` and ``cancelled`` meetings did not take place)."""
    return meeting.get("status") in SCORED_STATUSES




def match_participants(
    gold: Sequence[ComparableParticipant], predicted: Sequence[ComparableParticipant]
) -> list[tuple[int, int]]:
    """Pair gold with predicted participants, greedily in gold order, one to one.

    gold (Sequence[ComparableParticipant]): the gold participants.
    predicted (Sequence[ComparableParticipant]): the predicted participants.
    RETURNS (list[tuple[int, int]]): (gold index, predicted index) pairs.
    """
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gold_index, gold_participant in enumerate(gold):
        for pred_index, pred_participant in enumerate(predicted):
            if pred_index not in used and same_person(gold_participant, pred_participant):
                used.add(pred_index)
                pairs.append((gold_index, pred_index))
                break
    return pairs


def pair_meetings(
    gold: Sequence[ComparableMeeting], predicted: Sequence[ComparableMeeting]
) -> dict[int, int]:
    """Pair gold and predicted meetings greedily, best candidates first.

    Candidates share at least one participant. They are ranked by the number
    of shared participants, then a required gold meeting before an optional
    one, then the closer participant count, then the number of agreeing slots
    (date, kind, location), then gold order and prediction order.

    gold (Sequence[ComparableMeeting]): the document's gold meetings.
    predicted (Sequence[ComparableMeeting]): its scored predicted meetings.
    RETURNS (dict[int, int]): predicted index by gold index.
    """
    ranked: list[tuple[tuple[int, bool, int, int, int, int], int, int]] = []
    for gold_index, gold_meeting in enumerate(gold):
        for pred_index, pred_meeting in enumerate(predicted):
            overlap = len(match_participants(gold_meeting.participants, pred_meeting.participants))
            if not overlap:
                continue
            size_gap = abs(len(gold_meeting.participants) - len(pred_meeting.participants))
            agreeing_slots = (
                int(gold_meeting.date == pred_meeting.date)
                + int(gold_meeting.kind == pred_meeting.kind)
                + int(same_location(gold_meeting.location, pred_meeting.location))
            )
            rank = (overlap, not gold_meeting.optional, -size_gap, agreeing_slots, -gold_index, -pred_index)
            ranked.append((rank, gold_index, pred_index))
    ranked.sort(reverse=True)
    gold_to_pred: dict[int, int] = {}
    paired_predictions: set[int] = set()
    for _, gold_index, pred_index in ranked:
        if gold_index not in gold_to_pred and pred_index not in paired_predictions:
            gold_to_pred[gold_index] = pred_index
            paired_predictions.add(pred_index)
    return gold_to_pred
