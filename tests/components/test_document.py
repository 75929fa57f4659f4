"""diplomacy_document on spacy.blank("fr"): dateline, home country and country ranking."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import diplomacy_ner.components  # noqa: F401  (the factories are also entry points)


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("fr", config={"nlp": {"tokenizer": {"@tokenizers": "diplomacy.normalizing_tokenizer.v1"}}})
    # the statistical NER's places, for a blank pipeline
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "LOC", "pattern": "Rabat"}])
    nlp.add_pipe("diplomacy_entity_rules")
    nlp.add_pipe("diplomacy_document")
    nlp.add_pipe("diplomacy_linker")
    return nlp


def test_dateline_with_agency_gives_the_agency_country(nlp: Language) -> None:
    doc = nlp("Rabat, 12 mars (MAP) - Le ministre a reçu son homologue sénégalais. Le Sénégal et la Gambie...")
    assert doc._.dateline["city"] == "Rabat" and doc._.dateline["agency"] == "MAP"
    assert doc._.dateline["country"] == "MA"
    assert doc._.home_country == "MA"


def test_without_dateline_the_most_mentioned_country_outside_titles(nlp: Language) -> None:
    doc = nlp("Le Ghana et le Togo ont signé. Le Ghana accueillera la réunion; le ministre togolais a salué le Ghana.")
    assert doc._.dateline is None
    assert doc._.country_ranking[0] == "GH"
    assert doc._.home_country == "GH"


def test_country_words_inside_a_title_do_not_vote(nlp: Language) -> None:
    doc = nlp("Le ministre italien des Affaires étrangères et le ministre italien de l'Intérieur ont visité le Niger.")
    assert doc._.home_country == "NE"


def test_the_agency_is_the_source_not_a_body_of_the_news(nlp: Language) -> None:
    doc = nlp("Rabat, 12 mars (MAP) - Le ministre a reçu l'ambassadeur du Ghana.")
    assert doc._.home_country == "MA"
    assert "MAP" not in {e.get("acronym") for e in doc._.entities if e["type"] == "body"}
