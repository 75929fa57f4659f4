"""The entity layer on real parses (issue #11, round h): honorifics written as abbreviations
("SEM", "SEMme", "Leurs Excellences", "LL.AA.RR.", "Dr."), title words glued to a name, a
country adjective inside a place's name, periphrases of a head of state, and short forms of a
longer name (invented names, sentences written for these tests)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def persons(doc) -> list[tuple[str, int, int]]:
    return [(s.text, s.start_char, s.end_char) for s in doc.spans["diplomacy"] if s.label_ == "PERSON"]


def person_at(doc, text: str, at: int):
    found = [s for s in doc.spans["diplomacy"] if s.label_ == "PERSON" and s.start_char == at]
    assert found, persons(doc)
    span = found[0]
    assert span.text == text and doc.text[span.start_char : span.end_char] == text, persons(doc)
    return span


def role_of(doc, span) -> dict:
    return doc._.person_roles.get(span.kb_id_) or {}


def people(doc) -> list[dict]:
    return [e for e in doc._.entities if e["type"] == "person"]


# -- honorifics written as abbreviations -------------------------------------------------------


def test_sem_before_a_name_is_an_honorific_and_the_title_reaches_over_it(extractor) -> None:
    text = "Le ministre burkinabè en charge des Affaires étrangères SEM Kassoum Tiendré Yaméogo a reçu l'ambassadeur du Japon."
    doc = extractor.nlp(text)
    span = person_at(doc, "Kassoum Tiendré Yaméogo", text.index("Kassoum"))
    role = role_of(doc, span)
    assert role.get("country") == "BF", role
    assert "Affaires étrangères" in (role.get("role") or ""), role


def test_semme_before_a_name_is_an_honorific(extractor) -> None:
    text = "Le ministre a reçu SEMme Liu Xiaomei, Ambassadeur de la Chine à Madagascar."
    doc = extractor.nlp(text)
    person_at(doc, "Liu Xiaomei", text.index("Liu"))
    assert not any(t.startswith("SEM") for t, _, _ in persons(doc)), persons(doc)


def test_leurs_excellences_covers_two_names(extractor) -> None:
    text = "Tout comme lui, Leurs Excellences Ousmane TRAORÉ et Jean Marc Zongo ont relevé la nécessité d'agir."
    doc = extractor.nlp(text)
    person_at(doc, "Ousmane TRAORÉ", text.index("Ousmane"))
    person_at(doc, "Jean Marc Zongo", text.index("Jean Marc"))
    assert not any("Excellence" in t for t, _, _ in persons(doc)), persons(doc)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Le chef de l'État a reçu S.A.S. Albéric III, prince souverain, au palais.", "Albéric III"),
        ("Le ministre indien des Affaires extérieures, Dr. Ravindra Kumarasamy, a reçu son homologue.", "Ravindra Kumarasamy"),
    ],
)
def test_a_dotted_honorific_is_no_part_of_the_name(extractor, text, name) -> None:
    doc = extractor.nlp(text)
    person_at(doc, name, text.index(name))
    assert not any(t.startswith(("S.A", "Dr")) for t, _, _ in persons(doc)), persons(doc)


def test_a_plural_royal_honorific_is_no_person(extractor) -> None:
    text = "Le président a reçu LL.AA.RR. le Grand-Duc et la Grande-Duchesse au palais présidentiel."
    doc = extractor.nlp(text)
    assert not any("LL" in t for t, _, _ in persons(doc)), persons(doc)


# -- title words glued to a name ---------------------------------------------------------------


def test_a_title_head_starting_a_name_is_cut_off(extractor) -> None:
    text = "Le Consul TIAN Lihua a reçu le maire de la ville au consulat."
    doc = extractor.nlp(text)
    person_at(doc, "TIAN Lihua", text.index("TIAN"))
    assert not any(t.startswith("Consul") for t, _, _ in persons(doc)), persons(doc)


@pytest.mark.parametrize(
    "text, word",
    [
        ("Au palais impérial, l'Empereur a reçu le président ghanéen et son épouse.", "Empereur"),
        ("La Grande-Duchesse héritière a reçu le ministre belge de la Culture.", "Grande-Duchesse"),
    ],
)
def test_a_monarch_title_alone_is_no_person(extractor, text, word) -> None:
    doc = extractor.nlp(text)
    assert not any(word in t for t, _, _ in persons(doc)), persons(doc)


def test_a_portfolio_word_before_a_name_stays_in_the_title(extractor) -> None:
    text = (
        "Des réunions ont eu lieu avec le ministre saoudien des Finances Walid Al-Fahdi, "
        "le ministre gabonais des Finances Jules Ondo et le gouverneur de la banque centrale."
    )
    doc = extractor.nlp(text)
    span = person_at(doc, "Walid Al-Fahdi", text.index("Walid"))
    role = role_of(doc, span)
    assert role.get("role") == "ministre des Finances" and role.get("country") == "SA", role


def test_a_name_repeated_twice_in_a_row_is_one_mention(extractor) -> None:
    text = "Élection Amadou Kerekou Amadou Kerekou, président de la République du Bénin, a reçu le ministre."
    doc = extractor.nlp(text)
    assert not any(t.count("Kerekou") > 1 for t, _, _ in persons(doc)), persons(doc)


# -- a country adjective inside a name ---------------------------------------------------------


def test_a_country_adjective_after_a_sea_word_is_no_country(extractor) -> None:
    text = "Le secrétaire général de la Commission de l'Océan Indien, Paul Rakotomavo, a été reçu à Victoria."
    doc = extractor.nlp(text)
    countries = [(s.text, s.kb_id_) for s in doc.spans["diplomacy"] if s.label_ == "COUNTRY"]
    assert ("Indien", "country:IN") not in countries, countries
    span = person_at(doc, "Paul Rakotomavo", text.index("Paul"))
    assert role_of(doc, span).get("country") != "IN"


# -- periphrases ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, title, country",
    [
        ("Le locataire de l'Élysée a reçu mardi le président ghanéen à Paris.", "locataire de l'Élysée", "FR"),
        ("Le locataire de la Maison-Blanche s'est entretenu avec le président ghanéen.", "locataire de la Maison-Blanche", "US"),
        ("Le locataire du Kremlin a reçu le président ghanéen.", "locataire du Kremlin", "RU"),
    ],
)
def test_a_periphrasis_of_a_head_of_state_is_a_title_with_its_country(extractor, text, title, country) -> None:
    doc = extractor.nlp(text)
    found = [s for s in doc.spans["diplomacy"] if s.label_ == "TITLE" and s.start_char == text.index(title)]
    assert found and found[0].text == title, [(s.text, s.label_) for s in doc.spans["diplomacy"]]
    info = found[0]._.info
    assert info["class"] == "head_of_state" and country in info["countries"], info


# -- short forms of a longer name ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, short, full",
    [
        (
            "Le président a reçu Jean-Luc Mbemba Nkounkou. Plus tard, Jean-Luc Mbemba a remercié son hôte.",
            "Jean-Luc Mbemba",
            "Jean-Luc Mbemba Nkounkou",
        ),
        (
            "Le ministre nigérien des affaires étrangères, Issaka Yaou Karimou, a présenté un bilan. "
            "Dans son intervention, Issaka Karimou a souligné les progrès.",
            "Issaka Karimou",
            "Issaka Yaou Karimou",
        ),
    ],
)
def test_a_short_form_of_a_longer_name_is_the_same_person(extractor, text, short, full) -> None:
    doc = extractor.nlp(text)
    long_span = person_at(doc, full, text.index(full))
    short_span = person_at(doc, short, text.rindex(short))
    assert short_span.kb_id_ == long_span.kb_id_
    assert [e["name"] for e in people(doc) if e["id"] == long_span.kb_id_] == [full]


# -- a title does not eat the first name the statistical NER left out ----------------------------


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "Le ministre malien des Finances Kofi Adamou Dembélé, le ministre gabonais des Finances Jules Ondo "
            "et le président du Fonds ont parlé.",
            "Kofi Adamou Dembélé",
            "ministre des Finances",
        ),
    ],
)
def test_a_title_stops_before_the_first_name(extractor, text, name, role) -> None:
    doc = extractor.nlp(text)
    span = person_at(doc, name, text.index(name))
    assert role_of(doc, span).get("role") == role, role_of(doc, span)
