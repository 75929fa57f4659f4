"""diplomacy_acronyms on spacy.blank("fr"): definitions, later uses and Span._.long_form."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import DocBin

import diplomacy_ner.components  # noqa: F401  (the factories are also entry points)


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("fr", config={"nlp": {"tokenizer": {"@tokenizers": "diplomacy.normalizing_tokenizer.v1"}}})
    nlp.add_pipe("diplomacy_acronyms")
    return nlp


def test_long_form_then_acronym(nlp: Language) -> None:
    doc = nlp("Le Comité permanent de liaison agricole (CPLA) s'est réuni. Le CPLA siégera à Abidjan.")
    assert doc._.acronyms == {"CPLA": "Comité permanent de liaison agricole"}
    uses = doc.spans["diplomacy_acronyms"]
    assert [s.text for s in uses] == ["CPLA", "CPLA"]
    assert all(s._.long_form.text == "Comité permanent de liaison agricole" for s in uses)


def test_acronym_then_long_form(nlp: Language) -> None:
    doc = nlp("Le GMMP (Groupe migratoire mixte permanent) a tenu sa session.")
    assert doc._.acronyms == {"GMMP": "Groupe migratoire mixte permanent"}
    [use] = doc.spans["diplomacy_acronyms"]
    assert use.text == "GMMP" and use._.long_form.text == "Groupe migratoire mixte permanent"


def test_no_definition_no_acronym(nlp: Language) -> None:
    doc = nlp("Le CPLA et la FAO (Rome) se sont réunis.")
    assert doc._.acronyms == {} and list(doc.spans["diplomacy_acronyms"]) == []


def test_definitions_survive_a_docbin(nlp: Language) -> None:
    doc = nlp("L'Observatoire des voies lagunaires (OVL) publie. L'OVL alerte.")
    restored = list(DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab))[0]
    assert restored._.acronyms == {"OVL": "Observatoire des voies lagunaires"}
    assert [s._.long_form.text for s in restored.spans["diplomacy_acronyms"]] == ["Observatoire des voies lagunaires"] * 2
