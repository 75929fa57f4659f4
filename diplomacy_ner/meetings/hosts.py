"""Which participant a host read from one mention became once a meeting's participants are merged.

A sentence can name its host by an office ("reçu par le Premier ministre japonais", "Le Président du
Faso, le capitaine X, a reçu …"); when the meeting keeps the named participant who holds that office
and drops the unnamed one, the host moves to him instead of being lost. This module depends on the
officials only, so that the clustering and the slot layers can both ask it.
"""

from __future__ import annotations

from collections.abc import Iterable

from .officials import Official


def carried_host(host: Official | None, participants: Iterable[Official]) -> str | None:
    """The key of the one participant that stands for ``host`` once ``host`` itself is no participant:
    a named official of its office class whose country agrees (or one of the two has none).

    host (Official | None): the official a sentence gave as host, now merged away.
    participants (Iterable[Official]): the meeting's participants.
    RETURNS (str | None): the participant's key, or None when none or several could be him.
    """
    if host is None:
        return None
    kept = list(participants)
    if any(p.key == host.key for p in kept):
        return host.key
    if not host.unnamed or host.cls in (None, "generic"):
        return None
    same = [
        p
        for p in kept
        if not p.unnamed
        and p.cls == host.cls
        and (p.country is None or host.country is None or p.country == host.country)
    ]
    return same[0].key if len(same) == 1 else None
