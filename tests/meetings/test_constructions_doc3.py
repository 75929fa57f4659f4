"""Constructions of real news, fourth set (sentences written for these tests, invented names).

Articles cut off in the middle of their last sentence.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def meetings(extractor, text, published="2025-03-12"):
    return extractor.extract_meetings(text, published=published)


def names(meeting):
    return sorted(p.name or f"<{p.role}|{p.country}>" for p in meeting.participants)


@pytest.mark.parametrize(
    "cut",
    [
        "et à cette occasion, les deux hommes ont expri",
        "et ils ont évoqué la coopération dans le domaine de l",
        "à l'issue d'une séance de travail consacrée à",
    ],
)
def test_a_last_line_cut_off_is_a_sentence_not_a_heading(extractor, cut) -> None:
    text = (
        "Le ministre des Affaires étrangères, Karim Benali, a reçu mardi à Rabat son homologue suédois, Olof Brandt.\n\n"
        "Le même jour, Karim Benali s'est entretenu avec le ministre portugais de la Défense, Rui Matos, " + cut
    )
    found = [names(m) for m in meetings(extractor, text)]
    assert ["Karim Benali", "Rui Matos"] in found
    [rui] = [p for m in meetings(extractor, text) for p in m.participants if p.name == "Rui Matos"]
    assert text[rui.mentions[0].start : rui.mentions[0].end] == "Rui Matos"


def test_a_title_line_with_more_text_after_it_stays_a_heading(extractor) -> None:
    # a heading may only merge into a meeting the body tells, never open one
    text = (
        "Karim Benali s'entretient avec Rui Matos\n\n"
        "Le ministre des Affaires étrangères, Karim Benali, a évoqué mardi la situation régionale."
    )
    assert meetings(extractor, text) == []
