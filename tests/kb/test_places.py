"""The city gazetteer (diplomacy_ner.kb.places)."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplomacy_ner.errors import KnowledgeBaseError
from diplomacy_ner.kb.places import Gazetteer, Place


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


@pytest.mark.parametrize(
    "name,country,canonical",
    [
        ("Rabat", "MA", "Rabat"),
        ("Pékin", "CN", "Pékin"),
        ("Beijing", "CN", "Pékin"),
        ("La Valette", "MT", "La Valette"),  # a capital under 15,000 inhabitants
        ("Le Caire", "EG", "Le Caire"),
        ("Caire", "EG", "Le Caire"),  # "au Caire": the article went into the preposition
        ("Bruxelles", "BE", "Bruxelles"),
        ("New York", "US", "New York"),
        ("Tanger", "MA", "Tanger"),
        ("Aleppo", "SY", "Alep"),
        ("Alep", "SY", "Alep"),
        ("Paris", "FR", "Paris"),  # not Paris, Texas
        ("Geneve", "CH", "Genève"),  # folded
        ("GENÈVE", "CH", "Genève"),
        ("Addis Abeba", "ET", "Addis-Abeba"),
        ("Ndjamena", "TD", "N'Djaména"),
        ("Londres", "GB", "Londres"),
    ],
)
def test_resolve_city(gazetteer: Gazetteer, name: str, country: str, canonical: str) -> None:
    place = gazetteer.resolve(name)
    assert place is not None
    assert (place.country, place.name) == (country, canonical)
    assert place.geonameid is not None and place.population > 0


def test_resolve_prefers_the_article_countries(gazetteer: Gazetteer) -> None:
    carthage = gazetteer.resolve("Carthage", prefer_countries=["TN"])
    assert carthage is not None and carthage.country == "TN"
    assert gazetteer.resolve("Vienne").country == "AT"  # type: ignore[union-attr]
    assert gazetteer.resolve("Vienne", prefer_countries=["FR"]).country == "FR"  # type: ignore[union-attr]
    # A preferred country with no candidate does not block the others.
    assert gazetteer.resolve("Rabat", prefer_countries=["FR"]).country == "MA"  # type: ignore[union-attr]


def test_lookup_returns_every_candidate_most_populous_first(gazetteer: Gazetteer) -> None:
    candidates = gazetteer.lookup("Paris")
    assert [p.country for p in candidates][:1] == ["FR"]
    assert {"FR", "US"} <= {p.country for p in candidates}
    populations = [p.population for p in candidates]
    assert populations == sorted(populations, reverse=True)


def test_venues_map_to_their_city(gazetteer: Gazetteer) -> None:
    paris = gazetteer.resolve("Paris")
    assert gazetteer.resolve("Matignon") == paris
    assert gazetteer.resolve("palais de l'Élysée") == paris
    assert gazetteer.resolve("Camp David") == Place("Camp David", "US", 0, None)


@pytest.mark.parametrize("name", ["Xyzzyville", "", "La Xyzzyville"])
def test_unknown_name_is_none(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.resolve(name) is None
    assert gazetteer.lookup(name) == []


def test_capitals(gazetteer: Gazetteer) -> None:
    valletta = gazetteer.capital_of("MT")
    assert valletta is not None and valletta.name == "La Valette"
    assert gazetteer.capital_of("ma") == gazetteer.resolve("Rabat")
    assert gazetteer.is_capital(gazetteer.resolve("Rabat"))  # type: ignore[arg-type]
    assert not gazetteer.is_capital(gazetteer.resolve("Tanger"))  # type: ignore[arg-type]
    assert not gazetteer.is_capital(Place("Camp David", "US", 0, None))
    assert gazetteer.capital_of("XX") is None


CITIES_TSV = (
    "geonameid\tname\tcountry\tpopulation\tcapital\talternatenames\n"
    "1\tSmalltown\tMA\t20000\t0\tPetiteville|Smallton\n"
    "2\tBigcity\tMA\t900000\t1\t\n"
)


def test_from_files_builds_display_names_and_venues(tmp_path: Path) -> None:
    cities = tmp_path / "cities.tsv"
    cities.write_text(CITIES_TSV, encoding="utf-8")
    exonyms = tmp_path / "exonyms.jsonl"
    exonyms.write_text(
        '{"name": "Grande-Ville", "geonameid": 2, "country": "MA"}\n'
        '{"name": "Palais Royal", "geonameid": 2, "country": "MA", "kind": "venue"}\n',
        encoding="utf-8",
    )
    gazetteer = Gazetteer.from_files(cities, [exonyms])
    big = Place("Grande-Ville", "MA", 900000, 2)
    assert gazetteer.resolve("Bigcity") == big
    assert gazetteer.resolve("grande ville") == big
    assert gazetteer.resolve("Palais Royal") == big
    assert gazetteer.resolve("Petiteville") == Place("Smalltown", "MA", 20000, 1)
    assert gazetteer.capital_of("MA") == big


@pytest.mark.parametrize(
    "line,expected",
    [
        ('{"name": "Pékin", "geonameid": 1816670, "country": "CN"', "exonyms.jsonl:1: invalid JSON"),
        ('{"name": "Pékin", "geonameid": 1816670, "country": "China"}', "exonyms.jsonl:1: field `country`"),
        (
            '{"name": "Pékin", "geonameid": 1816670, "country": "CN", "pop": 3}',
            "exonyms.jsonl:1: field `pop`",
        ),
        ('["Pékin"]', "exonyms.jsonl:1: the record is not a JSON object"),
    ],
)
def test_bad_exonym_line_names_file_line_and_field(tmp_path: Path, line: str, expected: str) -> None:
    cities = tmp_path / "cities.tsv"
    cities.write_text(CITIES_TSV, encoding="utf-8")
    exonyms = tmp_path / "exonyms.jsonl"
    exonyms.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"\[D01\d\]") as info:
        Gazetteer.from_files(cities, [exonyms])
    assert expected in str(info.value)
