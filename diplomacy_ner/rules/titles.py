"""What a title says: its role text, the countries and bodies it names, and where
an ambassador is posted ("l'ambassadeur de Chine en Mauritanie")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

from ..folding import fold
from ..lexicons import word_set
from .extents import STATE_WORDS, Extent
from .tokens import join_tokens
from ..extensions import span_info


def title_info(
    doc: Doc, ext: Extent, cls: str, country_at: dict[int, str], body_id_for: Callable[[str], str | None], body_adjectives: dict[str, str]
) -> dict[str, Any]:
    """What a title says, as JSON-able data for ``span_info(span)``.

    doc (Doc): the doc.
    ext (Extent): the title's extent.
    cls (str): the title's class ("minister", "generic"...).
    country_at (dict[int, str]): country id of the country mention starting at each token.
    body_id_for (Callable): the knowledge-base id of a body named by a text, or None.
    body_adjectives (dict[str, str]): body id of each folded body adjective ("onusien").
    RETURNS (dict): class, role text, countries, bodies and postings (country codes).
    """
    codes = []
    for s, _e in ext.country_spans:
        cid = country_at.get(s)
        if cid and cid.startswith("country:"):
            codes.append(cid.split(":", 1)[1])
    bodies = []
    for s, e in ext.body_spans:
        body_id = body_id_for(doc[s:e].text)
        if body_id is None:
            key = fold(doc[s:e].text)
            body_id = body_adjectives.get(key)
        if body_id:
            bodies.append(body_id)
    for s, e in ext.acronym_spans:
        body_id = body_id_for(doc[s:e].text)
        if body_id:
            bodies.append(body_id)
    # adjectives inside the head itself: "commissaire européen", "responsable onusienne" (not in its
    # portfolio: "ministre chargée de l'intégration européenne" serves a state, not the EU)
    links = word_set("de_forms") | word_set("a_forms") | word_set("charged_forms")
    for tok in doc[ext.start : ext.end]:
        if tok.lower_ in links:
            break
        body_id = body_adjectives.get(fold(tok.text))
        if body_id and body_id not in bodies:
            bodies.append(body_id)
    role_tokens = []
    skip = {i for s, e in ext.country_spans for i in range(s, e) if doc[i].text not in STATE_WORDS}
    skip |= {i for s, e in ext.acronym_spans for i in range(s - 1, e + 1)}
    for tok in doc[ext.start : ext.role_end]:
        if tok.i in skip:
            continue
        role_tokens.append(tok)
    role = join_tokens(role_tokens)
    postings = [country_at[s].split(":", 1)[1] for s, _e in ext.posting_spans if country_at.get(s, "").startswith("country:")]
    return {"class": cls, "role": role, "countries": codes, "bodies": bodies, "postings": postings}


def former_title(doc: Doc, start: int) -> bool:
    """Whether the title starting at ``start`` is a former office: "l'ancien ministre", "l'ex-président"."""
    former = word_set("former_title_words")
    k = start - 1
    if k >= 0 and doc[k].text in ("-", "–") and not doc[k].whitespace_:
        k -= 1  # "ex-président" split in three tokens
    return k >= 0 and (doc[k].lower_ in former or doc[k].lower_.rstrip("-–") in former)


def share_coordinated_countries(doc: Doc, titles: list[Any]) -> None:
    """"le roi et la reine des Pays-Bas", "le président et le vice-président du Ghana": a bare title
    coordinated with the next title of the same class shares that title's one country. The first
    title must end right before "et" (no name of its own in between) and say no country or body."""
    coordinators = word_set("name_coordinators") - {","}
    determiners = word_set("definite_articles")
    by_start = {t.start: t for t in titles}
    for t in titles:
        info = span_info(t) or {}
        if info.get("countries") or info.get("bodies") or info.get("class") in (None, "generic") or t.end + 1 >= len(doc):
            continue
        if doc[t.end].lower_ not in coordinators:
            continue
        j = t.end + 1
        if doc[j].lower_ in determiners:
            j += 1
        other = by_start.get(j)
        oinfo = (span_info(other) or {}) if other is not None else {}
        if other is None or oinfo.get("class") != info.get("class") or len(set(oinfo.get("countries") or [])) != 1:
            continue
        info["countries"] = list(oinfo["countries"][:1])
        info["coordinated_with"] = other.start  # two people, whatever the meeting step's dedupe says
