"""The ``diplomacy-ner`` command line, through typer's ``CliRunner`` and a real subprocess.

Most tests replace the extractor with :class:`FakeExtractor` (a hand-written
``pipe`` that returns known analyses) so that reading inputs, ordering,
error records, formats and exit codes are checked in milliseconds. The tests
marked ``slow`` run the real pipeline, shared through the session-scoped
``extractor`` fixture of ``conftest.py``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import spacy
from typer.testing import CliRunner

from diplomacy_ner import cli
from diplomacy_ner.about import __version__
from diplomacy_ner.evaluate import evaluate
from diplomacy_ner.schema import (
    Analysis,
    DocumentResult,
    Entity,
    EntityRef,
    Location,
    Meeting,
    Mention,
    Participant,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
GOLD = REPO_ROOT / "data" / "eval_fixture" / "gold.jsonl"
PREDICTIONS = REPO_ROOT / "data" / "eval_fixture" / "predictions.jsonl"
REFERENCE_SCORER = (
    Path(os.environ.get("DIPLOMACY_SHARED", REPO_ROOT.parent / "shared")) / "scripts" / "score.py"
)

ARTICLE = (
    "Le ministre marocain des Affaires étrangères, Nasser Bourita, a reçu lundi à Rabat "
    "son homologue espagnol, José Manuel Albares."
)
HTML_ARTICLE = (
    "<html><head><meta property='article:published_time' content='2024-03-06T10:00:00Z'>"
    "<title>Maroc-Espagne</title><style>p {color: red}</style></head><body>"
    "<h1>Maroc-Espagne</h1><p>Le ministre marocain des Affaires étrang&egrave;res, "
    "<a href='/bourita'>Nasser Bourita</a>, a re&ccedil;u lundi &agrave; Rabat son homologue.</p>"
    "<p>Les deux ministres ont parl&eacute; de migration.</p></body></html>"
)

runner = CliRunner()


# --------------------------------------------------------------------------
# A stand-in extractor with a known output
# --------------------------------------------------------------------------


def _meeting(status: str, text: str) -> Meeting:
    start = text.find("Bourita")
    mention = [Mention(start=start, end=start + 7, text="Bourita")] if start >= 0 else []
    return Meeting(
        participants=[
            Participant(
                name="Nasser Bourita", role="ministre des Affaires étrangères", country="MA", mentions=mention
            ),
            Participant(name="José Manuel Albares", role="ministre des Affaires étrangères", country="ES"),
        ],
        host=Participant(name="Nasser Bourita", country="MA"),
        status=status,  # type: ignore[arg-type]
        date=dt.date(2024, 3, 4),
        location=Location(name="Rabat", country="MA"),
        topics=["migration"],
        bodies=[EntityRef(id="body:UE", name="Union européenne", acronym="UE")],
        confidence=0.8,
    )


class FakeExtractor:
    """``Extractor.pipe`` with a known result: every text gets one held and one planned
    meeting, except a text containing "NOTHING", which gets none; a text containing
    "FAIL" gets an error record, like a failing component."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def pipe(
        self,
        texts: Iterable[tuple[str, dict[str, Any]]],
        *,
        batch_size: int = 32,
        n_process: int = 1,
        as_tuples: bool = False,
        published: str | None = None,
        meetings_only: bool = False,
    ) -> Iterator[tuple[DocumentResult, dict[str, Any]]]:
        assert as_tuples, "the CLI sends (text, context) pairs"
        self.calls.append({"batch_size": batch_size, "n_process": n_process, "published": published})
        self.meetings_only = meetings_only
        for index, (text, context) in enumerate(texts):
            day = context.get("published") or published
            if "FAIL" in text:
                yield DocumentResult(id=context["id"], index=index, error="diplomacy_meetings: boom"), context
                continue
            analysis = Analysis(
                text=text,
                published=dt.date.fromisoformat(day[:10]) if day else None,
                entities=[Entity(id="country:MA", type="country", name="Maroc", code="MA")],
                meetings=[] if "NOTHING" in text else [_meeting("held", text), _meeting("planned", text)],
            )
            yield DocumentResult(id=context["id"], index=index, analysis=analysis), context

    def analyze(self, text: str, *, published: Any = None) -> Analysis:
        result, _ = next(self.pipe([(text, {"id": "x", "published": published})], as_tuples=True))
        assert result.analysis is not None
        return result.analysis


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeExtractor:
    extractor = FakeExtractor()
    monkeypatch.setattr(cli.common, "make_extractor", lambda **_: extractor)
    return extractor


@pytest.fixture
def cli_extractor(extractor: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The session pipeline, used by the CLI instead of building one."""
    monkeypatch.setattr(cli.common, "make_extractor", lambda **_: extractor)
    return extractor


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A directory with one document of each kind, a nested folder, an unreadable file
    (invalid UTF-8), a JSONL file with a bad line, and files that are not inputs."""
    root = tmp_path / "corpus"
    (root / "nested").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "b.md").write_text("# Titre\n\n" + ARTICLE, encoding="utf-8")
    (root / "nested" / "c.html").write_text(HTML_ARTICLE, encoding="utf-8")
    lines = [
        json.dumps({"id": "j1", "published": "2024-03-06", "text": ARTICLE}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "j3", "text": ARTICLE}, ensure_ascii=False),
    ]
    (root / "nested" / "d.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "e.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d\x00\x01" * 5)  # no encoding reads it
    (root / "notes.csv").write_text("ignored", encoding="utf-8")
    (root / ".hidden" / "x.txt").write_text("ignored", encoding="utf-8")
    return root


# Expected ids of corpus_dir, in output order (sorted paths; JSONL lines in file order).
def _corpus_ids(root: Path) -> list[str]:
    return [
        str(root / "a.txt"),
        str(root / "b.md"),
        str(root / "e.txt"),
        str(root / "nested" / "c.html"),
        "j1",
        f"{root / 'nested' / 'd.jsonl'}:2",
        "j3",
    ]


def _jsonl(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


# --------------------------------------------------------------------------
# Help, version, schema
# --------------------------------------------------------------------------


COMMANDS = [
    ["extract"],
    ["render"],
    ["evaluate"],
    ["schema"],
    ["extract-corpus"],
    ["kb", "validate"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
def test_help_of_every_command_shows_an_example(command: list[str]):
    result = runner.invoke(cli.app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output
    assert "Example" in result.output
    assert f"$ diplomacy-ner {' '.join(command)}" in result.output


@pytest.mark.parametrize("args", [["--help"], ["kb", "--help"], []], ids=["app", "kb", "no-args"])
def test_top_level_help_lists_the_commands(args: list[str]):
    result = runner.invoke(cli.app, args)
    assert "Usage" in result.output
    for name in (
        ("extract", "render", "evaluate", "schema", "extract-corpus")
        if args != ["kb", "--help"]
        else ("validate",)
    ):
        assert name in result.output


def test_version():
    result = runner.invoke(cli.app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"diplomacy-ner {__version__}"


def test_schema_prints_the_analysis_json_schema():
    result = runner.invoke(cli.app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Analysis"
    assert {"Meeting", "Participant", "Entity", "Mention"} <= set(schema["$defs"])
    assert schema["properties"]["meetings"]["items"] == {"$ref": "#/$defs/Meeting"}


def test_subprocess_version_and_schema():
    """The module runs as a program (python -m diplomacy_ner.cli) without loading the model."""
    version = subprocess.run(
        [sys.executable, "-m", "diplomacy_ner.cli", "--version"], capture_output=True, text=True, check=False
    )
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"diplomacy-ner {__version__}"
    schema = subprocess.run(
        [sys.executable, "-m", "diplomacy_ner.cli", "schema"], capture_output=True, text=True, check=False
    )
    assert schema.returncode == 0, schema.stderr
    assert json.loads(schema.stdout)["title"] == "Analysis"


# --------------------------------------------------------------------------
# Reading inputs
# --------------------------------------------------------------------------


def test_inputs_of_a_directory_in_order_with_unreadable_ones(corpus_dir: Path):
    documents = list(cli.iter_input_documents([str(corpus_dir)]))
    assert [d.id for d in documents] == _corpus_ids(corpus_dir)
    by_id = {d.id: d for d in documents}
    assert by_id[str(corpus_dir / "a.txt")].text == ARTICLE
    assert by_id["j1"].published == "2024-03-06" and by_id["j3"].published is None
    bad_utf8 = by_id[str(corpus_dir / "e.txt")]
    assert bad_utf8.text is None and "not valid UTF-8" in (bad_utf8.error or "")
    bad_line = by_id[f"{corpus_dir / 'nested' / 'd.jsonl'}:2"]
    assert bad_line.text is None and f"[D010] {corpus_dir / 'nested' / 'd.jsonl'}:2: invalid JSON" in (bad_line.error or "")


def test_html_is_converted_to_text_with_paragraphs_and_its_date(corpus_dir: Path):
    (document,) = cli.iter_input_documents([str(corpus_dir / "nested" / "c.html")])
    assert document.published == "2024-03-06"
    assert document.text is not None
    assert "Nasser Bourita, a reçu lundi à Rabat son homologue." in document.text
    assert "\n\nLes deux ministres ont parlé de migration." in document.text
    assert "<" not in document.text and "color: red" not in document.text and "/bourita" not in document.text


def test_html_in_a_declared_legacy_charset(tmp_path: Path):
    page = tmp_path / "latin1.htm"
    page.write_bytes(
        b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
        b"<body><p>Le ministre a re\xe7u \xe0 Rabat.</p></body></html>"
    )
    (document,) = cli.iter_input_documents([str(page)])
    assert document.error is None and document.text is not None
    assert "Le ministre a reçu à Rabat." in document.text


LATIN_ARTICLE = "Le ministre de l'Intérieur a reçu à Rabat son homologue français, « en visite »."


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_a_file_in_a_legacy_encoding_is_detected(tmp_path: Path, encoding: str):
    # regression: failed with "not valid UTF-8 (invalid continuation byte at byte 16)"
    path = tmp_path / "article.txt"
    path.write_bytes(LATIN_ARTICLE.encode(encoding))
    (document,) = cli.iter_input_documents([str(path)])
    assert (document.error, document.text) == (None, LATIN_ARTICLE)


def test_encoding_can_be_forced_and_a_wrong_one_is_named(tmp_path: Path):
    path = tmp_path / "article.txt"
    path.write_bytes("Un texte en cp1252 : l’été — fin.".encode("cp1252"))
    (forced,) = cli.iter_input_documents([str(path)], encoding="cp1252")
    assert forced.text == "Un texte en cp1252 : l’été — fin."
    (wrong,) = cli.iter_input_documents([str(path)], encoding="utf-8")
    assert wrong.text is None
    assert wrong.error is not None
    assert wrong.error.startswith(f"[D051] {path}: cannot decode the file as utf-8")
    assert "--encoding" in wrong.error


def test_an_undecodable_file_names_the_encodings_tried_and_the_option(corpus_dir: Path):
    (document,) = cli.iter_input_documents([str(corpus_dir / "e.txt")])
    assert document.error is not None and "[D051]" in document.error
    assert "UTF-8, cp1252, latin_1" in document.error and "--encoding" in document.error


def test_extract_encoding_option(fake: FakeExtractor, tmp_path: Path):
    path = tmp_path / "article.txt"
    path.write_bytes(LATIN_ARTICLE.encode("latin-1"))
    result = runner.invoke(cli.app, ["extract", str(path), "--encoding", "latin-1", "-f", "jsonl", "-q"])
    assert result.exit_code == 0, result.output
    [record] = _jsonl(result.stdout)
    assert "error" not in record and record["meetings"]
    unknown = runner.invoke(cli.app, ["extract", str(path), "--encoding", "klingon", "-q"])
    assert unknown.exit_code == 2 and "[D052]" in unknown.output


def test_jsonl_lines_without_text_are_errors(tmp_path: Path):
    path = tmp_path / "news.jsonl"
    path.write_text('{"id": "ok", "text": "Bonjour."}\n[1, 2]\n{"id": "no-text"}\n{"id": 7, "text": 3}\n\n')
    documents = list(cli.iter_input_documents([str(path)]))
    assert [(d.id, d.error is None) for d in documents] == [
        ("ok", True),
        (f"{path}:2", False),
        ("no-text", False),
        ("7", False),
    ]
    # the strict JSONL reader's errors: file, line and field
    assert documents[1].error == f"[D012] {path}:2: the record is not a JSON object (got list)."
    assert documents[2].error == f"[D011] {path}:3: field `text`: required"
    assert documents[3].error == f"[D011] {path}:4: field `text`: a int, not a string"


def test_missing_and_unsupported_files_are_errors(tmp_path: Path):
    other = tmp_path / "table.csv"
    other.write_text("a,b\n")
    documents = list(cli.iter_input_documents([str(tmp_path / "missing.txt"), str(other)]))
    assert "[D014]" in (documents[0].error or "")
    assert "[D050]" in (documents[1].error or "")


def test_stdin_is_one_document():
    (document,) = cli.iter_input_documents(["-"], stdin=io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    assert (document.id, document.text) == ("<stdin>", ARTICLE)


def test_bundled_sample_is_the_leconomiste_article():
    text = cli.sample_text()
    assert "Abdelouafi Laftit a reçu, lundi à Rabat" in text
    assert "Source" in text and "leconomiste.com" in text
    assert cli.SAMPLE_PUBLISHED == "2024-04-22"


# --------------------------------------------------------------------------
# extract, with the stand-in extractor
# --------------------------------------------------------------------------


def test_extract_directory_keeps_order_reports_errors_and_exits_1(fake: FakeExtractor, corpus_dir: Path):
    (corpus_dir / "f.txt").write_text("FAIL in a component", encoding="utf-8")
    result = runner.invoke(cli.app, ["extract", str(corpus_dir), "--format", "jsonl", "--quiet"])
    assert result.exit_code == 1
    records = _jsonl(result.stdout)
    expected = _corpus_ids(corpus_dir)
    expected.insert(3, str(corpus_dir / "f.txt"))
    assert [r["id"] for r in records] == expected
    failed = {r["id"]: r["error"] for r in records if "error" in r}
    assert set(failed) == {
        str(corpus_dir / "e.txt"),
        f"{corpus_dir / 'nested' / 'd.jsonl'}:2",
        str(corpus_dir / "f.txt"),
    }
    assert all(set(r) == {"id", "error"} for r in records if "error" in r)
    # every failure is on stderr, with its path and reason
    for doc_id, reason in failed.items():
        assert f"{doc_id}: {reason}" in result.stderr
    good = [r for r in records if "error" not in r]
    assert all(set(r) == {"id", "published", "meetings", "entities"} for r in good)
    assert len(good) == 5


def test_extract_passes_dates_batch_options_and_published(fake: FakeExtractor, corpus_dir: Path):
    args = ["extract", str(corpus_dir / "nested"), "--published", "2024-01-02", "--batch-size", "4", "-q"]
    result = runner.invoke(cli.app, [*args, "--n-process", "2", "--format", "jsonl"])
    records = {r["id"]: r for r in _jsonl(result.stdout)}
    assert fake.calls == [{"batch_size": 4, "n_process": 2, "published": "2024-01-02"}]
    assert records["j1"]["published"] == "2024-03-06"  # its own date wins
    assert records["j3"]["published"] == "2024-01-02"  # the default
    assert records[str(corpus_dir / "nested" / "c.html")]["published"] == "2024-03-06"  # from <meta>


def test_extract_gate_switch_asks_for_meetings_only(fake: FakeExtractor, tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    runner.invoke(cli.app, ["extract", str(path), "-f", "jsonl", "-q"])
    assert fake.meetings_only is False  # extract promises entities: the gate is off by default
    runner.invoke(cli.app, ["extract", str(path), "-f", "jsonl", "-q", "--gate"])
    assert fake.meetings_only is True


def test_extract_held_meetings_unless_all_statuses(fake: FakeExtractor, tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    held = _jsonl(runner.invoke(cli.app, ["extract", str(path), "-f", "jsonl", "-q"]).stdout)
    every = _jsonl(
        runner.invoke(cli.app, ["extract", str(path), "-f", "jsonl", "-q", "--all-statuses"]).stdout
    )
    assert [m["status"] for m in held[0]["meetings"]] == ["held"]
    assert [m["status"] for m in every[0]["meetings"]] == ["held", "planned"]
    meeting = held[0]["meetings"][0]
    assert Meeting.model_validate(meeting).participants[0].name == "Nasser Bourita"
    assert meeting["date"] == "2024-03-04" and meeting["participants"][0]["mentions"][0]["text"] == "Bourita"


def test_extract_json_is_one_array(fake: FakeExtractor, corpus_dir: Path):
    result = runner.invoke(cli.app, ["extract", str(corpus_dir), "--quiet"])
    records = json.loads(result.stdout)
    assert isinstance(records, list) and [r["id"] for r in records] == _corpus_ids(corpus_dir)
    assert "Affaires étrangères" in result.stdout  # ensure_ascii=False


def test_extract_json_of_nothing_is_an_empty_array(fake: FakeExtractor, tmp_path: Path):
    result = runner.invoke(cli.app, ["extract", str(tmp_path), "--quiet"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_extract_csv_one_row_per_participant(fake: FakeExtractor, corpus_dir: Path, tmp_path: Path):
    out = tmp_path / "meetings.csv"
    result = runner.invoke(cli.app, ["extract", str(corpus_dir), "--format", "csv", "-o", str(out), "-q"])
    assert result.exit_code == 1 and result.stdout == ""
    with out.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == cli.CSV_COLUMNS
        rows = list(reader)
    good = [row for row in rows if not row["error"]]
    assert len(good) == 5 * 2  # five documents, one held meeting of two participants each
    first = good[0]
    assert (first["participant"], first["participant_country"], first["host"]) == (
        "Nasser Bourita",
        "MA",
        "Nasser Bourita",
    )
    assert (first["location"], first["topics"], first["bodies"], first["status"]) == (
        "Rabat",
        "migration",
        "Union européenne",
        "held",
    )
    assert [row["id"] for row in rows if row["error"]] == [
        str(corpus_dir / "e.txt"),
        f"{corpus_dir / 'nested' / 'd.jsonl'}:2",
    ]


def test_extract_table(fake: FakeExtractor, tmp_path: Path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("FAIL", encoding="utf-8")
    result = runner.invoke(cli.app, ["extract", str(tmp_path), "--format", "table", "-q"])
    assert result.exit_code == 1
    assert "Meetings" in result.stdout
    assert "Nasser Bourita" in result.stdout and "Rabat (MA)" in result.stdout
    assert "boom" in result.stdout


def test_extract_table_stays_readable_at_80_columns(fake: FakeExtractor, tmp_path: Path):
    # regression: every cell was cut ("Abdelo…") in an 80-column terminal
    long_name = tmp_path / "a_very_long_article_file_name_from_a_newsroom_archive.txt"
    long_name.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("NOTHING here", encoding="utf-8")
    args = ["extract", str(tmp_path), "--format", "table", "-q"]
    result = runner.invoke(cli.app, args, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "…" not in out
    assert max(len(line) for line in out.splitlines()) <= 80
    wholes = ("Nasser Bourita (ministre des Affaires étrangères, MA)", "José Manuel Albares", "Rabat (MA)")
    for whole in (*wholes, "in_person", "migration", "0.80", "no meeting found"):
        assert whole in " ".join(line.strip("│ ") for line in out.splitlines()), whole
    wide = runner.invoke(cli.app, args, env={"COLUMNS": "160"})
    assert "┃ Participants" in wide.stdout  # wide enough: the table


def test_extract_csv_keeps_a_row_for_an_article_without_meetings(fake: FakeExtractor, tmp_path: Path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("NOTHING to report", encoding="utf-8")
    args = ["extract", str(tmp_path), "--format", "csv", "-q", "--published", "2024-03-04"]
    result = runner.invoke(cli.app, args)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    empty = [row for row in rows if row["id"] == str(tmp_path / "b.txt")]
    assert len(empty) == 1
    assert empty[0]["published"] == "2024-03-04" and empty[0]["meeting"] == "" and empty[0]["error"] == ""
    assert len(rows) == 2 + 1  # two participants of a.txt's meeting, one row for b.txt


def test_progress_counts_the_characters_of_a_long_document_chunk_by_chunk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # regression: a 10 MB text showed "0/1" until it was done
    from diplomacy_ner import Extractor

    extractor = Extractor(pipeline=spacy.blank("fr"), max_chunk_chars=60)
    monkeypatch.setattr(cli.common, "make_extractor", lambda **_: extractor)
    seen: list[int] = []
    original = cli.progress.CharacterProgress.chunk_done
    monkeypatch.setattr(
        cli.progress.CharacterProgress, "chunk_done", lambda self, n: (seen.append(n), original(self, n))[1]
    )
    text = "Un paragraphe de texte.\n\n" * 40
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    (tmp_path / "short.txt").write_text("Court.", encoding="utf-8")
    result = runner.invoke(cli.app, ["extract", str(tmp_path), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert len(seen) > 10 and sum(seen) == len(text)
    assert "100%" in result.stderr and "2/2 documents" in result.stderr
    assert extractor.on_chunk is None  # the callback does not outlive the command


def test_extractor_reports_each_chunk_of_a_long_text() -> None:
    from diplomacy_ner import Extractor

    extractor = Extractor(pipeline=spacy.blank("fr"), max_chunk_chars=50)
    chunks: list[int] = []
    extractor.on_chunk = chunks.append
    text = "Une phrase assez longue pour couper. " * 20
    extractor.analyze(text)
    assert len(chunks) > 1 and sum(chunks) == len(text)
    chunks.clear()
    extractor.analyze("Court.")
    assert chunks == []


def test_extract_stdin(fake: FakeExtractor):
    result = runner.invoke(cli.app, ["extract", "-", "-f", "jsonl", "-q"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    (record,) = _jsonl(result.stdout)
    assert record["id"] == "<stdin>" and len(record["meetings"]) == 1


def test_extract_sample_gets_its_date(fake: FakeExtractor):
    result = runner.invoke(cli.app, ["extract", "--sample", "-f", "jsonl", "-q"])
    (record,) = _jsonl(result.stdout)
    assert (record["id"], record["published"]) == ("sample_fr.txt", "2024-04-22")


def test_extract_progress_bar_goes_to_stderr(fake: FakeExtractor, tmp_path: Path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(cli.app, ["extract", str(tmp_path), "-f", "jsonl"])
    assert result.exit_code == 0
    assert "extracting" in result.stderr and "1/1" in result.stderr
    assert len(_jsonl(result.stdout)) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["extract"],
        ["extract", "x.txt", "--published", "22/04/2024"],
        ["extract", "x.txt", "--published", "20240422"],  # refused, as the README says
        ["extract", "x.txt", "--format", "xml"],
    ],
    ids=["no-input", "bad-date", "basic-iso-date", "bad-format"],
)
def test_extract_usage_errors_exit_2(fake: FakeExtractor, args: list[str]):
    result = runner.invoke(cli.app, args)
    assert result.exit_code == 2
    assert fake.calls == []


# --------------------------------------------------------------------------
# render, with the stand-in extractor
# --------------------------------------------------------------------------


def test_render_one_document_of_a_jsonl_file(fake: FakeExtractor, corpus_dir: Path, tmp_path: Path):
    source = str(corpus_dir / "nested" / "d.jsonl")
    ambiguous = runner.invoke(cli.app, ["render", source, "-o", str(tmp_path / "x.html")])
    assert ambiguous.exit_code == 2
    assert "holds 3 documents" in ambiguous.stderr and "--id" in ambiguous.stderr
    page = tmp_path / "j1.html"
    result = runner.invoke(cli.app, ["render", source, "--id", "j1", "-o", str(page), "--title", "J1"])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "<title>J1</title>" in html and "Published: 2024-03-06" in html
    assert '<span class="status-held">held</span>' in html
    assert f"wrote {page}: 1 entity, 2 meetings (1 held)" in result.stderr  # regression: "1 entities"


def test_render_to_stdout_and_unreadable_input(fake: FakeExtractor, corpus_dir: Path):
    result = runner.invoke(cli.app, ["render", str(corpus_dir / "a.txt")])
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>")
    bad = runner.invoke(cli.app, ["render", str(corpus_dir / "e.txt"), "-o", "-"])
    assert bad.exit_code == 1 and "not valid UTF-8" in bad.stderr and bad.stdout == ""
    both = runner.invoke(cli.app, ["render", str(corpus_dir / "a.txt"), "--sample"])
    assert both.exit_code == 2


# --------------------------------------------------------------------------
# evaluate (saved predictions: no model)
# --------------------------------------------------------------------------


def test_evaluate_predictions_prints_the_table():
    result = runner.invoke(cli.app, ["evaluate", str(GOLD), "--predictions", str(PREDICTIONS)])
    assert result.exit_code == 0, result.output
    report = evaluate(GOLD, predictions_path=PREDICTIONS)
    assert result.stdout.rstrip("\n") == report.format_table()
    assert result.stdout.startswith("metric ")


@pytest.mark.skipif(
    not REFERENCE_SCORER.is_file(), reason=f"reference scorer not found at {REFERENCE_SCORER}"
)
def test_evaluate_table_matches_the_reference_scorer():
    ours = runner.invoke(cli.app, ["evaluate", str(GOLD), "-p", str(PREDICTIONS), "--errors"])
    reference = subprocess.run(
        [sys.executable, str(REFERENCE_SCORER), str(GOLD), "--pred", str(PREDICTIONS), "--errors"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert ours.stdout.strip() == reference.stdout.strip()


def test_evaluate_json_with_errors():
    result = runner.invoke(cli.app, ["evaluate", str(GOLD), "-p", str(PREDICTIONS), "--json", "--errors"])
    payload = json.loads(result.stdout)
    report = evaluate(GOLD, predictions_path=PREDICTIONS)
    assert payload["docs"] == report.docs
    assert payload["meeting"] == report.metrics["meeting"]
    assert payload["errors"] == report.errors


def test_evaluate_bad_predictions_file_exits_1(tmp_path: Path):
    bad = tmp_path / "pred.jsonl"
    bad.write_text('{"meetings": []}\n')
    result = runner.invoke(cli.app, ["evaluate", str(GOLD), "-p", str(bad)])
    assert result.exit_code == 1
    assert "[D011]" in result.stderr and "pred.jsonl:1" in result.stderr


def test_evaluate_a_file_without_annotations_exits_2(fake: FakeExtractor, tmp_path: Path):
    # regression: printed a full table of zeros and exited 0
    plain = tmp_path / "articles.jsonl"
    plain.write_text(json.dumps({"id": "a1", "text": ARTICLE}, ensure_ascii=False) + "\n", encoding="utf-8")
    for extra in ([], ["-p", str(PREDICTIONS)]):
        result = runner.invoke(cli.app, ["evaluate", str(plain), *extra])
        assert result.exit_code == 2, result.output
        assert "[D041]" in result.stderr and "articles.jsonl" in result.stderr
        assert "meeting" not in result.stdout


def test_evaluate_predictions_matching_no_gold_id_exits_2(tmp_path: Path):
    other = tmp_path / "pred.jsonl"
    other.write_text('{"id": "somewhere-else", "meetings": [], "entities": []}\n', encoding="utf-8")
    result = runner.invoke(cli.app, ["evaluate", str(GOLD), "-p", str(other)])
    assert result.exit_code == 2
    assert "[D042] No prediction id matches a gold id (predictions: 1, gold articles: 4" in result.stderr
    assert result.stdout == ""


def test_evaluate_missing_gold_is_a_usage_error(tmp_path: Path):
    result = runner.invoke(cli.app, ["evaluate", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2


# --------------------------------------------------------------------------
# kb validate
# --------------------------------------------------------------------------

GOOD_KB = [
    {"kind": "person", "id": "person:test-one", "name": "Test One", "source": "test"},
    {"kind": "body", "id": "body:TST", "name": "Organisation de test", "acronym": "TST"},
]
GOOD_RULES = [
    {"label": "TITLE", "pattern": "haut commissaire", "id": "diplomat"},
    {"label": "BODY", "pattern": [{"LOWER": "comité"}, {"LOWER": "mixte"}], "id": "body:TST"},
]
GOOD_TOPICS = [
    {"topic": "water", "pattern": "ressources hydriques"},
    {"topic": "water", "regex": "barrages?"},
]


def _write_jsonl(path: Path, lines: list[Any]) -> Path:
    path.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines) + "\n"
    )
    return path


@pytest.mark.parametrize(
    ("name", "lines", "what"),
    [
        ("kb.jsonl", GOOD_KB, "2 knowledge-base records"),
        ("rules.jsonl", GOOD_RULES, "2 patterns"),
        ("topics.jsonl", GOOD_TOPICS, "2 topic cues"),
    ],
)
def test_kb_validate_good_files(tmp_path: Path, name: str, lines: list[Any], what: str):
    path = _write_jsonl(tmp_path / name, ["// a comment", *lines, ""])
    result = runner.invoke(cli.app, ["kb", "validate", str(path)])
    assert result.exit_code == 0, result.output
    assert f"{path}: OK, {what}" in result.stdout


@pytest.mark.parametrize(
    "name",
    ["kb/bodies.jsonl", "kb/countries.jsonl", "patterns/titles.jsonl", "lexicons/topics.jsonl"],
)
def test_kb_validate_shipped_files(name: str):
    path = REPO_ROOT / "diplomacy_ner" / "resources" / name
    result = runner.invoke(cli.app, ["kb", "validate", str(path)])
    assert result.exit_code == 0, result.output
    assert ": OK," in result.stdout


def test_kb_validate_reports_every_bad_line_of_a_kb_file(tmp_path: Path):
    path = _write_jsonl(
        tmp_path / "people.jsonl",
        [
            GOOD_KB[0],
            '{"kind": "person", "id": "person:x", "name": "X"',  # 2: invalid JSON
            {"kind": "minister", "id": "m:1", "name": "Y"},  # 3: unknown kind
            GOOD_KB[1],
            {
                "kind": "person",
                "id": "person:z",
                "name": "Z",
                "source": "t",
                "roles": [{"title": "t", "country": "FR", "source": "s", "start": "hier"}],
            },  # 5: bad date
            {**GOOD_KB[0], "name": "Someone Else"},  # 6: same id, other data
        ],
    )
    result = runner.invoke(cli.app, ["kb", "validate", str(path)])
    assert result.exit_code == 1
    out = result.stdout
    assert f"{path}:2: invalid JSON" in out
    assert f"{path}:3: unknown record kind 'minister'" in out
    assert f"{path}:5: field `roles.0.start`" in out
    assert f"{path}:6: duplicate id 'person:test-one'" in out
    assert f"{path}: 4 bad lines, 2 valid knowledge-base records" in out


def test_kb_validate_reports_unknown_country_codes_and_dates_that_are_not_days(tmp_path: Path):
    role = {"title": "ministre", "country": "XX", "source": "s", "start": "2026-01-15"}
    path = _write_jsonl(
        tmp_path / "people.jsonl",
        [
            {"kind": "person", "id": "person:a", "name": "A", "source": "t", "roles": [role]},
            {
                "kind": "person", "id": "person:b", "name": "B", "source": "t",
                "roles": [{**role, "country": "FR", "start": "2026"}],
            },
        ],
    )
    result = runner.invoke(cli.app, ["kb", "validate", str(path)])
    assert result.exit_code == 1
    assert f"[D017] {path}:1: field `roles.0.country`: unknown country code 'XX'" in result.stdout
    assert f"[D011] {path}:2: field `roles.0.start`" in result.stdout and "use YYYY-MM-DD" in result.stdout


def test_kb_validate_reports_every_bad_line_of_a_rule_file(tmp_path: Path):
    path = _write_jsonl(
        tmp_path / "my_rules.jsonl",
        [
            GOOD_RULES[0],
            {"label": "MINISTER", "pattern": "ministre"},  # 2: unknown label
            "not json at all",  # 3
            {"label": "BODY", "pattern": [{"LOWERCASE": "comité"}]},  # 4: bad token attribute
            GOOD_RULES[1],
        ],
    )
    result = runner.invoke(cli.app, ["kb", "validate", str(path)])
    assert result.exit_code == 1
    out = result.stdout
    assert f"{path}:2: field `label`: unknown label 'MINISTER'" in out
    assert f"{path}:3: invalid JSON" in out
    assert f"{path}:4: field `pattern`" in out
    assert f"{path}: 3 bad lines, 2 valid patterns" in out


def test_kb_validate_reports_every_bad_line_of_a_topic_lexicon(tmp_path: Path):
    path = _write_jsonl(
        tmp_path / "lexicon.jsonl",
        [
            {"topic": "Water", "pattern": "eau"},  # 1: not a slug
            GOOD_TOPICS[0],
            {"topic": "water", "pattern": "eau", "regex": "eaux?"},  # 3: both
            {"topic": "water", "regex": "(eau)x\\1"},  # 4: a back-reference RE2 cannot run
        ],
    )
    result = runner.invoke(cli.app, ["kb", "validate", "--kind", "topics", str(path)])
    assert result.exit_code == 1
    out = result.stdout
    assert f"{path}:1: field `topic`" in out
    assert f"{path}:3: field `pattern`" in out
    assert f"{path}:4: field `regex`" in out
    assert f"{path}: 3 bad lines, 1 valid topic cue" in out  # regression: "1 valid topic cues"


def test_kb_validate_several_files_and_an_undecidable_one(tmp_path: Path):
    good = _write_jsonl(tmp_path / "kb.jsonl", GOOD_KB)
    empty = _write_jsonl(tmp_path / "empty.jsonl", ["// nothing but comments"])
    result = runner.invoke(cli.app, ["kb", "validate", str(good), str(empty)])
    assert result.exit_code == 1
    assert f"{good}: OK" in result.stdout
    assert f"{empty}: no JSON object line tells what the file is; use --kind." in result.stdout


# --------------------------------------------------------------------------
# extract-corpus (the Dask runner is replaced; its own tests are in test_distributed.py)
# --------------------------------------------------------------------------


def test_extract_corpus_without_dask_exits_2(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    def missing() -> Any:
        raise ModuleNotFoundError("No module named 'dask'", name="dask")

    monkeypatch.setattr(cli.extract_corpus, "import_distributed", missing)
    (tmp_path / "in.jsonl").write_text("")
    result = runner.invoke(
        cli.app, ["extract-corpus", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "m.parquet")]
    )
    assert result.exit_code == 2
    assert "pip install diplomacy-ner[dask]" in result.stderr


@pytest.mark.parametrize(("errors", "exit_code"), [([], 0), ([("in-3", "boom")], 1)])
def test_extract_corpus_calls_the_runner(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, errors: list[tuple[str, str]], exit_code: int
):
    calls: list[tuple[Any, ...]] = []

    def extract_corpus(inputs: list[Path], output: Path, **options: Any) -> Any:
        calls.append((inputs, output, options))
        return SimpleNamespace(
            documents=3, failed=len(errors), meetings=4, rows=5, seconds=1.5, output=output, errors=errors
        )

    monkeypatch.setattr(cli.extract_corpus, "import_distributed", lambda: SimpleNamespace(extract_corpus=extract_corpus))
    source = tmp_path / "in.jsonl"
    source.write_text("")
    args = ["extract-corpus", str(source), "-o", str(tmp_path / "m.parquet"), "--scheduler", "tcp://h:8786"]
    result = runner.invoke(cli.app, [*args, "--n-workers", "3", "--partition-size", "16", "-q"])
    assert result.exit_code == exit_code, result.output
    options = {"scheduler": "tcp://h:8786", "n_workers": 3, "partition_size": 16, "progress": False, "gate": True}
    assert calls == [([source], tmp_path / "m.parquet", options)]
    assert (
        f"3 documents, 4 meetings, 5 rows, {len(errors)} failed, 1.5 s -> {tmp_path / 'm.parquet'}"
        in result.stderr
    )
    for doc_id, message in errors:
        assert f"{doc_id}: {message}" in result.stderr


@pytest.mark.slow
@pytest.mark.cluster
def test_real_extract_corpus_on_a_local_cluster(tmp_path: Path):
    pytest.importorskip("distributed")
    pq = pytest.importorskip("pyarrow.parquet")
    source = tmp_path / "news.jsonl"
    lines = [json.dumps({"id": "a", "published": "2024-03-04", "text": ARTICLE}, ensure_ascii=False), "{bad"]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = tmp_path / "meetings.parquet"
    args = ["extract-corpus", str(source), "-o", str(output), "--n-workers", "1", "-q"]
    result = runner.invoke(cli.app, args)
    assert result.exit_code == 1, result.output  # the bad line is a failed article
    assert "2 documents" in result.stderr and "1 failed" in result.stderr
    table = pq.read_table(output)
    assert table.num_rows >= 2


# --------------------------------------------------------------------------
# The real pipeline (slow)
# --------------------------------------------------------------------------


def _check_offsets(record: dict[str, Any], text: str) -> None:
    for entity in record["entities"]:
        Entity.model_validate(entity)
        for mention in entity["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
    for meeting in record["meetings"]:
        Meeting.model_validate(meeting)


@pytest.mark.slow
def test_real_extract_on_a_file_every_format(cli_extractor: Any, tmp_path: Path):
    path = tmp_path / "article.txt"
    path.write_text(cli.sample_text(), encoding="utf-8")
    base = ["extract", str(path), "--published", "2024-04-22", "-q"]
    as_json = runner.invoke(cli.app, base)
    assert as_json.exit_code == 0, as_json.output
    (record,) = json.loads(as_json.stdout)
    assert record["id"] == str(path) and record["published"] == "2024-04-22"
    _check_offsets(record, cli.sample_text())
    assert {e["type"] for e in record["entities"]} >= {"person", "country"}
    as_csv = runner.invoke(cli.app, [*base, "--format", "csv"])
    assert as_csv.stdout.splitlines()[0] == ",".join(cli.CSV_COLUMNS)
    participants = sum(len(m["participants"]) for m in record["meetings"])
    assert len(as_csv.stdout.splitlines()) == 1 + participants
    as_table = runner.invoke(cli.app, [*base, "--format", "table"])
    assert as_table.exit_code == 0 and "Meetings" in as_table.stdout


@pytest.mark.slow
def test_real_extract_directory_and_stdin(cli_extractor: Any, corpus_dir: Path):
    result = runner.invoke(
        cli.app, ["extract", str(corpus_dir), "-", "--format", "jsonl", "--all-statuses", "-q"], input=ARTICLE
    )
    assert result.exit_code == 1
    records = _jsonl(result.stdout)
    assert [r["id"] for r in records] == [*_corpus_ids(corpus_dir), "<stdin>"]
    errors = [r for r in records if "error" in r]
    assert [r["id"] for r in errors] == [str(corpus_dir / "e.txt"), f"{corpus_dir / 'nested' / 'd.jsonl'}:2"]
    assert f"{corpus_dir / 'e.txt'}: [D051]" in result.stderr and "not valid UTF-8" in result.stderr
    for record in records:
        if "error" not in record:
            assert {e["type"] for e in record["entities"]} >= {"person"}
    held = _jsonl(runner.invoke(cli.app, ["extract", str(corpus_dir / "a.txt"), "-f", "jsonl", "-q"]).stdout)
    assert all(m["status"] == "held" for m in held[0]["meetings"])
    assert len(held[0]["meetings"]) <= len(records[0]["meetings"])


@pytest.mark.slow
def test_real_evaluate_runs_the_pipeline(cli_extractor: Any):
    result = runner.invoke(cli.app, ["evaluate", str(GOLD)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("metric ") and lines[1].startswith("meeting ")
    assert re.fullmatch(r"docs 4, [0-9.]+ s", lines[-1])


@pytest.mark.slow
def test_real_render_sample(cli_extractor: Any, tmp_path: Path):
    page = tmp_path / "sample.html"
    result = runner.invoke(cli.app, ["render", "--sample", "--output", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'class="entity"' in html
    assert "Abdelouafi Laftit" in html and f"wrote {page}" in result.stderr


@pytest.mark.slow
def test_subprocess_extract_sample():
    """The installed console script, from a fresh process, on the bundled sample."""
    script = Path(sys.executable).with_name("diplomacy-ner")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "diplomacy_ner.cli"]
    completed = subprocess.run(
        [*command, "extract", "--sample", "--format", "jsonl"], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr
    (record,) = _jsonl(completed.stdout)
    assert record["id"] == "sample_fr.txt" and record["published"] == "2024-04-22"
    _check_offsets(record, cli.sample_text())
    assert "extracting" in completed.stderr  # the progress bar, on stderr
