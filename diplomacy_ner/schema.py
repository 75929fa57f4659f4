"""Pydantic v2 output models: what :func:`diplomacy_ner.analyze` returns.

Every offset is a character offset into the text the caller passed in, so
``text[m.start:m.end] == m.text`` holds for every :class:`Mention`.
``Meeting.model_dump(mode="json")`` is the serialised form; the JSON Schema is
exported by :func:`json_schema` (and ``diplomacy-ner schema``).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EntityType = Literal["person", "country", "body", "agreement", "place"]
MeetingKind = Literal["in_person", "call", "video"]
MeetingStatus = Literal["held", "planned", "cancelled"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Mention(_Model):
    """A stretch of the input text."""

    start: int = Field(ge=0, description="Start character offset in the original text.")
    end: int = Field(ge=0, description="End character offset (exclusive) in the original text.")
    text: str = Field(description="The original text between start and end.")


class Entity(_Model):
    """A canonical entity with every mention of it in the document."""

    id: str = Field(description="Canonical id: a knowledge-base id, or a document-level id for unknown people.")
    type: EntityType
    name: str = Field(description="Canonical name (for people: the longest form the text uses, no honorific).")
    code: str | None = Field(default=None, description="ISO 3166-1 alpha-2 code (countries).")
    acronym: str | None = Field(default=None, description="Acronym (bodies, agreements).")
    country: str | None = Field(default=None, description="Country code or body acronym the entity belongs to.")
    role: str | None = Field(default=None, description="People: the office held at publication time.")
    in_kb: bool = Field(default=False, description="True when the entity comes from the knowledge base.")
    aliases: list[str] = Field(default_factory=list, description="Other names the document uses for it.")
    mentions: list[Mention] = Field(default_factory=list)


class EntityRef(_Model):
    """A reference to a canonical body or agreement, as attached to a meeting."""

    id: str
    name: str
    acronym: str | None = None
    aliases: list[str] = Field(default_factory=list, description="Other names the document uses for it.")


class Participant(_Model):
    """One side of a meeting: a person, named or identified by role and country."""

    name: str | None = Field(description="Full canonical name, None for an unnamed official.")
    role: str | None = Field(default=None, description="Office held at the time, as the text writes it.")
    country: str | None = Field(
        default=None, description="ISO alpha-2 of the state represented, or a body acronym ('ONU', 'UE')."
    )
    id: str | None = Field(default=None, description="Entity id of the person (see Analysis.entities).")
    mentions: list[Mention] = Field(default_factory=list, description="Evidence: mentions of the participant.")


class Location(_Model):
    """Where a meeting took place: a city or named venue."""

    name: str
    country: str | None = None
    mention: Mention | None = None


class Meeting(_Model):
    """An encounter between two or more officials."""

    participants: list[Participant]
    host: Participant | None = Field(default=None, description="The receiving participant, None on neutral ground.")
    kind: MeetingKind = "in_person"
    status: MeetingStatus = "held"
    date: dt.date | None = None
    date_expression: Mention | None = Field(default=None, description="The words the date was resolved from.")
    location: Location | None = None
    topics: list[str] = Field(default_factory=list, description="Topic keys (see the topic lexicon).")
    bodies: list[EntityRef] = Field(default_factory=list)
    agreements: list[EntityRef] = Field(default_factory=list)
    evidence: list[Mention] = Field(default_factory=list, description="The sentences that report the meeting.")
    confidence: float = Field(ge=0.0, le=1.0)


class Analysis(_Model):
    """Everything the library found in one article."""

    text: str
    published: dt.date | None = None
    entities: list[Entity] = Field(default_factory=list)
    meetings: list[Meeting] = Field(default_factory=list, description="All meetings, whatever their status.")
    skipped: str | None = Field(
        default=None,
        description=(
            "Why the article was not analysed, or None: 'no encounter cue' when the meeting gate "
            "(meetings-only runs) found no sentence that can report a meeting; its entities are then "
            "not computed and `entities` is empty."
        ),
    )

    def held_meetings(self) -> list[Meeting]:
        """The meetings that took place (status ``held``)."""
        return [m for m in self.meetings if m.status == "held"]


class DocumentResult(_Model):
    """One record of a batch: the analysis of a document, or the error it raised."""

    id: str | None = None
    index: int
    analysis: Analysis | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def json_schema() -> dict:
    """The JSON Schema of :class:`Analysis` (which embeds :class:`Meeting`).

    RETURNS (dict): a JSON Schema document.
    """
    return Analysis.model_json_schema()
