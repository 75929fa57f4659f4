"""The ``diplomacy-ner`` command line: extract, render, evaluate, validate.

Every command has ``--help`` with an example. Output goes to stdout (or
``--output``); progress, warnings and per-document errors go to stderr, so
``diplomacy-ner extract corpus/ --format jsonl > out.jsonl`` keeps a clean file.

Exit status: 0 on success, 1 when a document (or a validated line) failed,
2 for a usage error (bad option, missing optional dependency).

Importing this module is cheap: spaCy and the pipeline load only when a
command needs them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer
from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from .about import __version__
from .errors import Errors, KnowledgeBaseError, NothingToScoreError
from .isodate import parse_iso_day
from .report import plural

if TYPE_CHECKING:
    from .api import Extractor
    from .schema import Analysis, DocumentResult, Meeting, Participant

__all__ = [
    "CSV_COLUMNS",
    "SAMPLE_PUBLISHED",
    "InputDocument",
    "app",
    "html_to_text",
    "iter_input_documents",
    "make_extractor",
    "main",
    "sample_text",
    "validate_kb_lines",
    "validate_rule_lines",
    "validate_topic_lines",
]

#: Suffixes read by ``extract`` and ``render`` (a directory is searched recursively for them).
TEXT_SUFFIXES: frozenset[str] = frozenset({".txt", ".md"})
HTML_SUFFIXES: frozenset[str] = frozenset({".html", ".htm"})
JSONL_SUFFIXES: frozenset[str] = frozenset({".jsonl"})
SUPPORTED_SUFFIXES: frozenset[str] = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
STDIN_NAME = "-"
STDIN_ID = "<stdin>"

#: The bundled sample article (L'Economiste, 22 April 2024) and its publication date.
SAMPLE_RESOURCE = ("resources", "samples", "sample_fr.txt")
SAMPLE_ID = "sample_fr.txt"
SAMPLE_PUBLISHED = "2024-04-22"

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

#: ``<meta>`` names and properties read as the publication date of an HTML page.
HTML_DATE_META: frozenset[str] = frozenset(
    {
        "article:published_time",
        "og:published_time",
        "date",
        "dc.date",
        "dcterms.date",
        "pubdate",
        "publication_date",
    }
)

#: Width of ``--format table`` written to a file or a pipe (unless $COLUMNS says otherwise).
TABLE_WIDTH = 140
#: Narrower than this, ``--format table`` prints one block per meeting instead of the table.
TABLE_MIN_WIDTH = 120

#: Where an HTML page that is not UTF-8 declares its encoding.
HTML_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
HTML_CHARSET_WINDOW = 4096

#: Encodings charset-normalizer chooses from when an input file is not UTF-8 (French news:
#: Western European code pages, and UTF-16 with its byte-order mark).
DETECTED_ENCODINGS: tuple[str, ...] = ("cp1252", "latin_1", "iso8859_15", "mac_roman", "utf_16")

#: ``extract-corpus`` lists at most this many failed articles on stderr.
MAX_ERRORS_SHOWN = 20

ALL_STATUSES: tuple[str, ...] = ("held", "planned", "cancelled")
HELD_ONLY: tuple[str, ...] = ("held",)


class OutputFormat(StrEnum):
    """Output formats of ``extract``."""

    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


class FileKind(StrEnum):
    """What ``kb validate`` checks a file as (``auto``: decided from its content)."""

    auto = "auto"
    kb = "kb"
    rules = "rules"
    topics = "topics"


app = typer.Typer(
    name="diplomacy-ner",
    help=(
        "Who met whom in French-language diplomatic news: extract meetings, render them, "
        "evaluate against gold annotations, validate knowledge-base and rule files."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
)
kb_app = typer.Typer(
    help="Knowledge-base, rule and topic-lexicon files.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
)
app.add_typer(kb_app, name="kb")


# --------------------------------------------------------------------------
# Consoles and the extractor factory
# --------------------------------------------------------------------------


def _stderr() -> Console:
    # soft_wrap: never break a path or an error message over lines
    return Console(stderr=True, soft_wrap=True, highlight=False)


def _report_error(console: Console, doc_id: str, reason: str) -> None:
    console.print(f"[bold red]error[/] {escape(doc_id)}: {escape(reason)}")


def _fail_usage(message: str) -> typer.Exit:
    _stderr().print(f"[bold red]usage error[/] {escape(message)}")
    return typer.Exit(2)


def make_extractor(
    *,
    kb_files: Sequence[Path] = (),
    rule_files: Sequence[Path] = (),
    topic_files: Sequence[Path] = (),
) -> Extractor:
    """The extractor a command uses: the shared default one, or a new one with user files.

    Tests replace this function to reuse one loaded pipeline.

    kb_files (Sequence[Path]): extra knowledge-base JSONL files.
    rule_files (Sequence[Path]): extra spaCy pattern JSONL files.
    topic_files (Sequence[Path]): extra topic lexicon JSONL files.
    RETURNS (Extractor): the extractor.
    """
    from .api import Extractor, get_default_extractor

    if kb_files or rule_files or topic_files:
        return Extractor(kb_files=kb_files, rule_files=rule_files, topic_files=topic_files)
    return get_default_extractor()


def _build_extractor(
    kb_files: Sequence[Path], rule_files: Sequence[Path], topic_files: Sequence[Path]
) -> Extractor:
    try:
        return make_extractor(kb_files=kb_files, rule_files=rule_files, topic_files=topic_files)
    except KnowledgeBaseError as err:
        _stderr().print(f"[bold red]error[/] {escape(str(err))}")
        raise typer.Exit(1) from None


def _check_published(value: str | None) -> str | None:
    if value is None:
        return None
    if parse_iso_day(value.strip()) is None:
        raise typer.BadParameter(f"{value!r} is not an ISO date such as 2024-04-22 (YYYY-MM-DD).")
    return value.strip()


# --------------------------------------------------------------------------
# Reading inputs
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class InputDocument:
    """One article read from a file, a JSONL line or stdin, or the reason it could not be read.

    id (str): the document id: the path (as given or found), the JSONL ``id``, or ``path:line``.
    text (str | None): the article text; None when reading failed.
    published (str | None): the document's own publication date, if it has one.
    error (str | None): why the document could not be read.
    """

    id: str
    text: str | None = None
    published: str | None = None
    error: str | None = None


def sample_text() -> str:
    """The bundled sample article (read with ``importlib.resources``).

    RETURNS (str): the text of ``diplomacy_ner/resources/samples/sample_fr.txt``.
    """
    return resources.files("diplomacy_ner").joinpath(*SAMPLE_RESOURCE).read_text(encoding="utf-8")


class _HTMLDateFinder(HTMLParser):
    """Find the publication date in an HTML page's ``<meta>`` tags or first ``<time datetime>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.published: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.published is not None:
            return
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            candidate = values.get("content", "") if key in HTML_DATE_META else ""
        elif tag == "time":
            candidate = values.get("datetime", "")
        else:
            return
        candidate = candidate.strip()
        try:
            dt.date.fromisoformat(candidate[:10])
        except ValueError:
            return
        self.published = candidate[:10]


def html_to_text(html: str) -> str:
    """Convert an HTML page to plain text with html2text, keeping paragraph breaks.

    Links, images and emphasis markers are dropped; headings keep their Markdown ``#``.

    html (str): the page.
    RETURNS (str): the text, paragraphs separated by blank lines.
    """
    import html2text

    converter = html2text.HTML2Text()
    converter.body_width = 0  # no re-wrapping: one paragraph stays one line
    converter.ignore_links = True
    converter.ignore_images = True
    converter.ignore_emphasis = True
    converter.unicode_snob = True  # keep "é", "«", "’" as they are
    return converter.handle(html)


def _html_published(html: str) -> str | None:
    finder = _HTMLDateFinder()
    finder.feed(html)
    finder.close()
    return finder.published


def _decode_utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ValueError(f"not valid UTF-8 ({err.reason} at byte {err.start})") from None


def _decode(data: bytes, label: str, encoding: str | None = None, declared: str | None = None) -> str:
    """Decode an input file: in ``encoding`` when given, else as UTF-8, else in the
    ``declared`` charset (an HTML page's), else in the encoding charset-normalizer detects
    among :data:`DETECTED_ENCODINGS`.

    RAISES ValueError: ``[D051]`` naming the file, the encodings tried and ``--encoding``.
    """
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as err:
            reason = f"{err.reason} at byte {err.start}"
            raise ValueError(Errors.D051.format(path=label, tried=encoding, reason=reason)) from None
    try:
        return _decode_utf8(data)
    except ValueError as err:
        reason = str(err)
    if declared is not None:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(DETECTED_ENCODINGS)).best()
    if best is None:
        tried = ", ".join(["UTF-8", *([declared] if declared else []), *DETECTED_ENCODINGS])
        raise ValueError(Errors.D051.format(path=label, tried=tried, reason=reason))
    return str(best)


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page's ``<meta>`` declares (``iso-8859-1``...), if any."""
    declared = HTML_CHARSET.search(data[:HTML_CHARSET_WINDOW].decode("ascii", errors="ignore"))
    return declared.group(1) if declared else None


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise ValueError(f"cannot read the file: {err.strerror or err}") from None


def _documents_of_jsonl(lines: Iterable[str], label: str) -> Iterator[InputDocument]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{label}:{number}"
        try:
            record = json.loads(line.rstrip("\r\n"))
        except json.JSONDecodeError as err:
            yield InputDocument(
                id=where, error=f"line {number}: invalid JSON: {err.msg} (column {err.colno})"
            )
            continue
        if not isinstance(record, dict):
            yield InputDocument(
                id=where, error=f"line {number}: expected a JSON object, got {type(record).__name__}"
            )
            continue
        doc_id = str(record["id"]) if record.get("id") is not None else where
        text = record.get("text")
        if not isinstance(text, str):
            problem = (
                "no `text` field" if text is None else f"`text` is a {type(text).__name__}, not a string"
            )
            yield InputDocument(id=doc_id, error=f"line {number}: {problem}")
            continue
        published = record.get("published")
        yield InputDocument(id=doc_id, text=text, published=None if published is None else str(published))


def _documents_of_file(path: Path, label: str, encoding: str | None = None) -> Iterator[InputDocument]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield InputDocument(id=label, error=Errors.D050.format(path=label))
        return
    try:
        data = _read_bytes(path)
        declared = _declared_charset(data) if suffix in HTML_SUFFIXES else None
        text = _decode(data, label, encoding, declared)
    except ValueError as err:
        yield InputDocument(id=label, error=str(err))
        return
    if suffix in JSONL_SUFFIXES:
        # a file object's lines, not str.splitlines(): JSON strings may hold U+2028
        yield from _documents_of_jsonl(io.StringIO(text, newline=None), label)
    elif suffix in HTML_SUFFIXES:
        yield InputDocument(id=label, text=html_to_text(text), published=_html_published(text))
    else:
        yield InputDocument(id=label, text=text)


def _files_under(directory: Path) -> list[Path]:
    """Supported files under a directory, recursively, sorted; hidden files and folders skipped."""
    found = []
    for path in directory.rglob("*"):
        relative = path.relative_to(directory)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix.lower() in SUPPORTED_SUFFIXES and path.is_file():
            found.append(path)
    return sorted(found)


def _expand_sources(paths: Sequence[str]) -> list[tuple[str, Path | None]]:
    """The inputs as (label, path) pairs: ``-`` is stdin (path None), directories are expanded."""
    sources: list[tuple[str, Path | None]] = []
    for name in paths:
        if name == STDIN_NAME:
            sources.append((STDIN_ID, None))
            continue
        path = Path(name)
        if path.is_dir():
            sources.extend((str(found), found) for found in _files_under(path))
        else:
            sources.append((name, path))
    return sources


def _count_documents(sources: Sequence[tuple[str, Path | None]]) -> int | None:
    """How many documents the sources hold (JSONL lines counted), None when stdin is read."""
    total = 0
    for _, path in sources:
        if path is None:
            return None
        if path.suffix.lower() in JSONL_SUFFIXES and path.is_file():
            try:
                with path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def _count_characters(sources: Sequence[tuple[str, Path | None]]) -> int | None:
    """About how many characters the sources hold (their sizes in bytes), None when stdin is read."""
    total = 0
    for _, path in sources:
        if path is None:
            return None
        try:
            total += path.stat().st_size
        except OSError:
            continue
    return total


def iter_input_documents(
    paths: Sequence[str], *, stdin: TextIO | None = None, encoding: str | None = None
) -> Iterator[InputDocument]:
    """Read the articles named on the command line, in order.

    Files may be ``.txt``/``.md`` (the text), ``.html``/``.htm`` (converted with
    html2text), or ``.jsonl`` (one ``{"text", "id", "published"}`` object a line);
    directories are searched recursively for those; ``-`` reads stdin as one
    article. A file or line that cannot be read becomes a document with ``error``.
    A file that is not UTF-8 is read in the encoding charset-normalizer detects
    (Windows-1252, Latin-1...), unless ``encoding`` is given.

    paths (Sequence[str]): file names, directory names, or "-".
    stdin (TextIO | None): the stream read for "-" (default: ``sys.stdin``).
    encoding (str | None): the encoding of every file, instead of detecting it.
    YIELDS (InputDocument): the documents.
    """
    yield from _iter_sources(_expand_sources(paths), stdin=stdin, encoding=encoding)


def _iter_sources(
    sources: Sequence[tuple[str, Path | None]], *, stdin: TextIO | None, encoding: str | None = None
) -> Iterator[InputDocument]:
    for label, path in sources:
        if path is None:
            yield _read_stdin(stdin if stdin is not None else sys.stdin, encoding)
        elif not path.exists():
            yield InputDocument(id=label, error=Errors.D014.format(path=label))
        else:
            yield from _documents_of_file(path, label, encoding)


def _read_stdin(stream: TextIO, encoding: str | None = None) -> InputDocument:
    buffer = getattr(stream, "buffer", None)
    try:
        text = _decode(buffer.read(), STDIN_ID, encoding) if buffer is not None else stream.read()
    except ValueError as err:
        return InputDocument(id=STDIN_ID, error=str(err))
    return InputDocument(id=STDIN_ID, text=text)


# --------------------------------------------------------------------------
# Running the pipeline over the documents
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Outcome:
    """One output record: a document's analysis, or the reason it failed."""

    id: str
    analysis: Analysis | None = None
    error: str | None = None


def _run_batch(
    extractor: Extractor,
    documents: Iterable[InputDocument],
    *,
    batch_size: int,
    n_process: int,
    published: str | None,
    gate: bool = False,
) -> Iterator[_Outcome]:
    """Analyse the readable documents with one ``Extractor.pipe`` and interleave the
    unreadable ones at their place, so the output follows the input order."""
    unreadable: deque[tuple[int, InputDocument]] = deque()

    def readable() -> Iterator[tuple[str, dict[str, Any]]]:
        for position, document in enumerate(documents):
            if document.error is not None or document.text is None:
                unreadable.append((position, document))
                continue
            context: dict[str, Any] = {"id": document.id, "position": position}
            if document.published:
                context["published"] = document.published
            yield document.text, context

    results: Iterator[tuple[DocumentResult, dict[str, Any]]] = extractor.pipe(
        readable(),
        as_tuples=True,
        batch_size=batch_size,
        n_process=n_process,
        published=published,
        meetings_only=gate,
    )
    for result, context in results:
        while unreadable and unreadable[0][0] < context["position"]:
            document = unreadable.popleft()[1]
            yield _Outcome(id=document.id, error=document.error)
        if result.error is not None or result.analysis is None:
            yield _Outcome(id=context["id"], error=result.error or "no analysis")
        else:
            yield _Outcome(id=context["id"], analysis=result.analysis)
    while unreadable:
        document = unreadable.popleft()[1]
        yield _Outcome(id=document.id, error=document.error)


# --------------------------------------------------------------------------
# Writing records
# --------------------------------------------------------------------------


def _record(outcome: _Outcome, statuses: Sequence[str]) -> dict[str, Any]:
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


class _RecordWriter:
    """Writes one output record per document; subclasses choose the format."""

    def __init__(self, stream: TextIO, statuses: Sequence[str]):
        self.stream = stream
        self.statuses = statuses

    def write(self, outcome: _Outcome) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.stream.flush()


class _JsonLinesWriter(_RecordWriter):
    def write(self, outcome: _Outcome) -> None:
        self.stream.write(json.dumps(_record(outcome, self.statuses), ensure_ascii=False) + "\n")


class _JsonWriter(_RecordWriter):
    """A JSON array, written as it goes (one record at a time)."""

    def __init__(self, stream: TextIO, statuses: Sequence[str]):
        super().__init__(stream, statuses)
        self.count = 0

    def write(self, outcome: _Outcome) -> None:
        body = json.dumps(_record(outcome, self.statuses), ensure_ascii=False, indent=2)
        indented = "\n".join("  " + line for line in body.splitlines())
        self.stream.write(("[\n" if self.count == 0 else ",\n") + indented)
        self.count += 1

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        super().close()


class _CsvWriter(_RecordWriter):
    def __init__(self, stream: TextIO, statuses: Sequence[str]):
        super().__init__(stream, statuses)
        self.csv = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, lineterminator="\n")
        self.csv.writeheader()

    def write(self, outcome: _Outcome) -> None:
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


class _TableWriter(_RecordWriter):
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

    def write(self, outcome: _Outcome) -> None:
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


def _make_writer(fmt: OutputFormat, stream: TextIO, statuses: Sequence[str], to_file: bool) -> _RecordWriter:
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


def _progress(console: Console, *, disable: bool) -> Progress:
    """The progress bar of ``extract``: it counts characters, so a long article moves it
    chunk by chunk; the documents done are shown beside it."""
    return Progress(
        TextColumn("[bold]extracting"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[done]}/{task.fields[documents]} documents"),
        TextColumn("{task.fields[failed]} failed"),
        TimeElapsedColumn(),
        console=console,
        disable=disable,
        transient=False,
    )


class _CharacterProgress:
    """Advances a progress task by characters: by each chunk of a long text as the
    extractor finishes it (``Extractor.on_chunk``), and by each short text when its
    record comes out. The total is estimated from the file sizes."""

    def __init__(self, progress: Progress, task: Any):
        self.progress = progress
        self.task = task
        self.credit = 0  # characters counted from chunks, not yet matched to a record

    def chunk_done(self, characters: int) -> None:
        self.credit += characters
        self.progress.advance(self.task, characters)

    def document_done(self, characters: int, *, failed: int) -> None:
        taken = min(characters, self.credit)
        self.credit -= taken
        done = self._task().fields["done"] + 1
        self.progress.update(self.task, advance=characters - taken, done=done, failed=failed)

    def finish(self) -> None:
        """Show the bar full: the total was an estimate from file sizes."""
        completed = self._task().completed or 1
        self.progress.update(self.task, total=completed, completed=completed)

    def _task(self) -> Any:
        return next(task for task in self.progress.tasks if task.id == self.task)


# --------------------------------------------------------------------------
# Commands
# --------------------------------------------------------------------------


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"diplomacy-ner {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version_callback, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Who met whom in French-language diplomatic news.

    **Quick start**

    ```
    $ diplomacy-ner extract --sample --format table
    ```
    """


PublishedOption = Annotated[
    str | None,
    typer.Option(
        "--published",
        help="Publication date (ISO, e.g. 2024-04-22) for documents without their own; "
        "the base for 'lundi', 'hier'...",
        callback=_check_published,
    ),
]
def _check_encoding(value: str | None) -> str | None:
    if value is None:
        return None
    import codecs

    try:
        codecs.lookup(value)
    except LookupError:
        raise typer.BadParameter(Errors.D052.format(name=value)) from None
    return value


EncodingOption = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        help="Encoding of the input files (utf-8, cp1252, latin-1...). Default: UTF-8, else the one "
        "charset-normalizer detects.",
        callback=_check_encoding,
    ),
]
KbOption = Annotated[
    list[Path] | None,
    typer.Option("--kb", help="Extra knowledge-base JSONL file (repeatable).", exists=True, dir_okay=False),
]
RulesOption = Annotated[
    list[Path] | None,
    typer.Option("--rules", help="Extra spaCy pattern JSONL file (repeatable).", exists=True, dir_okay=False),
]
TopicsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--topics", help="Extra topic lexicon JSONL file (repeatable).", exists=True, dir_okay=False
    ),
]


@app.command()
def extract(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files (.txt, .md, .html, .htm, .jsonl), directories (searched recursively) or - for stdin.",
            show_default=False,
        ),
    ] = None,
    published: PublishedOption = None,
    encoding: EncodingOption = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
    ] = OutputFormat.json,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.", dir_okay=False)
    ] = None,
    all_statuses: Annotated[
        bool, typer.Option("--all-statuses", help="Also output planned and cancelled meetings.")
    ] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per spaCy batch.")] = 32,
    n_process: Annotated[
        int, typer.Option("--n-process", min=1, help="Worker processes (each loads the pipeline).")
    ] = 1,
    sample: Annotated[
        bool, typer.Option("--sample", help="Also run on the bundled sample article (published 2024-04-22).")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    kb: KbOption = None,
    rules: RulesOption = None,
    topics: TopicsOption = None,
    gate: Annotated[
        bool,
        typer.Option(
            "--gate/--no-gate",
            help="Skip the statistical model (and entities) for articles without an encounter cue; "
            "their records get \"skipped\".",
        ),
    ] = False,
) -> None:
    """Extract the meetings of articles: one record per article, in input order.

    A document that cannot be read or processed is reported on stderr and written as an
    error record {"id", "error"}; the others go on, and the exit status is 1.
    Only meetings that took place are output unless --all-statuses is given.

    **Examples**

    ```
    $ diplomacy-ner extract --sample --format table
    $ diplomacy-ner extract article.txt --published 2024-04-22
    $ diplomacy-ner extract corpus/ news.jsonl --format jsonl -o meetings.jsonl
    $ cat article.txt | diplomacy-ner extract - --format csv
    $ diplomacy-ner extract old_latin1_article.txt --encoding cp1252
    ```
    """
    if not paths and not sample:
        raise _fail_usage("give at least one PATH (a file, a directory or -), or --sample.")
    statuses = ALL_STATUSES if all_statuses else HELD_ONLY
    sources = _expand_sources(paths or [])
    total = _count_documents(sources)
    characters = _count_characters(sources)
    documents: Iterator[InputDocument] = _iter_sources(sources, stdin=None, encoding=encoding)
    if sample:
        sample_doc = InputDocument(id=SAMPLE_ID, text=sample_text(), published=SAMPLE_PUBLISHED)
        documents = _chain(documents, [sample_doc])
        total = None if total is None else total + 1
        characters = None if characters is None else characters + len(sample_doc.text or "")
    extractor = _build_extractor(kb or [], rules or [], topics or [])
    errors_console = _stderr()
    failed = 0
    stream, close_stream = _open_output(output, newline="" if output_format is OutputFormat.csv else None)
    try:
        writer = _make_writer(output_format, stream, statuses, to_file=output is not None)
        with _progress(errors_console, disable=quiet) as progress:
            task = progress.add_task(
                "extract", total=characters, failed=0, done=0, documents="?" if total is None else total
            )
            meter = _CharacterProgress(progress, task)
            if hasattr(extractor, "on_chunk"):
                extractor.on_chunk = meter.chunk_done
            outcomes = _run_batch(
                extractor,
                documents,
                batch_size=batch_size,
                n_process=n_process,
                published=published,
                gate=gate,
            )
            for outcome in outcomes:
                if outcome.error is not None:
                    failed += 1
                    _report_error(progress.console, outcome.id, outcome.error)
                writer.write(outcome)
                meter.document_done(len(outcome.analysis.text) if outcome.analysis else 0, failed=failed)
            meter.finish()
        writer.close()
    finally:
        if hasattr(extractor, "on_chunk"):
            extractor.on_chunk = None
        close_stream()
    if failed:
        raise typer.Exit(1)


def _chain(first: Iterable[InputDocument], second: Iterable[InputDocument]) -> Iterator[InputDocument]:
    yield from first
    yield from second


def _open_output(output: Path | None, *, newline: str | None = None) -> tuple[TextIO, Callable[[], None]]:
    if output is None or str(output) == STDIN_NAME:
        return sys.stdout, lambda: None
    try:
        handle = output.open("w", encoding="utf-8", newline=newline)
    except OSError as err:
        raise _fail_usage(f"cannot write {output}: {err.strerror or err}") from None
    return handle, handle.close


@app.command()
def render(
    path: Annotated[
        str | None,
        typer.Argument(
            help="One article: .txt, .md, .html, a .jsonl (with --id) or - for stdin.", show_default=False
        ),
    ] = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The HTML page to write (- for stdout).", dir_okay=False)
    ] = Path(STDIN_NAME),
    published: PublishedOption = None,
    encoding: EncodingOption = None,
    doc_id: Annotated[
        str | None, typer.Option("--id", help="Which document of a .jsonl file to render.")
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="Page title (default: the article's).")] = None,
    sample: Annotated[bool, typer.Option("--sample", help="Render the bundled sample article.")] = False,
    kb: KbOption = None,
    rules: RulesOption = None,
    topics: TopicsOption = None,
) -> None:
    """Render one article as a self-contained HTML page: the text with its entities
    (displaCy), and a table of the meetings with their evidence highlighted.

    **Examples**

    ```
    $ diplomacy-ner render article.txt --published 2024-04-22 --output page.html
    $ diplomacy-ner render --sample -o sample.html
    $ diplomacy-ner render news.jsonl --id dev-003 -o dev-003.html
    ```
    """
    from .render import render_html

    if (path is None) == (not sample):
        raise _fail_usage("give exactly one of PATH or --sample.")
    if sample:
        document = InputDocument(id=SAMPLE_ID, text=sample_text(), published=SAMPLE_PUBLISHED)
    else:
        assert path is not None
        document = _select_document(list(iter_input_documents([path], encoding=encoding)), path, doc_id)
    if document.error is not None or document.text is None:
        _report_error(_stderr(), document.id, document.error or "no text")
        raise typer.Exit(1)
    extractor = _build_extractor(kb or [], rules or [], topics or [])
    try:
        analysis = extractor.analyze(document.text, published=document.published or published)
    except Exception as err:  # reported as the document's failure, like in `extract`
        _report_error(_stderr(), document.id, f"{type(err).__name__}: {err}")
        raise typer.Exit(1) from None
    page = render_html(analysis, title=title)
    stream, close_stream = _open_output(output)
    try:
        stream.write(page)
    finally:
        close_stream()
    if output is not None and str(output) != STDIN_NAME:
        held = len(analysis.held_meetings())
        entities = plural(len(analysis.entities), "entity", "entities")
        _stderr().print(
            f"wrote {escape(str(output))}: {entities}, "
            f"{plural(len(analysis.meetings), 'meeting')} ({held} held)"
        )


def _select_document(documents: list[InputDocument], path: str, doc_id: str | None) -> InputDocument:
    if doc_id is not None:
        chosen = [d for d in documents if d.id == doc_id]
        if not chosen:
            raise _fail_usage(f"no document with id {doc_id!r} in {path}.")
        return chosen[0]
    if len(documents) != 1:
        ids = ", ".join(d.id for d in documents[:5]) + (" ..." if len(documents) > 5 else "")
        raise _fail_usage(f"{path} holds {len(documents)} documents ({ids}); choose one with --id.")
    return documents[0]


@app.command()
def evaluate(
    gold: Annotated[
        Path,
        typer.Argument(
            help="Gold annotations (JSONL, see docs/gold-format.md).", exists=True, dir_okay=False
        ),
    ],
    predictions: Annotated[
        Path | None,
        typer.Option(
            "--predictions",
            "-p",
            help="Score saved predictions (e.g. the output of extract --format jsonl) "
            "instead of running the pipeline.",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    errors: Annotated[bool, typer.Option("--errors", help="List every miss after the scores.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score the pipeline (or saved predictions) against gold annotations (the layout of
    docs/gold-format.md), with the reference scorer's metrics and table layout.

    Exit status 2 when there is nothing to score: a gold file without annotations, or
    predictions whose ids match no gold article.

    **Examples**

    ```
    $ diplomacy-ner evaluate data/eval_fixture/gold.jsonl
    $ diplomacy-ner evaluate gold.jsonl --predictions predictions.jsonl --errors
    $ diplomacy-ner evaluate gold.jsonl --json
    ```
    """
    from .evaluate import evaluate as run_evaluation

    try:
        if predictions is not None:
            report = run_evaluation(gold, predictions_path=predictions)
        else:
            extractor = make_extractor()
            report = run_evaluation(gold, analyze=extractor.analyze)
    except NothingToScoreError as err:
        raise _fail_usage(str(err)) from None
    except (ValueError, FileNotFoundError) as err:
        _stderr().print(f"[bold red]error[/] {escape(str(err))}")
        raise typer.Exit(1) from None
    if as_json:
        typer.echo(report.to_json(include_errors=errors))
        return
    typer.echo(report.format_table())
    if errors and report.errors:
        typer.echo("\n".join(report.errors))


@app.command()
def report(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            help="Output of extract (--format jsonl or json), of extract-corpus (.parquet), "
            "or directories of them.",
            exists=True,
            show_default=False,
        ),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The HTML page to write (- for stdout).", dir_okay=False)
    ] = Path("report.html"),
    nodes: Annotated[
        str, typer.Option("--nodes", help="Network nodes: officials or countries.", case_sensitive=False)
    ] = "officials",
    texts: Annotated[
        Path | None,
        typer.Option(
            "--texts",
            help="The articles (JSONL with id and text) to quote the evidence of Parquet rows, "
            "which keep offsets only.",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    all_statuses: Annotated[
        bool, typer.Option("--all-statuses", help="Also count planned and cancelled meetings.")
    ] = False,
    title: Annotated[str, typer.Option("--title", help="Page title.")] = "Meetings report",
) -> None:
    """Write one self-contained HTML page about the meetings of a corpus: a who-met-whom
    network, meetings per month, the most frequent country pairs and hosts, and a table
    linking each meeting to its evidence. The page works offline (no script, nothing fetched).

    **Examples**

    ```
    $ diplomacy-ner extract corpus/ --format jsonl -o meetings.jsonl
    $ diplomacy-ner report meetings.jsonl --output report.html
    $ diplomacy-ner report meetings.parquet --texts news.jsonl --nodes countries -o report.html
    ```
    """
    from .report import NodeKind, attach_evidence, read_corpus, read_texts, render_report

    if nodes.lower() not in NodeKind.__members__:
        raise _fail_usage(f"--nodes must be officials or countries, got {nodes!r}.")
    try:
        corpus = read_corpus(list(inputs), statuses=ALL_STATUSES if all_statuses else HELD_ONLY)
        if texts is not None:
            attach_evidence(corpus, read_texts(texts))
    except (ValueError, OSError) as err:
        _stderr().print(f"[bold red]error[/] {escape(str(err))}")
        raise typer.Exit(1) from None
    if not corpus.articles:
        raise _fail_usage(
            "no extract record found in the inputs: give the output of extract or extract-corpus."
        )
    page = render_report(corpus, title=title, nodes=NodeKind(nodes.lower()))
    stream, close_stream = _open_output(output)
    try:
        stream.write(page)
    finally:
        close_stream()
    if str(output) != STDIN_NAME:
        _stderr().print(
            f"wrote {escape(str(output))}: {plural(len(corpus.meetings), 'meeting')} "
            f"in {plural(len(corpus.articles), 'article')}"
        )


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output (an Analysis, which embeds Meeting).

    **Example**

    ```
    $ diplomacy-ner schema > analysis.schema.json
    ```
    """
    from .schema import json_schema

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@app.command("extract-corpus")
def extract_corpus(
    inputs: Annotated[
        list[Path],
        typer.Argument(help="JSONL files or directories of articles.", exists=True, show_default=False),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="The Parquet file of meeting rows.")],
    scheduler: Annotated[
        str, typer.Option("--scheduler", help="A Dask scheduler address (tcp://host:8786), or 'local'.")
    ] = "local",
    n_workers: Annotated[int, typer.Option("--n-workers", min=1, help="Workers of the local cluster.")] = 2,
    partition_size: Annotated[
        int, typer.Option("--partition-size", min=1, help="Documents per Dask partition.")
    ] = 64,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    gate: Annotated[
        bool,
        typer.Option(
            "--gate/--no-gate",
            help="Skip the statistical model for articles without an encounter cue (see the README).",
        ),
    ] = True,
) -> None:
    """Extract the meetings of a large corpus on a Dask cluster into a Parquet file
    (needs the dask extra: `pip install diplomacy-ner[dask]`).

    **Examples**

    ```
    $ diplomacy-ner extract-corpus news.jsonl --output meetings.parquet
    $ diplomacy-ner extract-corpus corpus/ --scheduler tcp://10.0.0.5:8786 -o meetings.parquet
    ```
    """
    try:
        distributed = _import_distributed()
    except ModuleNotFoundError as err:
        raise _fail_usage(
            f"extract-corpus needs the optional Dask dependencies ({err.name} is missing): "
            "pip install diplomacy-ner[dask]"
        ) from None
    report = distributed.extract_corpus(
        list(inputs),
        output,
        scheduler=scheduler,
        n_workers=n_workers,
        partition_size=partition_size,
        progress=not quiet,
        gate=gate,
    )
    console = _stderr()
    for doc_id, message in report.errors[:MAX_ERRORS_SHOWN]:
        _report_error(console, str(doc_id), str(message))
    if len(report.errors) > MAX_ERRORS_SHOWN:
        console.print(
            f"... and {len(report.errors) - MAX_ERRORS_SHOWN} more (error rows in the Parquet file)"
        )
    console.print(
        f"{plural(report.documents, 'document')}, {plural(report.meetings, 'meeting')}, "
        f"{plural(report.rows, 'row')}, {report.failed} failed, {report.seconds:.1f} s "
        f"-> {escape(str(report.output))}"
    )
    if report.failed:
        raise typer.Exit(1)


def _import_distributed() -> Any:
    """Import ``diplomacy_ner.distributed`` after checking that the Dask extra is installed."""
    import importlib
    import importlib.util

    for requirement in ("dask", "distributed", "pyarrow"):
        if importlib.util.find_spec(requirement) is None:
            raise ModuleNotFoundError(f"No module named {requirement!r}", name=requirement)
    return importlib.import_module("diplomacy_ner.distributed")


# --------------------------------------------------------------------------
# kb validate
# --------------------------------------------------------------------------


@dataclass
class _ValidationReport:
    """The outcome of validating one file."""

    path: str
    kind: str | None
    records: int = 0
    problems: list[str] | None = None


def _file_lines_universal(text: str) -> list[str]:
    # the lines a text-mode file object yields (what the rule loader iterates)
    return list(io.StringIO(text, newline=None))


def _guess_kind(lines: Iterable[str]) -> FileKind | None:
    """Tell apart KB files (``kind``), rule files (``label``, ``pattern``) and topic lexicons (``topic``)."""
    votes = {FileKind.kb: 0, FileKind.rules: 0, FileKind.topics: 0}
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("//"):
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        if not isinstance(obj, dict):
            continue
        if "kind" in obj:
            votes[FileKind.kb] += 1
        elif "topic" in obj:
            votes[FileKind.topics] += 1
        elif "label" in obj or "pattern" in obj:
            votes[FileKind.rules] += 1
    best = max(votes, key=lambda kind: votes[kind])
    return best if votes[best] else None


def _renumber(message: str, label: str, number: int) -> str:
    """A one-line parse reports line 1: put the real line number back."""
    return message.replace(f"{label}:1:", f"{label}:{number}:", 1)


def validate_kb_lines(lines: Sequence[str], label: str, collector: Any) -> tuple[int, list[str]]:
    """Validate a knowledge-base file line by line, collecting every problem.

    lines (Sequence[str]): the file's lines (as the KB loader splits them).
    label (str): the file name used in messages.
    collector (RecordCollector): shared by the files of one run, so that an id defined
        twice with different data is reported.
    RETURNS (tuple[int, list[str]]): the number of valid records and the problems.
    """
    from .kb import loader

    problems: list[str] = []
    valid = 0
    for number, raw in enumerate(lines, start=1):
        text = raw.strip()
        if not text or text.startswith(loader.COMMENT_PREFIX):
            continue
        try:
            obj = loader._parse_json(text)
        except (ValueError, RecursionError) as err:
            detail = f"{err.msg} (column {err.colno})" if isinstance(err, json.JSONDecodeError) else str(err)
            problems.append(Errors.D010.format(path=label, line=number, msg=detail))
            continue
        try:
            record = loader.parse_record(obj, path=label, line=number)
            collector.add(record, path=label, line=number)
        except KnowledgeBaseError as err:
            problems.append(str(err))
            continue
        valid += 1
    return valid, problems


def _validate_each_line(lines: Sequence[str], label: str, parse_one: Callable[[str], int]) -> tuple[int, list[str]]:
    """Run ``parse_one`` on every line on its own, collecting every problem with its real line number."""
    problems: list[str] = []
    valid = 0
    for number, raw in enumerate(lines, start=1):
        try:
            valid += parse_one(raw)
        except KnowledgeBaseError as err:
            problems.append(_renumber(str(err), label, number))
    return valid, problems


def validate_rule_lines(lines: Sequence[str], label: str) -> tuple[int, list[str]]:
    """Validate a spaCy pattern JSONL file line by line, collecting every problem.

    lines (Sequence[str]): the file's lines.
    label (str): the file name used in messages.
    RETURNS (tuple[int, list[str]]): the number of valid patterns and the problems.
    """
    from .rules import patterns

    return _validate_each_line(lines, label, lambda raw: len(patterns._parse_lines([raw], label)))


def validate_topic_lines(lines: Sequence[str], label: str) -> tuple[int, list[str]]:
    """Validate a topic lexicon line by line, collecting every problem.

    lines (Sequence[str]): the file's lines.
    label (str): the file name used in messages.
    RETURNS (tuple[int, list[str]]): the number of valid cues and the problems.
    """
    from .meetings import topics

    return _validate_each_line(lines, label, lambda raw: len(list(topics._parse_lines(label, [raw]))))


def _validate_file(path: Path, kind: FileKind, collector: Any) -> _ValidationReport:
    label = str(path)
    try:
        text = _decode_utf8(_read_bytes(path))
    except ValueError as err:
        return _ValidationReport(label, None, problems=[f"{label}: {err}"])
    if kind is FileKind.auto:
        guessed = _guess_kind(text.splitlines())
        if guessed is None:
            return _ValidationReport(
                label, None, problems=[f"{label}: no JSON object line tells what the file is; use --kind."]
            )
        kind = guessed
    if kind is FileKind.kb:
        # the KB and topic loaders split with str.splitlines(), the rule loader iterates a file
        records, problems = validate_kb_lines(text.splitlines(), label, collector)
        problems += [str(err) for err in collector.unknown_codes() if str(err).startswith(f"[D017] {label}:")]
    elif kind is FileKind.rules:
        records, problems = validate_rule_lines(_file_lines_universal(text), label)
    else:
        records, problems = validate_topic_lines(text.splitlines(), label)
    return _ValidationReport(label, kind.value, records, problems)


KIND_NAMES = {"kb": "knowledge-base record", "rules": "pattern", "topics": "topic cue"}


@kb_app.command("validate")
def kb_validate(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Knowledge-base, rule or topic-lexicon JSONL files.", exists=True, dir_okay=False
        ),
    ],
    kind: Annotated[
        FileKind,
        typer.Option(
            "--kind", help="What the files are; auto decides from each file's content.", case_sensitive=False
        ),
    ] = FileKind.auto,
) -> None:
    """Check knowledge-base files (records with a "kind"), rule files (spaCy patterns with
    "label" and "pattern") or topic lexicons ("topic" cues), and report every bad line
    with its file, line number and problem. Exit status 1 if any line is bad.

    **Examples**

    ```
    $ diplomacy-ner kb validate my_people.jsonl my_rules.jsonl
    $ diplomacy-ner kb validate --kind topics my_topics.jsonl
    ```
    """
    from .kb.loader import RecordCollector

    console = Console(highlight=False, soft_wrap=True)
    collector = RecordCollector()
    total_problems = 0
    for path in files:
        report = _validate_file(path, kind, collector)
        problems = report.problems or []
        total_problems += len(problems)
        for problem in problems:
            console.print(f"[red]✗[/] {escape(problem)}")
        what = KIND_NAMES.get(report.kind or "", "line")
        if problems:
            console.print(
                f"[bold red]{escape(report.path)}[/]: {plural(len(problems), 'bad line')}, "
                f"{plural(report.records, 'valid ' + what)}"
            )
        else:
            console.print(f"[bold green]{escape(report.path)}[/]: OK, {plural(report.records, what)}")
    if total_problems:
        raise typer.Exit(1)


def main() -> None:
    """Run the command line (``python -m diplomacy_ner.cli``)."""
    app()


if __name__ == "__main__":
    main()
