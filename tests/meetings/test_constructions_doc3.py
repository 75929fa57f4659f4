"""Constructions of real news, fourth set (sentences written for these tests, invented names).

Articles cut off in the middle of their last sentence; a second titled partner whose name the parser
detached; aides listed after "assisté par"; a bare title that stands for a body's official.
"""

from __future__ import annotations

import pytest

from helpers import meetings, names

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "cut",
    [
        "et à cette occasion, les deux hommes ont expri",
        "et ils ont évoqué la coopération dans le domaine de l",
        "à l'issue d'une séance de travail consacrée à",
    ],
)
def test_a_last_line_cut_off_is_a_sentence_not_a_heading(extractor, cut) -> None:
    text = (
        "Le ministre des Affaires étrangères, Karim Benali, a reçu mardi à Rabat son homologue suédois, Olof Brandt.\n\n"
        "Le même jour, Karim Benali s'est entretenu avec le ministre portugais de la Défense, Rui Matos, " + cut
    )
    found = [names(m) for m in meetings(extractor, text)]
    assert ["Karim Benali", "Rui Matos"] in found
    [rui] = [p for m in meetings(extractor, text) for p in m.participants if p.name == "Rui Matos"]
    assert text[rui.mentions[0].start : rui.mentions[0].end] == "Rui Matos"


def test_a_title_line_with_more_text_after_it_stays_a_heading(extractor) -> None:
    # a heading may only merge into a meeting the body tells, never open one
    text = (
        "Karim Benali s'entretient avec Rui Matos\n\n"
        "Le ministre des Affaires étrangères, Karim Benali, a évoqué mardi la situation régionale."
    )
    assert meetings(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "M. Benali s'est également entretenu avec le ministre de la Coopération de la Suède, Olof Brandt, et la "
        "ministre des Affaires étrangères et des Communautés de la Guinée-Bissau, Rita Matos.",
        "M. Benali s'est aussi entretenu jeudi avec le ministre du Commerce de la Norvège, Olof Brandt, et la "
        "ministre des Affaires étrangères et de l'Intégration de la Guinée-Bissau, Rita Matos.",
    ],
)
def test_a_second_titled_partner_whose_name_the_parser_detached_is_a_partner(extractor, text) -> None:
    found = sorted(names(m) for m in meetings(extractor, text))
    assert ["Benali", "Rita Matos"] in found or ["Leila Benali", "Rita Matos"] in found
    [rita] = [p for m in meetings(extractor, text) for p in m.participants if p.name == "Rita Matos"]
    assert rita.country == "GW"


@pytest.mark.parametrize("cue", ["était assisté, au cours de l'audience, par", "était assisté par", "était assistée de"])
def test_aides_listed_after_assiste_par_are_no_participants(extractor, cue) -> None:
    text = (
        "Le président Paul Kiroga a reçu mardi à Yaoundé le ministre suédois des Affaires étrangères, Olof Brandt. "
        f"Le président {cue} le ministre des Relations extérieures, Karl Obi, le ministre secrétaire général de la "
        "présidence de la République, Paul Ndo et le ministre, directeur du Cabinet civil, Marc Eto."
    )
    assert [names(m) for m in meetings(extractor, text)] == [["Olof Brandt", "Paul Kiroga"]]


def test_a_bare_title_finds_the_body_official_named_before(extractor) -> None:
    # "le secrétaire général" is the NATO official named first, not the national minister named since
    text = (
        "Le secrétaire général de l'OTAN, Piet Vandamme, a accueilli jeudi le roi Olaf de Norvège au siège de "
        "l'OTAN à Bruxelles. Le ministre norvégien de la Défense, Lars Berg, a déposé une gerbe. Le secrétaire "
        "général a ensuite eu un entretien avec le roi."
    )
    assert [names(m) for m in meetings(extractor, text)] == [["Olaf", "Piet Vandamme"]]


@pytest.mark.parametrize(
    "text",
    [
        "M. Karl Obi participera samedi à deux séances de travail, en plus de rencontrer le président de la Banque "
        "mondiale, Paul Ndo.",
        "Le président Karl Obi prononcera un discours devant le Parlement, en plus de rencontrer le Premier ministre "
        "suédois, Olof Brandt.",
    ],
)
def test_an_infinitive_adjunct_of_a_future_verb_is_planned(extractor, text) -> None:
    assert meetings(extractor, text) == []
    [m] = extractor.extract_meetings(text, published="2025-03-12", statuses=("planned",))
    assert m.status == "planned"


def test_an_infinitive_adjunct_of_a_past_verb_is_held(extractor) -> None:
    text = (
        "Le président Karl Obi a prononcé mardi un discours devant le Parlement, en plus de rencontrer le Premier "
        "ministre suédois, Olof Brandt."
    )
    assert [names(m) for m in meetings(extractor, text)] == [["Karl Obi", "Olof Brandt"]]


def test_a_spokesperson_is_the_source_not_the_side_of_an_encounter_noun(extractor) -> None:
    text = (
        "Le président Karl Obi a rencontré samedi à Rome le président suédois Olof Brandt. La porte-parole de la "
        "présidence, Anna Rossi, a confirmé que cette rencontre s'est déroulée samedi. Toutefois, Anna Rossi n'a pas "
        "donné de détails. La rencontre avec Olof Brandt marque leur premier entretien direct."
    )
    found = [names(m) for m in meetings(extractor, text)]
    assert found == [["Karl Obi", "Olof Brandt"]]


@pytest.mark.parametrize(
    "text",
    [
        "Le président Karl Obi commencera mardi sa première visite d'État en Suède. Au coeur des discussions avec le "
        "Premier ministre Olof Brandt : la crise régionale.",
        "Le président Karl Obi entamerait mardi une visite en Suède. Au menu des échanges avec le Premier ministre "
        "Olof Brandt, la sécurité régionale.",
    ],
)
def test_a_verbless_sentence_after_a_future_one_tells_a_planned_encounter(extractor, text) -> None:
    assert meetings(extractor, text) == []


def test_a_verbless_sentence_after_a_past_one_tells_a_held_encounter(extractor) -> None:
    text = (
        "Le président Karl Obi a entamé mardi une visite en Suède. Au menu des échanges avec le Premier ministre "
        "Olof Brandt, la sécurité régionale."
    )
    assert [names(m) for m in meetings(extractor, text)] == [["Karl Obi", "Olof Brandt"]]


@pytest.mark.parametrize(
    "text",
    [
        "Le président suédois Olof Brandt est arrivé jeudi à Bamako. Le président de la Transition, Karl Obi, était "
        "présent au pied de l'avion. Les deux chefs d'État ont eu un bref entretien au salon d'honneur.",
        "Le Premier ministre suédois Olof Brandt est arrivé jeudi à Bamako pour une visite de travail. Le président "
        "Karl Obi avait annoncé sa venue la semaine dernière. Plus tard, les deux hommes ont eu un entretien en "
        "tête-à-tête.",
    ],
)
def test_les_deux_takes_the_last_two_officials_named_apart(extractor, text) -> None:
    [m] = meetings(extractor, text)
    assert names(m) == ["Karl Obi", "Olof Brandt"]
    assert {p.country for p in m.participants} == {"SE", "ML"}


def test_les_deux_with_one_official_named_is_nobody(extractor) -> None:
    text = (
        "Le président suédois Olof Brandt est arrivé jeudi à Bamako. Il a visité le musée national. Les deux chefs "
        "d'État ont eu un bref entretien au salon d'honneur."
    )
    assert meetings(extractor, text) == []


def test_a_time_phrase_with_a_fixed_verb_does_not_cut_the_object_off(extractor) -> None:
    text = (
        "La ministre des Affaires étrangères Karla Obi a rencontré le 21 février à partir de 9h20 (21h20, heure de "
        "Lima) et pendant près de 25 minutes Mme Olga Brandt, directrice générale de l'UNESCO."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["Karla Obi", "Olga Brandt"]
    [olga] = [p for p in m.participants if p.name == "Olga Brandt"]
    assert text[olga.mentions[0].start : olga.mentions[0].end] in ("Olga Brandt", "Mme Olga Brandt")


def test_a_bare_title_as_subject_is_the_last_subject_of_its_office(extractor) -> None:
    text = (
        "Le ministre des Affaires étrangères, Karim Benali, a eu jeudi à New York des entretiens avec son homologue "
        "suédois Olof Brandt. Karim Benali s'est également entretenu jeudi avec les ministres des Affaires étrangères "
        "du Portugal, Rui Matos, et du Pérou, Luis Garcia. Le ministre a aussi rencontré au cours de la journée le "
        "secrétaire général adjoint des Nations unies, Piet Vandamme."
    )
    found = [names(m) for m in meetings(extractor, text)]
    assert ["Karim Benali", "Piet Vandamme"] in found
    assert not any("Piet Vandamme" in f and "Karim Benali" not in f for f in found)


@pytest.mark.parametrize("gerund", ["en étant reçu par", "en étant accueilli par"])
def test_a_gerund_takes_the_main_clause_subject(extractor, gerund) -> None:
    text = (
        "Le ministre suédois de l'Industrie, Olof Brandt, est arrivé lundi à Tokyo. Aujourd'hui, le ministre a "
        f"bénéficié d'un traitement de faveur {gerund} l'empereur Kenji malgré une demande tardive."
    )
    found = [names(m) for m in meetings(extractor, text)]
    assert ["Kenji", "Olof Brandt"] in found


def test_a_vice_president_title_is_the_vice_president_named_before(extractor) -> None:
    text = (
        "Le vice-président suédois Olof Brandt est arrivé lundi à Tokyo. Il est considéré comme le successeur du "
        "président suédois Lars Berg. Aujourd'hui, le vice-président suédois a été reçu par l'empereur Kenji."
    )
    found = [names(m) for m in meetings(extractor, text)]
    assert found == [["Kenji", "Olof Brandt"]]
