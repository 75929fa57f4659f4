"""The vocabulary of the meeting step, read from data files.

Three kinds of line live in ``resources/lexicons/frames.jsonl``,
``meeting_cues.jsonl`` and ``meeting_words.jsonl``, and in any user file given
as ``frame_files``:

- an encounter **frame** (``{"frame": "receive", "pos": "verb", "lemmas": [...], ...}``):
  what opens an encounter and which argument is the host;
- a named **cue** list (``{"name": "planned", "regex": "..."}``): the regular
  expressions of modality, background, kind and coreference cues;
- a named **word** set (``{"name": "light_verb", "words": [...]}``).

Every line is validated (``extra="forbid"``); a mistake raises
:class:`~diplomacy_ner.errors.KnowledgeBaseError` with file, line and field, as
for the knowledge base. A user cue or word list with a shipped name extends it;
a user frame is added to the shipped ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import Errors, KnowledgeBaseError
from ..kb.loader import iter_json_objects, validation_error
from ..kb.safe_regex import check_regex, compile_user_regex
from ..lexicons import CueList, WordSet

SHIPPED_FILES = ("frames.jsonl", "meeting_cues.jsonl", "meeting_words.jsonl")


class Frame(BaseModel):
    """An encounter frame: the words that open it and how its arguments are read."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    frame: str = Field(min_length=1)
    pos: Literal["verb", "noun"]
    lemmas: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    needs_reflexive: bool = False
    needs_next: tuple[str, ...] = ()
    needs_group: bool = False
    partner_preps: tuple[str, ...] = ("avec",)
    host: Literal["subject", "partner", "agent"] | None = None
    distribute: Literal["guests", "cue"] = "cue"
    kind: Literal["call", "video"] | None = None
    multilateral: bool = False
    object_participants: bool = False
    join: bool = False
    join_only: bool = False
    needs_cue: str | None = None
    strength: float = Field(default=0.7, ge=0.0, le=1.0)

    @field_validator("lemmas", "forms", "needs_next", "partner_preps")
    @classmethod
    def _lower(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(not v.strip() for v in value):
            raise ValueError("empty word")
        return tuple(v.lower() for v in value)


class _Never:
    """A compiled cue that matches nothing (a name no file defines)."""

    def search(self, text: str) -> None:
        return None

    def match(self, text: str) -> None:
        return None

    def fullmatch(self, text: str) -> None:
        return None

    def finditer(self, text: str) -> Iterable[re.Match[str]]:
        return ()


# Python's Unicode classes written for RE2, whose \w, \d, \s and \b know ASCII only
_RE2_CLASSES = {"w": r"\p{L}\p{N}_", "d": r"\p{Nd}", "s": r"\s\x{1c}-\x{1f}\x{85}\p{Z}"}
_ESCAPE = re.compile(r"\\(.)|(\[\^?)|(\])|(\$)")


def relaxed_for_re2(pattern: str) -> str | None:
    r"""``pattern`` rewritten for RE2 so that it matches wherever Python's ``re`` matches, and maybe more.

    Word boundaries and ``$`` are dropped (a pattern without an assertion matches a superset
    of the texts); ``\w``, ``\W``, ``\d``, ``\D``, ``\s``, ``\S`` become the Unicode classes Python
    gives them. None when the pattern uses what RE2 cannot run (lookarounds, back-references,
    ``\B``, ``\A``, ``\Z``): then there is no prefilter.
    """
    if re.search(r"\(\?[=!<]|\(\?P=|\\[1-9]", pattern):
        return None
    out: list[str] = []
    in_class = False
    pos = 0
    for m in _ESCAPE.finditer(pattern):
        out.append(pattern[pos : m.start()])
        pos = m.end()
        char, opening, closing, dollar = m.group(1), m.group(2), m.group(3), m.group(4)
        if dollar is not None:
            # Python's "$" also matches before a final newline, RE2's only at the end: dropped (a superset)
            out.append("$" if in_class else "")
            continue
        if opening is not None:
            if in_class:  # a literal "[" inside a class
                out.append(r"\[" + opening[1:])
            else:
                in_class = True
                out.append(opening)
            continue
        if closing is not None:
            if in_class and out and not out[-1].endswith(("[", "[^")):
                in_class = False
            out.append("]")
            continue
        if char == "b":
            out.append("" if not in_class else r"\x{8}")  # in a class, \b is the backspace
        elif char in ("B", "A", "Z"):
            return None
        elif char in _RE2_CLASSES:
            out.append(_RE2_CLASSES[char] if in_class else f"[{_RE2_CLASSES[char]}]")
        elif char.lower() in _RE2_CLASSES:
            if in_class:
                return None  # a negated class inside a class: not written for RE2 here
            out.append(f"[^{_RE2_CLASSES[char.lower()]}]")
        else:
            out.append(m.group(0))
    out.append(pattern[pos:])
    return "".join(out)


class _Re2Test:
    """Does a relaxed RE2 pattern occur in a text? (the prefilter of :class:`_Cues`)

    ``re2``'s ``search`` maps every match back to character offsets; a yes or no needs
    none of that, so the compiled RE2 object is asked directly when the installed
    google-re2 exposes it (``_regexp.Match``), and through ``search`` otherwise.
    """

    def __init__(self, compiled: Any):
        self.compiled = compiled
        regexp = getattr(compiled, "_regexp", None)
        anchor = getattr(getattr(type(regexp), "Anchor", None), "UNANCHORED", None)
        self._match = regexp.Match if anchor is not None and hasattr(regexp, "Match") else None
        self._anchor = anchor

    def occurs(self, text: str) -> bool:
        if self._match is None:
            return self.compiled.search(text) is not None
        encoded = text.encode("utf-8", "surrogatepass")
        return self._match(self._anchor, encoded, 0, len(encoded))[0][0] != -1


def _re2_prefilter(pattern: re.Pattern[str]) -> _Re2Test | None:
    """The RE2 prefilter of a shipped cue pattern (see :func:`relaxed_for_re2`), or None."""
    relaxed = relaxed_for_re2(pattern.pattern)
    if relaxed is None:
        return None
    try:
        import re2

        return _Re2Test(re2.compile(("(?i)" if pattern.flags & re.IGNORECASE else "") + relaxed))
    except Exception:  # a construct RE2 refuses: the pattern runs without a prefilter
        return None


class _Cues:
    """A shipped cue list (Python ``re``) with the user's additions, which run on RE2.

    The shipped pattern is first tried as a relaxed RE2 pattern that matches wherever it
    matches (:func:`relaxed_for_re2`): RE2 scans a text in one pass without backtracking,
    and most texts the meeting step asks about match no cue (about 97 %), so Python's
    ``re`` runs only on the few that may, and gives the answer as before.
    """

    def __init__(self, shipped: re.Pattern[str] | None, user: list[Any]):
        self.shipped = shipped
        self.user = user
        self.patterns: list[Any] = ([shipped] if shipped is not None else []) + user
        self.prefilter = _re2_prefilter(shipped) if shipped is not None else None

    def _candidates(self, text: str) -> list[Any]:
        if self.prefilter is not None and not self.prefilter.occurs(text):
            return self.user  # the shipped pattern cannot match this text
        return self.patterns

    def search(self, text: str) -> Any:
        for pattern in self._candidates(text):
            m = pattern.search(text)
            if m is not None:
                return m
        return None

    def match(self, text: str) -> Any:
        for pattern in self._candidates(text):
            m = pattern.match(text)
            if m is not None:
                return m
        return None

    def fullmatch(self, text: str) -> Any:
        for pattern in self._candidates(text):
            m = pattern.fullmatch(text)
            if m is not None:
                return m
        return None

    def finditer(self, text: str) -> Iterable[Any]:
        for pattern in self._candidates(text):
            yield from pattern.finditer(text)


class MeetingLexicon:
    """Frames, cue regexes and word sets of the meeting step.

    frames (list[Frame]): the encounter frames.
    cues (dict[str, list[CueList]]): cue lists by name.
    words (dict[str, set[str]]): word sets by name.
    """

    def __init__(self, frames: list[Frame], cues: dict[str, list[CueList]], words: dict[str, set[str]]):
        self.frames = frames
        self._cue_lists = cues
        self.words = words
        self.compiled: dict[str, _Cues] = {}
        # (lemma hash, lower-case form hash) -> can open a frame: `DocContext.frame_candidates` asks it
        # for every token of every doc, and string hashes are the same in every vocabulary
        self.opener_cache: dict[tuple[int, int], bool] = {}
        for name, lists in cues.items():
            shipped = [c for c in lists if not c.user]
            flags = 0 if all(c.case for c in shipped) else re.IGNORECASE
            pattern = re.compile("|".join(f"(?:{c.regex})" for c in shipped), flags) if shipped else None
            # a user's regex never runs on a backtracking engine
            user = [compile_user_regex(c.regex if c.case else f"(?i){c.regex}") for c in lists if c.user]
            self.compiled[name] = _Cues(pattern, user)
        self.verb_frames: dict[str, list[Frame]] = {}
        self.noun_frames: dict[str, list[Frame]] = {}
        for f in frames:
            table = self.verb_frames if f.pos == "verb" else self.noun_frames
            for lemma in f.lemmas:
                table.setdefault(lemma, []).append(f)
        self.future_stems = dict(w.split(":", 1) for w in words.get("future_stem", set()) if ":" in w)
        self.verb_forms = tuple(sorted({(form, i) for i, f in enumerate(frames) if f.pos == "verb" for form in f.forms}))
        self.verb_form_prefixes = tuple(form for form, _ in self.verb_forms)  # str.startswith reads a tuple

    def cue(self, name: str) -> _Cues | _Never:
        """The compiled cue list ``name`` (matches nothing when no file defines it)."""
        return self.compiled.get(name) or _Never()

    def word_set(self, name: str) -> set[str]:
        """The word set ``name`` (empty when no file defines it)."""
        return self.words.get(name, set())

    @classmethod
    def default(cls) -> MeetingLexicon:
        """The shipped lexicon (cached)."""
        return _default()

    @classmethod
    def from_files(cls, paths: Iterable[str | Path], include_default: bool = True) -> MeetingLexicon:
        """The shipped lexicon extended by user files (or the files alone)."""
        frames: list[Frame] = []
        cues: dict[str, list[CueList]] = {}
        words: dict[str, set[str]] = {}
        if include_default:
            base = _default()
            frames.extend(base.frames)
            cues = {k: list(v) for k, v in base._cue_lists.items()}
            words = {k: set(v) for k, v in base.words.items()}
        for path in paths:
            p = Path(path)
            if not p.is_file():
                raise KnowledgeBaseError(Errors.D014.format(path=str(path)))
            _read(p.read_text(encoding="utf-8-sig").splitlines(), str(path), frames, cues, words, user=True)
        return cls(frames, cues, words)


def _read(
    lines: list[str],
    label: str,
    frames: list[Frame],
    cues: dict[str, list[CueList]],
    words: dict[str, set[str]],
    *,
    user: bool,
) -> None:
    for number, obj in iter_json_objects(lines, label):
        model: type[BaseModel]
        if "frame" in obj:
            model = Frame
        elif "regex" in obj:
            model = CueList
        elif "words" in obj:
            model = WordSet
        else:
            raise KnowledgeBaseError(
                Errors.D011.format(path=label, line=number, field="(record)", msg="expected a frame (`frame`), a cue list (`regex`) or a word set (`words`)")
            )
        try:
            record = model.model_validate(obj)
        except ValidationError as err:
            raise validation_error(err, path=label, line=number) from None
        if isinstance(record, Frame):
            frames.append(record)
        elif isinstance(record, CueList):
            if user:
                record = record.model_copy(update={"user": True})
                problem = check_regex(record.regex)
            else:
                problem = None
                try:
                    re.compile(record.regex)
                except re.error as err:
                    problem = f"invalid regular expression: {err}"
            if problem is not None:
                raise KnowledgeBaseError(Errors.D015.format(path=label, line=number, field="regex", pattern=record.regex[:80], msg=problem))
            cues.setdefault(record.name, []).append(record)
        elif isinstance(record, WordSet):
            words.setdefault(record.name, set()).update(record.words if record.case else (w.lower() for w in record.words))


@lru_cache(maxsize=1)
def _default() -> MeetingLexicon:
    frames: list[Frame] = []
    cues: dict[str, list[CueList]] = {}
    words: dict[str, set[str]] = {}
    folder = resources.files("diplomacy_ner").joinpath("resources", "lexicons")
    for name in SHIPPED_FILES:
        _read(folder.joinpath(name).read_text(encoding="utf-8").splitlines(), name, frames, cues, words, user=False)
    return MeetingLexicon(frames, cues, words)
