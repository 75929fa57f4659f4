"""The package's French word lists and cue regexes, read once from data files.

Every file in ``resources/lexicons/words/`` is JSONL; each line is either a
named **word set** (``{"name": "honorifics", "words": ["m.", "mme", ...]}``) or a
named **cue** regular expression (``{"name": "dateline", "regex": "..."}``).
A name may occur in several lines and files: word sets are united, cue regexes
are joined as alternatives. Lines are validated like every other data file
(``extra="forbid"``; errors name file, line and field).

Code reads them with :func:`word_set` and :func:`cue`; no French word list lives
in Python code. The meeting step's own vocabulary (frames and their cues) is in
:mod:`diplomacy_ner.meetings.lexicon`, which reuses the same line models.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import Errors, KnowledgeBaseError
from .kb.loader import iter_json_objects, validation_error

__all__ = ["CueList", "WordSet", "cue", "word_list", "word_set", "names"]


class CueList(BaseModel):
    """A named regular expression of cues."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    regex: str = Field(min_length=1)
    case: bool = False
    user: bool = Field(default=False, exclude=True)


class WordSet(BaseModel):
    """A named set of lower-case words."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    words: tuple[str, ...] = Field(min_length=1)
    case: bool = False

    @field_validator("words")
    @classmethod
    def _check(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(not v.strip() for v in value):
            raise ValueError("empty word")
        return value


class _Shipped:
    def __init__(self) -> None:
        self.words: dict[str, set[str]] = {}
        self.ordered: dict[str, list[str]] = {}
        self.cues: dict[str, list[CueList]] = {}
        folder = resources.files("diplomacy_ner").joinpath("resources", "lexicons", "words")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".jsonl"):
                self._read(entry.read_text(encoding="utf-8").splitlines(), entry.name)

    def _read(self, lines: list[str], label: str) -> None:
        for number, obj in iter_json_objects(lines, label):
            model: type[BaseModel] = CueList if "regex" in obj else WordSet
            try:
                record = model.model_validate(obj)
            except ValidationError as err:
                raise validation_error(err, path=label, line=number) from None
            if isinstance(record, CueList):
                try:
                    re.compile(record.regex)
                except re.error as err:
                    raise KnowledgeBaseError(
                        Errors.D015.format(path=label, line=number, field="regex", pattern=record.regex[:80], msg=str(err))
                    ) from None
                self.cues.setdefault(record.name, []).append(record)
            else:
                assert isinstance(record, WordSet)
                words = record.words if record.case else tuple(w.lower() for w in record.words)
                self.words.setdefault(record.name, set()).update(words)
                order = self.ordered.setdefault(record.name, [])
                order.extend(w for w in words if w not in order)


@lru_cache(maxsize=1)
def _shipped() -> _Shipped:
    return _Shipped()


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    """The shipped word set ``name`` (lower case unless its lines say ``"case": true``).

    name (str): the set's name, e.g. ``"honorifics"``.
    RETURNS (frozenset[str]): its words.
    RAISES (LookupError): when no shipped file defines ``name`` (a bug, not bad input).
    """
    table = _shipped().words
    if name not in table:
        raise LookupError(f"no word set {name!r} in resources/lexicons/words/")
    return frozenset(table[name])


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """The shipped word set ``name`` in the order its lines give (weekdays, months).

    name (str): the set's name, e.g. ``"weekdays"``.
    RETURNS (tuple[str, ...]): its words, first occurrence first.
    RAISES (LookupError): when no shipped file defines ``name``.
    """
    word_set(name)  # the same error for an unknown name
    return tuple(_shipped().ordered[name])


@lru_cache(maxsize=None)
def cue(name: str) -> re.Pattern[str]:
    """The shipped cue regex ``name``, its lines joined as alternatives.

    Case-insensitive unless every line of the name says ``"case": true``.

    name (str): the cue's name.
    RETURNS (re.Pattern): the compiled pattern.
    RAISES (LookupError): when no shipped file defines ``name``.
    """
    lists = _shipped().cues.get(name)
    if not lists:
        raise LookupError(f"no cue {name!r} in resources/lexicons/words/")
    flags = 0 if all(c.case for c in lists) else re.IGNORECASE
    return re.compile("|".join(f"(?:{c.regex})" for c in lists), flags)


def names() -> dict[str, list[str]]:
    """The names of the shipped word sets and cues (for documentation and tests)."""
    shipped = _shipped()
    return {"words": sorted(shipped.words), "cues": sorted(shipped.cues)}
