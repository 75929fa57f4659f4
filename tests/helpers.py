"""Small helpers the meeting tests share (importable because pytest puts ``tests/`` on the path)."""

from __future__ import annotations

from typing import Any


def meetings(extractor: Any, text: str, published: str | None = "2025-03-12", statuses: Any = ("held",)) -> list[Any]:
    """The meetings of ``text`` with the given statuses (held ones by default)."""
    return extractor.extract_meetings(text, published=published, statuses=statuses)


def names(meeting: Any) -> list[str]:
    """The participants' names, sorted; an unnamed one as ``<role|country>``."""
    return sorted(p.name or f"<{p.role}|{p.country}>" for p in meeting.participants)


def sides(meeting: Any) -> list[tuple[str, str, str]]:
    """The participants as sorted (name, role, country) triples, empty strings for what is missing."""
    return sorted((p.name or "", p.role or "", p.country or "") for p in meeting.participants)
