"""Later repetitions of a name the text has given: "Bourita s'est ensuite entretenu …" after
"Nasser Bourita", where the statistical NER took the bare surname for something else (or
for nothing) at the start of a sentence.

Every person named with two words or more lends two forms: the whole name and its surname
(the last word, with the particles before it: "Le Drian", "von der Leyen", "Ben Romdhane").
A capitalised run of tokens equal to one of these forms (accents and case folded: "Vannàk" is
"Vannak") is a PERSON mention where it stands alone: no other name word right before or
after it (the "Sall" of "Aminata Sall" is not a mention of "Macky Sall"), and no entity of
another kind over it.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span

from ..folding import fold
from ..lexicons import word_set
from .people import is_name_token
from .tokens import TokenWords

_ROMAN = frozenset("ivxlcdm")


def name_forms(people: Iterable[Span]) -> dict[tuple[str, ...], tuple[int, int]]:
    """The folded token forms a person of the document may be repeated by.

    people (Iterable[Span]): the PERSON spans found so far.
    RETURNS (dict[tuple[str, ...], tuple[int, int]]): folded token texts of each form -> (number of
        tokens, end of the first mention that gives it: only later runs are repetitions).
    """
    particles = word_set("name_particles")
    forms: dict[tuple[str, ...], tuple[int, int]] = {}
    for p in sorted(people, key=lambda s: s.start):
        toks = [t.text for t in p]
        names = [t for t in toks if is_name_token(t)]
        if len(names) < 2:
            continue
        last = toks[-1]
        if not is_name_token(last) or len(last) < 3 or set(fold(last)) <= _ROMAN:
            continue
        forms.setdefault(tuple(fold(t) for t in toks), (len(toks), p.end))
        k = len(toks) - 1
        while k > 1 and toks[k - 1].lower() in particles:
            k -= 1  # "Le Drian", "von der Leyen", "Ben Romdhane"
        surname = tuple(fold(t) for t in toks[k:])
        forms.setdefault(surname, (len(toks) - k, p.end))
    return forms


def repeated_names(doc: Doc, people: list[Span], blocked: Iterable[Span], words: TokenWords | None = None) -> list[Span]:
    """New PERSON spans for the later bare repetitions of the document's people's names.

    doc (Doc): the doc.
    people (list[Span]): the PERSON spans found so far (their tokens are taken).
    blocked (Iterable[Span]): spans of other kinds (countries, bodies, titles, places...): no name there.
    words (TokenWords | None): the doc's token strings, when the caller has read them (saves a Token per token).
    RETURNS (list[Span]): the new PERSON spans, not overlapping one another nor ``people``.
    """
    forms = name_forms(people)
    if not forms:
        return []
    taken = {i for p in people for i in range(p.start, p.end)}
    taken |= {i for s in blocked for i in range(s.start, s.end)}
    by_first: dict[str, list[tuple[tuple[str, ...], int, int]]] = {}
    for form, (size, after) in sorted(forms.items(), key=lambda item: -item[1][0]):
        by_first.setdefault(form[0], []).append((form, size, after))
    particles = word_set("name_particles")
    texts = words.texts if words is not None else TokenWords.of(doc).texts
    n = len(doc)
    out: list[Span] = []
    i = 0
    while i < n:
        candidates = by_first.get(fold(texts[i]))
        if not candidates or i in taken:
            i += 1
            continue
        for form, size, after in candidates:
            end = i + size
            if i < after or end > n or any(k in taken for k in range(i, end)):
                continue
            if tuple(fold(texts[k]) for k in range(i, end)) != form or not texts[end - 1][:1].isupper():
                continue
            if not _stands_alone(doc, i, end, particles):
                continue
            out.append(Span(doc, i, end, label="PERSON"))
            taken.update(range(i, end))
            i = end - 1
            break
        i += 1
    return out


def _stands_alone(doc: Doc, start: int, end: int, particles: frozenset[str] | set[str]) -> bool:
    """Whether no other name word is glued to the run ``doc[start:end]``."""
    if start > 0:
        prev = doc[start - 1]
        if prev.text in ("-", "–") and not prev.whitespace_ or prev.lower_ in particles and prev.text[:1].isupper():
            return False
        if is_name_token(prev.text):
            return False
    if end < len(doc):
        nxt = doc[end]
        if nxt.text in ("-", "–") and not doc[end - 1].whitespace_:
            return False
        if is_name_token(nxt.text) or (nxt.lower_ in particles and end + 1 < len(doc) and is_name_token(doc[end + 1].text)):
            return False
    return True
