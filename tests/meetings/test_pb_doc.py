"""Unnamed officials and plural titles: rules of this file's session (sentences written for these
tests, invented names)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def meetings(extractor, text, published="2025-03-12"):
    return extractor.extract_meetings(text, published=published)


def names(meeting):
    return sorted(p.name or f"<{p.role}|{p.country}>" for p in meeting.participants)


@pytest.mark.parametrize(
    "text",
    [
        "Le président nigérien Ali Moussa était à Ndjamena. Le N°1 nigérien a rencontré le président tchadien Idriss Mahamat.",
        "Le président nigérien Ali Moussa était à Ndjamena. Le numéro 1 nigérien a rencontré le président tchadien Idriss Mahamat.",
        "Le président nigérien Ali Moussa était à Ndjamena. Le numéro un nigérien a rencontré le président tchadien Idriss Mahamat.",
    ],
)
def test_number_one_of_a_country_is_its_named_head_of_state(extractor, text) -> None:
    found = meetings(extractor, text)
    assert [names(m) for m in found] == [["Ali Moussa", "Idriss Mahamat"]]


def test_number_one_after_an_earlier_meeting_of_the_same_head_of_state(extractor) -> None:
    text = (
        "Le chef de l'Etat ivoirien Kouassi Yao a reçu mardi le ministre ghanéen des Affaires étrangères, Kofi Boateng. "
        "Le numéro un ivoirien a ensuite reçu le ministre togolais de la Défense, Komi Agbeko."
    )
    found = meetings(extractor, text)
    assert sorted(names(m) for m in found) == [["Kofi Boateng", "Kouassi Yao"], ["Komi Agbeko", "Kouassi Yao"]]
