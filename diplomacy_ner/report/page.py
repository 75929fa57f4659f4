"""The report page: one self-contained HTML document (no script, nothing fetched)."""

from __future__ import annotations

import html
from collections.abc import Sequence

from .charts import (
    TOP_ROWS,
    country_pairs,
    hosts,
    meetings_per_month,
    month_chart_svg,
    network_svg,
)
from .corpus import Corpus, NodeKind

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 1100px;
       color: #1d1d1f; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ddd; }
.summary { color: #444; } .empty { color: #777; font-style: italic; } .note { color: #666; font-size: .9rem; }
svg { max-width: 100%; height: auto; background: #fafafa; border: 1px solid #e3e3e3; }
svg.network line { stroke: #6b7a99; stroke-opacity: .55; }
svg.network circle { stroke: #fff; stroke-width: 1.5; }
svg.network text { font-size: 12px; fill: #222; }
svg.months rect { fill: #3b6fb6; } svg.months .axis { stroke: #999; }
svg.months text { font-size: 11px; fill: #333; } svg.months text.count { text-anchor: middle; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: .92rem; }
th, td { border: 1px solid #ddd; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f0f3f8; } td.n { text-align: right; } td.day { white-space: nowrap; }
.tops { display: flex; gap: 2rem; flex-wrap: wrap; } .tops > div { flex: 1 1 320px; }
.evidence blockquote { margin: .3rem 0 .3rem 1rem; color: #333; border-left: 3px solid #3b6fb6;
                       padding-left: .6rem; }
.evidence > div { margin-bottom: 1rem; } .evidence h3 { font-size: 1rem; margin-bottom: .2rem; }
"""


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def plural(count: int, word: str, many: str | None = None) -> str:
    """ "1 meeting", "2 meetings"; ``many`` for a plural that is not word + "s".

    count (int): how many.
    word (str): the singular.
    many (str | None): the plural (default: ``word + "s"``).
    RETURNS (str): the count and the word.
    """
    return f"{count} {word if count == 1 else many or word + 's'}"


def _top_table(title: str, headers: tuple[str, str], rows: Sequence[tuple[str, int]]) -> str:
    if not rows:
        return f'<div><h3>{_e(title)}</h3><p class="empty">None.</p></div>'
    body = "".join(f'<tr><td>{_e(name)}</td><td class="n">{count}</td></tr>' for name, count in rows)
    return (
        f"<div><h3>{_e(title)}</h3><table><thead><tr><th>{_e(headers[0])}</th><th>{_e(headers[1])}</th>"
        f"</tr></thead><tbody>{body}</tbody></table></div>"
    )


def _meeting_rows(corpus: Corpus) -> tuple[str, str]:
    rows, evidence = [], []
    for number, m in enumerate(corpus.meetings, start=1):
        anchor = f"m-{number}"
        people = "<br>".join(
            _e(side.label) + (f" <small>({_e(side.country)})</small>" if side.name and side.country else "")
            for side in m.participants
        )
        place = (
            m.location + (f" ({m.location_country})" if m.location and m.location_country else "")
            if m.location
            else ""
        )
        link = f'<a href="#{anchor}">evidence</a>' if m.evidence else '<span class="note">none</span>'
        rows.append(
            f'<tr id="row-{anchor}"><td class="n">{number}</td><td class="day">{_e(m.date or "")}</td>'
            f"<td>{people}</td>"
            f"<td>{_e(m.host or '')}</td><td>{_e(place)}</td><td>{_e(m.kind or '')}</td>"
            f"<td>{_e(m.article_id)}</td><td>{link}</td></tr>"
        )
        if m.evidence:
            quotes = "".join(f"<blockquote>{_e(sentence)}</blockquote>" for sentence in m.evidence)
            evidence.append(
                f'<div id="{anchor}"><h3>#{number} — {_e(m.article_id)}, meeting {m.number} '
                f'<a href="#row-{anchor}">↑ table</a></h3>{quotes}</div>'
            )
    return "".join(rows), "".join(evidence)


def render_report(
    corpus: Corpus, *, title: str = "Meetings report", nodes: NodeKind = NodeKind.officials
) -> str:
    """The report page.

    corpus (Corpus): the meetings.
    title (str): the page title.
    nodes (NodeKind): officials or countries as network nodes.
    RETURNS (str): a self-contained HTML page (no script, nothing fetched).
    """
    network, shown, total = network_svg(corpus, nodes)
    months = meetings_per_month(corpus)
    days = sorted(m.day for m in corpus.meetings if m.day)
    period = f", {days[0].isoformat()} to {days[-1].isoformat()}" if days else ""
    failed = f", {plural(corpus.failed, 'article')} failed" if corpus.failed else ""
    summary = (
        f"{plural(len(corpus.meetings), 'meeting')} in {plural(len(corpus.articles), 'article')}{failed}"
        f"{period}."
    )
    shown_note = (
        f"The {shown} most connected of {total} {nodes.value} are shown."
        if shown < total
        else f"{plural(total, nodes.value[:-1] if nodes is NodeKind.officials else 'country', nodes.value)}."
    )
    pairs = [(" – ".join(pair), count) for pair, count in country_pairs(corpus).most_common(TOP_ROWS)]
    top_hosts = hosts(corpus).most_common(TOP_ROWS)
    rows, evidence = _meeting_rows(corpus)
    table = (
        "<table><thead><tr><th>#</th><th>Date</th><th>Participants</th><th>Host</th><th>Place</th>"
        f"<th>Kind</th><th>Article</th><th>Evidence</th></tr></thead><tbody>{rows}</tbody></table>"
        if rows
        else '<p class="empty">No meeting.</p>'
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title><style>{STYLE}</style></head>
<body>
<h1>{_e(title)}</h1>
<p class="summary">{_e(summary)}</p>
<h2 id="network">Who met whom</h2>
<p class="note">Nodes are {nodes.value}; a line joins two that met, thicker the more often. {_e(shown_note)}
Hover a node or a line for its count.</p>
{network}
<h2 id="months">Meetings per month</h2>
<p class="note">By the date of the meeting, else the publication date of the article.</p>
{month_chart_svg(months)}
<h2 id="tops">Most frequent</h2>
<div class="tops">
{_top_table("Country pairs", ("Countries", "Meetings"), pairs)}
{_top_table("Hosts", ("Host", "Meetings"), top_hosts)}
</div>
<h2 id="meetings">Meetings</h2>
{table}
<h2 id="evidence">Evidence</h2>
<div class="evidence">{evidence or '<p class="empty">No evidence sentence.</p>'}</div>
</body></html>
"""
