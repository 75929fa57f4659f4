"""Resources shared by the components of one process (loaded once, cached)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from ..kb.knowledge_base import KnowledgeBase


@lru_cache(maxsize=8)
def _kb_for(files: tuple[str, ...]) -> KnowledgeBase:
    if not files:
        return KnowledgeBase.default()
    return KnowledgeBase.from_files([Path(f) for f in files], include_default=True)


def load_kb(kb_files: Sequence[str | Path]) -> KnowledgeBase:
    """The knowledge base for a component: the shipped one plus ``kb_files`` (cached per file list)."""
    return _kb_for(tuple(str(f) for f in kb_files))
