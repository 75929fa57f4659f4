"""Status of an encounter (held, planned, cancelled) and background, from its own verb chain.

In the spirit of medspacy's ConText: the cues are data (``meeting_cues.jsonl``,
``meeting_words.jsonl``); what is read here is the predicate, its auxiliaries
and the verb that governs it (a modal or a reporting verb), and a window of cues
around the predicate, not the whole sentence.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .context import DocContext
from ..extensions import span_info


def status(ctx: DocContext, sent: Span, trigger: Token) -> str | None:
    """``held`` / ``planned`` / ``cancelled`` for a predicate, ``None`` when it is negated."""
    doc = ctx.doc
    lex = ctx.lex
    if ctx.span_text(sent).rstrip().rstrip("»\"' ").endswith("?"):
        return None  # "X a-t-il rencontré Y ?": a question reports nothing
    window = ctx.span_text(doc[max(sent.start, trigger.i - 8) : min(sent.end, trigger.i + 4)])
    lowers = ctx.lowers  # token strings read once per doc: `for t in doc[a:b]` builds a Token per token
    negation, particles = lex.word_set("negation"), lex.word_set("negation_particle")
    if any(lowers[i] in negation for i in range(max(sent.start, trigger.i - 3), min(len(lowers), trigger.i + 2))) and any(
        lowers[i] in particles for i in range(max(sent.start, trigger.i - 4), trigger.i)
    ):
        return None
    # a noun's verb may stand far from it ("La rencontre entre X et Y, prévue lundi, a été reportée")
    k = ctx.sentence_of.get(sent.start, -1)
    if trigger.pos_ in ("NOUN", "PROPN"):
        cancelled = ctx.sentence_cue(k, "cancelled")
    else:
        cancelled = bool(lex.cue("cancelled").search(ctx.span_text(doc[max(sent.start, trigger.i - 15) : min(sent.end, trigger.i + 15)])))
    if cancelled:
        return "cancelled"
    chain = verb_chain(trigger)
    feature = ctx.feature  # morphology read from the doc's arrays, not through Token objects
    if any(future_tense(ctx, t) for t in chain):
        return "planned"
    for i in range(max(sent.start, trigger.i - 12), trigger.i):
        if ctx.is_verb(i) and ("Cnd" in feature(i, "Mood") or "Fut" in feature(i, "Tense")) and not any(
            ctx.texts[j] in (".", ";", "»", ",") for j in range(i, trigger.i)
        ):
            return "planned"
    head = trigger.head
    if feature(trigger.i, "VerbForm") == ["Inf"] and head.lemma_.lower() in lex.word_set("plan_head"):
        return "planned"
    if any(c.dep_ in ("mark", "case") and c.lower_ in lex.word_set("purpose_mark") for c in trigger.children) and (
        trigger.morph.get("VerbForm") == ["Inf"] or trigger.pos_ in ("NOUN", "PROPN")
    ):
        return "planned"  # "se rend à Washington pour rencontrer X", "est arrivé pour une réunion avec X": an aim
    if trigger.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "case" and c.lower_ in lex.word_set("sequence_before") for c in trigger.children) and not any(
        c.dep_ == "det" and "Def" in c.morph.get("Definite") for c in trigger.children
    ):
        # "…, avant une rencontre avec le Premier ministre": still ahead when the article tells it; not
        # "a rendu visite à X avant le tête-à-tête avec Y", the talks the article has told
        return "planned"
    if lex.cue("planned").search(window):
        return "planned"
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubj:pass", "obj") and head.pos_ == "VERB" and (
        lex.cue("planned").search(head.text)
    ):
        return "planned"  # "un entretien avec X est également prévu", "X envisage une rencontre avec Y": the noun's own verb
    if trigger.pos_ in ("NOUN", "PROPN") and k > 0 and verbless(ctx, sent) and future_sentence(ctx, ctx.sents[k - 1]):
        return "planned"  # "X commencera mardi sa visite. Au cœur des discussions avec Y : …": the time told before
    if trigger.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("acl", "amod", "acl:relcl") and lex.cue("planned").search(c.text) for c in trigger.children
    ):
        return "planned"  # "La rencontre entre X et Y, prévue pour le 27 août"
    return "held"


def verb_chain(trigger: Token) -> list[Token]:
    """The predicate, its auxiliaries, and the verb above it with its auxiliaries."""
    chain = [trigger] + [c for c in trigger.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
    head = trigger.head
    if trigger.pos_ == "NOUN" and head is not trigger and head.pos_ in ("VERB", "AUX"):
        chain.append(head)
        chain.extend(c for c in head.children if c.dep_.startswith("aux"))
        head = head.head
    elif trigger.pos_ == "NOUN" and trigger.dep_.startswith("nsubj") and head is not trigger:
        # "Ce sommet entre X et Y sera leur dernière rencontre": the copula of the nominal predicate
        chain.extend(c for c in head.children if c.dep_ == "cop" or c.dep_.startswith("aux"))
    # an infinitive adjunct has no tense of its own: "participera samedi à …, en plus de rencontrer X"
    infinitive_adjunct = trigger.dep_ == "advcl" and trigger.morph.get("VerbForm") == ["Inf"]
    if head is not trigger and head.pos_ in ("VERB", "AUX") and (trigger.dep_ in ("xcomp", "ccomp", "obj", "nsubj", "nsubj:pass") or infinitive_adjunct):
        chain.append(head)
        chain.extend(c for c in head.children if c.dep_.startswith("aux"))
    return chain


def background(ctx: DocContext, sent: Span, trigger: Token) -> bool:
    """Is the encounter background the article only recalls (pluperfect, "Pour rappel", a past year)?"""
    k = ctx.sentence_of.get(sent.start, -1)
    if trigger.pos_ in ("NOUN", "PROPN") and ctx.lex.cue("remote_channel").search(ctx.tokens_text(trigger.i, min(sent.end, trigger.i + 25))):
        return True  # "des pourparlers entre A et B se poursuivent par des voies diplomatiques": contacts, no encounter
    if trigger.pos_ in ("NOUN", "PROPN") and ctx.sentence_cue(k, "sport_match"):
        return True  # "Le coach entame la rencontre avec son équipe type": a match, not an encounter
    narrative = ctx.sentence_cue(k, "pluperfect_narrative")  # "Avant le début de la cérémonie, le roi avait reçu …"
    if ctx.sentence_cue(k, "background") and not narrative:
        return True
    narrative = narrative or reported_past(ctx, trigger)
    for t in verb_chain(trigger):
        # the pluperfect's auxiliary ("avait reçu", "avait été reçu"), not a passive's ("était coprésidée": a description)
        aux = [c for c in t.children if c.dep_ == "aux:tense"]
        if not narrative and any("Imp" in ctx.feature(a.i, "Tense") and a.lemma_ in ("avoir", "être") for a in aux):
            return True
    for d in ctx.near(k, "DATE", trigger.i, 14):
        if (span_info(d) or {}).get("kind") == "month" and not _other_event_date(ctx, d.root, trigger):
            return True
    years = ctx.sentence_years(k)
    if ctx.published and years and all(y < ctx.published.year for y in years) and not any(
        (span_info(d) or {}).get("kind") in ("absolute", "weekday") for d in ctx.in_sentence(k, "DATE")
    ):
        return True
    return False


def _other_event_date(ctx: DocContext, tok: Token, trigger: Token) -> bool:
    """Is ``tok`` in a participle or relative clause of an event noun that does not hold ``trigger`` ("la
    visite effectuée par X en octobre 2016, Y a été reçu …": the month dates the earlier visit)?"""
    node = tok
    events = ctx.lex.word_set("place_event_noun")
    for _ in range(30):
        if node.dep_ in ("acl", "acl:relcl") and not (node.left_edge.i <= trigger.i <= node.right_edge.i):
            return node.head.lower_ in events or node.head.lower_ in ctx.lex.noun_frames
        if node.head.i == node.i or node.i == trigger.i:
            return False
        node = node.head
    return False


def reported_past(ctx: DocContext, trigger: Token) -> bool:
    """"X a indiqué qu'il s'était entretenu avec Y": a pluperfect in the complement of a past reporting
    verb is the reported event itself (the sequence of tenses), not a recalled one."""
    clause = trigger.head if trigger.pos_ == "NOUN" and trigger.head.pos_ in ("VERB", "AUX") else trigger
    head = clause.head
    if clause.dep_ != "ccomp" or head is clause or head.lemma_.lower() not in ctx.lex.word_set("reporting_verb"):
        return False
    aux = [c for c in head.children if c.dep_ == "aux:tense"]
    # "a indiqué" (passé composé) or "indiqua" (passé simple); not "avait indiqué", not "indique"
    return any("Pres" in a.morph.get("Tense") for a in aux) or (not aux and "Past" in head.morph.get("Tense"))


def future_tense(ctx: DocContext, token: Token) -> bool:
    """Future or conditional, by the tagger's morphology or by the word's form."""
    return "Fut" in ctx.feature(token.i, "Tense") or "Cnd" in ctx.feature(token.i, "Mood") or future_form(ctx, token)


def future_form(ctx: DocContext, token: Token) -> bool:
    """Future or conditional by its form ("rencontrerait", "recevra"), when the tagger misses it."""
    lemma = token.lemma_.lower()
    stem = ctx.lex.future_stems.get(lemma)
    if stem is None:
        if lemma.endswith(("er", "ir")):
            stem = lemma
        elif lemma.endswith("re"):
            stem = lemma[:-1]
        else:
            return False
    text = token.lower_
    return text.startswith(stem) and text[len(stem) :] in ctx.lex.word_set("future_ending")


def verbless(ctx: DocContext, sent: Span) -> bool:
    """A nominal sentence ("Au menu des échanges avec X, la sécurité."): no finite verb of its own."""
    return not any(ctx.is_verb(i) and "Fin" in ctx.feature(i, "VerbForm") for i in range(sent.start, sent.end))


def future_sentence(ctx: DocContext, sent: Span) -> bool:
    """Is the main clause of ``sent`` in the future or the conditional?"""
    root = sent.root
    chain = [root] + [c for c in root.children if c.dep_.startswith("aux")]
    if any(future_tense(ctx, t) for t in chain):
        return True
    # "… ont rendez-vous lundi avec X", "… sont attendus demain à Y": a plan told by a cue on a verb
    doc = ctx.doc
    cue = ctx.lex.cue("planned")
    return any(
        t.pos_ in ("VERB", "AUX") and cue.search(ctx.span_text(doc[max(sent.start, t.i - 1) : min(sent.end, t.i + 2)]))
        for t in sent
    )
