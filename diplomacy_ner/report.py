"""A corpus report: one self-contained HTML page about the meetings of many articles.

``diplomacy-ner report`` reads what ``extract --format jsonl`` (or ``--format json``) and
``extract-corpus`` write, and draws:

- a who-met-whom network: officials (or countries) as nodes, meetings as edges
  weighted by how many times the two met; laid out by networkx (a seeded
  spring layout) and drawn as inline SVG;
- the number of meetings per month (the meeting's date, else the article's);
- the most frequent country pairs and hosts;
- a table of the meetings, each linked to its evidence sentences.

The page has no script and fetches nothing: styles and drawings are inline, so it
works offline and can be mailed as one file. Every text is escaped.
"""

from __future__ import annotations

import colorsys
import datetime as dt
import hashlib
import html
import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import combinations
from pathlib import Path
from typing import Any

#: Files a report reads; a directory is searched recursively for them.
REPORT_SUFFIXES: tuple[str, ...] = (".jsonl", ".json", ".parquet")
#: The network shows at most this many nodes (the most connected ones).
MAX_NETWORK_NODES = 60
#: Nodes whose name is written beside them (the most connected ones).
MAX_NODE_LABELS = 30
#: Rows of the "most frequent" tables.
TOP_ROWS = 15
NETWORK_SIZE = (960, 640)
#: The largest room a node gets in the network drawing, in pixels (few nodes stay compact).
MAX_NODE_SPACING = 55
CHART_HEIGHT = 220
LAYOUT_SEED = 13


class NodeKind(StrEnum):
    """What the nodes of the network are."""

    officials = "officials"
    countries = "countries"


@dataclass(frozen=True)
class Side:
    """One participant of a reported meeting."""

    name: str | None
    role: str | None
    country: str | None
    id: str | None = None

    @property
    def label(self) -> str:
        """The name, else "role (country)" for an unnamed official."""
        if self.name:
            return self.name
        details = ", ".join(part for part in (self.role, self.country) if part)
        return f"({details})" if details else "(unnamed)"


@dataclass
class ReportMeeting:
    """One meeting as the report uses it, from a JSON record or from Parquet rows."""

    article_id: str
    number: int
    status: str
    kind: str | None = None
    date: dt.date | None = None
    published: dt.date | None = None
    location: str | None = None
    location_country: str | None = None
    host: str | None = None
    topics: list[str] = field(default_factory=list)
    participants: list[Side] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    evidence_offsets: list[tuple[int, int]] = field(default_factory=list)
    confidence: float | None = None

    @property
    def day(self) -> dt.date | None:
        """The meeting's date, else the article's publication date."""
        return self.date or self.published


@dataclass
class Corpus:
    """What the report is about: the meetings, and how many articles were read."""

    meetings: list[ReportMeeting] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    failed: int = 0


# --------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------


def report_files(paths: Sequence[Path]) -> list[Path]:
    """The files a report reads: the paths given, directories searched recursively.

    paths (Sequence[Path]): files and directories.
    RETURNS (list[Path]): the files, a directory's sorted.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.suffix.lower() in REPORT_SUFFIXES and p.is_file())
            )
        else:
            found.append(path)
    return found


def read_corpus(paths: Sequence[Path], *, statuses: Iterable[str] = ("held",)) -> Corpus:
    """Read the meetings of ``extract`` JSON/JSONL output and ``extract-corpus`` Parquet files.

    paths (Sequence[Path]): files (.jsonl, .json, .parquet) or directories of them.
    statuses (Iterable[str]): the statuses of the meetings kept.
    RETURNS (Corpus): the meetings, in file order.
    RAISES ValueError: a file that is not one of those layouts, naming the file (and line).
    """
    wanted = set(statuses)
    corpus = Corpus()
    for path in report_files(paths):
        suffix = path.suffix.lower()
        if suffix == ".parquet":
            records: Iterator[tuple[str, dict[str, Any]]] = _parquet_records(path)
        elif suffix in (".jsonl", ".json"):
            records = _json_records(path)
        else:
            raise ValueError(f"{path}: a report reads .jsonl, .json or .parquet files")
        for where, record in records:
            _add_record(corpus, record, where, wanted)
    return corpus


def _json_records(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise ValueError(f"{path}: invalid JSON: {err.msg} (line {err.lineno})") from None
        items = data if isinstance(data, list) else [data]
        for number, item in enumerate(items, start=1):
            yield f"{path}[{number}]", item
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield f"{path}:{number}", json.loads(line)
        except json.JSONDecodeError as err:
            raise ValueError(f"{path}:{number}: invalid JSON: {err.msg} (column {err.colno})") from None


def _add_record(corpus: Corpus, record: Any, where: str, wanted: set[str]) -> None:
    if not isinstance(record, dict) or "id" not in record:
        raise ValueError(f"{where}: expected an `extract` record with an `id`, got {type(record).__name__}")
    article = str(record["id"])
    corpus.articles.add(article)
    if record.get("error"):
        corpus.failed += 1
        return
    published = _day(record.get("published"))
    for number, meeting in enumerate(record.get("meetings") or [], start=1):
        status = meeting.get("status") or "held"
        if status not in wanted:
            continue
        location = meeting.get("location") or {}
        host = meeting.get("host") or {}
        evidence = meeting.get("evidence") or []
        corpus.meetings.append(
            ReportMeeting(
                article_id=article,
                number=number,
                status=status,
                kind=meeting.get("kind"),
                date=_day(meeting.get("date")),
                published=published,
                location=location.get("name"),
                location_country=location.get("country"),
                host=host.get("name") or host.get("role"),
                topics=list(meeting.get("topics") or []),
                participants=[
                    Side(p.get("name"), p.get("role"), p.get("country"), p.get("id"))
                    for p in meeting.get("participants") or []
                ],
                evidence=[e["text"] for e in evidence if isinstance(e, dict) and e.get("text")],
                evidence_offsets=[
                    (start, end)
                    for start, end in [meeting.get("_offsets") or (None, None)]
                    if start is not None
                ],
                confidence=meeting.get("confidence"),
            )
        )


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _parquet_records(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """``extract-corpus`` rows (one per participant of a meeting) grouped back into records."""
    try:
        import pyarrow.parquet as pq
    except ModuleNotFoundError:
        raise ValueError(f"{path}: reading Parquet needs pyarrow: pip install diplomacy-ner[dask]") from None
    rows = pq.read_table(path).to_pylist()
    records: dict[str, dict[str, Any]] = {}
    meetings: dict[tuple[str, int], dict[str, Any]] = {}
    for row in rows:
        article = str(row.get("article_id"))
        record = records.setdefault(
            article, {"id": article, "published": row.get("published"), "meetings": []}
        )
        if row.get("error"):
            record["error"] = row["error"]
            continue
        if row.get("meeting_index") is None:
            continue
        key = (article, row["meeting_index"])
        meeting = meetings.get(key)
        if meeting is None:
            meeting = {
                "status": row.get("status"),
                "kind": row.get("kind"),
                "date": row.get("date"),
                "location": {"name": row.get("location_name"), "country": row.get("location_country")},
                "host": {"name": row.get("host_name")},
                "topics": row.get("topics") or [],
                "participants": [],
                "confidence": row.get("confidence"),
                "_offsets": (row.get("evidence_start"), row.get("evidence_end")),
            }
            meetings[key] = meeting
            record["meetings"].append(meeting)
        if row.get("participant_index") is not None:
            meeting["participants"].append(
                {
                    "name": row.get("participant_name"),
                    "role": row.get("participant_role"),
                    "country": row.get("participant_country"),
                    "id": row.get("participant_id"),
                }
            )
    for number, record in enumerate(records.values(), start=1):
        yield f"{path}[{number}]", record


def attach_evidence(corpus: Corpus, texts: Mapping[str, str]) -> None:
    """Quote the evidence of meetings read from Parquet (which keeps only offsets) from the articles.

    corpus (Corpus): the corpus, changed in place.
    texts (Mapping[str, str]): article texts by id (the input of ``extract-corpus``).
    """
    for meeting in corpus.meetings:
        text = texts.get(meeting.article_id)
        if meeting.evidence or text is None:
            continue
        meeting.evidence = [text[start:end] for start, end in meeting.evidence_offsets if 0 <= start < end]


def read_texts(path: Path) -> dict[str, str]:
    """Article texts by id from a JSONL corpus (``{"id", "text"}`` lines).

    path (Path): the corpus.
    RETURNS (dict[str, str]): the texts.
    """
    texts: dict[str, str] = {}
    for where, record in _json_records(path):
        if isinstance(record, dict) and isinstance(record.get("text"), str) and record.get("id") is not None:
            texts[str(record["id"])] = record["text"]
        elif not isinstance(record, dict):
            raise ValueError(f"{where}: expected a JSON object with `id` and `text`")
    return texts


# --------------------------------------------------------------------------
# Counting
# --------------------------------------------------------------------------


def node_of(side: Side, kind: NodeKind) -> str | None:
    """The network node of a participant: the official (id, else name or role and country), or the country."""
    if kind is NodeKind.countries:
        return side.country
    return side.label if side.name or side.role or side.country else None


def meeting_edges(corpus: Corpus, kind: NodeKind) -> Counter[tuple[str, str]]:
    """How many meetings each pair of nodes shares.

    RETURNS (Counter[tuple[str, str]]): (node, node) in sorted order -> number of meetings.
    """
    edges: Counter[tuple[str, str]] = Counter()
    for meeting in corpus.meetings:
        nodes = sorted({node for side in meeting.participants if (node := node_of(side, kind))})
        for pair in combinations(nodes, 2):
            edges[pair] += 1
    return edges


def country_pairs(corpus: Corpus) -> Counter[tuple[str, str]]:
    """Meetings per pair of countries (a meeting of several countries counts for each pair)."""
    return meeting_edges(corpus, NodeKind.countries)


def hosts(corpus: Corpus) -> Counter[str]:
    """Meetings per host (meetings without a host are not counted)."""
    return Counter(meeting.host for meeting in corpus.meetings if meeting.host)


def meetings_per_month(corpus: Corpus) -> list[tuple[str, int]]:
    """Meetings per month ("2024-04"), every month from the first to the last, empty ones included."""
    counts = Counter(f"{m.day.year:04d}-{m.day.month:02d}" for m in corpus.meetings if m.day)
    if not counts:
        return []
    first, last = min(counts), max(counts)
    year, month = int(first[:4]), int(first[5:])
    months: list[tuple[str, int]] = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        months.append((key, counts.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


# --------------------------------------------------------------------------
# Drawing
# --------------------------------------------------------------------------


def _colour(key: str | None) -> str:
    """A stable, readable colour for a country code (grey when there is none)."""
    if not key:
        return "#8a8a8a"
    hue = int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:6], 16) / 0xFFFFFF
    red, green, blue = colorsys.hls_to_rgb(hue, 0.45, 0.6)
    return f"#{int(red * 255):02x}{int(green * 255):02x}{int(blue * 255):02x}"


def network_svg(corpus: Corpus, kind: NodeKind) -> tuple[str, int, int]:
    """The who-met-whom network as an inline SVG (networkx spring layout, seeded).

    RETURNS (tuple[str, int, int]): the SVG, the nodes shown and the nodes in all.
    """
    import networkx as nx

    edges = meeting_edges(corpus, kind)
    graph = nx.Graph()
    for (a, b), weight in edges.items():
        graph.add_edge(a, b, weight=weight)
    total = graph.number_of_nodes()
    if total == 0:
        return '<p class="empty">No meeting with two identified sides.</p>', 0, 0
    strength = dict(graph.degree(weight="weight"))
    kept = sorted(graph.nodes, key=lambda n: (-strength[n], n))[:MAX_NETWORK_NODES]
    graph = graph.subgraph(kept).copy()
    # a node whose partners were all left out would float alone
    graph.remove_nodes_from(list(nx.isolates(graph)))
    kept = [node for node in kept if node in graph]
    width, height, place = _packed_layout(graph)
    country = _node_countries(corpus, kind)
    heaviest = max((d["weight"] for _, _, d in graph.edges(data=True)), default=1)
    parts = [
        f'<svg class="network" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="Who met whom: {len(kept)} nodes">'
    ]
    for a, b, data in sorted(graph.edges(data=True), key=lambda e: e[2]["weight"]):
        (x1, y1), (x2, y2) = place(a), place(b)
        stroke = 1 + 5 * math.log1p(data["weight"]) / math.log1p(heaviest)
        times = "meeting" if data["weight"] == 1 else "meetings"
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke-width="{stroke:.1f}">'
            f"<title>{_e(a)} — {_e(b)}: {data['weight']} {times}</title></line>"
        )
    labelled = set(sorted(kept, key=lambda n: (-strength[n], n))[:MAX_NODE_LABELS])
    for node in kept:
        x, y = place(node)
        radius = 4 + 2.2 * math.sqrt(strength[node])
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{_colour(country.get(node))}">'
            f"<title>{_e(node)}: {strength[node]} meeting links</title></circle>"
        )
        if node in labelled:
            parts.append(f'<text x="{x + radius + 3:.1f}" y="{y + 4:.1f}">{_e(node)}</text>')
    parts.append("</svg>")
    return "".join(parts), len(kept), total


def _packed_layout(graph: Any) -> tuple[int, int, Any]:
    """Lay out each connected component with networkx's spring layout (seeded), in a square
    cell whose side grows with the square root of its size, and pack the cells in rows,
    largest first (a spring layout of the whole graph pushes small components to the edges).

    RETURNS (tuple[int, int, Callable[[str], tuple[float, float]]]): width, height and node -> (x, y).
    """
    import networkx as nx

    width = NETWORK_SIZE[0]
    margin, label_room = 20, 110
    components = sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(c)))
    usable = (width - 2 * margin) * (NETWORK_SIZE[1] - 2 * margin)
    unit = min(MAX_NODE_SPACING, math.sqrt(0.45 * usable / sum(len(c) for c in components)))
    positions: dict[str, tuple[float, float]] = {}
    x = y = row = 0.0
    for component in components:
        sub = graph.subgraph(component)
        side = min(width - 2 * margin - label_room, unit * math.sqrt(len(component)) * 1.7)
        layout = nx.spring_layout(
            sub, weight="weight", seed=LAYOUT_SEED, k=3.0 / math.sqrt(len(component)), iterations=300
        )
        xs = [p[0] for p in layout.values()]
        ys = [p[1] for p in layout.values()]
        span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
        if x + side + label_room > width - 2 * margin and x > 0:
            x, y, row = 0.0, y + row, 0.0
        for node, (nx_, ny_) in layout.items():
            positions[node] = (
                margin + x + (nx_ - min(xs)) / span_x * side if len(component) > 1 else margin + x + side / 2,
                margin + y + (ny_ - min(ys)) / span_y * side,
            )
        x += side + label_room
        row = max(row, side + 40)
    height = int(margin * 2 + y + row)
    return width, height, positions.__getitem__


def _node_countries(corpus: Corpus, kind: NodeKind) -> dict[str, str | None]:
    """The country that colours each node (the node itself for countries)."""
    found: dict[str, str | None] = {}
    for meeting in corpus.meetings:
        for side in meeting.participants:
            node = node_of(side, kind)
            if node and found.get(node) is None:
                found[node] = side.country
    return found


def month_chart_svg(months: Sequence[tuple[str, int]]) -> str:
    """Meetings per month as an inline SVG bar chart, with the count above each bar."""
    if not months:
        return '<p class="empty">No meeting has a date.</p>'
    bar = max(8, min(40, 900 // len(months)))
    width = 90 + bar * len(months)
    top = max(count for _, count in months) or 1
    plot = CHART_HEIGHT - 85
    parts = [
        f'<svg class="months" viewBox="0 0 {width} {CHART_HEIGHT}" width="{width}" height="{CHART_HEIGHT}" '
        f'role="img" aria-label="Meetings per month">',
        f'<line class="axis" x1="40" y1="{plot + 20}" x2="{width}" y2="{plot + 20}"/>',
    ]
    every = max(1, len(months) // 24)
    for i, (month, count) in enumerate(months):
        x = 45 + i * bar
        h = plot * count / top
        parts.append(
            f'<rect x="{x}" y="{plot + 20 - h:.1f}" width="{bar - 3}" height="{h:.1f}">'
            f"<title>{month}: {count}</title></rect>"
        )
        if count:
            parts.append(
                f'<text class="count" x="{x + (bar - 3) / 2:.1f}" y="{plot + 15 - h:.1f}">{count}</text>'
            )
        if i % every == 0:
            parts.append(
                f'<text class="month" transform="translate({x + (bar - 3) / 2:.1f},{plot + 28}) rotate(45)">'
                f"{month}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


# --------------------------------------------------------------------------
# The page
# --------------------------------------------------------------------------

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
