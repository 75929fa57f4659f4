"""``diplomacy-ner schema``: the JSON Schema of the output."""

from __future__ import annotations

import json

import typer

from .app import app


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output (an Analysis, which embeds Meeting).

    **Example**

    ```
    $ diplomacy-ner schema > analysis.schema.json
    ```
    """
    from ..schema import json_schema

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))

