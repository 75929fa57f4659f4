"""``diplomacy-ner evaluate``: scores against gold annotations."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..errors import NothingToScoreError
from . import common
from .app import app
from .common import fail_usage, stderr_console


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
    from ..evaluate import evaluate as run_evaluation

    try:
        if predictions is not None:
            report = run_evaluation(gold, predictions_path=predictions)
        else:
            extractor = common.make_extractor()
            report = run_evaluation(gold, analyze=extractor.analyze)
    except NothingToScoreError as err:
        raise fail_usage(str(err)) from None
    except (ValueError, FileNotFoundError) as err:
        stderr_console().print(f"[bold red]error[/] {escape(str(err))}")
        raise typer.Exit(1) from None
    if as_json:
        typer.echo(report.to_json(include_errors=errors))
        return
    typer.echo(report.format_table())
    if errors and report.errors:
        typer.echo("\n".join(report.errors))

