"""Sessions and multi-party meetings (sentences written for these tests, invented names).

A session the subject of a passive "présidé par" names gathers its chairs, the lone attendant the
sentence before told and the attendants named next; in "ses homologues malien, X, et burkinabé, Y"
each name in apposition takes the country of its demonym.
"""

from __future__ import annotations

import pytest

from helpers import meetings, names

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Le président togolais Kodjo Amavi a pris part jeudi au sommet de la CEDEAO à Abuja. "
            "L'évènement a été présidé par le chef de l'État nigérian, Bello Adamu.",
            ["Bello Adamu", "Kodjo Amavi"],
        ),
        (
            "Le Premier ministre belge Luc Vermeulen a participé mardi à la conférence sur le climat. "
            "La conférence a été présidée par le président kényan Daniel Otieno.",
            ["Daniel Otieno", "Luc Vermeulen"],
        ),
        (
            "La réunion des ministres s'est tenue lundi à Genève. La réunion a été présidée par le ministre suisse "
            "Urs Keller et par le ministre autrichien Franz Huber.",
            ["Franz Huber", "Urs Keller"],
        ),
    ],
)
def test_a_session_chaired_by_officials_in_a_passive_gathers_them(extractor, text, expected) -> None:
    found = [names(m) for m in meetings(extractor, text)]
    assert expected in found


def test_a_chaired_session_takes_the_attendants_named_next(extractor) -> None:
    text = (
        "Une réunion de haut niveau se tient ce lundi par vidéoconférence. Cette réunion sera présidée par "
        "le président suisse Urs Keller et par le président autrichien Franz Huber. La chancelière allemande "
        "Greta Vogel participera également à cette réunion."
    )
    found = meetings(extractor, text, published=None)
    assert [names(m) for m in found] == [["Franz Huber", "Greta Vogel", "Urs Keller"]]
    assert found[0].status == "held"


def test_a_chaired_session_without_other_attendant_is_no_meeting(extractor) -> None:
    text = "Le forum économique de Dakar s'est achevé vendredi. Le forum a été présidé par le ministre sénégalais Moussa Ndiaye."
    assert meetings(extractor, text) == []


@pytest.mark.parametrize(
    "text, name, role, country",
    [
        (
            "Le président ivoirien Assa Koné a reçu lundi à Abidjan ses homologues malien, Amadou Sissoko, "
            "et burkinabé, Paul Ouédraogo.",
            "paul-ouedraogo", None, "BF",
        ),
        (
            "Le ministre nigérien Ali Garba a fait le bilan de la session, en présence de ses homologues malien, "
            "Amadou Sissoko, et burkinabé, Paul Ouédraogo.",
            "paul-ouedraogo", None, "BF",
        ),
        (
            "Le président ghanéen Kofi Boateng a ouvert le sommet, aux côtés des présidents togolais, Koffi Agbo, "
            "et béninois, Rémi Houngbo.",
            "remi-houngbo", "président", "BJ",
        ),
    ],
)
def test_a_demonym_list_with_names_in_apposition_gives_each_its_country(extractor, text, name, role, country) -> None:
    doc = extractor.nlp(extractor.make_doc(text, None))
    info = doc._.person_roles[f"doc-person:{name}"]
    assert info.get("country") == country
    assert info.get("role") == role


@pytest.mark.parametrize(
    "text, pair, newcomer",
    [
        (
            "Le 3 mars, le Premier ministre Paul Wagner a accueilli le président de la République française, "
            "Lucien Marchal, pour une entrevue au château de Berg. Le Premier ministre et le président ont ensuite "
            "été rejoints par le Premier ministre néerlandais, Joost de Vries, pour un déjeuner de travail.",
            ["Lucien Marchal", "Paul Wagner"], "Joost de Vries",
        ),
        (
            "Lundi, la présidente Ana Ferreira a reçu le chancelier autrichien Franz Huber au palais de Belém. "
            "Les deux dirigeants ont été rejoints dans l'après-midi par le Premier ministre espagnol Diego Ruiz.",
            ["Ana Ferreira", "Franz Huber"], "Diego Ruiz",
        ),
    ],
)
def test_talks_joined_by_a_newcomer_make_a_meeting_of_three(extractor, text, pair, newcomer) -> None:
    found = sorted(names(m) for m in meetings(extractor, text))
    assert pair in found
    assert sorted([*pair, newcomer]) in found
