"""Rule files in spaCy's pattern JSONL format, validated line by line.

A line is ``{"label": ..., "pattern": ..., "id": ...}`` as in spaCy's
``SpanRuler``/``EntityRuler`` docs. A string pattern is a phrase: matched
case-insensitively when it is all lower case, exactly otherwise. A list
pattern is a token pattern for spaCy's ``Matcher``.

spaCy runs a token pattern's ``REGEX`` with Python's backtracking ``re``. A
user ``REGEX`` never reaches it: it is compiled on RE2 (see
:mod:`diplomacy_ner.kb.safe_regex`) when the file is loaded, refused with file
and line if RE2 cannot compile it, and the pattern given to the ``Matcher``
tests a boolean token extension (``{"_": {"diplomacy_re2_<hash>": true}}``)
whose getter runs the RE2 search on the token's attribute. The pattern stored,
saved and shown stays the one the user wrote.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Token

from ..errors import Errors, KnowledgeBaseError
from ..kb.safe_regex import check_regex, compile_user_regex

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
        for key, spec in tok.items():
            if key == "_" and isinstance(spec, dict):
                for value in spec.values():
                    if isinstance(value, dict) and "REGEX" in value:
                        raise KnowledgeBaseError(
                            Errors.D015.format(
                                path=origin,
                                line=lineno,
                                field="pattern",
                                pattern=value["REGEX"],
                                msg="REGEX on a custom attribute (`_`) is not supported",
                            )
                        )
                continue
            regex = spec.get("REGEX") if isinstance(spec, dict) else None
            if regex is None:
                continue
            problem = check_regex(regex) if isinstance(regex, str) else "not a string"
            if problem is None and key.upper() not in REGEX_ATTRIBUTES:
                problem = f"REGEX is supported on {sorted(REGEX_ATTRIBUTES)}, not on {key}"
            if problem:
                raise KnowledgeBaseError(
                    Errors.D015.format(path=origin, line=lineno, field="pattern", pattern=regex, msg=problem)
                )


#: Token attributes a user ``REGEX`` may test, and how to read each on a ``Token``.
REGEX_ATTRIBUTES: dict[str, Any] = {
    "TEXT": lambda t: t.text,
    "ORTH": lambda t: t.orth_,
    "LOWER": lambda t: t.lower_,
    "NORM": lambda t: t.norm_,
    "LEMMA": lambda t: t.lemma_,
    "SHAPE": lambda t: t.shape_,
    "PREFIX": lambda t: t.prefix_,
    "SUFFIX": lambda t: t.suffix_,
    "POS": lambda t: t.pos_,
    "TAG": lambda t: t.tag_,
    "DEP": lambda t: t.dep_,
    "ENT_TYPE": lambda t: t.ent_type_,
    "MORPH": lambda t: str(t.morph),
}
REGEX_EXTENSION_PREFIX = "diplomacy_re2_"


class _RegexGetter:
    """The getter of a regex extension: does the RE2 pattern find a match in the token's attribute?"""

    def __init__(self, attribute: str, regex: str):
        self.attribute = attribute
        self.read = REGEX_ATTRIBUTES[attribute]
        self.pattern = compile_user_regex(regex)

    def __call__(self, token: Token) -> bool:
        return self.pattern.search(self.read(token)) is not None


def regex_extension(attribute: str, regex: str) -> str:
    """Register (once) the boolean token extension that runs ``regex`` on RE2; return its name.

    attribute (str): the token attribute, e.g. "LOWER".
    regex (str): the user's regular expression (RE2-compilable).
    RETURNS (str): the extension name, ``diplomacy_re2_<hash>``.
    """
    digest = hashlib.sha1(f"{attribute}\0{regex}".encode()).hexdigest()[:16]
    name = REGEX_EXTENSION_PREFIX + digest
    if not Token.has_extension(name):
        Token.set_extension(name, getter=_RegexGetter(attribute, regex))
    return name


def _on_re2(pattern: list[dict[str, Any]], registered: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """``pattern`` with each ``{ATTR: {"REGEX": r}}`` replaced by its RE2 extension test."""
    out = []
    for tok in pattern:
        new: dict[str, Any] = {}
        extensions = dict(tok.get("_") or {})
        for key, spec in tok.items():
            if key == "_":
                continue
            if isinstance(spec, dict) and "REGEX" in spec:
                rest = {k: v for k, v in spec.items() if k != "REGEX"}
                if rest:
                    new[key] = rest
                extensions[regex_extension(key.upper(), spec["REGEX"])] = True
                registered.append((key.upper(), spec["REGEX"]))
            else:
                new[key] = spec
        if extensions:
            new["_"] = extensions
        out.append(new)
    return out


def _register_regex_extensions(specs: tuple[tuple[str, str], ...]) -> _RegexExtensions:
    for attribute, regex in specs:
        regex_extension(attribute, regex)
    return _RegexExtensions(list(specs))


class _RegexExtensions:
    """The RE2 extensions a matcher's patterns use; unpickling it registers them again.

    Kept as the first attribute of :class:`RuleMatcher`, so that in a process that
    unpickles the pipeline (``spawn`` workers) the extensions exist before the
    ``Matcher`` re-adds its patterns.
    """

    def __init__(self, specs: list[tuple[str, str]] | None = None):
        self.specs = specs or []

    def __reduce__(self) -> tuple[Any, tuple[tuple[tuple[str, str], ...]]]:
        return (_register_regex_extensions, (tuple(self.specs),))


def parse_patterns(patterns: Iterable[dict[str, Any]], origin: str) -> list[RulePattern]:
    """Validate pattern dicts (``{"label", "pattern", "id"}``) like the lines of a rule file.

    patterns (Iterable[dict]): the patterns.
    origin (str): the name errors give, e.g. ``"<add_patterns>"``.
    RETURNS (list[RulePattern]): the patterns.
    """
    return _parse_lines([json.dumps(p, ensure_ascii=False) for p in patterns], origin)


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


class KeyTable:
    """Matcher keys for (label, id) pairs: one string key per pair, looked up by match id."""

    def __init__(self, nlp: Language, prefix: str):
        self._strings = nlp.vocab.strings
        self._prefix = prefix
        self._pairs: dict[int, tuple[str, str]] = {}
        self._keys: dict[tuple[str, str], str] = {}

    def key(self, label: str, ident: str) -> str:
        """The matcher key of ``(label, ident)``."""
        pair = (label, ident)
        if pair not in self._keys:
            key = f"{self._prefix}{len(self._keys)}"
            self._keys[pair] = key
            self._pairs[self._strings.add(key)] = pair
        return self._keys[pair]

    def pair(self, match_id: int) -> tuple[str, str]:
        """The ``(label, id)`` of a match."""
        return self._pairs[match_id]


class RuleMatcher:
    """Matches rule patterns; yields (label, id, start, end).

    As in spaCy's ``SpanRuler``, a pattern's label and id stay apart: each (label, id)
    pair has its own matcher key (:class:`KeyTable`).
    """

    def __init__(self, nlp: Language, patterns: Sequence[RulePattern] = ()):
        self._regex_extensions = _RegexExtensions()  # first: see _RegexExtensions
        self.vocab = nlp.vocab
        self._make_doc = nlp.make_doc
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.tokens = Matcher(nlp.vocab)
        self.patterns: list[RulePattern] = []
        self.keys = KeyTable(nlp, "diplomacy_rule_")
        self.add(patterns)

    def add(self, patterns: Sequence[RulePattern]) -> None:
        by_key_lower: dict[str, list[Doc]] = {}
        by_key_exact: dict[str, list[Doc]] = {}
        for pat in patterns:
            key = self.keys.key(pat.label, pat.id)
            if isinstance(pat.pattern, str):
                doc = self._make_doc(pat.pattern)
                (by_key_lower if pat.pattern == pat.pattern.lower() else by_key_exact).setdefault(key, []).append(doc)
            else:
                self.tokens.add(key, [_on_re2(pat.pattern, self._regex_extensions.specs)])
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
                label, ident = self.keys.pair(match_id)
                out.append((label, ident, start, end))
        return out


def parse_pattern_lines(lines: Iterable[str], origin: str) -> list[RulePattern]:
    """Read and validate rule lines (spaCy pattern JSONL), e.g. one line of a file for ``kb validate``.

    lines (Iterable[str]): the lines; blank lines count, so line numbers stay the file's.
    origin (str): the file name for error messages.
    RETURNS (list[RulePattern]): the patterns.
    RAISES KnowledgeBaseError: the first bad line, naming file, line and field.
    """
    return _parse_lines(lines, origin)
