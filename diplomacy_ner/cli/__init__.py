"""The ``diplomacy-ner`` command line: extract, render, evaluate, report, validate.

Every command has ``--help`` with an example. Output goes to stdout (or
``--output``); progress, warnings and per-document errors go to stderr, so
``diplomacy-ner extract corpus/ --format jsonl > out.jsonl`` keeps a clean file.

Exit status: 0 on success, 1 when a document (or a validated line) failed,
2 for a usage error (bad option, missing optional dependency).

One module per command (``extract``, ``render``, ``evaluate``, ``report``,
``schema``, ``extract_corpus``, ``kb_validate``), each calling the library's
public functions; :mod:`~diplomacy_ner.cli.common` holds what they share.
Importing this package is cheap: spaCy and the pipeline load only when a
command needs them.
"""

from __future__ import annotations

from ..readers import InputDocument, html_to_text
from ..readers import iter_documents as iter_input_documents
# importing a command's module registers it; in this order in --help
from . import extract, render  # noqa: I001
from . import evaluate, report, schema
from . import extract_corpus, kb_validate
from .app import app, kb_app
from .common import SAMPLE_PUBLISHED, make_extractor, sample_text
from .kb_validate import validate_kb_lines, validate_rule_lines, validate_topic_lines
from .writers import CSV_COLUMNS

__all__ = [
    "CSV_COLUMNS",
    "SAMPLE_PUBLISHED",
    "InputDocument",
    "app",
    "html_to_text",
    "iter_input_documents",
    "kb_app",
    "main",
    "make_extractor",
    "sample_text",
    "validate_kb_lines",
    "validate_rule_lines",
    "validate_topic_lines",
]


def main() -> None:
    """Run the command line (``python -m diplomacy_ner.cli``)."""
    app()
