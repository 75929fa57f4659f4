"""The corpus of a report: the meetings read from ``extract`` JSON/JSONL and ``extract-corpus`` Parquet files."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..readers import iter_documents, iter_json_objects

__all__ = [
    "REPORT_SUFFIXES",
    "Corpus",
    "NodeKind",
    "ReportMeeting",
    "Side",
    "attach_evidence",
    "read_corpus",
    "read_texts",
    "report_files",
]

REPORT_SUFFIXES: tuple[str, ...] = (".jsonl", ".json", ".parquet")


class NodeKind(StrEnum):
    """What the nodes of the network are."""

    officials = "officials"
    countries = "countries"


@dataclass(frozen=True)
class Side:
    """One participant of a reported meeting."""

    name: str | None
    role: str | None
    country: str | None
    id: str | None = None

    @property
    def label(self) -> str:
        """The name, else "role (country)" for an unnamed official."""
        if self.name:
            return self.name
        details = ", ".join(part for part in (self.role, self.country) if part)
        return f"({details})" if details else "(unnamed)"


@dataclass
class ReportMeeting:
    """One meeting as the report uses it, from a JSON record or from Parquet rows."""

    article_id: str
    number: int
    status: str
    kind: str | None = None
    date: dt.date | None = None
    published: dt.date | None = None
    location: str | None = None
    location_country: str | None = None
    host: str | None = None
    topics: list[str] = field(default_factory=list)
    participants: list[Side] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    evidence_offsets: list[tuple[int, int]] = field(default_factory=list)
    confidence: float | None = None

    @property
    def day(self) -> dt.date | None:
        """The meeting's date, else the article's publication date."""
        return self.date or self.published


@dataclass
class Corpus:
    """What the report is about: the meetings, and how many articles were read."""

    meetings: list[ReportMeeting] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    failed: int = 0


def report_files(paths: Sequence[Path]) -> list[Path]:
    """The files a report reads: the paths given, directories searched recursively.

    paths (Sequence[Path]): files and directories.
    RETURNS (list[Path]): the files, a directory's sorted.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.suffix.lower() in REPORT_SUFFIXES and p.is_file())
            )
        else:
            found.append(path)
    return found


def read_corpus(paths: Sequence[Path], *, statuses: Iterable[str] = ("held",)) -> Corpus:
    """Read the meetings of ``extract`` JSON/JSONL output and ``extract-corpus`` Parquet files.

    paths (Sequence[Path]): files (.jsonl, .json, .parquet) or directories of them.
    statuses (Iterable[str]): the statuses of the meetings kept.
    RETURNS (Corpus): the meetings, in file order.
    RAISES ValueError: a file that is not one of those layouts, naming the file (and line).
    """
    wanted = set(statuses)
    corpus = Corpus()
    for path in report_files(paths):
        suffix = path.suffix.lower()
        if suffix == ".parquet":
            records: Iterator[tuple[str, dict[str, Any]]] = _parquet_records(path)
        elif suffix in (".jsonl", ".json"):
            records = _json_records(path)
        else:
            raise ValueError(f"{path}: a report reads .jsonl, .json or .parquet files")
        for where, record in records:
            _add_record(corpus, record, where, wanted)
    return corpus


def _json_records(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise ValueError(f"{path}: invalid JSON: {err.msg} (line {err.lineno})") from None
        items = data if isinstance(data, list) else [data]
        for number, item in enumerate(items, start=1):
            yield f"{path}[{number}]", item
        return
    for number, record in iter_json_objects(text.splitlines(), str(path)):
        yield f"{path}:{number}", record

def _add_record(corpus: Corpus, record: Any, where: str, wanted: set[str]) -> None:
    if not isinstance(record, dict) or "id" not in record:
        raise ValueError(f"{where}: expected an `extract` record with an `id`, got {type(record).__name__}")
    article = str(record["id"])
    corpus.articles.add(article)
    if record.get("error"):
        corpus.failed += 1
        return
    published = _day(record.get("published"))
    for number, meeting in enumerate(record.get("meetings") or [], start=1):
        status = meeting.get("status") or "held"
        if status not in wanted:
            continue
        location = meeting.get("location") or {}
        host = meeting.get("host") or {}
        evidence = meeting.get("evidence") or []
        corpus.meetings.append(
            ReportMeeting(
                article_id=article,
                number=number,
                status=status,
                kind=meeting.get("kind"),
                date=_day(meeting.get("date")),
                published=published,
                location=location.get("name"),
                location_country=location.get("country"),
                host=host.get("name") or host.get("role"),
                topics=list(meeting.get("topics") or []),
                participants=[
                    Side(p.get("name"), p.get("role"), p.get("country"), p.get("id"))
                    for p in meeting.get("participants") or []
                ],
                evidence=[e["text"] for e in evidence if isinstance(e, dict) and e.get("text")],
                evidence_offsets=[
                    (start, end)
                    for start, end in [meeting.get("_offsets") or (None, None)]
                    if start is not None
                ],
                confidence=meeting.get("confidence"),
            )
        )


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _parquet_records(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """``extract-corpus`` rows (one per participant of a meeting) grouped back into records."""
    try:
        import pyarrow.parquet as pq
    except ModuleNotFoundError:
        raise ValueError(f"{path}: reading Parquet needs pyarrow: pip install diplomacy-ner[dask]") from None
    rows = pq.read_table(path).to_pylist()
    records: dict[str, dict[str, Any]] = {}
    meetings: dict[tuple[str, int], dict[str, Any]] = {}
    for row in rows:
        article = str(row.get("article_id"))
        record = records.setdefault(
            article, {"id": article, "published": row.get("published"), "meetings": []}
        )
        if row.get("error"):
            record["error"] = row["error"]
            continue
        if row.get("meeting_index") is None:
            continue
        key = (article, row["meeting_index"])
        meeting = meetings.get(key)
        if meeting is None:
            meeting = {
                "status": row.get("status"),
                "kind": row.get("kind"),
                "date": row.get("date"),
                "location": {"name": row.get("location_name"), "country": row.get("location_country")},
                "host": {"name": row.get("host_name")},
                "topics": row.get("topics") or [],
                "participants": [],
                "confidence": row.get("confidence"),
                "_offsets": (row.get("evidence_start"), row.get("evidence_end")),
            }
            meetings[key] = meeting
            record["meetings"].append(meeting)
        if row.get("participant_index") is not None:
            meeting["participants"].append(
                {
                    "name": row.get("participant_name"),
                    "role": row.get("participant_role"),
                    "country": row.get("participant_country"),
                    "id": row.get("participant_id"),
                }
            )
    for number, record in enumerate(records.values(), start=1):
        yield f"{path}[{number}]", record


def attach_evidence(corpus: Corpus, texts: Mapping[str, str]) -> None:
    """Quote the evidence of meetings read from Parquet (which keeps only offsets) from the articles.

    corpus (Corpus): the corpus, changed in place.
    texts (Mapping[str, str]): article texts by id (the input of ``extract-corpus``).
    """
    for meeting in corpus.meetings:
        text = texts.get(meeting.article_id)
        if meeting.evidence or text is None:
            continue
        meeting.evidence = [text[start:end] for start, end in meeting.evidence_offsets if 0 <= start < end]

def read_texts(path: Path) -> dict[str, str]:
    """Article texts by id, read by the package's one article reader (the ids ``extract-corpus`` gives).

    path (Path): the articles: a JSONL corpus (``{"id", "text"}`` lines) or any file or
        directory ``extract-corpus`` reads.
    RETURNS (dict[str, str]): the texts.
    RAISES ValueError: the first file or line that cannot be read, naming it.
    """
    texts: dict[str, str] = {}
    for document in iter_documents([path]):
        if document.error is not None:
            raise ValueError(document.error)
        if document.text is not None:
            texts[document.id] = document.text
    return texts
