"""Entities of a document other than people: countries, bodies, agreements and places,
each with its mentions; a body or agreement the knowledge base does not know gets a
document-level id."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span

from ..folding import fold
from .kb_links import KBLinks
from .person_clusters import slug
from ..extensions import span_info


def country_entities(links: KBLinks, spans: list[Span], span_entity: dict) -> list[dict[str, Any]]:
    """Country entities: one per country id, with its spans (``"_spans"``); records each span's entity in ``span_entity``."""
    groups: dict[str, list[Span]] = {}
    for s in spans:
        if not s.kb_id_.startswith("country:"):
            continue
        # country spans already carry their canonical id ("maroco-ivoirienne" is two spans, MA and CI)
        groups.setdefault(s.kb_id_, []).append(s)
    out = []
    for cid, group in groups.items():
        rec = links.kb.get(cid)
        out.append(
            {"id": cid, "type": "country", "name": rec.name if rec else cid, "code": cid.split(":", 1)[1], "in_kb": rec is not None, "_spans": group}
        )
    return out


def named_entities(links: KBLinks, spans: list[Span], kind: str, span_entity: dict, home: str | None, doc: Doc | None = None) -> list[dict[str, Any]]:
    """Body or agreement entities: the knowledge base's id (a national body of the home country first), the body of an acronym right after, a longer name the text gives, else a document-level id."""
    dateline_end = ((doc._.dateline or {}).get("end", -1)) if doc is not None else -1
    # a national body named like others is the home country's, else that of the article's most mentioned country
    countries = [home, *((doc._.country_ranking or []) if doc is not None else [])] if home else []
    groups: dict[str, dict[str, Any]] = {}
    spans = [s for s in spans if s.start_char >= dateline_end]  # "(MAP)" is the source, not a body in the news
    resolved: list[tuple[Span, str]] = []
    for s in spans:
        ent_id = s.kb_id_ or ""
        if ent_id.startswith("doc-"):
            pass
        elif ent_id:
            ent_id = links.disambiguate_national(ent_id, s.text, countries)
        else:
            cand = next(iter(links.candidates(s.text, types=(kind,), fuzzy=False)), None)
            ent_id = cand.entity_id if cand else ""
        if not ent_id and doc is not None:
            # "Police nationale espagnole (CNP)": the name right before a known acronym is that body
            ent_id = links.acronym_after(doc, s, kind) or ""
        resolved.append((s, ent_id))
    # a shorter generic name that starts a longer one is the same body ("la Commission mixte")
    named = {fold(strip_article(s.text)): eid for s, eid in resolved if eid}
    longer = sorted({fold(strip_article(s.text)) for s, _ in resolved}, key=len, reverse=True)
    final: list[tuple[Span, str]] = []
    for s, ent_id in resolved:
        key = fold(strip_article(s.text))
        if not ent_id:
            target = next((k for k in longer if k != key and k.startswith(key + " ")), None)
            if target is not None and len(key.split()) >= 2:
                ent_id = named.get(target) or f"doc-{kind}:{slug(target)}"
            else:
                ent_id = f"doc-{kind}:{slug(strip_article(s.text))}"
        final.append((s, ent_id))
    for s, ent_id in final:
        info = span_info(s) or {}
        span_entity[(s.start, s.end, s.label_)] = ent_id
        group = groups.setdefault(ent_id, {"_spans": [], "acronym": info.get("acronym")})
        group["_spans"].append(s)
        if info.get("acronym"):
            group["acronym"] = info["acronym"]
    out = []
    for ent_id, g in groups.items():
        rec = links.kb.get(ent_id)
        texts = [strip_article(s.text) for s in g["_spans"]]
        acronym = g.get("acronym") or (getattr(rec, "acronym", None) if rec else None)
        if rec is not None and kind != "agreement":
            name = rec.name
        else:
            # agreements and unknown bodies keep the form the text uses (the longest)
            name = max(texts, key=len) if kind == "agreement" or not acronym else acronym
        aliases = sorted({t for t in texts if t and t != name and t != acronym})
        out.append(
            {
                "id": ent_id,
                "type": kind,
                "name": name,
                "acronym": acronym,
                "aliases": aliases,
                "country": getattr(rec, "country", None) if rec else None,
                "in_kb": rec is not None,
                "_spans": g["_spans"],
            }
        )
    return out


def entity_bodies(by_label: dict[str, list[Span]]) -> list[Span]:
    """Body mentions, less a minister's portfolio ("chargée de la Francophonie")."""
    ministers = [t for t in by_label.get("TITLE", []) if (span_info(t) or {}).get("class") in ("minister", "prime_minister")]
    out = []
    for b in by_label.get("BODY", []):
        inside = any(t.start <= b.start and b.end <= t.end for t in ministers)
        if inside and not b.text.isupper():
            continue
        out.append(b)
    return out


def place_entities(spans: list[Span], span_entity: dict) -> list[dict[str, Any]]:
    """Place entities: one per gazetteer id, with its spans."""
    groups: dict[str, list[Span]] = {}
    for s in spans:
        groups.setdefault(s.kb_id_, []).append(s)
        span_entity[(s.start, s.end, "PLACE")] = s.kb_id_
    out = []
    for pid, group in groups.items():
        info = span_info(group[0]) or {}
        out.append({"id": pid, "type": "place", "name": info.get("name") or group[0].text, "country": info.get("country"), "in_kb": True, "_spans": group})
    return out


def strip_article(text: str) -> str:
    """The text without a leading definite article ("la Commission mixte" gives "Commission mixte")."""
    return re.sub(r"^(?:le |la |les |l'|l’)", "", text.strip(), flags=re.I)
