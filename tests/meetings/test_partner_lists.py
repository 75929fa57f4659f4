"""Meetings of three or more participants and sessions (sentences written for these tests, invented names).

Lists of partners the parser cuts or hangs on another word, co-subjects, portfolio elisions in a list.
"""

from __future__ import annotations

import pytest

from helpers import meetings, names

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "Le roi Kamal Osmane de Jordanie a accueilli vendredi le prince héritier d'Abou Dhabi Khaled Nasri, "
        "le président égyptien Farid Mansour et le Premier ministre irakien Karim Jaber pour discuter des "
        "développements régionaux.",
        "Le président togolais Koffi Adanlete a accueilli lundi le président ghanéen Kwame Osei, le président "
        "béninois Fidèle Agbo et le Premier ministre ivoirien Yao Kouassi pour examiner la situation au Sahel.",
    ],
)
def test_titled_items_of_a_cut_list_are_partners(extractor, text) -> None:
    """"…, le président égyptien X et le Premier ministre irakien Y": each item with its own title is a partner."""
    found = meetings(extractor, text)
    assert len(found) == 3  # successive talks: no session is told
    assert all(len(m.participants) == 2 for m in found)
    assert len({n for m in found for n in names(m)}) == 4


def test_titled_items_after_a_summit_are_one_meeting(extractor) -> None:
    text = (
        "Réunion à Amman entre les dirigeants jordanien, égyptien, émirati et irakien.\n\n"
        "Le roi Kamal Osmane de Jordanie a accueilli vendredi le prince héritier d'Abou Dhabi Khaled Nasri, "
        "le président égyptien Farid Mansour et le Premier ministre irakien Karim Jaber pour discuter des "
        "développements régionaux."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["Farid Mansour", "Kamal Osmane", "Karim Jaber", "Khaled Nasri"]


@pytest.mark.parametrize(
    "text",
    [
        "L'Envoyé spécial pour le Liberia, Tom Becker, et l'ambassadeur des États-Unis au Liberia Anna Shaw ont "
        "rencontré le Premier ministre, Joseph Kollie, les ministres des Affaires étrangères, Moses Tubman, "
        "de la Justice, Grace Dolo, et le directeur de la Police, Aaron Sirleaf.",
    ],
)
def test_two_visitors_meet_each_member_of_a_list(extractor, text) -> None:
    """"A, titre, et B ont rencontré C, D, de la Justice, E": A and B meet each partner of the list."""
    found = meetings(extractor, text)
    groups = [names(m) for m in found]
    for partner in ("Joseph Kollie", "Moses Tubman", "Grace Dolo"):
        assert sorted(["Anna Shaw", "Tom Becker", partner]) in groups


def test_a_participle_after_a_time_noun_is_no_clause(extractor) -> None:
    """"a reçu, pendant la semaine écoulée, A, B et C": the participle does not cut the verb from its guests."""
    text = (
        "L'envoyée spéciale Anna Shaw a reçu, pendant la semaine écoulée, le Premier ministre, Joseph Kollie, le "
        "ministre des Affaires étrangères, Moses Tubman, et le directeur de la Police, Aaron Sirleaf."
    )
    found = meetings(extractor, text)
    assert sorted(names(m) for m in found) == [
        ["Aaron Sirleaf", "Anna Shaw"],
        ["Anna Shaw", "Joseph Kollie"],
        ["Anna Shaw", "Moses Tubman"],
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Paul Dara, président du Sénat, et Marc Lenoir, membre du gouvernement chargé du commerce, sont en mission "
        "à Suva. Ils ont pu rencontrer Tomasi Ravu, le ministre des Affaires étrangères.",
        "Le président du Sénat Paul Dara et le ministre du Commerce Marc Lenoir sont en visite à Suva depuis lundi. "
        "Ils se sont entretenus mercredi avec le Premier ministre Tomasi Ravu.",
    ],
)
def test_a_plural_pronoun_with_a_partner_is_the_pair_named_before(extractor, text) -> None:
    """"X et Y sont en mission à Z. Ils ont rencontré W": one meeting of the three."""
    [m] = meetings(extractor, text)
    assert names(m) == ["Marc Lenoir", "Paul Dara", "Tomasi Ravu"]


@pytest.mark.parametrize(
    "opening",
    [
        "Ce lundi 3 mars 2025, Dakar a accueilli la première réunion des ministres des Affaires étrangères de l'Union "
        "du Fleuve, sous la présidence de Paul Ndiaye, ministre des Affaires étrangères du Sénégal.",
        "Lundi, Dakar a abrité la réunion des ministres des Affaires étrangères de l'Union du Fleuve, sous la "
        "présidence de Paul Ndiaye, ministre des Affaires étrangères du Sénégal.",
    ],
)
def test_a_plural_subject_lists_the_members_of_a_chaired_session(extractor, opening) -> None:
    """A session opened under its chair; "Les ministres de A, B et C, respectivement X, Y et Z, ont …" attend it."""
    text = (
        opening + " Les ministres des Affaires étrangères de la Gambie, de la Guinée et du Sénégal, respectivement "
        "Lamin Ceesay, Mamadi Camara et Paul Ndiaye, ont souligné le rôle de leurs dirigeants."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["Lamin Ceesay", "Mamadi Camara", "Paul Ndiaye"]
