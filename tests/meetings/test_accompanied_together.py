"""Guests who came together: "a rencontré A ainsi que B et la délégation qui les accompagnait" is one
meeting, not one per guest (sentences written for these tests, invented names)."""

from __future__ import annotations

import pytest

from helpers import meetings, names

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "Le président Omar Bakari a rencontré Luc Peeters, président du Conseil européen, ainsi que Marta Lopes, "
        "présidente de la Commission européenne et la délégation qui les accompagnait, au palais présidentiel à Moroni.",
        "Le président comorien Omar Bakari a reçu lundi Luc Peeters, président du Conseil européen, et Marta Lopes, "
        "présidente de la Commission européenne, ainsi que les conseillers qui les accompagnent.",
    ],
)
def test_guests_with_one_entourage_meet_together(extractor, text) -> None:
    found = meetings(extractor, text)
    assert [names(m) for m in found] == [["Luc Peeters", "Marta Lopes", "Omar Bakari"]]
    assert {p.name: p.country for p in found[0].participants}["Marta Lopes"] == "UE"


def test_guests_without_a_shared_entourage_meet_one_by_one(extractor) -> None:
    """Guard: the same guests without "qui les accompagnait" are one audience each."""
    text = (
        "Le président Omar Bakari a rencontré Luc Peeters, président du Conseil européen, ainsi que Marta Lopes, "
        "présidente de la Commission européenne, au palais présidentiel à Moroni."
    )
    found = sorted(names(m) for m in meetings(extractor, text))
    assert found == [["Luc Peeters", "Omar Bakari"], ["Marta Lopes", "Omar Bakari"]]
