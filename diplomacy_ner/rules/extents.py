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

DE = {"de", "d'", "des", "du"}
DETERMINERS = {"la", "l'", "le", "les"}
A_FORMS = {"à", "au", "aux"}
TITLE_MODIFIERS = {
    "adjoint", "adjointe", "délégué", "déléguée", "général", "générale", "exécutif", "exécutive",
    "spécial", "spéciale", "permanent", "permanente", "fédéral", "fédérale", "parlementaire",
    "national", "nationale", "intérimaire", "a.i.", "a.i", "sortant", "sortante", "principal",
    "principale", "plénipotentiaire", "extraordinaire", "et", "élu", "élue", "résident", "résidente",
    "européen", "européenne", "onusien", "onusienne", "délégués", "déléguées", "adjoints",
}
# words that end a noun phrase even when they are lower-case nouns or adjectives
PHRASE_STOPS = {
    "qui", "que", "dont", "lors", "avec", "dans", "selon", "après", "avant", "depuis", "pendant", "par",
    "sur", "pour", "entre", "contre", "vers", "chez", "sous", "afin", "ainsi", "notamment", "lundi",
    "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "aujourd'hui", "où",
    "a", "ont", "est", "sont", "était", "avait", "sera", "fut", "s'", "se", "en", "et", "ou", "mais",
    "M.", "Mme", "MM.", "visite", "tête",
}
# lower-case portfolio words (Wikinews writes "ministre des affaires étrangères")
PORTFOLIO_WORDS = {
    "affaires", "intérieur", "économie", "finances", "défense", "justice", "santé", "éducation",
    "agriculture", "énergie", "commerce", "industrie", "transports", "environnement", "culture",
    "travail", "emploi", "budget", "redressement", "outre-mer", "gouvernement", "république",
    "diplomatie", "sécurité", "coopération", "communication", "information", "recherche", "pêche",
    "pêches", "tourisme", "jeunesse", "sports", "habitat", "équipement", "intégration", "migration",
    "immigration", "solidarité", "famille", "femme", "femmes", "enseignement", "planification",
    "mines", "hydrocarbures", "eau", "logement", "numérique", "armées", "décentralisation",
    "économie", "relations", "collectivités", "administration", "assemblée", "sénat", "parlement",
    "conseil", "commission", "programme", "délégation", "ambassade", "état-major", "état",
}
CLOSING_PARTICIPLES = {"conclure", "signer", "adopter", "parapher", "ratifier", "approuver", "entrer", "renouveler", "lancer", "intervenir", "prévoir"}
STATE_WORDS = {"République", "Royaume", "Confédération", "Principauté", "Sultanat", "Émirat", "État", "Fédération"}
STATE_HEADS = {"président", "présidente", "roi", "reine", "vice-président", "vice-présidente", "souverain", "émir", "sultan", "chef"}
PARTICIPLES = {"résidant", "résidents", "établis", "établies", "chargé", "chargée", "chargés"}


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


def _is_cap(token: Token) -> bool:
    return token.text[:1].isupper()


def glued_end(doc: Doc, i: int) -> int:
    """End of the hyphenated word starting at ``doc[i]``: spaCy splits "2025-2027",
    "accord-cadre" and "maroco-ivoirienne" into three tokens with no space between."""
    n = len(doc)
    j = i + 1
    while j + 1 < n and doc[j].text in ("-", "–") and not doc[j - 1].whitespace_ and not doc[j].whitespace_:
        j += 2
    return j


def _is_participle(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and "Part" in token.morph.get("VerbForm")


_FUNCTION_WORDS = DE | DETERMINERS | A_FORMS | {"un", "une", "et", "ou", "en", "par", "pour", "sur", "dans", "avec", "qui", "que", "dont"}


def _nounish(token: Token) -> bool:
    """A noun, proper noun or adjective; on an untagged doc (spacy.blank) any content word."""
    if token.pos_:
        return token.pos_ in ("NOUN", "PROPN", "ADJ")
    return token.is_alpha and token.lower_ not in _FUNCTION_WORDS and token.lower_ not in PHRASE_STOPS


def is_acronym_text(text: str) -> bool:
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
            if j > i + 1 and (is_acronym_text(inner.replace(" ", "")) or (j == i + 2 and _is_cap(doc[i + 1]))):
                return j + 1
            return None
    return None


def noun_phrase_end(doc: Doc, j: int, spans: SpanIndex, *, allow_lower: bool) -> int | None:
    """End of the noun phrase starting at ``doc[j]`` (after a preposition), or None if none starts there."""
    n = len(doc)
    if j < n and (doc[j].lower_ in DETERMINERS or doc[j].lower_ in ("un", "une")):
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
    if not (_is_cap(first) or first.lower_ in PORTFOLIO_WORDS or (allow_lower and _nounish(first) and first.pos_ != "ADJ")):
        return None
    started_lower = first.is_lower
    j = glued_end(doc, j)
    while j < n:
        tok = doc[j]
        low = tok.lower_
        if started_lower and _is_cap(tok) and tok.pos_ == "PROPN" and j not in spans.country_names:
            # "le premier ministre de l'île Wade MacLauchlan": the name is not part of the title
            break
        if j in spans.persons or tok.is_punct or tok.like_num or low in PHRASE_STOPS or low in DE or low in A_FORMS:
            break
        if low in PARTICIPLES:
            j += 1
            continue
        if tok.pos_ in ("VERB", "AUX") and not _is_participle(tok):
            break
        if _is_participle(tok) and tok.lemma_.lower() in CLOSING_PARTICIPLES:
            # "… sur la migration conclue entre …", "… signé en 2008": the name is over
            break
        if _is_cap(tok) or _nounish(tok) or _is_participle(tok) or low in PORTFOLIO_WORDS or "-" in tok.text:
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
        if low in ("chargé", "chargée", "chargés"):
            j += 1
            if j >= n or doc[j].lower_ not in DE | A_FORMS:
                return None
        elif low == "auprès":
            j += 1
            if j >= n or doc[j].lower_ not in DE:
                return None
        elif low == "en" and k + 1 < n and doc[k + 1].lower_ in ("exercice", "charge", "poste", "fonction", "fonctions"):
            return k + 2
        elif low == "pour":
            # "représentant spécial de l'UE pour le Sahel", "… pour le Moyen-Orient"
            if not (k + 1 < n and doc[k + 1].lower_ in DETERMINERS and k + 2 < n and _is_cap(doc[k + 2])):
                return None
        elif low == "en":
            if not (k + 1 < n and (k + 1) in spans.country_names):
                return None
        elif low not in DE | A_FORMS:
            return None
        j += 1
        if j < n and doc[j].lower_ in DETERMINERS and j + 1 < n and doc[j + 1].lower_ in ("ministre", "président"):
            # "auprès du ministre des Affaires étrangères": a title inside the title
            return title_extent(doc, j + 1, j + 2, spans).end
        if j < n and doc[j].lower_ in ("ministre", "président", "premier") and low != "de":
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
        if low in DE | A_FORMS or low in ("chargé", "chargée", "chargés", "auprès", "pour", "en"):
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
            if (i + 1) in spans.title_heads and doc[i + 1].lower_ in ("ministre", "président", "présidente", "premier", "première", "secrétaire", "vice-président", "vice-présidente", "chef"):
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
        if low in ("sur", "pour", "chargé", "chargée") and not used_sur:
            k = i + 1
            if low in ("chargé", "chargée") and k < n and doc[k].lower_ in DE | A_FORMS:
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
            _is_cap(tok) and tok.pos_ in ("PROPN", "ADJ", "NOUN") and i == end
        ):
            if low in PHRASE_STOPS:
                break
            i = glued_end(doc, i)
            continue
        break
    return i


AGREEMENT_NEW_HEAD_WORDS = {
    "accord", "accords", "mémorandum", "memorandum", "convention", "conventions", "traité", "protocole",
    "déclaration", "plan", "feuille", "charte", "pacte", "arrangement", "programme", "entente",
}
AGREEMENT_LINKS = {"relatif", "relative", "relatifs", "relatives", "portant", "établissant", "instituant", "concernant", "visant"}
AGREEMENT_PREPS = {"sur", "pour", "entre", "dans", "en", "contre"}


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
                if doc[k].lower_ in ("un", "une", "le", "la", "les", "l'"):
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
            if low == "dans" and k + 2 < n and doc[k].lower_ == "le" and doc[k + 1].lower_ in ("domaine", "cadre", "secteur"):
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
            if k < n and doc[k].lower_ in ("un", "une"):
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
        if tok.pos_ == "ADJ" or (i == end and (_is_participle(tok) or (_nounish(tok) and tok.is_lower))) or (
            _is_cap(tok) and not tok.is_sent_start and low not in PHRASE_STOPS
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
