"""What a meeting was about and what it produced: topics, bodies, agreements; and its output dict."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.tokens import Span

from ..offsets import mention
from .clusters import Draft
from .context import DocContext, role_class
from .officials import Official, excluded
from ..folding import fold
from .group_sides import place_shared_bodies
from .hosts import carried_host
from .slots import document_place, fill_countries, fill_roles, lead_date, place_host
from ..extensions import span_info

CABINET = frozenset({"minister", "secretary"})  # title classes of a government's members


def content(ctx: DocContext, d: Draft) -> tuple[list[str], list[dict[str, Any]], list[dict[str, Any]]]:
    """Topic keys, bodies and agreements of the meeting's sentences (titles masked)."""
    keys = d.keys()
    own_spans = {(sp.start, sp.end) for p in d.participants.values() for sp in p.spans}
    dateline_end = (ctx.dateline or {}).get("end", -1)
    topics: list[str] = []
    bodies: dict[str, dict[str, Any]] = {}
    agreements: dict[str, dict[str, Any]] = {}
    for s in sorted(d.sentences, key=lambda s: s.start):
        k = ctx.sentence_of.get(s.start, -1)
        titles = ctx.in_sentence(k, "TITLE")
        participant_titles = [t for t in titles if ctx.title_person.get((t.start, t.end)) in keys or (t.start, t.end) in own_spans]
        masked = list(ctx.span_text(s))
        for a, b in ((t.start_char, t.end_char) for t in titles):
            if a >= s.start_char and b <= s.end_char:
                for i in range(a - s.start_char, b - s.start_char):
                    masked[i] = " "
        for key in ctx.topics.topics("".join(masked)):
            if key not in topics:
                topics.append(key)
        for b in ctx.in_sentence(k, "BODY"):
            if any(t.start <= b.start and b.end <= t.end for t in participant_titles):
                continue
            if b.start_char < dateline_end or attribution(ctx, b, s) or excluded(ctx, b.start, s, genitive=False):
                continue
            ent = ctx.entities.get(b.kb_id_)
            if ent:
                bodies.setdefault(ent["id"], ref(ent))
        for a in ctx.in_sentence(k, "AGREEMENT"):
            ent = ctx.entities.get(a.kb_id_)
            if ent:
                agreements.setdefault(ent["id"], ref(ent))
    return topics, list(bodies.values()), list(agreements.values())


def attribution(ctx: DocContext, b: Span, sent: Span) -> bool:
    """Is a body only the source of the report ("selon le ministère", "communiqué du …")?"""
    before = ctx.doc[max(sent.start, b.start - 4) : b.start].text.lower()
    return bool(ctx.lex.cue("attribution").search(before))


def ref(entity: dict[str, Any]) -> dict[str, Any]:
    return {"id": entity["id"], "name": entity["name"], "acronym": entity.get("acronym"), "aliases": list(entity.get("aliases") or [])}


def participant_dict(ctx: DocContext, p: Official) -> dict[str, Any]:
    mentions = []
    seen = set()
    for s in p.spans:
        key = (s.start_char, s.end_char)
        if key not in seen:
            seen.add(key)
            mentions.append(mention(ctx.doc, s.start_char, s.end_char, ctx.omap, ctx.source))
    return {"name": p.name, "role": p.role, "country": p.country, "id": p.person_id, "mentions": mentions}


def spanned_elsewhere(ctx: DocContext, d: Draft) -> bool:
    """Is the meeting's date a span of several days ("du 24 au 26 novembre", "les 14 et 15 mars")
    told outside its own sentences (a visit, a session)? Then it does not say which day it was."""
    span = d.date_span
    assert span is not None
    if not ctx.lex.cue("date_range").search(ctx.span_text(span)):
        return False
    return not any(s.start <= span.start and span.end <= s.end for s in d.sentences)


def merge_placed_titles(d: Draft, participants: list[Official]) -> list[Official]:
    """"Le chef de la diplomatie vietnamienne" beside the one named foreign minister the text does not
    place: one person, who takes the title's country (never a counterpart: "son homologue")."""
    named_countries = {p.country for p in participants if not p.unnamed and p.country}
    kept = list(participants)
    for p in participants:
        if not p.unnamed or not p.country or p.cls in (None, "generic") or p.country in named_countries:
            continue
        same = [q for q in kept if not q.unnamed and q.country is None and q.cls == p.cls]
        if len(same) == 1 and len(kept) > 2:
            same[0].country = p.country
            named_countries.add(p.country)
            kept.remove(p)
            if d.host == p.key:
                d.host = same[0].key
    return kept


def drop_named_offices(participants: list[Official]) -> list[Official]:
    """An unnamed office that a named participant holds for the same country ("le chef de la diplomatie
    vietnamienne" beside the named Vietnamese foreign minister) is that participant."""
    named = {(p.country, p.cls) for p in participants if not p.unnamed and p.country}
    return [p for p in participants if not (p.unnamed and (p.country, p.cls) in named)]


def drop_redundant_unnamed(participants: list[Official]) -> list[Official]:
    """Unnamed participants that add nobody: one without a country ("le Président du Faso" the text did
    not place), a second of the same country and office, or one whose office begins the office of a
    named participant ("le président du Conseil national" beside "X, président du Conseil national pour …")."""
    named_roles = [fold(p.role) for p in participants if not p.unnamed and p.role]
    seen: set[tuple[str | None, str | None]] = set()
    kept = []
    # "le roi et la reine de Norvège": the second of two coordinated titles is another person
    partners = {(span_info(t) or {}).get("coordinated_with") for p in participants if p.unnamed for t in p.spans}
    for p in participants:
        if p.unnamed:
            role = fold(p.role or "")
            if p.country is None or ((p.country, p.cls) in seen and p.start not in partners) or (role and any(r != role and r.startswith(role) for r in named_roles)):
                continue
            seen.add((p.country, p.cls))
        kept.append(p)
    return kept


def _portfolio(role: str | None) -> set[str]:
    """The content words of an office after its head ("ministre en charge des Affaires étrangères")."""
    words = fold(role or "").replace("'", " ").split()
    return {w for w in words[1:] if len(w) > 3}


def name_unnamed(ctx: DocContext, d: Draft, participants: list[Official]) -> list[Official]:
    """"Les ministres des Affaires étrangères du Mali, du Niger et du Burkina ont tenu une réunion" and,
    anywhere in the text, "le ministre nigérien des Affaires étrangères, X": an unnamed participant is
    the one person of the document who holds that office for that country."""
    if not any(p.unnamed for p in participants):
        return participants
    spans_of: dict[str, list[Span]] = {}
    for s in ctx.by_label.get("PERSON", []):
        spans_of.setdefault(s.kb_id_, []).append(s)
    present = {p.person_id for p in participants if p.person_id}
    out = []
    for p in participants:
        # "son homologue britannique" holds the office of the one it is a counterpart of
        cls = p.cls if p.cls not in (None, "generic") else (role_class(p.role) if p.role else None)
        if p.unnamed and p.country and cls is not None:
            words = _portfolio(p.role)
            found = []
            for pid in spans_of:
                info = ctx.person_info(pid)
                if info.get("country") != p.country or pid in present:
                    continue
                other = _portfolio(info.get("role"))
                if words and other and not words & other:
                    continue  # the minister of another portfolio
                if info.get("class") != cls and not ({info.get("class"), cls} <= CABINET and words & other):
                    continue  # another office, unless a minister's portfolio under another name ("secrétaire d'État aux Affaires étrangères")
                found.append(pid)
            if not found:
                # "ses homologues indien X et japonais Y": the one person of that country the text gives no
                # office of its own
                same = [pid for pid in spans_of if pid not in present and ctx.person_info(pid).get("country") == p.country]
                if len(same) == 1 and not ctx.person_info(same[0]).get("class"):
                    found = same
            if len(found) == 1:
                pid = found[0]
                info = ctx.person_info(pid)
                role = info.get("role") if info.get("class") else None
                named = Official(
                    pid, pid, ctx.person_name(pid), role or p.role, p.country, cls, p.start, p.end,
                    [*p.spans, *spans_of[pid]],
                )
                present.add(pid)
                if d.host == p.key:
                    d.host = pid
                out.append(named)
                continue
        out.append(p)
    return last_unnamed(ctx, d, out, spans_of, present)


def last_unnamed(ctx: DocContext, d: Draft, out: list[Official], spans_of: dict[str, list[Span]], present: set[str]) -> list[Official]:
    """"Les ministres du Burkina, du Mali et du Niger ont tenu une rencontre … Tout comme lui, A et B ont
    relevé …": the one unnamed member left is the one person named beside a member, of whom the text
    says nothing else (no office, no country)."""
    left = [p for p in out if p.unnamed]
    if len(left) != 1 or len(out) < 3 or not left[0].country:
        return out
    sentences = {ctx.sentence_of.get(s.start) for pid in present for s in spans_of.get(pid, [])}
    beside = [
        pid for pid, spans in spans_of.items()
        if pid not in present and not ctx.person_info(pid) and any(ctx.sentence_of.get(s.start) in sentences for s in spans)
    ]
    if len(beside) != 1:
        return out
    p, pid = left[0], beside[0]
    named = Official(pid, pid, ctx.person_name(pid), p.role, p.country, p.cls, p.start, p.end, [*p.spans, *spans_of[pid]])
    if d.host == p.key:
        d.host = pid
    return [named if q is p else q for q in out]


def finalise(ctx: DocContext, d: Draft) -> dict[str, Any] | None:
    """The meeting dict (schema ``Meeting``) of a draft; None when its participants are one person."""
    lex = ctx.lex
    participants = list({(p.person_id or p.key): p for p in reversed(d.participants.values())}.values())[::-1]
    # roles and countries guessed for this meeting stay in it: the officials are shared by the document
    participants = [replace(p) for p in participants]
    fill_roles(participants, ctx)
    participants = merge_placed_titles(d, participants)
    place_shared_bodies(ctx, d.location, participants)
    fill_countries(ctx, d, participants)
    # "le chef de la diplomatie vietnamienne" beside the named Vietnamese foreign minister: one person
    participants = drop_named_offices(participants)
    # a delegation or a body the text and the slots give no state ("la délégation européenne"): nobody to report
    participants = [p for p in participants if not (p.group and not p.country)]
    if len(participants) < 2:
        return None  # "le Premier ministre cambodgien" beside the named one: one person, no meeting
    kept = drop_redundant_unnamed(participants)
    if len(kept) >= 2:
        participants = kept
    participants = name_unnamed(ctx, d, participants)
    states = {p.country for p in participants}
    if len(states) == 1 and states <= ctx.state_codes():
        return None  # a purely domestic audience ("l'ambassadeur d'Iran a accueilli le ministre iranien"): no diplomacy
    if d.host is not None and all(p.key != d.host for p in participants):
        d.host = carried_host(d.participants.get(d.host), participants)  # "Le Président du Faso, le capitaine X"
    if d.kind is None:
        for s in d.sentences[1:]:
            text = ctx.span_text(s)  # Span.text builds a Token per token
            if lex.cue("call").search(text) and any(w in text.lower() for w in lex.word_set("call_talk_noun")):
                d.kind = "call"
            elif lex.cue("video").search(text):
                d.kind = "video"
    kind = d.kind or "in_person"
    location = d.location if kind == "in_person" else None
    host = d.host if kind == "in_person" else None
    if kind == "in_person" and location is None:
        location = document_place(ctx, d, participants, host)
    if location is not None and location.get("country") is None:
        # a named venue ("au palais de l'Unité"): the country of the article's place, else of its dateline
        around = document_place(ctx, d, participants, host) or {}
        country = around.get("country") or (ctx.dateline or {}).get("country")
        if country:
            location = {**location, "country": country}
    if kind == "in_person" and host is None:
        host = place_host(ctx, d, participants, location)
    evidence = [mention(ctx.doc, s.start_char, s.end_char, ctx.omap, ctx.source) for s in sorted(d.sentences, key=lambda s: s.start)]
    topics, bodies, agreements = content(ctx, d)
    host_p = next((p for p in participants if p.key == host), None)
    if location is not None and location.get("country") is None and host_p is not None and host_p.country and len(host_p.country) == 2:
        location = {**location, "country": host_p.country}  # "au palais de l'Unité": the host's country
    confidence = d.strength
    if any(p.unnamed for p in participants):
        confidence -= 0.1
    if any(p.weak for p in participants):
        confidence -= 0.05
    if d.status != "held":
        confidence -= 0.1
    if d.date is None and d.date_span is None and d.status == "held" and d.sentences:
        d.date_span, d.date = lead_date(ctx, min(s.start for s in d.sentences) + 1)
    if d.date_span is not None and not d.multilateral and spanned_elsewhere(ctx, d):
        d.date_span, d.date = None, None  # an audience during a visit "du 24 au 26 novembre": its day is not told
    date_expr = None
    if d.date_span is not None:
        info = span_info(d.date_span) or {}
        date_expr = mention(ctx.doc, info.get("start_char", d.date_span.start_char), info.get("end_char", d.date_span.end_char), ctx.omap, ctx.source)
    return {
        "participants": [participant_dict(ctx, p) for p in participants],
        "host": participant_dict(ctx, host_p) if host_p else None,
        "kind": kind,
        "status": d.status,
        "date": d.date.isoformat() if d.date else None,
        "date_expression": date_expr,
        "location": {"name": location["name"], "country": location.get("country"), "mention": location.get("mention")} if location and location.get("name") else None,
        "topics": topics,
        "bodies": bodies,
        "agreements": agreements,
        "evidence": evidence,
        "confidence": round(max(0.05, min(1.0, confidence)), 2),
    }


def merge_duplicates(meetings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One meeting per encounter: two meetings of the same people (by name, whatever entity their
    mentions were linked to), status and kind, with no two different dates, are one; the first keeps
    its slots and takes the other's evidence and mentions."""
    out: list[dict[str, Any]] = []
    by_people: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for m in meetings:
        people = frozenset(fold(p["name"]) if p["name"] else f"?{p['role']}|{p['country']}" for p in m["participants"])
        group = (people, m["status"], m["kind"])
        twin = next((o for o in by_people.get(group, []) if not (o["date"] and m["date"] and o["date"] != m["date"])), None)
        if twin is None:
            out.append(m)
            by_people.setdefault(group, []).append(m)
            continue
        for key in ("date", "date_expression", "location", "host"):
            if twin[key] is None and m[key] is not None:
                twin[key] = m[key]
        twin["evidence"] = _union(twin["evidence"], m["evidence"])
        by_name = {fold(p["name"]): p for p in m["participants"] if p["name"]}
        for p in twin["participants"]:
            other = by_name.get(fold(p["name"])) if p["name"] else None
            if other is not None:
                p["mentions"] = _union(p["mentions"], other["mentions"])
                for key in ("role", "country", "id"):
                    if p[key] is None and other[key] is not None:
                        p[key] = other[key]
        for key in ("topics", "bodies", "agreements"):
            twin[key] = [*twin[key], *(x for x in m[key] if x not in twin[key])]
        twin["confidence"] = max(twin["confidence"], m["confidence"])
    return out


def _union(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The mentions of ``a`` and ``b`` (``{start, end, text}``), each offset pair once, in text order."""
    seen = {(x["start"], x["end"]) for x in a}
    return sorted([*a, *(x for x in b if (x["start"], x["end"]) not in seen)], key=lambda x: x["start"])
