"""The one article reader: extract, extract-corpus and evaluate read the same documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ARTICLE = "Le ministre zembien Paul Ortoval a reçu mardi à Lisca son homologue, Marc Drevin."
PAGE = (
    "<html><head><meta property='article:published_time' content='2031-05-06T10:00'></head>"
    "<body><p>La ministre Ana Kerlo a rencontré jeudi Jonas Veltri.</p></body></html>"
)


@pytest.fixture
def mixed_dir(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "b.md").write_text("# Titre\n\n" + ARTICLE, encoding="utf-8")
    (root / "sub" / "c.html").write_text(PAGE, encoding="utf-8")
    lines = [{"id": "j1", "text": ARTICLE, "published": "2031-05-07"}, {"text": "Sans identifiant."}]
    (root / "sub" / "d.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    (root / "notes.csv").write_text("id,text\n", encoding="utf-8")
    return root


def test_extract_corpus_reads_html_and_jsonl_of_a_directory_like_extract(mixed_dir: Path) -> None:
    """Regression: extract-corpus on a directory skipped the .html and .jsonl files extract reads."""
    pytest.importorskip("pyarrow")
    from diplomacy_ner.distributed import count_articles, read_articles
    from diplomacy_ner.readers import iter_documents

    documents = list(iter_documents([str(mixed_dir)]))
    records = list(read_articles([mixed_dir]))
    assert [r["id"] for r in records] == [d.id for d in documents]
    assert [r["text"] for r in records] == [d.text for d in documents]
    assert count_articles([mixed_dir]) == len(records) == 5
    by_id = {d.id: d for d in documents}
    assert by_id["j1"].published == "2031-05-07"
    assert by_id[f"{mixed_dir / 'sub' / 'd.jsonl'}:2"].text == "Sans identifiant."
    page = by_id[str(mixed_dir / "sub" / "c.html")]
    assert page.published == "2031-05-06" and "Ana Kerlo a rencontré jeudi" in (page.text or "")


def test_one_strict_jsonl_reader_names_file_line_and_problem() -> None:
    from diplomacy_ner.errors import KnowledgeBaseError
    from diplomacy_ner.readers import iter_json_lines, iter_json_objects

    lines = ['{"a": 1}', "", '{"a": NaN}', '{"a": 1, "a": 2}', "[1]", "// a comment"]
    results = list(iter_json_lines(lines, "f.jsonl"))
    assert [number for number, _ in results] == [1, 3, 4, 5]
    assert results[0][1] == {"a": 1}
    errors = [str(item) for _, item in results[1:]]
    assert errors[0].startswith("[D010] f.jsonl:3: invalid JSON") and "NaN" in errors[0]
    assert errors[1].startswith("[D010] f.jsonl:4: invalid JSON") and "appears twice" in errors[1]
    assert errors[2] == "[D012] f.jsonl:5: the record is not a JSON object (got list)."
    with pytest.raises(KnowledgeBaseError, match=r"\[D010\] f.jsonl:3"):
        list(iter_json_objects(lines, "f.jsonl"))


def test_kb_loader_keeps_the_reader_names_it_always_had() -> None:
    """Other modules import the strict reader from kb.loader: the same functions, not copies."""
    from diplomacy_ner import readers
    from diplomacy_ner.kb import loader

    assert loader.iter_json_objects is readers.iter_json_objects
    assert loader.validation_error is readers.validation_error


def test_encoding_rule_reads_cp1252_and_names_the_encodings_it_tried(tmp_path: Path) -> None:
    from diplomacy_ner.readers import decode_article, iter_documents

    path = tmp_path / "ancien.txt"
    path.write_bytes("Le ministre a été reçu à Lisca.".encode("cp1252"))
    (document,) = iter_documents([path])
    assert document.text == "Le ministre a été reçu à Lisca." and document.error is None
    with pytest.raises(ValueError, match=r"\[D051\].*ancien.txt"):
        decode_article(b"\xff\xfe\xfa", "ancien.txt", encoding="utf-8")


def test_gold_and_prediction_files_use_the_strict_reader(tmp_path: Path) -> None:
    from diplomacy_ner.evaluate import load_gold, load_predictions

    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "g1", "text": "t", "meetings": [], "id": "g2"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=rf"\[D010\] {gold}:1: invalid JSON: key 'id' appears twice"):
        load_gold(gold)
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text('{"id": "a", "confidence": NaN}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=rf"\[D010\] {predictions}:1"):
        load_predictions(predictions)
