"""The shipped countries: pycountry + supplement, every UN member complete, lookups by every form."""

from __future__ import annotations

import pytest

from diplomacy_ner.kb.build_countries import (
    CountrySupplement,
    build_country_records,
    load_supplements,
    render_jsonl,
    shipped_countries_file,
)
from diplomacy_ner.kb.knowledge_base import KnowledgeBase
from diplomacy_ner.kb.records import CountryRecord


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default()


@pytest.fixture(scope="module")
def un_members(kb: KnowledgeBase) -> list[CountryRecord]:
    return [c for c in kb.countries if c.un_member]


def test_193_un_members(un_members: list[CountryRecord]) -> None:
    assert len(un_members) == 193


def test_observers_are_not_members(kb: KnowledgeBase) -> None:
    for code in ("PS", "VA"):
        country = kb.country_by_code(code)
        assert country is not None and not country.un_member and country.adjectives and country.capitals


def test_every_un_member_is_complete(un_members: list[CountryRecord]) -> None:
    incomplete = [
        c.code
        for c in un_members
        if not (c.name and c.official_names and c.adjectives and c.capitals and c.id == f"country:{c.code}")
    ]
    assert incomplete == []


def test_adjectives_come_in_every_form(un_members: list[CountryRecord]) -> None:
    # masculine and feminine, singular and plural: an invariable form still has its plural
    for country in un_members:
        assert any(a.endswith(("s", "x")) for a in country.adjectives), country.code
        assert len(country.adjectives) >= 2, country.code


def test_no_pycountry_index_forms(kb: KnowledgeBase) -> None:
    names = [c.name for c in kb.countries]
    assert not [n for n in names if ", République" in n or ", Île" in n or ", état" in n]
    assert kb.country_by_code("KR") is not None and kb.country_by_code("KR").name == "Corée du Sud"  # type: ignore[union-attr]
    assert kb.country_by_code("IR").name == "Iran"  # type: ignore[union-attr]
    assert kb.country_by_code("ma").name == "Maroc"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "code", "field"),
    [
        ("serbe", "RS", "adjective"),
        ("serbes", "RS", "adjective"),
        ("marocaines", "MA", "adjective"),
        ("sénégalaises", "SN", "adjective"),
        ("bissau-guinéen", "GW", "adjective"),
        ("sierra-léonais", "SL", "adjective"),
        ("françaises", "FR", "adjective"),
        ("Royaume du Maroc", "MA", "official_name"),
        ("République de Serbie", "RS", "official_name"),
        ("République algérienne démocratique et populaire", "DZ", "official_name"),
        ("maroco", "MA", "prefix"),
        ("franco", "FR", "prefix"),
        ("algéro", "DZ", "prefix"),
        ("hispano", "ES", "prefix"),
        ("Rabat", "MA", "capital"),
        ("Pékin", "CN", "capital"),
        ("La Valette", "MT", "capital"),
        ("Le Caire", "EG", "capital"),
        ("Belgrade", "RS", "capital"),
        ("la RDC", "CD", "alias"),
        ("les Émirats", "AE", "alias"),
        ("les USA", "US", "alias"),
        ("les États-Unis", "US", "name"),
        ("la Grande-Bretagne", "GB", "alias"),
        ("le Royaume-Uni", "GB", "name"),
        ("Taïwan", "TW", "name"),
        ("Taiwan", "TW", "alias"),  # written without the diaeresis: an alias of its own
        ("la Palestine", "PS", "name"),
        ("Corée du Sud", "KR", "name"),
    ],
)
def test_lookup_by_every_form(kb: KnowledgeBase, text: str, code: str, field: str) -> None:
    best = kb.alias_index.candidates(text, types=["country"], fuzzy=False)[0]
    assert (best.entity_id, best.field) == (f"country:{code}", field)


def test_territories_are_generated(kb: KnowledgeBase) -> None:
    reunion = kb.country_by_code("RE")
    assert reunion is not None and reunion.name == "La Réunion" and not reunion.un_member
    assert len(kb.countries) >= 249


def test_shipped_file_equals_what_build_countries_regenerates() -> None:
    assert shipped_countries_file().read_text(encoding="utf-8") == render_jsonl(build_country_records())


def test_supplement_is_validated(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from diplomacy_ner.errors import KnowledgeBaseError

    bad = tmp_path / "supp.jsonl"
    bad.write_text('// comment\n{"code": "MA", "capital": "Rabat"}\n', encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"supp\.jsonl:2: field `capital`"):
        load_supplements(bad)


def test_supplement_overrides_and_extra_codes() -> None:
    supplements = load_supplements()
    supplements["MA"] = supplements["MA"].model_copy(update={"aliases": ("Empire chérifien",)})
    supplements["ZZ"] = CountrySupplement(code="ZZ", name="Zedland", capitals=("Zed",))
    records = {r.code: r for r in build_country_records(supplements)}
    assert records["MA"].aliases == ("Empire chérifien",)
    assert records["MA"].official_names == ("Royaume du Maroc",)  # from pycountry
    assert records["ZZ"].name == "Zedland" and records["ZZ"].capitals == ("Zed",)
    assert records["JP"].official_names == ("Japon",)  # the official name may be the short name


def test_index_form_without_override_is_an_error() -> None:
    from diplomacy_ner.errors import KnowledgeBaseError

    supplements = load_supplements()
    del supplements["KR"]
    with pytest.raises(KnowledgeBaseError, match=r"field `KR\.name`.*Corée, République de"):
        build_country_records(supplements)


def test_spellings_that_differ_only_by_accents_are_kept() -> None:
    # names are matched as written: "Nigéria" beside "Nigeria" and "burkinabé" beside "burkinabè" are forms of their own
    records = {r.code: r for r in build_country_records()}
    assert "Nigéria" in records["NG"].aliases
    assert "Liberia" in records["LR"].aliases
    assert {"burkinabè", "burkinabé"} <= set(records["BF"].adjectives)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Le président du Nigéria a reçu lundi son homologue.", "NG"),
        ("Le ministre burkinabé des Affaires étrangères a reçu lundi son homologue.", "BF"),
        ("La Côte-d'Ivoire et le Ghana ont signé un accord.", "CI"),
    ],
)
def test_accented_spellings_are_country_mentions(extractor, text: str, code: str) -> None:
    doc = extractor.nlp(extractor.make_doc(text, None))
    assert f"country:{code}" in {s.kb_id_ for s in doc.spans["diplomacy"] if s.label_ == "COUNTRY"}
