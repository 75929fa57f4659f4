"""Place names and dates of meetings read from the article (sentences written for these tests, invented names)."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Le ministre tunisien des Affaires étrangères, Karim Mansour, a été reçu lundi au Caire par son homologue égyptien, Tarek Fahmy.", "Caire"),
        ("Le ministre marocain des Transports, Driss Alaoui, s'est entretenu lundi au Havre avec son homologue français, Luc Morin.", "Havre"),
    ],
)
def test_a_city_after_a_contracted_article_keeps_its_article(extractor, text, written) -> None:
    [m] = extractor.extract_meetings(text, published="2025-03-12")
    assert m.location.name == "Le " + written
    assert m.location.mention.text == written


DIARY = (
    "Visite officielle au Chili\n\n"
    "( 4 mars 2025 ) Paul Ferrand : « Entretien avec Pablo Reyes, ministre des Finances du Chili, sur nos échanges commerciaux. »\n\n"
    "( 5 mars 2025 ) « Entretien avec la ministre de la Santé, Mme Ana Soto. Elle a souhaité une coopération entre nos hôpitaux. »\n\n"
    "« Entretien avec le ministre de l'Agriculture, M. Diego Rojas. Nous avons évoqué la pêche. »"
)


def test_each_encounter_of_a_diary_takes_the_day_heading_its_entry(extractor) -> None:
    meetings = extractor.extract_meetings(DIARY)
    days = {m.participants[1].name: m.date for m in meetings}
    assert days == {"Pablo Reyes": dt.date(2025, 3, 4), "Ana Soto": dt.date(2025, 3, 5), "Diego Rojas": dt.date(2025, 3, 5)}


@pytest.mark.parametrize(
    "text",
    [
        "La ministre indonésienne des Finances, Dewi Lestari, a tenu plusieurs réunions bilatérales à Washington, aux États-Unis, "
        "en marge des réunions du FMI.\n\nUne réunion bilatérale a eu lieu lundi avec le ministre japonais des Finances, Kenji Mori.",
        "La ministre indonésienne des Finances, Dewi Lestari, s'est entretenue dimanche avec le ministre japonais des Finances, "
        "Kenji Mori, sur la dette.\n\nSon porte-parole a déclaré lundi que lors de leur réunion de dimanche à Washington, en marge "
        "du sommet du G20, les deux ministres avaient évoqué la dette.",
    ],
)
def test_a_meeting_at_a_gathering_on_third_ground_takes_its_place_and_no_host(extractor, text) -> None:
    [m] = extractor.extract_meetings(text, published="2025-04-15")
    assert {p.name for p in m.participants} == {"Dewi Lestari", "Kenji Mori"}
    assert m.location is not None and m.location.name == "Washington"
    assert m.host is None


def test_a_visit_the_article_tells_keeps_the_meeting_out_of_a_later_summit_city(extractor) -> None:
    text = (
        "Le président togolais, Koffi Amegan, est en visite de travail en République du Congo. Il a été accueilli mardi "
        "par son homologue congolais, Jean Mabiala.\n\nLes deux chefs d'Etat ont eu un entretien en tête à tête. "
        "La rencontre se tient à la veille du sommet de l'Union africaine à Addis-Abeba."
    )
    meetings = extractor.extract_meetings(text, published="2025-02-14")
    assert meetings and all(m.location is None or m.location.name != "Addis-Abeba" for m in meetings)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a date after "depuis" starts a state
        (
            "Le président seychellois, Marc Lablache, a reçu le secrétaire général de la Commission, Paul Ravel, à la tête "
            "de la Commission depuis le 16 juillet 2020.",
            None,
        ),
        # the day of a future event told in a relative clause is not the meeting's
        (
            "Le président chinois Li Wei et le Premier ministre japonais Kenji Mori ont tenu une réunion en amont d'un sommet "
            "du G20, qui réunira entre les 14 et 15 mars à Osaka les grandes économies du monde.",
            None,
        ),
    ],
)
def test_the_day_of_a_meeting_is_no_state_or_future_day(extractor, text, day) -> None:
    [m] = extractor.extract_meetings(text, published="2025-03-14")
    assert m.date == day


def test_the_full_date_beside_la_veille_is_that_day(extractor) -> None:
    text = (
        "Le Premier ministre japonais Kenji Mori a rencontré mercredi le président chinois Li Wei. Cependant, M. Mori "
        "avait rencontré la veille, dimanche 9 mars, le président russe Ivan Petrov."
    )
    days = {m.participants[1].name: m.date for m in extractor.extract_meetings(text, published="2025-03-14")}
    assert days == {"Li Wei": dt.date(2025, 3, 12), "Ivan Petrov": dt.date(2025, 3, 9)}


def test_a_state_that_is_a_city_places_the_meeting_after_au(extractor) -> None:
    text = (
        "La présidente de la Commission européenne, Ursula Berg, a rencontré samedi le président américain Tom Baker "
        "au Vatican, en marge des funérailles du pape."
    )
    [m] = extractor.extract_meetings(text, published="2025-04-28")
    assert (m.location.name, m.location.country) == ("Vatican", "VA")
    assert m.host is None


def test_a_country_after_au_places_nothing(extractor) -> None:
    [m] = extractor.extract_meetings(
        "Le Premier ministre Jean Weber a reçu lundi au Luxembourg le président français Luc Morin.", published="2025-04-28"
    )
    assert m.location is None


@pytest.mark.parametrize(
    "second",
    [
        "avant de voir le Premier ministre palestinien, Karim Haddad, et celui des Affaires étrangères, Riyad al-Sayegh, à Naplouse.",
        "avant de se rendre à Naplouse pour voir le Premier ministre palestinien, Karim Haddad.",
    ],
)
def test_the_place_of_what_the_visitor_did_next_is_not_the_meeting_s(extractor, second) -> None:
    text = (
        "Le ministre suisse des Affaires étrangères, Urs Keller, était de passage dimanche à Jérusalem. Il a rencontré "
        "son homologue israélien, Dan Levy, " + second
    )
    meetings = {frozenset(p.name for p in m.participants): m for m in extractor.extract_meetings(text, published="2025-03-10")}
    m = meetings[frozenset({"Urs Keller", "Dan Levy"})]
    assert m.location is not None and m.location.name == "Jérusalem"
    assert m.host is not None and m.host.name == "Dan Levy"


def test_a_hotel_named_like_a_city_is_no_city_and_the_visit_city_places_the_audience(extractor) -> None:
    text = (
        "Le président béninois Paul Adjovi a effectué une visite à Paris, du 4 au 10 mars.\n\n"
        "Au Bristol, où il avait posé ses valises, Paul Adjovi a reçu le ministre français de l'Économie, Luc Morin. "
        "Ils ont évoqué la venue à Cotonou d'une délégation d'entreprises."
    )
    [m] = extractor.extract_meetings(text, published="2025-03-12")
    assert (m.location.name, m.location.country) == ("Paris", "FR")
