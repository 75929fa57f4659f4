"""``diplomacy-ner report``: one self-contained HTML page about the meetings of a corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..readers import STDIN_NAME
from ..report import plural
from .app import app
from .common import ALL_STATUSES, HELD_ONLY, fail_usage, open_output, stderr_console


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
    from ..report import NodeKind, attach_evidence, read_corpus, read_texts, render_report

    if nodes.lower() not in NodeKind.__members__:
        raise fail_usage(f"--nodes must be officials or countries, got {nodes!r}.")
    try:
        corpus = read_corpus(list(inputs), statuses=ALL_STATUSES if all_statuses else HELD_ONLY)
        if texts is not None:
            attach_evidence(corpus, read_texts(texts))
    except (ValueError, OSError) as err:
        stderr_console().print(f"[bold red]error[/] {escape(str(err))}")
        raise typer.Exit(1) from None
    if not corpus.articles:
        raise fail_usage(
            "no extract record found in the inputs: give the output of extract or extract-corpus."
        )
    page = render_report(corpus, title=title, nodes=NodeKind(nodes.lower()))
    stream, close_stream = open_output(output)
    try:
        stream.write(page)
    finally:
        close_stream()
    if str(output) != STDIN_NAME:
        stderr_console().print(
            f"wrote {escape(str(output))}: {plural(len(corpus.meetings), 'meeting')} "
            f"in {plural(len(corpus.articles), 'article')}"
        )

