"""A name after a company noun ("le groupe de BTP Bertin", "la société pétrolière Garnier") is the
company's, not a person met, even when the statistical NER tags it as a person. Invented names."""

from __future__ import annotations

import pytest
from helpers import meetings, names

LEAD = "Le président velandais Paul Kessler a séjourné à Paris du 3 au 5 mars. "


@pytest.mark.parametrize(
    ("company_phrase", "company"),
    [
        ("PDG du groupe de BTP Bertin", "Bertin"),
        ("PDG de la compagnie aérienne Lemoine", "Lemoine"),
        ("patron de la banque d'affaires Mercier", "Mercier"),
        ("patron de la société pétrolière Garnier", "Garnier"),
    ],
)
def test_a_company_named_after_its_noun_is_no_participant(extractor, company_phrase, company) -> None:
    text = LEAD + (
        f"Il a enfin accordé une audience à Hugo Marant, {company_phrase}, qui devrait reprendre ses activités "
        "au Velland, à Ilse Dorn, la directrice de l'Agence velandaise de développement (AVD), et à Tom Brekke, "
        "patron du Club Nautilus."
    )
    found = [names(m) for m in meetings(extractor, text, published="2025-03-06")]
    assert any("Hugo Marant" in n for n in found)  # the person who runs it is met
    assert not any(company in n for n in found)


def test_a_name_after_an_honorific_is_a_person_even_after_a_company_noun(extractor) -> None:
    # "M." is capitalised: the company phrase ends before it
    text = "Le président velandais Paul Kessler a reçu le fondateur du groupe, M. Hugo Marant, à Dakar."
    assert [names(m) for m in meetings(extractor, text)] == [["Hugo Marant", "Paul Kessler"]]
