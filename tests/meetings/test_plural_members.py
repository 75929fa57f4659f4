"""Plural titles that take up people already named, and subjects met one by one: rules of this
file's session (sentences written for these tests, invented names)."""

from __future__ import annotations

import pytest

from helpers import meetings, names

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "second",
    [
        "Les ministres belge et suisse ont ensuite rencontré Paul Garnier séparément.",
        "Les ministres belge et suisse ont ensuite chacun rencontré Paul Garnier séparément.",
        "Les ministres belge et suisse se sont ensuite entretenus séparément avec Paul Garnier.",
        "Les ministres belge et suisse ont ensuite été reçus tour à tour par Paul Garnier.",
    ],
)
def test_plural_title_members_met_one_by_one(extractor, second) -> None:
    text = (
        "Le chef de la diplomatie française, Paul Garnier, a réuni mardi à Paris ses homologues belge Luc Peeters "
        "et suisse Urs Keller. " + second
    )
    found = sorted(names(m) for m in meetings(extractor, text))
    assert found == [
        ["Luc Peeters", "Paul Garnier"],
        ["Luc Peeters", "Paul Garnier", "Urs Keller"],
        ["Paul Garnier", "Urs Keller"],
    ]


def test_plural_title_members_keep_their_countries(extractor) -> None:
    text = (
        "Le chef de la diplomatie française, Paul Garnier, a réuni mardi à Paris ses homologues belge Luc Peeters "
        "et suisse Urs Keller. Les ministres belge et suisse ont ensuite rencontré Paul Garnier séparément."
    )
    pairs = [m for m in meetings(extractor, text) if len(m.participants) == 2]
    countries = sorted(sorted((p.name, p.country) for p in m.participants) for m in pairs)
    assert countries == [[("Luc Peeters", "BE"), ("Paul Garnier", "FR")], [("Paul Garnier", "FR"), ("Urs Keller", "CH")]]


def test_plural_title_without_distributive_cue_is_no_bilateral_of_its_first_member(extractor) -> None:
    text = (
        "Le chef de la diplomatie française, Paul Garnier, a réuni mardi à Paris ses homologues belge Luc Peeters "
        "et suisse Urs Keller. Les ministres belge et suisse ont ensuite rencontré Paul Garnier."
    )
    assert [names(m) for m in meetings(extractor, text)] == [["Luc Peeters", "Paul Garnier", "Urs Keller"]]


def test_plural_title_of_countries_nobody_named_stays_unnamed(extractor) -> None:
    text = (
        "Le ministre ghanéen des Affaires étrangères, Kofi Mensah, a reçu lundi à Accra le ministre togolais Komi Agbeko. "
        "Les ministres togolais et béninois ont ensuite rencontré séparément Kofi Mensah."
    )
    found = sorted(names(m) for m in meetings(extractor, text))
    assert ["Kofi Mensah", "Komi Agbeko"] in found
    assert ["<ministre|BJ>", "Kofi Mensah"] in found


@pytest.mark.parametrize(
    "second",
    [
        "Le Secrétaire général rencontre à Ljubljana le Premier ministre, Janez Kovač, et la ministre des Affaires étrangères, Mojca Novak.",
        "Le Secrétaire général rencontre à Ljubljana le Premier ministre, Janez Kovač, le président du Parlement, Igor Zupan, et la ministre des Affaires étrangères, Mojca Novak.",
    ],
)
def test_present_tense_verb_tagged_as_adjective_of_its_subject(extractor, second) -> None:
    text = "Le Secrétaire général de l'OTAN, Henrik Solberg, est en visite officielle en Slovénie le 12 mars. " + second
    found = meetings(extractor, text)
    partners = [n for n in ("Janez Kovač", "Igor Zupan", "Mojca Novak") if n in second]
    assert sorted(names(m) for m in found) == sorted(sorted(["Henrik Solberg", n]) for n in partners)
    assert all(p.country == "SI" for m in found for p in m.participants if p.name != "Henrik Solberg")


def test_adjective_after_an_encounter_noun_is_no_verb(extractor) -> None:
    text = "Le ministre français des Affaires étrangères a tenu un entretien téléphonique le 23 mars avec son homologue indien, Rajiv Mehta."
    found = meetings(extractor, text)
    assert [names(m) for m in found] == [["<ministre des Affaires étrangères|FR>", "Rajiv Mehta"]]
    assert found[0].kind == "call"
