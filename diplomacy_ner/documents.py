"""The caller's input checked, and the typed :class:`Analysis` built from a processed ``Doc``.

Every check raises a coded error (``[D001]``...) naming the argument, what was
expected and what was given, before any slow work starts.
"""

from __future__ import annotations

import datetime as dt
import os
import reprlib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from .errors import Errors
from .isodate import parse_iso_day
from .schema import Analysis, Entity, Meeting

__all__ = [
    "MEETING_STATUSES",
    "Shown",
    "analysis_from_doc",
    "check_iterable",
    "check_name",
    "check_patterns",
    "check_records",
    "check_statuses",
    "check_text",
    "check_user_files",
    "parse_published",
]


class Shown:
    """A value shown in an error message: its ``repr``, cut to a readable length."""

    __slots__ = ("value",)
    _repr = reprlib.Repr()
    _repr.maxstring = 120
    _repr.maxother = 120
    _repr.maxlist = _repr.maxtuple = _repr.maxdict = _repr.maxset = 8

    def __init__(self, value: object):
        self.value = value

    def __repr__(self) -> str:
        return self._repr.repr(self.value)


def parse_published(value: object) -> dt.date | None:
    """Read a publication date given as a date, a datetime, an ISO 8601 string or None.

    value (object): the value to read.
    RETURNS (date | None): the date; None for None, "" or a whitespace-only string.
    RAISES ValueError: ``[D002]`` naming the value, for anything else (a number, a
        string that is not a dashed ISO date such as "20240422" or "22/04/2024", a list, bytes...).
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        stripped = value.strip()
        if not stripped:
            return None
        day = parse_iso_day(stripped)
        if day is not None:
            return day
    raise ValueError(Errors.D002.format(value=Shown(value)))


def check_text(text: object) -> str:
    """Return ``text`` if it is a str, else raise a ``TypeError`` naming the expected type.

    text (object): what the caller passed as the article.
    RETURNS (str): ``text``.
    RAISES TypeError: ``[D001]`` for None, bytes, numbers and anything else that is not a str.
    """
    if not isinstance(text, str):
        raise TypeError(Errors.D001.format(type_name=type(text).__name__))
    return text


#: The statuses a meeting can have (``Meeting.status``).
MEETING_STATUSES: tuple[str, ...] = ("held", "planned", "cancelled")


def check_statuses(statuses: object) -> frozenset[str]:
    """Read the ``statuses`` argument: one status, or an iterable of statuses.

    statuses (object): "held", or an iterable such as ("held", "planned").
    RETURNS (frozenset[str]): the statuses.
    RAISES TypeError: ``[D005]`` when it is neither a str nor an iterable of str.
    RAISES ValueError: ``[D004]`` naming an unknown status and the valid ones.
    """
    if isinstance(statuses, str):
        statuses = (statuses,)
    elif isinstance(statuses, bytes | Mapping) or not isinstance(statuses, Iterable):
        raise TypeError(
            Errors.D005.format(
                name="statuses",
                expected=f"a status or an iterable of statuses ({', '.join(map(repr, MEETING_STATUSES))})",
                type_name=type(statuses).__name__,
            )
        )
    wanted = set()
    for status in statuses:
        if not isinstance(status, str) or status not in MEETING_STATUSES:
            raise ValueError(
                Errors.D004.format(value=Shown(status), valid=", ".join(map(repr, MEETING_STATUSES)))
            )
        wanted.add(status)
    return frozenset(wanted)


def check_iterable(value: object, name: str, expected: str) -> Iterable[Any]:
    """Return ``value`` if it is an iterable of items (not a str, bytes or dict), else raise.

    value (object): the argument.
    name (str): the argument's name, for the message.
    expected (str): what it should be ("an iterable of texts"), for the message.
    RETURNS (Iterable): ``value``.
    RAISES TypeError: ``[D005]`` naming the argument, what was expected and what it got.
    """
    if isinstance(value, str | bytes | bytearray | Mapping) or not isinstance(value, Iterable):
        raise TypeError(Errors.D005.format(name=name, expected=expected, type_name=type(value).__name__))
    return value


def check_name(value: object, name: str) -> str:
    """Return ``value`` if it is a non-empty str, else raise ``[D007]`` naming the argument."""
    if not isinstance(value, str) or not value.strip():
        raise (TypeError if not isinstance(value, str) else ValueError)(
            Errors.D007.format(name=name, value=Shown(value))
        )
    return value


def analysis_from_doc(doc: Doc, text: str | None = None, published: dt.date | None = None) -> Analysis:
    """Build the typed :class:`Analysis` from a processed ``Doc``.

    doc (Doc): a doc processed by the pipeline.
    text (str | None): the caller's text (default: ``doc._.source_text``).
    published (date | None): the publication date (default: ``doc._.published``).
    RETURNS (Analysis): entities and meetings, offsets into the caller's text.
    """
    source = text if text is not None else (doc._.source_text if doc._.source_text is not None else doc.text)
    if published is None and doc._.published:
        published = dt.date.fromisoformat(doc._.published)
    entities = [Entity.model_validate(e) for e in (doc._.entities or [])]
    meetings = [Meeting.model_validate(m) for m in (doc._.meetings or [])]
    return Analysis(text=source, published=published, entities=entities, meetings=meetings)


def check_user_files(
    *,
    kb_files: Sequence[str | Path] = (),
    rule_files: Sequence[str | Path] = (),
    topic_files: Sequence[str | Path] = (),
    frame_files: Sequence[str | Path] = (),
    gate_files: Sequence[str | Path] = (),
) -> None:
    """Read and validate the user's knowledge-base, rule, topic and gate files.

    Only JSON is parsed (nothing in a file is executed); regular expressions are
    compiled on RE2 (linear-time), and one RE2 cannot compile is refused.

    kb_files (Sequence[str | Path]): knowledge-base JSONL files, validated as one load.
    rule_files (Sequence[str | Path]): spaCy pattern JSONL files.
    topic_files (Sequence[str | Path]): topic lexicon JSONL files.
    frame_files (Sequence[str | Path]): meeting frame, cue and word JSONL files.
    gate_files (Sequence[str | Path]): meeting gate cue JSONL files.
    RAISES KnowledgeBaseError: the first problem, naming the file, the line and the field.
    RAISES TypeError: a single path given where a list is expected.
    """
    from .kb.loader import load_many
    from .meetings.topics import read_topic_cues
    from .rules.patterns import load_pattern_file

    from .gate import read_gate_cues

    for name, value in (
        ("kb_files", kb_files),
        ("rule_files", rule_files),
        ("topic_files", topic_files),
        ("frame_files", frame_files),
        ("gate_files", gate_files),
    ):
        if isinstance(value, str | os.PathLike):
            raise TypeError(Errors.D036.format(name=name, value=value))
        for path in check_iterable(value, name, "a list of paths"):
            if not isinstance(path, str | os.PathLike):
                raise TypeError(
                    Errors.D005.format(
                        name=f"{name} item", expected="a path (str or Path)", type_name=type(path).__name__
                    )
                )
    if kb_files:
        load_many(list(kb_files))
    for path in rule_files:
        load_pattern_file(path)
    for path in topic_files:
        read_topic_cues(path)
    if frame_files:
        from .meetings.lexicon import MeetingLexicon

        MeetingLexicon.from_files(frame_files)
    for path in gate_files:
        read_gate_cues(path)




def check_records(records: object) -> list[Any]:
    """Read the ``records`` of ``Extractor.add_records``: knowledge-base records or dicts in the JSONL format.

    records (object): an iterable of records or dicts; dicts are validated like file lines.
    RETURNS (list[KBRecord]): the validated records.
    RAISES TypeError: ``[D005]`` for something that is neither.
    RAISES KnowledgeBaseError: a dict that is not a valid record, naming ``<add_records>`` and its position.
    """
    from .kb.loader import parse_record
    from .kb.records import RECORD_MODELS

    models = tuple(RECORD_MODELS.values())
    parsed = []
    for i, record in enumerate(check_iterable(records, "records", "a list of records (dicts)"), start=1):
        if isinstance(record, dict):
            record = parse_record(record, path="<add_records>", line=i)
        elif not isinstance(record, models):
            raise TypeError(
                Errors.D005.format(
                    name=f"records[{i - 1}]",
                    expected="a record dict in the JSONL format or a knowledge-base record",
                    type_name=type(record).__name__,
                )
            )
        parsed.append(record)
    return parsed


def check_patterns(patterns: object) -> list[dict[str, Any]]:
    """Read the ``patterns`` of ``Extractor.add_patterns``: a list of pattern dicts.

    RAISES TypeError: ``[D005]`` naming the argument or the item that is not a dict.
    """
    checked = list(check_iterable(patterns, "patterns", "a list of pattern dicts"))
    for i, pattern in enumerate(checked):
        if not isinstance(pattern, dict):
            raise TypeError(
                Errors.D005.format(name=f"patterns[{i}]", expected="a pattern dict", type_name=type(pattern).__name__)
            )
    return checked
