"""The one article reader: txt, md, html, jsonl files, directories and stdin → documents.

Used by ``extract``, ``render``, ``extract-corpus`` and ``evaluate`` alike.

**Id rule.** A JSONL line's ``id`` when it has one; else the path as the caller named
it, or as found under a named directory (``news/sub/c.html``), with ``:<line>`` for a
JSONL line (``news/d.jsonl:2``); ``<stdin>`` for standard input.

**Encoding rule.** :func:`~diplomacy_ner.readers.encoding.decode_article`: the caller's
encoding, else UTF-8, else an HTML page's declared charset, else charset-normalizer.

A file or a line that cannot be read becomes a document with ``error`` set, at its
place in the stream; the others go on.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import TextIO

from ..errors import Errors, KnowledgeBaseError
from .encoding import declared_charset, decode_article
from .jsonl import iter_json_lines

__all__ = [
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "STDIN_ID",
    "STDIN_NAME",
    "SUPPORTED_SUFFIXES",
    "TEXT_SUFFIXES",
    "InputDocument",
    "Source",
    "count_characters",
    "count_documents",
    "expand_sources",
    "html_to_text",
    "iter_documents",
    "read_sources",
]

#: Suffixes read as articles (a directory is searched recursively for them).
TEXT_SUFFIXES: frozenset[str] = frozenset({".txt", ".md"})
HTML_SUFFIXES: frozenset[str] = frozenset({".html", ".htm"})
JSONL_SUFFIXES: frozenset[str] = frozenset({".jsonl"})
SUPPORTED_SUFFIXES: frozenset[str] = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
STDIN_NAME = "-"
STDIN_ID = "<stdin>"

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


@dataclass(frozen=True)
class InputDocument:
    """One article read from a file, a JSONL line or stdin, or the reason it could not be read.

    id (str): the document id (see the module's id rule).
    text (str | None): the article text; None when reading failed.
    published (str | None): the document's own publication date, if it has one.
    error (str | None): why the document could not be read.
    """

    id: str
    text: str | None = None
    published: str | None = None
    error: str | None = None


#: One input: its label (the id of its documents) and its path (None for stdin).
Source = tuple[str, Path | None]


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


def html_published(html: str) -> str | None:
    """The publication date an HTML page gives in its ``<meta>`` tags or first ``<time>``."""
    finder = _HTMLDateFinder()
    finder.feed(html)
    finder.close()
    return finder.published


def read_bytes(path: Path) -> bytes:
    """The bytes of a file; RAISES ValueError "cannot read the file: ..." for an OS error."""
    try:
        return path.read_bytes()
    except OSError as err:
        raise ValueError(f"cannot read the file: {err.strerror or err}") from None


def documents_of_jsonl(lines: Iterable[str], label: str) -> Iterator[InputDocument]:
    """The documents of JSONL lines ``{"text", "id", "published"}``, read by the strict JSONL reader.

    lines (Iterable[str]): the lines.
    label (str): the file's label, for ids and messages.
    YIELDS (InputDocument): one per non-blank line; a bad line has ``error`` ([D010], [D012], [D011]).
    """
    for number, record in iter_json_lines(lines, label, comment=None):
        where = f"{label}:{number}"
        if isinstance(record, KnowledgeBaseError):
            yield InputDocument(id=where, error=str(record))
            continue
        doc_id = str(record["id"]) if record.get("id") is not None else where
        text = record.get("text")
        if not isinstance(text, str):
            problem = "required" if text is None else f"a {type(text).__name__}, not a string"
            message = Errors.D011.format(path=label, line=number, field="text", msg=problem)
            yield InputDocument(id=doc_id, error=message)
            continue
        published = record.get("published")
        yield InputDocument(id=doc_id, text=text, published=None if published is None else str(published))


def documents_of_file(path: Path, label: str, encoding: str | None = None) -> Iterator[InputDocument]:
    """The documents of one file: one for txt/md/html, one per line for jsonl.

    path (Path): the file.
    label (str): its label (the id rule).
    encoding (str | None): the caller's encoding, instead of the encoding rule.
    YIELDS (InputDocument): the documents.
    """
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield InputDocument(id=label, error=Errors.D050.format(path=label))
        return
    try:
        data = read_bytes(path)
        declared = declared_charset(data) if suffix in HTML_SUFFIXES else None
        text = decode_article(data, label, encoding, declared)
    except ValueError as err:
        yield InputDocument(id=label, error=str(err))
        return
    if suffix in JSONL_SUFFIXES:
        # a file object's lines, not str.splitlines(): JSON strings may hold U+2028
        yield from documents_of_jsonl(io.StringIO(text, newline=None), label)
    elif suffix in HTML_SUFFIXES:
        yield InputDocument(id=label, text=html_to_text(text), published=html_published(text))
    else:
        yield InputDocument(id=label, text=text)


def files_under(directory: Path) -> list[Path]:
    """Supported files under a directory, recursively, sorted; hidden files and folders skipped."""
    found = []
    for path in directory.rglob("*"):
        relative = path.relative_to(directory)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix.lower() in SUPPORTED_SUFFIXES and path.is_file():
            found.append(path)
    return sorted(found)


def expand_sources(paths: Sequence[str | Path]) -> list[Source]:
    """The inputs as (label, path) pairs: ``-`` is stdin (path None), directories are expanded.

    paths (Sequence[str | Path]): file names, directory names, or "-".
    RETURNS (list[Source]): the sources, in order.
    """
    sources: list[Source] = []
    for name in paths:
        if str(name) == STDIN_NAME:
            sources.append((STDIN_ID, None))
            continue
        path = Path(name)
        if path.is_dir():
            sources.extend((str(found), found) for found in files_under(path))
        else:
            sources.append((str(name), path))
    return sources


def count_documents(sources: Sequence[Source]) -> int | None:
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


def count_characters(sources: Sequence[Source]) -> int | None:
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


def read_stdin(stream: TextIO, encoding: str | None = None) -> InputDocument:
    """The one document of standard input (bytes decoded by the encoding rule when available)."""
    buffer = getattr(stream, "buffer", None)
    try:
        text = decode_article(buffer.read(), STDIN_ID, encoding) if buffer is not None else stream.read()
    except ValueError as err:
        return InputDocument(id=STDIN_ID, error=str(err))
    return InputDocument(id=STDIN_ID, text=text)


def read_sources(
    sources: Sequence[Source], *, stdin: TextIO | None = None, encoding: str | None = None
) -> Iterator[InputDocument]:
    """The documents of sources made by :func:`expand_sources`, in order.

    sources (Sequence[Source]): the sources.
    stdin (TextIO | None): the stream read for stdin (default: ``sys.stdin``).
    encoding (str | None): the encoding of every file, instead of the encoding rule.
    YIELDS (InputDocument): the documents.
    """
    for label, path in sources:
        if path is None:
            yield read_stdin(stdin if stdin is not None else sys.stdin, encoding)
        elif not path.exists():
            yield InputDocument(id=label, error=Errors.D014.format(path=label))
        else:
            yield from documents_of_file(path, label, encoding)


def iter_documents(
    paths: Sequence[str | Path], *, stdin: TextIO | None = None, encoding: str | None = None
) -> Iterator[InputDocument]:
    """Read articles from files, directories and stdin, in order.

    Files may be ``.txt``/``.md`` (the text), ``.html``/``.htm`` (converted with
    html2text, the date from the page's metadata), or ``.jsonl`` (one
    ``{"text", "id", "published"}`` object a line); directories are searched
    recursively for those; ``-`` reads stdin as one article.

    paths (Sequence[str | Path]): file names, directory names, or "-".
    stdin (TextIO | None): the stream read for "-" (default: ``sys.stdin``).
    encoding (str | None): the encoding of every file, instead of detecting it.
    YIELDS (InputDocument): the documents.
    """
    yield from read_sources(expand_sources(paths), stdin=stdin, encoding=encoding)
