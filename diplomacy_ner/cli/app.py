"""The ``diplomacy-ner`` Typer application; each command lives in its own module of this package."""

from __future__ import annotations

from typing import Annotated

import typer

from ..about import __version__

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

