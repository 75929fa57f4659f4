"""Property tests: generated French diplomatic news, mixed with random Unicode (issue 6).

Texts are built from the pieces diplomatic news is made of (titles, names,
encounter verbs, dates, places, counterparts) and from whatever Hypothesis
draws (any Unicode but surrogates, HTML, control and invisible characters,
emoji), mixed in any order. For each text the full pipeline must not raise,
every offset must slice the caller's text to the mention, every meeting must
have two distinct participants and survive a JSON round trip, and the same
input must give the same output.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from diplomacy_ner import Extractor, Meeting
from diplomacy_ner.api import split_long_text
from diplomacy_ner.normalize import normalize_text

# -- fragments of French diplomatic news ------------------------------------------------------------

TITLES = [
    "Le ministre marocain des Affaires étrangères",
    "La ministre française de l'Europe et des Affaires étrangères",
    "Le chef de la diplomatie algérienne",
    "Le président sénégalais",
    "Le Premier ministre espagnol",
    "le secrétaire général de l'ONU",
    "La présidente de la Commission européenne",
    "L'ambassadeur de France au Maroc",
    "le ministre de l'Intérieur",
    "Le roi",
    "Le vice-président de la République",
    "la haute représentante de l'Union européenne",
    "M.",
    "Mme",
    "S.E.",
]
NAMES = [
    "Nasser Bourita",
    "José Manuel Albares",
    "Antonio Guterres",
    "Emmanuel Macron",
    "Ivica Dačić",
    "Ivica Dac\u030cic\u0301",
    "Ursula von der Leyen",
    "Abdelouafi Laftit",
    "Moussa Faki Mahamat",
    "Ahmed Ould Kantar",
    "Bourita",
    "Albares",
    "Mohammed VI",
    "Aminata Touré",
    "Jean-Noël Barrot",
]
VERBS = [
    "a reçu",
    "s'est entretenu avec",
    "s'est entretenue avec",
    "a rencontré",
    "a eu un entretien téléphonique avec",
    "s'est réuni avec",
    "a accueilli",
    "recevra",
    "devait rencontrer",
    "a annulé sa visite chez",
    "a coprésidé avec",
    "a été reçu par",
    "a échangé par visioconférence avec",
]
DATES = [
    "lundi",
    "hier",
    "le 22 avril 2024",
    "mardi dernier",
    "ce jeudi",
    "le 3 mars",
    "la semaine prochaine",
]
PLACES = [
    "à Rabat",
    "à Paris",
    "à Madrid",
    "au siège de l'ONU à New York",
    "à Addis-Abeba",
    "en marge du sommet de l'Union africaine",
    "au palais de l'Élysée",
]
COUNTERPARTS = [
    "son homologue espagnol",
    "son homologue",
    "le président",
    "la délégation",
    "l'envoyé spécial",
    "ses homologues espagnol et portugais",
]
FOLLOW_UPS = [
    "Les deux ministres ont évoqué la coopération migratoire.",
    "Les entretiens ont porté sur la sécurité au Sahel et le commerce.",
    "M. Bourita a salué « la qualité des relations bilatérales ».",
    "Un accord de pêche a été signé à l'issue de la rencontre.",
    "La rencontre a été annulée à la dernière minute.",
]
NOISE = [
    "<p>",
    "</p>",
    "<b>",
    "&amp;",
    "&nbsp;",
    "&rsquo;",
    "<!-- pub -->",
    "\u200b",
    "\u200f",
    "\u202e",
    "\ufeff",
    "\u00ad",
    "\x00",
    "\x1b[0m",
    "\r\n",
    "\u2028",
    "🇲🇦",
    "👍🏽",
    "\u0301",
    "« ",
    " »",
    "…",
    "—",
    "ناصر بوريطة",
    "Foreign Minister",
]
SEPARATORS = [" ", ", ", ". ", "\n", "\n\n", " ; ", " et ", ""]


def optional(values: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(st.just(""), st.sampled_from(values))


@st.composite
def meeting_sentence(draw: st.DrawFn) -> str:
    """A sentence reporting an encounter, in one of the shapes French news uses."""
    title, name = draw(st.sampled_from(TITLES)), draw(st.sampled_from(NAMES))
    verb = draw(st.sampled_from(VERBS))
    date, place = draw(optional(DATES)), draw(optional(PLACES))
    counterpart, other = draw(optional(COUNTERPARTS)), draw(st.sampled_from(NAMES))
    subject = draw(st.sampled_from([f"{title}, {name},", f"{title} {name}", name]))
    obj = f"{counterpart}, {other}" if counterpart else other
    parts = [subject, verb, date, place, obj] if draw(st.booleans()) else [subject, verb, obj, date, place]
    return " ".join(p for p in parts if p) + draw(st.sampled_from([".", "", " !", "..."]))


fragment = st.one_of(
    meeting_sentence(),
    meeting_sentence(),  # twice: about half the articles report a meeting
    st.sampled_from(FOLLOW_UPS),
    st.sampled_from(TITLES + NAMES + VERBS + DATES + PLACES + COUNTERPARTS),
    st.sampled_from(NOISE),
    st.text(max_size=40),
)


@st.composite
def article(draw: st.DrawFn) -> str:
    """Fragments and random Unicode joined by spaces, punctuation and line breaks."""
    pieces = draw(st.lists(fragment, max_size=8))
    out = []
    for piece in pieces:
        out.append(piece)
        out.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(out)


published = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)))


def offset_dicts(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        if {"start", "end", "text"} <= value.keys():
            yield value
        for item in value.values():
            yield from offset_dicts(item)
    elif isinstance(value, list):
        for item in value:
            yield from offset_dicts(item)


def participant_key(participant: Any) -> Any:
    return participant.id or (participant.name, participant.role, participant.country)


# -- the full pipeline ----------------------------------------------------------------------------------


@pytest.mark.slow
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=article(), day=published)
def test_generated_articles_keep_every_promise(extractor: Extractor, text: str, day: dt.date | None) -> None:
    analysis = extractor.analyze(text, published=day)
    dump = analysis.model_dump()
    event(f"meetings found: {min(len(analysis.meetings), 3)}")

    assert analysis.text == text and analysis.published == day
    for m in offset_dicts(dump):
        assert 0 <= m["start"] <= m["end"] <= len(text)
        assert text[m["start"] : m["end"]] == m["text"]
    for entity in analysis.entities:
        assert entity.mentions, entity
    for meeting in analysis.meetings:
        assert len({participant_key(p) for p in meeting.participants}) >= 2, meeting
        assert Meeting.model_validate_json(meeting.model_dump_json()) == meeting
        assert 0.0 <= meeting.confidence <= 1.0
    assert extractor.analyze(text, published=day).model_dump() == dump
    held = extractor.extract_meetings(text, published=day)
    assert [m.model_dump() for m in held] == [m for m in dump["meetings"] if m["status"] == "held"]


# -- the pure parts: thousands of cases in a second ---------------------------------------------------------

noisy_text = st.one_of(
    st.text(max_size=60),
    st.lists(
        st.sampled_from(NOISE + list("aé e\n.<>&;#x1") + ["<br>", "&#13;", "&#8203;", "M.\n"]), max_size=30
    ).map("".join),
    # surrogates, controls, format characters and combining marks among letters
    st.lists(
        st.one_of(
            st.sampled_from(NOISE + ["e", " "]),
            st.characters(categories=["Cs", "Cc", "Cf", "Mn", "Zl", "Zp"]),
        ),
        max_size=20,
    ).map("".join),
)


@settings(max_examples=2000, deadline=None)
@given(noisy_text)
def test_offset_map_is_monotonic_and_inside_the_original(text: str) -> None:
    norm, omap = normalize_text(text)
    norm.encode("utf-8")  # no lone surrogate reaches spaCy
    starts = [omap.start(i) for i in range(len(norm))]
    ends = [omap.end(i) for i in range(len(norm) + 1)]
    assert starts == sorted(starts) and ends == sorted(ends)
    for i in range(len(norm) + 1):
        for j in range(i, min(len(norm), i + 6) + 1):
            start, end = omap.span(i, j)
            assert 0 <= start <= end <= len(text)


chunk_pieces = st.sampled_from(["a", "b", "ab", " ", ".", "\n", "\n\n", ". ", "e\u0301", "\u0301"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(chunk_pieces, max_size=200).map("".join), st.integers(1, 60))
def test_split_long_text_covers_the_text_in_bounded_chunks(text: str, size: int) -> None:
    chunks = split_long_text(text, size)
    assert "".join(chunk for _, chunk in chunks) == text
    position = 0
    for offset, chunk in chunks:
        assert offset == position and 0 < len(chunk) <= size
        position += len(chunk)
