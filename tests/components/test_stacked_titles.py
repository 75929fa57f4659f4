""""le Premier ministre, ministre d'État, X": stacked titles in apposition all describe X (invented names)."""

from __future__ import annotations

import pytest

from diplomacy_ner import extract_meetings


@pytest.mark.parametrize(
    "text, role",
    [
        (
            "Le Premier ministre belge Marc Dupont est arrivé lundi. Le 29 août, le Premier ministre, ministre "
            "d'État, Paul Kessler, a accueilli le président de la République française, Jean Morel, à Senningen.",
            "Premier ministre",
        ),
        (
            "Le ministre malien Ali Koné est rentré mardi. Le ministre, porte-parole du gouvernement, Paul "
            "Kessler, a reçu l'ambassadeur de France, Jean Morel, à Luxembourg.",
            "ministre",
        ),
    ],
)
def test_a_title_before_a_bare_title_in_apposition_is_the_same_person(text: str, role: str) -> None:
    meetings = extract_meetings(text, published="2024-08-30")
    assert len(meetings) == 1
    people = {p.name: p for p in meetings[0].participants}
    assert set(people) == {"Paul Kessler", "Jean Morel"}
    assert people["Paul Kessler"].role == role


def test_a_title_with_its_own_article_after_the_comma_is_not_stacked() -> None:
    text = (
        "Le ministre tchadien Ali Koné est arrivé lundi. Le ministre, le président Paul Kessler et le Premier "
        "ministre Jean Morel ont reçu l'ambassadeur de France, Luc Bernard, à Luxembourg."
    )
    meetings = extract_meetings(text, published="2024-08-30")
    assert any(p.name == "Ali Koné" for m in meetings for p in m.participants)
