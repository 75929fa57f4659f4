"""Places in the text: the statistical NER's LOC entities and capitalised words after
"à", "au", "aux", resolved by the gazetteer (longest form first)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Span

from ..folding import fold
from ..lexicons import word_set
from .tokens import TokenWords
from ..extensions import span_info


def find_places(doc: Doc, words: TokenWords, ents: Iterable[Span], countries: list[Span], gazetteer: Any) -> list[Span]:
    """PLACE spans, with the gazetteer's name and country in ``span_info(span)``, and whether the text names a venue
    standing for the city.

    doc (Doc): the doc.
    words (TokenWords): its token strings.
    ents (Iterable[Span]): ``doc.ents``.
    countries (list[Span]): country mentions (never a place; their codes break ties).
    gazetteer (Gazetteer): resolves a name to a place (``resolve(text, prefer_countries=...)``).
    RETURNS (list[Span]): the places.
    """
    country_tokens = {i for s in countries for i in range(s.start, s.end)}
    prefer = [s.kb_id_.split(":", 1)[1] for s in countries if s.kb_id_.startswith("country:")]
    candidates: list[tuple[int, int]] = [(ent.start, ent.end) for ent in ents if ent.label_ == "LOC"]
    texts, lowers = words.texts, words.lowers
    preps, links = word_set("a_forms"), word_set("place_name_links")
    n = len(texts)
    for i, lower in enumerate(lowers):
        if lower in preps and i + 1 < n and texts[i + 1][:1].isupper():
            j = i + 1
            while j < n and j - i <= 3 and (texts[j][:1].isupper() or (lowers[j] in links and j + 1 < n and texts[j + 1][:1].isupper())):
                j += 1
            candidates.append((i + 1, j))
    out = []
    seen = set()
    for start, end in candidates:
        if any(i in country_tokens for i in range(start, end)):
            continue
        for e in range(end, start, -1):
            place = gazetteer.resolve(doc[start:e].text, prefer_countries=prefer)
            if place is not None and (start, e) not in seen:
                seen.add((start, e))
                span = Span(doc, start, e, label="PLACE", kb_id=f"place:{place.geonameid or fold(place.name)}")
                # "venue": a name standing for the city ("l'Élysée" for Paris), not the city's own
                span._.info = {"name": place.name, "country": place.country, "venue": gazetteer.is_venue(span.text)}
                out.append(span)
                break
    return out
