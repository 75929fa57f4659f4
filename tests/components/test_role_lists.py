"""Roles and countries of the people of a list a plural title opens, each after its country
(invented names, sentences written for these tests)."""

from __future__ import annotations

import pytest

from diplomacy_ner.rules.role_lists import singular_role

pytestmark = pytest.mark.slow


def person(doc, name: str) -> dict:
    found = [e for e in doc._.entities if e["type"] == "person" and e["name"] == name]
    assert len(found) == 1, [e["name"] for e in doc._.entities if e["type"] == "person"]
    at = doc.text.index(name)
    assert any(m["start"] == at and doc.text[m["start"] : m["end"]] == name for m in found[0]["mentions"])
    return found[0]


@pytest.mark.parametrize(
    "plural, singular",
    [
        ("ministres des Affaires étrangères", "ministre des Affaires étrangères"),
        ("Premiers ministres", "Premier ministre"),
        ("ministre des Affaires étrangères", "ministre des Affaires étrangères"),
        ("chefs de la diplomatie", "chef de la diplomatie"),
    ],
)
def test_singular_role(plural, singular) -> None:
    assert singular_role(plural) == singular


def test_each_item_of_a_country_list_takes_the_office_and_its_own_country(extractor) -> None:
    text = (
        "Le ministre s'est entretenu jeudi avec les ministres des Affaires étrangères de la Pologne, "
        "Marek Zelinski, du Danemark, Sven Holtberg, du Chili, Rosa Quintanar, et de Chypre, Andreas Kyprianides."
    )
    doc = extractor.nlp(text)
    expected = {"Marek Zelinski": "PL", "Sven Holtberg": "DK", "Rosa Quintanar": "CL", "Andreas Kyprianides": "CY"}
    for name, code in expected.items():
        info = person(doc, name)
        assert info["country"] == code, (name, info)
        assert info["role"] == "ministre des Affaires étrangères", (name, info)


def test_a_list_without_a_plural_title_is_left_alone(extractor) -> None:
    text = "Le président a reçu le ministre polonais, Marek Zelinski, du Danemark, Sven Holtberg, hier."
    doc = extractor.nlp(text)
    assert person(doc, "Sven Holtberg")["role"] is None


def test_a_nationality_after_the_portfolio_is_the_country_not_the_role(extractor) -> None:
    text = "Le ministre des Affaires étrangères saoudien, le prince Fahd ben Mansour, a rencontré son homologue."
    doc = extractor.nlp(text)
    info = person(doc, "Fahd ben Mansour")
    assert info["role"] == "ministre des Affaires étrangères" and info["country"] == "SA"


def test_a_family_name_first_links_to_the_knowledge_base(extractor) -> None:
    doc = extractor.nlp("Le Premier ministre Kishida Fumio a reçu son homologue.")
    info = person(doc, "Fumio Kishida") if any(e["name"] == "Fumio Kishida" for e in doc._.entities) else None
    ids = [s.kb_id_ for s in doc.spans["diplomacy"] if s.label_ == "PERSON"]
    assert ids == ["person:fumio-kishida"], ids
    assert info is None or info["country"] == "JP"
