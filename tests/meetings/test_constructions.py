"""Constructions of real news the document model reads (sentences written for these tests).

Each test names the construction: a passive signing by two ministers, a call noun in an
adverbial of time, a joint press conference inside a reporting clause, a subject wrapped in
an honorific or a glued source name, a list of guests behind cut-off bullets, "les deux
dirigeants" standing for the two officials just named, a reception line ending in a colon.
"""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import meetings, names

pytestmark = pytest.mark.slow


def test_passive_signing_by_two_ministers_is_a_meeting(extractor) -> None:
    text = (
        "Les deux accords ont été signés mardi à Bamako par le ministre sénégalais des Affaires étrangères, "
        "Karim Belhadi, et le ministre malien des Affaires étrangères, Oumar Tangara."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["Karim Belhadi", "Oumar Tangara"]
    assert {p.country for p in m.participants} == {"SN", "ML"}


def test_call_noun_in_an_adverbial_takes_the_clause_arguments(extractor) -> None:
    text = (
        "Lors d'une communication téléphonique, le chef de la diplomatie italienne, Marco Rossetti, "
        "a adressé une invitation à son homologue tunisien, Sami Triki, à effectuer une visite en Italie."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["Marco Rossetti", "Sami Triki"]
    assert m.kind == "call"
    assert {p.name: p.country for p in m.participants} == {"Marco Rossetti": "IT", "Sami Triki": "TN"}


def test_joint_press_conference_after_a_reporting_verb(extractor) -> None:
    text = (
        "Le ministre français des Affaires étrangères, Paul Durandet, a affirmé mardi à Alger que la position "
        "de la France n'a pas changé. « Rien ne change », a-t-il déclaré lors d'une conférence de presse "
        "conjointe avec son homologue algérien, Karim Belhadi."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["Karim Belhadi", "Paul Durandet"]
    assert m.location is not None and m.location.name == "Alger"


def test_honorific_wrapping_the_subject(extractor) -> None:
    text = (
        "La ministre des Affaires étrangères, l'honorable Mélina Jolicoeur, a rencontré aujourd'hui pour la "
        "première fois le secrétaire aux Affaires étrangères du Mexique, Marco Ebrardo."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["Marco Ebrardo", "Mélina Jolicoeur"]
    assert m.date == dt.date(2025, 3, 12)


def test_reception_line_ending_in_a_colon_then_bullets(extractor) -> None:
    text = (
        "Le président de la République, Paul Mbanga, a reçu ce jour en audience :\n\n"
        "·Son Excellence Fabien Maurin, Ambassadeur de France au Gabon ;\n\n"
        "·Son Excellence Shuji Nogawa, Ambassadeur du Japon au Gabon.\n"
    )
    found = meetings(extractor, text)
    assert sorted(names(m)[0] if names(m)[1] == "Paul Mbanga" else names(m)[1] for m in found) == ["Fabien Maurin", "Shuji Nogawa"]
    assert all(m.host is not None and m.host.name == "Paul Mbanga" for m in found)
    assert all(m.date == dt.date(2025, 3, 12) for m in found)  # "ce jour": the day of publication


def test_bullet_cut_off_as_its_own_sentence_opens_a_list_item(extractor) -> None:
    text = (
        "Présent jeudi en Allemagne, le président de la Confédération Ignace Cassard a rencontré de nombreux "
        "interlocuteurs, parmi lesquels:\n\n  •\n  Le président allemand Franz Steinberg.\n  •\n  Le chancelier Otto Scheller.\n"
    )
    found = meetings(extractor, text)
    assert sorted(tuple(names(m)) for m in found) == [
        ("Franz Steinberg", "Ignace Cassard"),
        ("Ignace Cassard", "Otto Scheller"),
    ]


def test_the_two_leaders_are_the_two_officials_just_named(extractor) -> None:
    text = (
        "Le président chinois Li Weiming a déclaré jeudi qu'il acceptait l'invitation du Premier ministre "
        "japonais Kenji Morita pour une visite d'Etat. Les deux dirigeants ont tenu une réunion à Osaka."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["Kenji Morita", "Li Weiming"]
    assert m.date == dt.date(2025, 3, 6)  # "jeudi" of the sentence that named them


def test_same_sentence_name_is_not_the_referent_of_a_bare_title(extractor) -> None:
    text = (
        "Le président russe, Ivan Petrovsky, a eu une conversation téléphonique avec le chef du Conseil "
        "national de transition. Ils ont parlé de sécurité."
    )
    for m in meetings(extractor, text):
        assert len({p.name for p in m.participants if p.name}) == len([p for p in m.participants if p.name])


@pytest.mark.parametrize(
    "text",
    [
        # a question reports nothing
        "Le président Koffi Mensavi a-t-il rencontré le président français, Paul Durandet, à Paris le week-end dernier ?",
        # a purpose infinitive or noun after a journey is an aim, not a meeting
        "Le secrétaire général de l'OTAN, Lars Hemberg, se rend mardi à Washington pour rencontrer le président américain, John Calder.",
        "Le Premier ministre cambodgien, Sok Vanna, est arrivé lundi à Paris pour s'entretenir avec le président français, Paul Durandet.",
        # a noun the text plans ("prévue") or only considers ("l'éventualité")
        "La rencontre entre le président français, Paul Durandet, et le président malgache, Andry Rakoto, prévue pour le 27 août, s'annonce tendue.",
        "Moscou a écarté l'éventualité d'une rencontre entre le ministre russe des Affaires étrangères, Igor Petrov, et son homologue américain, John Calder.",
    ],
)
def test_no_held_meeting_in_questions_aims_and_plans(extractor, text) -> None:
    assert meetings(extractor, text) == []


def test_an_envoy_of_a_president_is_not_the_president(extractor) -> None:
    text = (
        "Le président de la République, M. Omar Djama, a reçu jeudi au palais présidentiel un émissaire de son "
        "homologue sénégalais, M. Malick Diouf."
    )
    for m in meetings(extractor, text):
        assert "Malick Diouf" not in names(m)


def test_an_unnamed_subject_title_under_a_dateline(extractor) -> None:
    text = "Rabat, 11 mars (MAP) - Le chef du gouvernement s'est entretenu mardi avec le premier ministre mauritanien, Mohamed Salem Ould Dah."
    [m] = meetings(extractor, text)
    by_name = {p.name: p for p in m.participants}
    assert set(by_name) == {None, "Mohamed Salem Ould Dah"}
    assert by_name[None].country == "MA" and by_name[None].role == "chef du gouvernement"
    assert by_name["Mohamed Salem Ould Dah"].country == "MR"


def test_a_line_break_after_an_abbreviated_honorific_keeps_the_name(extractor) -> None:
    text = "Le président de la République, Paul Durandet, a reçu M.\nSok Vanna, Premier ministre du Royaume du Cambodge, pour un entretien."
    [m] = meetings(extractor, text)
    assert names(m) == ["Paul Durandet", "Sok Vanna"]
    sok = next(p for p in m.participants if p.name == "Sok Vanna")
    assert [text[x.start : x.end] for x in sok.mentions][-1].endswith("Sok Vanna")


def test_a_named_venue_is_the_place(extractor) -> None:
    text = (
        "Le président camerounais, Paul Biyong, a reçu mardi au palais de l'Unité le ministre français des "
        "Affaires étrangères, Jean Durandet."
    )
    [m] = meetings(extractor, text)
    assert m.location is not None and m.location.name == "palais de l'Unité" and m.location.country == "CM"
    assert text[m.location.mention.start : m.location.mention.end] == "palais de l'Unité"


def test_a_body_seat_in_a_named_city_gives_the_city(extractor) -> None:
    text = (
        "Le ministre marocain des Affaires étrangères, Karim Belhadi, s'est entretenu mardi au siège de "
        "l'Organisation des Nations unies à New York avec le secrétaire général de l'ONU, Jan Eliasson-Berg."
    )
    [m] = meetings(extractor, text)
    assert m.location is not None and m.location.name == "New York"


def test_the_place_keeps_the_spelling_of_the_text(extractor) -> None:
    text = (
        "Le président ukrainien, Petro Danylenko, a rencontré mardi à Kyiv la ministre canadienne des Affaires "
        "étrangères, Chris Freelander."
    )
    [m] = meetings(extractor, text)
    assert m.location is not None and m.location.name == "Kyiv" and m.location.country == "UA"


def test_a_meeting_without_its_own_date_takes_the_lead_sentence_day(extractor) -> None:
    text = (
        "Le Maroc et la Jordanie ont signé, samedi à Amman, une convention de coopération.\n\n"
        "Les textes ont été signés par le ministre marocain des Affaires étrangères, Karim Belhadi, et le ministre "
        "jordanien des Affaires étrangères, Ayman Saafi."
    )
    [m] = meetings(extractor, text, published="2019-07-20")
    assert m.date == dt.date(2019, 7, 20)
    assert text[m.date_expression.start : m.date_expression.end] == "samedi"


def test_a_dated_lead_is_the_release_date_not_the_meeting_date(extractor) -> None:
    text = (
        "Visite à Ottawa\n\n9 février 2016 . – Le premier ministre de l'Île, Wade MacLauchlin, a rencontré à Ottawa "
        "le haut-commissaire de l'Inde, Vishnu Prakashan."
    )
    [m] = meetings(extractor, text, published=None)
    assert m.date is None


def test_an_encounter_noun_after_avant_is_its_own_later_encounter(extractor) -> None:
    text = (
        "La ministre belge des Affaires étrangères, Sophie Lambrecht, s'est entretenue mercredi à Lima "
        "avec son homologue péruvien, Diego Salcedo, avant une rencontre avec le président péruvien."
    )
    found = meetings(extractor, text)
    held = [m for m in found if m.status == "held"]
    assert [names(m) for m in held] == [["Diego Salcedo", "Sophie Lambrecht"]]
    assert all(p.role != "président" for m in found for p in m.participants if m.status == "held")


def test_an_unnamed_head_of_state_subject_without_dateline(extractor) -> None:
    text = (
        "Le président de la République s'est entretenu par téléphone jeudi avec le Premier ministre "
        "du Portugal, M. Rui Falcão.\n\nLes deux dirigeants ont évoqué la situation en Europe et les "
        "relations entre la France et le Portugal."
    )
    [m] = meetings(extractor, text, published=None)
    assert names(m) == ["<président de la République|FR>", "Rui Falcão"]
    assert m.kind == "call"
    unnamed = next(p for p in m.participants if p.name is None)
    start, end = unnamed.mentions[0].start, unnamed.mentions[0].end
    assert text[start:end] == "président de la République"


def test_a_placed_title_is_the_one_unplaced_official_of_its_class(extractor) -> None:
    text = (
        "Le ministre des Affaires étrangères, Tran Van Loc, a reçu le 3 mars à Hanoï le vice-ministre "
        "japonais des Affaires étrangères, Sato Kenji.\n\nLe chef de la diplomatie vietnamienne a proposé "
        "de renforcer la coopération entre les deux pays."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["Sato Kenji", "Tran Van Loc"]
    assert {p.name: p.country for p in m.participants} == {"Tran Van Loc": "VN", "Sato Kenji": "JP"}


def test_an_encounter_noun_in_a_locution_takes_the_subject_of_the_clause_above(extractor) -> None:
    text = (
        "Le ministre tchèque des Affaires étrangères, Pavel Horák, a annoncé samedi être parvenu à un accord "
        "sur la pêche, à l'issue d'une rencontre avec son homologue islandais Gunnar Einarsson à Reykjavik."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["Gunnar Einarsson", "Pavel Horák"]


def test_a_demonstrative_encounter_noun_stays_the_told_meeting(extractor) -> None:
    text = (
        "Le président de la République, M. Omar Diallo, a reçu jeudi au palais présidentiel un émissaire "
        "de son homologue gabonais, M. Jean Mba.\n\nÀ l'issue de cet entretien, M. Jean Mba a fait un "
        "point de presse devant le palais."
    )
    held = [m for m in meetings(extractor, text) if m.status == "held"]
    assert all(len(m.participants) >= 2 for m in held)
    assert not any(names(m) == ["Jean Mba"] for m in held)


def test_a_country_title_is_the_named_official_of_its_office_not_the_last_one(extractor) -> None:
    text = (
        "Le Premier ministre slovène, Marko Zupan, a eu des entretiens à Prague avec le président tchèque "
        "Jan Dvořák.\n\nIl a transmis les salutations du président slovène Boris Kranjc.\n\n"
        "Lors de l'entretien, le chef du gouvernement slovène a salué la coopération entre les deux pays."
    )
    doc = extractor.nlp(extractor.make_doc(text, None))
    title = next(s for s in doc.spans["diplomacy"] if s.label_ == "TITLE" and s.text.startswith("chef du gouvernement"))
    assert title._.info["person"] == "doc-person:marko-zupan"


def test_a_long_list_of_partners_by_country_is_read_to_its_end(extractor) -> None:
    text = (
        "Le ministre marocain des Affaires étrangères, Karim Tazi, s'est entretenu jeudi à New York avec les "
        "ministres des Affaires étrangères de la Pologne, Jan Kowalczyk, du Danemark, Lars Holm, du Chili, "
        "Diego Rojas, de l'Indonésie, Budi Santoso, du Vietnam, Tran Van Loc, et de Chypre, Andreas Georgiou."
    )
    found = meetings(extractor, text)
    partners = sorted(n for m in found for n in names(m) if n != "Karim Tazi")
    assert partners == ["Andreas Georgiou", "Budi Santoso", "Diego Rojas", "Jan Kowalczyk", "Lars Holm", "Tran Van Loc"]
    assert all("Karim Tazi" in names(m) and len(m.participants) == 2 for m in found)


def test_a_capital_standing_for_its_government_is_not_the_place(extractor) -> None:
    text = (
        "Le ministre belge des Affaires étrangères, Luc Peeters, a effectué samedi sa première visite à l'étranger "
        "en se rendant à Vilnius, afin de réaffirmer le soutien de Bruxelles à la Lituanie. Il a rencontré le "
        "président lituanien, Jonas Petraitis."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["Jonas Petraitis", "Luc Peeters"]
    assert m.location is not None and m.location.name == "Vilnius"
    assert m.host is not None and m.host.name == "Jonas Petraitis"


def test_a_noun_between_two_officials_takes_no_third_from_the_context(extractor) -> None:
    text = (
        "Le ministre guinéen de l'Intérieur Marc Vidal a vivement critiqué lundi la visite à Conakry du ministre togolais Paul Adjo.\n\n"
        "L'entretien entre le président guinéen Omar Kante et Paul Adjo portait sur la sécurité régionale."
    )
    [m] = [m for m in meetings(extractor, text) if m.status == "held"]
    assert names(m) == ["Omar Kante", "Paul Adjo"]


def test_unnamed_officials_by_country_are_then_named(extractor) -> None:
    text = (
        "Les ministres de l'Agriculture du Ghana, du Togo et du Bénin ont tenu mardi une réunion tripartite "
        "par visioconférence.\n\nLa réunion a réuni le ministre ghanéen de l'Agriculture, Kofi Mensah, le "
        "ministre togolais de l'Agriculture, Komi Agbo, et la ministre béninoise de l'Agriculture, Rose Houngbo."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["Kofi Mensah", "Komi Agbo", "Rose Houngbo"]
    assert m.kind == "video"


def test_a_pluperfect_anchored_before_the_reported_event_is_told_not_recalled(extractor) -> None:
    text = (
        "Le président guinéen Omar Kante a présidé mardi à Conakry la cérémonie des vœux au corps diplomatique.\n\n"
        "Avant le début de cette cérémonie, le président Omar Kante avait reçu en audience le ministre malien "
        "des Affaires étrangères, Moussa Keita."
    )
    held = [m for m in meetings(extractor, text) if m.status == "held"]
    assert [names(m) for m in held] == [["Moussa Keita", "Omar Kante"]]


def test_a_pluperfect_without_anchor_is_background(extractor) -> None:
    text = (
        "Le président guinéen Omar Kante a présidé mardi à Conakry la cérémonie des vœux au corps diplomatique.\n\n"
        "Le président Omar Kante avait reçu en audience le ministre malien des Affaires étrangères, Moussa Keita."
    )
    assert [m for m in meetings(extractor, text) if m.status == "held"] == []


def test_a_former_office_is_nobody_in_the_meeting(extractor) -> None:
    text = "Le président sénégalais Moustapha Ndour a reçu jeudi à Dakar l'ancien président malien."
    assert [m for m in meetings(extractor, text) if m.status == "held"] == []
    text = "Le président sénégalais Moustapha Ndour a reçu jeudi à Dakar le président malien."
    [m] = meetings(extractor, text)
    assert names(m) == ["<président|ML>", "Moustapha Ndour"]


@pytest.mark.parametrize(("article", "statuses"), [("le", ["held", "held"]), ("un", ["held", "planned"])])
def test_talks_after_avant_are_a_plan_only_when_indefinite(extractor, article, statuses) -> None:
    # "avant le tête-à-tête avec Y": the talks the article tells; "avant un tête-à-tête": still ahead
    text = (
        "Le ministre ghanéen des Affaires étrangères, Kwame Asante, a rendu visite lundi au ministre togolais de "
        f"l'Économie, Yao Dogbe, avant {article} tête-à-tête avec le chef de l'État Koffi Amegan."
    )
    found = extractor.analyze(text, published="2025-03-12").meetings
    assert sorted(m.status for m in found) == statuses


@pytest.mark.parametrize("noun", ["Déclaration", "Allocution", "Discours"])
def test_sa_rencontre_after_a_statement_of_a_named_official_is_his(extractor, noun) -> None:
    # the partner is the article's most mentioned person, so "sa" cannot fall back to him
    text = (
        f"{noun} du ministre des Affaires étrangères Nikos Andreou lors de sa rencontre avec le ministre des "
        "Affaires étrangères du Népal, Ram Thapa, à Katmandou le 23 mars 2022.\n\nRam Thapa a rappelé sa visite à Athènes. "
        "Je remercie Ram Thapa pour son accueil. Ram Thapa est un ami."
    )
    found = extractor.extract_meetings(text, published="2022-03-24")
    assert [sorted(p.name for p in m.participants) for m in found] == [["Nikos Andreou", "Ram Thapa"]]


@pytest.mark.parametrize(
    "text",
    [
        "Deux des trois ministres envoyés à Bamako pour demander à Moussa Keita de libérer les otages s'entretenaient mercredi à Dakar avec leur homologue sénégalais.",
        "Deux des trois émissaires envoyés à Bamako pour convaincre Moussa Keita de quitter le pouvoir s'entretenaient jeudi à Dakar avec le président sénégalais.",
    ],
)
def test_an_official_inside_an_infinitive_is_not_the_subject_of_the_talks(extractor, text) -> None:
    found = extractor.extract_meetings(text, published="2025-03-12")
    assert all("Moussa Keita" not in [p.name for p in m.participants] for m in found)


def test_the_audience_told_again_by_one_of_a_series_of_guests_is_his_with_the_host(extractor) -> None:
    text = (
        "Le président de la République, Karim Bensaid, a reçu jeudi à Alger les ambassadeurs de trois pays qui lui ont "
        "remis leurs lettres de créance. Il s'agit des ambassadeurs de la Serbie, Marko Ilic, du Vietnam, Tran Van Binh, "
        "et du Portugal, Rui Tavares. Pour sa part, M. Tran Van Binh a rappelé les relations d'amitié entre les deux pays. "
        "Dans une déclaration au terme de l'audience, M. Rui Tavares a indiqué que les relations sont excellentes."
    )
    found = meetings(extractor, text, published="2019-05-17")
    assert sorted(names(m) for m in found) == [
        ["Karim Bensaid", "Marko Ilic"], ["Karim Bensaid", "Rui Tavares"], ["Karim Bensaid", "Tran Van Binh"],
    ]


@pytest.mark.parametrize("noun", ["Ce sommet", "Cette rencontre"])
def test_a_demonstrative_taking_up_a_plan_told_without_participants_is_planned(extractor, noun) -> None:
    text = (
        "Les chefs d'État de la région se réuniront en sommet extraordinaire samedi à Malabo, a annoncé mardi l'institution. "
        f"{noun} se tient sur convocation du président équato-guinéen, Pedro Ndong, et du président camerounais, Paul Ewondo."
    )
    found = extractor.analyze(text, published="2016-07-28").meetings
    assert [m.status for m in found] == ["planned"] * len(found)


@pytest.mark.parametrize("channel", ["par des voies diplomatiques", "par la voie diplomatique", "via les voies diplomatiques"])
def test_talks_carried_on_through_diplomatic_channels_are_no_meeting(extractor, channel) -> None:
    text = (
        "Depuis le début de l'année, des pourparlers entre les deux ministres des Affaires étrangères, Li Wen et "
        f"son homologue japonais Taro Sato, se poursuivent {channel}."
    )
    assert meetings(extractor, text) == []


def test_talks_held_then_a_dispute_settled_through_channels_stay_a_meeting(extractor) -> None:
    text = (
        "Le ministre chinois des Affaires étrangères, Li Wen, a reçu lundi à Pékin son homologue japonais, Taro Sato. "
        "Les deux pays régleront leur différend par la voie diplomatique."
    )
    assert [names(m) for m in meetings(extractor, text)] == [["Li Wen", "Taro Sato"]]


@pytest.mark.parametrize("name", ["Petrolandia", "Sandino"])
def test_an_event_named_after_its_head_is_no_partner(extractor, name) -> None:
    text = (
        "Le Premier ministre haïtien, Paul Lamarre, a installé lundi la commission binationale. Haïti a formé sa "
        "commission conformément à ce qui a été convenu entre les autorités des deux pays, lors du sommet "
        f"{name} tenu à Caracas le 17 décembre."
    )
    assert meetings(extractor, text, published="2014-01-08") == []


def test_a_match_is_no_meeting(extractor) -> None:
    text = (
        "Le capitaine ivoirien Paul Kouassi était sur la pelouse. Le coach Ahmed Saidi entame la rencontre avec son "
        "équipe type sans Jean Kalo et Marc Tiem sur le banc de touche."
    )
    assert meetings(extractor, text) == []


def test_a_meeting_of_sports_ministers_stays_a_meeting(extractor) -> None:
    text = "Le ministre ivoirien des Sports, Paul Kouassi, a eu lundi une rencontre avec son homologue ghanéen, Kofi Boateng."
    assert [names(m) for m in meetings(extractor, text)] == [["Kofi Boateng", "Paul Kouassi"]]
