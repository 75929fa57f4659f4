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
