"""Unnamed officials and officials named by a periphrasis (sentences written for these tests, invented names).

A participant the text does not name keeps its office and country ("l'ambassadeur du Ghana"); a
title the text gives a name elsewhere is that person.
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplomacy_ner.meetings.assembly import MeetingAssembler
from diplomacy_ner.meetings.officials import find_officials
from helpers import meetings, names

pytestmark = pytest.mark.slow


def assembler(extractor, text: str, published: str = "2025-03-12") -> MeetingAssembler:
    """The meeting step's assembler over a doc run through every component before it."""
    doc = extractor.make_doc(text, dt.date.fromisoformat(published))
    for name, proc in extractor.nlp.pipeline:
        if name == "diplomacy_meetings":
            break
        doc = proc(doc)
    comp = extractor.nlp.get_pipe("diplomacy_meetings")
    return MeetingAssembler(doc, topics=comp.topics, spans_key=comp.spans_key)


def test_plural_counterparts_each_named_after_a_demonym(extractor) -> None:
    text = (
        "Le ministre kényan des Affaires étrangères, Paul Otieno, a reçu lundi à Nairobi ses homologues ghanéen "
        "Kofi Mensah, ivoirienne Awa Koné et malien Oumar Diarra."
    )
    found = meetings(extractor, text)
    guests = {p.name: p.country for m in found for p in m.participants if p.name != "Paul Otieno"}
    assert guests == {"Kofi Mensah": "GH", "Awa Koné": "CI", "Oumar Diarra": "ML"}


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre kényan des Affaires étrangères, Paul Otieno, a reçu lundi à Nairobi ses homologues ghanéen et malien.",
        "Le ministre kényan des Affaires étrangères, Paul Otieno, a reçu lundi à Nairobi ses homologues du Ghana et du Mali.",
    ],
)
def test_plural_counterparts_without_names_are_unnamed_officials_of_each_country(extractor, text) -> None:
    found = meetings(extractor, text)
    unnamed = sorted({(p.role, p.country) for m in found for p in m.participants if p.name is None})
    assert unnamed == [("ministre des Affaires étrangères", "GH"), ("ministre des Affaires étrangères", "ML")]
    assert all("Paul Otieno" in [p.name for p in m.participants] for m in found)


def test_a_counterpart_of_a_country_named_after_de(extractor) -> None:
    text = "Le ministre kényan des Affaires étrangères, Paul Otieno, a reçu lundi à Nairobi son homologue de la Côte d'Ivoire."
    [m] = meetings(extractor, text)
    assert names(m) == ["<ministre des Affaires étrangères|CI>", "Paul Otieno"]
    [guest] = [p for p in m.participants if p.name is None]
    mention = guest.mentions[0]
    assert text[mention.start : mention.end] == "homologue de la Côte d'Ivoire"


def test_an_appositive_title_after_an_article_is_the_person_s(extractor) -> None:
    text = (
        "Le président Hery Tsiranana a reçu jeudi Paul Dufresne, le nouvel ambassadeur de France, puis Kofi Mensah, "
        "l'ambassadeur du Ghana."
    )
    found = meetings(extractor, text)
    guests = {p.name: (p.role, p.country) for m in found for p in m.participants if p.name != "Hery Tsiranana"}
    assert guests == {"Paul Dufresne": ("ambassadeur", "FR"), "Kofi Mensah": ("ambassadeur", "GH")}


@pytest.mark.parametrize(
    ("second", "unnamed"),
    [
        ("Durant cette audience, cet ambassadeur du Ghana a évoqué la coopération.", []),
        ("Durant cette audience, ce nouveau représentant du Ghana a évoqué la coopération.", []),
        ("Durant cette audience, l'ambassadeur du Ghana a évoqué la coopération.", ["GH"]),
    ],
)
def test_a_demonstrative_title_takes_up_someone_already_named(extractor, second, unnamed) -> None:
    asm = assembler(extractor, "Le président Hery Tsiranana a reçu jeudi Kofi Mensah. " + second)
    assert [o.country for o in find_officials(asm.ctx, 1) if o.unnamed] == unnamed


def test_a_title_ending_on_another_office_is_the_person_s_before_it(extractor) -> None:
    # "auprès du ministre … Luc Bertin": the name after the title is the minister's, not the secretary's
    text = (
        "Au palais, le président Hery Tsiranana a reçu Jean Morel, secrétaire d'État auprès du ministre des Affaires "
        "étrangères Luc Bertin."
    )
    found = meetings(extractor, text)
    roles = {p.name: p.role for m in found for p in m.participants}
    assert roles["Jean Morel"] == "secrétaire d'État auprès du ministre des Affaires étrangères"
    assert roles.get("Luc Bertin") is None


def person_roles(extractor, text: str, published: str | None = "2025-03-12") -> dict:
    """The roles the linker gives the people of ``text``, by canonical name."""
    doc = extractor.nlp(extractor.make_doc(text, dt.date.fromisoformat(published) if published else None))
    names = {s.kb_id_: s.text for s in doc.spans["diplomacy"] if s.label_ == "PERSON"}
    return {names[pid]: info for pid, info in doc._.person_roles.items() if pid in names}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le président a reçu Paul Dufresne, le nouvel ambassadeur de France, lundi.", ("ambassadeur", "FR")),
        ("Le président a reçu Paul Dufresne, l'ambassadeur de France.", ("ambassadeur", "FR")),
        # the title after the name is the subject of the clause, not an apposition
        ("Lors de l'entretien avec Paul Dufresne, le ministre cambodgien a exprimé sa satisfaction.", (None, None)),
    ],
)
def test_a_title_after_a_comma_and_an_article(extractor, text, expected) -> None:
    info = person_roles(extractor, text)["Paul Dufresne"]
    assert (info.get("role"), info.get("country")) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre Paul Otieno a reçu lundi l'ambassadeur du Ghana et celui de la Côte d'Ivoire.",
        "L'ambassadeur du Ghana et celui de la Côte d'Ivoire ont également été reçus par le ministre Paul Otieno.",
    ],
)
def test_celui_de_repeats_the_office_for_another_country(extractor, text) -> None:
    found = meetings(extractor, text)
    guests = sorted((p.role, p.country) for m in found for p in m.participants if p.name is None)
    assert guests == [("ambassadeur", "CI"), ("ambassadeur", "GH")]
    # two guests received one after the other: one meeting each
    assert len(found) == 2 and all("Paul Otieno" in [p.name for p in m.participants] for m in found)
    [ivorian] = [p for m in found for p in m.participants if p.country == "CI" and p.name is None]
    mention = ivorian.mentions[0]
    assert text[mention.start : mention.end] == "celui de la Côte d'Ivoire"


def test_celui_without_a_title_before_it_is_nobody(extractor) -> None:
    text = "Le ministre Paul Otieno a reçu lundi Kofi Mensah. Le dossier évoqué est celui du Mali."
    found = meetings(extractor, text)
    assert [names(m) for m in found] == [["Kofi Mensah", "Paul Otieno"]]


def test_guests_received_together_in_the_passive_are_one_meeting_each(extractor) -> None:
    text = "Kofi Mensah et Oumar Diarra ont été reçus par le ministre Paul Otieno."
    found = meetings(extractor, text)
    assert sorted(names(m) for m in found) == [["Kofi Mensah", "Paul Otieno"], ["Oumar Diarra", "Paul Otieno"]]
    together = meetings(extractor, "Kofi Mensah et Oumar Diarra ont été reçus ensemble par le ministre Paul Otieno.")
    assert [names(m) for m in together] == [["Kofi Mensah", "Oumar Diarra", "Paul Otieno"]]


@pytest.mark.parametrize(
    "text",
    [
        "« Hier, j'ai reçu un appel du ministre des Affaires étrangères du Ghana », a déclaré le ministre togolais des "
        "Affaires étrangères, Paul Otieno.",
        "« J'ai eu hier un appel du ministre des Affaires étrangères du Ghana », a indiqué Paul Otieno, ministre togolais "
        "des Affaires étrangères.",
        "Le ministre togolais des Affaires étrangères, Paul Otieno, a déclaré : « Hier, j'ai reçu un appel du ministre "
        "des Affaires étrangères du Ghana ».",
        "« Hier, j'ai reçu un appel du ministre des Affaires étrangères du Ghana. Il m'a dit que la date restait à "
        "fixer. » Ces propos sont ceux du ministre togolais des Affaires étrangères, Paul Otieno, a rapporté l'agence.",
    ],
)
def test_a_minister_speaking_in_the_first_person_is_the_subject_of_his_quote(extractor, text) -> None:
    [m] = meetings(extractor, text)
    assert names(m) == ["<ministre des Affaires étrangères|GH>", "Paul Otieno"]
    assert m.kind == "call"


def test_a_first_person_outside_a_quotation_is_nobody(extractor) -> None:
    # no quotation: "je" is the author of a column, not an official of the article
    text = "Je reçois chaque semaine des lettres de lecteurs. Le ministre togolais Paul Otieno s'est rendu lundi à Accra."
    assert meetings(extractor, text) == []


def test_a_call_from_an_office_after_du(extractor) -> None:
    text = "Le ministre togolais des Affaires étrangères, Paul Otieno, a reçu hier un appel du ministre des Affaires étrangères du Ghana."
    [m] = meetings(extractor, text)
    assert names(m) == ["<ministre des Affaires étrangères|GH>", "Paul Otieno"] and m.kind == "call"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Le président Paul Otieno a reçu lundi les ambassadeurs des pays membres du groupe - le Ghana, le Mali et la "
         "France.", "ambassadeur"),
        ("Les ministres du commerce des États du corridor côtier (Bénin, Ghana et Togo) se sont réunis lundi à Cotonou.",
         "ministre du commerce"),
        ("Les ministres du commerce des pays de la région : le Bénin, le Ghana et le Togo, se sont réunis lundi à Cotonou.",
         "ministre du commerce"),
    ],
)
def test_a_plural_title_takes_the_countries_a_list_after_it_spells_out(extractor, text, role) -> None:
    [m] = meetings(extractor, text)
    unnamed = sorted((p.role, p.country) for p in m.participants if p.name is None)
    countries = ["FR", "GH", "ML"] if "France" in text else ["BJ", "GH", "TG"]
    assert unnamed == [(role, c) for c in countries]


def test_a_hyphen_inside_a_name_opens_no_list(extractor) -> None:
    text = "Les ministres du commerce des États du corridor Accra-Lomé se sont réunis lundi à Cotonou avec le Ghana."
    assert meetings(extractor, text) == []


def test_guests_received_with_a_group_are_one_audience(extractor) -> None:
    text = (
        "Le président Paul Otieno a reçu lundi les ambassadeurs du Ghana, du Mali et de la France, ainsi que le chef de "
        "délégation de l'Union européenne."
    )
    [m] = meetings(extractor, text)
    assert names(m) == [
        "<ambassadeur|FR>", "<ambassadeur|GH>", "<ambassadeur|ML>", "<chef de délégation de l'Union européenne|UE>", "Paul Otieno",
    ]


def test_a_free_title_names_a_known_office_of_a_person_named_later(extractor) -> None:
    # no publication date, so no office of the knowledge base is current: the text's title decides
    text = (
        "C'est un secrétaire général de l'OEA en fin de mandat qui arrive à Port-au-Prince. Luis Almagro s'est "
        "entretenu mardi au Palais national avec le Premier ministre Jean Baptiste."
    )
    info = person_roles(extractor, text, published=None)["Luis Almagro"]
    assert (info.get("role"), info.get("country")) == ("secrétaire général de l'OEA", "OEA")


def test_a_free_title_of_another_office_names_nobody(extractor) -> None:
    text = "Un chef de la diplomatie uruguayen est attendu. Luis Almagro s'est entretenu mardi avec le Premier ministre Jean Baptiste."
    info = person_roles(extractor, text, published=None)["Luis Almagro"]
    assert info.get("role") != "chef de la diplomatie"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le ministre suisse Paul Keller a rencontré le premier ministre palestinien, Omar Haddad, et celui des Affaires étrangères, Samir Nassar.",
            ("Samir Nassar", "ministre des Affaires étrangères", "PS"),
        ),
        (
            "Le ministre suisse Paul Keller a rencontré la ministre ghanéenne de la Santé, Ama Owusu, et celle des Finances, Efua Mensah.",
            ("Efua Mensah", "ministre des Finances", "GH"),
        ),
    ],
)
def test_an_elliptic_portfolio_gives_the_next_name_its_office(extractor, text, expected) -> None:
    found = extractor.extract_meetings(text, published="2025-03-12")
    people = {(p.name, p.role, p.country) for m in found for p in m.participants}
    assert expected in people
    assert len(found) == 2
