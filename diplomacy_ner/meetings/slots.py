"""Slots of a meeting: kind, date, place, host, and the roles and countries the text implies.

A slot is read from the meeting's own sentences first, nearest its predicate;
then from the frame around it: the date or place of an earlier encounter when
the sentence goes on with a connector ("Ensuite", "Le même jour", "en marge"),
a visit frame ("lors de sa visite à Riga"), and the dateline only together
with a venue cue. Which place a sentence or the article gives is :mod:`.places`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from spacy.tokens import Span, Token

from ..folding import fold
from ..lexicons import word_set
from ..rules.roles import more_specific
from .clusters import Draft
from .context import DocContext
from .dates import DateExpression, resolve_date
from .officials import Official
# the place slot lives in .places; content reads document_place, assembly explicit_place, through this module
from .places import document_place, explicit_place, not_here, visit_frame, visited_country  # noqa: F401
from ..extensions import span_info


def finish(
    ctx: DocContext,
    draft: Draft,
    sent: Span,
    trigger: Token,
    previous_date: dt.date | None,
    context_place: dict[str, Any] | None,
    context_date: tuple[Span | None, dt.date | None] = (None, None),
) -> None:
    """Fill kind, date and place of ``draft`` from the sentence of one of its encounters."""
    lex = ctx.lex
    k = ctx.sentence_of.get(sent.start, -1)
    if draft.kind is None:
        window = ctx.span_text(ctx.doc[max(sent.start, trigger.i - 12) : min(sent.end, trigger.i + 12)])
        if lex.cue("call").search(window):
            draft.kind = "call"
        elif lex.cue("video").search(window):
            draft.kind = "video"
    if draft.date is None and draft.date_span is None:
        span, value = date_for(ctx, sent, trigger, previous_date)
        if span is not None:
            draft.date_span, draft.date = span, value
        elif context_date[1] is not None and ctx.sentence_cue(k, "context_connector"):
            draft.date_span, draft.date = context_date
        elif previous_date is not None and ctx.sentence_cue(k, "context_connector"):
            draft.date = previous_date  # "Il s'est également entretenu avec X": the day of the talks just told
    if draft.location is None and draft.kind not in ("call", "video"):
        # a later sentence of the meeting places it only through its own predicate: "Au cours de cette
        # rencontre, … à la suite de son récent séjour à Conakry" tells the place of another event
        later = bool(draft.sentences) and sent.start > min(s.start for s in draft.sentences)
        place = explicit_place(ctx, sent, trigger, attached=later)
        if place is None and context_place is not None and (ctx.sentence_cue(k, "context_connector") or ctx.sentence_cue(k, "venue")):
            place = context_place
        if place is None and ctx.dateline and ctx.sentence_cue(k, "venue"):
            place = {"name": ctx.dateline.get("city"), "country": ctx.dateline.get("country"), "mention": None}
        draft.location = place


def date_for(ctx: DocContext, sent: Span, trigger: Token, previous: dt.date | None) -> tuple[Span | None, dt.date | None]:
    """The date expression of ``sent`` nearest the predicate, resolved against the publication date
    (answered once per sentence, predicate and previous day: the meeting step asks twice for most encounters)."""
    return ctx.once(_date_for, sent, trigger, previous)


def _date_for(ctx: DocContext, sent: Span, trigger: Token, previous: dt.date | None) -> tuple[Span | None, dt.date | None]:
    best = None
    k = ctx.sentence_of.get(sent.start, -1)
    dates = ctx.near(k, "DATE", trigger.i, 60)
    for d in dates:
        info = span_info(d) or {}
        if info.get("kind") == "month" or header_date(ctx, d) or state_since(ctx, d):
            continue
        if not_here(ctx, d, None):
            continue  # "un sommet qui réunira les 28 et 29 juin …": the day of another, future event
        dist = abs(d.start - trigger.i)
        if best is None or dist < best[0]:
            best = (dist, d, info)
    if best is None:
        return None, None
    _, span, info = best
    if info.get("kind") in ("weekday", "relative"):
        # "mardi le 25 avril 2023", "la veille, dimanche 9 novembre": the full date the text gives beside it is that day
        full = next((d for d in dates if 0 <= d.start - span.end <= 2 and (span_info(d) or {}).get("kind") == "absolute"), None)
        if full is not None:
            span, info = full, span_info(full)
    expr = DateExpression(info["start_char"], info["end_char"], ctx.text[info["start_char"] : info["end_char"]], info["kind"])
    if info.get("kind") == "relative" and ctx.lex.cue("relative_to_told_day").search(expr.text):
        # "a dit mercredi s'être entretenu la veille": the day before the day the sentence tells
        told = [d for d in dates if d is not span and (span_info(d) or {}).get("kind") in ("weekday", "absolute", "relative")]
        told = [d for d in told if not ctx.lex.cue("relative_to_told_day").search(d.text)]
        if told:
            t_info = span_info(told[0])
            t_expr = DateExpression(t_info["start_char"], t_info["end_char"], ctx.text[t_info["start_char"] : t_info["end_char"]], t_info["kind"])
            day = resolve_date(t_expr, ctx.published, previous=previous)
            if day is not None:
                previous = day
    return span, resolve_date(expr, ctx.published, previous=previous)


def lead_date(ctx: DocContext, before: int) -> tuple[Span | None, dt.date | None]:
    """The first day the body states before token ``before`` ("ont signé, samedi à Amman, …"): the day
    of the event the article reports, for a meeting whose own sentences give none (found once per doc)."""
    if ctx.lead_date is None:
        ctx.lead_date = _first_body_day(ctx)
    span, value = ctx.lead_date
    if span is None or span.start >= before:
        return None, None
    return entry_date(ctx, span.start, before) or (span, value)


def entry_date(ctx: DocContext, after: int, before: int) -> tuple[Span, dt.date] | None:
    """The day that opens the nearest dated entry before token ``before`` and after token ``after`` ("( 3
    avril 2016 ) « Entretien avec … »", "4 mai – Rencontre avec …"): a diary or a release in dated
    paragraphs gives each encounter the day heading its paragraph, not the article's first day."""
    for d in reversed(ctx.by_label.get("DATE", [])):
        if d.start >= before:
            continue
        if d.start <= after:
            return None
        info = span_info(d) or {}
        line_start, _ = ctx.line_bounds(d.start_char)
        if info.get("kind") != "absolute" or ctx.text[line_start : d.start_char].strip(" \t([-–—•*") or header_date(ctx, d):
            continue
        expr = DateExpression(info["start_char"], info["end_char"], ctx.text[info["start_char"] : info["end_char"]], info["kind"])
        value = resolve_date(expr, ctx.published, previous=None)
        if value is not None:
            return d, value
    return None


def _first_body_day(ctx: DocContext) -> tuple[Span | None, dt.date | None]:
    for d in ctx.by_label.get("DATE", []):
        info = span_info(d) or {}
        if info.get("kind") in ("month", None) or header_date(ctx, d) or state_since(ctx, d):
            continue
        k = ctx.sentence_of.get(d.start, -1)
        if k < 0 or ctx.sentence_years(k) and ctx.published and any(y < ctx.published.year for y in ctx.sentence_years(k)):
            continue  # a sentence about an earlier year is background
        expr = DateExpression(info["start_char"], info["end_char"], ctx.text[info["start_char"] : info["end_char"]], info["kind"])
        value = resolve_date(expr, ctx.published, previous=None)
        if value is not None:
            return d, value
    return None, None


def state_since(ctx: DocContext, d: Span) -> bool:
    """"à la tête de la commission depuis le 16 juillet 2020": a date after "depuis" starts a state, it is
    no day an encounter took place."""
    before = [t.lower_ for t in ctx.doc[max(0, d.start - 2) : d.start]]
    return bool(set(before) & ctx.lex.word_set("since_prep"))


def header_date(ctx: DocContext, d: Span) -> bool:
    """A date alone on its line or in the dateline is the release's date, not the meeting's."""
    text = ctx.text
    line_start, line_end = ctx.line_bounds(d.start_char)
    if d.start_char - line_start < 60 and re.match(r"\s*\.?\s*(?:/[A-Za-z]{2,10}/\s*|\([A-Z]{2,6}\)\s*)?[-–—]\s", text[d.end_char : d.end_char + 20]):
        return True  # "9 février 2016. – À la suite de …", "QUÉBEC, le 2 déc. 2025 /CNW/ - …": a dated lead
    if line_end - line_start > 400:
        return False  # a long line is a paragraph, not a header
    line = text[line_start:line_end]
    if len(line.strip()) <= len(d.text) + 25 and not re.search(r"[a-zé]{4,}\s+(?:a|ont|s'est)\b", line):
        return True
    dl = ctx.dateline
    if dl and d.start_char < dl.get("end", 0) + 40 and d.start_char - line_start < 60 and re.search(r"\([A-Z]{2,6}\)\s*[-–—]", line[: d.end_char - line_start + 20]):
        return True
    return False


def place_host(ctx: DocContext, d: Draft, participants: list[Official], location: dict[str, Any] | None) -> str | None:
    """The host of an in-person meeting no sentence gives one for: the official of the body whose seat
    it was held at ("au siège d'Interpol"), else the one participant at home in the country of its
    place, else in the country its sentences or the article's lead say a participant was visiting."""
    if location is not None:
        folded = fold(location.get("name") or "")
        seat = [p for p in participants if p.country and len(p.country) > 2 and fold(p.country) in folded]
        if len(seat) == 1:
            return seat[0].key
        at_home = [p for p in participants if location.get("country") and p.country == location.get("country")]
        if len(at_home) == 1 and len(participants) >= 2:
            return at_home[0].key
    return visit_host(ctx, d, participants, location)


def visit_host(ctx: DocContext, d: Draft, participants: list[Official], location: dict[str, Any] | None = None) -> str | None:
    """The participant at home when the others are visiting his country: a visit the meeting's first
    sentences tell ("en visite au Maroc"), else one the article tells before them ("Visite officielle au
    Vanuatu", "au terme de sa visite en Chine ... Au cours de cette visite, elle a rencontré ...")
    when the meeting's own place does not say otherwise."""
    frame = visit_frame(ctx, d, lead=location is None)
    if frame:
        visited = frame[0]
        at_home = [p for p in participants if p.country == visited]
        if len(at_home) == 1 and len(participants) >= 2:
            return at_home[0].key
    return None


def fill_roles(participants: list[Official], ctx: DocContext | None = None) -> None:
    """"son homologue serbe": a counterpart holds the same office, in the other country. A named
    counterpart the text gives only the head of that office ("la ministre X") takes the office the
    other states in full ("ministre des Affaires étrangères"), and so does the one he meets. A person
    the text names without an office and takes up with a bare title ("X a choisi Alger. Le nouveau
    ministre des Affaires étrangères a été reçu …") holds that title's office."""
    for p in participants:
        if p.role or p.unnamed:
            continue
        titles = [t for t in p.spans if t.label_ == "TITLE" and (span_info(t) or {}).get("role") and (span_info(t) or {}).get("class") != "generic"]
        if titles:
            info = span_info(titles[0]) or {}
            p.role, p.cls = info["role"], p.cls or info.get("class")
    for p in participants:
        if p.role:
            continue
        others = [q for q in participants if q is not p and q.role and q.cls != "generic"]
        if others and (p.cls == "generic" or any((span_info(t) or {}).get("class") == "generic" for t in p.spans)):
            p.role = others[0].role
            if p.cls == "generic":
                p.cls = others[0].cls  # "son homologue turc" holds the office, and its class, of the other
    if ctx is None or not any(p.person_id and ctx.person_info(p.person_id).get("counterpart") for p in participants):
        return
    heads = word_set("portfolio_heads")
    for p in participants:
        if not p.role or p.role.lower() not in heads:
            continue  # "le président X" names his office in full
        fuller = [q.role for q in participants if q is not p and q.role and q.cls == p.cls and more_specific(q.role, p.role)]
        if len(set(fuller)) == 1:
            p.role = fuller[0]


def fill_countries(ctx: DocContext, d: Draft, participants: list[Official]) -> None:
    """An unmarked title belongs to the article's country, else to the next country it talks about."""
    missing = [p for p in participants if not p.country]
    if not missing:
        return
    present = {p.country for p in participants if p.country}
    for p in missing:
        # the country an earlier meeting of the article gave the same person
        code = ctx.filled_country.get(p.person_id or "")
        if code and code not in present:
            p.country = code
            present.add(code)
    missing = [p for p in missing if not p.country]
    for p in missing:
        chief = aide_of(p, participants)
        if chief is not None:
            p.country = chief.country
    missing = [p for p in missing if not p.country]
    if missing:
        _fill_missing(ctx, d, participants, missing, present)
    for p in missing:
        if p.person_id and p.country:
            ctx.filled_country.setdefault(p.person_id, p.country)


def aide_of(p: Official, participants: list[Official]) -> Official | None:
    """"le directeur de cabinet du chef de l'État" beside the head of state: the participant whose office
    the aide's own office names after "de" (the aide serves that state)."""
    if not p.role:
        return None
    words = fold(p.role).split()
    for q in participants:
        if q is p or not q.country or not q.role:
            continue
        office = fold(q.role).split()
        n = len(office)
        if len(words) > n + 1 and words[-n:] == office and words[-n - 1] in {fold(w) for w in word_set("de_forms")}:
            return q
    return None


def _fill_missing(ctx: DocContext, d: Draft, participants: list[Official], missing: list[Official], present: set[str]) -> None:
    visited = visited_country(ctx, d)
    if visited and d.host and visited not in present:
        host = next((p for p in participants if p.key == d.host), None)
        if host is not None and not host.country:
            host.country = visited
            present.add(visited)
            missing = [p for p in participants if not p.country]
    if d.host is None and d.location is None:
        visit_local(ctx, d, missing, present)
        missing = [p for p in participants if not p.country]
    # "l'ambassadeur en Haïti … a rencontré le Premier ministre": the posting is the others' country, never his
    posted = {p.key: (ctx.roles.get(p.person_id or "") or {}).get("posting") for p in participants}
    postings = [c for c in posted.values() if c and c not in present]
    ranking = postings[:1] + ([ctx.home] if ctx.home and ctx.home not in postings[:1] else [])
    ranking += [c for c in ctx.ranking if c not in ranking]
    place_country = (d.location or {}).get("country")
    # the host first: the article's own country is the receiver's before any guest's ("X a été reçu par Y")
    missing.sort(key=lambda p: d.host is None or p.key != d.host)
    monarchs = ctx.lex.word_set("monarch_title")
    for p in missing:
        is_guest = d.host is not None and d.host != p.key
        # "reçu par le souverain et le Premier ministre": a monarch shares the article's country with its government
        shared = ctx.home if p.role and p.role.split()[0].casefold() in monarchs else None
        for code in ranking:
            if (code in present and code != shared) or (is_guest and code == place_country and code != ctx.home) or code == posted.get(p.key):
                continue
            p.country = code
            present.add(code)
            break
        else:
            if place_country and place_country not in present and not is_guest:
                p.country = place_country
                present.add(place_country)


def visit_local(ctx: DocContext, d: Draft, missing: list[Official], present: set[str]) -> None:
    """"X poursuit sa tournée par une visite en Inde. … X a rencontré le Premier ministre Y": the visitor is
    named in the sentence that tells the visit, so the one participant without a country it does not name
    is at home in the visited country."""
    frame = visit_frame(ctx, d)
    if frame is None or frame[0] in present:
        return
    code, k = frame
    named = {s.kb_id_ for s in ctx.in_sentence(k, "PERSON")} | {
        (span_info(t) or {}).get("person") for t in ctx.in_sentence(k, "TITLE")
    }
    visitors = [p for p in d.participants.values() if p.person_id and p.person_id in named]
    local = [p for p in missing if not (p.person_id and p.person_id in named)]
    if visitors and len(local) == 1:
        local[0].country = code
        present.add(code)
