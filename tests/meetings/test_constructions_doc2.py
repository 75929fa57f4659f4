"""Constructions of real news, third set (sentences written for these tests, invented names).

Plural titles whose countries are coordinated after them or given by "des deux pays".
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def meetings(extractor, text, published="2025-03-12"):
    return extractor.extract_meetings(text, published=published)


def names(meeting):
    return sorted(p.name or f"<{p.role}|{p.country}>" for p in meeting.participants)


@pytest.mark.parametrize(
    "text",
    [
        "Les ministres des Affaires étrangères béninois et togolais se sont entretenus vendredi à Lomé.",
        "Les ministres des Affaires étrangères béninois, et togolais se sont entretenus vendredi à Lomé.",
        "Les ministres des Affaires étrangères du Bénin et du Togo se sont entretenus vendredi à Lomé.",
    ],
)
def test_a_plural_title_takes_the_countries_coordinated_after_it(extractor, text) -> None:
    [m] = meetings(extractor, text)
    assert names(m) == ["<ministre des Affaires étrangères|BJ>", "<ministre des Affaires étrangères|TG>"]
    for p in m.participants:
        mention = p.mentions[0]
        assert text[mention.start : mention.end].startswith("ministres des Affaires étrangères")


@pytest.mark.parametrize(
    "text",
    [
        "Les relations entre le Bénin et le Togo se sont dégradées. Les ministres des Affaires étrangères des deux pays "
        "se sont entretenus vendredi à Lomé.",
        "Les délégations béninoise et togolaise se sont vues lundi. Après avoir repris contact mardi au Ghana, les "
        "ministres des Affaires étrangères des deux pays se sont entretenus vendredi à Lomé.",
    ],
)
def test_the_two_countries_of_des_deux_pays_are_the_last_two_named(extractor, text) -> None:
    found = [m for m in meetings(extractor, text) if len(m.participants) == 2 and all(p.name is None for p in m.participants)]
    assert [names(m) for m in found] == [["<ministre des Affaires étrangères|BJ>", "<ministre des Affaires étrangères|TG>"]]


def test_des_deux_pays_without_two_countries_before_it_is_nobody(extractor) -> None:
    text = "Les ministres des Affaires étrangères des deux pays se sont entretenus vendredi à Lomé."
    assert meetings(extractor, text) == []
