"""Knowledge base: immutable records, JSONL loading with file:line errors, alias index."""

from .alias_index import AliasIndex, Candidate
from ..folding import fold, strip_honorifics
from .knowledge_base import KnowledgeBase
from .loader import load_jsonl
from .records import AgreementRecord, BodyRecord, CountryRecord, PersonRecord, RoleRecord

__all__ = [
    "AgreementRecord",
    "AliasIndex",
    "BodyRecord",
    "Candidate",
    "CountryRecord",
    "KnowledgeBase",
    "PersonRecord",
    "RoleRecord",
    "fold",
    "load_jsonl",
    "strip_honorifics",
]
