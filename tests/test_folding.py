"""fold() and strip_honorifics(): the matching keys of the alias index."""

from __future__ import annotations

import pytest

from diplomacy_ner.folding import fold, strip_honorifics


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Dačić", "dacic"),
        ("Nuñez", "nunez"),
        ("Jean-Claude", "jean claude"),
        ("Jean Claude", "jean claude"),
        ("JEAN–CLAUDE", "jean claude"),  # en dash
        ("l’Intérieur", "l'interieur"),
        ("l‘Intérieur", "l'interieur"),
        ("lʼIntérieur", "l'interieur"),
        ("  Abdelouafi \n  Laftit ", "abdelouafi laftit"),
        ("Dan Jørgensen", "dan jorgensen"),
        ("Beata Szydło", "beata szydlo"),
        ("Œuvre", "oeuvre"),
        ("Kaïs Saïed", "kais saied"),
        ("Recep Tayyip Erdoğan", "recep tayyip erdogan"),
        ("Straße", "strasse"),
        ("Sénégalo-Mauritanien", "senegalo mauritanien"),
        ("", ""),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_decomposed_and_composed_accents_agree() -> None:
    composed = "Dačić"
    decomposed = "Dac\u030cic\u0301"
    assert fold(composed) == fold(decomposed) == "dacic"


@pytest.mark.parametrize(
    ("name", "rest"),
    [
        ("M. Laftit", "Laftit"),
        ("M.Laftit", "Laftit"),
        ("MM. Laftit et Nuñez", "Laftit et Nuñez"),
        ("Mme Tanja Fajon", "Tanja Fajon"),
        ("Mlle Dupont", "Dupont"),
        ("Madame Amy Pope", "Amy Pope"),
        ("Monsieur Emmanuel Macron", "Emmanuel Macron"),
        ("S.E. M. Ivica Dačić", "Ivica Dačić"),
        ("Son Excellence Monsieur Emmanuel Macron", "Emmanuel Macron"),
        ("Sa Majesté le Roi Mohammed VI", "Mohammed VI"),
        ("SM le Roi Mohammed VI", "Mohammed VI"),
        ("SM Mohammed VI", "Mohammed VI"),
        ("S.A.R. le Prince Moulay Rachid", "le Prince Moulay Rachid"),
        ("Dr Tedros Adhanom Ghebreyesus", "Tedros Adhanom Ghebreyesus"),
        ("Pr. Jean Dupont", "Jean Dupont"),
        ("SEM Ivica Dačić", "Ivica Dačić"),
    ],
)
def test_strip_honorifics(name: str, rest: str) -> None:
    assert strip_honorifics(name) == rest


@pytest.mark.parametrize(
    "name",
    [
        "le président Macron",  # a title is information, not an honorific
        "ministre Laftit",
        "cheikh Tamim ben Hamad Al Thani",
        "le Roi Mohammed VI",
        "Mmadi Ali",  # starts like "Mme" but is a name
        "Marc Dupont",
        "Sem Fall",  # "SEM" only in capitals
        "Drissa Traoré",
    ],
)
def test_strip_honorifics_keeps_titles_and_names(name: str) -> None:
    assert strip_honorifics(name) == name


def test_strip_honorifics_only_honorifics() -> None:
    assert strip_honorifics("Madame") == ""
    assert strip_honorifics("SM le Roi") == ""
