"""Names a plural title shares out over its countries with "respectivement": "les ministres des
Affaires étrangères du Burkina, du Niger et du Mali, respectivement A, B et C" (A for the Burkina,
B for the Niger, C for the Mali)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..lexicons import word_set
from .person_clusters import PersonCluster
from ..extensions import span_info


def respective_items(doc: Doc, clusters: list[PersonCluster], titles: list[Span]) -> dict[str, tuple[Span, str]]:
    """The title and the country of each person named after "respectivement" behind a plural title.

    doc (Doc): the doc.
    clusters (list[PersonCluster]): the people.
    titles (list[Span]): TITLE spans (their ``_.info`` gives the countries, in text order).
    RETURNS (dict[str, tuple[Span, str]]): person id -> (the plural title, that person's country code);
        nothing unless the names are exactly as many as the countries.
    """
    adverbs = word_set("respective_adverbs")
    joiners = word_set("name_coordinators")
    person_at = {s.start: (s, c) for c in clusters for s in c.spans}
    plural = word_set("plural_title_words")
    out: dict[str, tuple[Span, str]] = {}
    for t in titles:
        codes = list(dict.fromkeys((span_info(t) or {}).get("countries") or []))
        if len(codes) < 2 or not any(tok.lower_ in plural for tok in t):
            continue
        i = t.end
        while i < len(doc) and doc[i].text == ",":
            i += 1
        if i >= len(doc) or doc[i].lower_ not in adverbs:
            continue
        i += 1
        named: list[PersonCluster] = []
        while i < len(doc) and i in person_at:
            span, cluster = person_at[i]
            named.append(cluster)
            i = span.end
            while i < len(doc) and doc[i].lower_ in joiners:
                i += 1
        if len(named) == len(codes) and len({c.id for c in named}) == len(named):
            for cluster, code in zip(named, codes):
                out[cluster.id] = (t, code)
    return out


def portfolio_items(doc: Doc, clusters: list[PersonCluster], attached: dict[str, list[Span]], titles: list[Span]) -> dict[str, str]:
    """The office of each later person of a list a plural title opens with one portfolio per name:
    "les ministres des Affaires étrangères, X, de la Justice, Y, et de l'Intérieur, Z" (Y is
    "ministre de la Justice", Z "ministre de l'Intérieur"; X takes the title itself).

    doc (Doc): the doc.
    clusters (list[PersonCluster]): the people.
    attached (dict[str, list[Span]]): the titles attached to each person so far.
    titles (list[Span]): TITLE spans.
    RETURNS (dict[str, str]): person id -> office.
    """
    de, joiners = word_set("de_forms"), word_set("name_coordinators")
    plural = word_set("plural_title_words")
    person_at = {s.start: (s, c) for c in clusters for s in c.spans}
    out: dict[str, str] = {}
    for t in titles:
        role = (span_info(t) or {}).get("role") or ""
        words = role.split(" ")
        if not words or words[0].lower() not in plural or len(words) < 2 or not (words[1].lower() in de or words[1].lower().startswith("d'")):
            continue
        head = words[0][:-1]  # "ministres" -> "ministre"
        i = t.end
        if i < len(doc) and doc[i].text == ",":
            i += 1
        if i not in person_at:
            continue
        i = person_at[i][0].end
        while i < len(doc):
            j = i
            while j < len(doc) and doc[j].lower_ in joiners and j - i < 2:
                j += 1
            if j == i or j >= len(doc) or not (doc[j].lower_ in de or doc[j].lower_ in ("d'", "d’")):
                break
            k = j
            while k < len(doc) and doc[k].text != "," and k - j < 8 and k not in person_at:
                k += 1
            if k >= len(doc) or doc[k].text != "," or k + 1 not in person_at or not any(tok.text[:1].isupper() for tok in doc[j:k]):
                break
            span, cluster = person_at[k + 1]
            if not attached.get(cluster.id):
                out[cluster.id] = f"{head} {doc[j:k].text}"
            i = span.end
    return out
