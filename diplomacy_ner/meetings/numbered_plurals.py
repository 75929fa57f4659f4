"""Numbered plural subjects: "Les trois envoyés ont rencontré X" stands for the three people the
sentences just before named as the subjects of their encounters ("A et B ont rencontré Y. Le troisième
émissaire, C, n'était pas présent"), else, for a title ("les trois ministres"), for the people of that
office (or counterparts of one) the sentences just before named, wherever they stood ("en présence de
ses homologues A et B")."""

from __future__ import annotations

from spacy.tokens import Token

from .officials import Official, person_official
from .plural_titles import CARDINALS
from ..extensions import span_info

WINDOW = 3  # sentences read back


def numbered_subjects(coref, enc, tok: Token, everyone: list[Official], free: set[str]) -> bool:
    """A subject "les trois …" (three or more) of an encounter whose other side is named after the verb:
    the people just before, read backwards sentence by sentence until there are that many, when they
    are exactly that many and none of them is on the other side (True when it took them)."""
    ctx = coref.ctx
    lex = ctx.lex
    if not any(c.lower_ in lex.word_set("definite_plural") for c in tok.children):
        return False
    count = next((CARDINALS.get(c.lower_) for c in tok.children if c.lower_ in CARDINALS), None)
    if count is None or count < 3:
        return False
    after = [o for o in everyone if o.start > enc.predicate.i and o not in enc.agents and not _in_relative(ctx, o, enc.predicate)]
    if not after:
        return False
    others = {o.person_id or o.key for o in after}
    found = _subjects_before(coref, enc.sent, count)
    if found is None:
        found = _office_holders_before(ctx, enc.sent, count, _title_class(ctx, tok))
    if found is None or others & set(found):
        return False
    enc.subjects[:] = [o.copy_at(tok.i, tok.i + 1, tok.i) for o in found.values()]
    enc.partners[:] = list({o.key: o for o in after}.values())
    free.difference_update(o.key for o in after)
    return True


def _in_relative(ctx, o: Official, predicate: Token) -> bool:
    """"… au chef de l'État, qui est aussi le président de Z": a title inside a relative clause describes
    someone already named, it is no one the verb meets."""
    if o.anchor < 0:
        return False
    node = ctx.doc[o.anchor]
    for _ in range(20):
        if node.i == predicate.i or node.head.i == node.i:
            return False
        if node.dep_ == "acl:relcl":
            return True
        node = node.head
    return False


def _subjects_before(coref, k: int, count: int) -> dict[str, Official] | None:
    """The named subjects of the encounters (and sentences) before sentence ``k``, exactly ``count``."""
    found: dict[str, Official] = {}
    for j in range(k - 1, max(k - 1 - WINDOW, -1), -1):
        for o in coref.enc_subjects.get(j, []):
            found.setdefault(o.person_id or o.key, o)
        if len(found) >= count:
            break
    return dict(reversed(found.items())) if len(found) == count else None


def _title_class(ctx, tok: Token) -> str | None:
    """The class of the title the plural noun heads ("ministres" → minister), if any."""
    for t in ctx.by_label.get("TITLE", []):
        if t.start <= tok.i < t.end:
            cls = (span_info(t) or {}).get("class")
            return cls if cls != "generic" else None
    return None


def _office_holders_before(ctx, k: int, count: int, cls: str | None) -> dict[str, Official] | None:
    """The people the sentences before ``k`` named (in any zone) who hold the office class ``cls`` or are
    someone's counterparts, read backwards sentence by sentence: exactly ``count``."""
    if cls is None:
        return None
    found: dict[str, Official] = {}
    persons = ctx.by_label.get("PERSON", [])
    for j in range(k - 1, max(k - 1 - WINDOW, -1), -1):
        for s in reversed([s for s in persons if ctx.sentence_of.get(s.start, -1) == j]):
            info = ctx.person_info(s.kb_id_)
            if info.get("class") == cls or (info.get("class") == "generic" and info.get("counterpart")):
                pid = s.kb_id_
                found.setdefault(pid, person_official(ctx, pid))
        if len(found) >= count:
            break
    return dict(reversed(found.items())) if len(found) == count else None
