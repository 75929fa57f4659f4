"""``diplomacy-ner render``: one article as a self-contained HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..readers import STDIN_NAME, InputDocument, iter_documents
from ..report import plural
from . import common
from .app import app
from .common import (
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
    from ..render import render_html

    if (path is None) == (not sample):
        raise fail_usage("give exactly one of PATH or --sample.")
    if sample:
        document = sample_document()
    else:
        assert path is not None
        document = _select_document(list(iter_documents([path], encoding=encoding)), path, doc_id)
    if document.error is not None or document.text is None:
        report_error(stderr_console(), document.id, document.error or "no text")
        raise typer.Exit(1)
    extractor = common.build_extractor(kb or [], rules or [], topics or [])
    try:
        analysis = extractor.analyze(document.text, published=document.published or published)
    except Exception as err:  # reported as the document's failure, like in `extract`
        report_error(stderr_console(), document.id, f"{type(err).__name__}: {err}")
        raise typer.Exit(1) from None
    page = render_html(analysis, title=title)
    stream, close_stream = open_output(output)
    try:
        stream.write(page)
    finally:
        close_stream()
    if output is not None and str(output) != STDIN_NAME:
        held = len(analysis.held_meetings())
        entities = plural(len(analysis.entities), "entity", "entities")
        stderr_console().print(
            f"wrote {escape(str(output))}: {entities}, "
            f"{plural(len(analysis.meetings), 'meeting')} ({held} held)"
        )


def _select_document(documents: list[InputDocument], path: str, doc_id: str | None) -> InputDocument:
    if doc_id is not None:
        chosen = [d for d in documents if d.id == doc_id]
        if not chosen:
            raise fail_usage(f"no document with id {doc_id!r} in {path}.")
        return chosen[0]
    if len(documents) != 1:
        ids = ", ".join(d.id for d in documents[:5]) + (" ..." if len(documents) > 5 else "")
        raise fail_usage(f"{path} holds {len(documents)} documents ({ids}); choose one with --id.")
    return documents[0]

