"""The gazetteer tells a venue standing for a city ("l'Élysée" for Paris) from the city's own name."""

from __future__ import annotations

import pytest

from diplomacy_ner.kb.places import Gazetteer


@pytest.mark.parametrize("name", ["Élysée", "l'Élysée", "palais de l’Élysée", "Kremlin", "le Kremlin", "la Maison Blanche"])
def test_a_venue_of_the_exonym_file_is_a_venue(name) -> None:
    assert Gazetteer.default().is_venue(name)


@pytest.mark.parametrize("name", ["Paris", "Pékin", "Moscou", "Le Caire", "Washington"])
def test_a_city_is_no_venue(name) -> None:
    assert not Gazetteer.default().is_venue(name)
