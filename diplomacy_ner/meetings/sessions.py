"""Sessions and attendance: the steps of :class:`~.assembly.MeetingAssembler` for multilateral meetings.

A session opens with its chair ("s'est ouverte … sous la présidence de X") or with its attendance
("Ont pris part aux travaux X, Y et Z", "Sont présents …"); the sentences after a meeting join it
when they go on with it ("Ils ont …", "a enregistré la participation de …").
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from spacy.tokens import Span

from . import modality, slots
from .clusters import Draft
from .encounters import Encounter, _frame_for as frame_for
from .officials import Official, find_officials, person_official
from ..extensions import span_info

if TYPE_CHECKING:
    from .clusters import Clusterer
    from .coreference import Coreference
    from .context import DocContext


class SessionSteps:
    """Session and attendance steps; the assembler provides the document state they read and change."""

    ctx: DocContext
    clusters: Clusterer
    open_session: tuple[Draft, int] | None
    coref: Coreference
    previous_date: dt.date | None
    context_place: dict[str, Any] | None
    context_date: tuple[Span | None, dt.date | None]
    lone_attendee: tuple[Official, int] | None = None  # "X a pris part au sommet": a session's one attendant so far

    if TYPE_CHECKING:  # the assembler's own

        def _draft(self, enc: Encounter, state: str, members: dict[str, Official], host: Official | None, sent: Span) -> Draft: ...

    def _chaired_session(self, k: int, sent: Span, officials: list[Official], encs: list[Encounter]) -> bool:
        """"La réunion des ministres … s'est ouverte lundi à Bamako, sous la présidence de X": the session
        opens with its chair; the attendants the text names next ("a enregistré la participation de Y et Z")
        join it, and a session nobody joins is dropped at the end."""
        ctx = self.ctx
        if ctx.sentence_cue(k, "chaired_by") and self._chaired_by(k, sent, officials):
            return True
        if ctx.sentence_cue(k, "joined_by") and self._joined_by(k, sent, officials):
            return True
        if not ctx.sentence_cue(k, "chair"):
            return False
        session_frames = ctx.lex.word_set("session_frame")
        enc = next((e for e in encs if e.frame.frame in session_frames or (e.frame.multilateral and not e.frame.join)), None)
        if enc is None:
            # "Bamako a accueilli la réunion des ministres …, sous la présidence de X": the verb took the session noun
            enc = next((e for e in encs if any(self._session_noun(e, i, sent) for i in e.tokens if i != e.predicate.i)), None)
        if enc is None:
            return False
        state = modality.status(ctx, sent, enc.predicate)
        if state != "held" or modality.background(ctx, sent, enc.predicate):
            return False
        cue = ctx.lex.cue("chair").search(sent.text)
        if cue is None:
            return False
        after = sent.start_char + cue.end()
        known = {o.key for o in officials}
        chairs = {o.key: o for o in find_officials(ctx, k, chairs=True) if o.key not in known and not o.weak and ctx.doc[o.start].idx >= after}
        if not chairs:
            return False
        draft = self._draft(enc, state, chairs, None, sent)
        draft.multilateral = True
        target = self.clusters.add(draft, sent, split=False)
        if target is None:
            return False
        self.clusters.current = target
        slots.finish(ctx, target, sent, enc.predicate, self.previous_date, self.context_place, self.context_date)
        return True

    def _chaired_by(self, k: int, sent: Span, officials: list[Official]) -> bool:
        """"L'évènement a été présidé par X", "Cette réunion sera présidée par X et par Y": a session the
        clause's subject names, chaired by the officials after the passive verb. It gathers its chairs
        and the one attendant the sentence before told ("Y a pris part au sommet"); the attendants the
        text names next ("Z participera également à cette réunion") join it."""
        ctx, doc = self.ctx, self.ctx.doc
        nouns = ctx.lex.word_set("chaired_noun")
        verb = next((t for t in sent if t.lemma_.lower() == "présider" and any(c.dep_ == "aux:pass" for c in t.children)), None)
        if verb is None:
            return False
        first = next((t for t in sent if t.pos_ in ("NOUN", "PROPN", "PRON", "VERB", "AUX")), None)
        if first is None or first.i >= verb.i or first.lower_ not in nouns:
            return False  # the session is the subject that opens the clause
        state = modality.status(ctx, sent, verb)
        if state is None:
            return False
        if state != "held" and k > 0 and any("Dem" in c.morph.get("PronType") for c in first.children):
            # "Une rencontre se tient ce lundi. Cette réunion sera présidée par X": the session told just before
            before = ctx.root(k - 1)
            if before is not None and modality.status(ctx, ctx.sents[k - 1], before) == "held":
                state = "held"
        chairs = {o.key: o for o in officials if o.start > verb.i and not o.weak and not o.anaphor}
        if not chairs:
            return False
        members = dict(chairs)
        if self.lone_attendee is not None and 0 < k - self.lone_attendee[1] <= 2 and state == "held":
            members.setdefault(self.lone_attendee[0].key, self.lone_attendee[0])
        draft = Draft(
            participants=members, status=state, multilateral=True, strength=0.8, sentences=[sent], predicates=[verb.i]
        )
        if len(members) >= 2 and state == "held":
            target = self.clusters.add(draft, sent, split=False)
            if target is None:
                return False
            draft = target
        else:
            self.clusters.drafts.append(draft)  # dropped at the end unless someone joins it
        self.clusters.current = draft
        self.open_session = (draft, k)
        slots.finish(ctx, draft, sent, verb, self.previous_date, self.context_place, self.context_date)
        return True

    def _joined_by(self, k: int, sent: Span, officials: list[Official]) -> bool:
        """"Le Premier ministre et le président ont ensuite été rejoints par X": the talks just told go on
        with X as a new meeting of the two and X (the talks of the two alone stay a meeting of their own)."""
        ctx = self.ctx
        current = self.clusters.current
        verb = next((t for t in sent if t.lemma_.lower() == "rejoindre" and any(c.dep_ == "aux:pass" for c in t.children)), None)
        if verb is None or current is None or current.status != "held" or len(current.participants) < 2:
            return False
        subject = next((c for c in verb.children if c.dep_ == "nsubj:pass"), None)
        if subject is None or not ("Plur" in subject.morph.get("Number") or any(c.dep_ == "conj" for c in subject.children)):
            return False  # the two sides of the talks, together
        told = [ctx.sentence_of.get(x.start, -1) for x in current.sentences]
        if not told or not 0 < k - max(told) <= 3 or modality.status(ctx, sent, verb) != "held":
            return False
        newcomers = {o.key: o for o in officials if o.start > verb.i and not o.weak and o.key not in current.participants}
        if not newcomers:
            return False
        draft = Draft(
            participants={**current.participants, **newcomers}, status="held", multilateral=True,
            strength=max(current.strength, 0.75), sentences=[sent], predicates=[verb.i], kind=current.kind,
            host=current.host, explicit_host=current.explicit_host,  # the host of the talks hosts the newcomer too
        )
        target = self.clusters.add(draft, sent, split=True)
        if target is None:
            return False
        self.clusters.current = target
        slots.finish(ctx, target, sent, verb, self.previous_date, current.location, self.context_date)
        if target.date is None:
            target.date, target.date_span = current.date, current.date_span
        return True

    def _session_noun(self, enc: Encounter, i: int, sent: Span) -> bool:
        frame = frame_for(self.ctx, self.ctx.doc[i], sent)
        return frame is not None and frame.frame in self.ctx.lex.word_set("session_frame")

    def _join_frame(self, enc: Encounter, sent: Span, state: str) -> bool:
        """"Ont pris part aux travaux X, Y et Z": a session described by its attendance."""
        ctx = self.ctx
        k = enc.sent
        found = find_officials(ctx, k)
        people = [o for o in found if not o.weak]
        if len(enc.subjects) == 1 and enc.subjects[0].weak and enc.subjects[0].key not in enc.guessed:
            return False  # "…, tandis que X a pris part au programme des conjoints": one person the text gives no office
        if len(people) >= 2 or (people and self._plural_title(k)):
            # a name listed among attendants the text gives an office attends too ("Sont présents le président
            # X, le président Y et Z", "Les chefs de gouvernement X (Bulgarie), Y et Z étaient présents")
            people = found
        current = self.clusters.current
        if (current is None or not current.multilateral) and self.open_session is not None and k - self.open_session[1] <= 6:
            current = self.open_session[0]  # the session told without its attendants
        told = current is not None and not current.multilateral and self._joins_told_meeting(enc, current)
        if current is not None and told and state == "held":
            # "X et Y ont pris part à l'entretien": attendants of the talks just told, bilateral until now
            for o in people:
                self.clusters.join(current, o)
            current.add_sentence(sent)
            return True
        if current is not None and current.multilateral and (state == "held" or (state == current.status and self._opened_by_chairs(current))):
            for o in people:
                self.clusters.join(current, o)
            current.add_sentence(sent)
            return True
        if enc.frame.join_only and state == "held" and self._session_told_before(k):
            # "lors d'un mini-sommet …. Les dirigeants présents, A (X), B (Y) et C (Z) ont salué …": the
            # attendants of a session told just before, the list ending at the clause's verb
            listed = self._before_clause_verb(enc, found)
            if len(listed) >= 3:
                people = listed
            else:
                return False
        elif len(people) < 2 or state != "held" or enc.frame.join_only:
            if len(people) == 1 and state == "held" and not enc.frame.join_only:
                self.lone_attendee = (people[0], k)
            return False
        draft = self._draft(enc, state, {o.key: o for o in people}, None, sent)
        draft.multilateral = True
        target = self.clusters.add(draft, sent, split=False)
        if target is not None:
            self.clusters.current = target
            slots.finish(ctx, target, sent, enc.predicate, self.previous_date, self.context_place, self.context_date)
        return target is not None

    def _opened_by_chairs(self, draft: Draft) -> bool:
        """Was ``draft`` opened by :meth:`_chaired_by` (a session announced with its chairs)?"""
        return self.open_session is not None and self.open_session[0] is draft

    def _joins_told_meeting(self, enc: Encounter, current: Draft) -> bool:
        """Does the join frame point back at the talks just told ("ont pris part à l'entretien", "à cette
        rencontre", "y ont participé")? Only a definite or demonstrative meeting noun, or the clitic
        "y", does: "a participé à un forum" is another event. The talks must be told in one of the two
        sentences before."""
        ctx = self.ctx
        if enc.frame.join_only:
            return False
        told = [ctx.sentence_of.get(s.start, -1) for s in current.sentences]
        if not told or not 0 < enc.sent - max(told) <= 2:
            return False
        doc, pred = ctx.doc, enc.predicate
        if any(c.lower_ in ctx.lex.word_set("told_meeting_clitic") for c in pred.children if c.i < pred.i):
            return True
        nouns, dets = ctx.lex.word_set("told_meeting_noun"), ctx.lex.word_set("told_meeting_det")
        sent = ctx.sents[enc.sent]
        for i in range(pred.i + 1, min(sent.end, pred.i + 6)):
            tok = doc[i]
            if tok.is_punct:
                return False
            if tok.lower_ in nouns:
                return doc[i - 1].lower_ in dets
        return False

    def _session_told_before(self, k: int) -> bool:
        """Does one of the three sentences before ``k`` tell a session of three or more ("un mini-sommet")?"""
        return any(self.ctx.sentence_cue(j, "group_session") for j in range(max(0, k - 3), k))

    def _before_clause_verb(self, enc: Encounter, people: list[Official]) -> list[Official]:
        """The attendants an attendance word opens, up to the verb of its clause ("Les dirigeants
        présents, A, B et C ont salué la victoire du président X": not X)."""
        root = self.ctx.root(enc.sent)
        if root is None or root.i <= enc.predicate.i:
            return people
        return [o for o in people if o.start < root.i]

    def _named_possessor(self, enc: Encounter) -> Official | None:
        """"Déclaration du ministre X lors de sa rencontre avec Y": without a subject before it, "sa" is
        the official the sentence names last before the noun, even in a genitive that keeps him out
        of other encounters."""
        ctx = self.ctx
        partners = {o.person_id or o.key for o in enc.partners}
        for s in reversed(ctx.in_sentence(enc.sent, "PERSON")):
            info = ctx.person_info(s.kb_id_)
            if s.end > enc.predicate.i or s.kb_id_ in partners or not (info.get("role") or info.get("class")):
                continue
            return person_official(ctx, s.kb_id_, s)
        return None

    def _members_genitive(self, enc: Encounter) -> bool:
        """"la réunion des ministres du Commerce de A, B et C": a meeting noun whose complement in "de"
        is a plural title of several officials names its members, not its other side."""
        doc, lex = self.ctx.doc, self.ctx.lex
        first = min(o.start for o in enc.partners)
        between = doc[enc.predicate.i + 1 : first]
        return (
            len(enc.partners) > 1
            and len({o.start for o in enc.partners}) == 1
            and 0 < len(between) <= 2
            and between[0].lower_ in lex.word_set("genitive")
            and "Plur" in doc[first].morph.get("Number")
        )

    def _framed_visitor(self, enc: Encounter, everyone: list[Official]) -> Official | None:
        """"lors du séjour à X du président de la Commission … dans le cadre de la réunion des ministres":
        the visitor the sentence names before a session noun that gives the visit its purpose takes part."""
        ctx = self.ctx
        doc, k = ctx.doc, enc.sent
        before = doc[max(ctx.sents[k].start, enc.predicate.i - 5) : enc.predicate.i].text
        if not ctx.lex.cue("session_purpose").search(before) or not ctx.sentence_cue(k, "visit_frame"):
            return None
        partners = {o.key for o in enc.partners}
        named = [o for o in everyone if o.end <= enc.predicate.i and not o.unnamed and o.key not in partners]
        if named:
            return named[-1]
        # "du séjour … du président de la Commission": a genitive title, which coreference leaves alone
        titles = [t for t in ctx.in_sentence(k, "TITLE") if t.end <= enc.predicate.i and not any(o.start <= t.start < o.end for o in everyone)]
        if not titles:
            return None
        pid = (span_info(titles[-1]) or {}).get("person")  # the person the entity rules gave the title
        return next((o for o in reversed(self.coref.history) if pid and pid in (o.person_id, o.key) and not o.unnamed), None)

    def _counterparts_owner(self, enc: Encounter, everyone: list[Official]) -> Official | None:
        """"La réunion avec ses homologues A, B et C": the noun's partners are the counterparts of the
        clause's subject, who took part too (as the possessor of "sa rencontre avec X" does); a
        reporting verb's subject may come after it ("a déclaré la ministre X en entame de la réunion
        avec ses homologues …")."""
        doc, lex = self.ctx.doc, self.ctx.lex
        first = min(o.start for o in enc.partners)
        counterparts = lex.word_set("counterpart_noun")
        if not any(
            doc[i].lower_ in counterparts and "Yes" in doc[i - 1].morph.get("Poss")
            for i in range(enc.predicate.i + 2, min(first + 2, len(doc)))
        ):
            return None
        partners = {o.key for o in enc.partners}
        reporting = lex.word_set("reporting_verb")

        def subject(o: Official) -> bool:
            anchor = doc[o.anchor]
            inverted = anchor.dep_ == "obj" and anchor.head.lemma_.lower() in reporting
            return anchor.dep_ in ("nsubj", "nsubj:pass") or inverted

        owners = [o for o in everyone if o.start < enc.predicate.i and o.key not in partners and subject(o)]
        return owners[-1] if owners else None

    def _told_together(self, enc: Encounter) -> bool:
        """"Au cours d'un sommet tripartite …. X a reçu A et B": a host's guests that a session of three or
        more, told in this sentence or the three before it, gathers are one meeting, not one audience each."""
        keys = {o.key for o in [*enc.subjects, *enc.agents, *enc.partners]}
        if len(keys) < 3:
            return False
        told = range(max(0, enc.sent - 3), enc.sent + 1)
        return any(self.ctx.sentence_cue(j, "group_session") for j in told)

    def _continues(self, sent: Span, current: Draft, officials: list[Official]) -> bool:
        lex = self.ctx.lex
        text = self.ctx.span_text(sent)
        if lex.cue("sentence_start_anaphor").search(text) or lex.cue("plural_anaphor").search(text):
            return True
        if lex.cue("join_clause").search(text) and officials:
            return True
        if current.multilateral and len(current.participants) < 3 and self._plural_title(self.ctx.sentence_of.get(sent.start, -1), subject=True):
            return True  # the members a plural subject lists, after a session's opening
        keys = current.keys()
        if any(o.key in keys for o in officials):
            return True
        pronouns = lex.word_set("pronoun_subject") | lex.word_set("plural_pronoun")
        return any(t.lower_ in pronouns and t.dep_.startswith("nsubj") for t in sent)

    def _join(self, current: Draft, sent: Span, officials: list[Official], encs: list[Encounter]) -> None:
        explicit = self.ctx.lex.cue("join_clause").search(self.ctx.span_text(sent))
        k = self.ctx.sentence_of.get(sent.start, -1)
        # "La réunion … s'est ouverte sous la présidence de X. Les ministres du A, du B et du C, respectivement X, Y
        # et Z, ont souligné …": the members a plural subject lists attend the session just opened
        explicit = explicit or (current.multilateral and len(current.participants) < 3 and self._plural_title(k, subject=True))
        if not explicit and not (current.multilateral and any(e.frame.multilateral for e in encs)):
            return
        # "ont pris part le président X, Y et le Premier ministre Z": a name listed among attendants the
        # text gives an office attends too, whether or not its own office is known
        titled = sum(not o.weak for o in officials)
        listed = explicit and (titled >= 2 or (titled >= 1 and self._plural_title(k)))
        for o in officials:
            if not o.weak or listed:
                self.clusters.join(current, o)

    def _plural_pair(self, enc: Encounter) -> list[Official]:
        """"X et Y sont en mission à Z. Ils ont rencontré W": a plural subject with partners of its own is the
        pair of officials a sentence named together just before (this one or the two before it)."""
        if not enc.plural_subject or not enc.partners or enc.frame.multilateral:
            return []
        partners = {o.key for o in enc.partners}
        for j in (enc.sent - 1, enc.sent - 2):
            named: dict[str, Official] = {}
            for o in self.coref.history[-40:]:
                if o.start >= 0 and self.ctx.sentence_of.get(o.start, -1) == j and not o.unnamed and not o.anaphor:
                    named.setdefault(o.person_id or o.key, o)
            if named:
                pair = list(named.values())
                if len(pair) != 2 or all(o.weak for o in pair) or any(o.key in partners for o in pair):
                    return []
                return pair
        return []

    def _plural_title(self, k: int, subject: bool = False) -> bool:
        """Does sentence ``k`` hold a plural title ("les chefs de gouvernement X, Y et Z"), which opens a list
        (with ``subject``, as the subject of its clause)?"""
        doc = self.ctx.doc
        return any(
            "Plur" in doc[t.start].morph.get("Number") and (not subject or doc[t.start].dep_ in ("nsubj", "nsubj:pass"))
            for t in self.ctx.in_sentence(k, "TITLE")
        )
