"""load_jsonl: one test per kind of mistake, each message naming file, line and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplomacy_ner.errors import KnowledgeBaseError
from diplomacy_ner.kb.knowledge_base import KnowledgeBase
from diplomacy_ner.kb.loader import load_jsonl, load_many, load_resource_records
from diplomacy_ner.kb.records import AgreementRecord, BodyRecord, CountryRecord, PersonRecord

MAROC = {"kind": "country", "id": "country:MA", "code": "MA", "name": "Maroc"}
LAFTIT = {
    "kind": "person",
    "id": "person:abdelouafi-laftit",
    "name": "Abdelouafi Laftit",
    "source": "test",
    "roles": [{"title": "ministre de l'Intérieur", "country": "MA", "start": "2017-04-05", "source": "test"}],
}


def write(tmp_path: Path, *lines: str | dict, name: str = "kb.jsonl") -> Path:
    path = tmp_path / name
    path.write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines)
        + "\n",
        encoding="utf-8",
    )
    return path


def error_of(path: Path) -> str:
    with pytest.raises(KnowledgeBaseError) as info:
        load_jsonl(path)
    return str(info.value)


def test_loads_every_kind_skipping_blank_and_comment_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "// a comment",
        MAROC,
        "",
        LAFTIT,
        {"kind": "body", "id": "body:GMMP", "name": "Groupe migratoire mixte permanent", "acronym": "GMMP"},
        {"kind": "agreement", "id": "agreement:x", "name": "Accord X", "signed": "2024-10-28"},
    )
    records = load_jsonl(path)
    assert [type(r) for r in records] == [CountryRecord, PersonRecord, BodyRecord, AgreementRecord]
    laftit = records[1]
    assert isinstance(laftit, PersonRecord)
    assert laftit.roles[0].start is not None and laftit.roles[0].start.isoformat() == "2017-04-05"


def test_bad_json(tmp_path: Path) -> None:
    path = write(tmp_path, MAROC, '{"kind": "country", "id": ', name="bad_json.jsonl")
    msg = error_of(path)
    assert "[D010]" in msg and "bad_json.jsonl:2:" in msg and "invalid JSON" in msg


def test_nan_and_repeated_keys_are_bad_json(tmp_path: Path) -> None:
    path = write(
        tmp_path, '{"kind": "country", "id": "country:MA", "code": "MA", "name": NaN}', name="nan.jsonl"
    )
    assert "[D010]" in error_of(path) and "nan.jsonl:1:" in error_of(path)
    path = write(tmp_path, '{"kind": "country", "name": "Maroc", "name": "Algérie"}', name="twice.jsonl")
    msg = error_of(path)
    assert "[D010]" in msg and "twice.jsonl:1:" in msg and "'name'" in msg


def test_not_an_object(tmp_path: Path) -> None:
    path = write(tmp_path, "// header", '["country", "MA"]', name="list.jsonl")
    msg = error_of(path)
    assert "[D012]" in msg and "list.jsonl:2:" in msg and "list" in msg


def test_unknown_kind(tmp_path: Path) -> None:
    path = write(tmp_path, {"kind": "city", "id": "city:rabat", "name": "Rabat"}, name="kinds.jsonl")
    msg = error_of(path)
    assert "[D016]" in msg and "kinds.jsonl:1:" in msg and "'city'" in msg and "country" in msg


def test_missing_kind(tmp_path: Path) -> None:
    path = write(tmp_path, {"id": "country:MA", "name": "Maroc"}, name="nokind.jsonl")
    msg = error_of(path)
    assert "[D011]" in msg and "nokind.jsonl:1:" in msg and "`kind`" in msg


def test_wrong_type(tmp_path: Path) -> None:
    person = json.loads(json.dumps(LAFTIT))
    person["roles"][0]["start"] = "le 5 avril"
    path = write(tmp_path, MAROC, person, name="types.jsonl")
    msg = error_of(path)
    assert "[D011]" in msg and "types.jsonl:2:" in msg and "`roles.0.start`" in msg


def test_unknown_key(tmp_path: Path) -> None:
    path = write(tmp_path, {**MAROC, "capital": "Rabat"}, name="extra.jsonl")
    msg = error_of(path)
    assert "[D011]" in msg and "extra.jsonl:1:" in msg and "`capital`" in msg and "Extra inputs" in msg


def test_empty_alias(tmp_path: Path) -> None:
    path = write(tmp_path, MAROC, {**LAFTIT, "aliases": ["Laftit", "  "]}, name="alias.jsonl")
    msg = error_of(path)
    assert "[D011]" in msg and "alias.jsonl:2:" in msg and "`aliases`" in msg and "empty" in msg


def test_conflicting_duplicate_id(tmp_path: Path) -> None:
    path = write(tmp_path, MAROC, LAFTIT, {**MAROC, "name": "Royaume du Maroc"}, name="dup.jsonl")
    msg = error_of(path)
    assert "[D013]" in msg and "dup.jsonl:3:" in msg and "'country:MA'" in msg and "dup.jsonl:1" in msg


def test_identical_duplicate_is_fine(tmp_path: Path) -> None:
    path = write(tmp_path, MAROC, LAFTIT, MAROC)
    assert [r.id for r in load_jsonl(path)] == ["country:MA", "person:abdelouafi-laftit"]


def test_conflicting_duplicate_across_files_of_one_load(tmp_path: Path) -> None:
    first = write(tmp_path, MAROC, name="a.jsonl")
    second = write(tmp_path, {**MAROC, "name": "Marruecos"}, name="b.jsonl")
    with pytest.raises(KnowledgeBaseError, match=r"b\.jsonl:1: duplicate id 'country:MA'.*a\.jsonl:1"):
        load_many([first, second])


def test_role_ending_before_it_starts(tmp_path: Path) -> None:
    person = json.loads(json.dumps(LAFTIT))
    person["roles"][0]["end"] = "2016-01-01"
    path = write(tmp_path, "", person, name="dates.jsonl")
    msg = error_of(path)
    assert "[D011]" in msg and "dates.jsonl:2:" in msg and "`roles.0`" in msg and "before it starts" in msg


def test_missing_file(tmp_path: Path) -> None:
    msg = error_of(tmp_path / "nowhere.jsonl")
    assert "[D014]" in msg and "nowhere.jsonl" in msg


def test_shipped_records_load_with_every_kind() -> None:
    kinds = {record.kind for record in load_resource_records()}
    assert kinds == {"country", "body", "person", "agreement"}


def test_user_file_overrides_a_shipped_record(tmp_path: Path) -> None:
    override = {
        "kind": "person",
        "id": "person:ivica-dacic",
        "name": "Ivica Dačić",
        "aliases": ["Ivitsa Datchitch"],
        "source": "user",
    }
    path = write(tmp_path, override)
    kb = KnowledgeBase.from_files([path])
    person = kb.get("person:ivica-dacic")
    assert isinstance(person, PersonRecord) and person.source == "user" and person.roles == ()
    found = kb.alias_index.candidates("Ivitsa Datchitch")
    assert [c.entity_id for c in found] == ["person:ivica-dacic"]
    # the shipped alias went away with the shipped record
    assert kb.alias_index.candidates("Ivica Dacic", fuzzy=False)[0].method == "folded"
    # the shipped knowledge base itself is untouched
    assert KnowledgeBase.default().alias_index.candidates("Ivitsa Datchitch", fuzzy=False) == []


def test_user_records_round_trip(tmp_path: Path) -> None:
    kb = KnowledgeBase.default()
    kb.add(BodyRecord(id="body:CMMF", name="Commission mixte maroco-française", acronym="CMMF"))
    kb.add_alias("country:MA", "Royaume chérifien du Maroc")
    out = tmp_path / "user.jsonl"
    assert kb.user_records_to_jsonl(out) == 2
    text = out.read_text(encoding="utf-8")
    assert "maroco-française" in text and "\\u00e7" not in text  # ensure_ascii=False
    again = KnowledgeBase.from_files([out])
    assert again.alias_index.candidates("CMMF")[0].entity_id == "body:CMMF"
    assert again.alias_index.candidates("Royaume chérifien du Maroc")[0].entity_id == "country:MA"
    assert len(again) == len(kb)


def test_to_jsonl_writes_readable_french(tmp_path: Path) -> None:
    kb = KnowledgeBase([CountryRecord(id="country:DZ", code="DZ", name="Algérie")])
    out = tmp_path / "all.jsonl"
    assert kb.to_jsonl(out) == 1
    assert "Algérie" in out.read_text(encoding="utf-8")
    assert load_jsonl(out)[0] == kb.get("country:DZ")


# -- issue #13: dates, country codes and title classes are checked, with messages that say what to write


@pytest.mark.parametrize("start", ["2026", "2026-01", "15/01/2026", 2026, "2026-01-15T10:00:00"])
def test_a_role_date_that_is_not_a_day_says_use_yyyy_mm_dd(tmp_path: Path, start: object) -> None:
    role = {**LAFTIT["roles"][0], "start": start}
    message = error_of(write(tmp_path, {**LAFTIT, "roles": [role]}))
    assert "field `roles.0.start`" in message and "use YYYY-MM-DD" in message
    assert "zero time" not in message


def test_an_agreement_date_that_is_not_a_day_says_use_yyyy_mm_dd(tmp_path: Path) -> None:
    agreement = {"kind": "agreement", "id": "agreement:test", "name": "Accord de test", "signed": "2019"}
    assert "use YYYY-MM-DD" in error_of(write(tmp_path, agreement))


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ({**LAFTIT, "roles": [{**LAFTIT["roles"][0], "country": "XX"}]}, "roles.0.country"),
        (
            {"kind": "body", "id": "body:TST", "name": "Office", "scope": "national", "country": "QQ"},
            "country",
        ),
        (
            {"kind": "agreement", "id": "agreement:t", "name": "Accord de test", "parties": ["MA", "ZZ"]},
            "parties.1",
        ),
    ],
)
def test_an_unknown_country_code_is_refused(tmp_path: Path, record: dict, field: str) -> None:
    path = write(tmp_path, MAROC, record)
    message = error_of(path)
    assert message.startswith(f"[D017] {path}:2: field `{field}`"), message
    with pytest.raises(KnowledgeBaseError, match=r"\[D017\]"):
        load_many([path])


def test_a_body_code_defined_in_the_same_load_is_a_valid_country(tmp_path: Path) -> None:
    official = {**LAFTIT, "id": "person:test-one", "roles": [{**LAFTIT["roles"][0], "country": "CPLA"}]}
    body = {"kind": "body", "id": "body:CPLA", "name": "Comité de liaison agricole", "acronym": "CPLA"}
    # the person comes first: the check waits for the whole load
    people = write(tmp_path, official, name="people.jsonl")
    records = load_many([people, write(tmp_path, body, name="bodies.jsonl")])
    assert [r.id for r in records] == ["person:test-one", "body:CPLA"]
    shipped_body = {**LAFTIT, "roles": [{**LAFTIT["roles"][0], "country": "CEDEAO"}]}
    assert load_jsonl(write(tmp_path, shipped_body))[0].roles[0].country == "CEDEAO"


def test_the_shipped_rule_files_use_only_documented_title_classes() -> None:
    from diplomacy_ner.rules.patterns import TITLE_CLASSES, load_shipped_patterns

    assert {p.id for p in load_shipped_patterns() if p.label == "TITLE"} <= set(TITLE_CLASSES)


def test_an_unknown_title_class_is_refused_naming_the_classes(tmp_path: Path) -> None:
    from diplomacy_ner.rules.patterns import load_pattern_file

    path = write(
        tmp_path,
        {"label": "TITLE", "pattern": "wali", "id": "director"},
        {"label": "TITLE", "pattern": "haut commissaire", "id": "high-commissioner"},
        name="rules.jsonl",
    )
    with pytest.raises(KnowledgeBaseError) as info:
        load_pattern_file(path)
    message = str(info.value)
    assert message.startswith(f"[D011] {path}:2: field `id`: unknown title class 'high-commissioner'")
    assert "'minister'" in message and "'generic'" in message
