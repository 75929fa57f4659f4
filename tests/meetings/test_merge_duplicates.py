"""``merge_duplicates``: one meeting per encounter, whatever entity each telling linked its people to."""

from __future__ import annotations

from diplomacy_ner.meetings.content import merge_duplicates


def _meeting(names, *, date=None, evidence=(0, 10), kind="in_person", status="held", pid="person"):
    return {
        "participants": [
            {"name": n, "role": None, "country": None, "id": f"{pid}:{n.lower()}", "mentions": [{"start": evidence[0], "end": evidence[0] + 1, "text": "x"}]}
            for n in names
        ],
        "host": None,
        "kind": kind,
        "status": status,
        "date": date,
        "date_expression": None,
        "location": None,
        "topics": [],
        "bodies": [],
        "agreements": [],
        "evidence": [{"start": evidence[0], "end": evidence[1], "text": "x"}],
        "confidence": 0.7,
    }


def test_two_tellings_of_the_same_people_are_one_meeting() -> None:
    first = _meeting(["Ana Silva", "Jean DUPRÉ"], date="2025-03-04")
    second = _meeting(["Jean Dupré", "Ana Silva"], evidence=(40, 60), pid="doc-person")
    [m] = merge_duplicates([first, second])
    assert m["date"] == "2025-03-04"
    assert [(e["start"], e["end"]) for e in m["evidence"]] == [(0, 10), (40, 60)]
    assert [len(p["mentions"]) for p in m["participants"]] == [2, 2]


def test_different_dates_or_kinds_stay_apart() -> None:
    a = _meeting(["Ana Silva", "Jean Dupré"], date="2025-03-04")
    b = _meeting(["Ana Silva", "Jean Dupré"], date="2025-05-09", evidence=(40, 60))
    c = _meeting(["Ana Silva", "Jean Dupré"], kind="call", evidence=(70, 80))
    assert len(merge_duplicates([a, b, c])) == 3


def test_other_people_stay_apart() -> None:
    a = _meeting(["Ana Silva", "Jean Dupré"])
    b = _meeting(["Ana Silva", "Omar Kane"], evidence=(40, 60))
    assert len(merge_duplicates([a, b])) == 2
