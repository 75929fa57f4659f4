"""Gold annotations and saved predictions, read by the package's strict JSONL reader.

The gold layout is described in ``docs/gold-format.md``; a bad line raises an
error naming the file, the line and the field (``[D010]``, ``[D011]``, ``[D012]``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from ..errors import Errors, KnowledgeBaseError
from ..readers import iter_json_lines, validation_error

__all__ = [
    "GoldDocument",
    "GoldEntities",
    "GoldLocation",
    "GoldMeeting",
    "GoldParticipant",
    "load_gold",
    "load_predictions",
]


class _GoldModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldParticipant(_GoldModel):
    """A gold participant: named, or identified by role and country (``name`` None)."""

    name: str | None = None
    country: str | None = None
    role: str | None = None


class GoldLocation(_GoldModel):
    """The city or named venue of a gold meeting."""

    name: str
    country: str | None = None


class GoldMeeting(_GoldModel):
    """One annotated meeting (see docs/gold-format.md, "Fields of a meeting")."""

    participants: list[GoldParticipant]
    host: str | None = None
    kind: Literal["in_person", "call", "video"]
    date: dt.date | None = None
    location: GoldLocation | None = None
    topics: list[str] = []
    bodies: list[str] = []
    agreements: list[str] = []
    optional: bool = False


class GoldEntities(_GoldModel):
    """Document-level gold entities. A type left out (None) is not scored."""

    persons: list[str] | None = None
    countries: list[str] | None = None
    bodies: list[str] | None = None
    agreements: list[str] | None = None


class GoldDocument(_GoldModel):
    """One annotated article: a line of a gold JSONL file."""

    id: str
    source: str | None = None
    published: dt.date | None = None
    text: str
    entities: GoldEntities = GoldEntities()
    meetings: list[GoldMeeting] = []


def _json_objects(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """The objects of a JSONL file with their line numbers; the first bad line raises ValueError."""
    if not path.is_file():
        raise FileNotFoundError(Errors.D014.format(path=path))
    # a file object's lines, not str.splitlines(): a JSON string may hold U+2028 or U+0085
    with path.open(encoding="utf-8-sig") as lines:
        objects = []
        for number, obj in iter_json_lines(lines, str(path), comment=None):
            if isinstance(obj, KnowledgeBaseError):
                raise ValueError(str(obj))
            objects.append((number, obj))
    return objects


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read and validate a gold JSONL file (one article per line; blank lines are skipped).

    path (str | Path): the gold file.
    RETURNS (list[GoldDocument]): the documents, in file order.
    RAISES (FileNotFoundError): the file does not exist ([D014]).
    RAISES (ValueError): a line is not a JSON object ([D010], [D012]) or not a valid gold
        record ([D011], naming the field), with the file and the line.
    """
    path = Path(path)
    docs: list[GoldDocument] = []
    for number, obj in _json_objects(path):
        try:
            docs.append(GoldDocument.model_validate(obj))
        except ValidationError as err:
            raise ValueError(str(validation_error(err, path=str(path), line=number))) from None
    return docs


def load_predictions(path: str | Path) -> dict[str, dict[str, Any]]:
    """Read saved predictions: JSONL records ``{"id", "meetings", "entities"}``.

    Meetings and entities may be in the serialised :class:`~diplomacy_ner.schema.Analysis`
    layout (``Analysis.model_dump(mode="json")``) or in the gold layout. A later record
    with the same id replaces an earlier one, as in the reference scorer.

    path (str | Path): the predictions file.
    RETURNS (dict[str, dict]): the records by document id.
    RAISES (FileNotFoundError): the file does not exist.
    RAISES (ValueError): a line is not a JSON object with a string ``id`` ([D010], [D012], [D011]).
    """
    path = Path(path)
    records: dict[str, dict[str, Any]] = {}
    for line_no, record in _json_objects(path):
        if not isinstance(record.get("id"), str):
            raise ValueError(
                Errors.D011.format(path=path, line=line_no, field="id", msg="a string id is required")
            )
        records[record["id"]] = record
    return records
