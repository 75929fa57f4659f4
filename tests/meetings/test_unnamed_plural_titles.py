"""Unnamed officials and plural titles (sentences written for these
tests, invented names)."""

from __future__ import annotations

import pytest

from helpers import meetings, names

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "Le président nigérien Ali Moussa était à Ndjamena. Le N°1 nigérien a rencontré le président tchadien Idriss Mahamat.",
        "Le président nigérien Ali Moussa était à Ndjamena. Le numéro 1 nigérien a rencontré le président tchadien Idriss Mahamat.",
        "Le président nigérien Ali Moussa était à Ndjamena. Le numéro un nigérien a rencontré le président tchadien Idriss Mahamat.",
    ],
)
def test_number_one_of_a_country_is_its_named_head_of_state(extractor, text) -> None:
    found = meetings(extractor, text)
    assert [names(m) for m in found] == [["Ali Moussa", "Idriss Mahamat"]]


def test_number_one_after_an_earlier_meeting_of_the_same_head_of_state(extractor) -> None:
    text = (
        "Le chef de l'Etat ivoirien Kouassi Yao a reçu mardi le ministre ghanéen des Affaires étrangères, Kofi Boateng. "
        "Le numéro un ivoirien a ensuite reçu le ministre togolais de la Défense, Komi Agbeko."
    )
    found = meetings(extractor, text)
    assert sorted(names(m) for m in found) == [["Kofi Boateng", "Kouassi Yao"], ["Komi Agbeko", "Kouassi Yao"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le président italien Marco Bianchi a reçu mardi le roi et la reine de Norvège.",
            ["<reine|NO>", "<roi|NO>", "Marco Bianchi"],
        ),
        (
            "Le roi et la reine de Norvège ont été reçus mardi à Rome par le président italien Marco Bianchi.",
            ["<reine|NO>", "<roi|NO>", "Marco Bianchi"],
        ),
        (
            "Le président et le vice-président du Ghana ont reçu lundi le ministre malien des Affaires étrangères, Oumar Traoré.",
            ["<président|GH>", "<vice-président|GH>", "Oumar Traoré"],
        ),
    ],
)
def test_coordinated_bare_title_shares_the_country_of_the_next_title(extractor, text, expected) -> None:
    found = meetings(extractor, text)
    assert [names(m) for m in found] == [expected]


def test_two_coordinated_unnamed_officials_of_one_country_are_two_people(extractor) -> None:
    found = meetings(extractor, "Le président italien Marco Bianchi a reçu mardi le roi et la reine de Norvège.")
    assert sorted(p.role for p in found[0].participants if p.name is None) == ["reine", "roi"]


def test_a_speaker_of_parliament_is_no_head_of_state_standing_for_the_unnamed_king(extractor) -> None:
    text = "Le roi et la reine de Norvège ont reçu mardi au palais royal le président de la Chambre des députés, Ole Hansen."
    found = meetings(extractor, text)
    assert [names(m) for m in found] == [["<reine|NO>", "<roi|NO>", "Ole Hansen"]]
    hansen = next(p for p in found[0].participants if p.name == "Ole Hansen")
    assert hansen.role == "président de la Chambre des députés"


def test_a_bare_title_with_its_own_person_keeps_no_borrowed_country(extractor) -> None:
    text = "Le président Paul Kemba et le Premier ministre du Ghana ont reçu lundi le ministre malien des Affaires étrangères, Oumar Traoré."
    doc = extractor.make_doc(text)
    doc = extractor.nlp(doc)
    title = next(s for s in doc.spans["diplomacy"] if s.label_ == "TITLE" and s.text == "président")
    assert not (title._.info or {}).get("countries")


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre français Paul Durand a été reçu lundi à Alger par le ministre algérien des Affaires étrangères "
        "Ali Kaci ainsi que par le président de la République, Karim Bensaid.",
        "Le ministre français Paul Durand a été reçu lundi à Alger par le ministre algérien des Affaires étrangères "
        "Ali Kaci, puis par le président de la République, Karim Bensaid.",
    ],
)
def test_one_guest_received_by_each_agent_after_its_own_par_has_one_audience_each(extractor, text) -> None:
    found = meetings(extractor, text)
    assert sorted(names(m) for m in found) == [["Ali Kaci", "Paul Durand"], ["Karim Bensaid", "Paul Durand"]]
    hosts = sorted(m.host.name for m in found)
    assert hosts == ["Ali Kaci", "Karim Bensaid"]


def test_one_guest_received_by_two_coordinated_agents_is_one_audience(extractor) -> None:
    text = "Le ministre français Paul Durand a été reçu lundi à Alger par le président Karim Bensaid et le Premier ministre Ali Kaci."
    found = meetings(extractor, text)
    assert [names(m) for m in found] == [["Ali Kaci", "Karim Bensaid", "Paul Durand"]]


@pytest.mark.parametrize("state", ["de la République guinéenne", "du Royaume hachémite"])
def test_a_state_after_a_name_particle_is_not_part_of_the_name(extractor, state) -> None:
    text = f"Le président ivoirien Paul Kemba a reçu lundi l'ambassadeur Sekou Alfa Camara {state}."
    found = meetings(extractor, text)
    assert [names(m) for m in found] == [["Paul Kemba", "Sekou Alfa Camara"]]


@pytest.mark.parametrize("lead", ["Le Premier ministre Paul Kemba a eu", "Lundi, le Premier ministre Paul Kemba a eu"])
def test_separate_talks_with_a_list_are_one_meeting_per_official(extractor, lead) -> None:
    text = (
        f"{lead} des entretiens séparés avec le Premier ministre hongrois, Ivan Szabo, "
        "le président hongrois, Gabor Toth, et le président de l'Assemblée nationale de la Hongrie."
    )
    found = meetings(extractor, text)
    assert sorted(names(m) for m in found) == [
        ["<président de l'Assemblée nationale|HU>", "Paul Kemba"], ["Gabor Toth", "Paul Kemba"], ["Ivan Szabo", "Paul Kemba"],
    ]


@pytest.mark.parametrize(
    "second",
    ["Arrivé mercredi à Tokyo, il y a rencontré le nouvel Empereur.", "Mercredi, il a rencontré l'Empereur à Tokyo."],
)
def test_a_bare_title_of_another_office_than_the_pronoun_subject_is_someone_else(extractor, second) -> None:
    text = f"Le président français Paul Durand effectue sa première visite officielle au Japon. {second}"
    found = meetings(extractor, text)
    assert [names(m) for m in found] == [["<Empereur|JP>", "Paul Durand"]]


@pytest.mark.parametrize(
    "text",
    [
        "Les ministres des Affaires étrangères du Tchad, du Niger et du Mali, respectivement Idriss Kaya, Moussa Sani "
        "et Oumar Keita, se sont réunis lundi à Bamako.",
        "Lundi à Bamako, les ministres des Affaires étrangères du Tchad, du Niger et du Mali, respectivement Idriss Kaya, "
        "Moussa Sani et Oumar Keita, ont tenu une réunion.",
    ],
)
def test_respectively_shares_a_plural_title_out_over_the_names_in_order(extractor, text) -> None:
    found = meetings(extractor, text)
    assert len(found) == 1
    got = sorted((p.name, p.role, p.country) for p in found[0].participants)
    assert got == [
        ("Idriss Kaya", "ministre des Affaires étrangères", "TD"),
        ("Moussa Sani", "ministre des Affaires étrangères", "NE"),
        ("Oumar Keita", "ministre des Affaires étrangères", "ML"),
    ]


def test_respectively_needs_as_many_names_as_countries(extractor) -> None:
    doc = extractor.nlp(extractor.make_doc(
        "Les ministres des Affaires étrangères du Tchad, du Niger et du Mali, respectivement Idriss Kaya et Moussa Sani, "
        "se sont réunis lundi à Bamako."
    ))
    roles = doc._.person_roles
    assert not (roles.get("doc-person:idriss-kaya") or {}).get("country")


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre français des Affaires étrangères, Marc Duval, a rencontré samedi à N'Djamena les ministres tchadiens "
        "des Affaires étrangères, Jean Boro, et de la Justice, Ali Nadji.",
        "Le ministre français Marc Duval a rencontré samedi à N'Djamena le Premier ministre, Paul Kemba, les ministres des "
        "Affaires étrangères, Jean Boro, de la Justice, Ali Nadji, et de la Défense, Issa Moussa.",
    ],
)
def test_a_plural_title_shared_out_over_portfolios_gives_each_name_its_own(extractor, text) -> None:
    found = meetings(extractor, text)
    roles = {p.name: p.role for m in found for p in m.participants}
    assert roles["Jean Boro"] == "ministre des Affaires étrangères"
    assert roles["Ali Nadji"] == "ministre de la Justice"


@pytest.mark.parametrize("sep", [" ;\n", " ; "])
def test_a_list_item_taken_whole_for_a_thing_is_a_name_and_its_country(extractor, sep) -> None:
    text = (
        "Le président Paul Kemba a reçu lundi les nouveaux ambassadeurs. Il s'agit de Ana Maria Costa du Portugal "
        f"avec résidence à Nairobi{sep}Danjela Cubrilo Martic de Serbie avec résidence à Nairobi{sep}"
        "Marc Duval de la République française, basé à Dakar."
    )
    doc = extractor.nlp(extractor.make_doc(text))
    people = [s.text for s in doc.spans["diplomacy"] if s.label_ == "PERSON"]
    assert "Danjela Cubrilo Martic" in people
    found = meetings(extractor, text)
    guest = next(p for m in found for p in m.participants if p.name == "Danjela Cubrilo Martic")
    assert guest.country == "RS"


def test_a_place_after_a_semicolon_stays_a_place(extractor) -> None:
    doc = extractor.nlp(extractor.make_doc("Le président a visité trois villes ; Saint Louis de Sénégal et Dakar."))
    assert not [s for s in doc.spans["diplomacy"] if s.label_ == "PERSON" and s.text.startswith("Saint")]
