"""Unnamed sides: a delegation, a body or a group of officials the text names by no person.

"X a été reçu par une délégation du ministère …", "le ministre s'est entretenu avec la direction
générale de …", "reçu par plusieurs membres du gouvernement": a group noun (word set
``group_side_noun``) that is the object, the agent or the partner ("avec") of an encounter, or is
coordinated with an official ("ainsi que la délégation …"), is an unnamed official. Its role is the
text's phrase (the noun and its complements, without the country), its country the state or the
body its complement names, else the one the meeting's slots give. A group with a person or a title
in it ("une délégation conduite par le ministre X", "composée de X et Y") is not one: its leader or
its members take part (``led_group`` lets them climb to the encounter through the group noun), and
so is a group the official owns ("sa délégation", which he represents).
"""

from __future__ import annotations

from spacy.tokens import Token

from .context import DocContext
from .officials import Official, excluded


def led_group(ctx: DocContext, node: Token, head: Token, owner: dict) -> tuple[str, Token | None]:
    """A participle that leads a group ("une délégation conduite par X", "Conduite par X, la
    délégation …") seen from its agent ``node``: ("climb", group noun) to go on from the group noun,
    ("subject", predicate) when the fronted participle describes the subject of the predicate its
    clause holds, ("", None) otherwise."""
    lex = ctx.lex
    if head.lower_ not in lex.word_set("group_lead_participle") or node.i < head.i:
        return "", None
    if not any(c.lower_ in lex.word_set("passive_agent") or c.dep_ == "case" for c in node.children):
        return "", None
    groups = lex.word_set("path_noun") | lex.word_set("group_side_noun")
    up = head.head
    if up.i != head.i and up.lower_ in groups and up.i < head.i:
        return "climb", up
    # the clause it opens: its head, or the verb the parser coordinated with it when it made it the root
    clauses = [up] if up.i != head.i else [c for c in head.children if c.dep_ in ("conj", "parataxis")]
    for verb in clauses:
        if verb.i in owner and head.i < verb.i:
            if any(c.dep_ in ("nsubj", "nsubj:pass") and c.lower_ in groups and head.i < c.i for c in verb.children):
                return "subject", verb
    return "", None


def group_officials(ctx: DocContext, k: int, encounters: list, officials: list[Official]) -> list[Official]:
    """The unnamed group sides of sentence ``k`` (see the module's docstring)."""
    from .encounters import _relation  # the encounter layer imports this module

    doc = ctx.doc
    lex = ctx.lex
    sent = ctx.sents[k]
    nouns = lex.word_set("group_side_noun")
    owner = {i: enc for enc in encounters for i in enc.tokens}
    taken = {i for o in officials for i in o.extent}
    covered = {i for label in ("PERSON", "TITLE") for s in ctx.in_sentence(k, label) for i in range(s.start, s.end)}
    out: list[Official] = []
    lowers = ctx.lowers
    for i in range(sent.start, sent.end):
        if lowers[i] not in nouns or i in taken or i in covered:
            continue
        g = doc[i]
        if g.pos_ != "NOUN":
            continue
        if any(c.dep_ == "det" and ("Yes" in c.morph.get("Poss") or c.lower_ in lex.word_set("demonstrative_det")) for c in g.children):
            continue  # "sa délégation": the official's own, whom he represents; "cette délégation": one told before
        if any(i in covered or i in taken for i in range(g.left_edge.i, g.right_edge.i + 1) if i != g.i):
            continue  # a person or a title in the group: the leader or the members take part
        if any(t.lemma_.lower() in lex.word_set("escort_verb") for t in g.subtree):
            continue  # "la délégation qui les accompagnait": the officials' own, whom they represent
        if any(c.lower_ in lex.word_set("other_adjective") for c in g.children if c.i < g.i):
            continue  # "X, Y et d'autres membres du gouvernement": the named ones stand for their side
        if any(t.lower_ in lex.word_set("non_official_group") for t in g.subtree if t.i > g.i):
            continue  # "une délégation d'hommes d'affaires", "du patronat": no officials (optional in the gold)
        if g.lower_ in lex.word_set("group_people_noun") and not _named_body(ctx, g):
            continue  # "des responsables qataris", "différents responsables": nobody in particular
        if not _side_of_encounter(ctx, g, owner, taken, covered, _relation) or excluded(ctx, g.i, sent):
            continue
        role, end = _phrase(ctx, k, g)
        code = _country(ctx, k, g)
        if code is None and g.lower_ in lex.word_set("group_people_noun") and not _named_body(ctx, g, lex.word_set("state_body_noun")):
            continue  # "les membres du groupe de contact": people of several states, whose the text does not say
        ext = frozenset([*range(g.i, end), *(c.i for c in g.children if c.dep_ in ("det", "amod", "nummod") and c.i < g.i)])
        key = f"unnamed:{code or '?'}:{role.lower()}"
        out.append(Official(key, None, None, role, code, None, g.i, end, [doc[g.i : end]], unnamed=True, anchor=g.i, extent=ext, group=True))
    return out


def _named_body(ctx: DocContext, g: Token, heads: frozenset[str] | set[str] | None = None) -> bool:
    """Does a complement in "de" name the body a group of people belongs to ("membres du gouvernement",
    "représentants de l'Union européenne"), with one of ``heads`` as its noun when given (a state's own
    institution: "membres du gouvernement" belong to the state the meeting is in)?"""
    genitive = ctx.lex.word_set("genitive")
    return any(
        c.dep_ == "nmod" and c.pos_ in ("NOUN", "PROPN") and (heads is None or c.lower_ in heads)
        and any(x.dep_ == "case" and x.lower_ in genitive for x in c.children)
        for c in g.children
        if c.i > g.i
    )


def _side_of_encounter(ctx: DocContext, g: Token, owner: dict, taken: set[int], covered: set[int], relation) -> bool:
    """Is ``g`` the object, agent or partner of an encounter predicate, or a conjunct of an official?"""
    node = g
    for _ in range(6):
        if node.dep_ == "conj" and (node.head.i in taken or node.head.i in covered):
            return True  # "le ministre X ainsi que la délégation …": one more of the officials' list
        if node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
            continue
        break
    head = node.head
    if head.i == node.i or head.i not in owner:
        return False
    return relation(ctx, owner[head.i], node) in ("object", "partner", "agent")


def _phrase(ctx: DocContext, k: int, g: Token) -> tuple[str, int]:
    """The group's role as the text writes it: the noun and the complements after it, up to its
    country, a clause, a punctuation mark or the end of its phrase. A counted group ("plusieurs
    membres du gouvernement") gives the office of one member."""
    doc = ctx.doc
    countries = {i for s in ctx.in_sentence(k, "COUNTRY") for i in range(s.start, s.end)}
    right = g.right_edge.i
    end = g.i + 1
    while end <= right and not (doc[end].is_punct or doc[end].i in countries or doc[end].pos_ in ("VERB", "AUX", "PRON", "SCONJ")):
        end += 1
    while end - 1 > g.i and doc[end - 1].pos_ in ("ADP", "DET", "CCONJ"):
        end -= 1
    head = g.text
    counted = any(c.lower_ in ctx.lex.word_set("counting_det") or c.dep_ == "nummod" for c in g.children)
    if counted and g.lemma_ and g.lemma_ != g.lower_:
        head = g.lemma_
    return (head + g.whitespace_ + doc[g.i + 1 : end].text).strip(), end


def _country(ctx: DocContext, k: int, g: Token) -> str | None:
    """The state its adjective or complement names ("une délégation béninoise", "du Département d'État
    des États-Unis"), else the body's code ("une délégation du FMI"); not a body the group is sent to
    ("la délégation auprès de l'Assemblée …")."""
    doc = ctx.doc
    lo, hi = g.left_edge.i, g.right_edge.i + 1
    away = ctx.lex.word_set("posted_to_prep")
    outside = set()
    for t in doc[lo:hi]:
        if t.lower_ in away and t.head.i != t.i and t.i > g.i:
            outside.update(range(t.i, hi))
            break
    for s in ctx.in_sentence(k, "COUNTRY"):
        if lo <= s.start and s.end <= hi and s.start not in outside and s.kb_id_.startswith("country:"):
            return s.kb_id_.split(":", 1)[1]
    for s in ctx.in_sentence(k, "BODY"):
        if lo <= s.start and s.end <= hi and s.start not in outside and s.start > g.i:
            code = ctx.body_code(s.kb_id_)
            if code:
                return code
    return None


def place_shared_bodies(ctx: DocContext, location: dict | None, participants: list[Official]) -> None:
    """"reçu à Vientiane par le président de l'Assemblée nationale": an unnamed office of an institution
    many states have, which the knowledge base gives one state, belongs to the state of the meeting's
    place, else to the article's home country, when no other participant represents that state and the
    article is not the knowledge base's state's own."""
    place = (location or {}).get("country") or ctx.home
    if not place or len(place) != 2:
        return
    for p in participants:
        if p.unnamed and p.shared_body and p.country not in (place, ctx.home) and all(q.country != place for q in participants if q is not p):
            p.country = place


def members_country(ctx: DocContext, k: int, officials: list[Official]) -> None:
    """"Une délégation marocaine composée de X et de Y": an official the text gives no country who is a
    member or the leader of a delegation takes the state (or the body: "une délégation du FMI conduite par
    X") the delegation's adjective or complement names."""
    doc = ctx.doc
    groups = ctx.lex.word_set("path_noun") | ctx.lex.word_set("group_side_noun")
    states = {s.root.i: s.kb_id_.split(":", 1)[1] for s in ctx.in_sentence(k, "COUNTRY") if s.kb_id_.startswith("country:")}
    for b in ctx.in_sentence(k, "BODY"):  # "une délégation du FMI conduite par X": X is the FMI's
        code = ctx.body_code(b.kb_id_)
        if code:
            states.setdefault(b.root.i, code)
    for o in officials:
        if o.country or o.unnamed or o.anchor < 0:
            continue
        node = doc[o.anchor]
        for _ in range(4):
            if node.dep_ not in ("nmod", "conj", "appos", "obl:agent", "acl") or node.head.i == node.i:
                break
            node = node.head
            if node.lower_ in groups:
                code = next((states[c.i] for c in node.children if c.i in states and c.dep_ in ("amod", "nmod")), None)
                if code:
                    o.country = code
                break
