"""diplomacy_ner: who met whom in French-language diplomatic news.

>>> from diplomacy_ner import extract_meetings
>>> meetings = extract_meetings(text, published="2024-04-22")
"""

from .about import __version__
from .api import Extractor, analyze, extract_meetings, get_default_extractor
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
