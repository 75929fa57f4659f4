"""Exclusion zones closed by a comma before the clause's subject, and encounter nouns whose own verb
tells a plan ("un entretien avec X est prévu"). Invented names."""

from __future__ import annotations

import pytest

from diplomacy_ner import extract_meetings


def pairs(text: str, statuses=("held",)) -> list[tuple[str, list[str]]]:
    meetings = extract_meetings(text, published="2024-05-06", statuses=statuses)
    return [(m.status, sorted(p.name for p in m.participants)) for m in meetings]


@pytest.mark.parametrize(
    "text, subject",
    [
        (
            "Porteur d'un message du président Marc Dubois, le ministre Paul Kessler s'est entretenu avec Marie Koné, "
            "ministre des affaires étrangères.",
            "Paul Kessler",
        ),
        (
            "En présence du ministre Marc Dubois, le président Paul Kessler a reçu l'ambassadeur Luc Morel.",
            "Paul Kessler",
        ),
        (
            "Au nom du président Marc Dubois, la ministre Anne Kessler a reçu l'ambassadeur Luc Morel à Dakar.",
            "Anne Kessler",
        ),
    ],
)
def test_the_subject_after_a_fronted_zone_is_a_participant(text: str, subject: str) -> None:
    found = pairs(text)
    assert len(found) == 1
    assert subject in found[0][1] and "Marc Dubois" not in found[0][1]


def test_people_listed_in_the_zone_stay_out() -> None:
    text = (
        "Le président Paul Kessler a reçu l'ambassadeur Luc Morel, en présence du ministre Marc Dubois, "
        "du conseiller Jean Roux et du général Ali Sy."
    )
    assert pairs(text) == [("held", ["Luc Morel", "Paul Kessler"])]


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre Paul Kessler a indiqué qu'un entretien avec le président Marc Dubois est également prévu mardi.",
        "Une rencontre entre le ministre Paul Kessler et le président Marc Dubois est donc envisagée à Dakar.",
        "Le ministre Paul Kessler a fait savoir qu'une audience avec le président Marc Dubois est programmée.",
    ],
)
def test_an_encounter_noun_whose_verb_tells_a_plan_is_planned(text: str) -> None:
    assert pairs(text, statuses=("held", "planned", "cancelled")) == [("planned", ["Marc Dubois", "Paul Kessler"])]


def test_an_encounter_noun_whose_verb_tells_it_happened_is_held() -> None:
    text = "Le ministre Paul Kessler a indiqué qu'un entretien avec le président Marc Dubois a eu lieu mardi."
    assert pairs(text) == [("held", ["Marc Dubois", "Paul Kessler"])]


@pytest.mark.parametrize(
    "text",
    [
        "Le président nigérien Ali Sy a rendez-vous lundi à Cotonou avec le président béninois Paul Kessler.",
        "Les présidents Ali Sy et Marc Dubois ont rendez-vous mardi avec le président Paul Kessler à Lomé.",
    ],
)
def test_an_appointment_is_planned(text: str) -> None:
    found = pairs(text, statuses=("held", "planned", "cancelled"))
    assert found and all(status == "planned" for status, _ in found)


@pytest.mark.parametrize(
    "first",
    [
        "Les deux chefs d'État sont attendus lundi à Cotonou.",
        "Le président nigérien Ali Sy est attendu demain à Cotonou.",
    ],
)
def test_a_nominal_sentence_after_an_expected_arrival_is_planned(first: str) -> None:
    text = first + " Au menu des échanges avec le président béninois Paul Kessler, la sécurité dans la région."
    assert pairs(text) == []


def test_a_nominal_sentence_after_a_past_arrival_is_held() -> None:
    text = (
        "Le président nigérien Ali Sy est arrivé lundi à Cotonou. Au menu des échanges avec le président "
        "béninois Paul Kessler, la sécurité dans la région."
    )
    assert pairs(text) == [("held", ["Ali Sy", "Paul Kessler"])]


@pytest.mark.parametrize(
    "copula, status",
    [("sera probablement", "planned"), ("devrait être", "planned"), ("était", "held")],
)
def test_an_encounter_noun_subject_of_a_copula_takes_its_tense(copula: str, status: str) -> None:
    text = (
        f"Ce sommet entre le président Ali Sy et le Premier ministre Paul Kessler {copula} leur dernière "
        "rencontre avant les élections."
    )
    assert pairs(text, statuses=("held", "planned", "cancelled")) == [(status, ["Ali Sy", "Paul Kessler"])]


@pytest.mark.parametrize("tag", ["/CNW/ -", "(APS) -", "-"])
def test_a_date_in_a_dateline_on_a_long_first_line_is_the_release_date(tag: str) -> None:
    text = (
        f"OTTAWA, le 2 déc. 2025 {tag} Le ministre des Relations internationales, Paul Kessler, revient d'une "
        "mission en France. " + "Il a rappelé l'importance des échanges économiques entre les deux rives. " * 8
        + "\nLe ministre s'est entretenu avec le ministre français des Affaires étrangères, Jean Morel."
    )
    meetings = extract_meetings(text, published="2025-12-02")
    assert [sorted(p.name for p in m.participants) for m in meetings] == [["Jean Morel", "Paul Kessler"]]
    assert meetings[0].date is None and meetings[0].date_expression is None
