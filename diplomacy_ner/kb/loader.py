"""Read knowledge-base JSONL files into validated records.

One JSON object per line; blank lines and lines starting with ``//`` are
skipped. The ``kind`` field picks the pydantic model (:data:`RECORD_MODELS`).
Every problem raises :class:`~diplomacy_ner.errors.KnowledgeBaseError` with a
message that names the file, the 1-based line number and the field, e.g.
``people.jsonl:12: field `roles.0.start`: Input should be a valid date``.

Loading only parses JSON: nothing in a KB file is ever executed.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, cast

from pydantic import ValidationError

from ..errors import Errors, KnowledgeBaseError
from ..readers.jsonl import iter_json_objects, validation_error
from .codes import defined_codes, referenced_codes, shipped_codes
from .records import RECORD_MODELS, KBRecord

logger = logging.getLogger("diplomacy_ner")

KBPath = str | os.PathLike[str] | Traversable
"""A KB file: a path on disk or an ``importlib.resources`` traversable."""

RESOURCE_PACKAGE = "diplomacy_ner"
RESOURCE_KB_DIR = ("resources", "kb")


def _read_lines(path: KBPath) -> list[str]:
    label = str(path)
    source: Path | Traversable = Path(path) if isinstance(path, str | os.PathLike) else path
    if not source.is_file():
        raise KnowledgeBaseError(Errors.D014.format(path=label))
    return source.read_text(encoding="utf-8-sig").splitlines()


def parse_record(obj: Any, *, path: str, line: int) -> KBRecord:
    """Validate one decoded JSON value as a KB record.

    obj (Any): The value decoded from one JSONL line.
    path (str): The file name, for error messages.
    line (int): The 1-based line number, for error messages.
    RETURNS (KBRecord): The validated record.
    """
    if not isinstance(obj, dict):
        raise KnowledgeBaseError(Errors.D012.format(path=path, line=line, type_name=type(obj).__name__))
    if "kind" not in obj:
        raise KnowledgeBaseError(
            Errors.D011.format(
                path=path,
                line=line,
                field="kind",
                msg=f"missing; every record needs one of {sorted(RECORD_MODELS)}",
            )
        )
    kind = obj["kind"]
    model = RECORD_MODELS.get(kind) if isinstance(kind, str) else None
    if model is None:
        raise KnowledgeBaseError(
            Errors.D016.format(path=path, line=line, kind=kind, kinds=sorted(RECORD_MODELS))
        )
    try:
        record = model.model_validate(obj)
    except ValidationError as err:
        raise validation_error(err, path=path, line=line) from None
    return cast(KBRecord, record)


class RecordCollector:
    """Accumulate records from several files of one load, rejecting conflicting ids.

    A record whose id was already loaded with the same data is dropped
    silently; with different data it raises ``[D013]``. The country codes the
    records refer to are checked by :meth:`check_codes` once all are added (a
    body may be defined after the person whose role names its code).

    known_codes (Iterable[str]): codes valid besides ISO 3166-1 and the shipped
        countries and bodies (those of a knowledge base the records are added to).
    """

    def __init__(self, known_codes: Iterable[str] = ()) -> None:
        self.records: list[KBRecord] = []
        self._first: dict[str, tuple[KBRecord, str]] = {}
        self._codes = set(shipped_codes()) | set(known_codes)
        self._references: list[tuple[str, str, str, int]] = []

    def unknown_codes(self) -> list[KnowledgeBaseError]:
        """A ``[D017]`` error for every country code no state and no body of the load defines.

        RETURNS (list[KnowledgeBaseError]): the errors, in the order the records were added.
        """
        return [
            KnowledgeBaseError(Errors.D017.format(path=path, line=line, field=field, code=code))
            for code, field, path, line in self._references
            if code not in self._codes
        ]

    def check_codes(self) -> None:
        """Raise the first ``[D017]`` error of :meth:`unknown_codes`, if any."""
        for error in self.unknown_codes():
            raise error

    def add(self, record: KBRecord, *, path: str, line: int) -> None:
        """Add one record read at ``path:line``.

        record (KBRecord): The validated record.
        path (str): The file it comes from.
        line (int): Its 1-based line number.
        """
        seen = self._first.get(record.id)
        if seen is None:
            self._first[record.id] = (record, f"{path}:{line}")
            self.records.append(record)
            self._codes |= defined_codes(record)
            self._references.extend((code, field, path, line) for field, code in referenced_codes(record))
            return
        first_record, first_where = seen
        if first_record != record:
            raise KnowledgeBaseError(
                Errors.D013.format(path=path, line=line, id=record.id, first=first_where)
            )
        logger.debug("%s:%d: identical duplicate of %s ignored", path, line, record.id)

    def read(self, path: KBPath) -> None:
        """Read every record of one JSONL file.

        path (KBPath): A file path or an ``importlib.resources`` traversable.
        """
        self.read_lines(_read_lines(path), str(path))

    def read_lines(self, lines: Iterable[str], label: str) -> None:
        """Read every record of the lines of a JSONL text (a saved pipeline's KB).

        lines (Iterable[str]): The lines.
        label (str): The name errors give for the text.
        """
        for number, obj in iter_json_objects(lines, label):
            self.add(parse_record(obj, path=label, line=number), path=label, line=number)


def load_jsonl(path: KBPath) -> list[KBRecord]:
    """Load one KB JSONL file.

    path (KBPath): The file (a path, or a traversable from ``importlib.resources``).
    RETURNS (list[KBRecord]): The records, in file order, identical duplicates dropped.
    """
    collector = RecordCollector()
    collector.read(path)
    collector.check_codes()
    return collector.records


def load_many(paths: Iterable[KBPath]) -> list[KBRecord]:
    """Load several KB files as one load: an id defined twice must carry the same data.

    paths (Iterable[KBPath]): The files, read in order.
    RETURNS (list[KBRecord]): All records, in order.
    """
    collector = RecordCollector()
    for path in paths:
        collector.read(path)
    collector.check_codes()
    return collector.records


def resource_kb_files() -> list[Traversable]:
    """The KB files shipped with the package, sorted by name.

    RETURNS (list[Traversable]): Every ``diplomacy_ner/resources/kb/*.jsonl``.
    """
    directory = resources.files(RESOURCE_PACKAGE).joinpath(*RESOURCE_KB_DIR)
    return sorted(
        (entry for entry in directory.iterdir() if entry.name.endswith(".jsonl") and entry.is_file()),
        key=lambda entry: entry.name,
    )


def load_resource_records() -> list[KBRecord]:
    """Load every KB file shipped in ``diplomacy_ner/resources/kb`` (via ``importlib.resources``).

    RETURNS (list[KBRecord]): The shipped records; ids are unique across files.
    """
    records = load_many(resource_kb_files())
    logger.debug("loaded %d shipped knowledge-base records", len(records))
    return records
