""""Les trois envoyés ont rencontré X": a numbered plural subject (three or more) standing for the
named subjects of the sentences just before (sentences written for these tests, invented names)."""

from __future__ import annotations

import pytest

from helpers import meetings, names

pytestmark = pytest.mark.slow


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


AUDIENCE = (
    "Le ministre ghanéen des affaires étrangères, Kwame Asante, a été reçu lundi par le président de la "
    "Transition guinéenne, le colonel Mamadi Camara, en présence de ses homologues guinéen, Sekou Conde, et "
    "malien, Moussa Keita. "
)


@pytest.mark.parametrize(
    "second",
    [
        "Les trois ministres sont venus rendre compte de leurs travaux au chef de l'Etat guinéen.",
        "Les trois ministres ont ensuite rendu compte au chef de l'État guinéen, qui préside aussi la commission "
        "régionale, des conclusions de leur réunion.",
        "Les trois ministres ont ensuite rencontré le chef de l'Etat guinéen, qui est aussi le président de "
        "l'Union du fleuve.",
    ],
)
def test_three_ministers_are_the_ministers_named_before(extractor, second) -> None:
    """"Les trois ministres" are the minister and his two counterparts the sentence before named (even
    "en présence de"); "le chef de l'État guinéen" is the Guinean president, not the Guinean counterpart;
    "rendre compte à" is an encounter; a title in a relative clause meets no one."""
    found = {tuple(names(m)): m for m in meetings(extractor, AUDIENCE + second)}
    key = ("Kwame Asante", "Mamadi Camara", "Moussa Keita", "Sekou Conde")
    assert key in found
    countries = {p.name: p.country for p in found[key].participants}
    assert countries == {"Kwame Asante": "GH", "Mamadi Camara": "GN", "Moussa Keita": "ML", "Sekou Conde": "GN"}


def test_three_ministers_when_only_two_were_named(extractor) -> None:
    """Guard: a president and two ministers before "les trois ministres": nobody is guessed."""
    text = (
        "Le président togolais Kofi Mensah a reçu lundi le ministre ghanéen Kwame Asante et son homologue malien "
        "Moussa Keita. Les trois ministres ont ensuite rencontré le Premier ministre togolais Komi Sewa."
    )
    found = sorted(names(m) for m in meetings(extractor, text))
    assert not any("Komi Sewa" in f and "Kwame Asante" in f for f in found)
