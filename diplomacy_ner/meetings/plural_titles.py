"""Plural titles: the countries one title covers ("les ministres des Affaires étrangères du Niger, du
Mali et du Burkina", "… des deux pays", "… des pays du groupe - le Ghana, le Mali et la France") and
the office of each of its members ("ministres des Affaires étrangères" → "ministre des Affaires
étrangères")."""

from __future__ import annotations

from spacy.tokens import Span

from ..lexicons import word_list
from .context import DocContext
from .lexicon import MeetingLexicon

CARDINALS = {w: n for n, w in enumerate(word_list("cardinal_number")) if n > 1}  # "deux" → 2


def plural_countries(ctx: DocContext, k: int, t: Span, codes: list[str]) -> tuple[list[str], int]:
    """The countries of a plural title: its own, those coordinated after it ("les ministres des
    Affaires étrangères béninois et togolais", "… du Niger, du Mali et du Burkina"), those a list
    after it spells out ("… des pays du groupe - le Ghana, le Mali et la France"), or, for "… des
    deux pays", the last two countries the text named before it; and the end of the mention."""
    doc = ctx.doc
    lex = ctx.lex
    joiners = lex.word_set("list_joiner") | lex.word_set("genitive") | {",", "et"}
    countries = {c.start: c for c in ctx.in_sentence(k, "COUNTRY") if c.kb_id_.startswith("country:")}
    out = list(codes)
    if out:
        i = t.end
        while i < len(doc):
            j = i
            while j < len(doc) and (doc[j].lower_ in joiners or doc[j].pos_ == "DET") and j - i < 3:
                j += 1
            c = countries.get(j)
            if c is None or j == i and i != t.end:
                break
            out.append(c.kb_id_.split(":", 1)[1])
            i = c.end
        return list(dict.fromkeys(out)), t.end
    listed, end = listed_countries(ctx, countries, t)
    if len(listed) >= 2:
        return listed, end
    if t.end + 2 < len(doc) and doc[t.end].lower_ in lex.word_set("genitive") and doc[t.end + 2].lower_ in lex.word_set("country_noun"):
        n = CARDINALS.get(doc[t.end + 1].lower_)
        if n:
            seen: list[str] = []
            for c in reversed(ctx.by_label.get("COUNTRY", [])):
                if c.start >= t.start or not c.kb_id_.startswith("country:") or ctx.sentence_of.get(c.start, k) < k - 6:
                    continue
                if c.start > 0 and doc[c.start - 1].lower_ in lex.word_set("place_prep"):
                    continue  # "après s'être vus au Guatemala, les ministres des deux pays": a place, not a side
                code = c.kb_id_.split(":", 1)[1]
                if code not in seen:
                    seen.append(code)
                if len(seen) == n:
                    return seen[::-1], t.end
    return out, t.end


def listed_countries(ctx: DocContext, countries: dict[int, Span], t: Span) -> tuple[list[str], int]:
    """The countries a list after a plural title spells out, behind a dash, a colon or a bracket
    ("les ambassadeurs des pays du groupe - le Ghana, le Mali et la France", "les ministres des États
    du corridor (Bénin, Ghana et Togo)"), and the end of the list; none when no such list follows."""
    doc = ctx.doc
    joiners = ctx.lex.word_set("list_joiner") | {","}
    openers = ctx.lex.word_set("list_opener")

    def opener(j: int) -> bool:  # a free-standing dash, not the hyphen of "Abidjan-Lagos"
        return doc[j].text in openers and (doc[j].text == "(" or doc[j].text == ":" or bool(doc[j - 1].whitespace_))

    i = t.end
    while i < len(doc) and i - t.end < 4 and not opener(i):
        if doc[i].pos_ in ("VERB", "AUX") or doc[i].is_sent_end:
            return [], t.end
        i += 1
    if i >= len(doc) or not opener(i):
        return [], t.end
    out: list[str] = []
    i += 1
    while i < len(doc):
        while i < len(doc) and (doc[i].pos_ == "DET" or (out and doc[i].lower_ in joiners)):
            i += 1
        c = countries.get(i)
        if c is None:
            break
        out.append(c.kb_id_.split(":", 1)[1])
        i = c.end
    return list(dict.fromkeys(out)), i


def member_office(role: str) -> str:
    """A member's office without the group of states a plural title names ("ministre du Commerce des
    États du corridor" → "ministre du Commerce", "ambassadeur des pays membres" → "ambassadeur")."""
    lex = MeetingLexicon.default()
    words = role.split(" ")
    for n in range(1, len(words) - 1):
        if words[n].lower() in lex.word_set("genitive") and words[n + 1].lower() in lex.word_set("country_noun"):
            return " ".join(words[:n])
    return role


def singular_role(role: str) -> str:
    """The office of one member of a plural title ("chefs d'État" → "chef d'État")."""
    words = role.split(" ")
    genitive = MeetingLexicon.default().word_set("genitive")
    out = []
    for k, w in enumerate(words):
        if w.lower() in genitive or w.lower().startswith(("d'", "de ")):
            out.extend(words[k:])
            break
        if "'" in w:
            head, _, rest = w.partition("'")
            out.append((head[:-1] if head.endswith("s") else head) + "'" + rest)
            continue
        out.append(w[:-1] if len(w) > 3 and w.endswith("s") else w)
    return " ".join(out)
