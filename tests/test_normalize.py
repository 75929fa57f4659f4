"""Normalisation keeps a map back to the caller's text."""

from __future__ import annotations

import pytest

from diplomacy_ner.normalize import normalize_text


def _check_all_words(original: str, words: list[str]) -> None:
    norm, omap = normalize_text(original)
    for word in words:
        i = norm.index(word)
        s, e = omap.span(i, i + len(word))
        assert normalize_text(original[s:e])[0].replace("\n", " ") == word


def test_mid_sentence_line_break_becomes_space() -> None:
    text = "L'échange avec\nIvica Dačić a permis de réaffirmer"
    norm, omap = normalize_text(text)
    assert norm == "L'échange avec Ivica Dačić a permis de réaffirmer"
    assert len(norm) == len(text)
    assert omap.span(15, 26) == (15, 26)


def test_headline_and_kicker_lines_before_a_capital_are_kept_apart() -> None:
    # no line of this text runs on into a lower-case word: each line is a headline or a paragraph
    text = "Monde\nKarim Tazi reçoit à Rabat son homologue finlandais Mikko Laine\nLe ministre des Affaires étrangères a reçu mardi son homologue."
    norm, _ = normalize_text(text)
    assert norm == text


def test_a_hard_wrapped_text_joins_its_lines_even_before_a_capital() -> None:
    text = "Le ministre a reçu mardi\nà Rabat son homologue\nMikko Laine, venu de Helsinki."
    norm, _ = normalize_text(text)
    assert norm == "Le ministre a reçu mardi à Rabat son homologue Mikko Laine, venu de Helsinki."


def test_a_line_ending_in_a_function_word_runs_on_into_a_capital() -> None:
    text = "Le ministre a reçu son homologue à\nRabat mardi."
    norm, _ = normalize_text(text)
    assert norm == "Le ministre a reçu son homologue à Rabat mardi."


def test_paragraph_break_and_heading_lines_are_kept() -> None:
    text = "LE MATIN\n26 Novembre 2025\nÀ 09:15\n\nLe ministre a reçu."
    norm, _ = normalize_text(text)
    assert norm.startswith("LE MATIN\n26 Novembre 2025")
    assert "\n\nLe ministre" in norm


def test_line_break_after_sentence_end_is_kept() -> None:
    norm, _ = normalize_text("Il a reçu son homologue.\nLes deux ministres ont parlé.")
    assert "homologue.\nLes" in norm


def test_typographic_apostrophes_and_spaces() -> None:
    text = "l\u2019Intérieur\u00a0: la coopération\u202fsécuritaire"
    norm, omap = normalize_text(text)
    assert norm == "l'Intérieur : la coopération sécuritaire"
    assert omap.span(0, 11) == (0, 11)


def test_decomposed_accents_are_composed_and_mapped_back() -> None:
    text = "M. Dac\u030cic\u0301 a reçu"
    norm, omap = normalize_text(text)
    assert norm == "M. Dačić a reçu"
    s, e = omap.span(3, 8)
    assert text[s:e] == "Dac\u030cic\u0301"


def test_zero_width_and_bidi_marks_are_removed() -> None:
    text = "Nas\u200bser Bou\u200frita\ufeff"
    norm, omap = normalize_text(text)
    assert norm == "Nasser Bourita"
    s, e = omap.span(0, 6)
    assert text[s:e] == "Nas\u200bser"
    s, e = omap.span(7, 14)
    assert text[s:e].replace("\u200f", "") == "Bourita"


def test_html_tags_and_entities() -> None:
    text = "<p>Le ministre a <b>reçu</b> M. X &amp; M. Y</p>"
    norm, omap = normalize_text(text)
    assert "<" not in norm and "&amp;" not in norm
    i = norm.index("reçu")
    s, e = omap.span(i, i + 4)
    assert text[s:e] == "reçu"
    j = norm.index("&")
    assert text[slice(*omap.span(j, j + 1))] == "&amp;"


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "abc", "\u200b\u200b"])
def test_edge_cases_have_valid_maps(text: str) -> None:
    norm, omap = normalize_text(text)
    s, e = omap.span(0, len(norm))
    assert 0 <= s <= e <= len(text)


def test_control_characters_become_spaces() -> None:
    norm, _ = normalize_text("Rabat\x07 accueille\x00 les ministres")
    assert "\x07" not in norm and "\x00" not in norm


def test_blank_line_in_mid_sentence_is_joined() -> None:
    """Regression (seed 003): a PDF page break between 'afin de mieux' and 'prévoir'."""
    text = "afin de mieux\n\nprévoir les menaces. Fin.\n\nNouveau paragraphe"
    norm, omap = normalize_text(text)
    assert norm == "afin de mieux prévoir les menaces. Fin.\n\nNouveau paragraphe"
    i = norm.index("prévoir")
    assert text[slice(*omap.span(i, i + 7))] == "prévoir"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l`Etat et l\u2019Union", "l'Etat et l'Union"),  # a grave accent between letters, with typographic ones
        ("la touche ` seule, 2`3", "la touche ` seule, 2`3"),  # not between two letters: kept
        ("le plan de l\u2032Union", "le plan de l'Union"),
    ],
)
def test_apostrophes_typed_as_grave_accents_or_primes(text: str, expected: str) -> None:
    norm, omap = normalize_text(text)
    assert norm == expected
    assert omap.span(0, len(norm)) == (0, len(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("il a reçu, \t\n \n\tle ministre", "il a reçu, le ministre"),  # spaces and tabs around the break
        ("la délégation\n\n\nvisite", "la délégation\n\n\nvisite"),  # two blank lines: a real paragraph break
        ("Fin du texte\n\nla suite", "Fin du texte la suite"),
        ("Fin.\n\nla suite", "Fin.\n\nla suite"),  # after a full stop: kept
    ],
)
def test_blank_line_between_lower_case_words_is_joined_with_its_spaces(text: str, expected: str) -> None:
    norm, omap = normalize_text(text)
    assert norm == expected
    i = norm.rindex(expected.split()[-1])
    assert text[slice(*omap.span(i, len(norm)))] == expected.split()[-1]
