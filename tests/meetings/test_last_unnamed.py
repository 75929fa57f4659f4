"""The last unnamed member of a session is the one person named beside another member, of whom the
text says nothing else (invented names)."""

from __future__ import annotations

from diplomacy_ner import extract_meetings

TEXT = (
    "Présents à Banjul, les ministres des Affaires étrangères du Tchad, du Mali et du Niger ont tenu une "
    "rencontre dans la soirée du 3 mai. « Nous devons avancer », a déclaré le ministre nigérien des Affaires "
    "étrangères Moussa Kalla. Tout comme lui, le ministre malien des Affaires étrangères Adama Keita et Idriss Mahamat ont relevé la "
    "nécessité d'agir ensemble."
)


def test_the_last_unnamed_member_is_the_one_person_named_beside_a_member() -> None:
    meetings = extract_meetings(TEXT, published="2024-05-05")
    assert len(meetings) == 1
    people = {p.name: p.country for p in meetings[0].participants}
    assert "Moussa Kalla" in people and people["Moussa Kalla"] == "NE"
    assert None not in people
    assert len(people) == 3


def test_two_people_beside_a_member_name_nobody() -> None:
    text = TEXT.replace("Adama Keita et Idriss Mahamat", "Adama Keita, Idriss Mahamat et Ali Sow")
    meetings = extract_meetings(text, published="2024-05-05")
    assert any(p.name is None for m in meetings for p in m.participants)
