"""Names right after a title that the statistical NER missed or cut ("…, Jānis Ozols,", "le
Premier ministre TAKEDA Ren a reçu", "le Premier ministre Kolo Adiza (avant-hier)")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..lexicons import word_set
from .extents import SpanIndex
from .people import extend_name, is_name_token


def names_after_titles(doc: Doc, titles: list[Span], people: list[Span], entities: list[Span], index: SpanIndex) -> list[Span]:
    """A name right after a title and a comma, which the statistical NER missed ("…, Jānis Ozols,").

    doc (Doc): the doc.
    titles (list[Span]): TITLE spans.
    people (list[Span]): the people found so far.
    entities (list[Span]): country and body mentions (no name runs into them).
    index (SpanIndex): the token index of the spans; the new people's starts are added.
    RETURNS (list[Span]): the new PERSON spans.
    """
    n = len(doc)
    covered = {i for p in people for i in range(p.start, p.end)}
    entity_tokens = {i for sp in entities for i in range(sp.start, sp.end)}
    particles = word_set("name_particles") - word_set("de_forms") - word_set("definite_articles")  # "X de Perak": a place
    found = []
    for t in titles:
        k = t.end
        comma = k < n and doc[k].text == ","
        first = k + 1 if comma else k
        if first >= n or first in entity_tokens or not is_name_token(doc[first].text):
            continue
        j = first
        while j < n and j - first < 5 and j not in entity_tokens and (
            is_name_token(doc[j].text) or (doc[j].lower_ in particles and j + 1 < n and is_name_token(doc[j + 1].text))
        ):
            j += 1
        j = extend_name(doc, j)
        # without a comma the name ends before a verb, or (two words or more) before any small word:
        # "le Premier ministre TAKEDA Ren a reçu", "le président Jean Duval à Paris"; a bracket ends it
        # ("le Premier ministre Kolo Roger (avant-hier)")
        bracket = j < n and doc[j].text == "(" and all(x.is_alpha for x in doc[first:j]) and "Plur" not in doc[t.start].morph.get("Number")
        ends_well = j >= n or bracket or doc[j].text in (",", ".", ";", ")") or (
            not comma and (doc[j].pos_ in ("AUX", "VERB") or (j - first >= 2 and doc[j].text[:1].islower()))
        )
        if not ends_well or j - first < 2:
            continue
        inner = [p for p in people if first <= p.start and p.end <= j]
        if any(i in covered for i in range(first, j)) and (not inner or any(p.start < first < p.end or p.start < j < p.end for p in people)):
            continue
        for p in inner:  # "TAKEDA Ren" where the statistical NER found "Ren": the whole name
            people.remove(p)
            covered.difference_update(range(p.start, p.end))
        found.append(Span(doc, first, j, label="PERSON"))
        covered.update(range(first, j))
    index.persons.update(p.start for p in people)
    index.persons.update(p.start for p in found)
    return found
