"""The shipped people: dated roles, the query "who held this office that day", sources."""

from __future__ import annotations

import datetime as dt

import pytest

from diplomacy_ner.kb.knowledge_base import KnowledgeBase
from diplomacy_ner.kb.records import PersonRecord

INTERIOR = "ministre de l'Intérieur"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default()


def names(people: list[PersonRecord]) -> list[str]:
    return [p.name for p in people]


@pytest.mark.parametrize(
    ("title", "country", "day", "holder"),
    [
        (INTERIOR, "FR", dt.date(2024, 4, 22), "Gérald Darmanin"),
        (INTERIOR, "FR", dt.date(2025, 11, 26), "Laurent Nuñez"),
        (INTERIOR, "FR", dt.date(2025, 1, 15), "Bruno Retailleau"),
        (INTERIOR, "MA", dt.date(2024, 4, 22), "Abdelouafi Laftit"),
        (INTERIOR, "RS", dt.date(2025, 11, 26), "Ivica Dačić"),
        (INTERIOR, "IT", dt.date(2023, 6, 1), "Matteo Piantedosi"),
        (INTERIOR, "ES", dt.date(2023, 6, 1), "Fernando Grande-Marlaska"),
        ("président de la République", "FR", dt.date(2016, 1, 1), "François Hollande"),
        ("président de la République", "SN", dt.date(2024, 6, 1), "Bassirou Diomaye Faye"),
        ("président du Conseil européen", "UE", dt.date(2025, 3, 1), "António Costa"),
        ("secrétaire général de l'ONU", "ONU", dt.date(2020, 1, 1), "António Guterres"),
    ],
)
def test_holders_on_a_day(kb: KnowledgeBase, title: str, country: str, day: dt.date, holder: str) -> None:
    assert names(kb.holders(title, country, day)) == [holder]


def test_a_title_prefix_does_not_match_a_junior_office(kb: KnowledgeBase) -> None:
    # Laurent Nuñez was "secrétaire d'État auprès du ministre de l'Intérieur" in 2019
    assert names(kb.holders(INTERIOR, "FR", dt.date(2019, 6, 1))) == ["Christophe Castaner"]


def test_role_on_picks_the_role_valid_at_a_date(kb: KnowledgeBase) -> None:
    darmanin = kb.get("person:gerald-darmanin")
    assert isinstance(darmanin, PersonRecord)
    assert darmanin.role_on(dt.date(2021, 5, 1)).title == INTERIOR  # type: ignore[union-attr]
    assert darmanin.role_on(dt.date(2024, 4, 22)).title == "ministre de l'Intérieur et des Outre-mer"  # type: ignore[union-attr]
    assert darmanin.role_on(dt.date(2024, 11, 1)) is None
    costa = kb.person_role("person:antonio-costa", dt.date(2020, 1, 1))
    assert costa is not None and (costa.title, costa.country) == ("Premier ministre", "PT")
    costa = kb.person_role("person:antonio-costa", dt.date(2025, 1, 1))
    assert costa is not None and (costa.title, costa.country) == ("président du Conseil européen", "UE")
    assert kb.person_role("person:nobody", dt.date(2025, 1, 1)) is None


def test_current_role_when_no_day(kb: KnowledgeBase) -> None:
    role = kb.person_role("person:abdelouafi-laftit")
    assert role is not None and role.country == "MA" and role.end is None


def test_every_role_has_a_source_and_every_person_a_gender(kb: KnowledgeBase) -> None:
    for person in kb.people:
        assert person.gender in ("f", "m"), person.id
        assert person.source, person.id
        for role in person.roles:
            assert role.source, (person.id, role.title)


def test_role_countries_are_known_codes_or_bodies(kb: KnowledgeBase) -> None:
    body_codes = {b.code for b in kb.bodies if b.code} | {b.acronym for b in kb.bodies if b.acronym}
    for person in kb.people:
        for role in person.roles:
            assert kb.country_by_code(role.country) is not None or role.country in body_codes, (
                person.id,
                role,
            )


@pytest.mark.parametrize(
    ("mention", "person_id"),
    [
        ("Ivica Dacic", "person:ivica-dacic"),
        ("Laurent Nunez", "person:laurent-nunez"),
        ("Mohamed VI", "person:mohammed-vi"),
        ("Mohammed 6", "person:mohammed-vi"),
        ("Dubravka Suica", "person:dubravka-suica"),
        ("Dan Jorgensen", "person:dan-jorgensen"),
        ("José Manuel Albares Bueno", "person:jose-manuel-albares"),
        ("Bola Tinubu", "person:bola-ahmed-tinubu"),
    ],
)
def test_spelling_variants_link(kb: KnowledgeBase, mention: str, person_id: str) -> None:
    assert kb.alias_index.candidates(mention, types=["person"], fuzzy=False)[0].entity_id == person_id


@pytest.mark.parametrize(
    ("surname", "person_id"),
    [
        ("Laftit", "person:abdelouafi-laftit"),
        ("Dacic", "person:ivica-dacic"),
        ("Nuñez", "person:laurent-nunez"),
    ],
)
def test_surnames(kb: KnowledgeBase, surname: str, person_id: str) -> None:
    assert kb.alias_index.persons_by_surname(surname) == [person_id]


def test_fictional_people_of_the_dev_corpus_are_not_in_the_kb(kb: KnowledgeBase) -> None:
    for name in ("Claire Vasseur-Lemoine", "Katrin Vogelsang-Bauer", "Karim El Ouazzani"):
        assert kb.alias_index.candidates(name, types=["person"], fuzzy=False) == []
