"""``diplomacy-ner extract-corpus``: a large corpus on a Dask cluster into a Parquet file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from ..report import plural
from .app import app
from .common import fail_usage, report_error, stderr_console

#: ``extract-corpus`` lists at most this many failed articles on stderr.
MAX_ERRORS_SHOWN = 20


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
        distributed = import_distributed()
    except ModuleNotFoundError as err:
        raise fail_usage(
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
    console = stderr_console()
    for doc_id, message in report.errors[:MAX_ERRORS_SHOWN]:
        report_error(console, str(doc_id), str(message))
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


def import_distributed() -> Any:
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
