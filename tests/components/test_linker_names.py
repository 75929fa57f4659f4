"""Canonical names of people (issue #13): the knowledge base's name for a known person, else the
longest form the text uses without honorific; the aliases hold the forms of the text and the KB's."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.language import Language

import diplomacy_ner.components.entity_rules  # noqa: F401  (the factories are also entry points)
import diplomacy_ner.components.linker  # noqa: F401

# an invented minister of an invented government
KONE = {
    "kind": "person",
    "id": "person:test-amina-kone",
    "name": "Amina Koné",
    "aliases": ["Mme Koné", "A. Koné"],
    "gender": "f",
    "source": "test",
    "roles": [
        {
            "title": "ministre des Affaires étrangères",
            "country": "CI",
            "start": "2026-01-15",
            "source": "test",
        }
    ],
}


@pytest.fixture(scope="module")
def nlp(tmp_path_factory: pytest.TempPathFactory) -> Language:
    kb = tmp_path_factory.mktemp("kb") / "people.jsonl"
    kb.write_text(json.dumps(KONE, ensure_ascii=False) + "\n", encoding="utf-8")
    nlp = spacy.blank(
        "fr", config={"nlp": {"tokenizer": {"@tokenizers": "diplomacy.normalizing_tokenizer.v1"}}}
    )
    nlp.add_pipe("diplomacy_entity_rules")
    nlp.add_pipe("diplomacy_linker", config={"kb_files": [str(kb)]})
    return nlp


def test_a_known_person_named_only_by_honorific_and_surname_gets_the_kb_name(nlp: Language) -> None:
    # regression: the name was "Mme Koné" as written and the aliases were empty
    doc = nlp("Abidjan - Mme Koné a reçu mardi son homologue. Mme Koné a salué la visite.")
    [person] = [e for e in doc._.entities if e["type"] == "person"]
    assert person["id"] == "person:test-amina-kone"
    assert person["name"] == "Amina Koné"
    assert person["aliases"][0] == "Mme Koné"  # the form of the text first
    assert "A. Koné" in person["aliases"] and "Amina Koné" not in person["aliases"]


@pytest.mark.slow
def test_an_unknown_person_gets_the_longest_form_without_honorific(extractor) -> None:
    text = (
        "Dakar - La ministre sénégalaise de la Pêche, Awa Ndoye Sarr, a reçu lundi à Dakar le ministre "
        "mauritanien de la Pêche, Sidi Ould Brahim. Mme Ndoye Sarr a rappelé l'accord de 2020. "
        "M. Ould Brahim a salué l'accueil."
    )
    analysis = extractor.analyze(text, published="2026-03-02")
    people = {e.name: e for e in analysis.entities if e.type == "person"}
    assert "Awa Ndoye Sarr" in people and "Sidi Ould Brahim" in people
    # regression: aliases were empty; they are the other forms the text uses
    assert people["Awa Ndoye Sarr"].aliases == ["Ndoye Sarr"]
    assert people["Sidi Ould Brahim"].aliases == ["Ould Brahim"]
    [meeting] = analysis.held_meetings()
    assert {p.name for p in meeting.participants} == {"Awa Ndoye Sarr", "Sidi Ould Brahim"}


@pytest.mark.slow
def test_an_unknown_person_named_only_with_an_honorific_has_no_honorific_in_the_name(extractor) -> None:
    text = "Bamako - Mme Diarra-Keïta a reçu lundi à Bamako l'ambassadeur de Chine."
    analysis = extractor.analyze(text, published="2026-03-02")
    names = [e.name for e in analysis.entities if e.type == "person"]
    assert names and all(not name.startswith(("Mme", "M.")) for name in names), names
