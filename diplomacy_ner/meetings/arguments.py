"""Arguments the parse leaves out: read from the word order and the clause around a predicate.

Each reading lowers the encounter's score: the officials just before and after
a predicate in word order (``word_order_fallback``), the official an honorific
or a glued source name only wraps (``shell_subject``), a coordinated subject the parser
detached (``coordinated_subjects``), the clause an encounter
noun in an adverbial of time belongs to (``adverbial_frame``), and the rest of a
list of partners the parser cut (``list_continuation``) or whose middle it stranded (``list_gaps``).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Span, Token

from .context import DocContext
from .encounters import SUBJECT_DEPS, Encounter, between_sides
from .officials import Official
from ..extensions import span_info


def word_order_fallback(ctx: DocContext, enc: Encounter, officials: list[Official], free: set[str], predicates: list[int]) -> None:
    """Fill a missing subject or partner from the officials around the predicate."""
    doc = ctx.doc
    i = enc.predicate.i
    at = bisect.bisect_left(predicates, i)
    lo = predicates[at - 1] if at > 0 else -1
    hi = predicates[at + 1] if at + 1 < len(predicates) else 10**9
    starts = [o.start for o in officials]
    first = bisect.bisect_right(starts, lo)
    mid = bisect.bisect_left(starts, i)
    if not enc.subjects and enc.subject_token is None:
        before = [
            o for o in officials[max(first, mid - 8) : mid] if o.key in free and o.end <= i and i - o.end <= 40
            # "les envoyés chargés de demander à X de céder le pouvoir s'entretenaient …": X is an infinitive's
            and not (o.anchor >= 0 and doc[o.anchor].head.i not in enc.tokens and doc[o.anchor].head.morph.get("VerbForm") == ["Inf"])
        ]
        if before and not any(
            t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") and t.i not in enc.tokens and t.head.i not in enc.tokens
            for t in doc[before[-1].end : i]
        ):
            group = [before[-1]]
            for o in reversed(before[:-1]):
                words = [t.lower_ for t in doc[o.end : group[0].start] if not t.is_punct]
                if words in (["et"], []) and o.end <= group[0].start:
                    group.insert(0, o)  # "MM. X et Y ont eu un entretien": a coordinated subject
                else:
                    break
            enc.subjects.extend(group)
            enc.guessed.update(o.key for o in group)
            enc.strength -= 0.05
    if not enc.partners and not enc.frame.needs_group:
        subjects = {s.key for s in enc.subjects}
        after = [o for o in officials[mid : mid + 12] if o.key in free and i < o.start < hi and o.key not in subjects]
        if after and any(
            t.pos_ in ("VERB", "AUX") and t.i not in enc.tokens and t.dep_ != "fixed" and not _adjectival_participle(t)
            for t in doc[i + 1 : min(after[0].extent)]
        ):
            after = []  # another clause stands between the predicate and the official ("à partir de" is none)
        # a verb that needs its partner's preposition ("évoquer avec", "discuter avec")
        preps = set(enc.frame.needs_next) if enc.frame.pos == "verb" and set(enc.frame.needs_next) <= set(enc.frame.partner_preps) else set()
        if enc.frame.needs_cue:
            preps = set(enc.frame.partner_preps)  # "a déclaré à la presse que le président X …": X is no addressee
        if after and preps and not any(t.lower_ in preps for t in doc[max(i + 1, min(after[0].extent) - 3) : min(after[0].extent)]):
            after = []  # "a évoqué avec satisfaction la visite de X": the frame's "avec" does not lead to X
        if after:
            group = [after[0]]
            for o in after[1:]:
                if o.anchor >= 0 and doc[o.anchor].dep_ in SUBJECT_DEPS:
                    break  # the subject of the next clause, not one more partner
                between = doc[group[-1].end : o.start]
                words = [t.lower_ for t in between if not t.is_punct]
                if len(between) <= 14 and ("et" in words[:3] or not words) and not any(t.pos_ in ("VERB", "AUX") for t in between):
                    group.append(o)
                else:
                    break
            enc.partners.extend(group)
            enc.guessed.update(o.key for o in group)
            enc.strength -= 0.05



def _adjectival_participle(tok: Token) -> bool:
    """A participle glued to the noun before it, without auxiliary nor complement ("au cours du week-end
    écoulé"): no clause ("l'accord proposé par X" is one)."""
    doc = tok.doc
    return (
        "Part" in tok.morph.get("VerbForm")
        and tok.i > 0
        and doc[tok.i - 1].pos_ == "NOUN"
        and not any(c.dep_.startswith("aux") or (c.i > tok.i and _complement(c)) for c in tok.children)
    )


def _complement(tok: Token) -> bool:
    """Is ``tok`` a verb's complement: an object, an agent, or a phrase its own preposition leads ("par X")?"""
    return tok.dep_ in ("obj", "iobj", "obl:agent", "obl:arg", "xcomp", "ccomp") or any(c.dep_ in ("case", "mark") for c in tok.children)


def coordinated_subjects(ctx: DocContext, enc: Encounter, officials: list[Official], free: set[str]) -> None:
    """"A et B ont tenu un sommet" where the parser made A the root: the officials of a list closed by
    "et" just before the first subject ("A, B et C ont …") are subjects too."""
    if not enc.subjects or enc.subjects[0].anaphor:
        return
    doc = ctx.doc
    first = min(enc.subjects, key=lambda o: o.start)
    if first.start > enc.predicate.i:
        return
    edge = min(first.extent, default=first.start)
    before = sorted((o for o in officials if o.key in free and max(o.extent, default=o.end - 1) < edge), key=lambda o: o.start)
    group: list[Official] = []
    for o in reversed(before):
        words = [t.lower_ for t in doc[max(o.extent, default=o.end - 1) + 1 : edge] if t.pos_ != "DET"]
        if not (words in (["et"], [",", "et"]) or (group and words in ([","], []))):
            # "A, B et C ont …"; a comma alone closes a fronted phrase ("Outre le président X, Y a …")
            break
        group.insert(0, o)
        edge = min(o.extent, default=o.start)
    last = max(enc.subjects, key=lambda o: o.start)
    edge = max(last.extent, default=last.end - 1) + 1
    for o in sorted((o for o in officials if o.key in free and min(o.extent, default=o.start) >= edge), key=lambda o: o.start):
        # "A et B ont eu un échange" where the parser attached B elsewhere
        words = [t.lower_ for t in doc[edge : min(o.extent, default=o.start)] if t.pos_ != "DET"]
        if words != ["et"] or max(o.extent, default=o.end - 1) >= enc.predicate.i:
            break
        group.append(o)
        edge = max(o.extent, default=o.end - 1) + 1
    if group:
        enc.subjects.extend(group)  # after the parsed subject, which stays the one coreference follows
        enc.guessed.update(o.key for o in group)
        for o in group:
            free.discard(o.key)
        enc.strength -= 0.05


def shell_subject(ctx: DocContext, tok: Token, officials: list[Official]) -> Official | None:
    """The official a subject word only wraps: "l'honorable X", a source name glued to the sentence
    ("Agence Le président X a reçu …"). The subject word is no common noun, and nothing but
    punctuation, determiners and honorifics stands between it and the official's mention."""
    doc = ctx.doc
    honorific = ctx.lex.word_set("honorific")
    k = ctx.sentence_of.get(tok.i, -1)
    title = next((t for t in ctx.near(k, "TITLE", tok.i, 8) if t.start <= tok.i < t.end), None)
    if tok.pos_ == "NOUN" and tok.lower_ not in honorific and title is None:
        return None
    for o in officials:
        first = min(o.extent) if o.extent else o.start
        if first <= tok.i or first > tok.right_edge.i + 1:
            continue
        between = doc[title.end if title is not None and title.end > tok.i else tok.i + 1 : first]
        if not all(t.is_punct or t.pos_ == "DET" or t.lower_ in honorific for t in between):
            return None
        if title is not None and o.weak:
            # "La ministre des Affaires étrangères, l'honorable X": the title the honorific kept apart
            info = span_info(title) or {}
            o.role, o.cls, o.weak = info.get("role"), info.get("class"), False
            o.country = o.country or next(iter(info.get("countries") or []), None)
        return o
    return None


ADVERBIAL_ARGS = ("obj", "iobj", "obl:arg", "obl:mod", "obl")


def adverbial_frame(ctx: DocContext, enc: Encounter, officials: list[Official], index: dict[int, Official], free: set[str]) -> None:
    """"Lors d'une communication téléphonique, X a invité son homologue Y": an encounter noun in an
    adverbial of time ("lors de", "au cours de") without arguments of its own takes the subject of the
    clause it modifies, and the officials that clause's verb governs as partners."""
    noun = enc.predicate
    verb = noun.head
    lead_start = noun.left_edge.i
    if verb.pos_ == "ADV" and verb.i < noun.i:  # "Lors/ADV d'une communication/obl:arg": the adverb heads it
        lead_start, verb = verb.i, verb.head
    elif verb.pos_ == "NOUN" and verb.i < noun.i and noun.i - verb.i <= 3 and verb.head is not verb:
        # "à l'issue/NOUN d'une rencontre": the locution's noun heads it
        lead_start, verb = verb.left_edge.i, verb.head
    if enc.frame.pos != "noun" or len(enc.tokens) > 1 or verb.i == noun.i or verb.pos_ not in ("VERB", "AUX"):
        return
    if not noun.dep_.startswith(("obl", "nmod", "advcl")):
        return
    if any(c.dep_ == "det" and c.lower_ in ctx.lex.word_set("demonstrative_det") for c in noun.children):
        return  # "À l'issue de cet entretien, X …": an anaphor of a told encounter, not a new one
    if not ctx.lex.cue("adverbial_frame").match(ctx.doc[lead_start : noun.i].text):
        return
    if between_sides(ctx, enc.partners):
        return  # "Après un appel entre A et B, C a affirmé …": the noun names both its sides, C is not one
    if not enc.subjects:
        partners = {o.key for o in enc.partners}
        clause = verb
        subj = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
        for _ in range(3):  # "X a annoncé être parvenu à un accord, à l'issue d'une rencontre avec Y"
            if subj is not None or clause.dep_ not in ("xcomp", "ccomp", "advcl", "conj") or clause.head is clause:
                break
            clause = clause.head
            subj = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
        o = index.get(subj.i) if subj is not None else None
        if o is None or o.key not in free or o.key in partners:
            return
        enc.subjects.append(o)
        free.discard(o.key)
    if enc.partners:
        return  # "à l'issue d'une rencontre avec Y": the noun names its partner itself
    subjects = {o.key for o in enc.subjects}
    for o in officials:
        if o.key in subjects or o.key not in free or o.anchor < 0:
            continue
        anchor = ctx.doc[o.anchor]
        if anchor.head.i == verb.i and anchor.dep_ in ADVERBIAL_ARGS:
            enc.partners.append(o)
            free.discard(o.key)
    if enc.partners:
        enc.strength -= 0.05


def list_continuation(ctx: DocContext, enc: Encounter, officials: list[Official], free: set[str]) -> None:
    """"avec les ministres de la Pologne, X, du Danemark, Y, du Chili, Z": the parser attaches the
    first names of a long list and strands the rest; an official that follows the last partner across
    nothing but commas, "et", prepositions, articles and country names is a partner too."""
    if not enc.partners:
        return
    doc = ctx.doc
    sent = ctx.sents[enc.sent]
    countries = {i for s in ctx.in_sentence(enc.sent, "COUNTRY") for i in range(s.start, s.end)}
    joiners = ctx.lex.word_set("list_joiner")
    titles = ctx.in_sentence(enc.sent, "TITLE")
    end = max(o.end for o in enc.partners)
    if end <= enc.predicate.i:
        return  # partners before the predicate: no list after it to continue
    taken = {o.key for o in [*enc.subjects, *enc.agents, *enc.partners]}
    # "entre A et le dirigeant russe B": the second side of "entre" may come with its title
    pair = len(enc.partners) == 1 and between_sides(ctx, enc.partners)
    for o in officials:
        if o.start < end:
            continue
        if o.key in taken or o.key not in free or o.end > sent.end:
            break
        # the official's own title before the name ("…, le président égyptien X et le Premier ministre irakien Y")
        lead = next(
            (t.start for t in titles if end < t.start and t.end <= o.start and o.extent and t.start >= min(o.extent) and doc[t.start - 1].pos_ == "DET"),
            o.start,
        )
        between = doc[end : min(o.extent) if pair and o.extent else lead]
        bare_pair = pair and len(between) > 0 and all(t.pos_ in ("CCONJ", "DET") for t in between)
        if o.anchor >= 0 and doc[o.anchor].dep_ in SUBJECT_DEPS and not bare_pair:
            break  # "Après un appel avec X, Y a affirmé …": the subject of the next clause (not "entre A et B")
        plain = [t for t in between if not _group_item(ctx, between, t)]
        if len(plain) > 8 or not all(
            t.is_punct or t.i in countries or t.lower_ in joiners or t.pos_ in ("ADP", "DET", "CCONJ") or _portfolio(t) for t in plain
        ) or any(t.text in (".", ";", ":") for t in between):
            break
        enc.partners.append(o)
        free.discard(o.key)
        taken.add(o.key)
        end = o.end
        if pair:
            break  # "entre A et B": a pair


def _group_item(ctx: DocContext, between: Span, tok: Token) -> bool:
    """Is ``tok`` inside an item of the list that names a group, not a person ("…, B, des représentants de
    la société civile, la représentante de l'ONU, C"): between two commas (or a comma and "et"), an
    article, then a group noun (word set `group_object`), in at most eight words?"""
    doc = ctx.doc
    start, end = tok.i, tok.i
    while start > between.start and doc[start - 1].text != ",":
        start -= 1
    while end + 1 < between.end and doc[end + 1].text != ",":
        end += 1
    item = [t for t in doc[start : end + 1] if t.pos_ != "CCONJ"]
    if not item or tok.text == "," or len(item) > 8 or item[0].pos_ != "DET":
        return False
    noun = next((t for t in item if t.pos_ == "NOUN"), None)
    return noun is not None and noun.lower_ in ctx.lex.word_set("group_object")


def _portfolio(tok: Token) -> bool:
    """A capitalised noun after an article or a preposition: the office a list item names ("les ministres des
    Affaires étrangères, X, de la Justice, Y", "le DG de la Police, Z")."""
    return tok.i > 0 and tok.text[:1].isupper() and tok.pos_ in ("NOUN", "PROPN") and tok.doc[tok.i - 1].pos_ in ("DET", "ADP")


def list_gaps(ctx: DocContext, enc: Encounter, officials: list[Official], free: set[str]) -> None:
    """"avec A, président de …, B, secrétaire général de …, et C": the parser attaches the first and the
    last partner of a list and strands the middle; an official between two partners, with no verb of its
    own clause in between, is a partner too."""
    if len(enc.partners) < 2:
        return
    doc = ctx.doc
    first = min(enc.partners, key=lambda o: o.start)
    last = max(enc.partners, key=lambda o: o.start)
    taken = {o.key for o in [*enc.subjects, *enc.agents, *enc.partners]}
    for o in officials:
        if not first.end <= o.start < last.start or o.key in taken or o.key not in free or o.anaphor:
            continue
        if o.anchor >= 0 and doc[o.anchor].dep_ in SUBJECT_DEPS:
            continue
        if any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in doc[first.end : o.start]):
            continue
        enc.partners.append(o)
        free.discard(o.key)
        taken.add(o.key)
    enc.partners.sort(key=lambda o: o.start)


def addressees_only(ctx: DocContext, enc: Encounter) -> None:
    """A frame that opens only on a cue ("a assuré au président X que …" on a visit) keeps as partners the
    officials its verb itself governs after "à", never those of a clause it reports ("…, a indiqué la
    source, A fera des visites à B"), and only when its subject comes before it."""
    if not enc.frame.needs_cue:
        return

    def governed(o: Official) -> bool:
        if o.anchor < 0:
            return False
        t = ctx.doc[o.anchor]
        while t.dep_ in ("conj", "appos", "flat:name") and t.head is not t and t.head.i != enc.predicate.i:
            t = t.head
        preps = set(enc.frame.partner_preps)
        return (t.head.i == enc.predicate.i and t.dep_ in ("obl", "obl:arg", "obl:mod", "iobj")
                and any(c.dep_ == "case" and c.lower_ in preps for c in t.children))

    if not any(0 <= o.start < enc.predicate.i for o in enc.subjects):
        enc.partners = []  # an incise with its subject after the verb ("…, a indiqué la source, …") tells nobody
    enc.partners = [o for o in enc.partners if governed(o)]
