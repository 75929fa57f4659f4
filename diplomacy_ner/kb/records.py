"""Immutable knowledge-base records, validated by pydantic (``extra="forbid"``).

One JSONL line is one record; the ``kind`` field says which model validates it.
Nothing here imports spaCy: the KB layer is independent of the pipeline.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_day(value: Any) -> Any:
    """Accept a date or a "YYYY-MM-DD" string; refuse years, timestamps and other layouts."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DAY.fullmatch(value.strip()):
        return value.strip()
    raise ValueError(f"use YYYY-MM-DD (for example 2026-01-15), got {value!r}")


#: A day written "YYYY-MM-DD" (pydantic alone would read "2026" as a Unix timestamp).
IsoDay = Annotated[dt.date, BeforeValidator(_iso_day)]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("aliases", check_fields=False)
    @classmethod
    def _no_empty_alias(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for alias in v:
            if not alias.strip():
                raise ValueError("an alias is empty")
        return v


class CountryRecord(_Record):
    """A country or territory (ISO 3166-1)."""

    kind: Literal["country"] = "country"
    id: NonEmpty = Field(description="'country:MA'")
    code: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
    name: NonEmpty = Field(description="Common French name: 'Maroc'.")
    official_names: tuple[NonEmpty, ...] = Field(default=(), description="'Royaume du Maroc'.")
    aliases: tuple[str, ...] = Field(default=(), description="Other names and short forms: 'la RDC'.")
    adjectives: tuple[NonEmpty, ...] = Field(default=(), description="All forms: marocain, marocaine, ...")
    prefixes: tuple[NonEmpty, ...] = Field(default=(), description="Compound prefixes: 'maroco', 'franco'.")
    capitals: tuple[NonEmpty, ...] = Field(default=(), description="Capital city (French names), also a metonym.")
    un_member: bool = False
    source: NonEmpty = "pycountry"


class BodyRecord(_Record):
    """An international, regional or national institution, or a mechanism."""

    kind: Literal["body"] = "body"
    id: NonEmpty = Field(description="'body:ONU'")
    name: NonEmpty = Field(description="Canonical French long form.")
    acronym: str | None = None
    aliases: tuple[str, ...] = ()
    scope: Literal["international", "regional", "national", "mechanism"] = "international"
    country: str | None = Field(default=None, description="ISO code of a national body's state.")
    code: str | None = Field(
        default=None,
        description="What an official of this body gets as `country` ('UE' for EU institutions, 'OIM' for the OIM).",
    )
    parent: str | None = Field(default=None, description="Id of the parent body.")
    adjectives: tuple[NonEmpty, ...] = Field(default=(), description="'onusien', 'européen'.")
    source: NonEmpty = "diplomacy_ner"

    def participant_code(self) -> str | None:
        """What an official of this body gets as `country`: a national body's state,
        otherwise the body's code or acronym ("UE", "OIM")."""
        if self.scope == "national" and self.country:
            return self.country
        return self.code or self.acronym


class RoleRecord(BaseModel):
    """An office held by a person between two dates (PETRARCH-style dated actor entry)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: NonEmpty = Field(description="'ministre de l'Intérieur'")
    country: NonEmpty = Field(description="ISO alpha-2 code, or a body acronym for international officials.")
    start: IsoDay | None = None
    end: IsoDay | None = None
    source: NonEmpty = Field(description="Where the fact comes from.")

    @model_validator(mode="after")
    def _ordered(self) -> RoleRecord:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"role ends ({self.end}) before it starts ({self.start})")
        return self

    def valid_on(self, day: dt.date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class PersonRecord(_Record):
    """A known official; the text still decides who someone is, the KB adds aliases and dated roles."""

    kind: Literal["person"] = "person"
    id: NonEmpty = Field(description="'person:abdelouafi-laftit'")
    name: NonEmpty
    aliases: tuple[str, ...] = ()
    gender: Literal["f", "m"] | None = None
    roles: tuple[RoleRecord, ...] = ()
    source: NonEmpty

    def role_on(self, day: dt.date | None) -> RoleRecord | None:
        """The role valid on ``day`` (the latest one when ``day`` is None)."""
        valid = [r for r in self.roles if r.valid_on(day)]
        if valid:
            return max(valid, key=lambda r: r.start or dt.date.min)
        return None


class AgreementRecord(_Record):
    """A named agreement, declaration, memorandum or plan."""

    kind: Literal["agreement"] = "agreement"
    id: NonEmpty
    name: NonEmpty
    acronym: str | None = None
    aliases: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    signed: IsoDay | None = None
    source: NonEmpty = "diplomacy_ner"


KBRecord = CountryRecord | BodyRecord | PersonRecord | AgreementRecord
RECORD_MODELS: dict[str, type[_Record]] = {
    "country": CountryRecord,
    "body": BodyRecord,
    "person": PersonRecord,
    "agreement": AgreementRecord,
}
