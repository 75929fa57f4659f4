"""Roles of the people of a document: the titles the text gives them ("le ministre
ghanéen des Affaires étrangères, Kwame Asante"), completed by the knowledge base's
dated roles, and unnamed titles resolved to a named official of the same country."""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.tokens import Doc, Span

from ..folding import fold
from ..lexicons import word_set
from .kb_links import KBLinks
from .person_clusters import PersonCluster

GENERIC_CLASSES = frozenset({"generic"})


def find_roles(
    links: KBLinks,
    doc: Doc,
    clusters: list[PersonCluster],
    titles: list[Span],
    published: dt.date | None,
    home: str | None,
) -> tuple[dict[str, dict[str, Any]], dict[tuple[int, int], str | None]]:
    """Roles of the people (text first, then the KB role valid on ``published``) and the person each title describes."""
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
        person = person_after(doc, t.end, person_at_start)
        if person is None:
            person = person_before(doc, t.start, person_at_end)
        title_person[(t.start, t.end)] = person.id if person else None
        if person is not None:
            attached.setdefault(person.id, []).append(t)
    roles: dict[str, dict[str, Any]] = {}
    for c in clusters:
        info = role_from_titles(links, attached.get(c.id, []))
        kb_role = None
        if c.kb_id:
            person = links.kb.get(c.kb_id)
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
                for code in links.codes_with_parents(country):
                    last_by_country[code] = obj
            continue
        t = obj
        if title_person.get((t.start, t.end)) is not None:
            continue
        info = t._.info or {}
        codes = list(info.get("countries") or []) + [links.body_code(b) for b in info.get("bodies") or []]
        codes = [c for c in codes if c]
        for code in codes:
            if code in last_by_country and info.get("class") != "diplomat":
                title_person[(t.start, t.end)] = last_by_country[code]
                break
    return roles, title_person


def person_after(doc: Doc, i: int, person_at_start: dict[int, PersonCluster]) -> PersonCluster | None:
    """The person right after a title, over commas, honorifics and ranks ("…, le général de division X")."""
    n = len(doc)
    j = i
    while j < n and j - i <= 7 and j not in person_at_start:
        tok = doc[j]
        if tok.text in word_set("forms_of_address_before_name") or tok.lower_ in word_set("words_between_title_and_name"):
            j += 1
            continue
        break
    return person_at_start.get(j)


def person_before(doc: Doc, i: int, person_at_end: dict[int, PersonCluster]) -> PersonCluster | None:
    """The person right before a title, across a comma or an opening bracket."""
    j = i
    if j > 0 and doc[j - 1].text in (",", "("):
        j -= 1
        return person_at_end.get(j)
    return None


def role_from_titles(links: KBLinks, titles: list[Span]) -> dict[str, Any]:
    """Role, country and class of a person from the titles attached to it."""
    best: dict[str, Any] = {}
    for t in titles:
        info = t._.info or {}
        if info.get("class") in GENERIC_CLASSES and best:
            continue
        countries = list(info.get("countries") or [])
        bodies = list(info.get("bodies") or [])
        country = countries[0] if countries else None
        if country is None and bodies:
            country = links.body_code(bodies[0])
        if country is None:
            country = links.demonym_country(info.get("role") or "")
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
