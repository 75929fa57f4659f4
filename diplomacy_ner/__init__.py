"""diplomacy_ner: who met whom in French-language diplomatic news.

>>> from diplomacy_ner import extract_meetings
>>> meetings = extract_meetings(text, published="2024-04-22")

The spaCy pipeline is imported lazily: ``import diplomacy_ner.kb`` or
``diplomacy_ner.evaluate`` does not load spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .about import __version__
from .errors import DocumentError, KnowledgeBaseError
from .schema import (
    Analysis,
    DocumentResult,
    Entity,
    EntityRef,
    Location,
    Meeting,
    Mention,
    Participant,
    json_schema,
)

if TYPE_CHECKING:
    from .api import Extractor, analyze, extract_meetings, get_default_extractor

_LAZY = {"Extractor", "analyze", "extract_meetings", "get_default_extractor"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'diplomacy_ner' has no attribute {name!r}")


__all__ = [
    "Analysis",
    "DocumentError",
    "DocumentResult",
    "Entity",
    "EntityRef",
    "Extractor",
    "KnowledgeBaseError",
    "Location",
    "Meeting",
    "Mention",
    "Participant",
    "__version__",
    "analyze",
    "extract_meetings",
    "get_default_extractor",
    "json_schema",
]
