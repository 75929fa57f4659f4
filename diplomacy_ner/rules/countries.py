"""Country mentions: compound adjectives ("maroco-français") and the choice among
overlapping mentions."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span

from ..folding import fold
from ..lexicons import word_set
from .tokens import TokenWords, hyphenated_words
from ..extensions import span_info


def compound_countries(doc: Doc, words: TokenWords, names: Any) -> list[Span]:
    """COUNTRY spans of compound adjectives: "maroco-français", "algéro-slovène", "franco-tunisien"
    (one token or three), one span per country, ``span_info(span)["form"] == "compound"``.

    doc (Doc): the doc.
    words (TokenWords): its token strings.
    names (KBNames): the knowledge base's country prefixes and adjectives.
    RETURNS (list[Span]): the spans.
    """
    out = []
    for start, end, word in hyphenated_words(words):
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
            out.append(span)
    return out


def longest_per_start(spans: list[Span]) -> list[Span]:
    """Drop country mentions nested in a longer one ("guinéen" in "bissau-guinéen") and
    geographic features ("le détroit de Gibraltar", "l'océan Indien")."""
    spans = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    de_singular, features = word_set("de_singular"), word_set("geographic_features")
    out: list[Span] = []
    seen: set[tuple[int, int, str]] = set()
    reach_end = -1  # end of the furthest-reaching non-compound span kept so far
    reach_start = -1
    for s in spans:
        doc = s.doc
        if s.start >= 2 and doc[s.start - 1].lower_ in de_singular and doc[s.start - 2].lower_ in features:
            continue
        if s.start >= 1 and (span_info(s) or {}).get("form") == "adjective" and doc[s.start - 1].lower_ in features:
            continue  # "l'océan Indien", "le golfe Persique": the adjective names the place, not a state
        # spans come sorted by start: a span nested in a longer kept one ends before the furthest reach
        if reach_start <= s.start and s.end <= reach_end and (reach_end - reach_start) > (s.end - s.start):
            continue
        key = (s.start, s.end, s.kb_id_)
        if key in seen:
            continue
        seen.add(key)
        out.append(s)
        if (span_info(s) or {}).get("form") != "compound" and s.end > reach_end:
            reach_start, reach_end = s.start, s.end
    return out


def resolve_shared_adjectives(spans: list[Span]) -> list[Span]:
    """An adjective several states share ("congolais": both Congos) names the one of them the
    document names elsewhere ("République du Congo"); with none or both named, all stay."""
    named = {s.kb_id_ for s in spans if (span_info(s) or {}).get("form") is None}
    groups: dict[tuple[int, int], list[Span]] = {}
    for s in spans:
        if (span_info(s) or {}).get("form") == "adjective":
            groups.setdefault((s.start, s.end), []).append(s)
    drop: set[tuple[int, int, str]] = set()
    for group in groups.values():
        ids = {s.kb_id_ for s in group}
        if len(ids) < 2:
            continue
        chosen = ids & named
        if len(chosen) == 1:
            drop.update((s.start, s.end, s.kb_id_) for s in group if s.kb_id_ not in chosen)
    return [s for s in spans if (s.start, s.end, s.kb_id_) not in drop]
