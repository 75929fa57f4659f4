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

import datetime as dt
import difflib
import json
import re
import time
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import Errors, NothingToScoreError
from .schema import Analysis

__all__ = [
    "PRF_METRICS",
    "SLOT_METRICS",
    "Analyzer",
    "EvaluationReport",
    "GoldDocument",
    "GoldEntities",
    "GoldLocation",
    "GoldMeeting",
    "GoldParticipant",
    "PRFScore",
    "SlotAccuracy",
    "evaluate",
    "fold",
    "load_gold",
    "load_predictions",
    "pair_meetings",
    "predict_documents",
    "same_name",
    "same_person",
    "same_role",
    "same_thing",
    "score_predictions",
]

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
ENTITY_KEYS: tuple[str, ...] = ("persons", "countries", "bodies", "agreements")
SET_SLOTS: tuple[str, ...] = ("topics", "bodies", "agreements")

# Only meetings that took place are scored (a missing status counts as held).
SCORED_STATUSES: tuple[str | None, ...] = (None, "held")

# Tokens dropped from names before comparing them (folded: lower case, no accents).
HONORIFICS: frozenset[str] = frozenset(
    {
        "m", "mme", "mlle", "mr", "sm", "sa", "majeste", "son", "excellence", "le", "la",
        "roi", "president", "dr", "pr", "general", "monsieur", "madame", "sar", "altesse",
        "royale", "emir", "cheikh", "sheikh", "prince", "princesse", "s.e", "se",
    }
)  # fmt: skip
# Tokens that say nothing about which office a role is.
ROLE_STOPWORDS: frozenset[str] = frozenset(
    {"ministre", "de", "la", "le", "l", "les", "des", "du", "et", "d", "en", "charge", "a", "au", "aux"}
)
# Periphrases rewritten to the words of the office they stand for.
ROLE_SYNONYMS: dict[str, str] = {
    "chef de la diplomatie": "affaires etrangeres",
    "chef du gouvernement": "premier ministre",
}
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
# Keys under which an entity-like item carries a name, most canonical first.
NAME_KEYS: tuple[str, ...] = ("name", "canonical", "acronym", "short_name", "code", "id", "text")
ALIAS_KEYS: tuple[str, ...] = ("aliases", "names")

NAME_FUZZY_RATIO = 0.88
THING_FUZZY_RATIO = 0.9
ROLE_OVERLAP_RATIO = 0.5

_TOKEN_SEPARATORS = re.compile(r"[\s\-'.,]+")
_PARENTHESES = re.compile(r"\([^)]*\)")
_WHITESPACE = re.compile(r"\s+")


# --------------------------------------------------------------------------
# Gold annotations
# --------------------------------------------------------------------------


class _GoldModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldParticipant(_GoldModel):
    """A gold participant: named, or identified by role and country (``name`` None)."""

    name: str | None = None
    country: str | None = None
    role: str | None = None


class GoldLocation(_GoldModel):
    """The city or named venue of a gold meeting."""

    name: str
    country: str | None = None


class GoldMeeting(_GoldModel):
    """One annotated meeting (see docs/gold-format.md, "Fields of a meeting")."""

    participants: list[GoldParticipant]
    host: str | None = None
    kind: Literal["in_person", "call", "video"]
    date: dt.date | None = None
    location: GoldLocation | None = None
    topics: list[str] = []
    bodies: list[str] = []
    agreements: list[str] = []
    optional: bool = False


class GoldEntities(_GoldModel):
    """Document-level gold entities. A type left out (None) is not scored."""

    persons: list[str] | None = None
    countries: list[str] | None = None
    bodies: list[str] | None = None
    agreements: list[str] | None = None


class GoldDocument(_GoldModel):
    """One annotated article: a line of a gold JSONL file."""

    id: str
    source: str | None = None
    published: dt.date | None = None
    text: str
    entities: GoldEntities = GoldEntities()
    meetings: list[GoldMeeting] = []


def _jsonl_lines(path: Path) -> list[str]:
    # not str.splitlines(): a JSON string may hold U+2028 or U+0085, which it would split on
    with path.open(encoding="utf-8") as lines:
        return list(lines)


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read and validate a gold JSONL file (one article per line; blank lines are skipped).

    path (str | Path): the gold file.
    RETURNS (list[GoldDocument]): the documents, in file order.
    RAISES (FileNotFoundError): the file does not exist.
    RAISES (ValueError): a line is not valid JSON or not a valid gold record
        ([D040], naming the file and the line).
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(Errors.D014.format(path=path))
    docs: list[GoldDocument] = []
    for line_no, line in enumerate(_jsonl_lines(path), start=1):
        if not line.strip():
            continue
        try:
            docs.append(GoldDocument.model_validate_json(line))
        except ValidationError as err:
            raise ValueError(
                Errors.D040.format(path=path, line=line_no, msg=_describe_validation(err))
            ) from err
    return docs


def _describe_validation(err: ValidationError) -> str:
    problems = []
    for item in err.errors(include_url=False):
        where = ".".join(str(part) for part in item["loc"])
        problems.append(f"field `{where}`: {item['msg']}" if where else item["msg"])
    return "; ".join(problems)


def load_predictions(path: str | Path) -> dict[str, dict[str, Any]]:
    """Read saved predictions: JSONL records ``{"id", "meetings", "entities"}``.

    Meetings and entities may be in the serialised :class:`~diplomacy_ner.schema.Analysis`
    layout (``Analysis.model_dump(mode="json")``) or in the gold layout. A later record
    with the same id replaces an earlier one, as in the reference scorer.

    path (str | Path): the predictions file.
    RETURNS (dict[str, dict]): the records by document id.
    RAISES (FileNotFoundError): the file does not exist.
    RAISES (ValueError): a line is not a JSON object with a string ``id`` ([D010], [D012], [D011]).
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(Errors.D014.format(path=path))
    records: dict[str, dict[str, Any]] = {}
    for line_no, line in enumerate(_jsonl_lines(path), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise ValueError(Errors.D010.format(path=path, line=line_no, msg=err.msg)) from err
        if not isinstance(record, dict):
            raise ValueError(Errors.D012.format(path=path, line=line_no, type_name=type(record).__name__))
        if not isinstance(record.get("id"), str):
            raise ValueError(
                Errors.D011.format(path=path, line=line_no, field="id", msg="a string id is required")
            )
        records[record["id"]] = record
    return records


# --------------------------------------------------------------------------
# Normalisation and matching
# --------------------------------------------------------------------------


def fold(text: str | None) -> str:
    """Fold a string for comparison: accents removed, case folded, apostrophes
    unified, parenthesised asides dropped, whitespace collapsed.

    text (str | None): the string.
    RETURNS (str): the folded string ("" for None or "").
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    bare = bare.replace("\u2019", "'").replace("\u2018", "'").lower()
    bare = _PARENTHESES.sub(" ", bare)
    return _WHITESPACE.sub(" ", bare).strip()


def _split_tokens(folded: str) -> list[str]:
    return [token for token in _TOKEN_SEPARATORS.split(folded) if token]


def name_tokens(name: str | None) -> list[str]:
    """The folded tokens of a person's name without honorifics ("SM le Roi
    Mohammed VI" -> ["mohammed", "vi"]); all tokens if only honorifics remain.

    name (str | None): the name.
    RETURNS (list[str]): the tokens.
    """
    tokens = _split_tokens(fold(name))
    kept = [token for token in tokens if token not in HONORIFICS]
    return kept or tokens


def same_name(name_a: str, name_b: str) -> bool:
    """Whether two names designate the same person: same tokens, same surname
    (last token, longer than two letters), one name being a single token of the
    other ("Laftit", "Mohammed VI"), or a close spelling.

    name_a (str): a name.
    name_b (str): another name.
    RETURNS (bool): True for the same person.
    """
    tokens_a, tokens_b = name_tokens(name_a), name_tokens(name_b)
    if not tokens_a or not tokens_b:
        return False
    if tokens_a == tokens_b:
        return True
    if tokens_a[-1] == tokens_b[-1] and len(tokens_a[-1]) > 2:
        return True
    if (len(tokens_a) == 1 and tokens_a[0] in tokens_b) or (len(tokens_b) == 1 and tokens_b[0] in tokens_a):
        return True
    ratio = difflib.SequenceMatcher(None, " ".join(tokens_a), " ".join(tokens_b)).ratio()
    return ratio >= NAME_FUZZY_RATIO


def role_keys(role: str | None) -> set[str]:
    """The content words of a role ("ministre de l'Intérieur" -> {"interieur"}),
    with periphrases such as "chef de la diplomatie" rewritten first.

    role (str | None): the role as written.
    RETURNS (set[str]): the folded content words.
    """
    folded = fold(role)
    for phrase, office in ROLE_SYNONYMS.items():
        folded = folded.replace(phrase, office)
    return {token for token in _split_tokens(folded) if token not in ROLE_STOPWORDS}


def same_role(role_a: str | None, role_b: str | None) -> bool:
    """Whether two role strings name the same office: one's content words
    contain the other's, or they share at least half of them. Two missing roles
    agree; a missing role never matches a given one.

    role_a (str | None): a role.
    role_b (str | None): another role.
    RETURNS (bool): True for the same office.
    """
    if not role_a and not role_b:
        return True
    if not role_a or not role_b:
        return False
    keys_a, keys_b = role_keys(role_a), role_keys(role_b)
    if not keys_a or not keys_b:
        return fold(role_a) == fold(role_b)
    if keys_a <= keys_b or keys_b <= keys_a:
        return True
    return len(keys_a & keys_b) / len(keys_a | keys_b) >= ROLE_OVERLAP_RATIO


def names_of(item: Any) -> list[str]:
    """Every name an entity-like item can be known by: the string itself, or a
    mapping's name, acronym, code, id … and aliases, most canonical first.

    item (str | Mapping | None): a gold name, an EntityRef / Entity dict, …
    RETURNS (list[str]): the names.
    """
    if item is None:
        return []
    if isinstance(item, str):
        return [item]
    names = []
    for key in NAME_KEYS:
        value = item.get(key)
        if isinstance(value, str) and value:
            names.append(value)
    for key in ALIAS_KEYS:
        aliases = item.get(key)
        if isinstance(aliases, list):
            names.extend(alias for alias in aliases if isinstance(alias, str))
    return names


def same_thing(gold_name: str, predicted: Any) -> bool:
    """Whether a predicted item (topic, body, agreement, country) is the gold
    one: one of its names is equal or close to the gold name after folding, or
    one is a title the other extends ("plan d'action X" / "plan d'action X 2013-2016").

    gold_name (str): the gold canonical name.
    predicted (str | Mapping): the predicted item.
    RETURNS (bool): True when they match.
    """
    gold = fold(gold_name)
    for name in names_of(predicted):
        candidate = fold(name)
        if not candidate:
            continue
        if candidate == gold or difflib.SequenceMatcher(None, candidate, gold).ratio() >= THING_FUZZY_RATIO:
            return True
        if _is_title_prefix(gold.split(), candidate.split()):
            return True
    return False


def _is_title_prefix(tokens_a: list[str], tokens_b: list[str]) -> bool:
    """A title given with or without its tail: the shorter (3+ tokens, 60%+ of the
    longer) opens the longer."""
    shorter, longer = (tokens_a, tokens_b) if len(tokens_a) <= len(tokens_b) else (tokens_b, tokens_a)
    return len(shorter) >= 3 and len(shorter) >= 0.6 * len(longer) and longer[: len(shorter)] == shorter


def set_counts(gold: Sequence[str], predicted: Sequence[Any]) -> tuple[int, int, int]:
    """tp, fp, fn of gold names against predicted items, matched greedily one to one.

    gold (Sequence[str]): gold names.
    predicted (Sequence): predicted items (strings or entity-like mappings).
    RETURNS (tuple[int, int, int]): true positives, false positives, false negatives.
    """
    used: set[int] = set()
    for gold_name in gold:
        for index, item in enumerate(predicted):
            if index not in used and same_thing(gold_name, item):
                used.add(index)
                break
    tp = len(used)
    return tp, len(predicted) - tp, len(gold) - tp


# --------------------------------------------------------------------------
# Meetings in a comparable form
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# Pairing
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# Running the library
# --------------------------------------------------------------------------


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
