"""Constructions of real news, third set (sentences written for these tests, invented names).

Plural titles whose countries are coordinated after them or given by "des deux pays".
"""

from __future__ import annotations

import pytest

from helpers import meetings, names

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "Les ministres des Affaires étrangères béninois et togolais se sont entretenus vendredi à Lomé.",
        "Les ministres des Affaires étrangères béninois, et togolais se sont entretenus vendredi à Lomé.",
        "Les ministres des Affaires étrangères du Bénin et du Togo se sont entretenus vendredi à Lomé.",
    ],
)
def test_a_plural_title_takes_the_countries_coordinated_after_it(extractor, text) -> None:
    [m] = meetings(extractor, text)
    assert names(m) == ["<ministre des Affaires étrangères|BJ>", "<ministre des Affaires étrangères|TG>"]
    for p in m.participants:
        mention = p.mentions[0]
        assert text[mention.start : mention.end].startswith("ministres des Affaires étrangères")


@pytest.mark.parametrize(
    "text",
    [
        "Les relations entre le Bénin et le Togo se sont dégradées. Les ministres des Affaires étrangères des deux pays "
        "se sont entretenus vendredi à Lomé.",
        "Les délégations béninoise et togolaise se sont vues lundi. Après avoir repris contact mardi au Ghana, les "
        "ministres des Affaires étrangères des deux pays se sont entretenus vendredi à Lomé.",
    ],
)
def test_the_two_countries_of_des_deux_pays_are_the_last_two_named(extractor, text) -> None:
    found = [m for m in meetings(extractor, text) if len(m.participants) == 2 and all(p.name is None for p in m.participants)]
    assert [names(m) for m in found] == [["<ministre des Affaires étrangères|BJ>", "<ministre des Affaires étrangères|TG>"]]


def test_des_deux_pays_without_two_countries_before_it_is_nobody(extractor) -> None:
    text = "Les ministres des Affaires étrangères des deux pays se sont entretenus vendredi à Lomé."
    assert meetings(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Le président Paul Kiroga et le président Ivo Sandor ont effectué, lundi soir pour le premier, mardi midi pour "
        "le second, un sommet virtuel très attendu.",
        "Le président Paul Kiroga et le président Ivo Sandor ont tenu lundi un sommet à Dakar.",
    ],
)
def test_a_coordinated_subject_the_parser_detached_is_a_subject(extractor, text) -> None:
    [m] = meetings(extractor, text)
    assert names(m) == ["Ivo Sandor", "Paul Kiroga"]
    kiroga = next(p for p in m.participants if p.name == "Paul Kiroga")
    assert any(text[x.start : x.end] == "Paul Kiroga" for x in kiroga.mentions)


@pytest.mark.parametrize(
    "second",
    [
        "Sont présents le président camerounais Paul Mbarga, le président centrafricain Luc Zaranga, et Félix Obone Mba.",
        "Ont pris part aux travaux le président camerounais Paul Mbarga, le président centrafricain Luc Zaranga et Félix Obone Mba.",
    ],
)
def test_a_name_listed_among_titled_attendants_attends(extractor, second) -> None:
    text = "Le sommet des chefs d'État de la Cemac s'est ouvert jeudi à Yaoundé. " + second
    [m] = meetings(extractor, text)
    assert names(m) == ["Félix Obone Mba", "Luc Zaranga", "Paul Mbarga"]


def test_a_lone_untitled_name_beside_one_titled_attendant_does_not_attend(extractor) -> None:
    text = (
        "Le sommet des chefs d'État de la Cemac s'est ouvert jeudi à Yaoundé en présence du président camerounais Paul "
        "Mbarga et du président centrafricain Luc Zaranga. Sont présents aussi le président tchadien Ali Mahamat et le "
        "photographe Félix Obone Mba."
    )
    people = {p.name for m in meetings(extractor, text) for p in m.participants}
    assert "Félix Obone Mba" not in people


SUMMIT = (
    "Les ministres des Affaires étrangères de l'Inde et du Japon se sont réunis mardi à Washington avec Paul Kiroga, "
    "secrétaire d'État américain. Avant la réunion, Paul Kiroga a posé pour les photographes. "
)


def test_an_unnamed_official_is_the_one_untitled_person_of_its_country(extractor) -> None:
    text = SUMMIT + "Le Japonais Ken Sato et l'Indien Raj Varma ont souri."
    [m] = meetings(extractor, text)
    assert names(m) == ["Ken Sato", "Paul Kiroga", "Raj Varma"]
    varma = next(p for p in m.participants if p.name == "Raj Varma")
    assert (varma.country, varma.role) == ("IN", "ministre des Affaires étrangères")
    assert any(text[x.start : x.end] == "Raj Varma" for x in varma.mentions)


def test_two_untitled_people_of_one_country_leave_the_official_unnamed(extractor) -> None:
    text = SUMMIT + "Le Japonais Ken Sato, l'Indien Raj Varma et l'Indien Amit Rao ont souri."
    [m] = meetings(extractor, text)
    assert names(m) == ["<ministre des Affaires étrangères|IN>", "Ken Sato", "Paul Kiroga"]


@pytest.mark.parametrize("adjective", ["nouvel", "nouveau", "actuel"])
def test_a_counterpart_after_an_adjective_of_tenure_is_a_title(extractor, adjective) -> None:
    text = f"La ministre des Affaires étrangères, Claire Morand, a rencontré lundi son {adjective} homologue britannique."
    [m] = meetings(extractor, text)
    assert names(m) == ["<ministre des Affaires étrangères|GB>", "Claire Morand"]
    other = next(p for p in m.participants if p.name is None)
    assert text[other.mentions[0].start : other.mentions[0].end] == "homologue britannique"


def test_a_foreign_secretary_names_the_unnamed_foreign_minister_of_his_country(extractor) -> None:
    text = (
        "La ministre des Affaires étrangères, Claire Morand, a rencontré lundi à Londres son homologue britannique. "
        "Le secrétaire d'État britannique aux Affaires étrangères, Paul Ashby, a salué une visite utile."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["Claire Morand", "Paul Ashby"]
    ashby = next(p for p in m.participants if p.name == "Paul Ashby")
    assert ashby.country == "GB"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Le président de la République, Ali Farah, a reçu mardi le président somalien Hassan Nur. Après son "
            "entretien avec le chef de l'Etat djiboutien, le président somalien a fait un point de presse.",
            ["Ali Farah", "Hassan Nur"],
        ),
        (
            "Après son entretien avec le ministre malien Amadou Keita, le ministre sénégalais Ousmane Diop a fait un "
            "point de presse.",
            ["Amadou Keita", "Ousmane Diop"],
        ),
    ],
)
def test_an_encounter_noun_after_apres_takes_the_subject_of_the_clause(extractor, text, expected) -> None:
    [m] = meetings(extractor, text)
    assert names(m) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Le ministre malien des Affaires étrangères, Amadou Keita, a évoqué avec son homologue sénégalais Ousmane "
            "Diop la situation au Sahel.",
            ["Amadou Keita", "Ousmane Diop"],
        ),
        (
            "Le ministre Amadou Keita a abordé avec l'ambassadeur de France la question des visas.",
            ["<ambassadeur|FR>", "Amadou Keita"],
        ),
    ],
)
def test_raising_a_question_with_someone_is_a_talk(extractor, text, expected) -> None:
    [m] = meetings(extractor, text)
    assert names(m) == expected


def test_raising_a_question_with_satisfaction_is_no_talk(extractor) -> None:
    text = "Le ministre Amadou Keita a évoqué avec satisfaction la visite du président Ousmane Diop."
    assert meetings(extractor, text) == []


@pytest.mark.parametrize("reporting", ["a indiqué", "a précisé", "a affirmé"])
def test_a_pluperfect_under_a_past_reporting_verb_is_told(extractor, reporting) -> None:
    text = f"Le ministre iranien des Affaires étrangères, Ali Rezaï, {reporting} qu'il s'était entretenu avec le ministre omanais Saïd Harthi."
    [m] = meetings(extractor, text)
    assert names(m) == ["Ali Rezaï", "Saïd Harthi"]
    assert m.status == "held"


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre Ali Rezaï avait indiqué qu'il s'était entretenu avec le ministre omanais Saïd Harthi.",
        "Le ministre Ali Rezaï s'était entretenu avec le ministre omanais Saïd Harthi.",
    ],
)
def test_a_pluperfect_alone_or_under_a_pluperfect_report_is_recalled(extractor, text) -> None:
    assert meetings(extractor, text) == []


@pytest.mark.parametrize(
    "told, expected",
    [("a dit mercredi s'être entretenu la veille", "2022-12-20"), ("a annoncé le 12 décembre avoir reçu la veille", "2022-12-11")],
)
def test_la_veille_is_the_day_before_the_day_the_sentence_tells(extractor, told, expected) -> None:
    text = f"Le ministre iranien des Affaires étrangères, Ali Rezaï, {told} le ministre omanais Saïd Harthi."
    text = text.replace("entretenu la veille le", "entretenu la veille avec le")
    [m] = meetings(extractor, text, published="2022-12-21")
    assert m.date is not None and m.date.isoformat() == expected


def test_names_a_plural_title_lists_attend_with_their_titled_neighbour(extractor) -> None:
    text = (
        "Le Premier ministre Paul Kiroga a offert mardi un dîner à Bruxelles. La chancelière allemande Anna Weber et le "
        "président français Louis Martin participaient à ce dîner. Les chefs de gouvernement Ivo Petrov (Bulgarie), "
        "Sean Kelly (Irlande) et Marco Rossi (Italie) étaient également présents."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["Anna Weber", "Ivo Petrov", "Louis Martin", "Marco Rossi", "Sean Kelly"]
    assert {p.name: p.country for p in m.participants}["Sean Kelly"] == "IE"
