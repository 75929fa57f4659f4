"""Meetings as clusters of encounter mentions.

Each encounter gives one candidate per partner group (one for a plain list,
one per guest for a series of audiences). A candidate joins an earlier
meeting with the same participants, status and date, or with the same named
participants where an unnamed one ("son homologue serbe") is now named;
otherwise it opens a meeting. A candidate told through a plural anaphor ("les
deux ministres ont évoqué") continues the last meeting. Candidates from
headings and captions may only join a meeting, never open one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span

from .hosts import carried_host
from .officials import Official


@dataclass
class Draft:
    """A meeting being assembled."""

    participants: dict[str, Official] = field(default_factory=dict)
    host: str | None = None
    kind: str | None = None
    status: str = "held"
    date: dt.date | None = None
    date_span: Span | None = None
    location: dict[str, Any] | None = None
    sentences: list[Span] = field(default_factory=list)
    predicates: list[int] = field(default_factory=list)
    multilateral: bool = False
    strength: float = 0.6
    explicit_host: bool = False
    _seen: set[int] = field(default_factory=set, repr=False)

    def keys(self) -> set[str]:
        return set(self.participants)

    def add_sentence(self, sent: Span) -> None:
        """Add a sentence of evidence once (a set keeps this linear in the meeting's sentences)."""
        if not self._seen and self.sentences:
            self._seen.update(s.start for s in self.sentences)
        if sent.start not in self._seen:
            self._seen.add(sent.start)
            self.sentences.append(sent)


# how many of the latest meetings a candidate is compared with beyond those with its exact participants
RECENT = 30


class Clusterer:
    """Gathers candidates into drafts, in document order."""

    def __init__(self, protagonist: str | None = None):
        self.drafts: list[Draft] = []
        self.by_keys: dict[frozenset[str], list[Draft]] = {}
        self.current: Draft | None = None
        self.protagonist = protagonist

    def add(self, draft: Draft, sent: Span, *, split: bool, heading: bool = False) -> Draft | None:
        """Merge ``draft`` into a meeting or open one; returns the meeting, or None (heading)."""
        target = self.target(draft, split)
        if target is not None:
            self.merge(target, draft, sent)
            return target
        if heading:
            return None
        self.drafts.append(draft)
        self.by_keys.setdefault(frozenset(draft.participants), []).append(draft)
        return draft

    def target(self, draft: Draft, split: bool) -> Draft | None:
        keys = draft.keys()
        current = self.current
        if (
            current is not None
            and current.multilateral
            and current.status == draft.status
            and not split
            and (len(current.participants) < 2 or any(p.unnamed for p in current.participants.values()))
            and current.keys() & keys | (set() if current.participants else keys)
        ):
            return current
        exact = self.by_keys.get(frozenset(keys), [])
        seen: set[int] = set()
        for d in [*reversed(exact), *reversed(self.drafts[-RECENT:])]:
            if id(d) in seen or d.status != draft.status:
                continue
            seen.add(id(d))
            dkeys = d.keys()
            same = keys == dkeys or (keys <= dkeys and not split and len(keys) >= 2 and not (d.multilateral and len(keys) < len(dkeys) and not draft.multilateral))
            if not same and not split and dkeys < keys and all(p.unnamed for p in d.participants.values()) and len({p.country for p in d.participants.values()}) > 2:
                same = True  # "la réunion des ministres de A, B et C" told again with one more member named
            if draft.multilateral and d is current and d.multilateral and not split:
                same = True
            if not same and d is current and not split:
                # an unnamed participant that the new candidate names ("son homologue serbe" → "Ivica Dačić")
                same = compatible(draft, d)
            if same:
                if draft.date is not None and d.date is not None and draft.date != d.date:
                    continue
                if draft.kind is not None and d.kind is not None and draft.kind != d.kind:
                    continue
                return d
        return None

    def merge(self, target: Draft, draft: Draft, sent: Span) -> None:
        before = frozenset(target.participants)
        for p in draft.participants.values():
            self.add_participant(target, p)
        self._reindex(target, before)
        if draft.host and not target.explicit_host:
            # "reçu par le Premier ministre japonais" joining the meeting of the named one: he is the host
            target.host = carried_host(draft.participants.get(draft.host), target.participants.values())
            target.explicit_host = draft.explicit_host
        if target.kind is None:
            target.kind = draft.kind
        target.strength = max(target.strength, draft.strength)
        target.predicates.extend(draft.predicates)
        target.add_sentence(sent)

    def _reindex(self, target: Draft, before: frozenset[str]) -> None:
        after = frozenset(target.participants)
        if after == before or target not in self.by_keys.get(before, []):
            return
        self.by_keys[before].remove(target)
        self.by_keys.setdefault(after, []).append(target)

    def join(self, target: Draft, p: Official) -> None:
        """Add one participant to a meeting (an attendee of a session)."""
        before = frozenset(target.participants)
        self.add_participant(target, p)
        self._reindex(target, before)

    def add_participant(self, target: Draft, p: Official) -> None:
        if p.key in target.participants:
            kept = target.participants[p.key]
            if kept is not p:
                have = {(sp.start, sp.end) for sp in kept.spans}
                kept.spans.extend(sp for sp in p.spans if (sp.start, sp.end) not in have)
            return
        if not p.unnamed:
            # a named official replaces an unnamed one of the same country ("ses homologues espagnol et portugais")
            for key, q in list(target.participants.items()):
                if q.unnamed and not q.group and q.country and (q.country == p.country or p.country is None):
                    del target.participants[key]
                    if target.host == key:
                        target.host = p.key
                    if p.country is None:
                        p.country = q.country
                    if p.role is None and q.role:
                        p.role = q.role
                    break
        else:
            for q in target.participants.values():
                if not q.unnamed and q.country == p.country:
                    return
                if not q.unnamed and q.country is None and p.country and q.key != self.protagonist:
                    q.country = p.country
                    return
        target.participants[p.key] = p


def compatible(a: Draft, b: Draft) -> bool:
    """Do two drafts share their named participants, the rest being unnamed ones of the same country?"""
    named_a = {k for k in a.participants if not k.startswith("unnamed:")}
    named_b = {k for k in b.participants if not k.startswith("unnamed:")}
    if not named_b and len(b.participants) >= 2:
        # "Les ministres de la Santé du Sénégal, du Maroc et de la Côte d'Ivoire ont tenu une réunion. La
        # réunion a réuni X, Y et Z": the same countries, now named
        countries_a = [p.country for p in a.participants.values()]
        countries_b = [p.country for p in b.participants.values()]
        return None not in countries_a and sorted(countries_a) == sorted(countries_b)  # type: ignore[type-var]
    if not named_a & named_b:
        return False
    rest_a = [a.participants[k] for k in a.participants if k not in named_b]
    rest_b = [b.participants[k] for k in b.participants if k not in named_a]
    if not rest_a or not rest_b:
        return False
    for x in rest_a:
        if not any(x.unnamed or y.unnamed for y in rest_b):
            return False
        if not any(
            # a person the text gives neither office nor country does not name "son homologue britannique"
            ((x.country and y.country and x.country == y.country) or (x.unnamed and not y.country and bool(y.role or not x.country))
             or (y.unnamed and not x.country and bool(x.role or not y.country)))
            and not _other_office(x, y)
            for y in rest_b
        ):
            return False
    return True


def _other_office(x: Official, y: Official) -> bool:
    """Two offices of different classes ("l'ambassadeur américain", "le Premier ministre X"): two people;
    so are a group side ("la délégation …") and one person."""
    if x.group != y.group:
        return True
    return bool(x.cls and y.cls and "generic" not in (x.cls, y.cls) and x.cls != y.cls)


def partner_groups(partners: list[Official], *, distribute: bool, each: bool = False) -> list[list[Official]]:
    """One group for a plain list; one per guest (officials of one country together) when distributive;
    with ``each`` ("séparément", "successivement"), one per official even inside one plural title."""
    if not distribute or len(partners) < 2:
        return [partners]
    if each:
        return [[o] for o in partners]
    groups: list[list[Official]] = []
    for o in partners:
        last = groups[-1] if groups else None
        if last is not None and (
            (o.country and any(q.country == o.country for q in last) and any(q.unnamed or o.unnamed for q in last))
            or any(o.spans and q.spans and o.spans[0] is q.spans[0] for q in last)
            or any(o.start == q.start for q in last)
        ):
            last.append(o)
        else:
            groups.append([o])
    if len(groups) > 1 and any(len({q.start for q in g}) < len(g) for g in groups):
        return [partners]  # "a reçu les ambassadeurs de A et de B ainsi que le chef de délégation de C": one audience
    return groups
