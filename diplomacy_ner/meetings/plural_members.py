"""The members of a plural title the text has already named ("les ministres japonais, indien et
australien" after "ses homologues japonais X, indien Y et australien Z"): one official per country
the title coordinates, the person of that country named before it when there is exactly one, else
an unnamed official of that country."""

from __future__ import annotations

from spacy.tokens import Span

from .context import DocContext
from .plural_titles import member_office, plural_countries, singular_role
from ..extensions import span_info


def plural_members(ctx: DocContext, k: int, t: Span, Official, anchor_of) -> list | None:  # noqa: N803
    """The officials a plural title the linker tied to one person really covers, or None when it
    coordinates fewer than two countries (then the linker's single person stands)."""
    doc = ctx.doc
    info = span_info(t) or {}
    plural = "Plur" in doc[t.start].morph.get("Number") or t.root.morph.get("Number") == ["Plur"]
    if not plural:
        return None
    codes, reach = plural_countries(ctx, k, t, list(info.get("countries") or []))
    codes = list(dict.fromkeys(codes))
    if len(codes) < 2:
        return None
    named_before = {p.kb_id_ for p in ctx.by_label.get("PERSON", []) if p.end <= t.start}
    ext = frozenset(range(t.start, reach))
    anchor = anchor_of(doc, ext)
    cls = info.get("class")
    role = info.get("role") if cls != "generic" else None
    if role:
        role = member_office(singular_role(role))
    out = []
    for code in codes:
        people = [pid for pid in named_before if (ctx.person_info(pid) or {}).get("country") == code]
        if len(people) == 1:
            pid = people[0]
            pinfo = ctx.person_info(pid)
            out.append(Official(
                pid, pid, ctx.person_name(pid), pinfo.get("role") or role, code, pinfo.get("class") or cls,
                t.start, t.end, [t], anchor=anchor, extent=ext, anaphor=True,
            ))
        else:
            key = f"unnamed:{code}:{(role or cls or '').lower()}"
            out.append(Official(key, None, None, role, code, cls, t.start, t.end, [t], unnamed=True, anchor=anchor, extent=ext))
    return out
