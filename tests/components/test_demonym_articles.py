"""A capitalised demonym after a contracted article ("du Tchadien X") gives the person's country."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "phrase, name, country",
    [("du Tchadien Ali Mahamat", "Ali Mahamat", "TD"), ("au Gabonais Luc Ndong", "Luc Ndong", "GA"), ("le Camerounais Paul Mbarga", "Paul Mbarga", "CM")],
)
def test_a_demonym_after_an_article_places_the_name(extractor, phrase, name, country) -> None:
    text = f"Le sommet s'est ouvert jeudi à Yaoundé. La parole a été donnée {phrase}."
    analysis = extractor.analyze(text, published="2024-03-03")
    person = next(e for e in analysis.entities if e.type == "person" and e.name == name)
    info = extractor.nlp(extractor.make_doc(text, None))._.person_roles[person.id]
    assert info.get("country") == country
