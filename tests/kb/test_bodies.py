"""The shipped bodies: coverage, unique ids, resolvable acronyms, participant codes."""

from __future__ import annotations

import json

import pytest

from diplomacy_ner.kb.knowledge_base import KnowledgeBase
from diplomacy_ner.kb.loader import resource_kb_files
from diplomacy_ner.kb.records import BodyRecord

EU_INSTITUTIONS = [
    "body:commission-europeenne",
    "body:conseil-europeen",
    "body:conseil-UE",
    "body:parlement-europeen",
    "body:SEAE",
    "body:delegation-UE",
    "body:CJUE",
    "body:UE",
]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default()


def _body(kb: KnowledgeBase, body_id: str) -> BodyRecord:
    record = kb.get(body_id)
    assert isinstance(record, BodyRecord), body_id
    return record


def test_at_least_150_bodies(kb: KnowledgeBase) -> None:
    assert len(kb.bodies) >= 150


def test_ids_are_unique_in_the_file() -> None:
    (bodies_file,) = [f for f in resource_kb_files() if f.name == "bodies.jsonl"]
    ids = [
        json.loads(line)["id"]
        for line in bodies_file.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("body:") for i in ids)


def test_every_acronym_resolves_to_its_body(kb: KnowledgeBase) -> None:
    unresolved = [
        body.id
        for body in kb.bodies
        if body.acronym
        and body.id
        not in {c.entity_id for c in kb.alias_index.candidates(body.acronym, types=["body"], limit=10)}
    ]
    assert unresolved == []


def test_every_body_has_a_source_and_known_parent(kb: KnowledgeBase) -> None:
    for body in kb.bodies:
        assert body.source, body.id
        assert body.parent is None or isinstance(kb.get(body.parent), BodyRecord), body.id


def test_national_bodies_have_their_country_as_code(kb: KnowledgeBase) -> None:
    for body in kb.bodies:
        if body.scope == "national":
            assert body.country and kb.country_by_code(body.country) is not None, body.id
            assert body.code == body.country, body.id


@pytest.mark.parametrize("body_id", EU_INSTITUTIONS)
def test_eu_institutions_have_code_ue(kb: KnowledgeBase, body_id: str) -> None:
    assert _body(kb, body_id).code == "UE"


@pytest.mark.parametrize(
    ("mention", "code"),
    [
        ("HCR", "HCR"),
        ("OIM", "OIM"),
        ("Organisation des Nations unies", "ONU"),
        ("Conseil de sécurité", "ONU"),
        ("Frontex", "Frontex"),
        ("Europol", "Europol"),
        ("Commission de l'Union africaine", "UA"),
        ("Commission de la CEDEAO", "CEDEAO"),
        ("Parlement européen", "UE"),
        ("OTAN", "OTAN"),
    ],
)
def test_participant_codes(kb: KnowledgeBase, mention: str, code: str) -> None:
    best = kb.alias_index.candidates(mention, types=["body"], fuzzy=False)[0]
    assert _body(kb, best.entity_id).code == code


@pytest.mark.parametrize(
    ("mention", "body_id"),
    [
        ("Nations unies", "body:ONU"),
        ("Nations Unies", "body:ONU"),
        ("onusienne", "body:ONU"),
        ("européens", "body:UE"),
        ("Union africaine", "body:UA"),
        ("UA", "body:UA"),
        ("GMMP", "body:GMMP"),
        ("Groupe Migratoire Mixte Permanent", "body:GMMP"),
        ("Dialogue 5+5", "body:dialogue-5-5"),
        ("Processus de Rabat", "body:processus-de-rabat"),
        ("Ligue arabe", "body:ligue-arabe"),
        ("CIMO", "body:CIMO"),
        ("Guardia Civil", "body:guardia-civil"),
        ("Agence française de développement", "body:AFD"),
    ],
)
def test_names_and_variants(kb: KnowledgeBase, mention: str, body_id: str) -> None:
    assert kb.alias_index.candidates(mention, types=["body"], fuzzy=False)[0].entity_id == body_id


def test_dgsn_exists_for_morocco_and_algeria(kb: KnowledgeBase) -> None:
    found = kb.alias_index.candidates("DGSN", types=["body"], limit=10)
    countries = {_body(kb, c.entity_id).country for c in found}
    assert {"MA", "DZ"} <= countries
