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

from .charts import country_pairs, hosts, meeting_edges, meetings_per_month, month_chart_svg, network_svg, node_of
from .corpus import (
    REPORT_SUFFIXES,
    Corpus,
    NodeKind,
    ReportMeeting,
    Side,
    attach_evidence,
    read_corpus,
    read_texts,
    report_files,
)
from .page import plural, render_report

__all__ = [
    "REPORT_SUFFIXES",
    "Corpus",
    "NodeKind",
    "ReportMeeting",
    "Side",
    "attach_evidence",
    "country_pairs",
    "hosts",
    "meeting_edges",
    "meetings_per_month",
    "month_chart_svg",
    "network_svg",
    "node_of",
    "plural",
    "read_corpus",
    "read_texts",
    "render_report",
    "report_files",
]
