"""The extent of an agreement's name grown from its head: "l'accord de partenariat
économique entre le Maroc et l'UE", "le plan d'action 2025-2027", "le mémorandum
d'entente relatif à la coopération sécuritaire"."""

from __future__ import annotations

from spacy.tokens import Doc

from ..lexicons import word_set
from .extents import (
    A_FORMS,
    DE,
    DETERMINERS,
    PHRASE_STOPS,
    SpanIndex,
    glued_end,
    is_cap,
    is_participle,
    noun_phrase_end,
    nounish,
)

AGREEMENT_NEW_HEAD_WORDS = word_set("agreement_new_heads")
AGREEMENT_LINKS = word_set("agreement_links")
AGREEMENT_PREPS = word_set("agreement_preps")


def agreement_extent(doc: Doc, start: int, end: int, spans: SpanIndex) -> int:
    """End of an agreement name whose head is ``doc[start:end]``."""
    n = len(doc)
    i = end
    while i < n:
        tok = doc[i]
        low = tok.lower_
        if i in spans.persons:
            break
        if tok.like_num or (tok.text[:1].isdigit()):
            # "plan d'action 2025-2027", "feuille de route 2025-2027"
            i = glued_end(doc, i)
            continue
        if i in spans.country_adjectives:
            i = spans.country_adjectives[i]
            continue
        if low in DE or low in A_FORMS:
            j = noun_phrase_end(doc, i + 1, spans, allow_lower=True)
            if j is None:
                break
            i = j
            continue
        if low in AGREEMENT_LINKS:
            k = i + 1
            if k < n and doc[k].lower_ in DE | A_FORMS:
                j = noun_phrase_end(doc, k + 1, spans, allow_lower=True)
            elif k < n:
                # "portant création d'un Centre…", "établissant un partenariat stratégique"
                if doc[k].lower_ in word_set("articles"):
                    k += 1
                j = noun_phrase_end(doc, k, spans, allow_lower=True)
            else:
                j = None
            if j is None:
                break
            i = j
            continue
        if low in AGREEMENT_PREPS:
            k = i + 1
            if low == "dans" and k + 2 < n and doc[k].lower_ == "le" and doc[k + 1].lower_ in word_set("field_nouns"):
                k += 2
                i = k
                continue
            if low == "en" and k < n and doc[k].lower_ == "matière":
                i = k + 1
                continue
            if low == "entre":
                # "convention … entre l'Académie X et l'Académie Y", "Partenariat vert entre le Maroc et l'UE"
                j = noun_phrase_end(doc, k, spans, allow_lower=False)
                if j is None:
                    break
                if j < n and doc[j].lower_ == "et":
                    j2 = noun_phrase_end(doc, j + 1, spans, allow_lower=False)
                    if j2 is not None:
                        j = j2
                i = j
                continue
            if k < n and doc[k].lower_ in word_set("indefinite_articles"):
                k += 1
            j = noun_phrase_end(doc, k, spans, allow_lower=True)
            if j is None:
                break
            i = j
            continue
        if low == "et" and i + 1 < n:
            nxt = doc[i + 1]
            if nxt.lower_ in DE | A_FORMS:
                j = noun_phrase_end(doc, i + 2, spans, allow_lower=True)
                if j is None:
                    break
                i = j
                continue
            if nxt.lower_ in DETERMINERS and i + 2 < n and doc[i + 2].lower_ not in AGREEMENT_NEW_HEAD_WORDS:
                j = noun_phrase_end(doc, i + 1, spans, allow_lower=True)
                if j is None:
                    break
                i = j
                continue
            break
        if tok.pos_ == "ADJ" or (i == end and (is_participle(tok) or (nounish(tok) and tok.is_lower))) or (
            is_cap(tok) and not tok.is_sent_start and low not in PHRASE_STOPS
        ):
            if low in PHRASE_STOPS:
                break
            i = glued_end(doc, i)
            continue
        if tok.text in ("-", "–") and not doc[i - 1].whitespace_ and not tok.whitespace_:
            # "accord-cadre", split by the tokenizer
            i = glued_end(doc, i - 1)
            continue
        break
    return i
