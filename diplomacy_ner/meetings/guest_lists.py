"""Guest lists: the step of :class:`~.assembly.MeetingAssembler` for a series told as a list.

"X a reçu douze ambassadeurs. Il s'agit de A, de B …", bullet lines, or items after a colon: each
listed official meets the host of the encounter the list follows (one meeting each unless the
frame is multilateral), with that encounter's date and place.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from spacy.tokens import Span

from . import slots
from .clusters import Draft, partner_groups
from .encounters import Encounter
from .officials import Official

if TYPE_CHECKING:
    from .clusters import Clusterer
    from .context import DocContext


class GuestListSteps:
    """The list step; the assembler provides the document state it reads and changes."""

    ctx: DocContext
    clusters: Clusterer
    previous_date: dt.date | None
    context_place: dict[str, Any] | None
    context_date: tuple[Span | None, dt.date | None]
    # the encounter whose guests a list gives, its status, its host and the sentence last read
    pending: tuple[Encounter, str, Official, int] | None
    pending_role: str | None

    if TYPE_CHECKING:  # the assembler's own

        def _draft(self, enc: Encounter, state: str, members: dict[str, Official], host: Official | None, sent: Span) -> Draft: ...

    def _list_guests(self, k: int, sent: Span, officials: list[Official]) -> bool:
        """The officials of a list that follows a series ("Il s'agit de A, de B", bullet lines) meet its host."""
        assert self.pending is not None
        enc, state, host, last = self.pending
        text = sent.text
        back = k - 1
        while back >= 0 and not self.ctx.sents[back].text.strip():
            back -= 1  # a blank line the sentencizer kept as a sentence
        previous = self.ctx.sents[back].text.rstrip() if back >= 0 else ""
        bullet = self.ctx.lex.cue("bullet")
        # a bullet the sentencizer cut off on its own ("•" then "Le président X.") opens an item
        listing = previous.endswith((":", ";")) or text.rstrip().endswith(";") or bool(previous and bullet.fullmatch(previous.strip()))
        if not (self.ctx.lex.cue("enumeration").search(text) or listing):
            if k - last > 3:
                self.pending = None
            return False
        self.pending = (enc, state, host, k)
        guests = [o for o in officials if o.key != host.key and not o.anaphor]
        if not guests:
            return False
        for o in guests:
            if o.weak:
                self._listed_office(o)
        made = False
        for group in partner_groups(guests, distribute=not enc.frame.multilateral):
            members = {host.key: host, **{o.key: o for o in group}}
            draft = self._draft(enc, state, members, host if enc.frame.host in ("subject", "partner") else None, sent)
            draft.strength = min(draft.strength, 0.75)
            target = self.clusters.add(draft, sent, split=True)
            if target is not None:
                # the list items' own places are residences: slots come from the opening encounter
                slots.finish(self.ctx, target, self.ctx.sents[enc.sent], enc.predicate, self.previous_date, self.context_place, self.context_date)
                made = True
        return made

    def _listed_office(self, o: Official) -> None:
        """"Gentiana Serbu de Roumanie" in a list of "douze ambassadeurs": the office and country a list implies."""
        doc = self.ctx.doc
        k = self.ctx.sentence_of.get(o.start, -1)
        for c in self.ctx.in_sentence(k, "COUNTRY"):
            after = o.end < c.start <= o.end + 3 and doc[o.start - 1].text != "("
            before = 0 <= o.start - c.end <= 2 and doc[c.end : o.start].text.strip() in ("(", ",", "")  # "du Canada (X)"
            if (after or before) and doc[c.start - 1].lower_ in self.ctx.lex.word_set("genitive") and c.kb_id_.startswith("country:"):
                o.country = c.kb_id_.split(":", 1)[1]
                o.role = o.role or self.pending_role
                break

    def _told_host(self, enc: Encounter) -> Official | None:
        """"Il s'agit des ambassadeurs de A, X, de B, Y …. Au terme de l'audience, M. Y a indiqué …": a
        definite encounter noun without a side of its own, whose one partner is already the guest of a
        held meeting, is that meeting told again: its other side is that meeting's host."""
        if len(enc.partners) != 1 or not any(c.dep_ == "det" and "Def" in c.morph.get("Definite") for c in enc.predicate.children):
            return None
        guest = enc.partners[0].person_id or enc.partners[0].key
        for d in reversed(self.clusters.drafts):
            host = d.participants.get(d.host or "")
            if d.status != "held" or host is None or (host.person_id or host.key) == guest:
                continue
            if any((p.person_id or p.key) == guest for p in d.participants.values()):
                return host
        return None

