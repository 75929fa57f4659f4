"""One article as a self-contained HTML page: entities and meetings at a glance.

The page shows the original text with displaCy's entity view (our entity types
as labels, our colours), a table of the meetings, and under each meeting the
sentences that report it with the participants highlighted. Everything is in
one file: inline CSS, no script, no external font or image, so the page can be
mailed or archived as is.

>>> from diplomacy_ner import analyze
>>> from diplomacy_ner.render import render_html
>>> page = render_html(analyze(text, published="2024-04-22"))
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy import displacy

from .schema import Analysis, Entity, EntityRef, Meeting, Mention, Participant

__all__ = ["ENTITY_COLORS", "ENTITY_LABELS", "entity_spans", "highlight", "render_html"]

#: displaCy label of each entity type (displaCy upper-cases labels to look up colours).
ENTITY_LABELS: dict[str, str] = {
    "person": "PERSON",
    "country": "COUNTRY",
    "body": "BODY",
    "agreement": "AGREEMENT",
    "place": "PLACE",
}
#: Background colour of each label, light enough to read black text on.
ENTITY_COLORS: dict[str, str] = {
    "PERSON": "#ffd6a5",
    "COUNTRY": "#bde0fe",
    "BODY": "#caffbf",
    "AGREEMENT": "#e4c1f9",
    "PLACE": "#fdffb6",
}
DEFAULT_TITLE = "diplomacy_ner — analysis"
TITLE_MAX_CHARS = 140

# displaCy's entity template, with a tooltip (canonical name and id) and the entity id as data.
_ENTITY_TEMPLATE = (
    '<mark class="entity" data-entity-id="{entity_id}" title="{tooltip}" '
    'style="background: {bg}; padding: 0.3em 0.5em; margin: 0 0.2em; line-height: 1; border-radius: 0.35em;">'
    "{text}"
    '<span style="font-size: 0.7em; font-weight: bold; line-height: 1; border-radius: 0.35em; '
    'vertical-align: middle; margin-left: 0.4rem">{label}{kb_link}</span>'
    "</mark>"
)

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       margin: 2rem auto; max-width: 72rem; padding: 0 1.5rem; color: #1f2328; background: #fff; }
h1 { font-size: 1.5rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #d0d7de; padding-bottom: 0.3rem; }
.meta { color: #59636e; margin-top: 0; }
.legend span { display: inline-block; padding: 0.15em 0.6em; margin-right: 0.4em; border-radius: 0.35em;
               font-size: 0.8em; font-weight: bold; }
.text { border: 1px solid #d0d7de; border-radius: 0.5rem; padding: 0.6rem 1.2rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid #d0d7de; padding: 0.35rem 0.5rem; vertical-align: top; text-align: left; }
th { background: #f6f8fa; }
tr.evidence td { background: #fbfbfc; font-size: 0.88rem; }
.status-held { color: #1a7f37; font-weight: bold; }
.status-planned { color: #9a6700; font-weight: bold; }
.status-cancelled { color: #cf222e; font-weight: bold; }
mark.participant { background: #ffd6a5; padding: 0 0.15em; border-radius: 0.2em; }
mark.when { background: #d8f3dc; padding: 0 0.15em; border-radius: 0.2em; }
mark.where { background: #fdffb6; padding: 0 0.15em; border-radius: 0.2em; }
.none { color: #59636e; font-style: italic; }
ul.evidence { margin: 0.2rem 0; padding-left: 1.2rem; }
small.id { color: #59636e; }
span.label { padding: 0 0.4em; border-radius: 0.3em; font-size: 0.8em; font-weight: bold; }
"""


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str
    entity: Entity | None = None


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _non_overlapping(spans: Iterable[_Span]) -> list[_Span]:
    """Keep the earliest spans, the longest first at equal starts; drop spans that overlap a kept one."""
    kept: list[_Span] = []
    last_end = -1
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if span.start >= last_end:
            kept.append(span)
            last_end = span.end
    return kept


def _valid(mention: Mention | None, text: str) -> bool:
    return mention is not None and 0 <= mention.start < mention.end <= len(text)


def entity_spans(analysis: Analysis, *, window: tuple[int, int] | None = None) -> list[dict[str, Any]]:
    """The entity mentions of an analysis as displaCy's manual ``ents``, sorted and non-overlapping.

    analysis (Analysis): the analysis.
    window (tuple[int, int] | None): (start, end) of the stretch of text shown; mentions
        outside it are left out and offsets become relative to its start.
    RETURNS (list[dict]): ``{"start", "end", "label", "params"}`` items (``params`` fills our template).
    """
    low, high = window if window is not None else (0, len(analysis.text))
    spans = [
        _Span(mention.start, mention.end, ENTITY_LABELS.get(entity.type, entity.type.upper()), entity)
        for entity in analysis.entities
        for mention in entity.mentions
        if _valid(mention, analysis.text) and low <= mention.start and mention.end <= high
    ]
    ents: list[dict[str, Any]] = []
    for span in _non_overlapping(spans):
        entity = span.entity
        assert entity is not None
        details = [entity.name, entity.id]
        if entity.role:
            details.insert(1, entity.role)
        ents.append(
            {
                "start": span.start - low,
                "end": span.end - low,
                "label": span.kind,
                "params": {"entity_id": _e(entity.id), "tooltip": _e(" — ".join(details))},
            }
        )
    return ents


def highlight(text: str, start: int, end: int, marks: Sequence[tuple[int, int, str]]) -> str:
    """Escape ``text[start:end]`` and wrap the marked stretches in ``<mark class=...>``;
    line breaks become spaces.

    text (str): the whole text.
    start (int): start of the stretch to show.
    end (int): end of the stretch to show.
    marks (Sequence[tuple[int, int, str]]): (start, end, CSS class) in ``text`` offsets; marks
        outside the stretch are ignored, overlapping ones keep the first.
    RETURNS (str): HTML.
    """
    inside = [
        _Span(max(s, start), min(e, end), cls) for s, e, cls in marks if s < end and e > start and s < e
    ]
    out: list[str] = []
    cursor = start
    for span in _non_overlapping(inside):
        out.append(_e(text[cursor : span.start]))
        out.append(f'<mark class="{_e(span.kind)}">{_e(text[span.start : span.end])}</mark>')
        cursor = span.end
    out.append(_e(text[cursor:end]))
    # a sentence is shown inline: its line breaks (a heading glued to it, a wrapped line) become spaces
    return "".join(out).replace("\n", " ")


def _participant_html(participant: Participant) -> str:
    name = _e(participant.name) if participant.name else '<span class="none">unnamed</span>'
    details = ", ".join(_e(part) for part in (participant.role, participant.country) if part)
    return f"<b>{name}</b>" + (f" — {details}" if details else "")


def _refs(refs: Sequence[EntityRef]) -> str:
    return ", ".join(_e(ref.acronym or ref.name) for ref in refs) or '<span class="none">—</span>'


def _meeting_marks(
    meeting: Meeting, text: str, mentions_by_id: dict[str, list[Mention]]
) -> list[tuple[int, int, str]]:
    """The stretches to mark in a meeting's evidence: every mention of its participants
    (their own evidence and, through their entity id, all mentions of the entity), the
    date expression and the place."""
    marks = [
        (mention.start, mention.end, "participant")
        for participant in meeting.participants
        for mention in [*participant.mentions, *mentions_by_id.get(participant.id or "", [])]
        if _valid(mention, text)
    ]
    if meeting.date_expression is not None and _valid(meeting.date_expression, text):
        marks.append((meeting.date_expression.start, meeting.date_expression.end, "when"))
    if (
        meeting.location is not None
        and meeting.location.mention is not None
        and _valid(meeting.location.mention, text)
    ):
        marks.append((meeting.location.mention.start, meeting.location.mention.end, "where"))
    return marks


def _evidence_html(meeting: Meeting, text: str, mentions_by_id: dict[str, list[Mention]]) -> str:
    marks = _meeting_marks(meeting, text, mentions_by_id)
    items = []
    for sentence in meeting.evidence:
        if _valid(sentence, text) and text[sentence.start : sentence.end] == sentence.text:
            items.append(f"<li>{highlight(text, sentence.start, sentence.end, marks)}</li>")
        else:  # offsets that do not match the text: show the sentence as given, unmarked
            items.append(f"<li>{_e(sentence.text)}</li>")
    if not items:
        return '<span class="none">no evidence sentence</span>'
    return f'<ul class="evidence">{"".join(items)}</ul>'


def _meeting_rows(number: int, meeting: Meeting, text: str, mentions_by_id: dict[str, list[Mention]]) -> str:
    participants = "<br>".join(_participant_html(p) for p in meeting.participants)
    host = _e(meeting.host.name or meeting.host.role or "") if meeting.host else '<span class="none">—</span>'
    date = _e(meeting.date.isoformat()) if meeting.date else '<span class="none">—</span>'
    if meeting.date_expression is not None:
        date += f"<br><small>«&nbsp;{_e(meeting.date_expression.text)}&nbsp;»</small>"
    place = '<span class="none">—</span>'
    if meeting.location is not None:
        place = _e(meeting.location.name) + (
            f" ({_e(meeting.location.country)})" if meeting.location.country else ""
        )
    topics = ", ".join(_e(topic) for topic in meeting.topics) or '<span class="none">—</span>'
    cells = [
        str(number),
        participants,
        host,
        _e(meeting.kind.replace("_", " ")),
        f'<span class="status-{_e(meeting.status)}">{_e(meeting.status)}</span>',
        date,
        place,
        topics,
        _refs(meeting.bodies),
        _refs(meeting.agreements),
        f"{meeting.confidence:.2f}",
    ]
    row = '<tr class="meeting">' + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"
    evidence = (
        '<tr class="evidence"><td></td><td colspan="10"><b>Evidence</b> '
        f"{_evidence_html(meeting, text, mentions_by_id)}</td></tr>"
    )
    return row + evidence


def _meetings_table(analysis: Analysis) -> str:
    if not analysis.meetings:
        return '<p class="none">No meeting found.</p>'
    header = "".join(
        f"<th>{name}</th>"
        for name in (
            "#",
            "Participants (role, country)",
            "Host",
            "Kind",
            "Status",
            "Date",
            "Place",
            "Topics",
            "Bodies",
            "Agreements",
            "Confidence",
        )
    )
    mentions_by_id = {entity.id: entity.mentions for entity in analysis.entities}
    rows = "".join(
        _meeting_rows(i, m, analysis.text, mentions_by_id) for i, m in enumerate(analysis.meetings, start=1)
    )
    return f'<table class="meetings"><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>'


def _entities_table(analysis: Analysis) -> str:
    if not analysis.entities:
        return '<p class="none">No entity found.</p>'
    rows = []
    for entity in sorted(analysis.entities, key=lambda e: (e.type, e.name)):
        label = ENTITY_LABELS.get(entity.type, entity.type.upper())
        color = ENTITY_COLORS.get(label, "#ddd")
        extra = ", ".join(_e(x) for x in (entity.role, entity.code or entity.acronym, entity.country) if x)
        rows.append(
            f'<tr><td><span class="label" style="background: {color}">{_e(label)}</span></td>'
            f'<td>{_e(entity.name)} <small class="id">{_e(entity.id)}</small></td><td>{extra}</td>'
            f"<td>{len(entity.mentions)}</td></tr>"
        )
    header = "<tr><th>Type</th><th>Name</th><th>Role / code</th><th>Mentions</th></tr>"
    return f'<table class="entities-list"><thead>{header}</thead><tbody>{"".join(rows)}</tbody></table>'


def _default_title(text: str) -> str:
    for line in text.splitlines():
        stripped = line.strip().strip("#*_ ").strip()
        if stripped:
            return stripped if len(stripped) <= TITLE_MAX_CHARS else stripped[: TITLE_MAX_CHARS - 1] + "…"
    return DEFAULT_TITLE


def render_html(analysis: Analysis, *, title: str | None = None) -> str:
    """Render an analysis as a self-contained HTML page.

    The page has the original text with displaCy's entity view (labels PERSON,
    COUNTRY, BODY, AGREEMENT, PLACE in our colours; overlapping mentions keep the
    first, longest one), a table of the meetings (participants with role and
    country, host, kind, status, date, place, topics, bodies, agreements,
    confidence) with each meeting's evidence sentences and its participants'
    mentions in ``<mark>``, and a list of the entities. All text is HTML-escaped.

    analysis (Analysis): what :func:`diplomacy_ner.analyze` returned.
    title (str | None): the page title (default: the article's first line).
    RETURNS (str): the HTML page.
    """
    page_title = title if title is not None else _default_title(analysis.text)
    # the text view starts at the first visible character: blank lines above it only push it down
    lead = len(analysis.text) - len(analysis.text.lstrip())
    shown = analysis.text.strip()
    ents = entity_spans(analysis, window=(lead, lead + len(shown)))
    displacy_html = displacy.render(
        {"text": shown, "ents": ents, "title": None},
        style="ent",
        manual=True,
        page=False,
        jupyter=False,
        options={"colors": ENTITY_COLORS, "template": _ENTITY_TEMPLATE},
    )
    legend = "".join(
        f'<span style="background: {color}">{_e(label)}</span>' for label, color in ENTITY_COLORS.items()
    )
    published = analysis.published.isoformat() if analysis.published else "unknown"
    held = len(analysis.held_meetings())
    meta = (
        f"Published: {_e(published)} · {len(analysis.entities)} entities · "
        f"{len(analysis.meetings)} meetings ({held} held)"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(page_title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<h1>{_e(page_title)}</h1>\n"
        f'<p class="meta">{meta}</p>\n'
        f"<h2>Meetings</h2>\n{_meetings_table(analysis)}\n"
        f'<h2>Text</h2>\n<p class="legend">{legend}</p>\n<div class="text">{displacy_html}</div>\n'
        f"<h2>Entities</h2>\n{_entities_table(analysis)}\n"
        '<p class="meta"><small>Generated by diplomacy_ner.</small></p>\n'
        "</body>\n</html>\n"
    )
