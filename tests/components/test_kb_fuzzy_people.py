"""A fuzzy match of a person's name must keep the distinctive last word (surname or regnal
number) of the knowledge base's name (invented names, sentences written for these tests)."""

from __future__ import annotations

import pytest

from diplomacy_ner.rules.kb_links import same_surname

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "mention, alias, same",
    [
        ("Abdallah Triki", "Abdallah II", False),
        ("Mohammed Vinci", "Mohammed VI", False),
        ("Aminata Fall", "Aminata Sall", False),
        ("Abdel Fattah al-Sisi", "Abdel Fattah al-Sissi", True),
        ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan", True),
        ("Mohammed VI", "Mohammed VI", True),
    ],
)
def test_same_surname(mention, alias, same) -> None:
    assert same_surname(mention, alias, 88) is same


@pytest.mark.parametrize(
    "text, name",
    [
        ("Le ministre a reçu M. Abdallah Triki, secrétaire d'État tunisien.", "Abdallah Triki"),
        ("Le chef du gouvernement s'est entretenu avec Mohammed Vinci, ministre italien.", "Mohammed Vinci"),
    ],
)
def test_a_first_name_in_common_does_not_link_to_a_king(extractor, text, name) -> None:
    doc = extractor.nlp(text)
    at = text.index(name)
    found = [s for s in doc.spans["diplomacy"] if s.label_ == "PERSON" and s.start_char == at]
    assert found and found[0].text == name
    assert found[0].kb_id_.startswith("doc-person:"), found[0].kb_id_


def test_a_spelling_variant_still_links(extractor) -> None:
    doc = extractor.nlp("Le président Abdel Fattah al-Sisi a reçu le ministre.")
    assert any(s.label_ == "PERSON" and s.kb_id_ == "person:abdel-fattah-al-sissi" for s in doc.spans["diplomacy"])
