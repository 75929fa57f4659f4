"""One guest received by each agent in turn ("reçu par A ainsi que par B"), and a person the text
names without an office before taking them up with a bare title (sentences written for these tests,
invented names)."""

from __future__ import annotations

import pytest

from helpers import meetings, sides

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "agents",
    [
        "par son homologue togolais ainsi que par le président de la République, Koffi Amegan",
        "par son homologue togolais, puis par le président de la République, Koffi Amegan",
    ],
)
def test_an_unnamed_agent_and_a_named_one_each_receive_the_guest(extractor, agents) -> None:
    text = f"Le ministre ghanéen des Affaires étrangères, Kwame Asante, a été reçu lundi à Lomé {agents}."
    found = meetings(extractor, text)
    assert sorted(sides(m) for m in found) == [
        [("", "ministre des Affaires étrangères", "TG"), ("Kwame Asante", "ministre des Affaires étrangères", "GH")],
        [("Koffi Amegan", "président de la République", "TG"), ("Kwame Asante", "ministre des Affaires étrangères", "GH")],
    ]


def test_the_named_agent_does_not_absorb_the_unnamed_one_of_his_country(extractor) -> None:
    text = ("Le ministre ghanéen des Affaires étrangères, Kwame Asante, a été reçu lundi à Lomé par son homologue togolais "
            "ainsi que par le président togolais Koffi Amegan.")
    found = meetings(extractor, text)
    assert len(found) == 2
    assert sorted(m.host.name or m.host.role for m in found) == ["Koffi Amegan", "ministre des Affaires étrangères"]


@pytest.mark.parametrize(
    "title",
    ["Le nouveau ministre des Affaires étrangères", "Le ministre des Affaires étrangères"],
)
def test_a_bare_title_taking_up_an_untitled_name_gives_its_office(extractor, title) -> None:
    text = (f"Karim Belhadj a choisi Accra pour sa première visite à l'étranger. {title} a été reçu lundi "
            "par le président ghanéen, Kofi Mensah, avec qui il s'est entretenu pendant deux heures.")
    found = meetings(extractor, text)
    assert [sides(m) for m in found] == [
        [("Karim Belhadj", "ministre des Affaires étrangères", ""), ("Kofi Mensah", "président", "GH")]
    ]
