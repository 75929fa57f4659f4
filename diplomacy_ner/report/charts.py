"""Counting the meetings of a corpus and drawing them: the who-met-whom network and the months chart (inline SVG)."""

from __future__ import annotations

import colorsys
import hashlib
import html
import math
from collections import Counter
from collections.abc import Sequence
from itertools import combinations
from typing import Any

from .corpus import Corpus, NodeKind, Side

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


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


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
