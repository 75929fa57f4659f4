"""A meeting noun whose complement names its members ("la réunion des ministres de A, B et C"), and
the visitor a session gives a purpose to (sentences written for these tests, invented names)."""

from __future__ import annotations

import pytest

from helpers import meetings

pytestmark = pytest.mark.slow

LEAD = "Le président togolais Koffi Amegan a reçu lundi Omar Touré, président de la Commission de la CEDEAO, à Lomé. "
SESSION = "la réunion des ministres du Commerce du Ghana, du Bénin, du Nigeria et du Togo"


def sides(meeting):
    return sorted(p.name or p.country for p in meeting.participants)


def test_talks_on_the_sidelines_of_a_ministers_meeting_do_not_put_the_pair_in_it(extractor) -> None:
    text = LEAD + f"Les deux personnalités ont eu un entretien en marge de {SESSION}, tenue du 10 au 12 mars à Lomé."
    found = meetings(extractor, text)
    assert ["Koffi Amegan", "Omar Touré"] in [sides(m) for m in found]
    assert all("Koffi Amegan" not in sides(m) for m in found if len(m.participants) > 2)


@pytest.mark.parametrize(
    "stay",
    [
        f"L'audience s'est tenue lors du séjour au Togo du président de la Commission de la CEDEAO dans le cadre de {SESSION}.",
        f"L'audience s'est tenue pendant la visite à Lomé d'Omar Touré, à l'occasion de {SESSION}.",
    ],
)
def test_the_visitor_a_session_gives_a_purpose_to_takes_part_in_it(extractor, stay) -> None:
    text = LEAD + f"Les deux personnalités ont eu un entretien en marge de {SESSION}, tenue du 10 au 12 mars à Lomé. " + stay
    found = meetings(extractor, text)
    assert sorted(sides(m) for m in found) == [["BJ", "GH", "NG", "Omar Touré", "TG"], ["Koffi Amegan", "Omar Touré"]]
