"""``diplomacy_paragraphs``: line breaks start sentences, runaway sentences are cut."""

from __future__ import annotations

import spacy
from spacy.attrs import SENT_START

SENTENCE = "le ministre marocain a reçu son homologue espagnol à Rabat pour un entretien"


def _nlp(max_sentence_tokens: int = 250):
    nlp = spacy.blank("fr")
    nlp.add_pipe("diplomacy_paragraphs", config={"max_sentence_tokens": max_sentence_tokens})
    return nlp


def _starts(doc) -> list[int]:
    return [i for i, value in enumerate(doc.to_array([SENT_START])) if int(value) == 1]


def test_a_line_break_starts_a_sentence():
    doc = _nlp()("Rabat, 3 mai\nLe ministre a reçu son homologue.")
    assert [doc[i].text for i in _starts(doc)] == ["Rabat", "Le"]


def test_an_unpunctuated_text_is_cut_before_each_window_ends():
    # regression: a 36,000-word PDF dump was one sentence, and the meeting step is quadratic in a sentence
    text = " ".join(f"{SENTENCE} Ensuite" if i % 3 == 2 else SENTENCE for i in range(100))
    doc = _nlp(max_sentence_tokens=50)(text)
    starts = _starts(doc) + [len(doc)]
    assert max(b - a for a, b in zip(starts, starts[1:])) <= 50
    # the cut goes before a capitalised word after a lower-case one, where a sentence likely starts
    assert all(doc[i].text in ("Ensuite", "Rabat") for i in starts[1:-1])


def test_punctuated_text_is_not_cut():
    text = " ".join(f"{SENTENCE.capitalize()}." for _ in range(40))
    doc = _nlp(max_sentence_tokens=50)(text)
    assert _starts(doc) in ([], [0])  # left to the parser


def test_a_stretch_without_any_capital_is_cut_at_the_window():
    doc = _nlp(max_sentence_tokens=40)(" ".join(["mot"] * 100))
    assert _starts(doc) == [0, 40, 80]


def _not_starts(doc) -> list[str]:
    return [t.text for t in doc if t.is_sent_start is False]


def test_no_sentence_starts_between_two_words_without_punctuation():
    doc = _nlp()("Le ministre Jean-Yves Le Bihan a parlé. Déclaration du ministre Nikos Pappas lors de sa visite.")
    blocked = _not_starts(doc)
    assert "Le" in blocked  # "Jean-Yves Le Bihan": one name
    assert "lors" in blocked  # "Nikos Pappas lors de": the clause goes on
    assert "Déclaration" not in blocked  # after a full stop, the parser decides


def test_no_sentence_starts_after_a_hyphenated_adjective():
    doc = _nlp()("Le nouveau président sud-coréen Kim Dae-ho a parlé.")
    assert "Kim" in _not_starts(doc)  # "sud-coréen Kim": a lower-case hyphenated word, then the name


def test_an_abbreviation_full_stop_does_not_end_the_sentence():
    doc = _nlp()("La séance était présidée par S. Exc. M. Karl Wendt et par le Dr. Omar Sall.")
    assert "M." in _not_starts(doc)


def test_no_sentence_starts_with_a_lower_case_word_after_a_full_stop():
    doc = _nlp()("Le ministre a reçu le chargé d'affaires a.i. de l'ambassade du Chili. Il a ensuite parlé.")
    assert "de" in _not_starts(doc)
    assert "Il" not in _not_starts(doc)


def test_no_sentence_starts_in_lower_case_after_a_semicolon():
    doc = _nlp()("Il a eu des entretiens séparés avec le Premier ministre, Ivo Kralj ; le président, Ana Vukic; et le chef du Parlement.")
    after = [doc[t.i + 1] for t in doc if t.text == ";"]
    assert [t.text for t in after] == ["le", "et"]
    assert all(t.is_sent_start is False for t in after)


def test_a_capitalised_word_after_a_semicolon_is_left_to_the_parser():
    doc = _nlp()("Le ministre a reçu Ivo Kralj ; Ana Vukic a reçu le chef du Parlement.")
    assert next(t for t in doc if t.text == "Ana").is_sent_start is not False


def test_a_list_cut_by_semicolons_gives_one_meeting_per_partner(extractor):
    text = ("Le Premier ministre slovène Marko Zupan a eu des entretiens séparés avec le Premier ministre croate, Ivo Kralj ; "
            "le président croate, Ana Vukic; et le président du Parlement croate.")
    found = extractor.extract_meetings(text, published="2025-03-12")
    assert sorted(sorted(p.name or p.role for p in m.participants) for m in found) == [
        ["Ana Vukic", "Marko Zupan"], ["Ivo Kralj", "Marko Zupan"], ["Marko Zupan", "président du Parlement"],
    ]
