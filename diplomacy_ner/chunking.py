"""Long texts: split at paragraphs into chunks the pipeline can take, and their analyses merged back.

Offsets in the merged analysis are offsets into the whole text.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .errors import Errors
from .folding import fold
from .schema import Analysis, Entity, Meeting, Mention, Participant

__all__ = ["DEFAULT_CHUNK_CHARS", "analyze_in_chunks", "merge_analyses", "split_long_text"]

#: Texts longer than this are cut into paragraph-aligned chunks (spaCy's parser
#: needs about 1 GB of memory per 100,000 characters).
DEFAULT_CHUNK_CHARS = 100_000

#: How far back from a hard cut :func:`split_long_text` looks for the start of a grapheme.
_MAX_GRAPHEME_BACKTRACK = 32


def _continues_grapheme(char: str) -> bool:
    """Would cutting before ``char`` separate it from the character it modifies?"""
    return (
        unicodedata.combining(char) != 0
        or unicodedata.category(char) in ("Mn", "Me", "Mc")
        or char in "\u200c\u200d\ufe0e\ufe0f"
        or "\udc00" <= char <= "\udfff"
    )


def split_long_text(text: str, max_chars: int) -> list[tuple[int, str]]:
    """Cut ``text`` into consecutive chunks of at most ``max_chars`` characters.

    The cut goes after the last paragraph break ("\\n\\n") in the last three
    quarters of the window, else after the last line break, sentence end (". ")
    or space in its second half; a hard cut (a long run without any of these)
    never separates a letter from its combining marks. The chunks cover ``text`` exactly, in order:
    ``"".join(chunk for _, chunk in chunks) == text``.

    text (str): the text.
    max_chars (int): the largest chunk, at least 1.
    RETURNS (list[tuple[int, str]]): (offset of the chunk in ``text``, chunk).
    """
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
        raise ValueError(Errors.D034.format(name="max_chars", value=max_chars))
    chunks: list[tuple[int, str]] = []
    start = 0
    n = len(text)
    while start < n:
        end = min(start + max_chars, n)
        if end < n:
            for sep, share in (("\n\n", 4), ("\n", 2), (". ", 2), (" ", 2)):
                cut = text.rfind(sep, start + max_chars // share, end)
                if cut != -1 and cut + len(sep) <= end:
                    end = cut + len(sep)
                    break
            else:
                hard = end
                while (
                    hard > start + 1
                    and end - hard < _MAX_GRAPHEME_BACKTRACK
                    and _continues_grapheme(text[hard])
                ):
                    hard -= 1
                if not _continues_grapheme(text[hard]):
                    end = hard
        chunks.append((start, text[start:end]))
        start = end
    return chunks


def analyze_in_chunks(
    text: str,
    published: dt.date | None,
    max_chars: int,
    analyze_chunk: Callable[[str], Analysis],
    on_chunk: Callable[[int], None] | None = None,
) -> Analysis:
    """Analyse a long text chunk by chunk and merge the analyses.

    text (str): the text.
    published (date | None): its publication date.
    max_chars (int): the largest chunk.
    analyze_chunk (Callable[[str], Analysis]): analyses one chunk (offsets into the chunk).
    on_chunk (Callable[[int], None] | None): called with each chunk's length once it is done.
    RETURNS (Analysis): the analysis of ``text``; ``skipped`` set when the meeting gate
        ruled out every chunk.
    """
    parts = []
    for offset, chunk in split_long_text(text, max_chars):
        if chunk.strip():
            parts.append((offset, analyze_chunk(chunk)))
        if on_chunk is not None:
            on_chunk(len(chunk))
    analyzed = [(offset, part) for offset, part in parts if part.skipped is None]
    if parts and not analyzed:
        return Analysis(text=text, published=published, skipped=parts[0][1].skipped)
    return merge_analyses(text, published, analyzed)


def merge_analyses(text: str, published: dt.date | None, parts: Sequence[tuple[int, Analysis]]) -> Analysis:
    """Merge the analyses of the chunks of one long text into the analysis of the text.

    Offsets are shifted back into ``text``. Entities with the same id are one
    entity (mentions in text order; a field one chunk left empty is filled from
    another). A person the knowledge base does not know ("doc-person:...") whose
    name is the end of exactly one other person's name seen only in other chunks
    ("Bourita" / "Nasser Bourita") takes that person's id, as the linker does
    inside one chunk. A meeting reported in several chunks (same participants,
    status, kind, date and place) is reported once, with the evidence of each.

    text (str): the whole text.
    published (date | None): its publication date.
    parts (Sequence[tuple[int, Analysis]]): (offset of the chunk in ``text``, analysis of the chunk).
    RETURNS (Analysis): the analysis of ``text``.
    """
    shifted = [_shift(part, offset) for offset, part in parts]
    entities: dict[str, Entity] = {}
    chunks_of: dict[str, set[int]] = {}
    for number, part in enumerate(shifted):
        for ent in part.entities:
            chunks_of.setdefault(ent.id, set()).add(number)
            if ent.id in entities:
                _merge_entity(entities[ent.id], ent)
            else:
                entities[ent.id] = ent.model_copy(deep=True)
    remap = _person_remap(entities, chunks_of, [m for part in shifted for m in part.meetings])
    for old, new in remap.items():
        _merge_entity(entities[new], entities.pop(old))
    meetings: list[Meeting] = []
    seen: dict[tuple[Any, ...], tuple[Meeting, int]] = {}
    for number, part in enumerate(shifted):
        for meeting in part.meetings:
            meeting = _remap_meeting(meeting, remap, entities)
            key = _meeting_key(meeting)
            previous = seen.get(key)
            if previous is not None and previous[1] != number:
                _merge_meeting(previous[0], meeting)
                seen[key] = (previous[0], number)
            else:
                seen[key] = (meeting, number)
                meetings.append(meeting)
    return Analysis(text=text, published=published, entities=list(entities.values()), meetings=meetings)


def _shift(analysis: Analysis, offset: int) -> Analysis:
    """A copy of ``analysis`` with every offset moved by ``offset``."""

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            if {"start", "end", "text"} <= value.keys():
                return {**value, "start": value["start"] + offset, "end": value["end"] + offset}
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    data = walk(analysis.model_dump(mode="python", exclude={"text"}))
    return Analysis(text=analysis.text, **data)


def _merged_mentions(*groups: Iterable[Mention]) -> list[Mention]:
    unique = {(m.start, m.end): m for group in groups for m in group}
    return [unique[key] for key in sorted(unique)]


def _merge_entity(kept: Entity, other: Entity) -> None:
    kept.mentions = _merged_mentions(kept.mentions, other.mentions)
    for field in ("code", "acronym", "country", "role"):
        if getattr(kept, field) is None and getattr(other, field) is not None:
            setattr(kept, field, getattr(other, field))
    kept.in_kb = kept.in_kb or other.in_kb
    names = [kept.name, other.name, *kept.aliases, *other.aliases]
    if kept.type == "person" and not kept.in_kb and len(other.name) > len(kept.name):
        # a person's name is the longest form the text uses
        kept.name = other.name
    kept.aliases = [name for name in dict.fromkeys(names) if name != kept.name]


def _person_remap(
    entities: dict[str, Entity], chunks_of: dict[str, set[int]], meetings: Sequence[Meeting]
) -> dict[str, str]:
    """Document-level person ids to merge into a longer name found in other chunks."""
    people = [e for e in entities.values() if e.type == "person"]
    tokens = {e.id: fold(e.name).split() for e in people}
    remap: dict[str, str] = {}
    for short in people:
        words = tokens[short.id]
        if not short.id.startswith("doc-person:") or not words:
            continue
        targets = {
            e.id
            for e in people
            if len(tokens[e.id]) > len(words)
            and tokens[e.id][-len(words) :] == words
            and not chunks_of[e.id] & chunks_of[short.id]
        }
        if len(targets) != 1:
            continue
        target = targets.pop()
        # never merge two people who meet each other
        if any({short.id, target} <= {p.id for p in m.participants} for m in meetings):
            continue
        remap[short.id] = target
    # "Bourita" -> "Nasser Bourita" -> "Nasser Bourita Ahmed": follow to the end
    for old in list(remap):
        seen = {old}
        while remap[old] in remap and remap[old] not in seen:
            seen.add(remap[old])
            remap[old] = remap[remap[old]]
    return {old: new for old, new in remap.items() if new != old and new in entities}


def _remap_participant(
    participant: Participant, remap: dict[str, str], entities: dict[str, Entity]
) -> Participant:
    """The participant with its merged id, and the person's name as the whole text gives it."""
    if participant.id is None:
        return participant
    target = entities.get(remap.get(participant.id, participant.id))
    if target is None or target.type != "person":
        return participant
    name = target.name if participant.name is not None else None
    if (target.id, name) == (participant.id, participant.name):
        return participant
    return participant.model_copy(update={"id": target.id, "name": name})


def _remap_meeting(meeting: Meeting, remap: dict[str, str], entities: dict[str, Entity]) -> Meeting:
    participants = [_remap_participant(p, remap, entities) for p in meeting.participants]
    host = _remap_participant(meeting.host, remap, entities) if meeting.host else None
    return meeting.model_copy(update={"participants": participants, "host": host})


def _participant_key(participant: Participant) -> Any:
    return participant.id or (participant.name, participant.role, participant.country)


def _meeting_key(meeting: Meeting) -> tuple[Any, ...]:
    return (
        frozenset(_participant_key(p) for p in meeting.participants),
        meeting.status,
        meeting.kind,
        meeting.date,
        meeting.location.name if meeting.location else None,
    )


def _merge_meeting(kept: Meeting, other: Meeting) -> None:
    by_key = {_participant_key(p): p for p in kept.participants}
    for participant in other.participants:
        same = by_key.get(_participant_key(participant))
        if same is not None:
            same.mentions = _merged_mentions(same.mentions, participant.mentions)
    kept.host = kept.host or other.host
    kept.date_expression = kept.date_expression or other.date_expression
    kept.location = kept.location or other.location
    kept.topics = list(dict.fromkeys([*kept.topics, *other.topics]))
    kept.bodies = list({b.id: b for b in [*other.bodies, *kept.bodies]}.values())
    kept.agreements = list({a.id: a for a in [*other.agreements, *kept.agreements]}.values())
    kept.evidence = _merged_mentions(kept.evidence, other.evidence)
    kept.confidence = max(kept.confidence, other.confidence)
