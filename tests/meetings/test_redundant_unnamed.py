"""``drop_redundant_unnamed``: unnamed participants that add nobody to a meeting (hand-built officials)."""

from __future__ import annotations

from diplomacy_ner.meetings.content import drop_redundant_unnamed
from diplomacy_ner.meetings.officials import Official


def named(key: str, role: str, country: str, cls: str) -> Official:
    return Official(key, key, key.title(), role, country, cls, 0, 1)


def unnamed(role: str, country: str | None, cls: str) -> Official:
    return Official(f"unnamed:{country}:{role}", None, None, role, country, cls, 0, 1, unnamed=True)


def keys(officials: list[Official]) -> list[str]:
    return [o.key for o in officials]


def test_an_unplaced_unnamed_office_is_dropped() -> None:
    people = [unnamed("Président du Faso", None, "head_of_state"), named("a", "président", "BF", "head_of_state"), named("b", "ministre", "RU", "minister")]
    assert keys(drop_redundant_unnamed(people)) == ["a", "b"]


def test_two_unnamed_of_one_country_and_office_are_one() -> None:
    people = [named("a", "président", "DZ", "head_of_state"), unnamed("président", "TR", "head_of_state"), unnamed("président de la République", "TR", "head_of_state")]
    assert keys(drop_redundant_unnamed(people)) == ["a", "unnamed:TR:président"]


def test_an_office_that_begins_a_named_participant_office_is_that_participant() -> None:
    people = [
        unnamed("président du Conseil national", "BF", "head_of_state"),
        named("a", "président du Conseil national pour la sauvegarde de la patrie", "NE", "head_of_state"),
        named("b", "président", "RU", "head_of_state"),
    ]
    assert keys(drop_redundant_unnamed(people)) == ["a", "b"]


def test_unnamed_officials_of_different_countries_stay() -> None:
    people = [named("a", "ministre", "MA", "minister"), unnamed("ministre", "TN", "minister"), unnamed("ministre", "DZ", "minister")]
    assert keys(drop_redundant_unnamed(people)) == ["a", "unnamed:TN:ministre", "unnamed:DZ:ministre"]


def test_an_unnamed_office_held_by_a_named_participant_of_its_country_is_that_participant() -> None:
    from diplomacy_ner.meetings.content import drop_named_offices

    people = [named("a", "Premier ministre", "KH", "prime_minister"), unnamed("Premier ministre", "KH", "prime_minister")]
    assert keys(drop_named_offices(people)) == ["a"]  # one person: the meeting step drops such a meeting
    people.append(unnamed("Premier ministre", "VN", "prime_minister"))
    assert keys(drop_named_offices(people)) == ["a", "unnamed:VN:Premier ministre"]
