"""A KB person's name made longer by a designation the KB lists as an alias is the KB's name."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def person(extractor, text: str, pid: str):
    analysis = extractor.analyze(text, published="2024-03-03")
    return next(e for e in analysis.entities if e.id == pid)


def test_a_regnal_name_with_its_country_is_the_kb_name(extractor) -> None:
    text = "Le roi Abdallah II de Jordanie a reçu mardi à Amman le ministre Paul Kiroga."
    king = person(extractor, text, "person:abdallah-ii")
    assert king.name == "Abdallah II"
    assert "Abdallah II de Jordanie" in king.aliases
    [m] = extractor.extract_meetings(text, published="2024-03-03")
    assert sorted(p.name for p in m.participants) == ["Abdallah II", "Paul Kiroga"]


def test_a_longer_name_that_is_no_designation_stays_as_written(extractor) -> None:
    text = "Le ministre José Manuel Albares Bueno a reçu mardi à Madrid le ministre Paul Kiroga."
    minister = person(extractor, text, "person:jose-manuel-albares")
    assert minister.name == "José Manuel Albares Bueno"
