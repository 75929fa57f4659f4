"""What the words right before a person's name say about the knowledge-base person it may link to.

"le roi Philippe" names a king by his given name: it links to a king of that given name, never to
a politician whose surname is Philippe; "le ministre gabonais de la Pêche, X" cannot be a person
whose every known office served another state. The regnal words are data (``regnal_titles``
in ``resources/lexicons/words/names.jsonl``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..folding import fold
from ..kb.knowledge_base import KnowledgeBase
from ..lexicons import word_set
from ..extensions import span_info

GENERIC_TITLE_CLASSES = frozenset({"generic"})  # "son homologue": no office of its own

@dataclass(frozen=True)
class TitleContext:
    """The title before a mention: whether it is a monarch's, and the states it names."""

    regnal: bool = False
    countries: tuple[str, ...] = ()
    cls: str | None = None  # the title's class ("head_of_state"), a generic one ("son homologue") left out


@lru_cache(maxsize=1)
def _regnal_words() -> frozenset[str]:
    return frozenset(fold(w) for w in word_set("regnal_titles"))


def is_regnal(title: str) -> bool:
    """Whether an office ("roi des Belges", "Grand-Duc", "émir du Qatar") is a monarch's or a royal's."""
    words = fold(title).split()
    regnal = _regnal_words()
    return bool(words) and (words[0] in regnal or " ".join(words[:2]) in regnal)


def title_contexts(doc: Doc, people: list[Span], titles: list[Span]) -> dict[int, TitleContext]:
    """The title context of each PERSON span with a title or a regnal word right before it.

    The walk back from the name crosses forms of address, ranks and commas ("le roi", "Sa Majesté
    le Roi", "le ministre gabonais de la Pêche, "); a TITLE span ending there gives its countries
    (not a former office's: "l'ancien Premier ministre portugais").
    RETURNS (dict[int, TitleContext]): by the span's start token.
    """
    by_end = {t.end: t for t in titles}
    between = word_set("words_between_title_and_name")
    address = word_set("forms_of_address_before_name")
    regnal_words = _regnal_words()
    out: dict[int, TitleContext] = {}
    for p in people:
        j, regnal, countries, cls = p.start, False, (), None
        while j > 0 and p.start - j <= 7:
            title = by_end.get(j)
            if title is not None:
                info = span_info(title) or {}
                regnal = regnal or is_regnal(title.text)
                if not info.get("former"):
                    countries = tuple(c for c in info.get("countries") or () if len(c) == 2 and c.isupper())
                    cls = info.get("class") if info.get("class") not in GENERIC_TITLE_CLASSES else None
                break
            tok = doc[j - 1]
            if tok.lower_ in between or tok.text in address:
                regnal = regnal or fold(tok.text) in regnal_words
                j -= 1
                continue
            break
        if regnal or countries or cls:
            out[p.start] = TitleContext(regnal, countries, cls)
    return out


def fits_title(kb: KnowledgeBase, person_id: str, context: TitleContext | None) -> bool:
    """Whether a knowledge-base person can be named after this title: a monarch's title needs a
    person with a regnal office; a title naming states needs one office of one of them (a person
    without known offices, or with an office of a body, is not vetoed)."""
    if context is None:
        return True
    roles = getattr(kb.get(person_id), "roles", ())
    if not roles:
        return True
    if context.regnal and not any(is_regnal(r.title) for r in roles):
        return False
    states = {r.country for r in roles}
    if context.countries and all(len(c) == 2 and c.isupper() for c in states) and not states & set(context.countries):
        return False
    return True


def regnal_person(kb: KnowledgeBase, given_name: str) -> str | None:
    """The one knowledge-base person with a regnal office whose name starts with this given name
    ("Philippe" → "Philippe de Belgique"), or None."""
    key = fold(given_name)
    ids = [
        p.id
        for p in kb.people
        if any(fold(n).split()[:1] == [key] for n in (p.name, *p.aliases)) and any(is_regnal(r.title) for r in p.roles)
    ]
    return ids[0] if len(ids) == 1 else None
