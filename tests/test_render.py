"""The HTML page of an analysis (diplomacy_ner.render), on an Analysis built by hand (no model),
and once in a real headless Chromium (scripts/check_render.py)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

import pytest

from diplomacy_ner.render import ENTITY_COLORS, entity_spans, highlight, render_html
from diplomacy_ner.schema import Analysis, Entity, EntityRef, Location, Meeting, Mention, Participant

REPO_ROOT = Path(__file__).resolve().parents[1]
CHECK_RENDER = REPO_ROOT / "scripts" / "check_render.py"

TEXT = (
    "\n\nLe ministre marocain des Affaires étrangères, Nasser Bourita, a reçu lundi à Rabat "
    "son homologue espagnol, José Manuel Albares.\n\n"
    "Les deux ministres ont évoqué l'accord de pêche et le rôle de l'Union européenne. "
    "<script>alert('x')</script> & «\u00a0fin\u00a0»."
)


def _mention(text: str, occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return Mention(start=start, end=start + len(text), text=text)


def _analysis() -> Analysis:
    bourita = Participant(
        name="Nasser Bourita",
        role="ministre des Affaires étrangères",
        country="MA",
        id="person:nasser-bourita",
        mentions=[_mention("Bourita")],
    )
    albares = Participant(
        name="José Manuel Albares",
        role="ministre des Affaires étrangères",
        country="ES",
        id="doc-person:jose-manuel-albares",
        mentions=[],
    )
    first_sentence = TEXT.index("Le ministre")
    first_end = TEXT.index("Albares.") + len("Albares.")
    second_sentence = TEXT.index("Les deux")
    second_end = TEXT.index("européenne.") + len("européenne.")
    held = Meeting(
        participants=[bourita, albares],
        host=bourita,
        kind="in_person",
        status="held",
        date=dt.date(2024, 3, 4),
        date_expression=_mention("lundi"),
        location=Location(name="Rabat", country="MA", mention=_mention("Rabat")),
        topics=["fisheries", "eu_relations"],
        bodies=[EntityRef(id="body:UE", name="Union européenne", acronym="UE")],
        agreements=[EntityRef(id="agreement:peche", name="accord de pêche")],
        evidence=[
            Mention(start=first_sentence, end=first_end, text=TEXT[first_sentence:first_end]),
            Mention(start=second_sentence, end=second_end, text=TEXT[second_sentence:second_end]),
        ],
        confidence=0.87,
    )
    planned = Meeting(participants=[albares, bourita], status="planned", confidence=0.4)
    entities = [
        Entity(
            id="person:nasser-bourita",
            type="person",
            name="Nasser Bourita",
            role="ministre des Affaires étrangères",
            in_kb=True,
            mentions=[
                _mention("Nasser Bourita"),
                _mention("Bourita", 0),
            ],  # overlapping: the longer one stays
        ),
        Entity(
            id="doc-person:jose-manuel-albares",
            type="person",
            name="José Manuel Albares",
            mentions=[_mention("José Manuel Albares")],
        ),
        Entity(id="country:MA", type="country", name="Maroc", code="MA", mentions=[_mention("marocain")]),
        Entity(id="country:ES", type="country", name="Espagne", code="ES", mentions=[_mention("espagnol")]),
        Entity(
            id="body:UE",
            type="body",
            name="Union européenne",
            acronym="UE",
            mentions=[_mention("Union européenne")],
        ),
        Entity(
            id="agreement:peche",
            type="agreement",
            name="accord de pêche",
            mentions=[_mention("accord de pêche")],
        ),
        Entity(id="place:rabat", type="place", name="Rabat", country="MA", mentions=[_mention("Rabat")]),
    ]
    return Analysis(text=TEXT, published=dt.date(2024, 3, 6), entities=entities, meetings=[held, planned])


class _Collector(HTMLParser):
    """Collects the page's marks, tables and script elements (and checks it parses)."""

    def __init__(self) -> None:
        super().__init__()
        self.entity_marks: list[tuple[str, str]] = []  # (entity id, text)
        self.evidence_marks: list[tuple[str, str]] = []  # (class, text)
        self.tables: list[str] = []
        self.scripts = 0
        self.external: list[str] = []
        self._stack: list[tuple[str, dict[str, str | None]]] = []
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "table":
            self.tables.append(attributes.get("class") or "")
        for name in ("src", "href"):
            if attributes.get(name):
                self.external.append(str(attributes[name]))
        if tag == "link":
            self.external.append(str(attributes))
        if tag == "mark":
            self._stack.append((tag, attributes))
            self._text = []

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._stack:
            # the label <span> of a displaCy entity: keep only the entity text before it
            self._text = [self._text[0]] if self._text else []
        if tag == "mark" and self._stack:
            _, attributes = self._stack.pop()
            text = " ".join("".join(self._text).split())
            if attributes.get("class") == "entity":
                self.entity_marks.append((str(attributes.get("data-entity-id")), text))
            else:
                self.evidence_marks.append((str(attributes.get("class")), text))


def _parse(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    collector.close()
    return collector


def test_every_entity_mention_is_marked_with_its_label_and_colour():
    analysis = _analysis()
    page = render_html(analysis)
    parsed = _parse(page)
    assert parsed.entity_marks == [
        ("country:MA", "marocain"),
        ("person:nasser-bourita", "Nasser Bourita"),
        ("place:rabat", "Rabat"),
        ("country:ES", "espagnol"),
        ("doc-person:jose-manuel-albares", "José Manuel Albares"),
        ("agreement:peche", "accord de pêche"),
        ("body:UE", "Union européenne"),
    ]
    for label, colour in ENTITY_COLORS.items():
        assert f"background: {colour}" in page
        assert f">{label}</span>" in page


def test_entity_spans_are_sorted_and_do_not_overlap():
    spans = entity_spans(_analysis())
    assert [s["start"] for s in spans] == sorted(s["start"] for s in spans)
    assert all(a["end"] <= b["start"] for a, b in zip(spans, spans[1:], strict=False))
    bourita = next(s for s in spans if s["label"] == "PERSON")
    assert TEXT[bourita["start"] : bourita["end"]] == "Nasser Bourita"


def test_meetings_table_has_every_field():
    page = render_html(_analysis())
    parsed = _parse(page)
    assert "meetings" in parsed.tables and "entities-list" in parsed.tables
    table = page[page.index('<table class="meetings">') : page.index("</table>")]
    for header in (
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
    ):
        assert f"<th>{header}</th>" in table
    for value in (
        "<b>Nasser Bourita</b> — ministre des Affaires étrangères, MA",
        "<b>José Manuel Albares</b> — ministre des Affaires étrangères, ES",
        "in person",
        '<span class="status-held">held</span>',
        '<span class="status-planned">planned</span>',
        "2024-03-04",
        "Rabat (MA)",
        "fisheries, eu_relations",
        "<td>UE</td>",
        "accord de pêche",
        "0.87",
    ):
        assert value in table, value
    assert len(re.findall(r'<tr class="meeting">', table)) == 2


def test_evidence_sentences_mark_the_participants():
    parsed = _parse(render_html(_analysis()))
    assert ("participant", "Nasser Bourita") in parsed.evidence_marks  # through the entity id
    assert ("when", "lundi") in parsed.evidence_marks
    assert ("where", "Rabat") in parsed.evidence_marks
    # the unnamed-in-text participant has no mention: nothing else is marked
    assert {cls for cls, _ in parsed.evidence_marks} == {"participant", "when", "where"}


def test_text_is_escaped():
    page = render_html(_analysis(), title="<b>Maroc & Espagne</b>")
    parsed = _parse(page)
    assert parsed.scripts == 0
    assert "<script>" not in page
    # in the text view (displaCy escapes it) and in no other form
    assert page.count("&lt;script&gt;alert(") == 1 and "&lt;/script&gt;" in page
    assert "<title>&lt;b&gt;Maroc &amp; Espagne&lt;/b&gt;</title>" in page
    assert "<b>Maroc" not in page


def test_page_is_self_contained():
    parsed = _parse(render_html(_analysis()))
    assert parsed.external == []


def test_default_title_and_empty_analysis():
    page = render_html(Analysis(text="# **Maroc-Espagne : un entretien**\n\nRien.", published=None))
    assert "<title>Maroc-Espagne : un entretien</title>" in page
    assert "No meeting found." in page and "No entity found." in page and "Published: unknown" in page


def test_highlight_escapes_and_clips():
    text = "a <b> c d"
    assert highlight(text, 0, len(text), [(2, 5, "participant"), (3, 9, "when")]) == (
        'a <mark class="participant">&lt;b&gt;</mark> c d'
    )
    assert highlight(text, 6, 9, [(0, 7, "participant")]) == '<mark class="participant">c</mark> d'


def _load_check_render() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_render", CHECK_RENDER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.browser
@pytest.mark.skipif(
    shutil.which("chromium") is None, reason="chromium is not on PATH (apt-get install chromium)"
)
def test_renders_in_chromium(tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text(render_html(_analysis()), encoding="utf-8")
    png = tmp_path / "page.png"
    completed = subprocess.run(
        [sys.executable, str(CHECK_RENDER), str(page), "--png", str(png)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    assert png.is_file() and png.stat().st_size > 20_000  # a blank 1280x2000 page is about 12 kB
    stats = _load_check_render().png_stats(png)
    assert (stats.width, stats.height) == (1280, 2000)
    assert stats.ink_fraction > 0.01
