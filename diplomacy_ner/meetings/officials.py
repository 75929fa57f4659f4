"""Official mentions: who a sentence names, with office, country and a syntactic anchor.

An official is a named person (with the titles the linker attached to it), a
title that refers back to a named person ("le chef de la diplomatie
algérienne"), or an unnamed office ("l'ambassadeur de Chine"); a plural title
with several countries ("les ministres du Niger, du Mali et du Burkina") gives
one official per country. A named person the text gives no office is kept as
``weak``: the encounter layer decides whether it takes part. The ``anchor`` is
the token of the mention's extent whose head lies outside it, from which the
encounter layer climbs the dependency tree to a predicate.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .context import DocContext, is_title_phrase, role_class
from ..lexicons import word_set
from .plural_titles import member_office, plural_countries, singular_role
from .plural_members import plural_members
from ..extensions import span_info


@dataclass
class Official:
    """One mention of a participant candidate in one sentence."""

    key: str
    person_id: str | None
    name: str | None
    role: str | None
    country: str | None
    cls: str | None
    start: int
    end: int
    spans: list[Span] = field(default_factory=list)
    unnamed: bool = False
    weak: bool = False
    anchor: int = -1
    extent: frozenset[int] = frozenset()
    anaphor: bool = False
    group: bool = False  # a delegation or a body no person names (group_sides.py)
    shared_body: bool = False  # its country comes from an institution many states have ("l'Assemblée nationale")

    def copy_at(self, start: int, end: int, anchor: int) -> Official:
        """The same official, mentioned again at another place (an anaphor)."""
        return Official(
            self.key, self.person_id, self.name, self.role, self.country, self.cls, start, end, [], self.unnamed,
            self.weak, anchor, frozenset(range(start, end)), anaphor=True, group=self.group, shared_body=self.shared_body,
        )


def person_official(ctx: DocContext, pid: str, span: Span | None = None) -> Official:
    """The official a person entity is, with the office and country the text (or the KB) gives it;
    at ``span`` when given, else at no place (a participant taken from elsewhere in the document)."""
    info = ctx.person_info(pid)
    name = ctx.person_name(pid) or (ctx.span_text(span) if span is not None else None)
    if span is None:
        return Official(pid, pid, name, info.get("role"), info.get("country"), info.get("class"), -1, -1)
    ext = frozenset(range(span.start, span.end))
    return Official(pid, pid, name, info.get("role"), info.get("country"), info.get("class"), span.start, span.end, [span], anchor=span.start, extent=ext)


def anchor_of(doc: Doc, extent: frozenset[int]) -> int:
    """The token of ``extent`` whose head is outside it: one governed by a verb, else the one nearest the root.

    A loose attachment to the verb (``dep``, ``obl:mod``, ``parataxis``) yields to a ``conj`` link:
    in "avec le ministre de A, X, et la ministre de B, Y" the parser often hangs the second name
    from the verb while its title is the conjunct that carries the construction."""
    best, best_depth = -1, 10**6
    loose, conj = -1, -1
    for i in sorted(extent):
        tok = doc[i]
        if (tok.head.i in extent and tok.head.i != i) or tok.is_punct:
            continue
        if tok.head.pos_ in ("VERB", "AUX") and tok.head.i != i:
            if tok.dep_ not in LOOSE_DEPS:
                return i  # "le président …, X": the title carries the role the verb gives
            loose = i if loose < 0 else loose
            continue
        if tok.dep_ == "conj" and conj < 0:
            conj = i
        depth, node = 0, tok
        while node.head.i != node.i and depth < 60:
            node, depth = node.head, depth + 1
        if depth < best_depth:
            best, best_depth = i, depth
    if loose >= 0:
        return conj if conj >= 0 else loose
    return best if best >= 0 else min(extent)


LOOSE_DEPS = frozenset({"dep", "obl:mod", "parataxis"})


def excluded(ctx: DocContext, i: int, sent: Span, *, genitive: bool = True, chairs: bool = False) -> bool:
    """Is token ``i`` in a zone whose people are not participants ("en présence de", "selon")?
    With ``chairs``, the chair of a session ("sous la présidence de X") is not excluded.
    The answer is kept for the doc: the layers ask it again for the same mention."""
    return ctx.once(_excluded, i, sent, genitive, chairs)


def _excluded(ctx: DocContext, i: int, sent: Span, genitive: bool, chairs: bool) -> bool:
    doc = ctx.doc
    start = max(sent.start, i - 60)  # the zone may hold a long list of aides
    text = ctx.tokens_text(start, i)
    for m in ctx.lex.cue("exclusion").finditer(text):
        if chairs and ctx.lex.cue("chair").match(m.group()):
            continue
        cue_end_char = ctx.char_of(start) + m.end()
        between = doc.char_span(cue_end_char, ctx.char_of(i), alignment_mode="expand")
        if between is None:
            return True
        # the zone ends at a finite verb, at an encounter word ("a déclaré lors de sa rencontre avec X";
        # not one inside a title: "secrétaire général de la présidence") or at a sentence-level break
        if any(
            (t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm"))
            or (t.lower_ in ctx.lex.noun_frames and not (t.dep_ == "nmod" and t.head.pos_ == "NOUN"))
            for t in between
        ):
            continue
        if any(t.text in (";", ":") for t in between):
            continue
        if any(t.text == "," for t in between) and clause_subject(doc, i):
            continue  # "Porteur d'un message du président, X s'est entretenu avec Y": the comma closed the zone
        return True
    if not genitive:
        return False
    # a genitive complement of a non-meeting noun: "les attentes de SM le Roi", "le message du président"
    honorifics = ctx.lex.word_set("genitive_honorific")
    lowers = ctx.lowers
    k = i - 1
    while k >= sent.start and (lowers[k] in honorifics or lowers[k] == "m."):
        k -= 1
    if k >= sent.start and lowers[k] in ctx.lex.word_set("genitive") and k - 1 >= sent.start:
        head = doc[k - 1]
        if head.pos_ == "NOUN" and head.lower_ not in ctx.lex.noun_frames and head.lower_ not in ctx.lex.word_set("genitive_ok_head"):
            return True
    return False


def clause_subject(doc, i: int) -> bool:
    """Is the mention starting at token ``i`` the subject of a verb after it?"""
    tok = doc[i]
    if tok.pos_ == "DET" and i + 1 < len(doc):
        tok = doc[i + 1]
    for _ in range(2):  # "le président Paul X": the name in apposition to the subject title
        if tok.dep_ in ("appos", "flat:name") and i - 3 <= tok.head.i < tok.i:
            tok = tok.head
    return tok.dep_ in ("nsubj", "nsubj:pass") and tok.head.i > tok.i and tok.head.pos_ in ("VERB", "AUX")


def find_officials(ctx: DocContext, k: int, *, chairs: bool = False) -> list[Official]:
    """The officials of sentence ``k``, in text order (excluded zones left out; with ``chairs``, the
    chair of a session is kept)."""
    sent = ctx.sents[k]
    doc = ctx.doc
    out: list[Official] = []
    persons = [s for s in ctx.in_sentence(k, "PERSON") if s.end <= sent.end]
    titles = [t for t in ctx.in_sentence(k, "TITLE") if t.end <= sent.end]
    if not persons and not titles:
        return out  # nobody named, no office: nothing below can find anyone
    bodies = ctx.in_sentence(k, "BODY")
    # titles by (person, end) and (person, start), persons by (id, start) and (id, end): adjacency by lookup
    title_end: dict[tuple[str | None, int], Span] = {}
    title_start: dict[tuple[str | None, int], Span] = {}
    for t in titles:
        who = ctx.title_person.get((t.start, t.end))
        title_end.setdefault((who, t.end), t)
        title_start.setdefault((who, t.start), t)
    person_at = {(s.kb_id_, s.start) for s in persons} | {(s.kb_id_, -s.end) for s in persons}
    for s in persons:
        pid = s.kb_id_
        if excluded(ctx, s.start, sent, chairs=chairs):
            continue
        info = ctx.person_info(pid)
        weak = not (info.get("role") or info.get("country") or info.get("class"))
        # token strings read from the doc's lists (ctx.lowers, ctx.span_text): no Token built per mention
        generic = ctx.lex.word_set("generic_subject_title")
        if (weak and any(w in generic for w in ctx.lowers[s.start : s.end])) or is_title_phrase(ctx.span_text(s)):
            continue  # "Vice-Premier ministre", "Chef du Gouvernement" taken for a name
        if weak and s.start > sent.start and (ctx.lowers[s.start - 1] in ctx.lex.word_set("named_event_head") or ctx.names_a_company(s.start, sent.start)):
            continue  # "lors du sommet Petrocaribe", "au forum Horizon", "le groupe de BTP Colas": no person
        extent = set(range(s.start, s.end))
        j = s.start - 1
        honorific = ctx.lex.word_set("honorific")
        while j >= sent.start and (ctx.lowers[j] in honorific or ctx.texts[j] in ("M.", "Mme", "MM.")):
            extent.add(j)  # "M. Hammouchi": the honorific is the head of the phrase in the parse
            j -= 1
        near = [title_end.get((pid, s.start - d)) for d in range(5)] + [title_start.get((pid, s.end + d)) for d in range(4)]
        for t in near:
            if t is not None:
                lo, hi = min(t.start, s.start), max(t.end, s.end)
                extent.update(range(lo, hi))
        role, country, cls = info.get("role"), info.get("country"), info.get("class")
        if weak:
            # "La ministre des Affaires étrangères, l'honorable X": a free title kept apart by an honorific
            t = _free_title_before(ctx, k, min(extent), sent)
            if t is not None:
                tinfo = span_info(t) or {}
                role, cls, weak = tinfo.get("role"), tinfo.get("class"), False
                country = next(iter(tinfo.get("countries") or []), None)
                extent.update(range(t.start, t.end))
            else:
                elliptic = _elliptic_portfolio(ctx, min(extent), sent, titles)
                if elliptic is not None:
                    role, country, start = elliptic
                    cls, weak = role_class(role), False
                    extent.update(range(start, min(extent)))
        ext = frozenset(extent)
        if min(ext) < s.start and excluded(ctx, min(ext), sent, chairs=chairs):
            continue  # "un émissaire de son homologue, M. X": the title in a genitive puts X outside
        out.append(
            Official(
                pid, pid, ctx.person_name(pid) or ctx.span_text(s), role, country, cls,
                s.start, s.end, [s], weak=weak, anchor=anchor_of(doc, ext), extent=ext,
            )
        )
    for t in titles:
        info = span_info(t) or {}
        person = info.get("person")
        members = plural_members(ctx, k, t, Official, anchor_of) if person else None
        if members is not None and not excluded(ctx, t.start, sent, chairs=chairs):
            out.extend(members)  # "les ministres japonais, indien et australien": one per country
            continue
        if person:
            adjacent = any((person, t.end + d) in person_at for d in range(-4, 5)) or any((person, -(t.start + d)) in person_at for d in range(-3, 4))
            if adjacent or excluded(ctx, t.start, sent, chairs=chairs):
                continue
            pinfo = ctx.person_info(person)
            ext = frozenset(range(t.start, t.end))
            out.append(
                Official(
                    person, person, ctx.person_name(person), pinfo.get("role"), pinfo.get("country"), pinfo.get("class"),
                    t.start, t.end, [t], anchor=anchor_of(doc, ext), extent=ext, anaphor=True,
                )
            )
            continue
        if excluded(ctx, t.start, sent, chairs=chairs) or any(b.start < t.start < b.end for b in bodies):
            continue  # "la Conférence des ministres de l'Intérieur de …": a body's name, not a person
        if info.get("former"):
            continue  # "l'ancien ministre malien": nobody holds that office in this meeting
        if _demonstrative(ctx, t):
            continue  # "ce représentant de la France": the person just named, not another official
        codes = list(info.get("countries") or [])
        plural = "Plur" in doc[t.start].morph.get("Number") or t.root.morph.get("Number") == ["Plur"]
        reach = t.end  # a list of countries after the title is part of its mention
        if plural:
            codes, reach = plural_countries(ctx, k, t, codes)
        if not codes and plural:
            continue  # "la réunion des ministres des Affaires étrangères de l'OCI": the members of a body, nobody in particular
        # "le président de l'Assemblée nationale": an institution many states have gives its state only softly
        shared = not codes and bool(info.get("bodies")) and all(
            b.text.lower() in ctx.lex.word_set("shared_body_name") for b in bodies if t.start <= b.start and b.end <= t.end
        )
        for b in info.get("bodies") or []:
            code = ctx.body_code(b)
            if code:
                codes.append(code)
        cls = info.get("class")
        if not codes:
            # "le Chef du Gouvernement de l'île Maurice": a country the title holds that its rule left unread
            # after a genitive or a place noun only ("de l'Océan Indien" is no country)
            lead = ctx.lex.word_set("genitive") | ctx.lex.word_set("place_head_noun")
            codes = [
                c.kb_id_.split(":", 1)[1] for c in ctx.in_sentence(k, "COUNTRY")
                if t.start < c.start and c.end <= t.end and c.kb_id_.startswith("country:") and (doc[c.start - 1].lower_ in lead or (doc[c.start - 1].pos_ == "DET" and doc[c.start - 2].lower_ in lead))
            ][:1]
        if not codes:
            continue  # an unmarked title without a name: coreference decides who it is
        role = info.get("role") if cls != "generic" else None
        if role and "Plur" in doc[t.start].morph.get("Number"):
            role = singular_role(role)  # "les ministres des Affaires étrangères de A et de B": one minister each
            role = member_office(role)
        ext = frozenset(range(t.start, reach))
        anchor = anchor_of(doc, ext)
        for code in dict.fromkeys(codes):
            key = f"unnamed:{code}:{(role or cls or '').lower()}"
            out.append(Official(key, None, None, role, code, cls, t.start, t.end, [t], unnamed=True, anchor=anchor, extent=ext, shared_body=shared))
    out.extend(_elliptic_titles(ctx, k, titles, chairs=chairs))
    out.sort(key=lambda o: (o.start, o.key))
    return _merge_appositions(ctx, out)


def _elliptic_titles(ctx: DocContext, k: int, titles: list[Span], *, chairs: bool) -> list[Official]:
    """"L'ambassadeur du Ghana et celui du Mali", "le ministre malien, X, et celle du Niger": a
    demonstrative pronoun with a country complement repeats the office of the title before it, for
    that country (an unnamed official)."""
    doc = ctx.doc
    sent = ctx.sents[k]
    lex = ctx.lex
    pronouns, genitive = lex.word_set("elliptic_title_pronoun"), lex.word_set("genitive")
    countries = {c.start: c for c in ctx.in_sentence(k, "COUNTRY") if c.kb_id_.startswith("country:") and (span_info(c) or {}).get("form") is None}
    out: list[Official] = []
    lowers = ctx.lowers
    for i in range(sent.start, sent.end - 2):
        if lowers[i] not in pronouns or lowers[i + 1] not in genitive:
            continue
        j = i + 2 if doc[i + 2].pos_ != "DET" else i + 3
        country = countries.get(j)
        before = [t for t in titles if t.end <= i and i - t.end <= 12 and (span_info(t) or {}).get("class") not in (None, "generic")]
        if country is None or not before or excluded(ctx, i, sent, chairs=chairs):
            continue
        info = span_info(before[-1]) or {}
        if info.get("former") or not info.get("role"):
            continue
        code = country.kb_id_.split(":", 1)[1]
        role, cls = singular_role(info["role"]), info.get("class")
        ext = frozenset(range(i, country.end))
        key = f"unnamed:{code}:{role.lower()}"
        out.append(Official(key, None, None, role, code, cls, i, country.end, [doc[i : country.end]], unnamed=True, anchor=i, extent=ext))
    return out


def _elliptic_portfolio(ctx: DocContext, start: int, sent: Span, titles: list[Span]) -> tuple[str, str | None, int] | None:
    """"le premier ministre palestinien, X, et celui des Affaires étrangères, Y": a demonstrative pronoun
    with a portfolio complement, then a comma, before an untitled name, repeats the head of the title
    before it for that portfolio and that title's country (Y is the minister of foreign affairs)."""
    doc, lex = ctx.doc, ctx.lex
    pronouns, genitive = lex.word_set("elliptic_title_pronoun"), lex.word_set("genitive")
    if start - 1 <= sent.start or doc[start - 1].text != ",":
        return None
    for j in range(start - 3, max(sent.start, start - 9) - 1, -1):
        if doc[j].lower_ not in pronouns or doc[j + 1].lower_ not in genitive:
            continue
        portfolio = doc[j + 1 : start - 1]
        words = [t for t in portfolio[1:] if t.pos_ != "DET"]
        if not words or not words[0].is_title or any(t.is_punct for t in portfolio):
            return None  # "celui du pays", not a portfolio
        before = [t for t in titles if t.end <= j and j - t.end <= 15 and (span_info(t) or {}).get("class") not in (None, "generic")]
        if not before or not (span_info(before[-1]) or {}).get("role"):
            return None
        info = span_info(before[-1]) or {}
        head = info["role"].split()
        cut = next((n for n, w in enumerate(head) if w.lower() in genitive or w.lower().startswith("d'")), len(head))
        if cut == 0:
            return None
        role = f"{head[cut - 1]} {portfolio.text}"
        return role, next(iter(info.get("countries") or []), None), j
    return None


def _demonstrative(ctx: DocContext, t: Span) -> bool:
    """Does a demonstrative open the title ("cet ambassadeur du Japon", "ce nouveau représentant de la
    France")? Such a title takes up someone the text has just presented."""
    k = t.start - 1
    if k >= 0 and ctx.doc[k].lower_ in word_set("apposition_title_adjectives"):
        k -= 1
    return k >= 0 and ctx.doc[k].lower_ in ctx.lex.word_set("demonstrative_det")


def _free_title_before(ctx: DocContext, k: int, start: int, sent: Span) -> Span | None:
    """A title no person took that ends just before ``start``, with only punctuation, determiners and
    honorifics between ("Le ministre de l'Intérieur, l'honorable X")."""
    honorific = ctx.lex.word_set("honorific")
    for t in reversed(ctx.near(k, "TITLE", start, 14)):
        if t.end > start or (span_info(t) or {}).get("person") or (span_info(t) or {}).get("former") or start - t.end > 4:
            continue
        between = ctx.doc[t.end : start]
        if any(tok.text == "," for tok in between) and all(tok.is_punct or tok.pos_ == "DET" or tok.lower_ in honorific for tok in between):
            return t
        return None
    return None


def _merge_appositions(ctx: DocContext, officials: list[Official]) -> list[Official]:
    """"Le nouvel ambassadeur du Liban à Paris, Rami Adouane": an unnamed title and the name in
    apposition to it are one official."""
    doc = ctx.doc
    drop: set[int] = set()
    for i, o in enumerate(officials):
        if not o.weak or o.unnamed:
            continue
        anchor = doc[o.anchor]
        for j in range(i - 1, max(-1, i - 6), -1):  # the few officials just before it
            t = officials[j]
            if j in drop or not t.unnamed or t.start >= o.start or (j > 0 and officials[j - 1].start == t.start) or (
                j + 1 < len(officials) and officials[j + 1].start == t.start
            ):
                continue
            if (anchor.dep_ == "appos" and anchor.head.i in t.extent) or (0 < o.start - t.end <= 4 and doc[o.start - 1].text == ","):
                o.role, o.country, o.cls, o.weak = t.role, t.country, t.cls, False
                o.spans = [*t.spans, *o.spans]
                o.extent = frozenset(o.extent | t.extent)
                drop.add(j)
                break
    return [o for k, o in enumerate(officials) if k not in drop]


def bare_titles(ctx: DocContext, k: int) -> dict[int, Span]:
    """The unmarked titles of sentence ``k`` ("le ministre", "le chef de l'État"), by token."""
    out: dict[int, Span] = {}
    for t in ctx.in_sentence(k, "TITLE"):
        info = span_info(t) or {}
        if not info.get("person") and not info.get("countries") and not info.get("bodies"):
            for i in range(t.start, t.end):
                out.setdefault(i, t)
    return out
