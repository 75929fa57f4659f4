"""The Parquet rows of corpus-scale extraction: one per participant per meeting (see the package docstring)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pyarrow as pa

from ..errors import Errors
from ..schema import DocumentResult, Meeting, Participant

MEETING_ROWS_SCHEMA = pa.schema(
    [
        pa.field("article_id", pa.string()),
        pa.field("published", pa.date32()),
        pa.field("meeting_index", pa.int32()),
        pa.field("status", pa.string()),
        pa.field("kind", pa.string()),
        pa.field("date", pa.date32()),
        pa.field("location_name", pa.string()),
        pa.field("location_country", pa.string()),
        pa.field("host_name", pa.string()),
        pa.field("host_country", pa.string()),
        pa.field("topics", pa.list_(pa.string())),
        pa.field("bodies", pa.list_(pa.string())),
        pa.field("agreements", pa.list_(pa.string())),
        pa.field("participant_index", pa.int32()),
        pa.field("participant_name", pa.string()),
        pa.field("participant_role", pa.string()),
        pa.field("participant_country", pa.string()),
        pa.field("participant_id", pa.string()),
        pa.field("is_host", pa.bool_()),
        pa.field("confidence", pa.float64()),
        pa.field("evidence_start", pa.int64()),
        pa.field("evidence_end", pa.int64()),
        pa.field("error", pa.string()),
    ],
    metadata={b"diplomacy_ner.table": b"meeting_rows", b"diplomacy_ner.schema_version": b"1"},
)

Row = dict[str, Any]

def meeting_rows(result: DocumentResult) -> list[Row]:
    """Flatten one document's result into rows of :data:`MEETING_ROWS_SCHEMA`.

    result (DocumentResult): a record yielded by :meth:`Extractor.pipe`.
    RETURNS (list[dict]): one row per participant per meeting; a single row with
        ``meeting_index`` null for an article without meetings; a single row with
        ``error`` set for a failed article.
    """
    if result.error is not None or result.analysis is None:
        return [error_row(result.id, _article_error(result.id, result.error or "no analysis"))]
    analysis = result.analysis
    if not analysis.meetings:
        return [_empty_row(result.id, published=analysis.published)]
    rows: list[Row] = []
    for meeting_index, meeting in enumerate(analysis.meetings):
        base = _meeting_columns(result.id, meeting)
        base["published"] = analysis.published
        base["meeting_index"] = meeting_index
        if not meeting.participants:
            rows.append(base)
            continue
        for participant_index, participant in enumerate(meeting.participants):
            rows.append(
                {
                    **base,
                    "participant_index": participant_index,
                    "participant_name": participant.name,
                    "participant_role": participant.role,
                    "participant_country": participant.country,
                    "participant_id": participant.id,
                    "is_host": _is_host(participant, meeting.host),
                }
            )
    return rows


def _article_error(article_id: str | None, message: str) -> str:
    """Drop ``pipe``'s "[D030] Document <n> (<id>) failed: " wrapper.

    Its <n> is the position in one ``pipe`` call, i.e. in one partition: it would make
    the rows depend on the partitioning, and ``article_id`` already names the article.
    """
    head = Errors.D030.format(index="\x00", doc_id=article_id, error="\x01").split("\x01")[0]
    before, after = head.split("\x00")
    if not message.startswith(before):
        return message
    rest = message[len(before) :]
    digits = len(rest) - len(rest.lstrip("0123456789"))
    if digits and rest[digits:].startswith(after):
        return rest[digits + len(after) :]
    return message


def error_row(article_id: str | None, message: str) -> Row:
    """The row of an article that could not be processed.

    article_id (str | None): the article's id.
    message (str): why it failed.
    RETURNS (dict): a row with every column null but ``article_id`` and ``error``.
    """
    row = _empty_row(article_id)
    row["error"] = message
    return row


def _empty_row(article_id: str | None, *, published: Any = None) -> Row:
    row: Row = dict.fromkeys(MEETING_ROWS_SCHEMA.names)
    row["article_id"] = article_id
    row["published"] = published
    return row


def _meeting_columns(article_id: str | None, meeting: Meeting) -> Row:
    row = _empty_row(article_id)
    host = meeting.host
    evidence = meeting.evidence[0] if meeting.evidence else None
    row.update(
        status=meeting.status,
        kind=meeting.kind,
        date=meeting.date,
        location_name=meeting.location.name if meeting.location else None,
        location_country=meeting.location.country if meeting.location else None,
        host_name=host.name if host else None,
        host_country=host.country if host else None,
        topics=list(meeting.topics),
        bodies=[ref.id for ref in meeting.bodies],
        agreements=[ref.id for ref in meeting.agreements],
        confidence=meeting.confidence,
        evidence_start=evidence.start if evidence else None,
        evidence_end=evidence.end if evidence else None,
    )
    return row


def _is_host(participant: Participant, host: Participant | None) -> bool:
    if host is None:
        return False
    if participant.id is not None and host.id is not None:
        return participant.id == host.id
    return (participant.name, participant.role, participant.country) == (host.name, host.role, host.country)


def rows_to_table(rows: Iterable[Row]) -> pa.Table:
    """Build an Arrow table with :data:`MEETING_ROWS_SCHEMA` from row dicts.

    RETURNS (pyarrow.Table): the rows, typed.
    """
    return pa.Table.from_pylist(list(rows), schema=MEETING_ROWS_SCHEMA)

