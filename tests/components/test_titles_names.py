"""The entity layer on real parses: title words that are no names, titles that stop before
the name they introduce or reach over an inner title, a name's apposition over an adjective,
and country names written in other cases or without their hyphen (invented names, sentences
written for these tests)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def spans(doc, label: str) -> list[tuple[str, int, int]]:
    return [(s.text, s.start_char, s.end_char) for s in doc.spans["diplomacy"] if s.label_ == label]


def title_at(doc, text: str, start: int):
    found = [s for s in doc.spans["diplomacy"] if s.label_ == "TITLE" and s.start_char == start]
    assert found, spans(doc, "TITLE")
    assert found[0].text == text and doc.text[found[0].start_char : found[0].end_char] == text
    return found[0]


def role_of(doc, surname: str) -> dict:
    ids = [e["id"] for e in doc._.entities if e["type"] == "person" and e["name"].split()[-1] == surname]
    assert len(ids) == 1, [e["name"] for e in doc._.entities if e["type"] == "person"]
    return doc._.person_roles[ids[0]]


# -- a title word alone is no person ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, word",
    [
        ("Au cours de la réunion, l'Ambassadeur a salué la qualité des relations.", "Ambassadeur"),
        ("Pendant l'audience, le Ministre a présenté les priorités de son département.", "Ministre"),
        ("À l'issue des entretiens, la Présidente a remercié ses hôtes.", "Présidente"),
    ],
)
def test_a_capitalised_title_word_alone_is_a_title_not_a_person(extractor, text, word) -> None:
    doc = extractor.nlp(text)
    assert not any(t == word for t, _, _ in spans(doc, "PERSON")), spans(doc, "PERSON")
    title_at(doc, word, text.index(word))


@pytest.mark.parametrize("adjective", ["nouvel", "actuel"])
def test_an_adjective_before_the_title_keeps_the_apposition(extractor, adjective) -> None:
    text = (f"Le chef de l'État a reçu Tarek Ben Ouali, {adjective} Ambassadeur du Royaume d'Arabie saoudite "
            "auprès de la République du Niger.")
    doc = extractor.nlp(text)
    assert not any(t == "Ambassadeur" for t, _, _ in spans(doc, "PERSON"))
    title = title_at(doc, "Ambassadeur du Royaume d'Arabie saoudite auprès de la République du Niger", text.index("Ambassadeur"))
    assert title._.info["person"] is not None
    info = role_of(doc, "Ouali")
    assert info["role"] == "Ambassadeur" and info["country"] == "SA"


# -- a title stops before the name it introduces ---------------------------------------------


@pytest.mark.parametrize(
    "text, title, name",
    [
        ("Le ministre a rencontré la présidente de la Confédération Karla Wendel-Matter à Berne.",
         "présidente de la Confédération", "Karla Wendel-Matter"),
        ("Elle a salué le président du Sénat Hugo Lemarchal, avant de repartir.", "président du Sénat", "Hugo Lemarchal"),
        ("Il a reçu le ministre des Affaires Étrangères Jean-Noël Varnier lundi.",
         "ministre des Affaires Étrangères", "Jean-Noël Varnier"),
    ],
)
def test_a_title_with_a_capitalised_complement_stops_before_the_name(extractor, text, title, name) -> None:
    doc = extractor.nlp(text)
    t = title_at(doc, title, text.index(title))
    at = text.index(name)
    assert (name, at, at + len(name)) in spans(doc, "PERSON")
    assert t._.info["person"] is not None
    assert role_of(doc, name.split()[-1])["role"] == title


def test_a_long_capitalised_country_name_stays_in_the_title(extractor) -> None:
    text = "Le président de la République Démocratique du Congo est arrivé."
    doc = extractor.nlp(text)
    title = title_at(doc, "président de la République Démocratique du Congo", text.index("président"))
    assert title._.info["countries"] == ["CD"]


@pytest.mark.parametrize(
    "text, title",
    [
        ("Le calendrier a été confirmé, a indiqué le porte-parole du Premier ministre.", "porte-parole du Premier ministre"),
        ("La conseillère diplomatique du Premier ministre a pris la parole.", "conseillère diplomatique du Premier ministre"),
    ],
)
def test_an_inner_title_keeps_its_whole_head(extractor, text, title) -> None:
    doc = extractor.nlp(text)
    title_at(doc, title, text.index(title))


# -- country names in other cases ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name, code",
    [
        ("Le ministre du Royaume Uni est arrivé.", "Royaume Uni", "GB"),
        ("Une délégation de la république démocratique du Congo est arrivée.", "république démocratique du Congo", "CD"),
        ("Une délégation de la République Démocratique du Congo est arrivée.", "République Démocratique du Congo", "CD"),
        ("Le ministre de la Polynésie Française est arrivé.", "Polynésie Française", "PF"),
    ],
)
def test_country_names_in_other_cases_and_without_hyphen(extractor, text, name, code) -> None:
    doc = extractor.nlp(text)
    at = text.index(name)
    found = [s for s in doc.spans["diplomacy"] if s.label_ == "COUNTRY" and s.start_char == at and s.end_char == at + len(name)]
    assert found and found[0].kb_id_ == f"country:{code}", spans(doc, "COUNTRY")


def test_la_reunion_in_lower_case_is_no_country(extractor) -> None:
    doc = extractor.nlp("Les ministres ont tenu la réunion à Dakar.")
    assert not spans(doc, "COUNTRY")


def test_a_second_title_after_a_comma_describes_the_same_person(extractor) -> None:
    text = ("Le président a reçu Son Excellence Marc Dufresnel, Ambassadeur, Haut Représentant de la "
            "République Française près la République Gabonaise.")
    doc = extractor.nlp(text)
    second = title_at(doc, "Haut Représentant de la République Française", text.index("Haut"))
    assert second._.info["person"] == "doc-person:marc-dufresnel"
    assert role_of(doc, "Dufresnel")["country"] == "FR"


def test_a_title_word_after_an_elided_article_is_no_person(extractor) -> None:
    doc = extractor.nlp("La première audience, accordée à L'Ambassadeur de Suisse, a porté sur la coopération.")
    assert not spans(doc, "PERSON")


# -- a title that names a body its acronym defines --------------------------------------------


@pytest.mark.parametrize(
    "text, title, code",
    [
        ("Le ministre a reçu Pierre Valcourt, Haut Commissaire des Nations unies pour les réfugiés (HCR).",
         "Haut Commissaire des Nations unies pour les réfugiés (HCR)", "HCR"),
        ("Elle a rencontré Marie Delorme, Directrice générale de l'Organisation des Nations unies pour "
         "l'éducation, la science et la culture (UNESCO), à Paris.",
         "Directrice générale de l'Organisation des Nations unies pour l'éducation, la science et la culture (UNESCO)", "UNESCO"),
    ],
)
def test_a_title_covers_the_body_its_acronym_names(extractor, text, title, code) -> None:
    doc = extractor.nlp(text)
    t = title_at(doc, title, text.index(title.split()[0]))
    assert t._.info["person"] is not None
    surname = t._.info["person"].rsplit("-", 1)[-1].capitalize()
    assert role_of(doc, surname)["country"] == code


# -- capacity phrases and former offices -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Marc Vernier était à Berne. En sa qualité de secrétaire général du Conseil de l'Europe, il a rencontré la ministre.",
        "Marc Vernier était à Berne. En qualité de secrétaire général du Conseil de l'Europe, il a reçu la ministre.",
        "En sa qualité de secrétaire général du Conseil de l'Europe, Marc Vernier a rencontré la ministre.",
    ],
)
def test_a_capacity_phrase_gives_its_title_to_the_subject(extractor, text) -> None:
    doc = extractor.nlp(text)
    title = "secrétaire général du Conseil de l'Europe"
    t = title_at(doc, title, text.index(title))
    assert t._.info["person"] == "doc-person:marc-vernier"
    assert role_of(doc, "Vernier")["role"] == title


def test_a_former_office_is_not_the_current_role(extractor) -> None:
    text = ("L'ancien ministre des Finances Marc Vernier était à Berne. En sa qualité de secrétaire général "
            "du Conseil de l'Europe, il a rencontré la ministre. L'ancien ministre des Finances a ensuite quitté Berne.")
    doc = extractor.nlp(text)
    former = title_at(doc, "ministre des Finances", text.index("ministre"))
    assert former._.info.get("former") is True
    assert role_of(doc, "Vernier")["role"] == "secrétaire général du Conseil de l'Europe"
    again = title_at(doc, "ministre des Finances", text.rindex("ministre des Finances"))
    assert again._.info["person"] == "doc-person:marc-vernier"


def test_a_former_office_alone_stays_the_role(extractor) -> None:
    doc = extractor.nlp("L'ancien ministre Marc Vernier a rencontré la présidente Anne Kessel.")
    assert role_of(doc, "Vernier")["role"] == "ministre"


def test_a_portfolio_with_coordinated_adjectives_keeps_its_country(extractor) -> None:
    text = "Le ministre des Affaires étrangères et européennes du Luxembourg, Paul Wenzeler, a effectué une visite à Riga."
    doc = extractor.nlp(text)
    title = "ministre des Affaires étrangères et européennes du Luxembourg"
    t = title_at(doc, title, text.index(title))
    assert t._.info["countries"] == ["LU"]
    info = role_of(doc, "Wenzeler")
    assert info["role"] == "ministre des Affaires étrangères et européennes" and info["country"] == "LU"


@pytest.mark.parametrize(
    "text, title, surname, role, country",
    [
        ("Il a reçu le secrétaire d'Etat tunisien aux affaires arabes et Africaines, M. Samir Belhaj, jeudi.",
         "secrétaire d'Etat tunisien aux affaires arabes et Africaines", "Belhaj",
         "secrétaire d'Etat aux affaires arabes et Africaines", "TN"),
        ("Le chef de l'Etat nigérien, Moussa Dandi, a reçu le ministre.", "chef de l'Etat nigérien", "Dandi", "chef de l'Etat", "NE"),
        ("Le chef d'Etat malien, Oumar Sidibé, a reçu le ministre.", "chef d'Etat malien", "Sidibé", "chef d'Etat", "ML"),
    ],
)
def test_a_title_written_without_its_accent_is_a_title(extractor, text, title, surname, role, country) -> None:
    doc = extractor.nlp(text)
    title_at(doc, title, text.index(title))
    info = role_of(doc, surname)
    assert info["role"] == role and info["country"] == country, info


# -- a name after a title, ended by a bracket -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Lors de sa rencontre avec le Premier ministre Kolo Adiza (avant-hier), le ministre a parlé.", "Kolo Adiza"),
        ("Le ministre a rencontré le président Mbeki Tanda (à droite) au palais.", "Mbeki Tanda"),
    ],
)
def test_a_name_after_a_title_ends_before_a_bracket(extractor, text, name) -> None:
    doc = extractor.nlp(extractor.make_doc(text))
    start = text.index(name)
    assert (name, start, start + len(name)) in spans(doc, "PERSON")


def test_a_hyphenated_place_after_a_plural_title_is_no_name(extractor) -> None:
    text = "Ils ont parlé en marge de la réunion des ministres du commerce du corridor Abidjan-Lagos (Bénin, Ghana) à Cotonou."
    doc = extractor.nlp(extractor.make_doc(text))
    assert spans(doc, "PERSON") == []


def test_two_names_the_ner_cut_side_by_side_are_one_person() -> None:
    import spacy
    from spacy.tokens import Span

    from diplomacy_ner.rules.people import _joined_adjacent

    doc = spacy.blank("fr")("le secrétaire général, M. Hissa Bakar Tamo, et Ali Sow\n\nJean Durand parle")
    ents = [Span(doc, 4, 6, "PER"), Span(doc, 6, 8, "PER"), Span(doc, 10, 13, "PER"), Span(doc, 13, 15, "PER")]
    assert [e.text.strip() for e in _joined_adjacent(doc, ents)] == ["M. Hissa Bakar Tamo", "Ali Sow", "Jean Durand"]


def test_names_on_two_lines_stay_apart(extractor) -> None:
    text = "Un ami commun nommé Paul Verdier\n\nJean Durand et Marc Petit se connaissent bien."
    doc = extractor.nlp(extractor.make_doc(text))
    assert "Paul Verdier" in [p for p, _, _ in spans(doc, "PERSON")]


@pytest.mark.parametrize(("text", "cut", "whole"), [("Denis Sassou N'Guesso dirige", 2, 4), ("Amadou M'Bow a dit", 1, 3)])
def test_a_capital_elision_glued_to_a_surname_extends_the_name(text, cut, whole) -> None:
    import spacy

    from diplomacy_ner.rules.people import extend_name

    doc = spacy.blank("fr")(text)
    assert extend_name(doc, cut) == whole


def test_a_lower_case_elision_after_a_name_is_no_part_of_it() -> None:
    import spacy

    from diplomacy_ner.rules.people import extend_name

    doc = spacy.blank("fr")("Le président Paul Mbemba n'a pas reçu le ministre.")
    assert extend_name(doc, 4) == 4
