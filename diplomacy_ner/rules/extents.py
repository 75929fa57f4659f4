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
            else:
                break
        ext.end = i
        return ext
    ext = Extent(start, end, end)
    i = end
    country_seen = False

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
            if not (k + 1 < n and doc[k + 1].lower_ in DETERMINERS and k + 2 < n and is_cap(doc[k + 2])):
                return None
        elif low == "en":
            if not (k + 1 < n and (k + 1) in spans.country_names):
                return None
        elif low not in DE | A_FORMS:
            return None
        j += 1
        if j < n and doc[j].lower_ in DETERMINERS and j + 1 < n and doc[j + 1].lower_ in word_set("titles_after_article"):
            # "auprès du ministre des Affaires étrangères": a title inside the title
            return title_extent(doc, j + 1, j + 2, spans).end
        if j < n and doc[j].lower_ in word_set("titles_after_de") and low != "de":
            return title_extent(doc, j, j + 1, spans).end
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
        if low in (",", "et") and i + 1 < n:
            if low == "," and doc[i + 1].lower_ == "et" and ext.country_spans and i + 2 < n and doc[i + 2].lower_ in DE:
                i += 1  # "de la Mauritanie, et des Comores"
                low = "et"
            nxt = doc[i + 1]
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
