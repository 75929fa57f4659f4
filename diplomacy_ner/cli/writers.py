"""The output records of ``extract``: one per document, as JSON, JSONL, CSV or a table."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TextIO

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from ..schema import Analysis, Meeting, Participant

#: ``extract --format csv``: one row per meeting participant; an article without meetings gives one
#: row with only `id` and `published`, an error one row with `error`.
CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "published",
    "meeting",
    "status",
    "kind",
    "date",
    "location",
    "location_country",
    "host",
    "participant",
    "participant_role",
    "participant_country",
    "participant_id",
    "topics",
    "bodies",
    "agreements",
    "confidence",
    "error",
)
CSV_LIST_SEPARATOR = "; "

#: Width of ``--format table`` written to a file or a pipe (unless $COLUMNS says otherwise).
TABLE_WIDTH = 140
#: Narrower than this, ``--format table`` prints one block per meeting instead of the table.
TABLE_MIN_WIDTH = 120


class OutputFormat(StrEnum):
    """Output formats of ``extract``."""

    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    table = "table"



@dataclass(frozen=True)
class Outcome:
    """One output record: a document's analysis, or the reason it failed."""

    id: str
    analysis: Analysis | None = None
    error: str | None = None



def output_record(outcome: Outcome, statuses: Sequence[str]) -> dict[str, Any]:
    if outcome.analysis is None:
        return {"id": outcome.id, "error": outcome.error}
    analysis = outcome.analysis
    return {
        "id": outcome.id,
        "published": analysis.published.isoformat() if analysis.published else None,
        "meetings": [m.model_dump(mode="json") for m in analysis.meetings if m.status in statuses],
        "entities": [e.model_dump(mode="json") for e in analysis.entities],
        **({"skipped": analysis.skipped} if analysis.skipped else {}),
    }


def _participant_label(participant: Participant | None) -> str:
    if participant is None:
        return ""
    name = participant.name or "(unnamed)"
    details = ", ".join(part for part in (participant.role, participant.country) if part)
    return f"{name} ({details})" if details else name


class RecordWriter:
    """Writes one output record per document; subclasses choose the format."""

    def __init__(self, stream: TextIO, statuses: Sequence[str]):
        self.stream = stream
        self.statuses = statuses

    def write(self, outcome: Outcome) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.stream.flush()


class _JsonLinesWriter(RecordWriter):
    def write(self, outcome: Outcome) -> None:
        self.stream.write(json.dumps(output_record(outcome, self.statuses), ensure_ascii=False) + "\n")


class _JsonWriter(RecordWriter):
    """A JSON array, written as it goes (one record at a time)."""

    def __init__(self, stream: TextIO, statuses: Sequence[str]):
        super().__init__(stream, statuses)
        self.count = 0

    def write(self, outcome: Outcome) -> None:
        body = json.dumps(output_record(outcome, self.statuses), ensure_ascii=False, indent=2)
        indented = "\n".join("  " + line for line in body.splitlines())
        self.stream.write(("[\n" if self.count == 0 else ",\n") + indented)
        self.count += 1

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        super().close()


class _CsvWriter(RecordWriter):
    def __init__(self, stream: TextIO, statuses: Sequence[str]):
        super().__init__(stream, statuses)
        self.csv = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, lineterminator="\n")
        self.csv.writeheader()

    def write(self, outcome: Outcome) -> None:
        if outcome.analysis is None:
            self.csv.writerow({"id": outcome.id, "error": outcome.error})
            return
        analysis = outcome.analysis
        published = analysis.published.isoformat() if analysis.published else ""
        meetings = [m for m in analysis.meetings if m.status in self.statuses]
        if not meetings:
            # one row says the article was read and has no meeting, as in the other formats
            self.csv.writerow({"id": outcome.id, "published": published})
        for number, meeting in enumerate(meetings, start=1):
            shared = {
                "id": outcome.id,
                "published": published,
                "meeting": number,
                "status": meeting.status,
                "kind": meeting.kind,
                "date": meeting.date.isoformat() if meeting.date else "",
                "location": meeting.location.name if meeting.location else "",
                "location_country": (meeting.location.country or "") if meeting.location else "",
                "host": (meeting.host.name or meeting.host.role or "") if meeting.host else "",
                "topics": CSV_LIST_SEPARATOR.join(meeting.topics),
                "bodies": CSV_LIST_SEPARATOR.join(ref.name for ref in meeting.bodies),
                "agreements": CSV_LIST_SEPARATOR.join(ref.name for ref in meeting.agreements),
                "confidence": f"{meeting.confidence:.2f}",
            }
            for participant in meeting.participants:
                self.csv.writerow(
                    {
                        **shared,
                        "participant": participant.name or "",
                        "participant_role": participant.role or "",
                        "participant_country": participant.country or "",
                        "participant_id": participant.id or "",
                    }
                )


class _TableWriter(RecordWriter):
    """A rich table of the meetings (printed when all documents are done).

    Narrower than :data:`TABLE_MIN_WIDTH` columns (an 80-column terminal), each
    meeting is a block of labelled lines instead, so that no cell is cut.
    """

    def __init__(self, stream: TextIO, statuses: Sequence[str], console: Console):
        super().__init__(stream, statuses)
        self.console = console
        self.rows: list[tuple[str, ...]] = []
        self.table = Table(title="Meetings", show_lines=True, header_style="bold")
        for column, options in (
            ("Document", {"overflow": "fold", "max_width": 28}),
            ("Date", {"no_wrap": True}),
            ("Participants", {}),
            ("Host", {}),
            ("Kind / status", {}),
            ("Place", {}),
            ("Topics", {}),
            ("Conf.", {"justify": "right"}),
        ):
            self.table.add_column(column, **options)

    def write(self, outcome: Outcome) -> None:
        doc_id = escape(outcome.id)
        if outcome.analysis is None:
            self._add(doc_id, "", f"[red]error: {escape(outcome.error or '')}[/]")
            return
        meetings = [m for m in outcome.analysis.meetings if m.status in self.statuses]
        if not meetings:
            self._add(doc_id, "", "[dim]no meeting found[/]")
        for meeting in meetings:
            self._add(*self._cells(doc_id, meeting))

    def _add(self, *cells: str) -> None:
        self.rows.append(cells)
        self.table.add_row(*cells)

    def _blocks(self) -> Group:
        """One block per meeting: a title line, then one labelled line per column."""
        headers = [str(column.header) for column in self.table.columns]
        blocks: list[Any] = [Text("Meetings", style="bold")]
        for cells in self.rows:
            grid = Table.grid(padding=(0, 1))
            grid.add_column(style="bold", no_wrap=True)
            grid.add_column(overflow="fold")
            for header, cell in zip(headers[1:], cells[1:], strict=False):
                if cell:
                    grid.add_row(header, cell)
            blocks.append(Panel(grid, title=cells[0], title_align="left", expand=True))
        return Group(*blocks)

    @staticmethod
    def _cells(doc_id: str, meeting: Meeting) -> tuple[str, ...]:
        place = ""
        if meeting.location:
            place = meeting.location.name + (
                f" ({meeting.location.country})" if meeting.location.country else ""
            )
        return (
            doc_id,
            meeting.date.isoformat() if meeting.date else "",
            "\n".join(escape(_participant_label(p)) for p in meeting.participants),
            escape(meeting.host.name or meeting.host.role or "") if meeting.host else "",
            f"{meeting.kind}\n{meeting.status}",
            escape(place),
            escape(", ".join(meeting.topics)),
            f"{meeting.confidence:.2f}",
        )

    def close(self) -> None:
        self.console.print(self.table if self.console.width >= TABLE_MIN_WIDTH else self._blocks())
        super().close()


def make_writer(fmt: OutputFormat, stream: TextIO, statuses: Sequence[str], to_file: bool) -> RecordWriter:
    if fmt is OutputFormat.json:
        return _JsonWriter(stream, statuses)
    if fmt is OutputFormat.jsonl:
        return _JsonLinesWriter(stream, statuses)
    if fmt is OutputFormat.csv:
        return _CsvWriter(stream, statuses)
    interactive = not to_file and stream.isatty()
    # a file or a pipe has no width: $COLUMNS if set, else room for the table
    width = TABLE_WIDTH
    if os.environ.get("COLUMNS", "").isdigit() and int(os.environ["COLUMNS"]) > 0:
        width = int(os.environ["COLUMNS"])
    console = Console(file=stream) if interactive else Console(file=stream, width=width, color_system=None)
    return _TableWriter(stream, statuses, console)

