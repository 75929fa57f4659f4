"""Roles of the people of a document: the titles the text gives them ("le ministre
ghanéen des Affaires étrangères, Kwame Asante"), completed by the knowledge base's
dated roles, and unnamed titles resolved to a named official of the same country."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span

from ..folding import fold
from ..lexicons import word_set
from .kb_links import KBLinks
from .person_clusters import PersonCluster
from .respective import portfolio_items, respective_items
from .role_lists import bracket_items, demonym_items, group_country, list_items, singular_role
from ..extensions import span_info
from .title_owners import (
    bracketed_country,
    capacity_subject,
    country_beside,
    fronted_adjunct,
    inner_title,
    person_after,
    person_before,
    place_country,
    stacked_titles,
)

GENERIC_CLASSES = frozenset({"generic"})


def find_roles(
    links: KBLinks,
    doc: Doc,
    clusters: list[PersonCluster],
    titles: list[Span],
    published: dt.date | None,
    home: str | None,
    countries: list[Span] | None = None,
    places: list[Span] | None = None,
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
    appended_at: dict[int, PersonCluster] = {}  # end of a title in apposition after its person
    for t in titles:
        capacity = capacity_subject(doc, t, person_at_start, person_at_end)
        person = capacity if capacity is not None else person_after(doc, t.end, person_at_start)
        if person is not None and capacity is None and fronted_adjunct(doc, t, person):
            person = None  # "Outre le président togolais, X a échangé …": X is not that president
        if person is not None and capacity is None and inner_title(doc, t):
            # "X, secrétaire d'État auprès du ministre des Affaires étrangères Y": Y is the inner title's
            person = person_before(doc, t.start, person_at_end, end=t.end) or person
        if person is None:
            person = person_before(doc, t.start, person_at_end, end=t.end)
            if person is None and t.start > 0 and doc[t.start - 1].text == ",":
                person = appended_at.get(t.start - 1)  # "X, ambassadeur, haut représentant de …"
            if person is not None:
                appended_at[t.end] = person
        title_person[(t.start, t.end)] = person.id if person else None
        if person is not None:
            attached.setdefault(person.id, []).append(t)
    stacked_titles(doc, titles, title_person, attached)
    roles: dict[str, dict[str, Any]] = {}
    demonyms = demonym_countries(doc, countries or [])
    named_at = {s.start: s for s in countries or [] if (span_info(s) or {}).get("form") is None and s.kb_id_.startswith("country:")}
    items = {
        **bracket_items(doc, clusters, attached, countries or []),
        **demonym_items(doc, clusters, attached, countries or []),
        **list_items(doc, clusters, attached, countries or []),
        **{k: v for k, v in respective_items(doc, clusters, titles).items() if not attached.get(k)},
    }
    portfolios = portfolio_items(doc, clusters, attached, titles)
    free = [t for t in titles if title_person.get((t.start, t.end)) is None and not (span_info(t) or {}).get("former")]
    for c in clusters:
        own = attached.get(c.id, [])
        # a former office ("l'ancien ministre X") is the role only when the text gives no other
        info = role_from_titles(links, [t for t in own if not (span_info(t) or {}).get("former")] or own)
        if not own and c.id in items:
            # "les ministres … de la Pologne, X, du Danemark, Y": Y holds the same office, for Denmark
            title, code = items[c.id]
            info = {**role_from_titles(links, [title]), "country": code}
        elif not own and c.id in portfolios:  # "les ministres des Affaires étrangères, X, de la Justice, Y"
            info = {"role": portfolios[c.id], "source": "text"}
        if info.get("role"):
            info["role"] = singular_role(info["role"])
        if not info.get("country"):
            # "le Camerounais Paul Nkoulou": a capitalised demonym right before a mention of the person;
            # "Paul Nkoulou du Cameroun", "du Cameroun (Paul Nkoulou)": a country named right beside it
            code = next((demonyms[s.start] for s in c.spans if s.start in demonyms), None)
            if code is None and (info.get("role") or info.get("class")):
                # only for a person the text gives a title: a bare name in a list keeps what the
                # meeting step reads from the list's own title ("les ambassadeurs …: X de Serbie, …")
                code = next((k for s in c.spans if (k := country_beside(doc, s, named_at))), None)
            if code is None:
                # "X (Bulgarie), Y (Irlande)": a bracketed country right after the name is whom it represents
                code = next((k for s in c.spans if (k := bracketed_country(doc, s, named_at))), None)
            if code is None:
                # "dix ministres sénégalais dont la ministre des Affaires étrangères X": the group's country
                code = next((k for t in own if (k := group_country(doc, t, titles))), None)
            if code is None:
                # "le prince héritier d'Abou Dhabi", "le maire de Lyon": the country of the place he governs
                code = next((k for t in own if (k := place_country(doc, t, places or []))), None)
            if code:
                info = {"source": "text", **info, "country": code}
        record = links.kb.get(c.kb_id) if c.kb_id else None
        kb_role = record.role_on(published) if record is not None and hasattr(record, "role_on") else None
        if kb_role is not None:
            text_role = info.get("role") or ""
            if not text_role or (
                len(text_role.split()) == 1
                and fold(kb_role.title).startswith(fold(text_role))
                and not names_the_state(links, kb_role.title[len(text_role) :])
            ):
                # the text says only "ministre": the KB knows which ministry on that date (but "le
                # président X" stays "président": "de la République" only restates whose president)
                info["role"] = kb_role.title
                info["source"] = "kb"
            if not info.get("country"):
                info["country"] = kb_role.country
            elif kb_role.country != info["country"] and info["country"] in links.codes_with_parents(kb_role.country)[1:]:
                # "haut-commissaire des Nations unies" of the HCR: the KB's agency, not its parent body
                info["country"] = kb_role.country
        elif record is not None and not info.get("country") and (info.get("role") or info.get("class")):
            # a title without a country, and no known office on that date: the state all the
            # person's known offices served, if only one (a person the text gives no title stays without)
            states = {r.country for r in getattr(record, "roles", ()) if len(r.country) == 2 and r.country.isupper()}
            if len(states) == 1:
                info["country"] = states.pop()
        elif record is not None and not info.get("country") and not info.get("role"):
            # "C'est un secrétaire général de l'OEA en fin de mandat … Luis Almagro": a title no one took
            # that names one of the person's known offices (its body or state, its head word)
            office = known_office(links, getattr(record, "roles", ()), free)
            if office is not None:
                info = {**info, "role": office.title, "country": office.country, "source": "kb"}
        roles[c.id] = info
    # unnamed titles: coreference with a named official of the same country ("le président syrien")
    named_in: dict[str, list[str]] = {}  # country → its named officials so far, in text order
    mentions = sorted(
        [(s.start, "P", c.id) for c in clusters for s in c.spans] + [(t.start, "T", t) for t in titles],
        key=lambda x: x[0],
    )
    former_of: dict[str, str] = {}  # folded role of a former office -> the person it was given to
    for t in titles:
        info = span_info(t) or {}
        if info.get("former") and info.get("role"):
            key = fold(info["role"])
            if title_person.get((t.start, t.end)) is not None:
                former_of.setdefault(key, title_person[(t.start, t.end)])
            elif key in former_of:
                title_person[(t.start, t.end)] = former_of[key]  # "l'ancien conseiller fédéral" again
    for _, kind, obj in mentions:
        if kind == "P":
            country = roles.get(obj, {}).get("country")
            if country:
                for code in links.codes_with_parents(country):
                    named_in.setdefault(code, []).append(obj)
            continue
        t = obj
        if title_person.get((t.start, t.end)) is not None:
            continue
        info = span_info(t) or {}
        codes = list(info.get("countries") or []) + [links.body_code(b) for b in info.get("bodies") or []]
        codes = [c for c in codes if c]
        if len(set(codes)) > 1 and _plural_title(t):
            continue  # "les ministres … de la Jordanie, du Maroc et de l'Egypte": one official each, not one person
        for code in codes:
            if code in named_in and info.get("class") != "diplomat":
                # the last official of that country whose office is compatible: "le chef du gouvernement
                # cambodgien" after "le roi du Cambodge" is the prime minister named before, not the king
                cls = info.get("class")
                fitting = [pid for pid in reversed(named_in[code]) if compatible_class(roles.get(pid, {}).get("class"), cls)]
                # "le vice-président chinois" is the vice-president named before, not the president
                word = (info.get("role") or "").casefold().split()[:1]
                target = next(
                    (pid for pid in fitting if (roles.get(pid, {}).get("role") or "").casefold().split()[:1] == word), None
                ) if word else None
                # "le chef de l'État malien" after the Malian president and a Malian known only as "son
                # homologue": an official of the title's own class before one whose class is unknown
                same = [pid for pid in fitting if cls and roles.get(pid, {}).get("class") == cls]
                target = target or next(iter(same), None) or next(iter(fitting), None)
                if target is not None:
                    title_person[(t.start, t.end)] = target
                break
    complete_bare_heads(roles, titles, title_person, home)
    return roles, title_person


def known_office(links: KBLinks, offices: Any, titles: list[Span]) -> Any:
    """The first of a person's known offices (knowledge-base roles) that one of ``titles`` names: the
    same state or body, the same office ("secrétaire général de l'OEA"); None when none does."""
    for t in titles:
        info = span_info(t) or {}
        role = fold(info.get("role") or "")
        codes = set(info.get("countries") or []) | {links.body_code(b) for b in info.get("bodies") or []}
        for office in offices:
            if role and office.country in codes and fold(office.title) == role:
                return office
    return None


def complete_bare_heads(
    roles: dict[str, dict[str, Any]], titles: list[Span], title_person: dict[tuple[int, int], str | None], home: str | None
) -> None:
    """"Le Ministre des Affaires étrangères a reçu …" and then "le Ministre X": a person the text gives
    only a portfolio head, of the article's own country, holds the one office of that head the
    article names without a person, a country or a body (two such offices: nobody can tell)."""
    heads = {fold(w) for w in word_set("portfolio_heads")}
    free: dict[str, set[str]] = {}
    for t in titles:
        info = span_info(t) or {}
        role = info.get("role")
        if title_person.get((t.start, t.end)) is not None or not role or info.get("former") or info.get("countries") or info.get("bodies"):
            continue
        head = fold(role).split()[0]
        if head in heads and len(role.split()) > 1 and not _plural_title(t):
            free.setdefault(head, set()).add(role)
    for info in roles.values():
        role = info.get("role")
        if not role or fold(role) not in heads or info.get("country") not in (None, home):
            continue
        fuller = {fold(r): r for r in free.get(fold(role), ())}
        if len(fuller) == 1:
            info["role"] = next(iter(fuller.values()))


def _plural_title(title: Span) -> bool:
    return any(t.lower_ in word_set("plural_title_words") for t in title)


def names_the_state(links: KBLinks, rest: str) -> bool:
    """Whether what an office adds after its head word only names the state: "de la République",
    "des États-Unis", "du Royaume-Uni" (not a portfolio: "des Affaires étrangères")."""
    lead = word_set("de_forms") | word_set("definite_articles")
    elided = tuple(w for w in lead if w.endswith("'"))
    words = rest.replace("’", "'").split()
    while words and words[0].lower() in lead:
        words = words[1:]
    while words and words[0].lower().startswith(elided):
        words[0] = words[0][words[0].index("'") + 1 :]  # "l'Ukraine"
    name = " ".join(words)
    if not name:
        return False
    if name in word_set("state_words"):
        return True
    return any(c.entity_id.startswith("country:") for c in links.candidates(name, types=("country",), limit=1, fuzzy=False))


def compatible_class(held: str | None, title: str | None) -> bool:
    """Can an official whose office has class ``held`` be named by a title of class ``title``?"""
    return not held or not title or held == title or "generic" in (held, title)


def role_from_titles(links: KBLinks, titles: list[Span]) -> dict[str, Any]:
    """Role, country and class of a person from the titles attached to it.

    The role is the most specific the text gives: a later title that says more of the
    same office ("ministre", then "ministre des Affaires étrangères") replaces it; a
    different office ("Premier ministre", then "ministre des Finances") does not. The
    country is the first one a title names; a generic title ("son homologue") only
    gives a country.
    """
    if not titles:
        return {}
    role: str | None = None
    cls: str | None = None
    country: str | None = None
    for t in titles:
        info = span_info(t) or {}
        tcls = info.get("class")
        countries = list(info.get("countries") or [])
        bodies = list(info.get("bodies") or [])
        tcountry = countries[0] if countries else None
        if tcountry is None and bodies:
            tcountry = links.body_code(bodies[0])
        if tcountry is None:
            tcountry = links.demonym_country(info.get("role") or "")
        if country is None and tcountry:
            country = tcountry
        trole = info.get("role")
        if tcls in GENERIC_CLASSES or not trole:
            cls = cls or tcls
            continue
        if role is None or cls in GENERIC_CLASSES or more_specific(trole, role):
            role, cls = trole, tcls
    counterpart = any(fold(tok.text) in _counterpart_words() for t in titles for tok in t)
    # "l'ambassadeur en Haïti": the country of the posting, never the person's own
    posting = next((c for t in titles for c in (span_info(t) or {}).get("postings") or [] if c != country), None)
    best: dict[str, Any] = {"role": role, "country": country, "class": cls, "source": "text", "counterpart": counterpart, "posting": posting}
    return {k: v for k, v in best.items() if v}


@lru_cache(maxsize=1)
def _counterpart_words() -> frozenset[str]:
    return frozenset(fold(w) for w in word_set("counterpart_titles"))


def more_specific(longer: str, shorter: str) -> bool:
    """Whether the role ``longer`` names the office ``shorter`` names and says more
    ("ministre des Affaires étrangères" of "ministre"; not "ministre des Finances" of "Premier ministre")."""
    a, b = fold(longer).replace("'", " ").split(), fold(shorter).replace("'", " ").split()
    if len(a) <= len(b):
        return False
    rest = iter(a)
    return all(word in rest for word in b)


def demonym_countries(doc: Doc, countries: list[Span]) -> dict[int, str]:
    """Country code by the token a capitalised demonym after an article leads to
    ("le Camerounais Paul Nkoulou", "la Sénégalaise …": the name starts after the demonym)."""
    articles = word_set("definite_articles") | word_set("contracted_articles")  # "du Tchadien X", "au Gabonais X"
    out: dict[int, str] = {}
    for span in countries:
        if (span_info(span) or {}).get("form") != "adjective" or not span.kb_id_.startswith("country:"):
            continue
        if not span.text[:1].isupper() or span.start == 0 or span.end >= len(doc):
            continue
        if doc[span.start - 1].lower_ in articles:
            out[span.end] = span.kb_id_.split(":", 1)[1]
    return out
