"""The one strict JSONL reader of the package: every user and shipped JSONL file goes through it.

One JSON object a line; blank lines (and, where the caller says so, ``//`` comment
lines) are skipped. Parsing is strict JSON (no ``NaN``/``Infinity``, no key twice in
an object), and every problem names the file, the 1-based line and, for a field, its
path: ``people.jsonl:12: field `roles.0.start`: Input should be a valid date``.

Loading only parses JSON: nothing in a file is ever executed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import ValidationError

from ..errors import Errors, KnowledgeBaseError

__all__ = [
    "COMMENT_PREFIX",
    "field_path",
    "iter_json_lines",
    "iter_json_objects",
    "parse_json_line",
    "validation_error",
]

#: Lines starting with this are comments in the package's data files.
COMMENT_PREFIX = "//"
#: How much of an unexpected parser message is kept in an error.
MAX_DETAIL_CHARS = 200


class _DuplicateKeyError(ValueError):
    pass


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            raise _DuplicateKeyError(f"key {key!r} appears twice in the object")
        obj[key] = value
    return obj


def parse_json_line(line: str) -> Any:
    """Parse one line as strict JSON (no NaN/Infinity, no repeated keys).

    line (str): the line.
    RETURNS (Any): the decoded value.
    RAISES ValueError: ``json.JSONDecodeError`` or a ValueError naming the problem.
    """
    return json.loads(line, parse_constant=_reject_constant, object_pairs_hook=_unique_keys)


def iter_json_lines(
    lines: Iterable[str], label: str, *, comment: str | None = COMMENT_PREFIX
) -> Iterator[tuple[int, dict[str, Any] | KnowledgeBaseError]]:
    """The JSON objects of a JSONL text with their line numbers, a bad line as its error.

    For readers that report a bad line and go on (articles, ``kb validate``).

    lines (Iterable[str]): the lines of the file.
    label (str): the file name for error messages.
    comment (str | None): the comment prefix, None when the file has no comments.
    YIELDS (tuple[int, dict | KnowledgeBaseError]): line number and object, or the
        ``[D010]`` / ``[D012]`` error of that line.
    """
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or (comment is not None and line.startswith(comment)):
            continue
        try:
            obj = parse_json_line(line)
        except json.JSONDecodeError as err:
            detail = f"{err.msg} (column {err.colno})"
            yield number, KnowledgeBaseError(Errors.D010.format(path=label, line=number, msg=detail))
            continue
        except (ValueError, RecursionError) as err:
            detail = str(err)[:MAX_DETAIL_CHARS]
            yield number, KnowledgeBaseError(Errors.D010.format(path=label, line=number, msg=detail))
            continue
        if not isinstance(obj, dict):
            kind = type(obj).__name__
            yield number, KnowledgeBaseError(Errors.D012.format(path=label, line=number, type_name=kind))
            continue
        yield number, obj


def iter_json_objects(
    lines: Iterable[str], label: str, *, comment: str = COMMENT_PREFIX
) -> Iterator[tuple[int, dict[str, Any]]]:
    """The JSON objects of a JSONL text, with their 1-based line numbers; the first bad line raises.

    Shared by every JSONL file the library reads (knowledge base, rules, lexicons,
    gazetteer exonyms, gold files): blank lines and comment lines are skipped.

    lines (Iterable[str]): the lines of the file.
    label (str): the file name for error messages.
    YIELDS (tuple[int, dict]): line number and object.
    RAISES KnowledgeBaseError: ``[D010]`` for a line that is not strict JSON, ``[D012]``
        for one that is not an object, naming file and line.
    """
    for number, obj in iter_json_lines(lines, label, comment=comment):
        if isinstance(obj, KnowledgeBaseError):
            raise obj
        yield number, obj


def field_path(loc: tuple[int | str, ...]) -> str:
    """A pydantic error location as a dotted field path (``roles.0.start``)."""
    return ".".join(str(part) for part in loc) or "(record)"


def validation_error(err: ValidationError, *, path: str, line: int) -> KnowledgeBaseError:
    """A ``[D011]`` error naming the file, the line and every bad field of a pydantic error."""
    errors = sorted(err.errors(include_url=False), key=lambda e: e["type"] != "extra_forbidden")
    first = errors[0]
    msg = str(first["msg"])
    if len(errors) > 1:
        others = ", ".join(f"`{field_path(e['loc'])}`" for e in errors[1:4])
        msg += f" (also {len(errors) - 1} more: {others})"
    return KnowledgeBaseError(Errors.D011.format(path=path, line=line, field=field_path(first["loc"]), msg=msg))
