"""Rule files in spaCy's pattern JSONL format, validated line by line.

A line is ``{"label": ..., "pattern": ..., "id": ...}`` as in spaCy's
``SpanRuler``/``EntityRuler`` docs. A string pattern is a phrase: matched
case-insensitively when it is all lower case, exactly otherwise. A list
pattern is a token pattern for spaCy's ``Matcher``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from ..errors import Errors, KnowledgeBaseError

LABELS = {"TITLE", "BODY_HEAD", "AGREEMENT_HEAD", "PERSON", "COUNTRY", "BODY", "AGREEMENT", "PLACE"}
SHIPPED_FILES = ("titles.jsonl", "body_heads.jsonl", "agreement_heads.jsonl")
#: The classes a ``TITLE`` pattern's ``id`` may name (documented in the README); no id is allowed.
TITLE_CLASSES: tuple[str, ...] = (
    "minister",
    "head_of_state",
    "prime_minister",
    "secretary",
    "diplomat",
    "director",
    "adviser",
    "parliament",
    "generic",
)


class PatternLine(BaseModel):
    """One line of a rule file."""

    model_config = ConfigDict(extra="forbid")

    label: str = Field(min_length=1)
    pattern: str | list[dict[str, Any]]
    id: str = ""


@dataclass(frozen=True)
class RulePattern:
    label: str
    pattern: str | list[dict[str, Any]]
    id: str
    origin: str


def _parse_lines(lines: Iterable[str], origin: str) -> list[RulePattern]:
    from ..kb.loader import iter_json_objects, validation_error

    out: list[RulePattern] = []
    for lineno, data in iter_json_objects(lines, origin):
        try:
            rec = PatternLine.model_validate(data)
        except ValidationError as err:
            raise validation_error(err, path=origin, line=lineno) from None
        if rec.label not in LABELS:
            raise KnowledgeBaseError(
                Errors.D011.format(path=origin, line=lineno, field="label", msg=f"unknown label {rec.label!r}; use one of {sorted(LABELS)}")
            )
        if isinstance(rec.pattern, str) and not rec.pattern.strip():
            raise KnowledgeBaseError(Errors.D011.format(path=origin, line=lineno, field="pattern", msg="empty pattern"))
        if isinstance(rec.pattern, list):
            _check_token_pattern(rec.pattern, origin, lineno)
        if rec.label == "TITLE" and rec.id and rec.id not in TITLE_CLASSES:
            msg = f"unknown title class {rec.id!r}; use one of {list(TITLE_CLASSES)}"
            raise KnowledgeBaseError(Errors.D011.format(path=origin, line=lineno, field="id", msg=msg))
        out.append(RulePattern(rec.label, rec.pattern, rec.id, f"{origin}:{lineno}"))
    return out


def _check_token_pattern(pattern: list[dict[str, Any]], origin: str, lineno: int) -> None:
    from spacy.matcher import Matcher as _M
    from spacy.vocab import Vocab

    if not pattern:
        raise KnowledgeBaseError(Errors.D011.format(path=origin, line=lineno, field="pattern", msg="empty token pattern"))
    try:
        _M(Vocab(), validate=True).add("check", [pattern])
    except Exception as err:  # spaCy reports schema errors as ValueError/MatchPatternError
        msg = str(err).splitlines()[0][:300]
        raise KnowledgeBaseError(Errors.D011.format(path=origin, line=lineno, field="pattern", msg=msg)) from None
    for tok in pattern:
        for spec in tok.values():
            regex = spec.get("REGEX") if isinstance(spec, dict) else None
            if regex is not None:
                from ..kb.safe_regex import check_regex

                problem = check_regex(regex)
                if problem:
                    raise KnowledgeBaseError(
                        Errors.D015.format(path=origin, line=lineno, field="pattern", pattern=regex, msg=problem)
                    )


def load_pattern_file(path: str | Path) -> list[RulePattern]:
    """Read and validate a user rule file (spaCy pattern JSONL)."""
    p = Path(path)
    if not p.is_file():
        raise KnowledgeBaseError(Errors.D014.format(path=p))
    with p.open(encoding="utf-8") as f:
        return _parse_lines(f, str(p))


def load_shipped_patterns() -> list[RulePattern]:
    """The rule files that ship with the package."""
    out: list[RulePattern] = []
    base = resources.files("diplomacy_ner.resources").joinpath("patterns")
    for name in SHIPPED_FILES:
        text = base.joinpath(name).read_text(encoding="utf-8")
        out.extend(_parse_lines(text.splitlines(), f"diplomacy_ner/resources/patterns/{name}"))
    return out


class RuleMatcher:
    """Matches rule patterns; yields (label, id, start, end)."""

    def __init__(self, nlp: Language, patterns: Sequence[RulePattern] = ()):
        self.vocab = nlp.vocab
        self._make_doc = nlp.make_doc
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.tokens = Matcher(nlp.vocab)
        self.patterns: list[RulePattern] = []
        self.add(patterns)

    def add(self, patterns: Sequence[RulePattern]) -> None:
        by_key_lower: dict[str, list[Doc]] = {}
        by_key_exact: dict[str, list[Doc]] = {}
        for pat in patterns:
            key = f"{pat.label}|{pat.id}"
            if isinstance(pat.pattern, str):
                doc = self._make_doc(pat.pattern)
                (by_key_lower if pat.pattern == pat.pattern.lower() else by_key_exact).setdefault(key, []).append(doc)
            else:
                self.tokens.add(key, [pat.pattern])
            self.patterns.append(pat)
        for key, docs in by_key_lower.items():
            self.lower.add(key, docs)
        for key, docs in by_key_exact.items():
            self.exact.add(key, docs)

    def __call__(self, doc: Doc) -> list[tuple[str, str, int, int]]:
        out = []
        for matcher in (self.lower, self.exact, self.tokens):
            if len(matcher) == 0:
                continue
            for match_id, start, end in matcher(doc):
                label, _, ident = self.vocab.strings[match_id].partition("|")
                out.append((label, ident, start, end))
        return out
