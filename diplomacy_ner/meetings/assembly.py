"""Assemble the meetings of a linked doc: the document-level model.

The layers, each in its own module and each testable on its own:

1. :mod:`.officials` — who each sentence names (named, unnamed, plural, weak);
2. :mod:`.coreference` — what "il", "ce dernier", "le ministre", "les deux hommes" stand for;
3. :mod:`.encounters` — every predicate of a sentence (frames of ``frames.jsonl``) with its
   arguments read from the dependency parse;
4. :mod:`.modality` — held, planned, cancelled, background, from each predicate's verb chain;
5. :mod:`.clusters` — encounters gathered into meetings over the whole document, and
   :mod:`.sessions` — sessions opened by their chair or their attendance;
6. :mod:`.slots`, :mod:`.places` and :mod:`.content` — kind, date, place, host, roles, topics,
   bodies, agreements, evidence and confidence of each meeting.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.tokens import Doc, Span

from . import modality, slots
from .clusters import Clusterer, Draft, partner_groups
from .content import finalise, merge_duplicates
from .context import DocContext
from .coreference import Coreference, plural_possessor
from .arguments import addressees_only, adverbial_frame, coordinated_subjects, list_continuation, list_gaps, shell_subject, word_order_fallback
from .encounters import Encounter, between_sides, find_predicates, official_index, plural_object, read_arguments, subject_token
from .lexicon import MeetingLexicon
from .group_sides import group_officials, members_country
from .numbered_plurals import numbered_subjects
from .officials import Official, find_officials
from .guest_lists import GuestListSteps
from .sessions import SessionSteps
from .topics import TopicLexicon
from ..extensions import span_info


class MeetingAssembler(SessionSteps, GuestListSteps):
    """Find the meetings of one linked doc.

    doc (Doc): a doc processed by the entity rules and the linker.
    topics (TopicLexicon): the topic lexicon.
    spans_key (str): the span group of the entity rules.
    lexicon (MeetingLexicon | None): frames, cues and word sets (the shipped ones by default).
    """

    def __init__(self, doc: Doc, *, topics: TopicLexicon, spans_key: str, lexicon: MeetingLexicon | None = None):
        self.ctx = DocContext(doc, topics=topics, lexicon=lexicon or MeetingLexicon.default(), spans_key=spans_key)
        self.coref = Coreference(self.ctx)
        protagonist = self.coref.protagonist.key if self.coref.protagonist else None
        self.clusters = Clusterer(protagonist)
        self.context_place: dict[str, Any] | None = None
        self.context_date: tuple[Span | None, dt.date | None] = (None, None)
        self.previous_date: dt.date | None = None
        self.headings: list[tuple[Draft, Span, Encounter]] = []
        # "a reçu douze ambassadeurs. Il s'agit de A, de B …": the encounter whose guests a list gives
        self.pending: tuple[Encounter, str, Official, int] | None = None
        self.pending_role: str | None = None
        self.series_hosts: set[str] = set()
        # a session told before its attendants ("Le sommet s'est ouvert …. Sont présents A, B et C"), and its sentence
        self.open_session: tuple[Draft, int] | None = None
        # the sentence of a plan told without its participants, until a held meeting is told
        self.announced: int | None = None
        self.sidelines: bool | None = None  # _on_sidelines, read once per doc

    # -- sentences ---------------------------------------------------------------------------
    def _line_of(self, sent: Span) -> str:
        start, end = self.ctx.line_bounds(sent.start_char)
        return self.ctx.text[start:end].strip()

    def _last_line(self, sent: Span) -> bool:
        """Is ``sent`` on the text's last line? Nothing follows it for it to head: a last line
        without end punctuation is a paragraph cut off, not a title."""
        return not self.ctx.text[self.ctx.line_bounds(sent.start_char)[1] :].strip()

    def _sentence_kind(self, sent: Span) -> str:
        """``body``, ``heading`` (a short line without sentence punctuation: a title or caption) or ``skip``."""
        text = self.ctx.span_text(sent).strip()
        if not text or (self.ctx.lex.cue("boilerplate").match(text) and len(text) < 100):
            return "skip"
        if text.startswith("#"):
            return "heading"
        line = self._line_of(sent)
        if line and len(line) < 200 and line.rstrip("*# ")[-1:] not in ".!?»\"…:;" and not self._last_line(sent):
            return "heading"
        return "body"

    def encounters(self, k: int) -> tuple[list[Official], list[Encounter]]:
        """The officials and the encounters (arguments read) of sentence ``k``."""
        ctx = self.ctx
        officials = find_officials(ctx, k)
        encs = find_predicates(ctx, k) if ctx.frame_candidates(k) else []
        if not encs:
            # no predicate: only the officials matter (coreference reads them); an apposition may still
            # give one its office ("avec le Ministre de …, M. X")
            members_country(ctx, k, officials)
            if officials:
                self.coref.anaphors(k, officials)
            return officials, encs
        officials = sorted(officials + group_officials(ctx, k, encs, officials), key=lambda o: o.start)
        members_country(ctx, k, officials)  # "une délégation marocaine composée de X et Y": X is Moroccan
        anaphors, plural = self.coref.anaphors(k, officials)
        everyone = sorted(officials + anaphors, key=lambda o: o.start)
        free = read_arguments(ctx, encs, everyone)
        predicates = sorted(e.predicate.i for e in encs)
        index = official_index(everyone)
        for enc in encs:
            tok = subject_token(enc, ctx.root(k), ctx.lex.word_set("infinitive_mark") | ctx.lex.word_set("gerund_mark"))
            if tok is not None and not enc.subjects:
                o = index.get(tok.i) or shell_subject(ctx, tok, everyone)
                if o is not None:
                    enc.subjects.append(o)
                    free.discard(o.key)
                elif tok.i in plural or ctx.lex.cue("plural_anaphor").search(ctx.doc[max(tok.left_edge.i, tok.i - 6) : min(tok.right_edge.i, tok.i + 6) + 1].text):
                    enc.plural_subject = not (numbered_subjects(self.coref, enc, tok, everyone, free) or self.coref.plural_subjects(enc, tok))
                enc.subject_token = tok
            if not enc.plural_subject and not (enc.partners and enc.subjects):
                adverbial_frame(ctx, enc, everyone, index, free)
            if not enc.plural_subject:
                coordinated_subjects(ctx, enc, everyone, free)
                word_order_fallback(ctx, enc, everyone, free, predicates)
            list_continuation(ctx, enc, everyone, free)
            list_gaps(ctx, enc, everyone, free)
            addressees_only(ctx, enc)
            if not (enc.subjects or enc.partners or enc.agents or enc.plural_subject) and plural_possessor(ctx, enc):
                enc.plural_subject = True  # "C'était lors de leur entretien": the pair just named
            if not enc.subjects and not enc.agents and not enc.plural_subject and enc.partners and enc.frame.pos == "noun" and not self._between(enc) and not all(
                o.group for o in enc.partners
            ):
                # "L'échange avec X a permis…": the other side is the one the article follows (never only a
                # delegation's: "des entretiens avec une délégation" says nothing of who met it)
                implicit = self.coref.last_subject or self.coref.protagonist
                owner_of_counterparts = self._counterparts_owner(enc, everyone)
                told_host = self._told_host(enc)
                if owner_of_counterparts is not None:
                    implicit = owner_of_counterparts
                elif told_host is not None:
                    implicit = told_host  # "Au terme de l'audience, M. X a indiqué …": X's audience told before
                elif self._members_genitive(enc):
                    implicit = self._framed_visitor(enc, everyone)  # "la réunion des ministres de A, B et C"
                elif any("Yes" in c.morph.get("Poss") for c in enc.predicate.children):
                    # "sa rencontre avec X": the possessor is the subject of the clause
                    owner = [o for o in everyone if o.start < enc.predicate.i and ctx.doc[o.anchor].dep_ in ("nsubj", "nsubj:pass")]
                    implicit = owner[-1] if owner else (self._named_possessor(enc) or implicit)
                if implicit is not None and implicit.key not in {o.key for o in enc.partners}:
                    enc.subjects.append(implicit.copy_at(enc.predicate.i, enc.predicate.i + 1, enc.predicate.i))
                    enc.strength -= 0.05
        return officials, encs

    def _last_two(self, enc: Encounter) -> tuple[int, list[Official]] | None:
        """"Les deux chefs d'État ont eu un entretien" when no sentence named the pair together: the last
        two titled people named in the three sentences before, of the title's class when it has one."""
        ctx = self.ctx
        tok = enc.subject_token
        if tok is None or "Plur" not in tok.morph.get("Number") or not any(c.lower_ in ctx.lex.word_set("small_number") for c in tok.children):
            return None  # "Ils", "les dirigeants": only "les deux …" counts two
        title = next((t for t in ctx.in_sentence(enc.sent, "TITLE") if t.start <= tok.i < t.end), None)
        cls = (span_info(title) or {}).get("class") if title is not None else None
        found: dict[str, Official] = {}
        first = enc.sent
        for o in reversed(self.coref.history):
            k = ctx.sentence_of.get(o.start, -1) if o.start >= 0 else -1
            if k < 0 or k > enc.sent or enc.sent - k > 3:
                break
            if o.unnamed or o.weak or (cls and o.cls and o.cls != cls):
                continue
            found.setdefault(o.person_id or o.key, o)
            first = min(first, k)
            if len(found) == 2:
                return first, list(reversed(found.values()))
        return None

    def _source(self, o: Official) -> bool:
        """"La porte-parole, X, a confirmé que …": outside an encounter, a spokesperson is the article's
        source, not the side an encounter noun without subject ("La rencontre avec Y a …") stands for."""
        return o.cls in self.ctx.lex.word_set("source_class")

    def _between(self, enc: Encounter) -> bool:
        """Does the noun's "entre" name both sides ("L'entretien entre X et Y")?"""
        return len(enc.partners) >= 2 and between_sides(self.ctx, enc.partners)

    # -- assembly -------------------------------------------------------------------------
    def run(self) -> list[dict[str, Any]]:
        ctx = self.ctx
        for k, sent in enumerate(ctx.sents):
            kind = self._sentence_kind(sent)
            if kind == "skip":
                continue
            officials, encs = self.encounters(k)
            used = False
            subject: Official | None = None
            if self.pending is not None and kind != "skip":
                used = self._list_guests(k, sent, officials)
            for enc in encs:
                held = self._encounter(enc, sent, heading=kind == "heading")
                used = used or held
                if subject is None and enc.subjects and not enc.subjects[0].unnamed:
                    subject = enc.subjects[0]
            if kind == "body" and not used and any(ctx.sentence_cue(k, c) for c in ("chair", "chaired_by", "joined_by")):
                used = self._chaired_session(k, sent, officials, encs)
            if kind == "body" and not used and self.clusters.current is not None and self._continues(sent, self.clusters.current, officials):
                self._join(self.clusters.current, sent, officials, encs)
                self.clusters.current.add_sentence(sent)
            if used:
                self.announced = None
            if subject is None:
                subject = next((o for o in officials if not o.unnamed and ctx.doc[o.anchor].dep_ in ("nsubj", "nsubj:pass") and not self._source(o)), None)
            self.coref.update(officials, subject, k, [o for e in encs for o in e.subjects])
        for draft, sent, enc in self.headings:
            target = self.clusters.add(draft, sent, split=False, heading=True)
            if target is not None:
                slots.finish(ctx, target, sent, enc.predicate, self.previous_date, None)
        meetings = (finalise(ctx, d) for d in self.clusters.drafts if self._valid(d))
        return merge_duplicates([m for m in meetings if m is not None])

    def _encounter(self, enc: Encounter, sent: Span, *, heading: bool) -> bool:
        """Turn one encounter into candidates and cluster them; True when a held meeting took it."""
        ctx = self.ctx
        state = modality.status(ctx, sent, enc.predicate)
        if state is None or modality.background(ctx, sent, enc.predicate):
            return False
        if state == "held" and self.announced is not None and enc.sent - self.announced <= 6 and enc.frame.pos == "noun" and any(
            c.dep_ == "det" and c.lower_ in ctx.lex.word_set("demonstrative_det") for c in enc.predicate.children
        ):
            state = "planned"  # "Les chefs d'État se réuniront samedi …. Ce sommet se tient sur convocation de X"
        current = self.clusters.current
        if enc.plural_subject and not enc.partners:
            if current is not None and state == "held" and not heading:
                self.clusters.merge(current, Draft(status=state, kind=enc.kind), sent)
                return True
            pair = self.coref.recent(enc.sent)
            if pair is None:
                pair = self._last_two(enc)
            if pair is None or heading:
                return False
            # "X a accepté l'invitation de Y. Les deux dirigeants ont tenu une réunion": the two officials just named
            draft = self._draft(enc, state, {o.key: o for o in pair[1]}, None, sent)
            draft.strength = min(draft.strength, 0.75)
            if pair[0] != enc.sent:
                draft.sentences.insert(0, ctx.sents[pair[0]])
            target = self.clusters.add(draft, sent, split=False)
            if target is None:
                return False
            slots.finish(ctx, target, sent, enc.predicate, self.previous_date, self.context_place, self.context_date)
            if pair[0] != enc.sent:
                slots.finish(ctx, target, ctx.sents[pair[0]], ctx.root(pair[0]), self.previous_date, None)
            if state == "held":
                self.clusters.current = target
            return state == "held"
        if enc.frame.needs_group and len({o.key for o in [*enc.subjects, *enc.agents] if not o.unnamed}) < 2:
            return False
        if enc.frame.join:
            return self._join_frame(enc, sent, state)
        k = enc.sent
        if enc.subjects and ctx.sentence_cue(k, "series_host"):
            self.series_hosts.update(o.key for o in enc.subjects)
        distribute = (
            (enc.frame.distribute == "guests" and not ctx.sentence_cue(k, "together") and not self._told_together(enc))
            or ctx.sentence_cue(k, "distributive")
            or self._series_between(enc)
            or any(o.key in self.series_hosts for o in enc.subjects)
            # "Plusieurs réunions bilatérales ont eu lieu avec A, B et C": a plural encounter noun, one per partner
            or (enc.frame.pos == "noun" and not enc.frame.multilateral and "Plur" in enc.predicate.morph.get("Number") and not self._between(enc))
        )
        split = ctx.sentence_cue(k, "split")
        host = enc.host()
        held = False
        # "En marge du sommet … Il s'est entretenu avec les ministres de A, de B et de C", "Il a rencontré des
        # représentants de A (X), de B (Y)": one bilateral each
        sideline = (
            enc.frame.frame in ctx.lex.word_set("bilateral_talk_frame") and not ctx.sentence_cue(k, "together")
            and len(enc.partners) > 1 and self._on_sidelines()
        )
        distribute = distribute or sideline
        each = ctx.sentence_cue(k, "distributive") or (sideline and all(o.unnamed for o in enc.partners))
        guests, fixed = enc.sides(
            ctx.lex.word_set("passive_agent"), ctx.lex.word_set("separate_agents"), ctx.sentence_cue(k, "each_subject")
        )  # "A et B ont été reçus par X": the subjects are the guests
        fixed = fixed or self._plural_pair(enc)
        if enc.passive and len(guests) > 1 and all(o in enc.agents for o in guests):
            # "reçu par A ainsi que par B": one audience per agent, which neither merges into the other
            distribute = each = split = True
        for group in partner_groups(guests, distribute=distribute and not enc.frame.multilateral, each=each):
            members: dict[str, Official] = {}
            for o in [*fixed, *group]:
                members.setdefault(o.key, o)
            # people the text gives no office meet only through an explicit frame that the parse ties them to
            untitled = all(o.weak for o in members.values()) and (enc.strength < 0.85 or bool(enc.guessed & set(members)))
            if len(members) < 2 or untitled:
                group_meeting = False
                known = next(iter(members.values())) if len(members) == 1 else None
                group_noun = plural_object(ctx, enc, sent) if known is not None else None
                if group_noun is None and known is not None and enc.subject_token is not None and enc.subject_token.lemma_.lower() in ctx.lex.word_set("group_role"):
                    group_noun = enc.subject_token  # "Sept nouveaux ambassadeurs ont présenté leurs lettres de créance au président X"
                if known is not None and (group_noun is not None or sent.text.rstrip().endswith(":")):
                    # "a accueilli ses homologues … pour une réunion tripartite": the session opens here;
                    # "a reçu plusieurs diplomates. Il s'agit de …": the guests come in a list
                    group_meeting = enc.frame.host == "subject" and bool(enc.subjects) and ctx.sentence_cue(k, "multilateral_context")
                    if state == "held" and not group_meeting:
                        previous = self.pending
                        if previous is not None and previous[2].key == known.key and enc.sent - previous[3] <= 3:
                            # the same series told again ("Les ambassadeurs ont successivement présenté …"):
                            # its first telling keeps the date and place
                            self.pending = (previous[0], previous[1], previous[2], enc.sent)
                        else:
                            self.pending = (enc, state, known, enc.sent)
                        group_role = group_noun.lemma_.lower() if group_noun is not None else None
                        self.pending_role = group_role if group_role in ctx.lex.word_set("group_role") else None
                if len(members) < 2 and (state != "held" or enc.frame.multilateral or not group_meeting):
                    self._context(sent, enc)
                    if state == "planned" and not members:
                        self.announced = enc.sent  # a plan told without its participants, taken up later
                if not members and state == "held" and not heading and enc.frame.frame in ctx.lex.word_set("session_frame"):
                    # "Le sommet s'est ouvert jeudi à Yaoundé": a session told before its attendants ("Sont
                    # présents A, B et C"); one that nobody joins is dropped at the end
                    draft = self._draft(enc, state, {}, None, sent)
                    draft.multilateral = True
                    self.clusters.drafts.append(draft)
                    self.open_session = (draft, k)
                    slots.finish(ctx, draft, sent, enc.predicate, self.previous_date, self.context_place, self.context_date)
                    continue
                opens_session = (enc.frame.multilateral and not enc.frame.needs_reflexive) or group_meeting
                if opens_session and members and not (enc.guessed & set(members)) and state == "held" and not heading:
                    draft = self._draft(enc, state, members, host, sent)
                    draft.multilateral = True
                    target = self.clusters.add(draft, sent, split=split)
                    if target is not None:
                        self.clusters.current = target
                        slots.finish(ctx, target, sent, enc.predicate, self.previous_date, self.context_place, self.context_date)
                continue
            draft = self._draft(enc, state, members, enc.group_host(group), sent)
            if heading:
                self.headings.append((draft, sent, enc))
                continue
            target = self.clusters.add(draft, sent, split=split)
            if target is None:
                continue
            if state == "held":
                self.clusters.current = target
                held = True
                slots.finish(ctx, target, sent, enc.predicate, self.previous_date, self.context_place, self.context_date)
                if target.date is not None:
                    self.previous_date = target.date
                if target.location is not None:
                    self.context_place = target.location
            else:
                slots.finish(ctx, target, sent, enc.predicate, self.previous_date, None)
        return held

    def _draft(self, enc: Encounter, state: str, members: dict[str, Official], host: Official | None, sent: Span) -> Draft:
        return Draft(
            participants=dict(members),
            host=host.key if host is not None and host.key in members else None,
            explicit_host=host is not None and host.key in members,
            kind=enc.kind,
            status=state,
            multilateral=enc.frame.multilateral,
            strength=enc.strength,
            sentences=[sent],
            predicates=[enc.predicate.i],
        )

    def _on_sidelines(self) -> bool:
        """Does the article tell of talks on the sidelines of a gathering ("en marge du sommet")? Read once per doc."""
        if self.sidelines is None:
            self.sidelines = any(self.ctx.sentence_cue(j, "sidelines") for j in range(len(self.ctx.sents)))
        return self.sidelines

    def _series_between(self, enc: Encounter) -> bool:
        """"avec A, puis avec B", "avant d'être reçu par C": a series cue between two partners."""
        if len(enc.partners) < 2:
            return False
        doc = self.ctx.doc
        first, last = min(o.start for o in enc.partners), max(o.start for o in enc.partners)
        return bool(self.ctx.lex.cue("series").search(doc[first:last].text))

    def _context(self, sent: Span, enc: Encounter) -> None:
        """A plan or a session without its own participants still gives later encounters a date and place."""
        span, value = slots.date_for(self.ctx, sent, enc.predicate, self.previous_date)
        if value is not None:
            self.context_date = (span, value)
        place = slots.explicit_place(self.ctx, sent, enc.predicate)
        if place is not None:
            self.context_place = place

    def _valid(self, d: Draft) -> bool:
        people = list(d.participants.values())
        # two mentions the linker tied to one person are one participant
        distinct = {p.person_id or p.key for p in people}
        return len(distinct) >= 2 and (any(not p.weak for p in people) or d.strength >= 0.85)
