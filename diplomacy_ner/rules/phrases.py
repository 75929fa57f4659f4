"""Noun phrases after a preposition, and the token tests the extent rules share:
capitals, glued hyphens, participles, acronyms, names written in capitals, and the
index of the spans already found (:class:`SpanIndex`)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicons import word_set

DE = word_set("de_forms")
DETERMINERS = word_set("definite_articles")
A_FORMS = word_set("a_forms")
TITLE_MODIFIERS = word_set("title_modifiers")
PHRASE_STOPS = word_set("phrase_stops")
PORTFOLIO_WORDS = word_set("portfolio_words")
CLOSING_PARTICIPLES = word_set("closing_participles")
STATE_WORDS = word_set("state_words")
STATE_HEADS = word_set("state_heads")
PARTICIPLES = word_set("title_participles")


class SpanIndex:
    """Which token starts which span of a kind, for the extent rules."""

    def __init__(self) -> None:
        self.country_names: dict[int, int] = {}
        self.country_adjectives: dict[int, int] = {}
        self.bodies: dict[int, int] = {}
        self.persons: set[int] = set()
        self.title_heads: dict[int, int] = {}
        self.body_adjectives: set[int] = set()
        self.places: dict[int, int] = {}
        self.first_names: set[int] = set()  # tokens that are a first name of the knowledge base


def is_cap(token: Token) -> bool:
    """Whether the token starts with a capital letter."""
    return token.text[:1].isupper()


def glued_end(doc: Doc, i: int) -> int:
    """End of the hyphenated word starting at ``doc[i]``: spaCy splits "2025-2027",
    "accord-cadre" and "maroco-ivoirienne" into three tokens with no space between."""
    n = len(doc)
    j = i + 1
    while j + 1 < n and doc[j].text in ("-", "–") and not doc[j - 1].whitespace_ and not doc[j].whitespace_:
        j += 2
    return j


def is_participle(token: Token) -> bool:
    """Whether the token is a past participle."""
    return token.pos_ in ("VERB", "AUX") and "Part" in token.morph.get("VerbForm")


_FUNCTION_WORDS = DE | DETERMINERS | A_FORMS | word_set("phrase_function_words")


def nounish(token: Token) -> bool:
    """A noun, proper noun or adjective; on an untagged doc (spacy.blank) any content word."""
    if token.pos_:
        return token.pos_ in ("NOUN", "PROPN", "ADJ")
    return token.is_alpha and token.lower_ not in _FUNCTION_WORDS and token.lower_ not in PHRASE_STOPS


def is_acronym_text(text: str) -> bool:
    """Whether a text looks like an acronym ("OIM", "UE", "G5-Sahel")."""
    letters = [c for c in text if c.isalpha()]
    if not letters or len(text) > 14:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper >= 2 and upper >= len(letters) / 2


def skip_parenthetical(doc: Doc, i: int, max_tokens: int = 6) -> int | None:
    """If ``doc[i]`` opens a short parenthetical acronym "(OIM)", return the index after ")"."""
    if i >= len(doc) or doc[i].text != "(":
        return None
    for j in range(i + 1, min(len(doc), i + max_tokens + 1)):
        if doc[j].text == ")":
            inner = doc[i + 1 : j].text
            if j > i + 1 and (is_acronym_text(inner.replace(" ", "")) or (j == i + 2 and is_cap(doc[i + 1]))):
                return j + 1
            return None
    return None


def is_capitals_word(token: Token) -> bool:
    """A word of three letters or more in capitals ("DUVAL")."""
    text = token.text
    return len(text) >= 3 and text.isalpha() and text.isupper()


def is_capitalised_word(token: Token) -> bool:
    """A word with a capital and then small letters ("Ren")."""
    text = token.text
    return len(text) >= 2 and text.isalpha() and text[0].isupper() and text[1:].islower()


def name_in_capitals(doc: Doc, j: int, spans: SpanIndex) -> bool:
    """Whether ``doc[j]`` starts a name with its surname in capitals ("TAKEDA Ren", "Jean DUVAL"),
    rather than an acronym (a known body or country is never one)."""
    if j + 1 >= len(doc) or any(k in spans.bodies or k in spans.country_names for k in (j, j + 1)):
        return False
    a, b = doc[j], doc[j + 1]
    return (is_capitals_word(a) and is_capitalised_word(b)) or (is_capitalised_word(a) and is_capitals_word(b))


def noun_phrase_end(doc: Doc, j: int, spans: SpanIndex, *, allow_lower: bool) -> int | None:
    """End of the noun phrase starting at ``doc[j]`` (after a preposition), or None if none starts there."""
    n = len(doc)
    if j < n and (doc[j].lower_ in DETERMINERS or doc[j].lower_ in word_set("indefinite_articles")):
        j += 1
    if j >= n:
        return None
    if j in spans.persons:
        return None
    if j in spans.country_names:
        return spans.country_names[j]
    if j in spans.bodies:
        return spans.bodies[j]
    first = doc[j]
    if first.is_punct or first.like_num or first.lower_ in PHRASE_STOPS:
        return None
    if not (is_cap(first) or first.lower_ in PORTFOLIO_WORDS or (allow_lower and nounish(first) and first.pos_ != "ADJ")):
        return None
    started_lower = first.is_lower
    j = glued_end(doc, j)
    while j < n:
        tok = doc[j]
        low = tok.lower_
        if started_lower and is_cap(tok) and tok.pos_ == "PROPN" and j not in spans.country_names:
            # "le premier ministre de l'île Wade MacLauchlan": the name is not part of the title
            break
        if j in spans.persons or tok.is_punct or tok.like_num or low in PHRASE_STOPS or low in DE or low in A_FORMS:
            break
        if is_cap(tok) and trailing_name(doc, j, spans):
            break  # "la présidente de la Confédération Karin Dupuis": the name is not part of the title
        if name_in_capitals(doc, j, spans):
            break  # "… des Affaires étrangères TAKEDA Ren", "… Jean DUVAL": a name, not the portfolio
        if low in PARTICIPLES:
            j += 1
            continue
        if tok.pos_ in ("VERB", "AUX") and not is_participle(tok):
            break
        if is_participle(tok) and tok.lemma_.lower() in CLOSING_PARTICIPLES:
            # "… sur la migration conclue entre …", "… signé en 2008": the name is over
            break
        if is_cap(tok) or nounish(tok) or is_participle(tok) or low in PORTFOLIO_WORDS or "-" in tok.text:
            j = glued_end(doc, j)
            continue
        break
    return j


def trailing_name(doc: Doc, j: int, spans: SpanIndex) -> bool:
    """Whether ``doc[j]`` starts a first name and a surname that close a run of capitalised words
    ("… de la Confédération Karin Dupuis", "… du Sénat Hugo Lemaire"): the two last words of the
    run (or three after a portfolio word, closed by a comma or a verb: "… des Finances Kofi Adamou
    Dembélé, …"), the
    run, proper nouns (or a first name of the knowledge base first), not a portfolio, country,
    body or place, and followed by no complement ("de la République Démocratique du Congo")."""
    n = len(doc)
    if j == 0 or not is_cap(doc[j - 1]) or doc[j - 1].is_sent_start:
        return False
    words = []
    k = j
    while k < n and is_cap(doc[k]) and len(words) < 4:
        if k in spans.country_names or k in spans.bodies or k in spans.places or doc[k].lower_ in PORTFOLIO_WORDS:
            return False
        end = glued_end(doc, k)
        words.append((k, end))
        k = end
    if len(words) not in (2, 3) or (k < n and (doc[k].lower_ in DE or doc[k].text in ("(", "-"))):
        return False
    if len(words) == 3 and (doc[j - 1].lower_ not in PORTFOLIO_WORDS or not (k >= n or doc[k].text in (",", ".", ";") or doc[k].pos_ in ("AUX", "VERB"))):
        return False  # "… des Finances Kofi Adamou Dembélé, …": three words closed like a name
    if j in spans.first_names:
        return True
    return all(doc[i].pos_ == "PROPN" for s, e in words for i in range(s, e) if doc[i].text not in ("-", "–"))
