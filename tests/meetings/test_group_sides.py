"""Delegations and bodies no person names as sides of an encounter, and delegations led by a title
(sentences written for these tests, invented names)."""

from __future__ import annotations

import pytest

from helpers import sides

pytestmark = pytest.mark.slow


def meetings(extractor, text, published="2025-03-12"):
    return [m for m in extractor.extract_meetings(text, published=published) if m.status == "held"]


@pytest.mark.parametrize(
    "sentence",
    [
        "La ministre gabonaise des Affaires étrangères, Estelle Mboumba, a été reçue mardi à Montevideo par une importante délégation du ministère uruguayen de la Défense.",
        "La ministre gabonaise des Affaires étrangères, Estelle Mboumba, s'est entretenue mardi à Montevideo avec une délégation du ministère uruguayen de la Défense.",
    ],
)
def test_a_delegation_met_is_an_unnamed_side(extractor, sentence) -> None:
    found = meetings(extractor, sentence)
    assert len(found) == 1
    (guest, group) = sorted(found[0].participants, key=lambda p: p.name is None)
    assert guest.name == "Estelle Mboumba"
    assert group.name is None and group.country == "UY" and group.role.startswith("délégation du ministère")


@pytest.mark.parametrize("verb", ["s'est entretenu avec", "a rencontré"])
def test_a_body_met_is_an_unnamed_side_of_the_country_its_complement_names(extractor, verb) -> None:
    text = f"Le ministre islandais de la Justice, Gunnar Olafsson, {verb} la Direction générale de la police du Portugal."
    found = meetings(extractor, text)
    assert [sides(m) for m in found] == [
        [("", "Direction générale de la police", "PT"), ("Gunnar Olafsson", "ministre de la Justice", "IS")]
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Conduite par le ministre kényan de l'Intérieur, cette délégation a été reçue par une délégation zambienne "
        "conduite par le ministre zambien de la Sécurité.",
        "Une délégation kényane conduite par le ministre kényan de l'Intérieur a été reçue à Lusaka par une délégation "
        "zambienne dirigée par le ministre zambien de la Sécurité.",
    ],
)
def test_a_delegation_led_by_a_title_is_that_official(extractor, text) -> None:
    found = meetings(extractor, text)
    assert [[(p.role, p.country) for p in sorted(m.participants, key=lambda p: p.country)] for m in found] == [
        [("ministre de l'Intérieur", "KE"), ("ministre de la Sécurité", "ZM")]
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Le président malien, Oumar Keita, accompagné de sa délégation, a été reçu par le président nigérien, Ali Issoufou.",
        "Le président nigérien, Ali Issoufou, a reçu le président malien, Oumar Keita, et la délégation qui l'accompagnait.",
        "Le président malien, Oumar Keita, a été accueilli par des responsables nigériens puis reçu par le président nigérien, Ali Issoufou.",
    ],
)
def test_an_escort_or_a_vague_group_is_no_side(extractor, text) -> None:
    found = meetings(extractor, text)
    assert [sides(m) for m in found] == [[("Ali Issoufou", "président", "NE"), ("Oumar Keita", "président", "ML")]]


@pytest.mark.parametrize("group", ["une délégation d'hommes d'affaires nigériens", "une délégation du patronat nigérien"])
def test_a_delegation_of_people_without_office_is_no_side(extractor, group) -> None:
    text = f"Le président malien, Oumar Keita, a reçu lundi à Bamako {group}."
    assert meetings(extractor, text) == []


def test_a_group_of_no_state_is_dropped(extractor) -> None:
    text = "Le président malien, Oumar Keita, a rencontré la délégation européenne au palais de Koulouba."
    assert meetings(extractor, text) == []


@pytest.mark.parametrize(
    "agent, role",
    [
        ("en audience par plusieurs membres du gouvernement", "membre du gouvernement"),
        ("par le président de la commission des Affaires étrangères de l'Assemblée nationale",
         "président de la commission des Affaires étrangères de l'Assemblée nationale"),
    ],
)
def test_an_institution_many_states_have_is_the_visited_state(extractor, agent, role) -> None:
    text = f"Lors de sa visite à Accra, le ministre burkinabè des Affaires étrangères, Issa Kaboré, a été reçu {agent}."
    found = meetings(extractor, text)
    assert [sides(m) for m in found] == [[("", role, "GH"), ("Issa Kaboré", "ministre des Affaires étrangères", "BF")]]


@pytest.mark.parametrize(
    "text",
    [
        "Au cours de ce séjour, qui s'inscrivait dans le suivi de la visite effectuée par une délégation béninoise en "
        "octobre 2016, la ministre gabonaise Estelle Mboumba a été reçue par le président ghanéen Kofi Mensah.",
        "Durant ce déplacement, qui faisait suite à la mission conduite par le Secrétaire général de l'OIF en mars 2019, "
        "la ministre gabonaise Estelle Mboumba a été reçue par le président ghanéen Kofi Mensah.",
    ],
)
def test_a_month_that_dates_an_earlier_visit_does_not_make_the_audience_background(extractor, text) -> None:
    found = meetings(extractor, text, published=None)
    assert [sides(m) for m in found] == [[("Estelle Mboumba", "ministre", "GA"), ("Kofi Mensah", "président", "GH")]]


@pytest.mark.parametrize(
    "subject",
    [
        "Une délégation malienne composée du directeur général de la Police, Oumar Keita, et du directeur de la Sécurité "
        "d'État, Sekou Traoré, a eu",
        "Le ministre malien de la Défense, Oumar Keita, a eu",
    ],
)
def test_talks_the_parser_coordinated_with_an_adverbial_keep_their_sides(extractor, subject) -> None:
    text = f"{subject}, lundi à Niamey, des entretiens avec des responsables politiques et sécuritaires nigériens de haut niveau."
    found = meetings(extractor, text)
    assert len(found) == 1
    people = {p.name: p for p in found[0].participants}
    assert people["Oumar Keita"].country == "ML"
    assert (people[None].role, people[None].country) == ("responsables politiques et sécuritaires", "NE")


def test_other_members_beside_named_ones_are_no_side(extractor) -> None:
    text = ("Le ministre sénégalais des Affaires étrangères, Ousmane Ba, s'est entretenu avec le ministre malien de la "
            "Défense, Oumar Keita, et d'autres membres du gouvernement malien.")
    found = meetings(extractor, text)
    assert [sides(m) for m in found] == [
        [("Oumar Keita", "ministre de la Défense", "ML"), ("Ousmane Ba", "ministre des Affaires étrangères", "SN")]
    ]


@pytest.mark.parametrize(
    "group, code",
    [
        ("une délégation du FMI conduite par son chef de mission, Pierre Dubois", "FMI"),
        ("une délégation de la Banque mondiale conduite par Pierre Dubois", "Banque mondiale"),
    ],
)
def test_the_leader_of_a_body_delegation_is_of_that_body(extractor, group, code) -> None:
    found = meetings(extractor, f"Le président sénégalais, Macky Diallo, a reçu mardi {group}.")
    assert [[(p.name, p.country) for p in sorted(m.participants, key=lambda p: p.name)] for m in found] == [
        [("Macky Diallo", "SN"), ("Pierre Dubois", code)]
    ]


def test_a_company_board_is_no_side(extractor) -> None:
    text = "Le ministre sénégalais de l'Énergie, Ousmane Ba, s'est entretenu avec la direction de l'entreprise française Orano."
    assert meetings(extractor, text) == []
