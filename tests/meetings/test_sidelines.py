"""Talks on the sidelines of a gathering (sentences written for these tests, invented names)."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.slow

LEAD = ("Le ministre malien des Affaires étrangères, Oumar Keita, a dit jeudi s'être entretenu la veille avec son "
        "homologue sénégalais, Awa Diallo, en marge du sommet de Niamey. ")


def meetings(extractor, text, published="2025-03-13"):
    return extractor.extract_meetings(text, published=published)


def partners(found):
    return sorted(tuple(sorted((p.name or "", p.country or "") for p in m.participants)) for m in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Oumar Keita a également indiqué qu'il s'était entretenu avec les ministres des Affaires étrangères du Ghana, du Togo et du Bénin.",
        "Il s'est aussi entretenu avec les ministres des Affaires étrangères du Ghana, du Togo et du Bénin.",
    ],
)
def test_a_talk_with_several_countries_officials_on_the_sidelines_is_one_bilateral_each(extractor, sentence) -> None:
    found = meetings(extractor, LEAD + sentence)
    assert partners(found) == [
        (("", "BJ"), ("Oumar Keita", "ML")),
        (("", "GH"), ("Oumar Keita", "ML")),
        (("", "TG"), ("Oumar Keita", "ML")),
        (("Awa Diallo", "SN"), ("Oumar Keita", "ML")),
    ]
    # a connector ("également", "aussi") without a date of its own: the day of the talks just told
    assert {m.date for m in found} == {dt.date(2025, 3, 12)}


def test_without_a_gathering_the_same_talk_is_one_meeting(extractor) -> None:
    text = ("Le ministre malien des Affaires étrangères, Oumar Keita, s'est entretenu mercredi à Bamako avec les ministres "
            "des Affaires étrangères du Ghana, du Togo et du Bénin.")
    found = meetings(extractor, text)
    assert partners(found) == [(("", "BJ"), ("", "GH"), ("", "TG"), ("Oumar Keita", "ML"))]


def test_a_trilateral_on_the_sidelines_stays_one_meeting(extractor) -> None:
    text = ("En marge du sommet de Niamey, le ministre malien des Affaires étrangères, Oumar Keita, s'est entretenu "
            "ensemble avec les ministres des Affaires étrangères du Ghana et du Togo.")
    found = meetings(extractor, text)
    assert partners(found) == [(("", "GH"), ("", "TG"), ("Oumar Keita", "ML"))]



@pytest.mark.parametrize(
    "sentence",
    [
        "Il s'est également entretenu avec le ministre togolais des Affaires étrangères, Koffi Agbo.",
        "Oumar Keita a aussi indiqué qu'il s'était entretenu avec le ministre togolais des Affaires étrangères, Koffi Agbo.",
    ],
)
def test_a_talk_told_with_a_connector_and_no_date_of_its_own_is_on_the_day_just_told(extractor, sentence) -> None:
    text = ("Le ministre malien des Affaires étrangères, Oumar Keita, a dit jeudi s'être entretenu la veille avec son "
            "homologue sénégalais, Awa Diallo, à Dakar. " + sentence)
    found = meetings(extractor, text)
    assert sorted((tuple(sorted(p.name for p in m.participants)), m.date) for m in found) == [
        (("Awa Diallo", "Oumar Keita"), dt.date(2025, 3, 12)),
        (("Koffi Agbo", "Oumar Keita"), dt.date(2025, 3, 12)),
    ]


def test_a_meeting_with_several_countries_officials_on_the_sidelines_is_one_bilateral_each(extractor) -> None:
    text = (
        "En marge de la réunion du G20, le ministre russe des Affaires étrangères, Ivan Petrov, a discuté avec son "
        "homologue chinois Li Wen. Il a également rencontré le président sud-africain et les ministres indien et "
        "algérien des Affaires étrangères."
    )
    found = meetings(extractor, text)
    assert sorted(sorted(p.name or p.country for p in m.participants) for m in found) == [
        ["DZ", "Ivan Petrov"], ["IN", "Ivan Petrov"], ["Ivan Petrov", "Li Wen"], ["Ivan Petrov", "ZA"],
    ]
