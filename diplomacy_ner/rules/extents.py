"""How far a title, a body name or an agreement name reaches after its head.

Heads come from the pattern files (``resources/patterns/*.jsonl``); these
functions grow a head into the whole phrase French news writes:

- titles: "le ministre italien de l'Intérieur", "ministre des Affaires étrangères,
  de la Coopération africaine et des Marocains résidant à l'étranger",
  "premier vice-président du gouvernement et ministre de l'Intérieur de la
  République de Serbie", "directrice générale de l'Organisation internationale
  pour les migrations (OIM)";
- bodies: "commission mixte de coopération maroco-ivoirienne", "ministère de la
  Culture et des Arts", "groupe de travail conjoint sur l'agriculture";
- agreements: "mémorandum d'entente dans le domaine de la formation policière et
  de l'échange d'expériences", "accord-cadre relatif à la gestion concertée des
  migrations et au développement solidaire".
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..lexicons import word_set
from .phrases import (  # noqa: F401  (re-exported: the extent rules' shared tests)
    A_FORMS,
    CLOSING_PARTICIPLES,
    DE,
    DETERMINERS,
    PARTICIPLES,
    PHRASE_STOPS,
    PORTFOLIO_WORDS,
    STATE_HEADS,
    STATE_WORDS,
    TITLE_MODIFIERS,
    SpanIndex,
    glued_end,
    is_acronym_text,
    is_cap,
    is_capitalised_word,
    is_capitals_word,
    is_participle,
    name_in_capitals,
    noun_phrase_end,
    nounish,
    skip_parenthetical,
)


@dataclass
class Extent:
    """The reach of a phrase: tokens ``[start, end)``; ``role_end`` ends the part a role keeps."""

    start: int
    end: int
    role_end: int
    country_spans: list[tuple[int, int]] = field(default_factory=list)
    body_spans: list[tuple[int, int]] = field(default_factory=list)
    acronym_spans: list[tuple[int, int]] = field(default_factory=list)
    posting_spans: list[tuple[int, int]] = field(default_factory=list)


def title_extent(doc: Doc, start: int, end: int, spans: SpanIndex, *, generic: bool = False) -> Extent:
    """Grow a title head ``doc[start:end]`` over modifiers and complements.

    A generic head ("homologue", "responsable") takes only adjectives ("son
    homologue serbe", "la responsable onusienne", "ses homologues espagnol et portugais").
    """
    n = len(doc)
    if generic:
        ext = Extent(start, end, end)
        i = end
        while i < n:
            if i in spans.country_adjectives:
                ext.country_spans.append((i, spans.country_adjectives[i]))
                i = spans.country_adjectives[i]
            elif i in spans.body_adjectives:
                ext.body_spans.append((i, i + 1))
                i += 1
            elif doc[i].lower_ == "et" and i + 1 < n and (i + 1) in spans.country_adjectives and ext.country_spans:
                i += 1
            elif (k := _country_complement(doc, i, spans, first=not ext.country_spans)) is not None:
                # "ses homologues du Ghana et du Mali": a country named after "de", and those coordinated with it
                ext.country_spans.append((k, spans.country_names[k]))
                i = spans.country_names[k]
            else:
                break
        ext.end = i
        return ext
    ext = Extent(start, end, end)
    i = end
    country_seen = False
    if spans.bodies.get(start, 0) > end:
        # "Haut Commissaire des Nations unies pour les réfugiés (HCR)": the title names the body
        # an acronym defines; it covers that name and the body is its participant's
        i = ext.role_end = spans.bodies[start]
        ext.body_spans.append((start, i))

    def complement(k: int) -> int | None:
        """End of a complement opened by the preposition(s) at ``k``."""
        low = doc[k].lower_
        j = k
        if low in word_set("charged_forms"):
            j += 1
            if j >= n or doc[j].lower_ not in DE | A_FORMS:
                return None
        elif low == "auprès":
            j += 1
            if j >= n or doc[j].lower_ not in DE:
                return None
        elif low == "en" and k + 1 < n and doc[k + 1].lower_ in word_set("in_office_nouns"):
            return k + 2
        elif low == "pour":
            # "représentant spécial de l'UE pour le Sahel", "… pour le Moyen-Orient"
            if not (k + 1 < n and doc[k + 1].lower_ in DETERMINERS and k + 2 < n and is_cap(doc[k + 2])) and (k + 1) not in spans.country_names:
                return None  # "… pour Haïti": a country without article
        elif low == "en":
            if not (k + 1 < n and (k + 1) in spans.country_names):
                return None
        elif low not in DE | A_FORMS:
            return None
        j += 1
        if j < n and doc[j].lower_ in DETERMINERS and j + 1 < n and doc[j + 1].lower_ in word_set("titles_after_article"):
            # "auprès du ministre des Affaires étrangères": a title inside the title
            return title_extent(doc, j + 1, spans.title_heads.get(j + 1, j + 2), spans).end
        if j < n and doc[j].lower_ in word_set("titles_after_de") and low != "de":
            # "porte-parole du Premier ministre": the inner title's whole head
            return title_extent(doc, j, spans.title_heads.get(j, j + 1), spans).end
        return noun_phrase_end(doc, j, spans, allow_lower=True)

    while i < n:
        tok = doc[i]
        low = tok.lower_
        if i in spans.persons:
            break
        if i in spans.country_adjectives:
            ext.country_spans.append((i, spans.country_adjectives[i]))
            i = spans.country_adjectives[i]
            continue
        if i in spans.body_adjectives:
            ext.body_spans.append((i, i + 1))
            i += 1
            continue
        if (low in TITLE_MODIFIERS and low != "et") or (tok.pos_ == "ADJ" and tok.is_lower and i == end):
            # "directeur régional", "secrétaire général adjoint", "président sortant"
            i += 1
            if low == "a.i" and i < n and doc[i].text == ".":
                i += 1
            if not country_seen:
                ext.role_end = i
            continue
        if low in A_FORMS and i + 1 < n and ((i + 1) in spans.places or (i + 1) in spans.country_names):
            # "le président syrien à Aleppo": where he is, not part of his title
            break
        if low in DE | A_FORMS or low in word_set("title_complement_links"):
            j = complement(i)
            if j is None or j <= i:
                break
            k = i + 1
            if k < n and doc[k].lower_ in DETERMINERS:
                k += 1
            if k in spans.country_names and spans.country_names[k] == j:
                if low in DE:
                    # "ambassadeur d'Italie": nationality; "ambassadrice … en Mauritanie": posting
                    ext.country_spans.append((k, j))
                    if doc[k].text in STATE_WORDS and doc[start].lower_ in STATE_HEADS and not country_seen:
                        # "Président de la République du Sénégal": the office is "président de la République"
                        ext.role_end = k + 1
                    country_seen = True
                else:
                    ext.posting_spans.append((k, j))
            elif k in spans.bodies and spans.bodies[k] <= j:
                ext.body_spans.append((k, spans.bodies[k]))
            elif (adj := next((a for a in range(k + 1, j) if spans.country_adjectives.get(a) == j), None)) is not None:
                # "ministre des Affaires étrangères saoudien": the nationality closes the portfolio
                ext.country_spans.append((adj, j))
                if not country_seen:
                    ext.role_end = adj
                country_seen = True
            i = j
            if not country_seen:
                ext.role_end = i
            continue
        if low == "(":
            j = skip_parenthetical(doc, i)
            if j is None:
                break
            ext.acronym_spans.append((i + 1, j - 1))
            i = j
            continue
        if low == "et" and i > end and i + 1 < n and doc[i + 1].pos_ == "ADJ" and (i + 1) not in spans.country_adjectives:
            i += 2  # "ministre des Affaires étrangères et européennes du Luxembourg"
            if not country_seen:
                ext.role_end = i
            continue
        if low in (",", "et") and i + 1 < n:
            if low == "," and doc[i + 1].lower_ == "et" and ext.country_spans and i + 2 < n and doc[i + 2].lower_ in DE:
                i += 1  # "de la Mauritanie, et des Comores"
                low = "et"
            nxt = doc[i + 1]
            if nxt.lower_ in A_FORMS and ((i + 2) in spans.places or (i + 2) in spans.country_names):
                break  # "…, à Paris": where, not a portfolio
            if nxt.lower_ in DE | A_FORMS and (i + 1) not in spans.persons:
                j = complement(i + 1)
                if j is not None:
                    k = i + 2
                    if k < n and doc[k].lower_ in DETERMINERS:
                        k += 1
                    if k in spans.country_names and spans.country_names[k] == j:
                        # ", du Portugal" ends the title with its country
                        ext.country_spans.append((k, j))
                        country_seen = True
                    elif k in spans.bodies and spans.bodies[k] <= j and not any(t.lower_ in PORTFOLIO_WORDS for t in doc[start:i]):
                        # "représentante spéciale du BINUH et des Nations unies": the body coordinated after
                        # one the knowledge base does not know (not a portfolio: "ministre des Affaires
                        # étrangères et de l'Union européenne" serves a state)
                        ext.body_spans.append((k, spans.bodies[k]))
                    i = j
                    if not country_seen:
                        ext.role_end = i
                    continue
            if (i + 1) in spans.title_heads and doc[i + 1].lower_ in word_set("joined_title_heads"):
                head_end = spans.title_heads[i + 1]
                inner = title_extent(doc, i + 1, head_end, spans)
                if inner.end > head_end or low == "et":
                    ext.country_spans.extend(inner.country_spans)
                    ext.body_spans.extend(inner.body_spans)
                    if not country_seen and not inner.country_spans:
                        ext.role_end = inner.role_end
                    elif not country_seen:
                        ext.role_end = inner.role_end
                        country_seen = bool(inner.country_spans) and inner.role_end < inner.end
                    i = inner.end
                    continue
        break
    ext.end = i
    return ext


def _country_complement(doc: Doc, i: int, spans: SpanIndex, *, first: bool) -> int | None:
    """The start of a country name that a generic title's complement opens at ``i``: "du Ghana",
    "de la Côte d'Ivoire", and after a first one, a coordinated ", du Mali" or "et du Mali"."""
    n = len(doc)
    j = i
    if not first:
        if doc[j].lower_ not in ("et", ","):
            return None
        j += 1
    if j >= n or doc[j].lower_ not in DE:
        return None
    j += 1
    if j < n and doc[j].lower_ in word_set("definite_articles"):
        j += 1
    return j if j in spans.country_names else None


def body_extent(doc: Doc, start: int, end: int, spans: SpanIndex, *, stops: Container[int] = ()) -> int:
    """End of a generic body name whose head is ``doc[start:end]``."""
    n = len(doc)
    i = end
    used_sur = False
    while i < n and i not in stops:
        tok = doc[i]
        low = tok.lower_
        if i in spans.persons:
            break
        if i in spans.country_adjectives:
            i = spans.country_adjectives[i]
            continue
        if low in DE:
            j = noun_phrase_end(doc, i + 1, spans, allow_lower=True)
            if j is None:
                break
            i = j
            continue
        if low in word_set("body_purpose_links") and not used_sur:
            k = i + 1
            if low in word_set("charged_singular") and k < n and doc[k].lower_ in DE | A_FORMS:
                k += 1
            j = noun_phrase_end(doc, k, spans, allow_lower=True)
            if j is None:
                break
            used_sur = True
            i = j
            continue
        if low == "et" and i + 1 < n and doc[i + 1].lower_ in DE:
            j = noun_phrase_end(doc, i + 2, spans, allow_lower=True)
            if j is None:
                break
            i = j
            continue
        if tok.pos_ == "ADJ" or (tok.is_lower and tok.pos_ == "NOUN" and low not in PHRASE_STOPS) or (
            is_cap(tok) and tok.pos_ in ("PROPN", "ADJ", "NOUN") and i == end
        ):
            if low in PHRASE_STOPS:
                break
            i = glued_end(doc, i)
            continue
        break
    return i
