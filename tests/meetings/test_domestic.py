"""A purely domestic audience (every participant of one state) is no diplomatic meeting; officials of
one body (the EU) still meet. Invented names."""

from __future__ import annotations

import pytest

from diplomacy_ner import extract_meetings


@pytest.mark.parametrize(
    "text",
    [
        "L'ambassadeur d'Iran au Liban, Reza Karimi, a accueilli jeudi à Beyrouth le ministre iranien des "
        "Affaires étrangères, Ali Moradi.",
        "Le président sénégalais Moussa Diop a reçu lundi à Dakar le Premier ministre sénégalais Awa Ndiaye.",
    ],
)
def test_a_domestic_audience_is_no_meeting(text: str) -> None:
    assert extract_meetings(text, published="2024-05-06") == []


def test_officials_of_one_body_still_meet() -> None:
    text = (
        "La présidente de la Commission européenne Anna Keller a reçu lundi à Bruxelles le président du "
        "Conseil européen Luc Martin."
    )
    meetings = extract_meetings(text, published="2024-05-06")
    assert [sorted(p.name for p in m.participants) for m in meetings] == [["Anna Keller", "Luc Martin"]]


def test_a_meeting_of_two_states_stays() -> None:
    text = "Le président sénégalais Moussa Diop a reçu lundi à Dakar le Premier ministre malien Awa Keita."
    meetings = extract_meetings(text, published="2024-05-06")
    assert [sorted(p.country for p in m.participants) for m in meetings] == [["ML", "SN"]]
