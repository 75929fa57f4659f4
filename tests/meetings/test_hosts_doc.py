"""Who hosted a meeting, read beyond the sentence that tells it (sentences written for these tests, invented names).

The host is the participant who received the others or the one at home when they came to his country: a
visit the article tells before the encounters ("Au cours de cette visite, elle a rencontré …") makes the
official of the visited country the host, and an office that names the host ("Le Président de la
République, le général X, a reçu …") stays his once the meeting keeps only his name.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def host(meeting):
    return meeting.host.name if meeting.host is not None else None


@pytest.mark.parametrize(
    "text",
    [
        "La ministre suédoise du Commerce, Karin Lund, a achevé jeudi sa visite de trois jours en Indonésie.\n\n"
        "Au cours de cette visite, Mme Lund a rencontré le président indonésien, Budi Santoso.",
        "Visite officielle en Indonésie\n\n"
        "La ministre suédoise du Commerce, Karin Lund, s'est entretenue jeudi avec le président indonésien, Budi Santoso.",
        "La ministre suédoise du Commerce, Karin Lund, poursuit sa tournée asiatique par une mission en Indonésie.\n\n"
        "Mme Lund s'est entretenue jeudi avec le président indonésien, Budi Santoso, sur les échanges commerciaux.",
    ],
)
def test_a_visit_the_article_tells_first_makes_the_visited_official_host(extractor, text) -> None:
    [m] = extractor.extract_meetings(text, published="2025-03-14")
    assert {p.name for p in m.participants} == {"Karin Lund", "Budi Santoso"}
    assert m.location is None
    assert host(m) == "Budi Santoso"


def test_a_visit_elsewhere_does_not_make_a_host_of_a_third_country(extractor) -> None:
    text = (
        "La ministre suédoise du Commerce, Karin Lund, a achevé jeudi sa visite de trois jours en Indonésie.\n\n"
        "Au cours de cette visite, Mme Lund a rencontré le ministre malaisien du Commerce, Amir Razak."
    )
    [m] = extractor.extract_meetings(text, published="2025-03-14")
    assert host(m) is None


def test_the_officials_the_visit_sentence_does_not_name_are_of_the_visited_country(extractor) -> None:
    text = (
        "Après une étape au Chili, la ministre Karin Lund poursuit sa campagne par une visite en Indonésie.\n\n"
        "Après s'être entretenue pendant une heure avec le Premier ministre Budi Santoso, la ministre a "
        "déjeuné avec Adi Wirawan, son homologue des Finances."
    )
    first, second = extractor.extract_meetings(text, published="2025-03-14")
    assert [(p.name, p.country) for p in first.participants][1] == ("Budi Santoso", "ID")
    assert [(p.name, p.country) for p in second.participants][1] == ("Adi Wirawan", "ID")
    assert (host(first), host(second)) == ("Budi Santoso", "Adi Wirawan")


def test_a_visit_to_come_makes_nobody_host(extractor) -> None:
    text = (
        "Le Premier ministre japonais Kenji Mori s'est entretenu lundi avec le président russe Ivan Petrov. "
        "La visite au Japon du président russe prévue cet automne a été reportée."
    )
    [m] = extractor.extract_meetings(text, published="2025-03-14")
    assert host(m) is None


@pytest.mark.parametrize("guest", ["Le Premier ministre équato-guinéen, Pedro Ela,", "Le Premier ministre équato-guinéen"])
def test_a_palace_named_after_a_city_gives_its_country_and_host(extractor, guest) -> None:
    text = guest + " s'est entretenu avec le chef de l'Etat du Niger Issa Kountché ce lundi 10 mars 2025, au palais présidentiel de Niamey."
    [m] = extractor.extract_meetings(text)
    assert (m.location.name, m.location.country) == ("palais présidentiel de Niamey", "NE")
    assert host(m) == "Issa Kountché"
