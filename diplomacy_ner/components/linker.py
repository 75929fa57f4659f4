"""``diplomacy_linker``: one canonical entity per person, country, body,
agreement and place, with every mention; roles and countries of people.

The linker owns the pipeline's knowledge base (see :class:`Linker`).
Reads: ``doc.spans[spans_key]`` from ``diplomacy_entity_rules``, ``doc._.dateline``
and ``doc._.home_country`` from ``diplomacy_document``.
Sets: ``doc._.entities`` (schema ``Entity`` as dicts), ``doc._.person_roles``
(entity id -> {role, country, class, source}), ``doc._.body_codes``, and
rewrites ``doc.spans[spans_key]`` so every span's ``kb_id_`` is the id of its
canonical entity; a TITLE span's ``_.info["person"]`` names the person it
describes (or None for an unnamed official).

Every knowledge-base lookup goes through :class:`~diplomacy_ner.rules.kb_links.KBLinks`,
the alias index's scored candidates at the configured ``fuzzy_threshold``. The
rules are in :mod:`diplomacy_ner.rules`: person clusters
(:mod:`~diplomacy_ner.rules.person_clusters`), roles (:mod:`~diplomacy_ner.rules.roles`)
and the other entities (:mod:`~diplomacy_ner.rules.entities`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from spacy import util
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import SimpleFrozenList

from ..extensions import SPAN_KEY, register_extensions, span_info
from ..kb.alias_index import DEFAULT_FUZZY_THRESHOLD, Candidate
from ..kb.knowledge_base import KnowledgeBase, user_records_bytes, with_user_records
from ..kb.records import KBRecord
from ..offsets import offset_map, source_text, span_mention
from ..rules.entities import country_entities, entity_bodies, named_entities, place_entities
from ..rules.kb_links import KBLinks
from ..rules.person_clusters import cluster_people, person_names
from ..rules.roles import find_roles
from ..rules.title_links import title_contexts
from ..rules.tokens import TokenWords


class LinkerKB:
    """For components that read the knowledge base of the pipeline's linker (``self.nlp``)."""

    nlp: Language
    _fallback_kb: KnowledgeBase | None = None

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base of the pipeline's linker (the shipped one when there is no linker)."""
        for _, component in self.nlp.pipeline:
            if isinstance(component, Linker):
                return component.kb
        if self._fallback_kb is None:
            self._fallback_kb = KnowledgeBase.default()
        return self._fallback_kb


class Linker:
    """Resolve every mention to a canonical entity and give people their roles.

    The linker owns the pipeline's knowledge base, as spaCy's ``EntityLinker`` does:
    it loads it from the configured files in :meth:`initialize` (or on first use),
    saves the records that are not shipped with the pipeline (``to_disk``,
    ``to_bytes``) and restores them on load, so a saved pipeline needs none of
    the user's files. Other components read ``nlp.get_pipe("diplomacy_linker").kb``.

    nlp (Language): the pipeline.
    name (str): component name.
    kb_files (Sequence[str]): extra knowledge-base files, read by :meth:`initialize`.
    fuzzy_threshold (int): rapidfuzz ratio (0-100) for fuzzy name matches, passed to the alias index.
    spans_key (str): the span group read and rewritten.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "diplomacy_linker",
        *,
        kb_files: Sequence[str] = (),
        fuzzy_threshold: int = DEFAULT_FUZZY_THRESHOLD,
        spans_key: str = SPAN_KEY,
    ):
        register_extensions()
        self.name = name
        self.kb_files = list(kb_files)
        self._kb: KnowledgeBase | None = None
        self.fuzzy_threshold = fuzzy_threshold
        self.spans_key = spans_key

    # -- the knowledge base ----------------------------------------------------------------
    def initialize(
        self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Language | None = None,
        kb_files: Sequence[str] | None = None,
    ) -> None:
        """Load the knowledge base: the shipped records plus ``kb_files`` (default: the configured ones).

        get_examples (Callable | None): not used (the linker is not trained).
        nlp (Language | None): not used.
        kb_files (Sequence[str] | None): files to read instead of the configured ones.
        """
        if kb_files is not None:
            self.kb_files = list(kb_files)
        files = [Path(f) for f in self.kb_files]
        self._kb = KnowledgeBase.from_files(files, include_default=True) if files else KnowledgeBase.default()

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base (loaded from the configured files on first use)."""
        if self._kb is None:
            self.initialize()
        assert self._kb is not None
        return self._kb

    @kb.setter
    def kb(self, kb: KnowledgeBase) -> None:
        self._kb = kb

    def add_records(self, records: Iterable[KBRecord]) -> None:
        """Add knowledge-base records; a record with a known id replaces it.

        records (Iterable[KBRecord]): validated records.
        """
        kb = self.kb
        for record in records:
            kb.add(record)

    def candidates(self, text: str, *, types: Sequence[str], limit: int = 1, fuzzy: bool = True) -> list[Candidate]:
        """The alias index's scored candidates for a mention, at this linker's ``fuzzy_threshold``
        (what every lookup of the linker asks; see :meth:`KBLinks.candidates`)."""
        return KBLinks(self.kb, self.fuzzy_threshold).candidates(text, types=types, limit=limit, fuzzy=fuzzy)

    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        """The records of the knowledge base that are not shipped, as bytes."""
        return util.to_bytes({"kb": lambda: user_records_bytes(self.kb)}, exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()) -> Linker:
        """Load what :meth:`to_bytes` wrote; the knowledge base held before is dropped."""

        def load_kb(data: bytes) -> None:
            self._kb = with_user_records(data)

        util.from_bytes(bytes_data, {"kb": load_kb}, exclude)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        """Save the records of the knowledge base that are not shipped (``kb.jsonl``)."""
        util.to_disk(path, {"kb.jsonl": self.kb.user_records_to_jsonl}, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> Linker:
        """Load what :meth:`to_disk` wrote; the knowledge base held before is dropped."""

        def load_kb(file: Path) -> None:
            data = file.read_bytes() if file.is_file() else b""
            self._kb = with_user_records(data, label=str(file))

        util.from_disk(path, {"kb.jsonl": load_kb}, exclude)
        return self

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans[self.spans_key]) if self.spans_key in doc.spans else []
        published = dt.date.fromisoformat(doc._.published) if doc._.published else None
        omap = offset_map(doc)
        source = source_text(doc)  # read once for every mention below
        by_label: dict[str, list[Span]] = {}
        for s in spans:
            by_label.setdefault(s.label_, []).append(s)
        links = KBLinks(self.kb, self.fuzzy_threshold)

        people = by_label.get("PERSON", [])
        clusters = cluster_people(people, links, title_contexts(doc, people, by_label.get("TITLE", [])))
        span_entity: dict[tuple[int, int, str], str] = {}
        for c in clusters:
            for s in c.spans:
                span_entity[(s.start, s.end, "PERSON")] = c.id

        countries = country_entities(links, by_label.get("COUNTRY", []), span_entity)
        home = doc._.home_country  # from diplomacy_document
        # without a publication date, KB roles are dated by the latest year the text mentions
        reference = published or _text_date(doc)
        roles, title_person = find_roles(
            links, doc, clusters, by_label.get("TITLE", []), reference, home, by_label.get("COUNTRY", []),
            by_label.get("PLACE", []),
        )
        bodies = named_entities(links, entity_bodies(by_label), "body", span_entity, home, doc)
        agreements = named_entities(links, by_label.get("AGREEMENT", []), "agreement", span_entity, home, doc)
        places = place_entities(by_label.get("PLACE", []), span_entity)

        entities: list[dict[str, Any]] = []
        for c in clusters:
            info = roles.get(c.id, {})
            name, aliases = person_names(c, self.kb)
            entities.append(
                {
                    "id": c.id,
                    "type": "person",
                    "name": name,
                    "aliases": aliases,
                    "role": info.get("role"),
                    "country": info.get("country"),
                    "in_kb": c.kb_id is not None,
                    "mentions": [span_mention(s, omap, source) for s in c.spans],
                }
            )
        for group in (countries, bodies, agreements, places):
            for ent in group:
                ent["mentions"] = [span_mention(s, omap, source) for s in ent.pop("_spans")]
                entities.append(ent)
        doc._.entities = entities
        doc._.person_roles = roles
        doc._.body_codes = self._body_codes(links, spans, bodies)

        # rewrite the span group with canonical ids
        new_spans = []
        for s in spans:
            label = s.label_
            new = Span(doc, s.start, s.end, label=label, kb_id=span_entity.get((s.start, s.end, label), s.kb_id_))
            if label == "TITLE":
                new._.info = {**(span_info(s) or {}), "person": title_person.get((s.start, s.end))}
            # other spans keep their info: spaCy keys it by the span's characters, which stay the same
            new_spans.append(new)
        doc.spans[self.spans_key] = new_spans
        return doc

    def _body_codes(self, links: KBLinks, spans: list[Span], bodies: list[dict[str, Any]]) -> dict[str, str | None]:
        """The participant code of every body a span or a title names (for the meeting step)."""
        ids = [e["id"] for e in bodies] + [s.kb_id_ for s in spans if s.label_ == "BODY"]
        ids += [b for s in spans if s.label_ == "TITLE" for b in (span_info(s) or {}).get("bodies") or []]
        return {body_id: links.body_code(body_id) for body_id in dict.fromkeys(ids) if body_id}


def _text_date(doc: Doc) -> dt.date | None:
    """Mid-year of the latest year (1950-2099) the text mentions, or None."""
    text = TokenWords.of(doc).whole_text()  # doc.text builds a Token object per token
    years = [int(y) for y in re.findall(r"\b(19[5-9]\d|20\d\d)\b", text)]
    return dt.date(max(years), 6, 30) if years else None


@Language.factory(
    "diplomacy_linker",
    default_config={"kb_files": [], "fuzzy_threshold": DEFAULT_FUZZY_THRESHOLD, "spans_key": SPAN_KEY},
    assigns=["doc._.entities", "doc._.person_roles", "doc._.body_codes", "doc.spans"],
    requires=["doc.spans", "doc._.home_country"],
)
def make_linker(nlp: Language, name: str, kb_files: list[str], fuzzy_threshold: int, spans_key: str) -> Linker:
    """Factory of :class:`Linker`."""
    return Linker(nlp, name, kb_files=kb_files, fuzzy_threshold=fuzzy_threshold, spans_key=spans_key)
