"""``diplomacy_linker``: one canonical entity per person, country, body,
agreement and place, with every mention; roles and countries of people.

Reads: ``doc.spans[spans_key]`` from ``diplomacy_entity_rules``.
Reads ``doc._.dateline`` and ``doc._.home_country`` from ``diplomacy_document``.
Sets: ``doc._.entities`` (schema ``Entity`` as dicts), ``doc._.person_roles``
(entity id -> {role, country, class, source}), ``doc._.body_codes``, and
rewrites ``doc.spans[spans_key]`` so every span's ``kb_id_`` is the id of its
canonical entity; a TITLE span's ``_.info["person"]`` names the person it
describes (or None for an unnamed official).

Linking cascade for a person: the knowledge base by exact alias, by folded
alias ("Dacic" = "Dačić"), then document-level clustering: "M. Laftit",
"Laftit" join "Abdelouafi Laftit"; fuzzy surname match for spelling variants
("Ould Merzoug" / "Ould Merzouk"). People the KB does not know get a stable
document-level id and keep the role and country the text gives them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy import util
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import SimpleFrozenList

from ..extensions import SPAN_KEY, register_extensions
from ..folding import fold, strip_honorifics
from ..kb.alias_index import DEFAULT_FUZZY_THRESHOLD, Candidate, similarity
from ..kb.knowledge_base import KnowledgeBase
from ..kb.records import BodyRecord, KBRecord
from ..offsets import offset_map, span_mention

GENERIC_CLASSES = {"generic"}
@dataclass
class PersonCluster:
    """The mentions of one person in a document; ``name`` is the longest form used."""

    id: str
    spans: list[Span] = field(default_factory=list)
    kb_id: str | None = None
    name: str = ""
    tokens: list[str] = field(default_factory=list)

    def add(self, span: Span) -> None:
        self.spans.append(span)
        text = span.text
        if (len(text.split()), len(text)) > (len(self.name.split()), len(self.name)):
            self.name = text
            self.tokens = fold(text).split()


def _extends(longer: list[str], shorter: list[str]) -> bool:
    """Whether the words ``longer`` hold every word of ``shorter``, in order, and more."""
    if len(longer) <= len(shorter):
        return False
    rest = iter(longer)
    return all(word in rest for word in shorter)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


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
        """Scored candidates of the alias index (exact, folded, then fuzzy at ``fuzzy_threshold``).

        text (str): the mention.
        types (Sequence[str]): entity types to keep ("person", "body"...).
        limit (int): at most this many.
        fuzzy (bool): whether the fuzzy step may run.
        RETURNS (list[Candidate]): best first.
        """
        return self.kb.alias_index.candidates(text, types=types, limit=limit, fuzzy=fuzzy, threshold=self.fuzzy_threshold)

    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        """The records of the knowledge base that are not shipped, as bytes."""
        return util.to_bytes({"kb": self.kb.user_records_to_bytes}, exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()) -> Linker:
        """Load what :meth:`to_bytes` wrote; the knowledge base held before is dropped."""

        def load_kb(data: bytes) -> None:
            self._kb = KnowledgeBase.with_user_records(data)

        util.from_bytes(bytes_data, {"kb": load_kb}, exclude)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        """Save the records of the knowledge base that are not shipped (``kb.jsonl``)."""
        util.to_disk(path, {"kb.jsonl": self.kb.user_records_to_jsonl}, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> Linker:
        """Load what :meth:`to_disk` wrote; the knowledge base held before is dropped."""

        def load_kb(file: Path) -> None:
            data = file.read_bytes() if file.is_file() else b""
            self._kb = KnowledgeBase.with_user_records(data, label=str(file))

        util.from_disk(path, {"kb.jsonl": load_kb}, exclude)
        return self

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans[self.spans_key]) if self.spans_key in doc.spans else []
        published = dt.date.fromisoformat(doc._.published) if doc._.published else None
        omap = offset_map(doc)
        by_label: dict[str, list[Span]] = {}
        for s in spans:
            by_label.setdefault(s.label_, []).append(s)

        clusters = self._cluster_people(by_label.get("PERSON", []))
        span_entity: dict[tuple[int, int, str], str] = {}
        for c in clusters:
            for s in c.spans:
                span_entity[(s.start, s.end, "PERSON")] = c.id

        countries = self._country_entities(by_label.get("COUNTRY", []), span_entity)
        home = doc._.home_country  # from diplomacy_document
        # without a publication date, KB roles are dated by the latest year the text mentions
        reference = published or _text_date(doc)
        roles, title_person = self._roles(doc, clusters, by_label.get("TITLE", []), reference, home)
        bodies = self._named_entities(self._entity_bodies(by_label), "body", span_entity, home, doc)
        agreements = self._named_entities(by_label.get("AGREEMENT", []), "agreement", span_entity, home, doc)
        places = self._place_entities(by_label.get("PLACE", []), span_entity)

        entities: list[dict[str, Any]] = []
        for c in clusters:
            info = roles.get(c.id, {})
            name, aliases = self._person_names(c)
            entities.append(
                {
                    "id": c.id,
                    "type": "person",
                    "name": name,
                    "aliases": aliases,
                    "role": info.get("role"),
                    "country": info.get("country"),
                    "in_kb": c.kb_id is not None,
                    "mentions": [span_mention(s, omap) for s in c.spans],
                }
            )
        for group in (countries, bodies, agreements, places):
            for ent in group:
                ent["mentions"] = [span_mention(s, omap) for s in ent.pop("_spans")]
                entities.append(ent)
        doc._.entities = entities
        doc._.person_roles = roles
        doc._.body_codes = self._body_codes(spans, bodies)

        # rewrite the span group with canonical ids
        new_spans = []
        for s in spans:
            ent_id = span_entity.get((s.start, s.end, s.label_), s.kb_id_)
            new = Span(doc, s.start, s.end, label=s.label_, kb_id=ent_id)
            info = dict(s._.info or {})
            if s.label_ == "TITLE":
                info["person"] = title_person.get((s.start, s.end))
            if info:
                new._.info = info
            new_spans.append(new)
        doc.spans[self.spans_key] = new_spans
        return doc

    # -- people ---------------------------------------------------------------------------
    def _cluster_people(self, spans: list[Span]) -> list[PersonCluster]:
        clusters: list[PersonCluster] = []
        ordered = sorted(spans, key=lambda s: (-len(fold(s.text).split()), -len(s.text), s.start))
        for span in ordered:
            toks = fold(span.text).split()
            if not toks:
                continue
            kb_id = span.kb_id_ or self._kb_person(span.text, allow_surname=False)
            target = None
            for c in clusters:
                if kb_id and c.kb_id == kb_id:
                    target = c
                    break
                if self._same_person(toks, c.tokens):
                    target = c
                    break
            if target is None and len(toks) == 1:
                # "M. Chen" (Chen Shui-bian), "Mme Ibáñez" (Begoña Ibáñez Ruiz): one token of exactly one longer name
                holders = [c for c in clusters if len(c.tokens) >= 2 and toks[0] in c.tokens]
                if len(holders) == 1:
                    target = holders[0]
            if target is None:
                if kb_id is None and len(toks) == 1:
                    kb_id = self._kb_person(span.text, allow_surname=True)
                    if kb_id:
                        target = next((c for c in clusters if c.kb_id == kb_id), None)
                if target is None:
                    target = PersonCluster(id=kb_id or f"doc-person:{_slug(span.text)}", kb_id=kb_id)
                    clusters.append(target)
            target.add(span)
            if target.kb_id is None and kb_id:
                target.kb_id = kb_id
                target.id = kb_id
        for c in clusters:
            c.spans.sort(key=lambda s: s.start)
        clusters.sort(key=lambda c: c.spans[0].start)
        return clusters

    def _person_names(self, cluster: PersonCluster) -> tuple[str, list[str]]:
        """A person's canonical name and other names.

        The name is the longest form the text uses, without honorific ("Mme Koné"
        gives "Koné"), except for a person of the knowledge base: the KB's name
        when it ends with the same word ("Laftit" gives "Abdelouafi Laftit"), unless
        the text's form is that name made longer ("José Manuel Albares Bueno" for
        "José Manuel Albares"). A text form that ends otherwise ("Mohammed ben Zayed"
        for "Mohammed ben Zayed Al Nahyane") is kept, so that the name keeps the
        surname the text uses. The aliases are the other forms the text uses, as
        written, then the KB's name and aliases.

        RETURNS (tuple[str, list[str]]): the name and the aliases (without the name).
        """
        written = list(dict.fromkeys(" ".join(s.text.split()) for s in cluster.spans))
        bare = [strip_honorifics(form) or form for form in written]
        name = max(bare, key=lambda form: (len(form.split()), len(form)), default=cluster.name)
        record = self.kb.get(cluster.kb_id) if cluster.kb_id else None
        kb_names = [record.name, *getattr(record, "aliases", ())] if record is not None else []
        if record is not None:
            words, kb_words = fold(name).split(), fold(record.name).split()
            if words and kb_words and words[-1] == kb_words[-1] and not _extends(words, kb_words):
                name = record.name
        return name, [alias for alias in dict.fromkeys([*written, *kb_names]) if alias != name]

    def _same_person(self, short: list[str], full: list[str]) -> bool:
        if short == full:
            return True
        if len(short) <= len(full) and full[-len(short):] == short:
            return True
        if len(short) < len(full) and "".join(short) == "".join(full[-2:]):
            return True
        if "".join(short) == "".join(full):
            return True
        tail = full[-len(short):] if len(short) <= len(full) else full
        a, b = " ".join(short), " ".join(tail)
        if len(a) > 4 and similarity(a, b) >= self.fuzzy_threshold:
            return True
        # "Benyoucef" vs "Ben Youcef", "Goncalves Brito" vs "João Manuel Gonçalves Brito"
        return len(short) == 1 and len(full) >= 2 and similarity(short[0], "".join(full[-2:])) >= self.fuzzy_threshold

    def _kb_person(self, text: str, *, allow_surname: bool) -> str | None:
        for cand in self.candidates(text, types=("person",)):
            return cand.entity_id
        if allow_surname:
            ids = self.kb.alias_index.surname(text)
            if len(ids) == 1:
                return ids[0]
        return None

    def _roles(
        self,
        doc: Doc,
        clusters: list[PersonCluster],
        titles: list[Span],
        published: dt.date | None,
        home: str | None,
    ) -> tuple[dict[str, dict[str, Any]], dict[tuple[int, int], str | None]]:
        person_at_start: dict[int, PersonCluster] = {}
        person_at_end: dict[int, PersonCluster] = {}
        for c in clusters:
            for s in c.spans:
                person_at_start[s.start] = c
                person_at_end[s.end] = c
        attached: dict[str, list[Span]] = {}
        title_person: dict[tuple[int, int], str | None] = {}
        titles = sorted(titles, key=lambda t: t.start)
        for t in titles:
            person = self._person_after(doc, t.end, person_at_start)
            if person is None:
                person = self._person_before(doc, t.start, person_at_end)
            title_person[(t.start, t.end)] = person.id if person else None
            if person is not None:
                attached.setdefault(person.id, []).append(t)
        roles: dict[str, dict[str, Any]] = {}
        for c in clusters:
            info = self._role_from_titles(attached.get(c.id, []))
            kb_role = None
            if c.kb_id:
                person = self.kb.get(c.kb_id)
                kb_role = person.role_on(published) if person is not None and hasattr(person, "role_on") else None
            if kb_role is not None:
                text_role = info.get("role") or ""
                if not text_role or (len(text_role.split()) == 1 and fold(kb_role.title).startswith(fold(text_role))):
                    # the text says only "ministre": the KB knows which ministry on that date
                    info["role"] = kb_role.title
                    info["source"] = "kb"
                if not info.get("country"):
                    info["country"] = kb_role.country
            roles[c.id] = info
        # unnamed titles: coreference with a named official of the same country ("le président syrien")
        last_by_country: dict[str, str] = {}
        mentions = sorted(
            [(s.start, "P", c.id) for c in clusters for s in c.spans] + [(t.start, "T", t) for t in titles],
            key=lambda x: x[0],
        )
        for _, kind, obj in mentions:
            if kind == "P":
                country = roles.get(obj, {}).get("country")
                if country:
                    for code in self._codes_with_parents(country):
                        last_by_country[code] = obj
                continue
            t = obj
            if title_person.get((t.start, t.end)) is not None:
                continue
            info = t._.info or {}
            codes = list(info.get("countries") or []) + [self._body_code(b) for b in info.get("bodies") or []]
            codes = [c for c in codes if c]
            for code in codes:
                if code in last_by_country and info.get("class") != "diplomat":
                    title_person[(t.start, t.end)] = last_by_country[code]
                    break
        return roles, title_person

    def _codes_with_parents(self, code: str) -> list[str]:
        """'OIM' and the bodies above it ('ONU'): "la responsable onusienne" is the OIM's chief."""
        out = [code]
        if len(code) == 2 and code.isupper():
            return out
        seen = set()
        for cand in self.candidates(code, types=("body",), limit=3, fuzzy=False):
            rec = self.kb.get(cand.entity_id)
            while rec is not None and getattr(rec, "parent", None) and rec.id not in seen:
                seen.add(rec.id)
                rec = self.kb.get(rec.parent)
                if rec is not None:
                    parent_code = getattr(rec, "code", None) or getattr(rec, "acronym", None)
                    if parent_code and parent_code not in out:
                        out.append(parent_code)
        return out

    def _person_after(self, doc: Doc, i: int, person_at_start: dict[int, PersonCluster]) -> PersonCluster | None:
        """The person right after a title, over commas, honorifics and ranks ("…, le général de division X")."""
        n = len(doc)
        j = i
        while j < n and j - i <= 7 and j not in person_at_start:
            tok = doc[j]
            if tok.text in (",", "M.", "Mme", "S.E.", "SE", "SM", "MM.") or tok.lower_ in _BETWEEN_TITLE_AND_NAME:
                j += 1
                continue
            break
        return person_at_start.get(j)

    def _person_before(self, doc: Doc, i: int, person_at_end: dict[int, PersonCluster]) -> PersonCluster | None:
        j = i
        if j > 0 and doc[j - 1].text in (",", "("):
            j -= 1
            return person_at_end.get(j)
        return None

    def _role_from_titles(self, titles: list[Span]) -> dict[str, Any]:
        best: dict[str, Any] = {}
        for t in titles:
            info = t._.info or {}
            if info.get("class") in GENERIC_CLASSES and best:
                continue
            countries = list(info.get("countries") or [])
            bodies = list(info.get("bodies") or [])
            country = countries[0] if countries else None
            if country is None and bodies:
                country = self._body_code(bodies[0])
            if country is None:
                country = self._demonym_country(info.get("role") or "")
            candidate = {
                "role": info.get("role"),
                "country": country,
                "class": info.get("class"),
                "source": "text",
            }
            if info.get("class") in GENERIC_CLASSES:
                candidate["role"] = None
            if not best or (best.get("class") in GENERIC_CLASSES) or (not best.get("country") and country):
                merged = {**best, **{k: v for k, v in candidate.items() if v}}
                best = merged
        return best

    def _demonym_country(self, role: str) -> str | None:
        """'… des Marocains résidant à l'étranger' names the minister's country."""
        for word in re.findall(r"[A-ZÀ-Ý][\w\-]+", role):
            for cand in self.candidates(word.lower(), types=("country",), limit=1, fuzzy=False):
                if cand.field == "adjective":
                    rec = self.kb.get(cand.entity_id)
                    return getattr(rec, "code", None)
        return None

    def _body_codes(self, spans: list[Span], bodies: list[dict[str, Any]]) -> dict[str, str | None]:
        """The participant code of every body a span or a title names (for the meeting step)."""
        ids = [e["id"] for e in bodies] + [s.kb_id_ for s in spans if s.label_ == "BODY"]
        ids += [b for s in spans if s.label_ == "TITLE" for b in (s._.info or {}).get("bodies") or []]
        return {body_id: self._body_code(body_id) for body_id in dict.fromkeys(ids) if body_id}

    def _body_code(self, body_id: str) -> str | None:
        rec = self.kb.get(body_id)
        return rec.participant_code() if isinstance(rec, BodyRecord) else None

    # -- other entities -------------------------------------------------------------------
    def _country_entities(self, spans: list[Span], span_entity: dict) -> list[dict[str, Any]]:
        groups: dict[str, list[Span]] = {}
        for s in spans:
            if not s.kb_id_.startswith("country:"):
                continue
            # country spans already carry their canonical id ("maroco-ivoirienne" is two spans, MA and CI)
            groups.setdefault(s.kb_id_, []).append(s)
        out = []
        for cid, group in groups.items():
            rec = self.kb.get(cid)
            out.append(
                {"id": cid, "type": "country", "name": rec.name if rec else cid, "code": cid.split(":", 1)[1], "in_kb": rec is not None, "_spans": group}
            )
        return out

    def _named_entities(self, spans: list[Span], kind: str, span_entity: dict, home: str | None, doc: Doc | None = None) -> list[dict[str, Any]]:
        dateline_end = ((doc._.dateline or {}).get("end", -1)) if doc is not None else -1
        groups: dict[str, dict[str, Any]] = {}
        spans = [s for s in spans if s.start_char >= dateline_end]  # "(MAP)" is the source, not a body in the news
        resolved: list[tuple[Span, str]] = []
        for s in spans:
            ent_id = s.kb_id_ or ""
            if ent_id.startswith("doc-"):
                pass
            elif ent_id:
                ent_id = self._disambiguate_national(ent_id, s.text, home)
            else:
                cand = next(iter(self.candidates(s.text, types=(kind,), fuzzy=False)), None)
                ent_id = cand.entity_id if cand else ""
            if not ent_id and doc is not None:
                # "Police nationale espagnole (CNP)": the name right before a known acronym is that body
                ent_id = self._acronym_after(doc, s, kind) or ""
            resolved.append((s, ent_id))
        # a shorter generic name that starts a longer one is the same body ("la Commission mixte")
        named = {_fold_name(s.text): eid for s, eid in resolved if eid}
        longer = sorted({_fold_name(s.text) for s, _ in resolved}, key=len, reverse=True)
        final: list[tuple[Span, str]] = []
        for s, ent_id in resolved:
            key = _fold_name(s.text)
            if not ent_id:
                target = next((k for k in longer if k != key and k.startswith(key + " ")), None)
                if target is not None and len(key.split()) >= 2:
                    ent_id = named.get(target) or f"doc-{kind}:{_slug(target)}"
                else:
                    ent_id = f"doc-{kind}:{_slug(_strip_article(s.text))}"
            final.append((s, ent_id))
        for s, ent_id in final:
            info = s._.info or {}
            span_entity[(s.start, s.end, s.label_)] = ent_id
            group = groups.setdefault(ent_id, {"_spans": [], "acronym": info.get("acronym")})
            group["_spans"].append(s)
            if info.get("acronym"):
                group["acronym"] = info["acronym"]
        out = []
        for ent_id, g in groups.items():
            rec = self.kb.get(ent_id)
            texts = [_strip_article(s.text) for s in g["_spans"]]
            acronym = g.get("acronym") or (getattr(rec, "acronym", None) if rec else None)
            if rec is not None and kind != "agreement":
                name = rec.name
            else:
                # agreements and unknown bodies keep the form the text uses (the longest)
                name = max(texts, key=len) if kind == "agreement" or not acronym else acronym
            aliases = sorted({t for t in texts if t and t != name and t != acronym})
            out.append(
                {
                    "id": ent_id,
                    "type": kind,
                    "name": name,
                    "acronym": acronym,
                    "aliases": aliases,
                    "country": getattr(rec, "country", None) if rec else None,
                    "in_kb": rec is not None,
                    "_spans": g["_spans"],
                }
            )
        return out

    def _entity_bodies(self, by_label: dict[str, list[Span]]) -> list[Span]:
        """Body mentions, less a minister's portfolio ("chargée de la Francophonie")."""
        ministers = [t for t in by_label.get("TITLE", []) if (t._.info or {}).get("class") in ("minister", "prime_minister")]
        out = []
        for b in by_label.get("BODY", []):
            inside = any(t.start <= b.start and b.end <= t.end for t in ministers)
            if inside and not b.text.isupper():
                continue
            out.append(b)
        return out

    def _acronym_after(self, doc: Doc, span: Span, kind: str) -> str | None:
        end = span.end
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            for cand in self.candidates(doc[end + 1].text, types=(kind,), limit=1, fuzzy=False):
                return cand.entity_id
        return None

    def _disambiguate_national(self, ent_id: str, text: str, home: str | None) -> str:
        rec = self.kb.get(ent_id)
        if rec is None or getattr(rec, "scope", None) != "national" or home is None or getattr(rec, "country", None) == home:
            return ent_id
        for cand in self.candidates(text, types=("body",), limit=10, fuzzy=False):
            other = self.kb.get(cand.entity_id)
            if other is not None and getattr(other, "country", None) == home:
                return cand.entity_id
        return ent_id

    def _place_entities(self, spans: list[Span], span_entity: dict) -> list[dict[str, Any]]:
        groups: dict[str, list[Span]] = {}
        for s in spans:
            groups.setdefault(s.kb_id_, []).append(s)
            span_entity[(s.start, s.end, "PLACE")] = s.kb_id_
        out = []
        for pid, group in groups.items():
            info = group[0]._.info or {}
            out.append({"id": pid, "type": "place", "name": info.get("name") or group[0].text, "country": info.get("country"), "in_kb": True, "_spans": group})
        return out



_BETWEEN_TITLE_AND_NAME = {
    "monsieur", "madame", "son", "sa", "excellence", "majesté", "le", "la", "l'", "roi", "reine", "dr", "docteur",
    "professeur", "pr", "m.", "général", "générale", "colonel", "colonel-major", "amiral", "commandant",
    "lieutenant-général", "de", "d'", "division", "brigade", "corps", "armée", "cheikh", "prince", "princesse",
}


def _text_date(doc: Doc) -> dt.date | None:
    """Mid-year of the latest year (1950-2099) the text mentions, or None."""
    years = [int(y) for y in re.findall(r"\b(19[5-9]\d|20\d\d)\b", doc.text)]
    return dt.date(max(years), 6, 30) if years else None


def _fold_name(text: str) -> str:
    return fold(_strip_article(text))


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:le |la |les |l'|l’)", "", text.strip(), flags=re.I)


@Language.factory(
    "diplomacy_linker",
    default_config={"kb_files": [], "fuzzy_threshold": DEFAULT_FUZZY_THRESHOLD, "spans_key": SPAN_KEY},
    assigns=["doc._.entities", "doc._.person_roles", "doc._.body_codes", "doc.spans"],
    requires=["doc.spans", "doc._.home_country"],
)
def make_linker(nlp: Language, name: str, kb_files: list[str], fuzzy_threshold: int, spans_key: str) -> Linker:
    """Factory of :class:`Linker`."""
    return Linker(nlp, name, kb_files=kb_files, fuzzy_threshold=fuzzy_threshold, spans_key=spans_key)
