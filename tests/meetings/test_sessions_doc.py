"""Multilateral sessions and their attendants (sentences written for these tests, invented names).

Who a session's text places in it: the attendants of talks just told ("ont pris part à l'entretien"),
the members of a list a plural title opens with bracketed countries, a late attendant ("était
également présent"); and who it does not: aides who "assisted" a principal.
"""

from __future__ import annotations

import pytest

from helpers import meetings, names

pytestmark = pytest.mark.slow

RECEPTION = "Le président Paul Kiroga a reçu jeudi à Dakar le Premier ministre français Louis Martin. "
ATTENDANTS = "Le ministre sénégalais des Affaires étrangères Ivo Sandor et le ministre français des Armées Marc Obone"


@pytest.mark.parametrize(
    "joined",
    [
        f"{ATTENDANTS} ont pris part à l'entretien.",
        f"{ATTENDANTS} y ont pris part.",
        f"{ATTENDANTS} ont participé à cette rencontre.",
        f"Les échanges ont porté sur la coopération. {ATTENDANTS} ont pris part aux discussions.",
    ],
)
def test_attendants_of_the_talks_just_told_join_them(extractor, joined) -> None:
    text = RECEPTION + joined
    [m] = meetings(extractor, text)
    assert names(m) == ["Ivo Sandor", "Louis Martin", "Marc Obone", "Paul Kiroga"]
    sandor = next(p for p in m.participants if p.name == "Ivo Sandor")
    assert (sandor.role, sandor.country) == ("ministre des Affaires étrangères", "SN")
    assert any(text[x.start : x.end] == "Ivo Sandor" for x in sandor.mentions)


@pytest.mark.parametrize(
    "other",
    [
        # another event, not the talks just told
        f"{ATTENDANTS} ont participé à un forum économique.",
        # attendants only "présents" at a bilateral audience are not participants
        f"Étaient présents {ATTENDANTS[0].lower()}{ATTENDANTS[1:]}.",
        "Le ministre sénégalais des Affaires étrangères Ivo Sandor était également présent.",
    ],
)
def test_other_attendance_does_not_join_a_bilateral_audience(extractor, other) -> None:
    found = meetings(extractor, RECEPTION + other)
    assert ["Louis Martin", "Paul Kiroga"] in [names(m) for m in found]
    assert not any("Paul Kiroga" in names(m) and "Ivo Sandor" in names(m) for m in found)


def test_talks_told_three_sentences_earlier_are_not_joined(extractor) -> None:
    text = (
        RECEPTION + "La saison des pluies a commencé. Les récoltes sont bonnes. Le fleuve a débordé. "
        f"{ATTENDANTS} ont pris part à l'entretien."
    )
    assert not any("Ivo Sandor" in names(m) and "Paul Kiroga" in names(m) for m in meetings(extractor, text))


@pytest.mark.parametrize("present", ["présents", "présent"])
def test_a_bracketed_country_list_attends_with_the_plural_title_and_countries(extractor, present) -> None:
    text = (
        "Le Premier ministre Paul Kiroga a offert mardi un dîner à Bruxelles. La chancelière allemande Anna Weber "
        "et le président français Louis Martin participaient à ce dîner. Les chefs de gouvernement Ivo Petrov "
        f"(Bulgarie), Sean Kelly (Irlande), Jan Novak (Slovaquie) et Marco Rossi (Italie) étaient également {present}."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["Anna Weber", "Ivo Petrov", "Jan Novak", "Louis Martin", "Marco Rossi", "Sean Kelly"]
    listed = {p.name: (p.role, p.country) for p in m.participants}
    assert listed["Ivo Petrov"] == ("chef de gouvernement", "BG")
    assert listed["Jan Novak"] == ("chef de gouvernement", "SK")
    assert listed["Marco Rossi"] == ("chef de gouvernement", "IT")


def test_a_bracketed_country_without_a_plural_title_gives_no_office(extractor) -> None:
    doc = extractor.nlp(extractor.make_doc("Ivo Petrov (Bulgarie), Sean Kelly (Irlande) et Marco Rossi (Italie) ont voyagé."))
    assert all(not info.get("role") for info in doc._.person_roles.values())


@pytest.mark.parametrize(
    "aides",
    [
        "Le président était assisté par le ministre des Relations extérieures Ivo Sandor.",
        "Le président était assisté du ministre des Relations extérieures Ivo Sandor.",
        "Les deux présidents étaient assistés de leurs ministres, dont le ministre des Relations extérieures Ivo Sandor.",
    ],
)
def test_aides_who_assisted_a_principal_are_not_participants(extractor, aides) -> None:
    found = meetings(extractor, RECEPTION + aides)
    assert [names(m) for m in found] == [["Louis Martin", "Paul Kiroga"]]


@pytest.mark.parametrize(
    "text",
    [
        "Les dirigeants ont tenu dimanche un sommet tripartite à Bagdad. Le président irakien Ali Karim a reçu dimanche "
        "le roi Fayçal de Jordanie et le président égyptien Samir Adel.",
        "Réunion à Amman entre les dirigeants jordanien, égyptien et irakien\n\nLe président irakien Ali Karim a reçu "
        "vendredi le roi Fayçal de Jordanie et le président égyptien Samir Adel.",
        "Le président irakien Ali Karim a reçu dimanche le roi Fayçal de Jordanie et le président égyptien Samir Adel "
        "pour un mini-sommet régional.",
    ],
)
def test_guests_a_session_of_three_gathers_meet_together(extractor, text) -> None:
    [m] = meetings(extractor, text)
    assert names(m) == ["Ali Karim", "Fayçal", "Samir Adel"]
    assert m.host is not None and m.host.name == "Ali Karim"


@pytest.mark.parametrize(
    "text",
    [
        "Le président irakien Ali Karim a reçu dimanche le roi Fayçal de Jordanie et le président égyptien Samir Adel.",
        "Les dirigeants ont tenu dimanche un sommet tripartite à Bagdad. En marge du sommet, le président irakien Ali "
        "Karim a reçu successivement le roi Fayçal de Jordanie et le président égyptien Samir Adel.",
        "Les dirigeants ont tenu en mai un sommet tripartite à Bagdad. Les récoltes sont bonnes. Le fleuve a débordé. "
        "La saison des pluies a commencé. Le président irakien Ali Karim a reçu dimanche le roi Fayçal de Jordanie "
        "et le président égyptien Samir Adel.",
    ],
)
def test_guests_received_outside_a_session_have_one_audience_each(extractor, text) -> None:
    found = sorted(names(m) for m in meetings(extractor, text))
    assert found == [["Ali Karim", "Fayçal"], ["Ali Karim", "Samir Adel"]]


@pytest.mark.parametrize(
    "verb",
    ["a réuni lundi à Washington ses homologues", "a rencontré lundi à Washington ses homologues"],
)
def test_counterparts_listed_after_their_demonyms_take_their_countries(extractor, verb) -> None:
    text = (
        f"Le secrétaire d'État américain Paul Kiroga {verb} indien Ravi Sharma, australienne Jane Cole et japonais "
        "Ken Sato."
    )
    found = meetings(extractor, text)
    countries = {p.name: p.country for m in found for p in m.participants}
    assert countries == {"Paul Kiroga": "US", "Ravi Sharma": "IN", "Jane Cole": "AU", "Ken Sato": "JP"}


@pytest.mark.parametrize(
    "session",
    ["ont présidé jeudi un séminaire intergouvernemental", "ont présidé les travaux de la commission mixte"],
)
def test_two_officials_who_chaired_a_session_are_its_participants(extractor, session) -> None:
    text = f"Le Premier ministre malien Ivo Sandor et son homologue nigérienne Anna Weber {session} à Niamey."
    [m] = meetings(extractor, text)
    assert names(m) == ["Anna Weber", "Ivo Sandor"]
    assert {p.name: p.country for p in m.participants} == {"Ivo Sandor": "ML", "Anna Weber": "NE"}


def test_the_co_chairs_take_the_ministers_who_met_next(extractor) -> None:
    text = (
        "Le Premier ministre malien Ivo Sandor et son homologue nigérienne Anna Weber ont présidé jeudi un séminaire "
        "intergouvernemental à Niamey. Dix ministres maliens et dix ministres nigériens dont la ministre des Affaires "
        "étrangères Jane Cole et le ministre de l'Intérieur Marc Obone se sont retrouvés au palais présidentiel."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["Anna Weber", "Ivo Sandor", "Jane Cole", "Marc Obone"]


@pytest.mark.parametrize(
    "text",
    [
        # one chair is no meeting
        "Le président malien Ivo Sandor a présidé jeudi la réunion du gouvernement à Bamako.",
        # a ceremony is no session
        "Le président malien Ivo Sandor et son homologue nigérienne Anna Weber ont présidé jeudi une cérémonie.",
    ],
)
def test_chairing_alone_or_chairing_a_ceremony_is_no_meeting(extractor, text) -> None:
    assert meetings(extractor, text) == []


LEADERS = "Ivo Petrov (Bulgarie), Sean Kelly (Irlande), Jan Novak (Slovaquie) et Marco Rossi (Italie)"


@pytest.mark.parametrize(
    "text",
    [
        "Le président Paul Kiroga a profité de sa visite pour s'entretenir avec ses collègues de la région lors d'un "
        f"mini-sommet régional. Les dirigeants présents, {LEADERS}, ont salué la victoire du président vénézuélien "
        "Luis Pardo.",
        f"Les dirigeants ont tenu un mini-sommet régional. Étaient présents {LEADERS}.",
    ],
)
def test_the_leaders_present_at_a_mini_summit_are_its_participants(extractor, text) -> None:
    [m] = meetings(extractor, text)
    assert names(m) == ["Ivo Petrov", "Jan Novak", "Marco Rossi", "Sean Kelly"]
    assert {p.name: p.country for p in m.participants} == {"Ivo Petrov": "BG", "Sean Kelly": "IE", "Jan Novak": "SK", "Marco Rossi": "IT"}


def test_leaders_present_at_no_session_are_no_meeting(extractor) -> None:
    text = (
        f"Le président Paul Kiroga a inauguré un pont. Les dirigeants présents, {LEADERS}, ont salué la victoire du "
        "président vénézuélien Luis Pardo."
    )
    assert meetings(extractor, text) == []


def test_a_country_in_brackets_after_a_name_is_the_state_it_represents(extractor) -> None:
    doc = extractor.nlp(extractor.make_doc(f"{LEADERS} ont voyagé."))
    countries = {pid.split(":")[-1]: info.get("country") for pid, info in doc._.person_roles.items()}
    assert countries == {"ivo-petrov": "BG", "sean-kelly": "IE", "jan-novak": "SK", "marco-rossi": "IT"}


@pytest.mark.parametrize(
    "gathered",
    [
        "Cette réunion a regroupé, outre le secrétaire général de la Ligue arabe, les ministres des Affaires "
        "étrangères de la Jordanie, du Maroc et de l'Egypte.",
        "La réunion a rassemblé lundi à Amman le secrétaire général de la Ligue arabe et les ministres des Affaires "
        "étrangères de la Jordanie, du Maroc et de l'Egypte.",
    ],
)
def test_a_plural_title_of_several_countries_is_one_official_each_not_the_one_named_before(extractor, gathered) -> None:
    text = (
        "Le ministre marocain des Affaires étrangères Ali Benali a participé lundi à Amman aux travaux de la réunion "
        "de la délégation ministérielle arabe. " + gathered
    )
    found = [m for m in meetings(extractor, text) if len(m.participants) > 2]
    assert [names(m) for m in found] == [
        [
            "<ministre des Affaires étrangères|EG>",
            "<ministre des Affaires étrangères|JO>",
            "<secrétaire général de la Ligue arabe|LEA>",
            "Ali Benali",
        ]
    ]


COUNTERPARTS = "ses homologues indien Ravi Sharma, japonaise Yoko Sato et américain Paul Kiroga"


@pytest.mark.parametrize(
    "text",
    [
        "La cheffe de la diplomatie australienne, Jane Cole, a déclaré en entame de la réunion avec "
        f"{COUNTERPARTS} que la situation est grave.",
        "\"Nous comprenons tous la situation\", a déclaré la cheffe de la diplomatie australienne, Jane Cole, en "
        f"entame de la réunion avec {COUNTERPARTS}.",
    ],
)
def test_the_owner_of_ses_homologues_takes_part_in_the_meeting_with_them(extractor, text) -> None:
    [m] = meetings(extractor, text)
    assert names(m) == ["Jane Cole", "Paul Kiroga", "Ravi Sharma", "Yoko Sato"]
    assert {p.name: p.country for p in m.participants}["Jane Cole"] == "AU"


def test_a_meeting_with_counterparts_of_nobody_named_keeps_its_partners(extractor) -> None:
    text = f"La réunion avec {COUNTERPARTS} a porté sur la sécurité."
    found = meetings(extractor, text)
    assert all("Jane Cole" not in names(m) for m in found)
    assert [names(m) for m in found] in ([], [["Paul Kiroga", "Ravi Sharma", "Yoko Sato"]])
