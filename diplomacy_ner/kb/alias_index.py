"""Alias index: scored candidate entities for a mention (exact → folded → fuzzy).

The second of the three linking layers (records → alias index → linker), as
scispacy does it. Every name, alias, official name, acronym, adjective,
capital and prefix of every KB record is one :class:`AliasEntry`.
:meth:`AliasIndex.candidates` looks a mention up in three steps and returns
scored :class:`Candidate` objects:

1. **exact**: the string as written (whitespace collapsed), score 1.0;
2. **folded**: :func:`~diplomacy_ner.folding.fold` of the string (accents,
   case, apostrophes, hyphens), score 0.95;
3. **fuzzy** (only when steps 1–2 found nothing): rapidfuzz similarity of the
   folded strings, score ``similarity / 100 × 0.9``, kept from a threshold
   (default 88).

Exact and folded lookups are dict lookups. The fuzzy step never scans every
alias: it is *blocked* on tokens and their one-deletion variants
(:mod:`diplomacy_ner.kb.blocking`); only the aliases holding a token within one
edit of a token of the mention, and of a length the threshold allows, are scored.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal

from rapidfuzz import fuzz, process

from ..folding import fold
from .blocking import TokenBlocks

logger = logging.getLogger("diplomacy_ner")

MatchMethod = Literal["exact", "folded", "fuzzy"]
ALIAS_FIELDS: tuple[str, ...] = (
    "name",
    "acronym",
    "official_name",
    "alias",
    "adjective",
    "capital",
    "prefix",
)
"""Where an alias comes from in its record, in order of preference between equal scores."""

EXACT_SCORE = 1.0
FOLDED_SCORE = 0.95
FUZZY_WEIGHT = 0.9
DEFAULT_FUZZY_THRESHOLD = 88
DEFAULT_FUZZY_MIN_LENGTH = 4
DEFAULT_MAX_BLOCK = 256
DEFAULT_LIMIT = 5
_ROMAN_NUMERAL = re.compile(r"^[ivxlcdm]+$")
# "la RDC", "les Émirats", "l'Union africaine": a mention may keep its article.
_LEADING_ARTICLE = re.compile(r"^(?:les |le |la |l')(?=\S)")
_FIELD_RANK = {field: rank for rank, field in enumerate(ALIAS_FIELDS)}
_METHOD_RANK = {"exact": 0, "folded": 1, "fuzzy": 2}

Scorer = Callable[..., float]


@dataclass(frozen=True, slots=True)
class AliasEntry:
    """One alias of one entity.

    alias (str): The alias as written in the record.
    entity_id (str): The record id, e.g. "country:MA".
    entity_type (str): The record kind: "country", "body", "person" or "agreement".
    field (str): Where it comes from: one of :data:`ALIAS_FIELDS`.
    """

    alias: str
    entity_id: str
    entity_type: str
    field: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """A scored candidate entity for a mention.

    entity_id (str): The record id.
    entity_type (str): The record kind.
    alias (str): The alias that matched, as written in the record.
    field (str): Where the alias comes from (name, alias, acronym...).
    score (float): 1.0 exact, 0.95 folded, ``similarity × 0.9`` fuzzy.
    method (str): "exact", "folded" or "fuzzy".
    """

    entity_id: str
    entity_type: str
    alias: str
    field: str
    score: float
    method: MatchMethod


def _exact_key(text: str) -> str:
    return " ".join(text.split())


def surname_keys(name: str) -> list[str]:
    """The folded keys under which a person's name is found by surname.

    Every suffix of the folded tokens after the first one ("Mohamed Ould Cheikh
    El Ghazouani" → "ghazouani", "el ghazouani", "cheikh el ghazouani", ...),
    or the single token of a one-word name. A regnal number is not a surname
    ("Mohammed VI" gives no key).

    name (str): A person's name or alias.
    RETURNS (list[str]): The folded keys.
    """
    tokens = fold(name).split()
    if not tokens:
        return []
    if len(tokens) == 1:
        return [] if _ROMAN_NUMERAL.match(tokens[0]) else tokens
    keys = []
    for start in range(1, len(tokens)):
        suffix = tokens[start:]
        if len(suffix) == 1 and (_ROMAN_NUMERAL.match(suffix[0]) or len(suffix[0]) < 2):
            continue
        keys.append(" ".join(suffix))
    return keys


def similarity(a: str, b: str) -> float:
    """The index's default fuzzy score (rapidfuzz ``ratio``, 0–100) of two folded strings.

    The linker compares two mentions of one document with it, on the same
    threshold as the index's candidates.
    """
    return float(fuzz.ratio(a, b))


class AliasIndex:
    """Exact, folded and blocked-fuzzy lookup of entity aliases.

    fuzzy_threshold (float): Minimum rapidfuzz similarity (0–100) of a fuzzy match.
    fuzzy_min_length (int): Folded mentions and aliases shorter than this are
        never matched fuzzily (acronyms like "UA"/"UE" must match exactly).
    max_block (int): A token shared by more aliases than this is not used
        alone to pick fuzzy candidates.
    scorer (Callable): A rapidfuzz scorer; the default ``fuzz.ratio`` (normalised
        Indel similarity) also lets the index skip aliases whose length alone
        rules them out.
    """

    def __init__(
        self,
        *,
        fuzzy_threshold: float = DEFAULT_FUZZY_THRESHOLD,
        fuzzy_min_length: int = DEFAULT_FUZZY_MIN_LENGTH,
        max_block: int = DEFAULT_MAX_BLOCK,
        scorer: Scorer = fuzz.ratio,
    ) -> None:
        self.fuzzy_threshold = fuzzy_threshold
        self.fuzzy_min_length = fuzzy_min_length
        self.max_block = max_block
        self.scorer = scorer
        self._entries: list[AliasEntry | None] = []
        self._by_entity: dict[str, list[int]] = {}
        self._exact: dict[str, list[int]] = {}
        self._folded: dict[str, list[int]] = {}
        self._blocks = TokenBlocks(max_block)  # fuzzy blocking
        self._surnames: dict[str, set[str]] = {}
        self._surname_keys_of: dict[str, set[str]] = {}
        # answers of ``candidates`` (mentions recur across and within articles); emptied on any change
        self._answers: dict[tuple[Any, ...], tuple[Candidate, ...]] = {}

    def __len__(self) -> int:
        """RETURNS (int): The number of alias entries in the index."""
        return sum(len(ids) for ids in self._by_entity.values())

    def __contains__(self, text: object) -> bool:
        """RETURNS (bool): Whether ``text`` is an alias, exactly or folded."""
        return isinstance(text, str) and bool(
            self._exact.get(_exact_key(text)) or self._folded.get(fold(text))
        )

    @property
    def entity_ids(self) -> list[str]:
        """RETURNS (list[str]): The ids of every entity with at least one alias."""
        return [entity_id for entity_id, ids in self._by_entity.items() if ids]

    def add(self, alias: str, entity_id: str, entity_type: str, field: str = "alias") -> None:
        """Add one alias of an entity. Adding the same (alias, entity, field) twice is a no-op.

        alias (str): The alias as written.
        entity_id (str): The record id.
        entity_type (str): The record kind ("country", "body", "person", "agreement").
        field (str): Where it comes from, one of :data:`ALIAS_FIELDS`.
        """
        if field not in _FIELD_RANK:
            raise ValueError(f"unknown alias field {field!r}; expected one of {ALIAS_FIELDS}")
        exact = _exact_key(alias)
        folded = fold(alias)
        if not folded:
            raise ValueError(f"empty alias for {entity_id!r}")
        entry = AliasEntry(alias=exact, entity_id=entity_id, entity_type=entity_type, field=field)
        entity_entries = self._by_entity.setdefault(entity_id, [])
        if any(self._entries[i] == entry for i in entity_entries):
            return
        self._answers.clear()
        entry_id = len(self._entries)
        self._entries.append(entry)
        entity_entries.append(entry_id)
        self._exact.setdefault(exact, []).append(entry_id)
        self._folded.setdefault(folded, []).append(entry_id)
        if len(folded) >= self.fuzzy_min_length and folded not in self._blocks:
            self._blocks.add(folded)
        if entity_type == "person" and field in ("name", "alias"):
            for key in surname_keys(alias):
                self._surnames.setdefault(key, set()).add(entity_id)
                self._surname_keys_of.setdefault(entity_id, set()).add(key)

    def add_entries(self, entries: Iterable[AliasEntry]) -> None:
        """Add many entries.

        entries (Iterable[AliasEntry]): The entries to add.
        """
        for entry in entries:
            self.add(entry.alias, entry.entity_id, entry.entity_type, entry.field)

    def remove_entity(self, entity_id: str) -> int:
        """Remove every alias of an entity (used when a record is overridden).

        entity_id (str): The record id.
        RETURNS (int): The number of entries removed.
        """
        entry_ids = self._by_entity.pop(entity_id, [])
        self._answers.clear()
        for entry_id in entry_ids:
            entry = self._entries[entry_id]
            if entry is None:
                continue
            self._entries[entry_id] = None
            for table, key in ((self._exact, entry.alias), (self._folded, fold(entry.alias))):
                ids = table.get(key)
                if ids is not None:
                    ids.remove(entry_id)
                    if not ids:
                        del table[key]
        for key in self._surname_keys_of.pop(entity_id, set()):
            people = self._surnames.get(key)
            if people is not None:
                people.discard(entity_id)
                if not people:
                    del self._surnames[key]
        return len(entry_ids)

    def entries(self, entity_id: str | None = None) -> list[AliasEntry]:
        """The alias entries, of one entity or of all.

        entity_id (str | None): The record id, or None for every entry.
        RETURNS (list[AliasEntry]): The entries, in insertion order.
        """
        if entity_id is None:
            return [entry for entry in self._entries if entry is not None]
        return [e for i in self._by_entity.get(entity_id, []) if (e := self._entries[i]) is not None]

    def copy(self) -> AliasIndex:
        """RETURNS (AliasIndex): An independent copy with the same settings and entries."""
        clone = AliasIndex(
            fuzzy_threshold=self.fuzzy_threshold,
            fuzzy_min_length=self.fuzzy_min_length,
            max_block=self.max_block,
            scorer=self.scorer,
        )
        clone.add_entries(self.entries())
        return clone

    # -- lookup -------------------------------------------------------------------------------

    def candidates(
        self,
        text: str,
        *,
        types: Iterable[str] | None = None,
        fields: Iterable[str] | None = None,
        limit: int = DEFAULT_LIMIT,
        fuzzy: bool = True,
        threshold: float | None = None,
    ) -> list[Candidate]:
        """Scored candidate entities for a mention, best first, one per entity.

        Exact and folded matches are both returned (an entity found both ways
        keeps its exact match). When neither finds anything, a leading article
        ("la RDC", "les Émirats", "l'Union africaine") is dropped and the folded
        lookup tried again; the fuzzy step runs only when all of these found nothing.

        text (str): The mention, e.g. "Dacic" or "M. Laftit" stripped of its honorific.
        types (Iterable[str] | None): Keep only these entity types ("person", "body"...).
        fields (Iterable[str] | None): Keep only aliases from these fields ("name", "adjective"...).
        limit (int): At most this many candidates.
        fuzzy (bool): Whether to try the fuzzy step.
        threshold (float | None): Fuzzy threshold (0–100) for this call; default the index's.
        RETURNS (list[Candidate]): The candidates, sorted by score, then field, then id.
        """
        if limit <= 0:
            return []
        type_set = frozenset(types) if types is not None else None
        field_set = frozenset(fields) if fields is not None else None
        cutoff = self.fuzzy_threshold if threshold is None else threshold
        key = (text, type_set, field_set, limit, fuzzy and (cutoff, self.fuzzy_min_length, self.scorer))
        answer = self._answers.get(key)
        if answer is None:
            if len(self._answers) > 100_000:
                self._answers.clear()
            answer = self._answers[key] = tuple(self._lookup(text, type_set, field_set, limit, fuzzy, cutoff))
        return list(answer)

    def _lookup(
        self,
        text: str,
        type_set: frozenset[str] | None,
        field_set: frozenset[str] | None,
        limit: int,
        fuzzy: bool,
        cutoff: float,
    ) -> list[Candidate]:
        """The uncached answer of :meth:`candidates`."""
        best: dict[str, Candidate] = {}

        def keep(entry: AliasEntry) -> bool:
            return (type_set is None or entry.entity_type in type_set) and (
                field_set is None or entry.field in field_set
            )

        def offer(entry: AliasEntry, score: float, method: MatchMethod) -> None:
            current = best.get(entry.entity_id)
            if current is None or (score, -_FIELD_RANK[entry.field]) > (
                current.score,
                -_FIELD_RANK[current.field],
            ):
                best[entry.entity_id] = Candidate(
                    entry.entity_id, entry.entity_type, entry.alias, entry.field, score, method
                )

        for entry_id in self._exact.get(_exact_key(text), ()):
            entry = self._entries[entry_id]
            if entry is not None and keep(entry):
                offer(entry, EXACT_SCORE, "exact")
        folded = fold(text)
        for entry_id in self._folded.get(folded, ()):
            entry = self._entries[entry_id]
            if entry is not None and keep(entry):
                offer(entry, FOLDED_SCORE, "folded")
        bare = _LEADING_ARTICLE.sub("", folded, count=1)
        if not best and bare != folded:
            folded = bare
            for entry_id in self._folded.get(folded, ()):
                entry = self._entries[entry_id]
                if entry is not None and keep(entry):
                    offer(entry, FOLDED_SCORE, "folded")
        if not best and fuzzy and len(folded) >= self.fuzzy_min_length:
            for hit, similarity in self._fuzzy_hits(folded, cutoff):
                for entry_id in self._folded.get(hit, ()):
                    entry = self._entries[entry_id]
                    if entry is not None and keep(entry):
                        offer(entry, round(similarity / 100.0 * FUZZY_WEIGHT, 4), "fuzzy")
        ranked = sorted(
            best.values(),
            key=lambda c: (-c.score, _METHOD_RANK[c.method], _FIELD_RANK[c.field], c.entity_id),
        )
        return ranked[:limit]

    def _block(self, folded: str, cutoff: float) -> list[str]:
        """The folded aliases worth scoring against ``folded`` (see :mod:`diplomacy_ner.kb.blocking`)."""
        strings = self._blocks.block(folded)
        if strings and self.scorer is fuzz.ratio and cutoff > 0:
            # Indel similarity s needs min(|a|,|b|) / max(|a|,|b|) >= s / (2 - s).
            ratio = cutoff / 100.0
            lo = len(folded) * ratio / (2.0 - ratio)
            hi = len(folded) * (2.0 - ratio) / ratio
            strings = [s for s in strings if lo <= len(s) <= hi]
        return strings

    def _fuzzy_hits(self, folded: str, cutoff: float) -> list[tuple[str, float]]:
        choices = self._block(folded, cutoff)
        if not choices:
            return []
        hits = process.extract(folded, choices, scorer=self.scorer, score_cutoff=cutoff, limit=None)
        return [(choice, float(score)) for choice, score, _ in hits]

    # -- surnames -----------------------------------------------------------------------------

    @property
    def surname_index(self) -> Mapping[str, frozenset[str]]:
        """RETURNS (Mapping[str, frozenset[str]]): Folded surname key → person ids (read-only view)."""
        return MappingProxyType({key: frozenset(ids) for key, ids in self._surnames.items()})

    def persons_by_surname(self, surname: str) -> list[str]:
        """The people whose name ends with this surname ("Laftit", "Dacic", "El Ghazouani").

        surname (str): The surname as written; folded before lookup.
        RETURNS (list[str]): Sorted person ids (several when a surname is shared).
        """
        return sorted(self._surnames.get(fold(surname), ()))

    def surname(self, text: str) -> list[str]:
        """Same as :meth:`persons_by_surname` (the name the linker asks for).

        text (str): The surname as written.
        RETURNS (list[str]): Sorted person ids.
        """
        return self.persons_by_surname(text)
