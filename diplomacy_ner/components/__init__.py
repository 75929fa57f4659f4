"""The pipeline's own components, one module each, registered as spaCy factories
(entry points in ``pyproject.toml``; importing this package also registers them all).

In pipeline order: ``diplomacy_paragraphs``, ``diplomacy_acronyms``,
``diplomacy_entity_rules``, ``diplomacy_document``, ``diplomacy_linker`` (owns the
knowledge base) and ``diplomacy_meetings``.
"""

from .acronyms import AcronymDetector, make_acronyms
from .document import DocumentFacts, make_document
from .entity_rules import EntityRules, make_entity_rules
from .linker import Linker, LinkerKB, make_linker
from .meetings import MeetingExtractor, make_meetings
from .paragraphs import make_paragraphs

__all__ = [
    "AcronymDetector",
    "DocumentFacts",
    "EntityRules",
    "Linker",
    "LinkerKB",
    "MeetingExtractor",
    "make_acronyms",
    "make_document",
    "make_entity_rules",
    "make_linker",
    "make_meetings",
    "make_paragraphs",
]
