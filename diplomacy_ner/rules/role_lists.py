"""Roles of the people of a list that a plural title opens, each named after its country:
"les ministres des Affaires étrangères de la Pologne, X, du Danemark, Y, et de Chypre, Z", or
after its demonym: "les présidents togolais X, ivoirien Y et ghanéen Z".

The first name takes the title ("… de la Pologne" is inside it); every later item "du Danemark,
Y" takes the same office, made singular ("ministre des Affaires étrangères"), and the country
its own item names.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..lexicons import word_set
from .person_clusters import PersonCluster
from ..extensions import span_info


def mentions_of(clusters: list[PersonCluster]) -> tuple[dict[int, PersonCluster], list[tuple[Span, PersonCluster]]]:
    """The person whose mention ends at each token, and every mention with its person in text order."""
    at_end = {s.end: c for c in clusters for s in c.spans}
    return at_end, sorted(((s, c) for c in clusters for s in c.spans), key=lambda sc: sc[0].start)


def singular_role(role: str) -> str:
    """The office of one person of a plural title: "ministres des Affaires étrangères" →
    "ministre des Affaires étrangères", "Premiers ministres" → "Premier ministre"."""
    plural = word_set("plural_title_words")
    de = word_set("de_forms")
    words = role.split(" ")
    for k, word in enumerate(words):
        if word.lower() in de or word.lower().startswith(("d'", "d’")):
            break
        if word.lower() in plural:
            words[k] = word[:-1]
    return " ".join(words)


def list_items(
    doc: Doc, clusters: list[PersonCluster], attached: dict[str, list[Span]], countries: list[Span]
) -> dict[str, tuple[Span, str]]:
    """The title and the country of each person named as a later item of a country list.

    doc (Doc): the doc.
    clusters (list[PersonCluster]): the people.
    attached (dict[str, list[Span]]): the titles attached to each person so far.
    countries (list[Span]): COUNTRY spans (only country names count: "du Danemark").
    RETURNS (dict[str, tuple[Span, str]]): person id -> (the list's title, the item's country code).
    """
    named_end = {s.end: s for s in countries if (span_info(s) or {}).get("form") is None and s.kb_id_.startswith("country:")}
    if not named_end:
        return {}
    de, articles = word_set("de_forms"), word_set("definite_articles")
    coordinators = word_set("name_coordinators")
    at_end, spans = mentions_of(clusters)
    out: dict[str, tuple[Span, str]] = {}
    for span, c in spans:
        if attached.get(c.id) or c.id in out:
            continue
        j = span.start
        if j < 1 or doc[j - 1].text != ",":
            continue
        country = named_end.get(j - 1)
        if country is None:
            continue
        k = country.start
        if k > 0 and doc[k - 1].lower_ in articles:
            k -= 1
        if k < 1 or doc[k - 1].lower_ not in de:
            continue
        k -= 1
        coordinated = k > 0 and doc[k - 1].lower_ in coordinators and doc[k - 1].text != ","
        if coordinated:
            k -= 1  # ", et de Chypre, Z", "Y et de la Belgique, Z"
        if k >= 1 and doc[k - 1].text == ",":
            before = at_end.get(k - 1)
        elif coordinated:
            before = at_end.get(k)
        else:
            continue
        if before is None:
            continue
        title = _opening_title(before.id, attached, out)
        if title is None:
            continue
        out[c.id] = (title, country.kb_id_.split(":", 1)[1])
    return out


def demonym_items(
    doc: Doc, clusters: list[PersonCluster], attached: dict[str, list[Span]], countries: list[Span]
) -> dict[str, tuple[Span, str]]:
    """The title and the country of each person named after a demonym as a later item of a list a
    plural title opens ("les présidents togolais X, ivoirien Y et ghanéen Z": Y and Z; with the names
in apposition, "ses homologues malien, Y, et burkinabé, Z": Z).

    doc (Doc): the doc.
    clusters (list[PersonCluster]): the people.
    attached (dict[str, list[Span]]): the titles attached to each person so far.
    countries (list[Span]): COUNTRY spans (only lower-case adjectives count: "ivoirien").
    RETURNS (dict[str, tuple[Span, str]]): person id -> (the list's title, the item's country code).
    """
    adjective_end = {
        s.end: s
        for s in countries
        if (span_info(s) or {}).get("form") == "adjective" and s.kb_id_.startswith("country:") and s.text[:1].islower()
    }
    if not adjective_end:
        return {}
    coordinators = word_set("name_coordinators")
    at_end, spans = mentions_of(clusters)
    out: dict[str, tuple[Span, str]] = {}
    for span, c in spans:
        adjective = adjective_end.get(span.start)
        if adjective is None and span.start > 0 and doc[span.start - 1].text == ",":
            adjective = adjective_end.get(span.start - 1)  # "… et burkinabé, Z": the name in apposition
        if adjective is None or attached.get(c.id) or c.id in out:
            continue
        k = adjective.start
        if k < 1 or doc[k - 1].lower_ not in coordinators:
            continue
        if k >= 2 and doc[k - 1].text != "," and doc[k - 2].text == ",":
            k -= 1  # "ses homologues malien, Y, et burkinabé, Z"
        before = at_end.get(k - 1)
        if before is None or before.id == c.id:
            continue
        title = _opening_title(before.id, attached, out)
        if title is None:
            continue
        out[c.id] = (title, adjective.kb_id_.split(":", 1)[1])
    return out


def bracket_items(
    doc: Doc, clusters: list[PersonCluster], attached: dict[str, list[Span]], countries: list[Span]
) -> dict[str, tuple[Span, str]]:
    """The title and the country of each person named with a bracketed country as a later item of a
    list a plural title opens ("les chefs de gouvernement X (Bulgarie), Y (Irlande) et Z (Italie)": Y and Z).

    doc (Doc): the doc.
    clusters (list[PersonCluster]): the people.
    attached (dict[str, list[Span]]): the titles attached to each person so far.
    countries (list[Span]): COUNTRY spans (only country names count: "(Irlande)").
    RETURNS (dict[str, tuple[Span, str]]): person id -> (the list's title, the item's country code).
    """
    bracketed = {
        s.start - 1: s
        for s in countries
        if (span_info(s) or {}).get("form") is None and s.kb_id_.startswith("country:")
        and s.start > 0 and doc[s.start - 1].text == "(" and s.end < len(doc) and doc[s.end].text == ")"
    }
    if not bracketed:
        return {}
    coordinators = word_set("name_coordinators")
    at_end, spans = mentions_of(clusters)
    out: dict[str, tuple[Span, str]] = {}
    for span, c in spans:
        country = bracketed.get(span.end)
        if country is None or attached.get(c.id) or c.id in out:
            continue
        k = span.start - 1  # ", Y (Irlande)", "et Z (Italie)", ", et Z (Italie)"
        while k >= 1 and doc[k].lower_ in coordinators:
            k -= 1
        if k == span.start - 1 or doc[k].text != ")":
            continue
        previous = next((b for b in bracketed.values() if b.end == k), None)
        before = at_end.get(previous.start - 1) if previous is not None else None
        if before is None or before.id == c.id:
            continue
        title = _opening_title(before.id, attached, out)
        if title is None:
            continue
        out[c.id] = (title, country.kb_id_.split(":", 1)[1])
    return out


def _opening_title(person_id: str, attached: dict[str, list[Span]], out: dict[str, tuple[Span, str]]) -> Span | None:
    """The plural title that opens a list at the item ``person_id``: its own, or the one an earlier item took."""
    title = next((t for t in attached.get(person_id, []) if (span_info(t) or {}).get("role")), None)
    if title is None and person_id in out:
        title = out[person_id][0]
    return title if title is not None and _plural(title) else None


def _plural(title: Span) -> bool:
    plural = word_set("plural_title_words")
    return any(t.lower_ in plural for t in title)


def group_country(doc: Doc, title: Span, titles: list[Span]) -> str | None:
    """The country of the plural title whose members a title names after "dont" ("dix ministres
    sénégalais dont la ministre des Affaires étrangères X et le ministre de l'Intérieur Y"), or None.
    The walk back from the title stops at a verb or a sentence break."""
    inclusion = word_set("inclusion_words")
    by_end = {t.end: t for t in titles}
    sent_start = title.sent.start if doc.has_annotation("SENT_START") else max(0, title.start - 25)
    for j in range(title.start - 1, max(sent_start, title.start - 25) - 1, -1):
        tok = doc[j]
        if tok.text in (".", ";", ":") or (tok.pos_ in ("VERB", "AUX") and j != title.start - 1):
            return None
        if tok.lower_ not in inclusion:
            continue
        group = by_end.get(j) or (by_end.get(j - 1) if j > 0 and doc[j - 1].text == "," else None)
        codes = list((span_info(group) or {}).get("countries") or []) if group is not None else []
        return codes[0] if group is not None and _plural(group) and len(set(codes)) == 1 else None
    return None
