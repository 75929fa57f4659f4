""""Les trois envoyés ont rencontré X": a numbered plural subject (three or more) standing for the
named subjects of the sentences just before (sentences written for these tests, invented names)."""

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
        "Les présidents togolais Kofi Mensah et gabonais Paul Obame ont rencontré mercredi le chef de l'Etat "
        "tchadien Ali Mahamat à Ndjamena. Le troisième médiateur, le dirigeant malien Moussa Keita, n'était pas "
        "présent à la réunion. Les trois médiateurs ont rencontré mardi le président guinéen Alpha Camara.",
        "Les présidents togolais Kofi Mensah et gabonais Paul Obame ont rencontré mercredi le chef de l'Etat "
        "tchadien Ali Mahamat à Ndjamena. Le troisième médiateur, le dirigeant malien Moussa Keita, était resté "
        "à Bamako. La veille, les trois envoyés avaient rencontré à Conakry le président guinéen Alpha Camara.",
    ],
)
def test_three_envoys_are_the_subjects_before(extractor, text) -> None:
    found = sorted(names(m) for m in meetings(extractor, text))
    assert ["Alpha Camara", "Kofi Mensah", "Moussa Keita", "Paul Obame"] in found
    assert ["Ali Mahamat", "Kofi Mensah", "Paul Obame"] in found


def test_three_ministers_after_a_passive_and_a_joining(extractor) -> None:
    text = (
        "Le ministre sénégalais Amadou Fall et son homologue gambien Lamin Jallow ont été reçus lundi par le "
        "président ivoirien Yao Kouassi. Le ministre guinéen Sekou Conde les avait rejoints dans la soirée. "
        "Les trois ministres ont ensuite rencontré à Accra le président ghanéen Kwame Boateng."
    )
    found = {tuple(names(m)): m for m in meetings(extractor, text)}
    key = ("Amadou Fall", "Kwame Boateng", "Lamin Jallow", "Sekou Conde")
    assert key in found
    countries = {p.name: p.country for p in found[key].participants}
    assert countries == {"Amadou Fall": "SN", "Lamin Jallow": "GM", "Sekou Conde": "GN", "Kwame Boateng": "GH"}


def test_count_that_does_not_match_takes_no_one(extractor) -> None:
    """Guard: only two subjects before "les trois envoyés": nobody is guessed."""
    text = (
        "Les présidents togolais Kofi Mensah et gabonais Paul Obame ont rencontré mercredi le chef de l'Etat "
        "tchadien Ali Mahamat à Ndjamena. Les trois médiateurs ont rencontré mardi le président guinéen Alpha Camara."
    )
    found = sorted(names(m) for m in meetings(extractor, text))
    assert not any("Alpha Camara" in f and "Kofi Mensah" in f for f in found)
