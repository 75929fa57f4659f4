"""The host a sentence names by an office, carried to the named participant the meeting keeps (invented names)."""

from __future__ import annotations

from diplomacy_ner.meetings.hosts import carried_host
from diplomacy_ner.meetings.officials import Official


def official(key, name, country, cls, *, unnamed=False):
    return Official(key, None if unnamed else key, name, None, country, cls, 0, 1, unnamed=unnamed)


def test_an_unnamed_office_host_becomes_the_named_holder_of_that_office() -> None:
    # "reçu à Tokyo par le Premier ministre japonais" beside "le Premier ministre japonais Kenji Mori"
    office = official("unnamed:JP:premier ministre", None, "JP", "prime_minister", unnamed=True)
    kept = [official("p:diego-parra", "Diego Parra", "CL", "head_of_state"), official("p:kenji-mori", "Kenji Mori", "JP", "prime_minister")]
    assert carried_host(office, kept) == "p:kenji-mori"


def test_an_office_the_text_did_not_place_goes_to_the_one_holder_of_its_class() -> None:
    # "Le Président du Faso, le capitaine X, a reçu …": the office has no country of its own
    office = official("unnamed:?:président", None, None, "head_of_state", unnamed=True)
    kept = [official("p:oumar-sidibe", "Oumar Sidibé", "BF", "head_of_state"), official("p:pavel-orlov", "Pavel Orlov", "RU", "minister")]
    assert carried_host(office, kept) == "p:oumar-sidibe"


def test_no_host_when_two_participants_could_hold_the_office() -> None:
    office = official("unnamed:?:président", None, None, "head_of_state", unnamed=True)
    kept = [official("p:a", "Oumar Sidibé", "BF", "head_of_state"), official("p:b", "Amadou Kane", "SN", "head_of_state")]
    assert carried_host(office, kept) is None


def test_a_host_still_among_the_participants_stays() -> None:
    kept = [official("p:a", "Oumar Sidibé", "BF", "head_of_state"), official("p:b", "Pavel Orlov", "RU", "minister")]
    assert carried_host(kept[1], kept) == "p:b"
    assert carried_host(None, kept) is None


def test_a_named_host_merged_away_is_not_replaced_by_another_person() -> None:
    gone = official("p:c", "Ali Konaté", "BF", "head_of_state")
    kept = [official("p:a", "Oumar Sidibé", "BF", "head_of_state"), official("p:b", "Pavel Orlov", "RU", "minister")]
    assert carried_host(gone, kept) is None
