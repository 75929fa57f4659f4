"""The corpus report (diplomacy_ner.report, ``diplomacy-ner report``) on invented meetings, and once
in a real headless Chromium (scripts/check_render.py)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from diplomacy_ner import cli
from diplomacy_ner.report import (
    NodeKind,
    country_pairs,
    hosts,
    meeting_edges,
    meetings_per_month,
    read_corpus,
    render_report,
)
from diplomacy_ner.schema import Analysis, Location, Meeting, Mention, Participant

REPO_ROOT = Path(__file__).resolve().parents[1]
CHECK_RENDER = REPO_ROOT / "scripts" / "check_render.py"
runner = CliRunner()

# invented officials of real countries, in invented situations
TEXT = "Rabat - Karim Benjelloun a reçu lundi Rui Ventoso. <script>alert(1)</script> Les deux ont parlé."
KARIM = Participant(name="Karim Benjelloun", role="ministre de l'Intérieur", country="MA", id="doc-person:kb")
RUI = Participant(
    name="Rui Ventoso", role="ministre de l'Administration interne", country="PT", id="doc-person:rv"
)
LINA = Participant(
    name="Lina <b>Okafor</b>", role="ministre des Affaires étrangères", country="NG", id="doc-person:lo"
)
UNNAMED = Participant(name=None, role="ambassadeur", country="CN")


def _meeting(
    people: list[Participant], day: dt.date | None, host: Participant | None, status: str = "held"
) -> Meeting:
    start = TEXT.index("Karim")
    return Meeting(
        participants=people,
        host=host,
        status=status,  # type: ignore[arg-type]
        date=day,
        location=Location(name="Rabat", country="MA"),
        evidence=[Mention(start=start, end=start + 42, text=TEXT[start : start + 42])],
        confidence=0.9,
    )


def _records() -> list[dict]:
    analyses = {
        "a1": Analysis(
            text=TEXT,
            published=dt.date(2026, 1, 20),
            meetings=[
                _meeting([KARIM, RUI], dt.date(2026, 1, 19), KARIM),
                _meeting([KARIM, RUI], None, None, status="planned"),
            ],
        ),
        "a2": Analysis(
            text=TEXT,
            published=dt.date(2026, 3, 2),
            meetings=[
                _meeting([KARIM, RUI, LINA], dt.date(2026, 3, 2), KARIM),
            ],
        ),
        "a3": Analysis(
            text=TEXT, published=dt.date(2026, 3, 9), meetings=[_meeting([LINA, UNNAMED], None, LINA)]
        ),
        "a4": Analysis(text="Rien.", published=None),
    }
    records = [
        {
            "id": doc_id,
            "published": a.published.isoformat() if a.published else None,
            "meetings": [m.model_dump(mode="json") for m in a.meetings],
            "entities": [],
        }
        for doc_id, a in analyses.items()
    ]
    return [*records, {"id": "a5", "error": "[D030] boom"}]


@pytest.fixture
def meetings_jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "meetings.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records()), encoding="utf-8")
    return path


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.external: list[str] = []
        self.scripts = 0
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.svgs = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "svg":
            self.svgs += 1
        if values.get("id"):
            self.ids.add(values["id"] or "")
        for name in ("src", "href"):
            value = values.get(name) or ""
            if value.startswith("#"):
                self.links.append(value[1:])
            elif value:
                self.external.append(value)


def _parse(page: str) -> _Page:
    parsed = _Page()
    parsed.feed(page)
    return parsed


def test_read_corpus_keeps_held_meetings_and_counts_articles(meetings_jsonl: Path) -> None:
    corpus = read_corpus([meetings_jsonl])
    assert [m.article_id for m in corpus.meetings] == ["a1", "a2", "a3"]
    assert corpus.articles == {"a1", "a2", "a3", "a4", "a5"} and corpus.failed == 1
    assert len(read_corpus([meetings_jsonl], statuses=("held", "planned")).meetings) == 4
    assert corpus.meetings[0].evidence == ["Karim Benjelloun a reçu lundi Rui Ventoso."]


def test_counts_of_the_report(meetings_jsonl: Path) -> None:
    corpus = read_corpus([meetings_jsonl])
    assert meeting_edges(corpus, NodeKind.officials)[("Karim Benjelloun", "Rui Ventoso")] == 2
    assert meeting_edges(corpus, NodeKind.officials)[("(ambassadeur, CN)", "Lina <b>Okafor</b>")] == 1
    assert country_pairs(corpus).most_common(1) == [(("MA", "PT"), 2)]
    assert country_pairs(corpus)[("CN", "NG")] == 1
    assert hosts(corpus).most_common(1) == [("Karim Benjelloun", 2)]
    # a3 has no meeting date: its publication month counts; February is shown empty
    assert meetings_per_month(corpus) == [("2026-01", 1), ("2026-02", 0), ("2026-03", 2)]


def test_page_is_self_contained_escaped_and_links_every_meeting_to_its_evidence(meetings_jsonl: Path) -> None:
    page = render_report(read_corpus([meetings_jsonl]), title="Rapport <test>")
    parsed = _parse(page)
    assert parsed.external == [] and parsed.scripts == 0
    assert parsed.svgs == 2  # the network and the monthly chart
    assert "<b>Okafor" not in page and "Lina &lt;b&gt;Okafor&lt;/b&gt;" in page
    assert "<title>Rapport &lt;test&gt;</title>" in page
    assert "3 meetings in 5 articles, 1 article failed, 2026-01-19 to 2026-03-09." in page
    assert {"m-1", "m-2", "m-3"} <= parsed.ids and {"m-1", "m-2", "m-3"} <= set(parsed.links)
    assert set(parsed.links) <= parsed.ids  # every in-page link has its target
    for heading in ("Who met whom", "Meetings per month", "Country pairs", "Hosts", "Evidence"):
        assert heading in page
    assert '<td>MA – PT</td><td class="n">2</td>' in page


def test_country_nodes_and_an_empty_corpus(meetings_jsonl: Path, tmp_path: Path) -> None:
    page = render_report(read_corpus([meetings_jsonl]), nodes=NodeKind.countries)
    assert re.search(r"<title>MA — PT: 2 meetings</title>", page)
    empty = tmp_path / "none.jsonl"
    empty.write_text('{"id": "x", "meetings": [], "entities": []}\n', encoding="utf-8")
    page = render_report(read_corpus([empty]))
    assert "0 meetings in 1 article." in page and "No meeting with two identified sides." in page


def test_parquet_rows_of_extract_corpus_are_read_back_into_meetings(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    pytest.importorskip("dask")
    import pyarrow.parquet as pq

    from diplomacy_ner.distributed import meeting_rows, rows_to_table
    from diplomacy_ner.schema import DocumentResult

    rows = []
    for index, record in enumerate(_records()):
        if "error" in record:
            result = DocumentResult(id=record["id"], index=index, error=record["error"])
        else:
            analysis = Analysis(text=TEXT, published=record["published"], meetings=record["meetings"])
            result = DocumentResult(id=record["id"], index=index, analysis=analysis)
        rows.extend(meeting_rows(result))
    parquet = tmp_path / "meetings.parquet"
    pq.write_table(rows_to_table(rows), parquet)
    corpus = read_corpus([parquet])
    assert [(m.article_id, len(m.participants)) for m in corpus.meetings] == [("a1", 2), ("a2", 3), ("a3", 2)]
    assert corpus.failed == 1 and corpus.meetings[0].evidence == []
    texts = tmp_path / "articles.jsonl"
    texts.write_text(
        "".join(json.dumps({"id": f"a{i}", "text": TEXT}) + "\n" for i in (1, 2, 3)), encoding="utf-8"
    )
    result = runner.invoke(
        cli.app, ["report", str(parquet), "--texts", str(texts), "-o", str(tmp_path / "r.html")]
    )
    assert result.exit_code == 0, result.output
    assert "Karim Benjelloun a reçu lundi Rui Ventoso." in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_report_command_reads_files_and_directories(meetings_jsonl: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = runner.invoke(cli.app, ["report", str(meetings_jsonl.parent), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote {out}: 3 meetings in 5 articles" in result.stderr
    assert "Who met whom" in out.read_text(encoding="utf-8")
    bad = runner.invoke(cli.app, ["report", str(meetings_jsonl), "--nodes", "cities"])
    assert bad.exit_code == 2
    nothing = tmp_path / "empty"
    nothing.mkdir()
    assert runner.invoke(cli.app, ["report", str(nothing)]).exit_code == 2


def _load_check_render() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_render", CHECK_RENDER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.browser
@pytest.mark.skipif(
    shutil.which("chromium") is None, reason="chromium is not on PATH (apt-get install chromium)"
)
def test_report_renders_in_chromium(meetings_jsonl: Path, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render_report(read_corpus([meetings_jsonl])), encoding="utf-8")
    png = tmp_path / "report.png"
    completed = subprocess.run(
        [sys.executable, str(CHECK_RENDER), str(page), "--png", str(png)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    check_render = _load_check_render()
    stats = check_render.png_stats(png)
    assert stats.ink_fraction > 0.01
    text = check_render.rendered_text(page, chromium=check_render.find_chromium())
    for words in (
        "Who met whom",
        "Meetings per month",
        "MA – PT",
        "Karim Benjelloun a reçu lundi Rui Ventoso.",
    ):
        assert words in text, words
