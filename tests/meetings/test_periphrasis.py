"""Periphrases and meetings told over several sentences (sentences written for these tests, invented names).

A monarch's title stands for the monarch the text named, never for a president; a title coordinated
with another agent is resolved too; a title that the subject of the same verb already stands for is
someone else.
"""

from __future__ import annotations

import pytest

from helpers import meetings, names

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text, monarch, role, country, guest",
    [
        (
            "Le Grand-Duc Henri Meyer a inauguré lundi une exposition à Luxembourg. Mardi, le président français "
            "Lucien Marchal est arrivé au Luxembourg pour une visite d'État. Il a d'abord rencontré le Premier "
            "ministre Paul Wagner. Le soir, le président a été reçu par le Grand-Duc dans la salle du trône.",
            "Henri Meyer", "Grand-Duc", "LU", "Lucien Marchal",
        ),
        (
            "La reine Astrid Lindholm a ouvert lundi la session du Parlement à Oslo. Mardi, le président sénégalais "
            "Amadou Fall est arrivé en Norvège. Il a rencontré le Premier ministre norvégien Erik Dahl. Le soir, le "
            "président a été reçu par la reine au palais royal.",
            "Astrid Lindholm", "reine", "NO", "Amadou Fall",
        ),
    ],
)
def test_a_monarch_title_is_the_named_monarch_not_the_president(extractor, text, monarch, role, country, guest) -> None:
    found = meetings(extractor, text)
    assert len(found) == 2
    m = next(m for m in found if monarch in names(m))
    assert names(m) == sorted([monarch, guest])
    p = next(p for p in m.participants if p.name == monarch)
    assert (p.role, p.country) == (role, country)


def test_a_title_object_of_the_subjects_verb_is_someone_else(extractor) -> None:
    text = (
        "Le président français Lucien Marchal effectue sa première visite officielle au Japon. Arrivé mercredi "
        "à Tokyo, il y a rencontré la communauté française mais aussi le nouvel Empereur."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["<Empereur|JP>", "Lucien Marchal"]
    emperor = next(p for p in m.participants if p.name is None)
    assert text[emperor.mentions[0].start : emperor.mentions[0].end] == "Empereur"


@pytest.mark.parametrize(
    "text, guest, monarch, pm",
    [
        (
            "Le président moldave Oleksa Dorenko est arrivé jeudi en Belgique. Il a été accueilli à l'aéroport par "
            "le Premier ministre belge Pieter Vandamme et par la présidente de la Commission européenne, Ilse Brandt. "
            "Il s'est ensuite adressé au Parlement européen. En fin d'après-midi, Oleksa Dorenko a été reçu au "
            "Palais royal par le souverain et le chef du gouvernement fédéral.",
            "Oleksa Dorenko", "<souverain|BE>", "Pieter Vandamme",
        ),
        (
            "La présidente moldave Mira Kostova est arrivée lundi en Belgique. Elle a été accueillie par le Premier "
            "ministre belge Jan Peeters et par le président du Conseil européen, Luca Bellini. Elle a ensuite pris "
            "la parole devant les eurodéputés. Le soir, Mira Kostova a été reçue par le roi et le Premier ministre "
            "au château de Laeken.",
            "Mira Kostova", "<roi|BE>", "Jan Peeters",
        ),
    ],
)
def test_a_title_coordinated_with_an_agent_is_resolved(extractor, text, guest, monarch, pm) -> None:
    found = meetings(extractor, text)
    assert len(found) == 2
    assert sorted([guest, monarch, pm]) in [names(m) for m in found]


@pytest.mark.parametrize(
    "text, guest, host",
    [
        (
            "Le président malgache Jean Rakoto a reçu lundi l'ambassadeur de Chine, Li Wei. Madame Claire Dubois, "
            "la nouvelle ambassadrice de France, a également été l'invitée du chef de l'État.",
            "Claire Dubois", "Jean Rakoto",
        ),
        ("L'ambassadeur du Japon, Kenji Sato, était mardi l'invité du Premier ministre ivoirien Adama Koné.", "Kenji Sato", "Adama Koné"),
    ],
)
def test_the_guest_of_an_official(extractor, text, guest, host) -> None:
    found = meetings(extractor, text)
    m = next(m for m in found if guest in names(m))
    assert names(m) == sorted([guest, host])
    assert m.host is not None and m.host.name == host


def test_the_guest_of_a_programme_is_no_meeting(extractor) -> None:
    text = "Le ministre des Affaires étrangères Paul Nguema était l'invité de l'émission politique de RFI dimanche."
    assert meetings(extractor, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Le président béninois Romain Sossa a participé au sommet d'Accra. Le ministre des Affaires étrangères "
            "Marc Houndé a fait le point de cette participation lundi. En effet, le numéro 1 béninois a eu des "
            "discussions avec les présidents togolais Koffi Adjo et ghanéen Kwame Mensah.",
            [["Koffi Adjo", "Romain Sossa"], ["Kwame Mensah", "Romain Sossa"]],
        ),
        (
            "Le président sénégalais Amadou Fall a reçu l'ambassadeur de Chine, Li Wei. Le ministre des Affaires "
            "étrangères Moussa Diop a présenté le nouvel ambassadeur du Japon. Le numéro un sénégalais a aussi "
            "rencontré mardi le président gambien Lamin Jallow.",
            [["Amadou Fall", "Li Wei"], ["Amadou Fall", "Lamin Jallow"]],
        ),
    ],
)
def test_the_number_one_of_a_country_is_its_head_of_state(extractor, text, expected) -> None:
    assert sorted(names(m) for m in meetings(extractor, text)) == sorted(expected)


@pytest.mark.parametrize(
    "text, first, counterpart, other",
    [
        (
            "La ministre canadienne des Affaires étrangères, Claire Morin, a rencontré lundi à Stockholm son nouvel "
            "homologue suédois. Le ministre suédois des Affaires étrangères, Lars Berg, a salué une relation unique. "
            "À Stockholm, Claire Morin a aussi rencontré Anna Holm.",
            "Claire Morin", "Lars Berg", "Anna Holm",
        ),
        (
            "Le ministre japonais des Affaires étrangères, Kenji Sato, s'est entretenu mardi à Rome avec son "
            "homologue italienne. La ministre italienne des Affaires étrangères, Giulia Conti, a évoqué la situation "
            "en Asie. Kenji Sato a ensuite rencontré Marco Ferri.",
            "Kenji Sato", "Giulia Conti", "Marco Ferri",
        ),
    ],
)
def test_an_untitled_person_met_later_does_not_name_the_counterpart(extractor, text, first, counterpart, other) -> None:
    found = sorted(names(m) for m in meetings(extractor, text))
    assert found == sorted([sorted([first, counterpart]), sorted([first, other])])


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "La présidente du Congrès, Marie Tane, et le ministre du Commerce, Paul Kaloi, sont en mission aux Samoa "
            "depuis lundi. Ils ont pu rencontrer Tui Faleolo, le Premier ministre samoan.",
            ["Marie Tane", "Paul Kaloi", "Tui Faleolo"],
        ),
        (
            "Le ministre malien de la Défense Issa Coulibaly et le ministre nigérien de la Défense Omar Sani sont "
            "arrivés mardi à Dakar. Ils ont ensuite rencontré le Premier ministre sénégalais Ousmane Ba.",
            ["Issa Coulibaly", "Omar Sani", "Ousmane Ba"],
        ),
    ],
)
def test_they_are_the_coordinated_subjects_of_the_sentence_before(extractor, text, expected) -> None:
    [m] = meetings(extractor, text)
    assert names(m) == expected


def test_they_received_by_a_host_are_the_pair_named_before(extractor) -> None:
    text = (
        "Le ministre malien de la Défense Issa Coulibaly et le ministre nigérien de la Défense Omar Sani sont "
        "arrivés mardi à Dakar. Ils ont été reçus par le président sénégalais Amadou Fall."
    )
    [m] = meetings(extractor, text)
    assert names(m) == ["Amadou Fall", "Issa Coulibaly", "Omar Sani"]
    assert m.host is not None and m.host.name == "Amadou Fall"


@pytest.mark.parametrize(
    "text, guest, role_start",
    [
        (
            "Le président calédonien Paul Wema s'est entretenu lundi avec le ministre vanuatais de l'Intérieur, Tom "
            "Kalo. Il a ensuite eu un entretien avec le Ministre de l'agriculture, des forêts, de l'élevage, de la "
            "pêche et de la bio sécurité, M. Jimmy Rarua.",
            "Jimmy Rarua", "Ministre de l'agriculture",
        ),
        (
            "Le Premier ministre fidjien Samu Rava a reçu mardi la ministre néo-zélandaise du Commerce, Kate Hill. Il "
            "s'est ensuite entretenu avec la Ministre du tourisme, de la culture et de la bio diversité, Mme Lena Moro.",
            "Lena Moro", "Ministre du tourisme",
        ),
    ],
)
def test_a_bare_title_before_an_appositive_name_is_that_persons_office(extractor, text, guest, role_start) -> None:
    found = meetings(extractor, text)
    assert len(found) == 2
    m = next(m for m in found if guest in names(m))
    p = next(p for p in m.participants if p.name == guest)
    assert p.role is not None and p.role.startswith(role_start)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Le conseiller fédéral suisse Marc Weber était dimanche à Jérusalem, où il a rencontré le ministre israélien "
            "des Affaires étrangères, David Levi, avant de voir le premier ministre palestinien, Karim Haddad, à Ramallah.",
            [["David Levi", "Marc Weber"], ["Karim Haddad", "Marc Weber"]],
        ),
        (
            "Lors de son passage à Berlin, la ministre belge Anne Claes a pu voir le chancelier allemand Klaus Richter "
            "pendant une heure.",
            [["Anne Claes", "Klaus Richter"]],
        ),
        ("La ministre belge Anne Claes a vu la situation se dégrader au Sahel depuis sa nomination.", []),
    ],
)
def test_seeing_an_official_is_meeting_him(extractor, text, expected) -> None:
    assert sorted(names(m) for m in meetings(extractor, text)) == sorted(expected)
