"""The benchmark corpus, shared by the scripts of this folder.

The texts are the shared seed articles (``corpus/seeds.jsonl``, else
``seeds/*.txt``), the shared development corpora (``corpus/dev.jsonl``,
``corpus/dev-wikinews.jsonl``) and
the repository's own gold files under ``data/`` when present, repeated in
order until there are at least ``min_docs`` documents. The shared folder is
``$DIPLOMACY_SHARED``, else ``../shared`` beside the repository.
"""

from __future__ import annotations

import gc
import json
import os
import platform
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPORA = ("seeds.jsonl", "dev.jsonl", "dev-wikinews.jsonl", "news-dev.jsonl")


@dataclass(frozen=True)
class Article:
    """One benchmark document: its text, its publication date (ISO or None) and where it comes from."""

    text: str
    published: str | None
    source: str


def shared_dir() -> Path:
    """The shared folder: ``$DIPLOMACY_SHARED``, else ``../shared`` beside the repository."""
    env = os.environ.get("DIPLOMACY_SHARED")
    return Path(env) if env else REPO_ROOT.parent / "shared"


def _jsonl_articles(path: Path) -> list[Article]:
    articles = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            text = record.get("text")
            if isinstance(text, str) and text.strip():
                articles.append(Article(text, record.get("published"), path.name))
    return articles


def _seed_articles(folder: Path) -> list[Article]:
    return [Article(path.read_text(encoding="utf-8"), None, "seeds") for path in sorted(folder.glob("*.txt"))]


def unique_articles() -> list[Article]:
    """Every distinct benchmark text, in a fixed order.

    RETURNS (list[Article]): seeds, shared development corpora, then ``data/**/*.jsonl`` texts;
        a text found twice is kept at its first place.
    RAISES (SystemExit): no text was found (the shared folder is missing).
    """
    shared = shared_dir()
    articles: list[Article] = []
    if not (shared / "corpus" / "seeds.jsonl").is_file() and (shared / "seeds").is_dir():
        articles.extend(_seed_articles(shared / "seeds"))
    for name in SHARED_CORPORA:
        if (shared / "corpus" / name).is_file():
            articles.extend(_jsonl_articles(shared / "corpus" / name))
    data = REPO_ROOT / "data"
    if data.is_dir():
        for path in sorted(data.rglob("*.jsonl")):
            articles.extend(_jsonl_articles(path))
    # data/ may hold copies of the shared corpora: each text once
    seen: set[str] = set()
    distinct = []
    for article in articles:
        if article.text not in seen:
            seen.add(article.text)
            distinct.append(article)
    articles = distinct
    if not articles:
        raise SystemExit(f"No benchmark texts under {shared}; set DIPLOMACY_SHARED to the shared folder.")
    return articles


def load_articles(min_docs: int = 200) -> list[Article]:
    """The distinct texts repeated in order until there are at least ``min_docs``.

    min_docs (int): the minimum number of documents.
    RETURNS (list[Article]): the corpus.
    """
    unique = unique_articles()
    repeats = -(-min_docs // len(unique))
    return (unique * repeats)[: max(min_docs, len(unique))]


def long_text(chars: int) -> str:
    """A text of at least ``chars`` characters: the distinct texts, paragraph after paragraph.

    chars (int): the minimum length.
    RETURNS (str): the text.
    """
    texts = [a.text.strip() for a in unique_articles()]
    parts: list[str] = []
    size = 0
    while size < chars:
        for text in texts:
            parts.append(text)
            size += len(text) + 2
            if size >= chars:
                break
    return "\n\n".join(parts)


def describe(articles: list[Article]) -> str:
    """One line about a corpus: size, distinct texts, characters, sources."""
    sources: dict[str, int] = {}
    distinct = {a.text for a in articles}
    for article in {a.text: a for a in articles}.values():
        sources[article.source] = sources.get(article.source, 0) + 1
    chars = sum(len(a.text) for a in articles)
    parts = ", ".join(f"{name} {count}" for name, count in sources.items())
    return (
        f"{len(articles)} documents ({len(distinct)} distinct: {parts}), "
        f"{chars:,} characters, {chars // len(articles):,} per document"
    )


def machine() -> str:
    """One line about the machine the benchmark runs on."""
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPU cores, "
        f"Python {platform.python_version()}, spaCy on CPU"
    )


def interleaved_times(
    chunks: list[Any], bare: Callable[[Any], Any], ours: Callable[[Any], Any], rounds: int
) -> tuple[float, float]:
    """Time ``bare`` and ``ours`` on the same chunks of a corpus, interleaved chunk by chunk.

    On a shared machine the load changes within seconds; timing the whole corpus with
    one side and then with the other lets a burst of load fall on one side only. Here
    every chunk is run by both sides back to back (who goes first alternates), each
    chunk keeps its best time per side over the rounds, and the totals are the sums.

    chunks (list): the corpus, cut in chunks (each passed whole to ``bare`` and ``ours``).
    bare, ours (Callable): run one chunk.
    rounds (int): passes over the corpus.
    RETURNS (tuple[float, float]): total seconds of bare and of ours.
    """
    best_bare = [float("inf")] * len(chunks)
    best_ours = [float("inf")] * len(chunks)
    for r in range(rounds):
        for i, chunk in enumerate(chunks):
            order = ((bare, best_bare), (ours, best_ours))
            for fn, best in order if (i + r) % 2 == 0 else order[::-1]:
                gc.collect()
                start = time.perf_counter()
                fn(chunk)
                best[i] = min(best[i], time.perf_counter() - start)
    return sum(best_bare), sum(best_ours)
