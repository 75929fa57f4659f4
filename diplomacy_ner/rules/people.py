"""People's names in the text: the statistical NER's PER entities cleaned of
honorifics and titles, knowledge-base names, and capitalised words after an
honorific ("M. Benyoucef") or after a title and a comma ("…, Jānis Ozols,").

The words are data: ``resources/lexicons/words/rules.jsonl`` (words that start a
name's mention but are not part of the name, name particles) and the
honorifics of ``names.jsonl`` shared with :func:`diplomacy_ner.folding.strip_honorifics`.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..folding import fold
from ..lexicons import word_set
from .tokens import TokenWords, longest_non_overlapping
from ..extensions import span_info

CAP_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’\-.]*$")


@lru_cache(maxsize=1)
def _honorifics() -> tuple[frozenset[str], frozenset[str]]:
    return word_set("honorific_forms"), word_set("honorific_capitals_only")


def is_honorific(text: str) -> bool:
    """Whether a token is an honorific or a title that precedes a name ("M.", "S.E.", "ministre")."""
    if text.lower() in word_set("words_before_names"):
        return True
    forms, capitals_only = _honorifics()
    key = " ".join(fold(text).replace(".", " ").split())
    if len(key) == 1 and "." not in text:
        return False  # "M" without its dot may be an initial
    return key in forms and (key not in capitals_only or text.isupper())


def is_name_token(text: str) -> bool:
    """A capitalised word that is no honorific and no number."""
    return bool(CAP_WORD.match(text)) and not is_honorific(text) and not text.isdigit()


@lru_cache(maxsize=1)
def _honorific_phrases() -> tuple[frozenset[tuple[str, ...]], int]:
    """The honorific forms of several words ("son exc", "samdech akka moha sena padei techo") and the longest's length."""
    forms, capitals_only = _honorifics()
    phrases = frozenset(tuple(f.split()) for f in forms if " " in f and f not in capitals_only)
    return phrases, max((len(p) for p in phrases), default=0)


def honorific_phrase_end(doc: Doc, start: int, end: int) -> int:
    """The end of the longest honorific phrase of several words at ``start`` ("S. Exc.", "Samdech Techo",
    "Samdech Akka Moha Sena Padei Techo"), or ``start`` when there is none; the phrase stops before ``end``."""
    phrases, longest = _honorific_phrases()
    words: list[str] = []
    best = start
    for i in range(start, end):
        words.extend(fold(doc[i].text).replace(".", " ").split())
        if len(words) > longest or not words:
            break
        if tuple(words) in phrases:
            best = i + 1
    return best


def patronymic_honorific(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start]`` is a title of address before a patronymic chain ("Cheikh Tamim ben Hamad
    Al Thani", "Emir Mohammed Ben Salmane"), not a given name ("Cheikh Tidiane Sy")."""
    if fold(doc[start].text) not in {fold(w) for w in word_set("honorifics_before_patronymic_names")}:
        return False
    joining = word_set("name_joining_particles")
    return any(fold(doc[i].text) in joining for i in range(start + 2, end))


def title_complement(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` closes a title's complement, not a name: a portfolio or a corps after "de"
    ("le ministre des Finances | X", "le général de Brigade | X", "de la Défense | X")."""
    if i == 0 or fold(doc[i].text) not in _complement_words():
        return False
    de, articles = word_set("de_forms"), word_set("definite_articles")
    prev = doc[i - 1].lower_.replace("’", "'")
    return prev in de or (prev in articles and i > 1 and doc[i - 2].lower_ in de)


@lru_cache(maxsize=1)
def _complement_words() -> frozenset[str]:
    return frozenset(fold(w) for w in word_set("portfolio_words") | word_set("title_complements_before_names"))


def strip_honorifics(span: Span) -> Span | None:
    """The span less its leading honorifics (one word or several), a title's complement glued to it,
    and trailing punctuation; None when nothing is left."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end:
        if is_honorific(doc[start].text) or doc[start].is_punct or patronymic_honorific(doc, start, end):
            start += 1
        elif start == span.start and end - start > 1 and title_complement(doc, start):
            start += 1
        elif (phrase_end := honorific_phrase_end(doc, start, end)) > start:
            start = phrase_end
        else:
            break
    stops = word_set("phrase_stops")
    while end > start and (
        doc[end - 1].is_punct and doc[end - 1].text not in (".",)
        or doc[end - 1].lower_ in word_set("definite_articles_singular")
        or (doc[end - 1].text in stops and doc[end - 1].is_lower)  # "… Varnier lundi", "… Varnier hier"
    ):
        end -= 1
    if start >= end:
        return None
    if not doc[start].text[:1].isupper():
        return None
    text = doc[start:end].text
    if not any(c.isupper() for c in text) or len(text) < 2:
        return None
    return Span(doc, start, end, label="PERSON", kb_id=span.kb_id_)


def split_coordinated(span: Span) -> list[Span]:
    """'MM. Piantedosi et Ben Khelifa' is two people."""
    parts = []
    start = span.start
    for tok in span:
        if tok.lower_ in word_set("name_coordinators") and tok.i > start:
            parts.append(span.doc[start : tok.i])
            start = tok.i + 1
    if start < span.end:
        parts.append(span.doc[start : span.end])
    return [p for p in parts if len(p)]


def extend_name(doc: Doc, end: int, blocked: Container[int] = ()) -> int:
    """The end of a name the statistical NER cut short: over glued hyphens ("Al-Jaber",
    "al-Sissi") and after a trailing particle ("Mohammed ben | Salman")."""
    particles = word_set("name_particles")
    joining = word_set("name_joining_particles")
    elisions = word_set("name_elisions")
    n = len(doc)
    start = end
    while end < n and end not in blocked:
        tok = doc[end]
        prev = doc[end - 1]
        if tok.text in ("-", "–") and not prev.whitespace_ and not tok.whitespace_ and end + 1 < n and (
            is_name_token(doc[end + 1].text) or doc[end + 1].lower_ in particles
        ) and (is_name_token(prev.text) or prev.lower_ in particles):
            end += 2
            continue
        if tok.lower_ in elisions and tok.text[:1].isupper() and not tok.whitespace_ and end + 1 < n and is_name_token(doc[end + 1].text):
            end += 2  # "Denis Sassou N'Guesso": the elision and the rest of the surname
            continue
        if tok.lower_ in joining and end + 1 < n and end + 1 not in blocked and (
            is_name_token(doc[end + 1].text) or (doc[end + 1].text == "-" and not tok.whitespace_)
        ):
            end += 1  # "… ben Salman", "… al-Sissi"
            continue
        if prev.lower_ in joining and prev.text[:1].islower() and is_name_token(tok.text):
            end += 1  # "Mohammed ben" cut before "Salman"
            continue
        break
    while end > start and doc[end - 1].lower_ in particles:
        end -= 1  # never end on a particle
    return end


def _name_end(texts: list[str], lowers: list[str], j: int, n: int) -> int:
    """The end of the capitalised words (and particles between them: "Ould", "de") from ``j``."""
    particles = word_set("name_particles")
    while j < n and (is_name_token(texts[j]) or (lowers[j] in particles and j + 1 < n and is_name_token(texts[j + 1]))):
        j += 1
    return j


def find_people(
    doc: Doc, words: TokenWords, ents: Iterable[Span], kb_people: list[Span], countries: list[Span], bodies: list[Span]
) -> list[Span]:
    """PERSON spans from the statistical NER, the knowledge base and honorifics, not overlapping.

    doc (Doc): the doc.
    words (TokenWords): its token strings.
    ents (Iterable[Span]): ``doc.ents``.
    kb_people (list[Span]): names of the knowledge base found in the doc.
    countries (list[Span]): country mentions (a country name is no person).
    bodies (list[Span]): body mentions.
    RETURNS (list[Span]): the people, in text order.
    """
    blocked = {i for s in countries if (span_info(s) or {}).get("form") is None for i in range(s.start, s.end)}
    blocked |= {i for s in bodies for i in range(s.start, s.end)}
    out: list[Span] = []
    texts, lowers = words.texts, words.lowers
    de_forms = word_set("de_forms")
    articles, state_words = word_set("definite_articles"), word_set("state_words")
    demonyms = _capitalised_demonyms(countries)
    for ent in _joined_adjacent(doc, ents):
        if ent.label_ != "PER":
            continue
        for part in split_coordinated(ent):
            if part.start in demonyms and demonyms[part.start] < part.end:
                part = doc[demonyms[part.start] : part.end]  # "Camerounais Paul Nkoulou": the demonym is no name
            cleaned = strip_honorifics(part)
            if cleaned is None or all(i in blocked for i in range(cleaned.start, cleaned.end)):
                continue
            # "Gentiana Serbu de Roumanie": a country after a particle is not part of the name
            cut = next((i for i in range(cleaned.start + 2, cleaned.end) if i in blocked and doc[i - 1].lower_ in de_forms), None)
            if cut is not None:
                cleaned = Span(doc, cleaned.start, cut - 1, label="PERSON", kb_id=cleaned.kb_id_)
            else:  # "X de la République guinéenne": a state's name after the particle, whatever its adjective
                cut = next((
                    i - 1 - (doc[i - 1].lower_ in articles) for i in range(cleaned.start + 2, cleaned.end) if doc[i].text in state_words
                    and (doc[i - 1].lower_ in de_forms or (doc[i - 1].lower_ in articles and doc[i - 2].lower_ in de_forms))
                ), None)
                if cut is not None:
                    cleaned = Span(doc, cleaned.start, cut, label="PERSON", kb_id=cleaned.kb_id_)
            cleaned = _undoubled(cleaned)
            end = extend_name(doc, cleaned.end, blocked)
            if end > cleaned.end:
                cleaned = Span(doc, cleaned.start, end, label="PERSON", kb_id=cleaned.kb_id_)
            out.append(cleaned)
    out.extend(_list_item_names(doc, ents, blocked, de_forms | articles, out))
    out.extend(kb_people)
    out.extend(_names_after_demonyms(doc, words, demonyms, blocked, out))
    # honorific + capitalised words the statistical model missed: "M. Benyoucef", "S.E. M. Lamin Jobe-Ceesay"
    starters = word_set("honorifics_before_names")
    as_written = word_set("honorifics_before_names_as_written")
    n = len(doc)
    free = 0  # tokens before this one are taken by a name found after an honorific
    # only the honorifics are visited, not every token
    for i in [i for i in range(n - 1) if lowers[i] in starters or texts[i] in as_written]:
        if i < free or not is_name_token(texts[i + 1]):
            continue
        lower = lowers[i]
        j = i + 1
        while True:
            k = j
            j = _name_end(texts, lowers, j, n)
            if j > k:
                j = extend_name(doc, j, blocked)
            if j > k and not any(k < s.end and s.start < j for s in out):
                out.append(Span(doc, k, j, label="PERSON"))
            # "MM. Piantedosi et Ben Khelifa": a plural honorific covers both names
            if lower == "mm." and j + 1 < n and lowers[j] in word_set("name_coordinators") and is_name_token(texts[j + 1]):
                j += 1
                continue
            break
        free = j
    people = longest_non_overlapping([Span(doc, s.start, s.end, label="PERSON", kb_id=s.kb_id_) for s in out])
    return split_joined_pairs(doc, people, words)


def _joined_adjacent(doc: Doc, ents: Iterable[Span]) -> list[Span]:
    """Two names of the statistical NER with nothing between them are one ("M. Hissein" + "Brahim
    Taha"): two people are never written side by side without a comma or a conjunction."""
    out: list[Span] = []
    for ent in ents:
        last = out[-1] if out else None
        if last is not None and last.label_ == ent.label_ == "PER" and last.end == ent.start and "\n" not in last.text_with_ws:
            out[-1] = Span(doc, last.start, ent.end, label="PER")
        else:
            out.append(ent)
    return out


def split_joined_pairs(doc: Doc, people: list[Span], words: TokenWords | None = None) -> list[Span]:
    """"l'entretien Dupont-Martin": after an encounter noun, two surnames of people the text names
    elsewhere joined by a hyphen are two mentions ("Keller-Sutter" stays one name: "Keller" names
    no one else; "l'équipe Dupont-Martin" stays as it is)."""
    surnames: dict[str, set[int]] = {}  # folded last word -> starts of the mentions it ends
    for p in people:
        if len(p) >= 2 or not any(t.text in ("-", "–") for t in p):
            surnames.setdefault(fold(p[-1].text), set()).add(p.start)
    taken = {i for p in people for i in range(p.start, p.end)}
    nouns = word_set("encounter_pair_nouns")  # "l'équipe Trump-Pence" is no pair of counterparts
    words = words if words is not None else TokenWords.of(doc)  # token strings as lists: no Token per token
    texts, lowers, spaces = words.texts, words.lowers, words.spaces
    for h in range(1, len(texts) - 1):
        # "la rencontre Dupont-Martin" the statistical NER did not take for a name
        if texts[h] in ("-", "–") and h not in taken and not spaces[h - 1] and not spaces[h]:
            if h >= 2 and lowers[h - 2] in nouns and fold(texts[h - 1]) in surnames and fold(texts[h + 1]) in surnames and h - 1 not in taken and h + 1 not in taken:
                people.append(Span(doc, h - 1, h + 2, label="PERSON"))
    people.sort(key=lambda p: p.start)
    out = []
    for p in people:
        hyphens = [t.i for t in p if t.text in ("-", "–") and not doc[t.i - 1].whitespace_ and not t.whitespace_]
        if len(hyphens) == 1 and hyphens[0] - p.start == 1 and p.end - hyphens[0] == 2 and p.start > 0 and doc[p.start - 1].lower_ in nouns:
            left, right = fold(doc[p.start].text), fold(doc[p.end - 1].text)
            if surnames.get(left, set()) - {p.start} and surnames.get(right, set()) - {p.start} and left != right:
                out.append(Span(doc, p.start, p.start + 1, label="PERSON"))
                out.append(Span(doc, p.end - 1, p.end, label="PERSON"))
                continue
        out.append(p)
    return out


def after_title_head(span: Span, title_heads: dict[int, int]) -> Span | None:
    """A PERSON span that starts with a title's head: the name after it ("Consul TIAN Lihua" gives
    "TIAN Lihua"), or None when no name follows the head ("Ambassadeur de la Suisse", "Grande-Duchesse
    héritière"); ``title_heads`` gives the end of the head starting at each token."""
    end = title_heads.get(span.start)
    if end is None or end >= span.end:
        return span
    doc = span.doc
    particles = word_set("name_particles")
    if not is_name_token(doc[end].text) or not all(is_name_token(t.text) or t.lower_ in particles for t in doc[end : span.end]):
        return None
    return Span(doc, end, span.end, label=span.label_, kb_id=span.kb_id_)


def _undoubled(span: Span) -> Span:
    """"Paul Dupont Paul Dupont" (a headline run into the text): the name once."""
    half = len(span) // 2
    if half >= 1 and len(span) == 2 * half and [t.text for t in span[:half]] == [t.text for t in span[half:]]:
        return Span(span.doc, span.start, span.start + half, label=span.label_, kb_id=span.kb_id_)
    return span


def _list_item_names(doc: Doc, ents: Iterable[Span], blocked: set[int], links: set[str] | frozenset[str], found: list[Span]) -> list[Span]:
    """"…; Danjela Novak de Serbie avec résidence à …": in a list of names each followed by its country
    (two at least found already), an item after ";" or ":" that the statistical NER took whole for a
    place or a thing is a name and the country it comes from."""
    def country_after(i: int) -> bool:
        while i < len(doc) and doc[i].lower_ in links:
            i += 1
        return i in blocked

    if sum(1 for s in found if s.end < len(doc) and doc[s.end].lower_ in links and country_after(s.end)) < 2:
        return []
    out = []
    for ent in ents:
        if ent.label_ == "PER" or len(ent) < 4:
            continue
        k = ent.start - 1
        while k >= 0 and doc[k].is_space:
            k -= 1
        if k < 0 or doc[k].text not in (";", ":"):
            continue
        end = ent.start
        while end < ent.end and is_name_token(doc[end].text) and end not in blocked:
            end += 1
        j = end
        while j < ent.end and doc[j].lower_ in links:
            j += 1
        if end - ent.start >= 2 and end < j < ent.end and all(i in blocked for i in range(j, ent.end)):
            out.append(Span(doc, ent.start, end, label="PERSON"))
    return out


def _capitalised_demonyms(countries: list[Span]) -> dict[int, int]:
    """End of each capitalised country adjective by its start: a demonym used as a noun ("le Camerounais")."""
    return {
        s.start: s.end
        for s in countries
        if (span_info(s) or {}).get("form") == "adjective" and s.text[:1].isupper() and s.kb_id_.startswith("country:")
    }


def _names_after_demonyms(doc: Doc, words: TokenWords, demonyms: dict[int, int], blocked: set[int], found: list[Span]) -> list[Span]:
    """"le Camerounais Paul Nkoulou", "la Sénégalaise Awa Diallo": capitalised words after an
    article and a demonym are a name (the statistical NER often takes the three words for a place)."""
    articles = word_set("definite_articles")
    taken = {i for s in found for i in range(s.start, s.end)}
    out = []
    n = len(doc)
    for start, end in demonyms.items():
        if start == 0 or words.lowers[start - 1] not in articles or end >= n or end in taken or end in blocked:
            continue
        stop = _name_end(words.texts, words.lowers, end, n)
        stop = next((i for i in range(end, stop) if i in blocked), stop)
        if stop > end and not any(i in taken for i in range(end, stop)):
            out.append(Span(doc, end, stop, label="PERSON"))
    return out
