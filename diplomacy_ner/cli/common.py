"""What the commands share: consoles, usage errors, the extractor factory, options, output files."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer
from rich.console import Console
from rich.markup import escape

from ..errors import Errors, KnowledgeBaseError
from ..isodate import parse_iso_day
from ..readers import STDIN_NAME, InputDocument

if TYPE_CHECKING:
    from ..api import Extractor

#: The bundled sample article (L'Economiste, 22 April 2024) and its publication date.
SAMPLE_RESOURCE = ("resources", "samples", "sample_fr.txt")
SAMPLE_ID = "sample_fr.txt"
SAMPLE_PUBLISHED = "2024-04-22"

ALL_STATUSES: tuple[str, ...] = ("held", "planned", "cancelled")
HELD_ONLY: tuple[str, ...] = ("held",)


def stderr_console() -> Console:
    """The console of progress, warnings and errors (stderr)."""
    # soft_wrap: never break a path or an error message over lines
    return Console(stderr=True, soft_wrap=True, highlight=False)


def report_error(console: Console, doc_id: str, reason: str) -> None:
    """Print one document's failure."""
    console.print(f"[bold red]error[/] {escape(doc_id)}: {escape(reason)}")


def fail_usage(message: str) -> typer.Exit:
    """Print a usage error; RETURNS the ``typer.Exit(2)`` to raise."""
    stderr_console().print(f"[bold red]usage error[/] {escape(message)}")
    return typer.Exit(2)


def make_extractor(
    *,
    kb_files: Sequence[Path] = (),
    rule_files: Sequence[Path] = (),
    topic_files: Sequence[Path] = (),
) -> Extractor:
    """The extractor a command uses: the shared default one, or a new one with user files.

    Tests replace this function (``diplomacy_ner.cli.common.make_extractor``) to reuse one
    loaded pipeline.

    kb_files (Sequence[Path]): extra knowledge-base JSONL files.
    rule_files (Sequence[Path]): extra spaCy pattern JSONL files.
    topic_files (Sequence[Path]): extra topic lexicon JSONL files.
    RETURNS (Extractor): the extractor.
    """
    from ..api import Extractor, get_default_extractor

    if kb_files or rule_files or topic_files:
        return Extractor(kb_files=kb_files, rule_files=rule_files, topic_files=topic_files)
    return get_default_extractor()


def build_extractor(
    kb_files: Sequence[Path], rule_files: Sequence[Path], topic_files: Sequence[Path]
) -> Extractor:
    """:func:`make_extractor`, a bad user file reported as an error (exit status 1)."""
    try:
        return make_extractor(kb_files=kb_files, rule_files=rule_files, topic_files=topic_files)
    except KnowledgeBaseError as err:
        stderr_console().print(f"[bold red]error[/] {escape(str(err))}")
        raise typer.Exit(1) from None


def check_published(value: str | None) -> str | None:
    """The ``--published`` option: an ISO date (YYYY-MM-DD) or nothing."""
    if value is None:
        return None
    if parse_iso_day(value.strip()) is None:
        raise typer.BadParameter(f"{value!r} is not an ISO date such as 2024-04-22 (YYYY-MM-DD).")
    return value.strip()


# --------------------------------------------------------------------------
# Reading inputs
# --------------------------------------------------------------------------



def sample_text() -> str:
    """The bundled sample article (read with ``importlib.resources``).

    RETURNS (str): the text of ``diplomacy_ner/resources/samples/sample_fr.txt``.
    """
    return resources.files("diplomacy_ner").joinpath(*SAMPLE_RESOURCE).read_text(encoding="utf-8")


def sample_document() -> InputDocument:
    """The bundled sample article as a document (id ``sample_fr.txt``, published 2024-04-22)."""
    return InputDocument(id=SAMPLE_ID, text=sample_text(), published=SAMPLE_PUBLISHED)


PublishedOption = Annotated[
    str | None,
    typer.Option(
        "--published",
        help="Publication date (ISO, e.g. 2024-04-22) for documents without their own; "
        "the base for 'lundi', 'hier'...",
        callback=check_published,
    ),
]


def check_encoding(value: str | None) -> str | None:
    """The ``--encoding`` option: a codec Python knows, or nothing."""
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
        callback=check_encoding,
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




def open_output(output: Path | None, *, newline: str | None = None) -> tuple[TextIO, Callable[[], None]]:
    if output is None or str(output) == STDIN_NAME:
        return sys.stdout, lambda: None
    try:
        handle = output.open("w", encoding="utf-8", newline=newline)
    except OSError as err:
        raise fail_usage(f"cannot write {output}: {err.strerror or err}") from None
    return handle, handle.close

