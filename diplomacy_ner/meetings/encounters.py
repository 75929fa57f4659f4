"""Encounter mentions: every predicate of a sentence with its arguments read from the parse.

A predicate is a word that opens a frame of ``frames.jsonl`` (a verb such as
"a reçu", "s'est entretenu", "a rencontré", or a noun with a partner or a light
verb: "a eu un entretien avec", "l'audience accordée à", "un appel téléphonique
de"). Each official of the sentence climbs the dependency tree from its anchor
to the first predicate above it; the relation under that predicate (subject,
object, agent, a partner preposition) gives its argument role. A predicate
without a subject inherits the subject of the verb or noun it depends on
(a participle, a second coordinated verb, an infinitive, a relative clause).
Where the parse attaches no official, :mod:`.arguments` reads them from the
word order and the clause around the predicate, with a lower score.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .context import DocContext
from .group_sides import led_group
from .lexicon import Frame
from .officials import Official

SUBJECT_DEPS = ("nsubj", "nsubj:pass", "csubj", "expl:subj")
INHERIT_DEPS = ("conj", "xcomp", "advcl", "ccomp", "acl", "acl:relcl", "parataxis")


@dataclass
class Encounter:
    """One predicate of one sentence, with its arguments."""

    sent: int
    predicate: Token
    frame: Frame
    tokens: set[int]
    subjects: list[Official] = field(default_factory=list)
    partners: list[Official] = field(default_factory=list)
    agents: list[Official] = field(default_factory=list)
    passive: bool = False
    strength: float = 0.7
    subject_token: Token | None = None
    guessed: set[str] = field(default_factory=set)  # keys placed by word order, not by the parse
    plural_subject: bool = False  # "les deux ministres", "Ils": the participants of the last meeting

    @property
    def kind(self) -> str | None:
        return self.frame.kind

    def participants(self) -> list[Official]:
        out: dict[str, Official] = {}
        for o in [*self.subjects, *self.agents, *self.partners]:
            out.setdefault(o.key, o)
        return list(out.values())

    def host(self) -> Official | None:
        """The receiving participant, as the frame says."""
        if self.frame.host is None:
            return None
        if self.passive and self.agents:
            return self.agents[0]
        if self.frame.host == "subject" and not self.passive:
            return self.subjects[0] if self.subjects else None
        if self.frame.host == "partner":
            return self.partners[0] if self.partners else None
        if self.frame.host == "agent":
            return self.agents[0] if self.agents else None
        return None

    def sides(
        self, agent_words: frozenset[str] | set[str], apart: frozenset[str] | set[str] = frozenset(), each_subject: bool = False
    ) -> tuple[list[Official], list[Official]]:
        """Who the meetings are shared out over, and who is in each of them. "A et B ont été reçus par X":
        the subjects are the guests; "X a été reçu par A ainsi que par B" (each agent after its own "par",
        ``agent_words``, and a word of ``apart``): one audience per agent; "A et B ont chacun rencontré X
        séparément" (``each_subject``): one meeting per subject."""
        if each_subject and len(self.subjects) > 1 and len(self.partners) == 1 and not self.agents:
            return list(self.subjects), list(self.partners)
        if self.passive and self.agents and not self.partners and len(self.subjects) > 1:
            return self.subjects, list(self.agents)
        if self.passive and len(self.agents) > 1 and not self.partners and len(self.subjects) == 1:
            doc = self.predicate.doc
            ends = sorted((min(o.extent or {o.start}), o.end) for o in self.agents)
            gaps = [doc[prev_end:start] for (_, prev_end), (start, _) in zip(ends, ends[1:])]
            # "par A ainsi que par B", "par A, puis par B" (not "par A et par B": one welcome)
            if all(any(t.lower_ in agent_words for t in g) and any(t.lower_ in apart for t in g) for g in gaps):
                return list(self.agents), list(self.subjects)
        return self.partners, [*self.subjects, *self.agents]

    def group_host(self, group: list[Official]) -> Official | None:
        """The host of one group's meeting: the agent of that group when the agents are shared out."""
        host = self.host()
        if host is not None and self.passive and host not in group and group and group[0] in self.agents:
            return group[0]
        return host


def _reflexive_before(ctx: DocContext, tok: Token, sent: Span, reach: int = 5) -> bool:
    words = ctx.lex.word_set("reflexive")
    return any(t.lower_ in words for t in ctx.doc[max(sent.start, tok.i - reach) : tok.i])


def _next_words(doc: Doc, tok: Token, sent: Span, n: int = 4) -> list[str]:
    return [doc[k].lower_ for k in range(tok.i + 1, min(sent.end, tok.i + 1 + n))]


def _mistagged_present(tok: Token, sent: Span, verbs: dict) -> bool:
    """"Le Secrétaire général rencontre à Vaduz le Premier ministre": a present-tense verb the tagger
    took for a noun or an adjective of the subject before it (the present of a frame's verb in -er,
    no determiner or preposition of its own, right after a noun, a name or an adjective, and before
    a preposition or a determiner)."""
    if tok.lower_ + "r" not in verbs or tok.pos_ not in ("NOUN", "ADJ") or tok.i <= sent.start or tok.i + 1 >= sent.end or tok.dep_ not in ("amod", "ROOT", "appos"):
        return False
    doc = tok.doc
    prev, nxt = doc[tok.i - 1], doc[tok.i + 1]
    return (
        prev.pos_ in ("NOUN", "PROPN", "ADJ")
        and nxt.pos_ in ("ADP", "DET")
        and not any(c.dep_ in ("det", "case") for c in tok.children)
        and "Plur" not in tok.morph.get("Number")
    )


def _frame_for(ctx: DocContext, tok: Token, sent: Span) -> Frame | None:
    lex = ctx.lex
    doc = ctx.doc
    lemma = tok.lemma_.lower()
    low = tok.lower_
    if (
        lemma not in lex.verb_frames
        and lemma not in lex.noun_frames
        and low not in lex.noun_frames
        and not low.startswith(lex.verb_form_prefixes)
    ):
        return None  # no frame can open here: skip the part-of-speech and morphology reads
    candidates: list[Frame] = []
    verbal = (
        tok.pos_ in ("VERB", "AUX")
        or (tok.pos_ == "ADJ" and tok.morph.get("VerbForm") == ["Part"])
        or any(c.dep_ == "aux:tense" for c in tok.children)  # "a déjeuné" tagged as a noun: its auxiliary says verb
        or _mistagged_present(tok, sent, lex.verb_frames)
    )
    if verbal:
        candidates = list(lex.verb_frames.get(lemma, []))
        if not candidates:
            candidates = [lex.frames[i] for form, i in lex.verb_forms if low.startswith(form)]
    if not candidates and tok.pos_ in ("NOUN", "PROPN", "VERB", "ADJ"):
        candidates = list(lex.noun_frames.get(low, [])) or list(lex.noun_frames.get(lemma, []))
        if tok.pos_ in ("VERB", "ADJ") and candidates and tok.morph.get("VerbForm"):
            candidates = []
    if not candidates:
        return None
    # the most specific frame first: one that needs a reflexive or a next word
    candidates.sort(key=lambda f: -(int(f.needs_reflexive) + int(bool(f.needs_next))))
    nxt = _next_words(doc, tok, sent)
    # "ont tenu une réunion", "a eu une séance": the object of a light verb needs no next word
    light_object = tok.dep_ == "obj" and tok.head.lemma_.lower() in lex.word_set("light_verb")
    for f in candidates:
        if f.needs_reflexive and not _reflexive_before(ctx, tok, sent, 5 if f.frame == "talk" else 3):
            continue
        if f.needs_next and not any(w in f.needs_next for w in nxt) and not (light_object and f.pos == "noun" and f.kind is None):
            continue
        if f.needs_cue and not ctx.sentence_cue(ctx.sentence_of.get(tok.i, -1), f.needs_cue):
            continue  # "a affirmé au président X" is an encounter only on a visit the sentence tells
        return f
    return None


def doc_next(tok: Token) -> str:
    """The lower-cased word after ``tok``."""
    return tok.doc[tok.i + 1].lower_


def find_predicates(ctx: DocContext, k: int) -> list[Encounter]:
    """The encounter predicates of sentence ``k`` (arguments not yet read)."""
    sent = ctx.sents[k]
    lex = ctx.lex
    found: list[Encounter] = []
    by_token: dict[int, Encounter] = {}
    pronouns = lex.word_set("encounter_pronoun")
    last_noun: Frame | None = None
    for i in ctx.frame_candidates(k):  # the tokens no frame can open are skipped without building a Token
        tok = ctx.doc[i]
        frame = _frame_for(ctx, tok, sent)
        if frame is None and last_noun is not None and tok.lower_ in pronouns and tok.i + 1 < sent.end and doc_next(tok) in lex.word_set("reciprocal_prep") | {"avec"}:
            frame = last_noun  # "La principale de ces rencontres est celle avec le président X": the noun's frame
        if frame is None:
            continue
        if frame.pos == "noun":
            last_noun = frame
        enc = Encounter(k, tok, frame, {tok.i}, strength=frame.strength)
        found.append(enc)
        by_token[tok.i] = enc
    light = lex.word_set("light_verb")
    out: list[Encounter] = []
    for enc in found:
        tok = enc.predicate
        if enc.frame.pos == "noun":
            head = tok.head
            if head.lower_ in lex.word_set("series_noun") and head.head is not head:
                enc.tokens.add(head.i)  # "a tenu une série d'entretiens avec"
                tok, head = head, head.head
            owner = by_token.get(head.i)
            sequel = any(c.dep_ == "case" and c.lower_ in lex.word_set("sequence_mark") for c in tok.children)
            if owner is not None and owner is not enc and owner.frame.pos == "verb" and not sequel:
                # "a reçu un appel téléphonique de X", "reçu en audience": one encounter
                owner.tokens.add(tok.i)
                if enc.frame.kind and owner.frame.kind is None:
                    owner.frame = enc.frame
                continue
            if head is not tok and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in light and tok.dep_ in (
                "obj", "nsubj", "nsubj:pass", "obl:arg", "obl:mod", "obl"
            ):
                enc.tokens.add(head.i)
            elif _object_after_adverbial(tok, light):
                enc.tokens.add(head.i if head.pos_ in ("VERB", "AUX") else head.head.i)  # "ont eu, à Rome, des entretiens"
            for c in tok.children:
                if c.dep_ == "acl" and c.lemma_.lower() in light and c.i not in by_token:
                    enc.tokens.add(c.i)  # "la réception accordée par X à Y": the participle carries the arguments
        out.append(enc)
    return out


def _object_after_adverbial(tok: Token, light: frozenset[str] | set[str]) -> bool:
    """"ont eu, cette semaine à Rome, des entretiens avec X": a bare noun the parser coordinated with the
    light verb or with its adverbial, the verb having no object of its own."""
    head = tok.head
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    return (
        tok.dep_ == "conj" and (verb is head or head.dep_.startswith("obl")) and verb.i < tok.i
        and verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in light
        and not any(c.dep_ == "case" for c in tok.children) and not any(c.dep_ == "obj" for c in verb.children)
    )


def _relation(ctx: DocContext, enc: Encounter, node: Token) -> str | None:
    dep = node.dep_
    cases = {c.lower_ for c in node.children if c.dep_ in ("case", "mark")}
    if dep in SUBJECT_DEPS:
        if dep == "nsubj:pass":
            enc.passive = True
        return "subject"
    if dep == "obl:agent" or cases & ctx.lex.word_set("passive_agent"):
        enc.passive = True
        return "agent"
    if dep in ("obj", "iobj") and not cases:
        return "object"
    preps = set(enc.frame.partner_preps) | {"entre"}
    if cases & preps:
        return "partner"
    if dep in ("obj", "iobj") or (enc.frame.object_participants and dep.startswith(("obl", "nmod", "appos", "conj"))):
        return "object"
    if dep.startswith(("obl", "nmod", "conj")) and not cases and any(c.dep_ == "cc" for c in node.children):
        return "partner"  # "avec X, et Y": the second conjunct attached to the verb by the parser
    return None


def plural_object(ctx: DocContext, enc: Encounter, sent: Span) -> Token | None:
    """"a accueilli ses homologues", "a reçu douze ambassadeurs": the group noun the sentence does not name."""
    doc = ctx.doc
    dets = ctx.lex.word_set("group_det")
    nouns = ctx.lex.word_set("group_object")
    i = enc.predicate.i
    for t in doc[i + 1 : min(sent.end, i + 25)]:
        if not (t.lower_ in dets or t.like_num) or t.i + 1 >= sent.end:
            continue
        noun = doc[t.i + 1]
        if noun.pos_ == "ADJ" and t.i + 2 < sent.end:
            noun = doc[t.i + 2]  # "deux nouveaux ambassadeurs"
        if noun.lower_ in nouns or t.lower_ == "plusieurs":
            return noun
    return None


def read_arguments(ctx: DocContext, encounters: list[Encounter], officials: list[Official]) -> set[str]:
    """Attach each official to the predicate above it; returns the keys left unattached."""
    doc = ctx.doc
    lex = ctx.lex
    owner: dict[int, Encounter] = {}
    for enc in encounters:
        for i in enc.tokens:
            owner[i] = enc
    extents: set[int] = set()
    official_of: dict[int, Official] = {}
    for o in officials:
        extents.update(o.extent)
        for i in o.extent:
            official_of.setdefault(i, o)
    path_nouns = lex.word_set("path_noun")
    unattached: set[str] = set()
    for o in officials:
        if o.anchor < 0:
            unattached.add(o.key)
            continue
        node = doc[o.anchor]
        attached = False
        for _ in range(40):
            h = node.head
            if h.i == node.i:
                break
            if h.i in owner:
                enc = owner[h.i]
                via = official_of.get(node.i)
                if via is not None and via is not o and doc[via.anchor].head.i == h.i:
                    node = doc[via.anchor]  # through a coordinated official: its own relation counts
                rel = _relation(ctx, enc, node)
                if rel == "subject":
                    enc.subjects.append(o)
                elif rel == "agent":
                    enc.agents.append(o)
                elif rel in ("object", "partner"):
                    enc.partners.append(o)
                attached = rel is not None
                break
            if h.i in o.extent:
                node = h
                continue
            step, group = led_group(ctx, node, h, owner)
            if step == "climb":  # "une délégation conduite par X": X stands for the group
                node = group
                continue
            if step == "subject":  # "Conduite par X, la délégation a été reçue par Y"
                owner[group.i].subjects.append(o)
                attached = True
                break
            if h.i in extents or h.lower_ in path_nouns or (node.dep_ in ("conj", "appos", "flat:name") and h.pos_ in ("NOUN", "PROPN")):
                node = h
                continue
            break
        if not attached:
            unattached.add(o.key)
    return unattached


def subject_token(enc: Encounter, root: Token | None = None, marks: frozenset[str] | set[str] = frozenset()) -> Token | None:
    """The subject of a predicate, inherited through participles, coordination, relatives and
    adverbial infinitives (introduced by one of ``marks``: "avant d'être reçu par")."""
    t = enc.predicate
    if enc.frame.pos == "noun":
        verbs = [t.doc[i] for i in enc.tokens if i != t.i]
        if verbs:
            t = verbs[0]
    infinitive = t.morph.get("VerbForm")[:1] in (["Inf"], ["Part"]) or any(
        c.dep_.startswith("aux") and c.morph.get("VerbForm")[:1] in (["Inf"], ["Part"]) for c in t.children
    )
    if infinitive and any(c.dep_ == "mark" and c.lower_ in marks for c in t.children):
        # "…, avant d'être reçu par Y", "en étant reçu par Y": the subject is the main clause's
        aux_pass = any(c.dep_ == "aux:pass" for c in t.children)
        root = root if root is not None else t.sent.root
        subj = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is None:
            # a parse that roots the sentence elsewhere: the subject of the first finite clause after it
            subj = next(
                (x for x in t.doc[t.i + 1 : t.sent.end] if x.dep_ in SUBJECT_DEPS and x.head.i > t.i and x.head.pos_ in ("VERB", "AUX")
                 and not x.head.dep_.startswith("acl") and "Rel" not in x.morph.get("PronType")),
                None,
            )
        if subj is not None:
            enc.passive = enc.passive or aux_pass
            return subj
    for _ in range(4):
        subj = next((c for c in t.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            if subj.dep_ == "nsubj:pass":
                enc.passive = True
            return subj
        if t.dep_ == "amod" and enc.frame.pos == "verb" and t.pos_ in ("NOUN", "ADJ") and not t.morph.get("VerbForm") and t.head.i < t.i:
            return t.head  # a present-tense verb tagged as an adjective of its subject (_mistagged_present)
        if t.dep_ in ("acl", "acl:relcl") and t.head.pos_ in ("NOUN", "PROPN", "PRON"):
            if t.dep_ == "acl" and t.morph.get("VerbForm") == ["Part"]:
                enc.passive = enc.passive or any(c.dep_ == "obl:agent" or any(g.lower_ == "par" for g in c.children) for c in t.children)
            return t.head
        if t.dep_ in INHERIT_DEPS and t.head is not t:
            if t.dep_ == "advcl" and t.morph.get("VerbForm") == ["Part"] and not any(c.dep_.startswith("aux") for c in t.children):
                enc.passive = True  # "Reçu par X, le ministre Y a …"
            t = t.head
            continue
        break
    return None


def between_sides(ctx: DocContext, partners: list[Official]) -> bool:
    """Is one of ``partners`` introduced by "entre" ("un appel entre A et B"): the noun names its sides?"""
    reciprocal = ctx.lex.word_set("reciprocal_prep")
    return any(c.lower_ in reciprocal for o in partners if o.anchor >= 0 for c in ctx.doc[o.anchor].children)


def official_index(officials: list[Official]) -> dict[int, Official]:
    """Token → the official whose extent holds it (the first in text order)."""
    index: dict[int, Official] = {}
    for o in officials:
        for i in o.extent:
            index.setdefault(i, o)
    return index
