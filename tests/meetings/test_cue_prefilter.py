"""The RE2 prefilter of the shipped cue lists: it may let a text through, never keep a match out."""

from __future__ import annotations

import re

import pytest

from diplomacy_ner.meetings.lexicon import MeetingLexicon, _Cues, relaxed_for_re2

# invented sentences in the styles the cues are written for, and some that match none
SENTENCES = [
    "Le ministre Paul Ardent se rendra à Vilnius la semaine prochaine.",
    "La rencontre, prévue mardi, a été annulée à la dernière minute.",
    "Les deux hommes s'étaient déjà rencontrés en 2019 à Genève.",
    "Il s'est entretenu par visioconférence avec son homologue létonne.",
    "En présence du Premier ministre, la ministre a reçu successivement les ambassadeurs.",
    "Selon un communiqué, l'entretien a porté sur la coopération économique.",
    "Ces derniers ont également évoqué la situation au Sahel.",
    "L'ÉMISSAIRE A ÉTÉ REÇU SÉPARÉMENT PAR LE PRÉSIDENT ET LE CHEF DU GOUVERNEMENT.",
    "Mme Ilse Marvik a coprésidé avec M. Hugo Brant la 5e session de la commission mixte.",
    "Le match s'est terminé par un nul, deux buts partout.",
    "Aucun mot de ces listes ici : pommes, poires et scoubidous.",
    "",
]


@pytest.mark.parametrize("name", sorted(MeetingLexicon.default().compiled))
def test_the_prefilter_lets_through_every_text_the_cue_matches(name: str) -> None:
    cues = MeetingLexicon.default().compiled[name]
    assert cues.prefilter is not None  # every shipped cue list has one
    texts = SENTENCES + [s.lower() for s in SENTENCES] + [s.upper() for s in SENTENCES]
    for text in texts:
        if cues.shipped.search(text) is not None:
            assert cues.prefilter.occurs(text), (name, text)


def test_search_and_finditer_give_what_python_re_gives() -> None:
    shipped = re.compile(r"\b(?:rencontr\w+|entretien)\b", re.IGNORECASE)
    cues = _Cues(shipped, [])
    for text in SENTENCES:
        expected = shipped.search(text)
        found = cues.search(text)
        assert (found is None) == (expected is None)
        if expected is not None:
            assert found.span() == expected.span()
        assert [m.span() for m in cues.finditer(text)] == [m.span() for m in shipped.finditer(text)]
    # "rencontrés" ends in an accented letter: Python's \w takes it, and so must the prefilter's
    assert cues.search("ils se sont rencontrés").group() == "rencontrés"
    assert cues.search("une coopération") is None


@pytest.mark.parametrize(
    ("pattern", "relaxed"),
    [
        (r"\bvisite\b", "visite"),
        (r"\w+ée", r"[\p{L}\p{N}_]+ée"),
        (r"[\w-]+", r"[\p{L}\p{N}_-]+"),
        (r"\W\d\s", r"[^\p{L}\p{N}_][\p{Nd}][\s\x{1c}-\x{1f}\x{85}\p{Z}]"),
        (r"[^,.;]{1,60}", r"[^,.;]{1,60}"),
        (r"a\.b\(c", r"a\.b\(c"),
        (r"de la$", "de la"),  # Python's "$" also matches before a final newline: dropped
        (r"[$a]b\$", r"[$a]b\$"),  # a "$" in a class or escaped is a character
    ],
)
def test_patterns_are_relaxed_for_re2(pattern: str, relaxed: str) -> None:
    assert relaxed_for_re2(pattern) == relaxed


@pytest.mark.parametrize("pattern", [r"(?<=a)b", r"a(?!b)", r"(a)\1", r"(?P<x>a)(?P=x)", r"\Bend", r"[^\W]"])
def test_patterns_re2_cannot_run_get_no_prefilter(pattern: str) -> None:
    assert relaxed_for_re2(pattern) is None
    cues = _Cues(re.compile(pattern), [])
    assert cues.prefilter is None


def test_a_pattern_ending_the_text_lets_a_final_newline_through() -> None:
    shipped = re.compile(r"\bdans le cadre de$", re.IGNORECASE)
    cues = _Cues(shipped, [])
    assert shipped.search("dans le cadre de\n") is not None  # Python's "$" before a final newline
    assert cues.search("dans le cadre de\n") is not None
    assert cues.search("dans le cadre de la visite") is None
