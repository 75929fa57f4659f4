""""Le Secrétaire général rencontre à X le …": a present-tense frame verb the tagger reads as an
adjective of the subject title, on which the parser then roots the sentence (invented names)."""

from __future__ import annotations

from diplomacy_ner import extract_meetings

LEAD = "Le Secrétaire général de l'Organisation mondiale du tourisme Paul Kessler est en visite officielle au Liechtenstein le 29 octobre. "


def test_the_misread_verb_opens_one_meeting_per_guest_with_the_subject_title() -> None:
    text = LEAD + (
        "Le Secrétaire Général rencontre à Vaduz le Premier ministre, Marc Dubois, le Président du Parlement, "
        "Jean Morel, la Ministre des Affaires étrangères, Anne Roux."
    )
    meetings = extract_meetings(text, published="2024-10-30")
    assert sorted(sorted(p.name for p in m.participants) for m in meetings) == [
        ["Anne Roux", "Paul Kessler"],
        ["Jean Morel", "Paul Kessler"],
        ["Marc Dubois", "Paul Kessler"],
    ]
    assert all(m.location and m.location.name == "Vaduz" for m in meetings)


def test_a_real_adjective_after_an_encounter_noun_is_not_a_verb() -> None:
    text = (
        "Le Président de la République, Paul Kessler, a reçu, ce vendredi, un appel téléphonique de son "
        "homologue, le président Marc Dubois."
    )
    meetings = extract_meetings(text, published="2024-10-30")
    assert [sorted(p.name for p in m.participants) for m in meetings] == [["Marc Dubois", "Paul Kessler"]]
    assert meetings[0].kind == "call"
