"""Where a meeting took place, read from the whole article (sentences written for these tests, invented names).

A city the article names is the meeting's place only when the text puts something there: "à X", "en
visite à X", "dans la capitale X". A capital standing for its government ("la coopération entre
Libreville et Paris", "a indiqué le Kremlin") places nothing.
"""

from __future__ import annotations

import pytest

from helpers import meetings

pytestmark = pytest.mark.slow


def place(meeting):
    return meeting.location.name if meeting.location is not None else None


@pytest.mark.parametrize(
    "second",
    [
        "Les entretiens ont porté sur la coopération entre Libreville et Paris.",
        "Les relations entre Libreville et Paris sont au beau fixe, a souligné l'ambassadeur.",
        "Libreville souhaite renforcer ses liens avec Paris dans le domaine de la santé.",
    ],
)
def test_a_capital_standing_for_its_government_is_no_place(extractor, second) -> None:
    text = "Le président gabonais Alain Mbadinga a reçu mardi le ministre français des Armées, Luc Ferrand. " + second
    [m] = meetings(extractor, text)
    assert place(m) is None


@pytest.mark.parametrize(
    "source",
    ["a indiqué le Kremlin.", "selon un communiqué du Kremlin.", "a fait savoir le Kremlin dans un communiqué."],
)
def test_a_seat_of_power_quoted_as_a_source_is_no_place(extractor, source) -> None:
    text = (
        "Le président russe Igor Volkov a reçu jeudi le président finlandais Mika Lahti. "
        "Les deux dirigeants ont évoqué la sécurité régionale, " + source
    )
    [m] = meetings(extractor, text)
    assert place(m) is None


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre suisse des Affaires étrangères, Urs Keller, était en visite jeudi à Berlin. "
        "Il s'est entretenu avec la ministre allemande des Affaires étrangères, Anna Vogt.",
        "Le ministre suisse des Affaires étrangères, Urs Keller, s'est rendu jeudi à Berlin. "
        "Il a rencontré la ministre allemande des Affaires étrangères, Anna Vogt.",
        "Le ministre suisse des Affaires étrangères, Urs Keller, était jeudi en visite officielle à Berlin. "
        "Sur place, il a été reçu par la ministre allemande des Affaires étrangères, Anna Vogt.",
    ],
)
def test_the_city_of_a_visit_told_before_the_meeting_is_its_place(extractor, text) -> None:
    [m] = meetings(extractor, text)
    assert place(m) == "Berlin"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Le président libanais Michel Haddad a reçu hier, à Baabda, le ministre chypriote des Affaires étrangères, "
         "Andreas Kyprianou.", "Baabda", "LB"),
        ("Le président ivoirien Alain Kouassi a reçu, vendredi soir à Assinie, le ministre marocain des Affaires "
         "étrangères, Nasser Bennani.", "Assinie", "CI"),
        ("Ce lundi, à Beit-Salam, le président comorien Azali Moussa a reçu l'ambassadeur de France, Paul Riquet.",
         "Beit-Salam", "KM"),
        ("Le président seychellois Wavel Hoarau a reçu ce mardi, à State House, le ministre mauricien des Affaires "
         "étrangères, Paul Bérenger.", "State House", "SC"),
    ],
)
def test_a_place_the_gazetteer_does_not_know_after_a_in_the_meeting_sentence(extractor, text, name, country) -> None:
    [m] = meetings(extractor, text)
    assert place(m) == name
    assert m.location.country == country


def test_a_region_after_au_is_a_topic_not_a_place(extractor) -> None:
    text = (
        "Le ministre algérien des Affaires étrangères, Karim Belhadi, s'est entretenu mercredi avec son homologue "
        "slovène, Tanja Novak. Les deux ministres ont évoqué la situation au Sahel et au Proche-Orient."
    )
    [m] = meetings(extractor, text)
    assert place(m) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le président syrien Ahmad Karim a reçu mardi le président du Conseil européen, Antonio Costa, au Palais "
         "du Peuple à Damas.", "Damas"),
        ("Le roi jordanien Hassan Talal a reçu samedi, au palais royal El Nour à Amman, le ministre marocain des "
         "Affaires étrangères, Karim Alami.", "Amman"),
        ("Le président polonais Jan Kowalski s'est rendu à Paris mercredi, où il a été reçu par le président "
         "français Louis Martin au palais de l'Élysée.", "Paris"),
        ("Le président camerounais Paul Mbarga a reçu mardi au palais de l'Unité le ministre français des Affaires "
         "étrangères, Luc Fabre.", "palais de l'Unité"),
    ],
)
def test_a_venue_in_a_city_the_sentence_names_gives_the_city(extractor, text, name) -> None:
    [m] = meetings(extractor, text)
    assert place(m) == name


def test_a_city_of_another_clause_does_not_replace_the_venue(extractor) -> None:
    text = (
        "À la veille du sommet qui rassemble vendredi à Bruxelles les dirigeants européens, le Premier ministre "
        "belge Karel Peeters a reçu au château de Val Duchesse la chancelière allemande Anna Vogt."
    )
    [m] = meetings(extractor, text)
    assert place(m) == "château de Val Duchesse"


@pytest.mark.parametrize(
    "text",
    [
        "Le président gabonais Alain Mbadinga a reçu lundi le ministre guinéen des Affaires étrangères, Morissa "
        "Kanté. Au cours de cette rencontre, le ministre a transmis les remerciements de son président, à la suite "
        "de son récent séjour à Conakry.",
        "Le président burundais Évariste Niyonzima a reçu mardi l'ambassadeur d'Allemagne, Dieter Krause. "
        "L'ambassadeur a indiqué que son pays financera un projet d'adduction d'eau à Rumonge.",
        "Le Premier ministre tchadien Succès Mahamat a été reçu mardi par son homologue français, Gabriel Laurent. "
        "Les échanges ont aussi porté sur la situation humanitaire, qui sera au centre d'une conférence en avril à "
        "Paris.",
    ],
)
def test_the_place_of_another_event_told_after_the_meeting_is_not_its_place(extractor, text) -> None:
    [m] = [m for m in meetings(extractor, text) if m.status == "held"]
    assert place(m) is None


@pytest.mark.parametrize(
    "text",
    [
        "Le président burundais Évariste Niyonzima a reçu mardi l'ambassadeur d'Allemagne, Dieter Krause. "
        "L'ambassadeur a indiqué que l'Allemagne va financer un projet d'assainissement à Rumonge.",
        "Le ministre malgache des Affaires étrangères, Eloi Rakoto, a reçu hier l'ambassadrice de Chine, Yang Mei. "
        "Ils ont évoqué la construction d'une autoroute reliant Antananarivo à Toamasina.",
        "La présidente du CICR, Anna Keller, a rencontré mardi le ministre chinois des Affaires étrangères, Wang "
        "Lei. Elle a également inauguré une exposition photographique organisée à Pékin.",
    ],
)
def test_a_place_of_a_plan_or_of_a_thing_is_not_the_meeting_place(extractor, text) -> None:
    [m] = meetings(extractor, text)
    assert place(m) is None


def test_the_place_of_the_talks_inside_a_participle_phrase(extractor) -> None:
    text = (
        "Le président indonésien Budi Santoso s'est entretenu jeudi avec le président russe Ivan Petrov. "
        "« Nos relations se renforcent », a déclaré M. Santoso dans un communiqué publié à l'issue de ses "
        "entretiens à Saint-Pétersbourg."
    )
    [m] = meetings(extractor, text)
    assert place(m) == "Saint-Pétersbourg"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le président djiboutien Ismaïl Guelleh a reçu hier à Djibouti son homologue somalien, Mohamed Farah.",
         "Djibouti"),
        ("Le Premier ministre singapourien Lee Tan a reçu mardi à Singapour le ministre français des Affaires "
         "étrangères, Paul Durand.", "Singapour"),
        ("Le Premier ministre luxembourgeois Luc Weber a reçu lundi en Tunisie le ministre tunisien des Affaires "
         "étrangères, Sami Triki.", None),
    ],
)
def test_a_at_a_country_named_like_its_capital_names_the_city(extractor, text, name) -> None:
    [m] = meetings(extractor, text)
    assert place(m) == name


@pytest.mark.parametrize(
    "second",
    [
        "La protection des océans, en prévision de la conférence des Nations unies sur l'Océan à Nice, a également "
        "été abordée.",
        "Ils ont évoqué la prochaine session de la commission mixte à Tunis.",
    ],
)
def test_the_place_of_an_event_to_come_is_not_the_meeting_place(extractor, second) -> None:
    text = "Le président français Louis Martin s'est entretenu lundi avec le Premier ministre tunisien Sami Triki. " + second
    [m] = meetings(extractor, text)
    assert place(m) is None


def test_a_city_in_a_credit_between_parentheses_is_no_place(extractor) -> None:
    text = (
        "Le ministre iranien des Affaires étrangères, Reza Karimi, s'est entretenu mardi avec son homologue "
        "saoudien, Fayçal Saoud.\n(Reportage de Paul Martin à Riyad ; édité par Anne Roy)"
    )
    [m] = meetings(extractor, text)
    assert place(m) is None
