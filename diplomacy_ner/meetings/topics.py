"""What was discussed: a lexicon of French cues for the topic keys of ``GOLD_FORMAT.md``.

The lexicon is data, ``resources/lexicons/topics.jsonl``, one cue a line::

    {"topic": "migration", "pattern": "flux migratoires"}
    {"topic": "diaspora", "regex": "communaute (?:\\w+ )?etablie"}
    {"topic": "defense", "pattern": "défense des droits", "exclude": true}

- ``pattern`` is a literal phrase, matched as whole words, case- and
  accent-insensitively, any run of whitespace between its words. French
  inflection is handled by listing the forms ("migrant", "migrants").
- ``regex`` is a regular expression for the cases a list of forms cannot
  cover; it is matched on whole words of the lower-cased, accent-folded text,
  so write it in lower case (its accented letters are folded like the text's).
  It runs on RE2 (see :mod:`diplomacy_ner.kb.safe_regex`), a linear-time
  engine, so no pattern can backtrack catastrophically; what RE2 cannot
  compile (back-references, lookarounds), named groups, inline flags and
  expressions that match the empty string are rejected when the file is
  loaded, and so is anything longer than 200 characters.
- ``exclude: true`` marks a phrase that is *not* a cue although it contains
  one ("Conseil de sécurité", "sécurité sociale"): it takes its span and
  gives no hit.

Topic keys are open (users can add their own) but must be slugs,
``^[a-z_]+$``. All cues of a lexicon are compiled into one RE2 expression (literal phrases
longest first, then the regexes in file order), matched in one pass over an
accent-folded copy of the text that keeps every offset. A cue must stand
between two non-word characters or the text's ends: RE2 has no lookaround, so
the expression consumes the character before and after the cue, and the
search resumes on the character after it (two cues one space apart are both
found).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError, model_validator

from ..errors import Errors, KnowledgeBaseError
from .topic_regex import _char_offsets, _check_cue_regex, _compile, _CompiledLexicon, fold_text

logger = logging.getLogger("diplomacy_ner")

LexiconPath = str | os.PathLike[str] | Traversable

RESOURCE_PACKAGE = "diplomacy_ner"
TOPICS_RESOURCE = ("resources", "lexicons", "topics.jsonl")
COMMENT_PREFIX = "//"
MAX_PATTERN_LENGTH = 200

TopicKey = Annotated[str, StringConstraints(pattern=r"^[a-z_]+$")]
Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_PATTERN_LENGTH)]

class TopicCue(BaseModel):
    """One line of a topic lexicon: a literal phrase or a regular expression for a topic."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    topic: TopicKey
    pattern: Phrase | None = None
    regex: Phrase | None = None
    exclude: bool = False

    @model_validator(mode="after")
    def _one_of_pattern_or_regex(self) -> TopicCue:
        if (self.pattern is None) == (self.regex is None):
            raise ValueError("give exactly one of `pattern` (a literal phrase) or `regex`")
        return self


@dataclass(frozen=True)
class TopicHit:
    """A cue found in a text.

    topic (str): The topic key, e.g. "migration".
    start (int): Character offset of the cue in the text.
    end (int): Character offset after the cue.
    text (str): The cue as written in the text (``text[start:end]``).
    """

    topic: str
    start: int
    end: int
    text: str


# --- the lexicon -----------------------------------------------------------------------------------


class TopicLexicon:
    """Topic cues compiled into one regular expression.

    Build it with :meth:`default` (the shipped lexicon), :meth:`from_files`, or
    from cues; :meth:`add` extends it. :meth:`match` finds the cues of a text,
    :meth:`topics` the distinct topic keys.
    """

    def __init__(self, cues: Iterable[TopicCue] = ()):
        """Create a lexicon.

        cues (Iterable[TopicCue]): The cues, already validated.
        """
        self._cues: list[TopicCue] = []
        self._compiled: _CompiledLexicon | None = None
        for number, cue in enumerate(cues, start=1):
            _screen_regex(cue, path="<cues>", line=number)
            self._cues.append(cue)

    @classmethod
    def default(cls) -> TopicLexicon:
        """The shipped lexicon (read once per process; each call returns a new, extensible lexicon).

        RETURNS (TopicLexicon): The lexicon of ``resources/lexicons/topics.jsonl``.
        """
        return cls(_default_cues())

    @classmethod
    def from_files(cls, paths: Iterable[LexiconPath], include_default: bool = True) -> TopicLexicon:
        """Build a lexicon from JSONL files.

        paths (Iterable[LexiconPath]): Lexicon files, read in order.
        include_default (bool): Start from the shipped lexicon.
        RETURNS (TopicLexicon): The lexicon.
        """
        lexicon = cls(_default_cues() if include_default else ())
        for path in paths:
            lexicon._cues.extend(read_topic_cues(path))
        return lexicon

    def add(
        self, topic: str, pattern: str | None = None, *, regex: str | None = None, exclude: bool = False
    ) -> None:
        """Add one cue.

        topic (str): The topic key, a slug (``^[a-z_]+$``).
        pattern (str | None): A literal phrase.
        regex (str | None): A regular expression, instead of `pattern`.
        exclude (bool): The phrase is not a cue and shadows the cues inside it.
        """
        try:
            cue = TopicCue(topic=topic, pattern=pattern, regex=regex, exclude=exclude)
        except ValidationError as err:
            raise _validation_error(err, path="<add>", line=len(self._cues) + 1) from None
        _screen_regex(cue, path="<add>", line=len(self._cues) + 1)
        self._cues.append(cue)
        self._compiled = None

    @property
    def cues(self) -> tuple[TopicCue, ...]:
        """The cues, in the order they were added."""
        return tuple(self._cues)

    @property
    def topic_keys(self) -> list[str]:
        """The distinct topic keys of the lexicon's (non-excluding) cues, sorted."""
        return sorted({cue.topic for cue in self._cues if not cue.exclude})

    def __len__(self) -> int:
        return len(self._cues)

    def match(self, text: str) -> list[TopicHit]:
        """Find the topic cues of a text.

        text (str): Any text (a sentence, a paragraph, a whole article).
        RETURNS (list[TopicHit]): The hits in text order; a phrase listed for two
            topics gives two hits with the same offsets.
        """
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = _compile(tuple(self._cues))
        if compiled.pattern is None:
            return []
        hits: list[TopicHit] = []
        folded = fold_text(text)
        # RE2 reads UTF-8 bytes; matching bytes spares re-encoding the text at every search
        data = folded.encode("utf-8")
        ascii_only = len(data) == len(folded)
        char_at: Any = None
        pos = 0
        while True:
            match = compiled.pattern.search(data, pos)
            if match is None:
                break
            begin, finish = match.span(compiled.cue_group)
            # resume on the boundary character after the cue: it may precede the next one
            pos = finish
            group = next((name for name, number in compiled.groups if match.start(number) != -1), None)
            if group is None:
                continue
            if ascii_only:
                start, end = begin, finish
            else:
                if char_at is None:
                    char_at = _char_offsets(data)
                start, end = int(char_at[begin]), int(char_at[finish])
            if group == "lit":
                topics = compiled.literal_topics.get(" ".join(folded[start:end].split()), ())
            else:
                topics = compiled.regex_topics[group]
            hits.extend(TopicHit(topic, start, end, text[start:end]) for topic in topics)
        return hits

    def topics(self, text: str) -> list[str]:
        """The distinct topic keys a text mentions, in order of first mention.

        text (str): Any text.
        RETURNS (list[str]): Topic keys, e.g. ``["security", "migration"]``.
        """
        return list(dict.fromkeys(hit.topic for hit in self.match(text)))


# --- reading lexicon files -------------------------------------------------------------------------


def read_topic_cues(path: LexiconPath) -> list[TopicCue]:
    """Read and validate a topic lexicon file.

    Blank lines and lines starting with ``//`` are skipped.

    path (LexiconPath): A JSONL file (a path, or a traversable from ``importlib.resources``).
    RETURNS (list[TopicCue]): The cues, in file order.
    """
    label = str(path)
    source: Path | Traversable = Path(path) if isinstance(path, str | os.PathLike) else path
    if not source.is_file():
        raise KnowledgeBaseError(Errors.D014.format(path=label))
    return list(_parse_lines(label, source.read_text(encoding="utf-8-sig").splitlines()))


def _parse_lines(label: str, lines: list[str]) -> Iterator[TopicCue]:
    from ..kb.loader import iter_json_objects

    for number, obj in iter_json_objects(lines, label, comment=COMMENT_PREFIX):
        try:
            cue = TopicCue.model_validate(obj)
        except ValidationError as err:
            raise _validation_error(err, path=label, line=number) from None
        _screen_regex(cue, path=label, line=number)
        yield cue


def _validation_error(err: ValidationError, *, path: str, line: int) -> KnowledgeBaseError:
    first = err.errors(include_url=False)[0]
    # The only model-level check is "pattern or regex", which has no location of its own.
    field = ".".join(str(part) for part in first["loc"]) or "pattern"
    return KnowledgeBaseError(Errors.D011.format(path=path, line=line, field=field, msg=first["msg"]))


def _screen_regex(cue: TopicCue, *, path: str, line: int) -> None:
    if cue.regex is None:
        return
    problem = _check_cue_regex(cue.regex)
    if problem is not None:
        message = Errors.D015.format(path=path, line=line, field="regex", pattern=cue.regex, msg=problem)
        raise KnowledgeBaseError(message)


@lru_cache(maxsize=1)
def _default_cues() -> tuple[TopicCue, ...]:
    cues = tuple(read_topic_cues(resources.files(RESOURCE_PACKAGE).joinpath(*TOPICS_RESOURCE)))
    logger.debug("topic lexicon: %d cues loaded", len(cues))
    return cues
