"""Knowledge base: immutable records, JSONL loading with file:line errors, alias index."""

from .records import AgreementRecord, BodyRecord, CountryRecord, PersonRecord, RoleRecord

__all__ = ["AgreementRecord", "BodyRecord", "CountryRecord", "PersonRecord", "RoleRecord"]
