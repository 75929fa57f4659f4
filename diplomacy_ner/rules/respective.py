"""Names a plural title shares out over its countries with "respectivement": "les ministres des
Affaires étrangères du Burkina, du Niger et du Mali, respectivement A, B et C" (A for the Burkina,
B for the Niger, C for the Mali)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..lexicons import word_set
from .person_clusters import PersonCluster


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
        codes = list(dict.fromkeys((t._.info or {}).get("countries") or []))
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
