"""Where a meeting took place: the city or venue its sentences put it at, else the one the article does.

A meeting's own sentence gives the place nearest its predicate ("a reçu lundi à Alger", "au palais de
l'Unité", "à Baabda" the gazetteer does not know); a venue in a city the sentence names gives the city.
A later sentence of the meeting places it only through its own predicate, and a place in a future or
conditional clause is another event's. When the sentences give none, the article's place in a locative
construction ("à X", "la capitale X") in the country of the host gives it; a capital standing for its
government ("entre Libreville et Paris", "a indiqué le Kremlin") places nothing.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from spacy.tokens import Span, Token

from ..lexicons import word_set
from ..offsets import mention
from .clusters import Draft
from .context import DocContext
from .modality import future_tense
from .officials import Official
from .place_names import city_name, city_states, country_code as _country_code, is_city as _is_city, named_after_city, not_the_city, opens_a_name
from ..extensions import span_info


def explicit_place(ctx: DocContext, sent: Span, trigger: Token | None, *, attached: bool = False) -> dict[str, Any] | None:
    """The city or venue of ``sent`` introduced by "à", "au", a comma, nearest the predicate; with
    ``attached``, only a place the predicate governs. A place in a future or conditional clause ("qui se
    tiendra à Tunis") is another event's.

    Answered once per sentence, predicate and ``attached`` (the meeting step asks twice for most
    encounters); each caller gets its own copy of the answer."""
    place = ctx.once(_explicit_place, sent, trigger, attached=attached)
    if place is None:
        return None
    mention_ = place.get("mention")
    return {**place, "mention": dict(mention_) if isinstance(mention_, dict) else mention_}


def _explicit_place(ctx: DocContext, sent: Span, trigger: Token | None, *, attached: bool = False) -> dict[str, Any] | None:
    doc = ctx.doc
    best = None
    k = ctx.sentence_of.get(sent.start, -1)
    preps = ctx.lex.word_set("place_prep")
    heads = ctx.lex.word_set("place_head")
    places = ctx.near(k, "PLACE", trigger.i, 60) if trigger is not None else ctx.in_sentence(k, "PLACE")
    candidates: list[Span] = []
    for p in places:
        if ctx.dateline and p.start_char == ctx.dateline.get("start"):
            continue
        prev = doc[p.start - 1].lower_ if p.start > 0 else ""
        prev2 = doc[p.start - 2].lower_ if p.start > 1 else ""
        genitive = ctx.lex.word_set("genitive")
        if prev in word_set("place_article_after_prep") and prev2 in preps:
            prev = prev2  # "à la Maison Blanche"
        if prev not in preps and prev not in genitive and prev != ",":
            continue
        if prev in genitive and prev2 not in heads:
            continue
        if any(t.start <= p.start < t.end for t in ctx.near(k, "TITLE", p.start, 40)):
            continue  # "l'ambassadeur d'Italie à Rabat": a place inside a title
        if any(q.start <= p.start < q.end for q in ctx.near(k, "PERSON", p.start, 10)) or opens_a_name(ctx, p):
            continue  # "Riyad al-Malki" is a name
        if not_here(ctx, p, trigger if attached else None) or next_event(ctx, p, trigger) or not_the_city(ctx, p):
            continue
        dist = abs(p.start - trigger.i) if trigger is not None else p.start
        candidates.append(p)
        if best is None or dist < best[0]:
            best = (dist, p)
    for p in [*unlisted_places(ctx, sent, trigger), *city_states(ctx, sent, trigger)]:
        if not_here(ctx, p, trigger if attached else None):
            continue
        dist = abs(p.start - trigger.i) if trigger is not None else p.start
        if best is None or dist < best[0]:
            best = (dist, p)
    venue = named_venue(ctx, sent, trigger)
    if venue is not None:
        bounds = (venue["start"], venue["end"])
    else:
        bounds = (best[1].start_char, best[1].end_char) if best is not None and not _is_city(best[1]) else None
    city = city_of_venue(ctx, [p for p in candidates if _is_city(p)], bounds)
    if city is not None:
        best, venue = (0, city), None  # "au Palais du Peuple à Damas": a venue in a city the text names gives the city
    if venue is not None and best is not None and venue["name"].lower().startswith(tuple(ctx.lex.word_set("seat_venue"))):
        venue = None  # "au siège de l'ONU à New York": a body's seat in a named city gives the city
    if venue is not None:
        # "au palais de l'Unité", "au château de Senningen": the named venue is the most precise place
        if venue["country"] is None and best is not None:
            venue["country"] = (span_info(best[1]) or {}).get("country")
        if venue["country"] is None:
            venue["country"] = named_after_city(ctx, venue["name"])
        return {key: venue[key] for key in ("name", "country", "mention")}
    if best is None:
        return None
    p = best[1]
    country = (span_info(p) or {}).get("country") if p.label_ == "PLACE" else _country_code(p)
    # the place as the text writes it ("Kyiv", "Beijing", "la Maison Blanche"), not the gazetteer's form
    return {"name": city_name(p), "country": country, "mention": mention(doc, p.start_char, p.end_char, ctx.omap, ctx.source)}


def city_of_venue(ctx: DocContext, cities: list[Span], bounds: tuple[int, int] | None) -> Span | None:
    """The city a venue (character ``bounds``) is in, when the sentence says it: right after the venue ("au
    Palais du Peuple à Damas", "au palais présidentiel dans la capitale Jakarta"), or before it with the
    relative "où" ("s'est rendu à Paris, où il a été reçu … au palais de l'Élysée")."""
    if bounds is None:
        return None
    start, end = bounds
    for city in cities:
        if city.start_char >= end and len(ctx.text[end : city.start_char].split()) <= 4:
            return city
        if city.end_char <= start and ctx.lex.word_set("place_relative") & set(ctx.text[city.end_char : start].lower().split()):
            return city
    return None


def not_here(ctx: DocContext, p: Span, trigger: Token | None) -> bool:
    """Does place ``p`` belong to another event than the predicate's: a clause in the future or the
    conditional ("qui se tiendra à Tunis", "va financer un projet à Rumonge"), a participle describing a
    thing ("une autoroute reliant Antananarivo à Toamasina", "une exposition organisée à Pékin"), or, given
    ``trigger``, a phrase the predicate does not govern ("à la suite de son séjour à Conakry")? The
    predicate's subject noun shares its verb: "la rencontre s'est tenue à Aqaba"."""
    verb, event = None, False
    markers = ctx.lex.word_set("future_marker")
    for t in p.root.ancestors:
        if any(is_future(ctx, x) for x in [t, *(c for c in t.children if c.dep_.startswith(("aux", "cop")))]):
            return True
        if t.lower_ in markers or any(c.lower_ in markers for c in t.children):
            return True  # "en prévision de la conférence à Nice", "la prochaine session à Tunis", "ne commence que demain"
        if t.pos_ in ("VERB", "AUX"):
            verb = t
            break
        event = event or is_event_noun(ctx, t)  # "à l'issue de ses entretiens à Saint-Pétersbourg"
    if verb is not None and (near_future(ctx, verb) or (not event and describes_a_thing(ctx, verb))):
        return True
    if trigger is None:
        return False
    if trigger.dep_.startswith("nsubj") and verb is not None and verb.i == trigger.head.i:
        return False
    return not any(t.i == trigger.i for t in p.root.ancestors)


def next_event(ctx: DocContext, p: Span, trigger: Token | None) -> bool:
    """Is place ``p`` in a clause telling what the subject did next ("a rencontré X, avant de voir Y à
    Ramallah"), whose verb is not the predicate's?"""
    verb = next((t for t in p.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or (trigger is not None and verb.i == trigger.i):
        return False
    return any(c.dep_ == "mark" and c.lower_ in ctx.lex.word_set("next_event_mark") for c in verb.children)


def near_future(ctx: DocContext, verb: Token) -> bool:
    """An infinitive after "aller" in the present: "l'Allemagne va financer un projet"."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_.lower() in ctx.lex.word_set("near_future_verb")
        and "Pres" in head.morph.get("Tense")
        and not any(c.dep_.startswith("aux") for c in head.children)
    )


def describes_a_thing(ctx: DocContext, verb: Token) -> bool:
    """A participle modifying a noun that is no encounter, visit or person ("une autoroute reliant …",
    "le journal paraissant à …"); "le sommet tenu à Bagdad", "le ministre, arrivé à Doha" place the event."""
    noun = verb.head
    if not verb.dep_.startswith("acl") or "Part" not in verb.morph.get("VerbForm") or noun.pos_ != "NOUN":
        return False
    if any(c.dep_.startswith("aux") for c in verb.children) or any(t.pos_ != "ADJ" for t in ctx.doc[noun.i + 1 : verb.i]):
        return False  # a clause ("a été conduit"), or a participle the parser hung far from its noun
    if is_event_noun(ctx, noun):
        return False
    k = ctx.sentence_of.get(noun.i, -1)
    return not any(s.start <= noun.i < s.end for label in ("TITLE", "PERSON") for s in ctx.in_sentence(k, label))


def is_event_noun(ctx: DocContext, t: Token) -> bool:
    """An encounter noun ("entretiens", "sommet") or a visit's ("visite", "séjour", "commission")."""
    if t.pos_ != "NOUN":
        return False
    lemma = t.lemma_.lower()
    return lemma in ctx.lex.noun_frames or t.lower_ in ctx.lex.noun_frames or lemma in ctx.lex.word_set("place_event_noun")


def is_future(ctx: DocContext, t: Token) -> bool:
    """A verb in the future or the conditional, by its morphology or its form."""
    return ctx.is_verb(t.i) and future_tense(ctx, t)


def unlisted_places(ctx: DocContext, sent: Span, trigger: Token | None) -> list[Span]:
    """Places the gazetteer does not know that the sentence puts its predicate at: the statistical NER's
    locations after "à" ("a reçu hier, à Baabda, …", "à State House", "à la Présidence"), outside every
    entity the rules found (a name, a country, a body, a title). Their country is the host's, found later.
    "au" introduces regions ("la situation au Sahel") more often than venues."""
    k = ctx.sentence_of.get(sent.start, -1)
    preps = ctx.lex.word_set("unlisted_place_prep")
    taken = [s for label in ("PERSON", "COUNTRY", "BODY", "TITLE", "PLACE") for s in ctx.in_sentence(k, label)]
    out = []
    for e in ctx.ents_in(k):
        if e.end > sent.end:
            continue
        if e.label_ != "LOC" or not ctx.span_text(e)[:1].isupper() or (trigger is not None and abs(e.start - trigger.i) > 60):
            continue
        prev = ctx.lowers[e.start - 1] if e.start > 0 else ""
        if prev in word_set("place_article_after_prep") and e.start > 1:
            prev = ctx.lowers[e.start - 2]
        if prev in preps and not any(s.start < e.end and e.start < s.end for s in taken):
            out.append(e)
    return out


def named_venue(ctx: DocContext, sent: Span, trigger: Token | None) -> dict[str, Any] | None:
    """A venue the sentence names ("au palais présidentiel Ntare Rushatsi"), nearest the predicate."""
    best = None
    at = trigger.idx if trigger is not None else sent.start_char
    for m in ctx.lex.cue("named_venue").finditer(ctx.span_text(sent)):
        start, end = sent.start_char + m.start("venue"), sent.start_char + m.end("venue")
        dist = abs(start - at)
        if best is None or dist < best[0]:
            best = (dist, start, end)
    if best is None:
        return None
    _, start, end = best
    return {"name": ctx.text[start:end], "country": None, "mention": mention(ctx.doc, start, end, ctx.omap, ctx.source), "start": start, "end": end}


def visited_country(ctx: DocContext, d: Draft) -> str | None:
    """The country a visit in the meeting's first sentences goes to ("en visite au Maroc")."""
    frame = visit_frame(ctx, d, lead=False)
    return frame[0] if frame else None


def visit_frame(ctx: DocContext, d: Draft, *, lead: bool = True, own: bool = True) -> tuple[str, int] | None:
    """The country of the visit a meeting belongs to and the index of the sentence telling it: a visit
    in the meeting's first sentences ("en visite au Maroc"), else, with ``lead``, the one the article tells
    before them, nearest ("Visite officielle au Vanuatu", "elle poursuit sa campagne par une visite en
    Inde"): the frame of the encounters that follow ("Au cours de cette visite, elle a rencontré …").
    Without ``own``, only the article's visit before the meeting counts."""
    for s in d.sentences[:2] if own else []:
        code = visit_destination(ctx, s)
        if code:
            return code, ctx.sentence_of.get(s.start, -1)
    if not lead or not d.sentences:
        return None
    first = ctx.sentence_of.get(min(s.start for s in d.sentences), -1)
    for k in range(first - 1, -1, -1):
        code = visit_destination(ctx, ctx.sents[k])
        if code:
            return code, k
    return None


def visit_destination(ctx: DocContext, sent: Span) -> str | None:
    """The country ``sent`` says a visit goes to: a visit noun ("visite", "mission", "tournée") followed
    closely by "au", "en", "aux" or "à" and the country ("sa visite de quatre jours en Chine")."""
    nouns = "|".join(re.escape(w) for w in sorted(ctx.lex.word_set("visit_noun")))
    text = ctx.span_text(sent)
    for m in re.finditer(rf"\b(?i:{nouns})\b[^.;]{{0,40}}?\b(?:au|en|aux|à)\s+([A-ZÀ-Ý][\w\-']+)", text):
        if m.group(1).lower() in ctx.lex.word_set("kingdom"):
            return ctx.home
        for c in ctx.in_sentence(ctx.sentence_of.get(sent.start, -1), "COUNTRY"):
            if sent.start_char + m.start(1) <= c.start_char < sent.start_char + m.end(1) + 20 and c.kb_id_.startswith("country:"):
                if not_here(ctx, c, None):
                    break  # "la visite au Japon prévue cet automne": a visit to come places nobody
                return c.kb_id_.split(":", 1)[1]
    return None


def document_place(ctx: DocContext, d: Draft, participants: list[Official], host: str | None) -> dict[str, Any] | None:
    """A meeting's place from the document when its own sentences give none: the place nearest before
    its first sentence (else the first after it) in the country of its host, or of a participant."""
    hosts = [p.country for p in participants if p.key == host and p.country]
    countries = [p.country for p in participants if p.country]
    if not countries or not d.sentences:
        return None
    first = min(s.start for s in d.sentences)
    places = body_places(ctx)
    starts = [p.start for p in places]
    at = bisect.bisect_right(starts, first)
    # the nearest before the meeting, else the first after it (a bounded scan: linear over meetings); the
    # host's country first, then any participant's before it ("X a reçu … à son hôtel" after "sa visite à
    # Paris"); after it, only the host's ("… à la suite de son récent séjour à Conakry" is the guest's trip)
    before, after = list(reversed(places[max(0, at - 200) : at])), places[at : at + 200]
    order = [(before, hosts), (before, countries), (after, hosts)] if hosts else [(before, countries), (after, countries)]
    p = next((q for side, codes in order for q in side if (span_info(q) or {}).get("country") in codes), None)
    if p is None:
        p = event_place(ctx, d, places[:at])
    if p is None:
        return None
    info = span_info(p) or {}
    return {"name": city_name(p), "country": info.get("country"), "mention": mention(ctx.doc, p.start_char, p.end_char, ctx.omap, ctx.source)}


def event_place(ctx: DocContext, d: Draft, before: list[Span]) -> Span | None:
    """The place of the gathering a meeting belongs to, on ground that is none of its participants' ("a tenu
    plusieurs réunions bilatérales à Washington", "en marge du forum qui se tient à Pékin", "lors de leur
    réunion de dimanche à Biarritz"): the first place of the meeting's sentences, else the nearest before
    them, when its sentence tells a gathering or a visit (word set gathering_noun, event nouns). A visit to
    another country the article tells before ("en visite de travail au Congo") puts the meeting there."""
    spans = sorted(d.sentences, key=lambda s: s.start)
    inside = [p for p in body_places(ctx) if any(s.start <= p.start < s.end for s in spans)]
    gathering = ctx.lex.word_set("gathering_noun")
    frame = visit_frame(ctx, d, own=False)
    for p in inside[:1]:
        # in the meeting's own sentences, only a place the gathering governs: not "à la suite de son séjour à Conakry"
        if frame is None or (span_info(p) or {}).get("country") == frame[0]:
            if any(t.lower_ in gathering or t.lemma_.lower() in gathering for t in p.root.ancestors):
                return p
    for p in before[-1:]:
        k = ctx.sentence_of.get(p.start, -1)
        if k < 0 or (frame is not None and (span_info(p) or {}).get("country") != frame[0]):
            continue
        if any(t.lower_ in gathering or t.lemma_.lower() in gathering or is_event_noun(ctx, t) for t in ctx.sents[k]):
            return p
    return None


def body_places(ctx: DocContext) -> list[Span]:
    """The places of the text outside the dateline, titles and names, in order (computed once)."""
    if ctx.body_places_cache is not None:
        return ctx.body_places_cache
    out = []
    for p in ctx.by_label.get("PLACE", []):
        if ctx.dateline and p.start_char == ctx.dateline.get("start"):
            continue
        k = ctx.sentence_of.get(p.start, -1)
        if any(t.start <= p.start < t.end for t in ctx.near(k, "TITLE", p.start, 40)) or any(
            q.start <= p.start < q.end for q in ctx.near(k, "PERSON", p.start, 10)
        ) or opens_a_name(ctx, p):
            continue
        if not locative(ctx, p) or not_the_city(ctx, p):
            continue  # "la coopération entre Libreville et Paris", "a indiqué le Kremlin": a capital standing for its government
        if not_here(ctx, p, None):
            continue  # "la prochaine session se tiendra à Tunis"
        line_start, _ = ctx.line_bounds(p.start_char)
        before = ctx.text[line_start : p.start_char]
        if before.rfind("(") > before.rfind(")"):
            continue  # "(Reportage de X à Riyad ; …)": an aside, a credit
        out.append(p)
    ctx.body_places_cache = out
    return out


def locative(ctx: DocContext, p: Span) -> bool:
    """Does the text put something at place ``p``: "à Berlin", "à la Maison Blanche", "la capitale Jakarta",
    "notre capitale, Nouakchott", "la ville de Tianjin"? A place in any other construction ("entre Libreville
    et Paris", "a indiqué le Kremlin", "le soutien de Paris") is a capital standing for its government."""
    doc = ctx.doc
    prev = doc[p.start - 1].lower_ if p.start > 0 else ""
    prev2 = doc[p.start - 2].lower_ if p.start > 1 else ""
    preps, heads = ctx.lex.word_set("place_prep"), ctx.lex.word_set("place_head_noun")
    if prev in preps or prev in heads:
        return True
    if prev in word_set("place_article_after_prep"):
        return prev2 in preps
    return (prev == "," or prev in ctx.lex.word_set("possessive_prep")) and prev2 in heads
