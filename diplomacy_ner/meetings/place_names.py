"""How a place span reads as a place: the name a meeting gives it, and the spans that only look like one.

"au Caire" names "Le Caire"; "au Bristol" is a hotel and "Riyad al-Malki" a man, not cities; "à Djibouti"
and "au Vatican" name a city though the rules found a country; "le palais présidentiel de Niamey" is in
Niger. :mod:`.places` asks these questions of every candidate place.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..folding import fold
from ..kb.places import Gazetteer
from ..lexicons import word_set
from .context import DocContext
from ..extensions import span_info


def city_name(p: Span) -> str:
    """The name of place ``p`` as the text writes it, with the article a contraction took in ("au Caire",
    "du Havre" name "Le Caire", "Le Havre"), which the gazetteer's name of the city begins with."""
    if p.label_ != "PLACE":
        return p.text
    place = Gazetteer.default().resolve(p.text, [c for c in [(span_info(p) or {}).get("country")] if c])
    if place is None:
        return p.text
    name, folded = fold(place.name), fold(p.text)
    for article in word_set("place_article"):
        if name == article + folded:
            return place.name[: len(place.name) - len(p.text)] + p.text
    return p.text


def named_after_city(ctx: DocContext, venue: str) -> str | None:
    """The country of the city a venue is named after ("palais présidentiel de Niamey", "Palais de
    Bruxelles"), when that city is in a country the article talks about."""
    m = re.search(r"\b(?:de|du|d['’])\s*([A-ZÀ-Ý][\w'’\- ]*)$", venue)
    if m is None:
        return None
    countries = {c for c in [ctx.home, *ctx.ranking] if c} | {country_code(c) for c in ctx.by_label.get("COUNTRY", [])}
    return next((p.country for p in Gazetteer.default().lookup(m.group(1)) if p.country in countries), None)


def not_the_city(ctx: DocContext, p: Span) -> bool:
    """A city's name after a contracted article that its own name does not begin with ("au Bristol", "au
    Québec", against "au Caire"): a hotel or a region named like the city."""
    if p.start == 0 or not is_city(p) or ctx.doc[p.start - 1].lower_ not in ctx.lex.word_set("contracted_masculine"):
        return False
    place = Gazetteer.default().resolve(p.text, [c for c in [(span_info(p) or {}).get("country")] if c])
    return place is not None and not fold(place.name).startswith("le ")


def opens_a_name(ctx: DocContext, p: Span) -> bool:
    """Is place ``p`` the given name of a person the rules did not find, followed by a joining particle
    and a capitalised word ("Riyad al-Malki", "Tunis ben Ali")?"""
    particles = "|".join(re.escape(w) for w in sorted(word_set("name_joining_particles")))
    return re.match(rf"\s+(?i:{particles})[\-\s]+[A-ZÀ-Ý]", ctx.text[p.end_char : p.end_char + 30]) is not None


def is_city(p: Span) -> bool:
    """Is the place a city of the gazetteer, not a venue standing for one ("l'Élysée" for Paris)?"""
    return p.label_ == "PLACE" and not (span_info(p) or {}).get("venue")


def city_states(ctx: DocContext, sent: Span, trigger: Token | None) -> list[Span]:
    """Countries that are a city, after "à": "à Djibouti", "à Singapour", "à Luxembourg" name the city ("au
    Luxembourg", "en Tunisie" name the country, which places nothing); a state whose capital is "the city
    of" its name is one place after "au" too ("au Vatican", capital "Cité du Vatican")."""
    k = ctx.sentence_of.get(sent.start, -1)
    spans = ctx.near(k, "COUNTRY", trigger.i, 60) if trigger is not None else ctx.in_sentence(k, "COUNTRY")
    return [c for c in spans if is_city_state(ctx, c)]


def is_city_state(ctx: DocContext, c: Span) -> bool:
    """Does country span ``c`` name a city: "à Djibouti", "au Vatican" (see :func:`city_states`)?"""
    code = country_code(c)
    if code is None or c.start == 0:
        return False
    prev = ctx.doc[c.start - 1].lower_
    capital = Gazetteer.default().capital_of(code)
    if capital is None:
        return False
    name, written = fold(capital.name), fold(c.text)
    if prev in ctx.lex.word_set("unlisted_place_prep"):
        return name == written
    return prev in ctx.lex.word_set("place_prep") and name != written and name.endswith(" " + written)


def country_code(span: Span) -> str | None:
    return span.kb_id_.split(":", 1)[1] if span.kb_id_.startswith("country:") else None
