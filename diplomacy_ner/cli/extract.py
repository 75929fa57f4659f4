"""``diplomacy-ner extract``: the meetings of articles, one record per article, in input order."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..readers import InputDocument, count_characters, count_documents, expand_sources, read_sources
from . import common
from .app import app
from .common import (
    ALL_STATUSES,
    HELD_ONLY,
    EncodingOption,
    KbOption,
    PublishedOption,
    RulesOption,
    TopicsOption,
    fail_usage,
    open_output,
    report_error,
    sample_document,
    stderr_console,
)
from .progress import CharacterProgress, extract_progress
from .writers import OutputFormat, Outcome, make_writer

if TYPE_CHECKING:
    from ..api import Extractor
    from ..schema import DocumentResult


def run_batch(
    extractor: Extractor,
    documents: Iterable[InputDocument],
    *,
    batch_size: int,
    n_process: int,
    published: str | None,
    gate: bool = False,
) -> Iterator[Outcome]:
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
            yield Outcome(id=document.id, error=document.error)
        if result.error is not None or result.analysis is None:
            yield Outcome(id=context["id"], error=result.error or "no analysis")
        else:
            yield Outcome(id=context["id"], analysis=result.analysis)
    while unreadable:
        document = unreadable.popleft()[1]
        yield Outcome(id=document.id, error=document.error)




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
        raise fail_usage("give at least one PATH (a file, a directory or -), or --sample.")
    statuses = ALL_STATUSES if all_statuses else HELD_ONLY
    sources = expand_sources(paths or [])
    total = count_documents(sources)
    characters = count_characters(sources)
    documents: Iterator[InputDocument] = read_sources(sources, encoding=encoding)
    if sample:
        sample_doc = sample_document()
        documents = _chain(documents, [sample_doc])
        total = None if total is None else total + 1
        characters = None if characters is None else characters + len(sample_doc.text or "")
    extractor = common.build_extractor(kb or [], rules or [], topics or [])
    errors_console = stderr_console()
    failed = 0
    stream, close_stream = open_output(output, newline="" if output_format is OutputFormat.csv else None)
    try:
        writer = make_writer(output_format, stream, statuses, to_file=output is not None)
        with extract_progress(errors_console, disable=quiet) as progress:
            task = progress.add_task(
                "extract", total=characters, failed=0, done=0, documents="?" if total is None else total
            )
            meter = CharacterProgress(progress, task)
            if hasattr(extractor, "on_chunk"):
                extractor.on_chunk = meter.chunk_done
            outcomes = run_batch(
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
                    report_error(progress.console, outcome.id, outcome.error)
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

