"""The articles of ``extract_corpus``, read by the package's one article reader.

The same files, ids, encodings and per-line errors as ``diplomacy-ner extract``
(see :mod:`diplomacy_ner.readers.articles`): ``.txt``, ``.md``, ``.html``, ``.htm``
and ``.jsonl`` files, and directories searched recursively for them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import Errors
from ..readers import SUPPORTED_SUFFIXES, count_documents, expand_sources, read_sources

#: An article as sent to a worker: ``{"id", "text", "published"}``, plus ``"error"`` when it
#: could not be read.
ArticleRecord = dict[str, Any]


def check_inputs(inputs: Sequence[str | Path]) -> None:
    """Raise unless every input exists and is a directory or a file the article reader reads.

    inputs (Sequence[str | Path]): the paths given to :func:`read_articles`.
    RAISES FileNotFoundError: ``[D014]`` for a missing input.
    RAISES ValueError: ``[D050]`` for an unsupported file type.
    """
    for raw in inputs:
        path = Path(raw)
        if not path.exists():
            raise FileNotFoundError(Errors.D014.format(path=path))
        if not path.is_dir() and path.suffix.lower() not in SUPPORTED_SUFFIXES:
            raise ValueError(Errors.D050.format(path=path))


def read_articles(inputs: Sequence[str | Path]) -> Iterator[ArticleRecord]:
    """Read article records, lazily and in a deterministic order.

    inputs (Sequence[str | Path]): files or directories (see the module docstring).
    YIELDS (dict): ``{"id": str, "text": str | None, "published": str | None}``, plus
        ``"error": str`` for a file or line that could not be read (an error row, not a stop).
    RAISES FileNotFoundError, ValueError: see :func:`check_inputs`.
    """
    check_inputs(inputs)
    for document in read_sources(expand_sources([str(p) for p in inputs])):
        record: ArticleRecord = {"id": document.id, "text": document.text, "published": document.published}
        if document.error is not None:
            record["error"] = document.error
        yield record


def count_articles(inputs: Sequence[str | Path]) -> int:
    """Count the records :func:`read_articles` will yield, without parsing them.

    RETURNS (int): non-blank JSONL lines plus the other files.
    """
    return count_documents(expand_sources([str(p) for p in inputs])) or 0
