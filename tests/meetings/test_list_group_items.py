"""A list of people met that names a group among them ("…, B, des représentants de la société civile,
la représentante de l'ONU, C"): the people after the group are met too; a title's body coordinated
after one the knowledge base does not know ("représentante spéciale du X et des Nations unies") gives
the person's body (sentences written for these tests, invented names)."""

from __future__ import annotations

import pytest

from helpers import meetings, names

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "group",
    [
        "des représentants de la société civile",
        "les membres du bureau du Sénat",
        "plusieurs responsables syndicaux",
    ],
)
def test_people_after_a_group_item_are_met(extractor, group) -> None:
    text = (
        "L'envoyé spécial belge Luc Peeters a rencontré samedi le Premier ministre, Paul Ngaba, le ministre de la "
        f"Justice, Jean Kossi, {group}, la représentante spéciale de l'Union africaine, Awa Diallo, et son équipe."
    )
    found = [names(m) for m in meetings(extractor, text)]
    assert any("Awa Diallo" in f and "Luc Peeters" in f for f in found)
    awa = next(p for m in meetings(extractor, text) for p in m.participants if p.name == "Awa Diallo")
    assert awa.country == "UA"


@pytest.mark.parametrize(
    "title, code",
    [
        ("la représentante spéciale du BUNOX et des Nations unies", "ONU"),
        ("la représentante spéciale du BUNOX et de l'Union africaine", "UA"),
    ],
)
def test_body_coordinated_after_an_unknown_one(extractor, title, code) -> None:
    text = f"Le ministre ghanéen Kwame Asante a reçu lundi {title}, Awa Diallo."
    [m] = meetings(extractor, text)
    assert {p.name: p.country for p in m.participants} == {"Kwame Asante": "GH", "Awa Diallo": code}


def test_portfolio_coordinated_with_a_body_serves_a_state(extractor) -> None:
    """Guard: "ministre des Affaires étrangères et de l'Union africaine" is no official of the AU."""
    text = "Le ministre ghanéen Kwame Asante a reçu lundi à Accra le ministre togolais des Affaires étrangères et de l'Union africaine, Komi Sewa."
    [m] = meetings(extractor, text)
    assert {p.name: p.country for p in m.participants} == {"Kwame Asante": "GH", "Komi Sewa": "TG"}
