"""Which person a title describes: the name after it (over commas, honorifics and ranks), the one
before it (an apposition), the subject of a capacity phrase, a title stacked on another, and the
country named beside a person. Used by ``roles.find_roles``."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..lexicons import word_set
from .person_clusters import PersonCluster
from ..extensions import span_info


def capacity_subject(
    doc: Doc, title: Span, person_at_start: dict[int, PersonCluster], person_at_end: dict[int, PersonCluster]
) -> PersonCluster | None:
    """The subject a title in a capacity phrase describes: "En sa qualité de ministre, X a reçu …" (X),
    "En qualité de ministre, il a reçu …" (the person named last before the phrase); None elsewhere."""
    k = title.start - 1
    while k >= 0 and doc[k].pos_ == "DET":
        k -= 1
    if not (k >= 1 and doc[k].lower_ in word_set("de_forms") and doc[k - 1].lower_ in word_set("capacity_nouns")):
        return None
    j = title.end
    if j < len(doc) and doc[j].text == ",":
        j += 1
    if j in person_at_start:
        return person_at_start[j]
    if j < len(doc) and doc[j].lower_ in word_set("subject_pronouns_singular"):
        before = [end for end in person_at_end if end <= title.start]
        return person_at_end[max(before)] if before else None
    return None


def stacked_titles(
    doc: Doc, titles: list[Span], title_person: dict[tuple[int, int], str | None], attached: dict[str, list[Span]]
) -> None:
    """"le Premier ministre, ministre d'État, X": a title left without a person, followed across a
    comma by a bare title (no article) that has one, is that person's too."""
    for t, nxt in reversed(list(zip(titles, titles[1:]))):
        if title_person.get((t.start, t.end)) is not None or (span_info(t) or {}).get("former"):
            continue
        owner = title_person.get((nxt.start, nxt.end))
        if owner is None or nxt.start != t.end + 1 or doc[t.end].text != "," or nxt.start < 1:
            continue
        if doc[nxt.start].pos_ == "DET" or doc[nxt.start].lower_ in word_set("definite_articles"):
            continue
        title_person[(t.start, t.end)] = owner
        attached.setdefault(owner, []).insert(0, t)


def person_after(doc: Doc, i: int, person_at_start: dict[int, PersonCluster]) -> PersonCluster | None:
    """The person right after a title, over commas, honorifics and ranks ("…, le général de division X")."""
    n = len(doc)
    j = i
    while j < n and j - i <= 7 and j not in person_at_start:
        tok = doc[j]
        if tok.text in word_set("forms_of_address_before_name") or tok.lower_ in word_set("words_between_title_and_name"):
            j += 1
            continue
        break
    return person_at_start.get(j)


def fronted_adjunct(doc: Doc, title: Span, person: PersonCluster) -> bool:
    """Whether a title inside a fronted prepositional phrase is followed by the subject of the
    clause, not by its own name: "Outre le président X, Y a échangé", "Lors de la réunion des
    ministres, Y s'est entretenu" (a name closed by a comma, "…, Y, a reçu", stays in apposition)."""
    k = title.start - 1
    while k >= 0 and (doc[k].pos_ == "DET" or doc[k].lower_ in word_set("definite_articles")):
        k -= 1
    if k < 0 or not (doc[k].pos_ == "ADP" or doc[k].lower_ in word_set("de_forms") | word_set("a_forms")):
        return False
    span = min((s for s in person.spans if title.end <= s.start <= title.end + 8), key=lambda s: s.start, default=None)
    if span is None or span.start == title.end or span.end >= len(doc):
        return False  # "avec son homologue portugais Tiago X": a name right after the title is its own
    nxt = doc[span.end]
    return nxt.pos_ in ("AUX", "VERB") or (nxt.pos_ == "PRON" and "Rel" not in nxt.morph.get("PronType"))


def country_beside(doc: Doc, span: Span, named_at: dict[int, Span]) -> str | None:
    """The code of a country named right after a person ("X de Serbie", "X des Pays-Bas", "X (Serbie)")."""
    de = word_set("de_forms")
    n = len(doc)
    j = span.end
    code = bracketed_country(doc, span, named_at)
    if code is not None:
        return code
    if j < n and doc[j].lower_ in de:
        j += 1
        if j < n and doc[j].lower_ in word_set("definite_articles"):
            j += 1
        if j in named_at:
            return named_at[j].kb_id_.split(":", 1)[1]
    return None


def bracketed_country(doc: Doc, span: Span, named_at: dict[int, Span]) -> str | None:
    """The code of a country named in brackets right after a person ("X (Serbie)", "X ( Serbie)")."""
    j = span.end
    if j + 2 < len(doc) and doc[j].text == "(" and j + 1 in named_at and doc[named_at[j + 1].end].text == ")":
        return named_at[j + 1].kb_id_.split(":", 1)[1]
    return None


def place_country(doc: Doc, title: Span, places: list[Span]) -> str | None:
    """The country of a place a title names after "de" ("prince héritier d'Abou Dhabi"), or None
    (a posting after "à" is where a diplomat serves, not whom: "ambassadeur … à Dakar")."""
    de = word_set("de_forms")
    for p in places:
        if title.start < p.start and p.end <= title.end and doc[p.start - 1].lower_ in de:
            code = (span_info(p) or {}).get("country")
            if code:
                return code
    return None


def inner_title(doc: Doc, title: Span) -> bool:
    """Whether a title ends on the office of another person, after "de" or an article ("conseiller
    du président", "secrétaire d'État auprès du ministre de l'Intérieur"): a name right after it is
    that other person's."""
    inner = word_set("titles_after_article")
    lead = word_set("de_forms") | word_set("definite_articles")
    return any(doc[k].lower_ in inner and doc[k - 1].lower_ in lead for k in range(title.start + 1, title.end))


def person_before(doc: Doc, i: int, person_at_end: dict[int, PersonCluster], *, end: int | None = None) -> PersonCluster | None:
    """The person right before a title, across a comma or an opening bracket ("X, nouvel ambassadeur
    de …"); across an article too when the title ``doc[i:end]`` is no clause's subject ("X, le nouvel
    ambassadeur de France, a …", not "Lors de l'entretien avec X, le ministre a déclaré")."""
    j = i
    if j > 1 and doc[j - 1].lower_ in word_set("apposition_title_adjectives"):
        j -= 1
    if j > 1 and doc[j - 1].lower_ in word_set("definite_articles") and doc[j - 2].text == ",":
        if end is not None and end < len(doc) and doc[end].pos_ in ("VERB", "AUX"):
            return None
        j -= 1
    if j < i and doc[j - 1].text != ",":
        j = i
    if j > 0 and doc[j - 1].text in (",", "("):
        j -= 1
        return person_at_end.get(j)
    return None
