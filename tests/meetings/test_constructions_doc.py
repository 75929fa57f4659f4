"""More constructions of real news (sentences written for these tests, invented names).

An office the text names without its holder, the subject of an infinitive clause
when the parser roots the sentence elsewhere, a country inside a title.
"""

from __future__ import annotations

import pytest

from helpers import meetings, names

pytestmark = pytest.mark.slow


def test_an_unnamed_head_of_state_partner_under_a_dateline(extractor) -> None:
    text = (
        "Bamako - Le ministre turc des Affaires étrangères, Kemal Arslanoglu, s'est entretenu mardi au palais "
        "de Koulouba avec le président de la République."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["<président de la République|ML>", "Kemal Arslanoglu"]
    unnamed = next(p for p in m.participants if p.name is None)
    assert text[unnamed.mentions[0].start : unnamed.mentions[0].end] == "président de la République"


def test_a_country_inside_a_title_places_the_unnamed_official(extractor) -> None:
    text = "Le président malgache, Hery Randrianasolo, a été reçu mardi par le Chef du Gouvernement de l'île Maurice."
    [m] = meetings(extractor, text)
    assert names(m) == ["<Chef du Gouvernement de l'île Maurice|MU>", "Hery Randrianasolo"]
    assert m.host is not None and m.host.name is None and m.host.country == "MU"


def test_an_infinitive_clause_takes_the_subject_of_the_clause_after_it(extractor) -> None:
    text = (
        "Après avoir rencontré lundi les membres du Groupe des amis et l'ambassadeur américain en Haïti sur "
        "la crise qui prévaut dans le pays depuis des mois, le secrétaire général de l'OEA, Luis Almaraz, "
        "s'est entretenu mardi avec le Premier ministre, Henri Jean-Pierre."
    )
    found = {tuple(names(m)) for m in meetings(extractor, text)}
    assert ("<ambassadeur en Haïti|US>", "Luis Almaraz") in found
    assert ("Henri Jean-Pierre", "Luis Almaraz") in found


def test_a_country_word_inside_a_name_does_not_place_a_title(extractor) -> None:
    text = (
        "Le président seychellois, Wilfrid Ramdine, a reçu mardi le secrétaire général de la Commission de "
        "l'Océan Indien et le Chef du Gouvernement de l'île Maurice."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["<Chef du Gouvernement de l'île Maurice|MU>", "Wilfrid Ramdine"]


def test_a_bare_title_before_a_missed_name_is_no_unnamed_official(extractor) -> None:
    text = "Bamako - Le ministre turc Kemal Arslanoglu a rencontré mardi le Premier ministre Kolo Tiemoko."
    for m in meetings(extractor, text):
        assert all(p.name is not None for p in m.participants)


@pytest.mark.parametrize(
    "text",
    [
        "Les travaux de la commission mixte ont débuté lundi à Dakar, sous la présidence conjointe du ministre "
        "des Affaires étrangères, Moussa Diallo, et de son homologue mauritanien, Sidi Ould Bakar.",
        "La session s'est tenue lundi à Dakar sous la coprésidence du ministre des Affaires étrangères, "
        "Moussa Diallo, et de son homologue mauritanien, Sidi Ould Bakar.",
    ],
)
def test_the_co_chairs_of_a_session_are_its_participants(extractor, text) -> None:
    [m] = meetings(extractor, "Dakar - " + text)
    assert names(m) == ["Moussa Diallo", "Sidi Ould Bakar"]
    assert {p.name: p.country for p in m.participants}["Sidi Ould Bakar"] == "MR"


@pytest.mark.parametrize(
    "text",
    [
        "La ministre française, Claire Vasseur, a déjeuné mardi avec son homologue indien, Raj Malhotra.",
        "La ministre française, Claire Vasseur, a eu mardi un déjeuner de travail avec son homologue indien, Raj Malhotra.",
    ],
)
def test_a_working_meal_is_a_meeting(extractor, text) -> None:
    [m] = meetings(extractor, text)
    assert names(m) == ["Claire Vasseur", "Raj Malhotra"]


def test_a_pluperfect_anchored_on_the_day_before_is_told_not_recalled(extractor) -> None:
    text = (
        "Le Premier ministre japonais, Kenji Morita, a rencontré mardi à Pékin le président chinois, Wang Lei. "
        "Cependant, M. Morita avait rencontré la veille, lundi, le président russe, Ivan Sokolov."
    )
    found = {tuple(names(m)) for m in meetings(extractor, text)}
    assert ("Ivan Sokolov", "Kenji Morita") in found


def test_an_unnamed_participant_is_the_one_holder_of_its_office_named_later(extractor) -> None:
    text = (
        "Les ministres des Affaires étrangères du Mali, du Niger et du Burkina Faso ont tenu une réunion mardi "
        "à Banjul. Le ministre nigérien des Affaires étrangères, Issa Garbadou, a salué les progrès de l'Alliance."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["<ministre des Affaires étrangères|BF>", "<ministre des Affaires étrangères|ML>", "Issa Garbadou"]
    garba = next(p for p in m.participants if p.name)
    assert garba.country == "NE"
    assert "Issa Garbadou" in [text[x.start : x.end] for x in garba.mentions]


def test_the_subject_after_a_fronted_encounter_is_not_its_partner(extractor) -> None:
    text = (
        "Après un appel entre le président américain, John Carver, et le président russe, Pavel Orlov, "
        "le président ukrainien, Taras Melnyk, a affirmé mercredi avoir parlé au téléphone avec M. Carver."
    )
    found = {tuple(names(m)) for m in meetings(extractor, text)}
    assert ("John Carver", "Pavel Orlov") in found
    assert not any(len(people) > 2 for people in found)


def test_plural_bilateral_meetings_with_a_list_are_one_meeting_per_partner(extractor) -> None:
    text = (
        "La ministre indonésienne des Finances, Dewi Kartika, a tenu plusieurs réunions à Washington. "
        "Plusieurs réunions bilatérales ont eu lieu avec le ministre japonais des Finances Kenta Mori, "
        "le ministre saoudien des Finances Fahd Al-Rashid et le ministre britannique des Finances Tom Ashby."
    )
    found = sorted(tuple(names(m)) for m in meetings(extractor, text))
    assert found == [("Dewi Kartika", "Fahd Al-Rashid"), ("Dewi Kartika", "Kenta Mori"), ("Dewi Kartika", "Tom Ashby")]


def test_credentials_of_two_new_ambassadors_then_their_names(extractor) -> None:
    text = (
        "Vendredi au Palais national, le président Jules Fortin a reçu les lettres de créance de deux nouveaux "
        "ambassadeurs en Haïti. Il s'agit d'Arif Santoso de l'Indonésie et de Pieter Van Damme du Royaume de Belgique."
    )
    found = sorted(tuple(names(m)) for m in meetings(extractor, text))
    assert found == [("Arif Santoso", "Jules Fortin"), ("Jules Fortin", "Pieter Van Damme")]


def test_a_session_opens_with_its_chair_and_takes_the_attendants_named_next(extractor) -> None:
    text = (
        "La première réunion des ministres des Affaires étrangères de l'Alliance s'est ouverte lundi à Bamako, "
        "sous la présidence du ministre malien des Affaires étrangères, Oumar Kanté. Cette rencontre a enregistré "
        "la participation du ministre burkinabè des Affaires étrangères, Paul Zongo, et du ministre nigérien des "
        "Affaires étrangères, Issa Garbadou."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["Issa Garbadou", "Oumar Kanté", "Paul Zongo"]
    assert m.location is not None and m.location.name == "Bamako"


def test_a_chair_alone_is_no_meeting(extractor) -> None:
    text = (
        "La session du conseil national s'est ouverte lundi à Bamako, sous la présidence du ministre malien "
        "des Affaires étrangères, Oumar Kanté."
    )
    assert meetings(extractor, text) == []


def test_the_attendants_of_a_summit_being_told_join_it(extractor) -> None:
    text = (
        "Les dirigeants de la communauté se sont réunis jeudi en sommet à Yaoundé, sous la présidence du président "
        "camerounais, Paul Ekotto. Sont présents le Centrafricain Jean Bozizé, le Congolais Denis Mabiala et le "
        "Gabonais Ali Nzeng."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["Ali Nzeng", "Denis Mabiala", "Jean Bozizé", "Paul Ekotto"]


def test_attendants_without_a_session_open_no_meeting(extractor) -> None:
    text = "Sont présents à la cérémonie le Centrafricain Jean Bozizé, le Congolais Denis Mabiala et le Gabonais Ali Nzeng."
    assert meetings(extractor, text) == []


def test_the_attendants_of_a_summit_told_before_them_join_it(extractor) -> None:
    text = (
        "Le sommet de la communauté s'est ouvert jeudi à Yaoundé. Les chefs d'État aborderont la situation "
        "économique. Sont présents le Centrafricain Jean Bozizé, le Congolais Denis Mabiala et le Gabonais Ali Nzeng."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["Ali Nzeng", "Denis Mabiala", "Jean Bozizé"]
    assert m.location is not None and m.location.name == "Yaoundé"


def test_an_imperfect_passive_describes_the_session_it_does_not_recall_it(extractor) -> None:
    text = (
        "La onzième réunion de la commission était coprésidée par le secrétaire général du ministère des "
        "Affaires étrangères, Marc Duval, et le ministre d'État de Monaco, Pierre Gastaud."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["Marc Duval", "Pierre Gastaud"]


def test_the_middle_of_a_list_of_partners_with_their_titles(extractor) -> None:
    text = (
        "Mme Lena Vogt, présidente du Comité international, s'est également entretenue avec Wei Tao, président "
        "de l'Agence chinoise de coopération, Li Haoran, secrétaire général du Forum de Boao, et Chen Yue, "
        "président de la Croix-Rouge chinoise."
    )
    found = {name for m in meetings(extractor, text) for name in names(m)}
    assert {"Wei Tao", "Li Haoran", "Chen Yue"} <= found


def test_a_bare_title_is_the_untitled_protagonist(extractor) -> None:
    text = (
        "Claire Morand poursuit sa tournée par une visite en Inde. Claire Morand voulait convaincre ses hôtes. "
        "Après s'être entretenue avec le Premier ministre Raj Kumar, la ministre a déjeuné avec Amit Verma, "
        "son homologue des Finances."
    )
    found = {tuple(names(m)) for m in meetings(extractor, text)}
    assert ("Amit Verma", "Claire Morand") in found
    assert ("Claire Morand", "Raj Kumar") in found


def test_a_demonstrative_pronoun_with_avec_stands_for_the_encounter_noun(extractor) -> None:
    text = (
        "En marge du forum, le Premier ministre japonais, Kenji Morita, a rencontré les dirigeants des pays voisins. "
        "La principale de ces rencontres est celle avec le président chinois, Wang Lei."
    )
    found = {tuple(names(m)) for m in meetings(extractor, text)}
    assert ("Kenji Morita", "Wang Lei") in found


def test_a_reception_granted_by_the_last_named_to_a_guest(extractor) -> None:
    text = (
        "L'appel téléphonique entre le ministre marocain, Karim Belhadi, et le ministre égyptien, Samir Fawzi, "
        "intervient un jour après la réception accordée par ce dernier au ministre algérien, Ramdane Lounis."
    )
    found = {tuple(names(m)): m for m in meetings(extractor, text)}
    assert ("Ramdane Lounis", "Samir Fawzi") in found
    reception = found[("Ramdane Lounis", "Samir Fawzi")]
    assert reception.host is not None and reception.host.name == "Samir Fawzi"


def test_a_visit_programme_plans_its_talks(extractor) -> None:
    text = (
        "La visite de travail du président libyen, Omar Mansour, prévoit des entretiens en tête-à-tête avec son "
        "homologue congolais, Denis Okemba."
    )
    assert meetings(extractor, text) == []
    [planned] = extractor.extract_meetings(text, published="2025-03-12", statuses="planned")
    assert names(planned) == ["Denis Okemba", "Omar Mansour"]


def test_a_weekday_beside_its_full_date_is_that_date(extractor) -> None:
    text = (
        "Le président de la République, Jean Nduwimana, a reçu en audience mardi le 25 avril 2023 à Bujumbura "
        "l'ambassadeur du Danemark, Lars Holm."
    )
    [m] = meetings(extractor, text, published="2023-05-08")
    assert m.date is not None and m.date.isoformat() == "2023-04-25"


def test_a_call_between_two_sides_takes_neither_the_clause_subject_nor_a_third(extractor) -> None:
    text = (
        "Après un appel entre le locataire de la Maison-Blanche et le dirigeant russe Pavel Orlov, Taras Melnyk "
        "a affirmé mercredi avoir évoqué au téléphone avec son homologue américain les possibilités de paix."
    )
    found = {tuple(names(m)): m for m in meetings(extractor, text)}
    assert ("<locataire de la Maison-Blanche|US>", "Pavel Orlov") in found
    assert found[("<locataire de la Maison-Blanche|US>", "Pavel Orlov")].kind == "call"
    assert not any("Taras Melnyk" in people and "Pavel Orlov" in people for people in found)
