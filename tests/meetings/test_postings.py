"""A posting ("l'ambassadeur en Haïti", "l'envoyé spécial pour Haïti") is where an official serves: the
country of the people met there, never the official's own. Invented names."""

from __future__ import annotations

import pytest

from diplomacy_ner import extract_meetings


def people(text: str) -> dict[str, tuple[str | None, str | None]]:
    meetings = extract_meetings(text, published="2024-03-04")
    assert len(meetings) == 1
    return {p.name: (p.role, p.country) for p in meetings[0].participants}


@pytest.mark.parametrize(
    "text",
    [
        "L'envoyé spécial pour Haïti, Marc Dubois, a rencontré le Premier ministre, Jean Morel.",
        "L'ambassadeur en Haïti, Marc Dubois, a rencontré le Premier ministre, Jean Morel.",
        "Le Premier ministre, Jean Morel, a reçu l'ambassadeur en Haïti, Marc Dubois.",
    ],
)
def test_the_posting_is_the_local_officials_country(text: str) -> None:
    found = people(text)
    assert found["Jean Morel"] == ("Premier ministre", "HT")
    role, country = found["Marc Dubois"]
    assert role is not None and role.endswith("Haïti") and country != "HT"


def test_a_country_without_article_after_pour_completes_the_title() -> None:
    found = people("L'Envoyé Spécial pour Cuba, Marc Dubois, a rencontré le ministre cubain des Affaires étrangères, Luis Perez.")
    assert found["Marc Dubois"][0] == "Envoyé Spécial pour Cuba"
    assert found["Luis Perez"][1] == "CU" and found["Marc Dubois"][1] != "CU"



def test_a_person_keeps_the_country_an_earlier_meeting_gave_him() -> None:
    from types import SimpleNamespace

    from diplomacy_ner.meetings.slots import fill_countries

    ctx = SimpleNamespace(filled_country={"doc-person:ana-sousa": "CA"})
    sousa = SimpleNamespace(key="a", person_id="doc-person:ana-sousa", country=None, role="ministre")
    clark = SimpleNamespace(key="b", person_id="doc-person:mary-clark", country="GB", role=None)
    fill_countries(ctx, SimpleNamespace(host="a", location=None), [sousa, clark])
    assert sousa.country == "CA" and clark.country == "GB"
