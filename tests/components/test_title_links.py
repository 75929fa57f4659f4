"""A title right before a name weighs on the knowledge-base link: a king's given name is no
politician's surname, and a title of another country vetoes the link (sentences written for
these tests)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def person_at(doc, text: str, at: int):
    found = [s for s in doc.spans["diplomacy"] if s.label_ == "PERSON" and s.start_char == at]
    assert found and found[0].text == text and doc.text[found[0].start_char : found[0].end_char] == text
    return found[0]


def entity(doc, ent_id: str) -> dict:
    return next(e for e in doc._.entities if e["id"] == ent_id)


@pytest.mark.parametrize(
    "text",
    [
        "Le roi Philippe a reçu jeudi au palais le président du Conseil européen.",
        "À Bruxelles, le Roi Philippe s'est entretenu avec le ministre ghanéen des Finances.",
    ],
)
def test_a_king_given_name_is_not_a_politician_surname(extractor, text) -> None:
    doc = extractor.nlp(text)
    span = person_at(doc, "Philippe", text.index("Philippe"))
    assert span.kb_id_ != "person:edouard-philippe"
    info = entity(doc, span.kb_id_)
    assert info["country"] != "FR"


def test_a_king_given_name_links_to_the_king_of_that_name(extractor) -> None:
    text = "Le roi Philippe a reçu jeudi au palais le président du Conseil européen."
    doc = extractor.nlp(text)
    span = person_at(doc, "Philippe", text.index("Philippe"))
    assert span.kb_id_ == "person:philippe-de-belgique"
    assert entity(doc, span.kb_id_)["country"] == "BE"


def test_a_title_of_another_country_vetoes_the_link(extractor) -> None:
    text = "Le ministre gabonais de la Pêche, Édouard Philippe, a reçu son homologue."
    doc = extractor.nlp(text)
    span = person_at(doc, "Édouard Philippe", text.index("Édouard"))
    assert span.kb_id_.startswith("doc-person:")
    assert entity(doc, span.kb_id_)["country"] == "GA"


def test_a_title_that_fits_keeps_the_link(extractor) -> None:
    text = "L'ancien Premier ministre français Édouard Philippe a reçu le maire."
    doc = extractor.nlp(text)
    assert person_at(doc, "Édouard Philippe", text.index("Édouard")).kb_id_ == "person:edouard-philippe"
