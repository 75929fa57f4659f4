"""Companions and private talks inside a visit (sentences written for these tests, invented names)."""

from __future__ import annotations

import pytest

from helpers import meetings

pytestmark = pytest.mark.slow

WELCOME = (
    "Le président gabonais, Paul Mba, a été accueilli à l'aéroport par le Premier ministre, Jan Vermeer, le chef du "
    "protocole, Karel Smit, et l'ambassadeur du Gabon, Jean Ondo. "
)


def names(m):
    return sorted(p.name for p in m.participants)


def test_a_companion_taking_part_in_another_programme_joins_no_talks(extractor) -> None:
    text = (
        "Le président gabonais, Paul Mba, a eu mardi un entretien avec le Premier ministre néerlandais, Jan Vermeer, "
        "tandis que Marie Mba a pris part au programme culturel proposé aux conjoints."
    )
    assert [names(m) for m in meetings(extractor, text)] == [["Jan Vermeer", "Paul Mba"]]


@pytest.mark.parametrize(
    "talks",
    [
        "Le président gabonais a ensuite pris la direction du château pour un entretien en tête-à-tête avec Jan Vermeer.",
        "Paul Mba s'est ensuite entretenu en tête-à-tête avec Jan Vermeer au château.",
    ],
)
def test_private_talks_after_a_welcome_are_their_own_meeting(extractor, talks) -> None:
    found = meetings(extractor, WELCOME + talks)
    assert ["Jan Vermeer", "Paul Mba"] in [names(m) for m in found]
