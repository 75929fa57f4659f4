"""Where our own time goes: a profile of the costliest of our pipeline components.

The corpus (see ``_corpus.py``) is run through the pipeline one component at a
time; each of our components (``diplomacy_*``) and the conversion of the docs
to ``Analysis`` records is timed. The costliest step (or ``--component``) is
then run again on fresh docs under pyinstrument (a call tree) and cProfile
(the functions with the most time of their own).

Run: ``python benchmarks/profile_components.py [--docs 200] [--component diplomacy_linker] [--top 25]``
(``--long 100000`` profiles two documents of one full chunk each instead).
(``pip install pyinstrument`` for the call tree; cProfile is always there).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import time
from collections.abc import Callable, Sequence
from typing import Any

from _corpus import Article, describe, load_articles, long_text, machine
from spacy.tokens import Doc

from diplomacy_ner import Extractor
from diplomacy_ner.api import analysis_from_doc, parse_published

OWN_PREFIX = "diplomacy_"
CONVERSION = "-> Analysis"


def docs_before(extractor: Extractor, articles: Sequence[Any], component: str) -> list[Doc]:
    """Fresh docs run through every pipe before ``component`` (all pipes for the conversion step)."""
    docs = [extractor.make_doc(a.text, parse_published(a.published)) for a in articles]
    for name, proc in extractor.nlp.pipeline:
        if name == component:
            break
        docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(doc) for doc in docs]
    return docs


def step_function(extractor: Extractor, component: str) -> Callable[[list[Doc]], None]:
    """What a step does to a list of docs."""
    if component == CONVERSION:

        def convert(docs: list[Doc]) -> None:
            for doc in docs:
                analysis_from_doc(doc)

        return convert
    proc = extractor.nlp.get_pipe(component)

    def apply(docs: list[Doc]) -> None:
        for doc in docs:
            proc(doc)

    return apply


def main(argv: Sequence[str] | None = None) -> None:
    """Time our steps, then profile the costliest one."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=200, help="minimum number of documents")
    parser.add_argument("--component", help="profile this step instead of the costliest")
    parser.add_argument("--top", type=int, default=25, help="cProfile entries printed")
    parser.add_argument(
        "--long",
        type=int,
        metavar="CHARS",
        help="profile 2 long documents of CHARS characters instead of the corpus (e.g. 100000, one chunk)",
    )
    args = parser.parse_args(argv)
    if args.long:
        articles = [Article(long_text(args.long), None, f"long text x{i}") for i in range(2)]
    else:
        articles = load_articles(args.docs)
    print(f"machine: {machine()}")
    print(f"corpus:  {describe(articles)}\n")
    extractor = Extractor()
    extractor.analyze(articles[0].text, published=articles[0].published)  # warm-up

    steps = [name for name in extractor.nlp.pipe_names if name.startswith(OWN_PREFIX)] + [CONVERSION]
    timings: dict[str, float] = {}
    for step in steps:
        docs = docs_before(extractor, articles, step)
        run = step_function(extractor, step)
        start = time.perf_counter()
        run(docs)
        timings[step] = time.perf_counter() - start
    total = sum(timings.values())
    print(f"{'our step':24} {'seconds':>8} {'ms/doc':>8} {'share':>7}")
    for step, seconds in sorted(timings.items(), key=lambda item: -item[1]):
        print(f"{step:24} {seconds:8.2f} {1000 * seconds / len(articles):8.2f} {seconds / total:7.1%}")

    target = args.component or max(timings, key=lambda step: timings[step])
    print(f"\nprofiling {target} on {len(articles)} docs")
    run = step_function(extractor, target)
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("(pyinstrument not installed: pip install pyinstrument for the call tree)")
    else:
        docs = docs_before(extractor, articles, target)
        profiler = Profiler(interval=0.0005)
        profiler.start()
        run(docs)
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False, short_mode=False))

    docs = docs_before(extractor, articles, target)
    profile = cProfile.Profile()
    profile.enable()
    run(docs)
    profile.disable()
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).strip_dirs().sort_stats("tottime")
    stats.print_stats(args.top)
    print(f"cProfile, top {args.top} by own time:")
    print(out.getvalue())


if __name__ == "__main__":
    main()
