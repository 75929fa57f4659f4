"""How the candidate lookup scales with the size of the alias index.

Builds the shipped KB's alias index, pads it with synthetic pronounceable names
(people, and organisations that share common words such as "conseil" or
"national") to 1k, 10k and 100k aliases, then times
``AliasIndex.candidates()`` on the same ~2,000 mentions at every size: exact
aliases, folded variants (accents and case dropped, hyphens as spaces),
misspellings (one edit) and names that are not in the index. Every target
alias of the mentions is present at every size, so each size answers the same
question. Prints microseconds per mention, the 100k/1k ratio (target < 2×),
how many misspellings still found their entity, and, for reference, the cost
of scoring a mention against every alias (no blocking) at 100k.

Run: ``python benchmarks/linking.py`` (add ``--quick`` for a smaller run).
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import time
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from diplomacy_ner.kb.alias_index import AliasEntry, AliasIndex
from diplomacy_ner.folding import fold
from diplomacy_ner.kb.knowledge_base import record_aliases
from diplomacy_ner.kb.loader import load_resource_records

SIZES = (1_000, 10_000, 100_000)
N_QUERIES = 2_000
N_TARGETS = 400
REPEATS = 5
SEED = 20251126

_ONSETS = [
    "b",
    "d",
    "f",
    "g",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "z",
    "ch",
    "tr",
    "br",
    "gr",
    "kh",
    "dj",
]
_VOWELS = ["a", "e", "i", "o", "u", "ou", "ai", "ia", "é", "è"]
_CODAS = ["", "", "", "n", "r", "l", "s", "m", "k"]
_ORG_WORDS = [
    "Conseil national",
    "Agence nationale",
    "Office",
    "Commission",
    "Haut conseil",
    "Institut",
    "Direction générale",
    "Fondation",
]


def _syllable(rng: random.Random) -> str:
    return rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)


def _word(rng: random.Random, lo: int = 2, hi: int = 4) -> str:
    return "".join(_syllable(rng) for _ in range(rng.randint(lo, hi))).capitalize()


def synthetic_aliases(count: int, rng: random.Random, taken: set[str]) -> list[AliasEntry]:
    """Pronounceable people (first names from a shared pool) and organisations."""
    first_names = [_word(rng, 2, 3) for _ in range(2_000)]
    entries: list[AliasEntry] = []
    while len(entries) < count:
        n = len(entries)
        if rng.random() < 0.8:
            alias = f"{rng.choice(first_names)} {_word(rng)}"
            entity_type = "person"
        else:
            alias = f"{rng.choice(_ORG_WORDS)} de {_word(rng)}"
            entity_type = "body"
        key = fold(alias)
        if key in taken:
            continue
        taken.add(key)
        entries.append(AliasEntry(alias, f"synthetic:{n}", entity_type, "name"))
    return entries


def _misspell(text: str, rng: random.Random) -> str:
    letters = [i for i, ch in enumerate(text) if ch.isalpha()]
    i = rng.choice(letters[1:-1] or letters)
    op = rng.choice(("swap", "drop", "double", "replace"))
    if op == "swap" and i + 1 < len(text) and text[i + 1].isalpha():
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if op == "drop":
        return text[:i] + text[i + 1 :]
    if op == "double":
        return text[:i] + text[i] + text[i:]
    return text[:i] + rng.choice("aeioulnrst") + text[i + 1 :]


def _fold_variant(text: str) -> str:
    import unicodedata

    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return plain.lower().replace("-", " ")


def build_queries(
    targets: Sequence[AliasEntry], rng: random.Random, taken: set[str]
) -> list[tuple[str, str, str | None]]:
    """(kind, mention, expected entity id or None) for the four kinds of mention."""
    queries: list[tuple[str, str, str | None]] = []
    long_targets = [t for t in targets if len(t.alias) >= 10]
    per_kind = N_QUERIES // 4
    for _ in range(per_kind):
        t = rng.choice(targets)
        queries.append(("exact", t.alias, t.entity_id))
    for _ in range(per_kind):
        t = rng.choice(targets)
        queries.append(("folded", _fold_variant(t.alias), t.entity_id))
    for _ in range(per_kind):
        t = rng.choice(long_targets)
        queries.append(("misspelled", _misspell(t.alias, rng), t.entity_id))
    absent_rng = random.Random(SEED + 1)
    while len(queries) < 4 * per_kind:
        name = f"{_word(absent_rng, 3, 4)} {_word(absent_rng, 3, 4)}"
        if fold(name) not in taken:
            queries.append(("absent", name, None))
    rng.shuffle(queries)
    return queries


def time_queries(index: AliasIndex, queries: Sequence[tuple[str, str, str | None]]) -> float:
    """Best-of-REPEATS CPU seconds per mention (the fold cache cleared before each pass).

    CPU time of this process (``time.process_time``), so that other processes
    on a shared machine do not inflate one size more than another.
    """
    runs = []
    for _ in range(REPEATS):
        fold.cache_clear()
        start = time.process_time()
        for _, mention, _ in queries:
            index.candidates(mention)
        runs.append((time.process_time() - start) / len(queries))
    return min(runs)


def recall(index: AliasIndex, queries: Sequence[tuple[str, str, str | None]], kind: str) -> float:
    wanted = [(m, e) for k, m, e in queries if k == kind]
    found = sum(1 for m, e in wanted if any(c.entity_id == e for c in index.candidates(m)))
    return found / len(wanted)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="sizes 1k and 10k only")
    args = parser.parse_args(argv)
    sizes = SIZES[:2] if args.quick else SIZES
    rng = random.Random(SEED)

    real = [entry for record in load_resource_records() for entry in record_aliases(record)]
    rng.shuffle(real)
    targets = [e for e in real if e.field in ("name", "alias", "official_name") and len(fold(e.alias)) >= 5]
    targets = targets[:N_TARGETS]
    target_set = set(targets)
    rest = [e for e in real if e not in target_set]
    taken = {fold(e.alias) for e in real}
    padding = synthetic_aliases(max(sizes), random.Random(SEED + 2), taken)
    queries = build_queries(targets, rng, taken)
    print(f"shipped KB: {len(real)} aliases; {len(queries)} mentions over {len(targets)} target aliases")
    header = (
        ("aliases", 8),
        ("build s", 8),
        ("µs/mention", 11),
        ("exact", 6),
        ("folded", 7),
        ("misspelled", 11),
    )
    print(" ".join(f"{name:>{width}}" for name, width in header), f"{'absent hits':>12}")

    per_size: dict[int, float] = {}
    index = AliasIndex()
    for size in sizes:
        entries = (targets + rest + padding)[:size]
        index = AliasIndex()
        start = time.process_time()
        index.add_entries(entries)
        build = time.process_time() - start
        gc.collect()  # a long-lived index: do not bill its construction garbage to the lookups
        per_mention = time_queries(index, queries)
        per_size[size] = per_mention
        absent_hits = sum(1 for k, m, _ in queries if k == "absent" and index.candidates(m))
        print(
            f"{size:>8} {build:>8.2f} {per_mention * 1e6:>11.1f} {recall(index, queries, 'exact'):>6.0%} "
            f"{recall(index, queries, 'folded'):>7.0%} {recall(index, queries, 'misspelled'):>11.0%} "
            f"{absent_hits:>12}"
        )
    if len(sizes) > 1:
        ratio = per_size[sizes[-1]] / per_size[sizes[0]]
        print(f"ratio {sizes[-1] // 1000}k/{sizes[0] // 1000}k: {ratio:.2f}x (target < 2x)")

    # Reference: scoring every alias of the largest index (what blocking avoids).
    choices = list({fold(e.alias) for e in index.entries()})
    sample = [fold(m) for k, m, _ in queries if k in ("misspelled", "absent")][:100]
    start = time.process_time()
    for mention in sample:
        process.extract(mention, choices, scorer=fuzz.ratio, score_cutoff=88, limit=5)
    brute = (time.process_time() - start) / len(sample)
    print(
        f"no blocking, {len(choices)} aliases: {brute * 1e6:.0f} µs/mention "
        f"(median of blocked: {statistics.median(per_size.values()) * 1e6:.1f} µs)"
    )


if __name__ == "__main__":
    main()
