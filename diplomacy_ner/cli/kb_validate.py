"""``diplomacy-ner kb validate``: every bad line of knowledge-base, rule and topic files, with file, line and field.

Each line is checked on its own by the package's public readers, so that one run
reports every problem, not only the first.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import chain, repeat
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from ..errors import KnowledgeBaseError
from ..readers import decode_utf8, iter_json_lines, parse_json_line
from ..readers.articles import read_bytes
from ..report import plural
from .app import kb_app

__all__ = ["FileKind", "validate_kb_lines", "validate_rule_lines", "validate_topic_lines"]


class FileKind(StrEnum):
    """What ``kb validate`` checks a file as (``auto``: decided from its content)."""

    auto = "auto"
    kb = "kb"
    rules = "rules"
    topics = "topics"



@dataclass
class ValidationReport:
    """The outcome of validating one file."""

    path: str
    kind: str | None
    records: int = 0
    problems: list[str] | None = None


def _file_lines_universal(text: str) -> list[str]:
    # the lines a text-mode file object yields (what the rule loader iterates)
    return list(io.StringIO(text, newline=None))


def _guess_kind(lines: Iterable[str]) -> FileKind | None:
    """Tell apart KB files (``kind``), rule files (``label``, ``pattern``) and topic lexicons (``topic``)."""
    votes = {FileKind.kb: 0, FileKind.rules: 0, FileKind.topics: 0}
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("//"):
            continue
        try:
            obj = parse_json_line(line)
        except (ValueError, RecursionError):
            continue
        if not isinstance(obj, dict):
            continue
        if "kind" in obj:
            votes[FileKind.kb] += 1
        elif "topic" in obj:
            votes[FileKind.topics] += 1
        elif "label" in obj or "pattern" in obj:
            votes[FileKind.rules] += 1
    best = max(votes, key=lambda kind: votes[kind])
    return best if votes[best] else None


def validate_kb_lines(lines: Sequence[str], label: str, collector: Any) -> tuple[int, list[str]]:
    """Validate a knowledge-base file line by line, collecting every problem.

    lines (Sequence[str]): the file's lines (as the KB loader splits them).
    label (str): the file name used in messages.
    collector (RecordCollector): shared by the files of one run, so that an id defined
        twice with different data is reported.
    RETURNS (tuple[int, list[str]]): the number of valid records and the problems.
    """
    from ..kb.loader import parse_record

    problems: list[str] = []
    valid = 0
    for number, obj in iter_json_lines(lines, label):
        if isinstance(obj, KnowledgeBaseError):
            problems.append(str(obj))
            continue
        try:
            record = parse_record(obj, path=label, line=number)
            collector.add(record, path=label, line=number)
        except KnowledgeBaseError as err:
            problems.append(str(err))
            continue
        valid += 1
    return valid, problems


def _line_alone(lines: Sequence[str], number: int) -> Iterator[str]:
    """Line ``number`` of ``lines`` after blank lines, so a reader reports its real number."""
    return chain(repeat("", number - 1), [lines[number - 1]])


def _validate_each_line(
    lines: Sequence[str], label: str, parse_alone: Callable[[Iterator[str]], int]
) -> tuple[int, list[str]]:
    """Run ``parse_alone`` on every non-blank line on its own, collecting every problem."""
    problems: list[str] = []
    valid = 0
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            valid += parse_alone(_line_alone(lines, number))
        except KnowledgeBaseError as err:
            problems.append(str(err))
    return valid, problems


def validate_rule_lines(lines: Sequence[str], label: str) -> tuple[int, list[str]]:
    """Validate a spaCy pattern JSONL file line by line, collecting every problem.

    lines (Sequence[str]): the file's lines.
    label (str): the file name used in messages.
    RETURNS (tuple[int, list[str]]): the number of valid patterns and the problems.
    """
    from ..rules.patterns import parse_pattern_lines

    return _validate_each_line(lines, label, lambda alone: len(parse_pattern_lines(alone, label)))


class _LinesSource:
    """A file-like source of some lines under the user's file name (for ``read_topic_cues``)."""

    def __init__(self, label: str, lines: Iterator[str]):
        self.label = label
        self.text = "\n".join(line.rstrip("\r\n") for line in lines)

    def __str__(self) -> str:
        return self.label

    def is_file(self) -> bool:
        return True

    def read_text(self, encoding: str = "utf-8") -> str:
        return self.text


def validate_topic_lines(lines: Sequence[str], label: str) -> tuple[int, list[str]]:
    """Validate a topic lexicon line by line, collecting every problem.

    lines (Sequence[str]): the file's lines.
    label (str): the file name used in messages.
    RETURNS (tuple[int, list[str]]): the number of valid cues and the problems.
    """
    from ..meetings.topics import read_topic_cues

    return _validate_each_line(
        lines, label, lambda alone: len(read_topic_cues(_LinesSource(label, alone)))  # type: ignore[arg-type]
    )


def _validate_file(path: Path, kind: FileKind, collector: Any) -> ValidationReport:
    label = str(path)
    try:
        text = decode_utf8(read_bytes(path))
    except ValueError as err:
        return ValidationReport(label, None, problems=[f"{label}: {err}"])
    if kind is FileKind.auto:
        guessed = _guess_kind(text.splitlines())
        if guessed is None:
            return ValidationReport(
                label, None, problems=[f"{label}: no JSON object line tells what the file is; use --kind."]
            )
        kind = guessed
    if kind is FileKind.kb:
        # the KB and topic loaders split with str.splitlines(), the rule loader iterates a file
        known_before = {str(err) for err in collector.unknown_codes()}
        records, problems = validate_kb_lines(text.splitlines(), label, collector)
        problems += [str(err) for err in collector.unknown_codes() if str(err) not in known_before]
    elif kind is FileKind.rules:
        records, problems = validate_rule_lines(_file_lines_universal(text), label)
    else:
        records, problems = validate_topic_lines(text.splitlines(), label)
    return ValidationReport(label, kind.value, records, problems)


KIND_NAMES = {"kb": "knowledge-base record", "rules": "pattern", "topics": "topic cue"}


@kb_app.command("validate")
def kb_validate(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Knowledge-base, rule or topic-lexicon JSONL files.", exists=True, dir_okay=False
        ),
    ],
    kind: Annotated[
        FileKind,
        typer.Option(
            "--kind", help="What the files are; auto decides from each file's content.", case_sensitive=False
        ),
    ] = FileKind.auto,
) -> None:
    """Check knowledge-base files (records with a "kind"), rule files (spaCy patterns with
    "label" and "pattern") or topic lexicons ("topic" cues), and report every bad line
    with its file, line number and problem. Exit status 1 if any line is bad.

    **Examples**

    ```
    $ diplomacy-ner kb validate my_people.jsonl my_rules.jsonl
    $ diplomacy-ner kb validate --kind topics my_topics.jsonl
    ```
    """
    from ..kb.loader import RecordCollector

    console = Console(highlight=False, soft_wrap=True)
    collector = RecordCollector()
    total_problems = 0
    for path in files:
        report = _validate_file(path, kind, collector)
        problems = report.problems or []
        total_problems += len(problems)
        for problem in problems:
            console.print(f"[red]✗[/] {escape(problem)}")
        what = KIND_NAMES.get(report.kind or "", "line")
        if problems:
            console.print(
                f"[bold red]{escape(report.path)}[/]: {plural(len(problems), 'bad line')}, "
                f"{plural(report.records, 'valid ' + what)}"
            )
        else:
            console.print(f"[bold green]{escape(report.path)}[/]: OK, {plural(report.records, what)}")
    if total_problems:
        raise typer.Exit(1)

