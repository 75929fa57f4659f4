"""Robustness: hostile, huge and malformed input, and user files that are wrong (issue 6).

Every test asserts what the caller gets back: the exception type and the value
or type its message names, one record per batch item in input order, offsets
that slice the caller's text (``text[start:end] == mention``), identical output
for identical input.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from diplomacy_ner import Analysis, Extractor, KnowledgeBaseError, analyze, extract_meetings
from diplomacy_ner.api import merge_analyses, parse_published, split_long_text
from diplomacy_ner.batch import run_components
from diplomacy_ner.kb.loader import load_jsonl, load_many
from diplomacy_ner.meetings.topics import read_topic_cues
from diplomacy_ner.normalize import normalize_text
from diplomacy_ner.schema import Entity, Meeting, Mention, Participant

# -- fixtures: French news of our own -------------------------------------------------------------

MEETING = (
    "Le ministre marocain des Affaires étrangères, Nasser Bourita, a reçu lundi à Rabat "
    "son homologue espagnol, José Manuel Albares."
)
FOLLOW_UP = "Les deux ministres ont évoqué la coopération migratoire et la situation au Sahel."
FILLER = (
    "Par ailleurs, l'indice de la Bourse de Casablanca a progressé de deux pour cent jeudi, "
    "selon les chiffres publiés par l'autorité des marchés. Les analystes restent prudents."
)
ARABIC = "استقبل وزير الشؤون الخارجية المغربي ناصر بوريطة نظيره الإسباني خوسيه مانويل ألباريس في الرباط."
ENGLISH = "Moroccan Foreign Minister Nasser Bourita met his Spanish counterpart José Manuel Albares in Rabat."
PUBLISHED = "2024-04-22"


def offset_dicts(value: Any) -> Iterator[dict[str, Any]]:
    """Every dict of a ``model_dump()`` that carries start/end/text (mentions, evidence, dates...)."""
    if isinstance(value, dict):
        if {"start", "end", "text"} <= value.keys():
            yield value
        for item in value.values():
            yield from offset_dicts(item)
    elif isinstance(value, list):
        for item in value:
            yield from offset_dicts(item)


def assert_offsets_valid(text: str, analysis: Analysis) -> int:
    """Every offset of ``analysis`` slices ``text`` to the mention's text; returns how many were checked."""
    assert analysis.text == text
    found = list(offset_dicts(analysis.model_dump()))
    for m in found:
        assert 0 <= m["start"] <= m["end"] <= len(text), m
        assert text[m["start"] : m["end"]] == m["text"], m
    return len(found)


def participant_names(meeting: Meeting) -> set[str]:
    return {p.name for p in meeting.participants if p.name}


def bourita_albares(analysis: Analysis) -> list[Meeting]:
    return [m for m in analysis.meetings if {"Nasser Bourita", "José Manuel Albares"} <= participant_names(m)]


# -- types -----------------------------------------------------------------------------------------

NOT_TEXT = [None, b"Le ministre a recu", bytearray(b"x"), 42, 3.5, ["texte"], {"text": "x"}, ("a",)]


@pytest.mark.parametrize("bad", NOT_TEXT, ids=lambda v: type(v).__name__)
@pytest.mark.parametrize("call", [analyze, extract_meetings], ids=["analyze", "extract_meetings"])
def test_text_that_is_not_a_str_raises_type_error_naming_str(call: Any, bad: object) -> None:
    with pytest.raises(TypeError, match=r"\[D001\].* str, got " + type(bad).__name__):
        call(bad)


@pytest.mark.slow
@pytest.mark.parametrize("bad", NOT_TEXT, ids=lambda v: type(v).__name__)
def test_extractor_methods_raise_type_error_for_non_str(extractor: Extractor, bad: object) -> None:
    for call in (extractor.analyze, extractor.extract_meetings):
        with pytest.raises(TypeError, match=r"as a str, got " + type(bad).__name__):
            call(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("  \n", None),
        (dt.date(2024, 4, 22), dt.date(2024, 4, 22)),
        (dt.datetime(2024, 4, 22, 23, 30), dt.date(2024, 4, 22)),
        (dt.datetime(2024, 4, 22, 1, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))), dt.date(2024, 4, 22)),
        ("2024-04-22", dt.date(2024, 4, 22)),
        (" 2024-04-22 ", dt.date(2024, 4, 22)),
        ("2024-04-22T10:15:00", dt.date(2024, 4, 22)),
        ("2024-04-22T10:15:00Z", dt.date(2024, 4, 22)),
        ("2024-04-22 10:15:00+02:00", dt.date(2024, 4, 22)),
    ],
)
def test_published_accepts_dates_datetimes_iso_strings_and_blank(value: object, expected: object) -> None:
    assert parse_published(value) == expected


NOT_DATES: list[object] = [
    0,
    20240422,
    3.5,
    True,
    "lundi",
    "hier",
    "22/04/2024",
    "2024-13-01",
    "2024-02-30",
    "2024-04-22garbage",
    "2024-04-22T25:00",
    "20240422",  # the basic ISO form: refused, a mistyped number is never a date
    "2024-W17-1",
    [2024, 4, 22],
    {"year": 2024},
    b"2024-04-22",
    (2024, 4, 22),
]


@pytest.mark.parametrize("value", NOT_DATES, ids=repr)
def test_published_that_is_not_a_date_raises_value_error_naming_the_value(value: object) -> None:
    with pytest.raises(ValueError, match=r"\[D002\]") as info:
        parse_published(value)
    assert repr(value) in str(info.value)


def test_published_error_message_stays_short_for_a_huge_value() -> None:
    with pytest.raises(ValueError, match=r"\[D002\] Could not read `published` value 'xxxx") as info:
        parse_published("x" * 1_000_000)
    assert len(str(info.value)) < 400


@pytest.mark.slow
@pytest.mark.parametrize("value", [0, "lundi", [2024, 4, 22], b"2024-04-22"], ids=repr)
def test_analyze_with_bad_published_raises_value_error(extractor: Extractor, value: object) -> None:
    with pytest.raises(ValueError, match=r"\[D002\]") as info:
        extractor.analyze(MEETING, published=value)  # type: ignore[arg-type]
    assert repr(value) in str(info.value)
    with pytest.raises(ValueError, match=r"\[D002\]"):
        extractor.extract_meetings(MEETING, published=value)  # type: ignore[arg-type]


@pytest.mark.slow
@pytest.mark.parametrize("text", ["", " ", "\n\n\t  \n", "\u00a0\u2003", "\u200b\u200b", "\ufeff", "\r\n"])
def test_empty_or_blank_text_gives_no_meetings_and_no_error(extractor: Extractor, text: str) -> None:
    analysis = extractor.analyze(text, published=PUBLISHED)
    assert analysis.text == text
    assert analysis.meetings == []
    assert analysis.published == dt.date(2024, 4, 22)
    assert extractor.extract_meetings(text) == []
    assert_offsets_valid(text, analysis)


# -- size: paragraph-aligned chunks -------------------------------------------------------------------


def test_split_long_text_covers_the_text_and_cuts_at_paragraphs() -> None:
    paragraphs = [MEETING, FILLER, FOLLOW_UP, FILLER, MEETING]
    text = "\n\n".join(paragraphs)
    chunks = split_long_text(text, 300)
    assert "".join(chunk for _, chunk in chunks) == text
    assert all(len(chunk) <= 300 for _, chunk in chunks)
    for offset, chunk in chunks:
        assert text[offset : offset + len(chunk)] == chunk
    # every cut but the last falls right after a paragraph break
    assert all(chunk.endswith("\n\n") for _, chunk in chunks[:-1])


def test_split_long_text_hard_cut_keeps_combining_marks_with_their_letter() -> None:
    text = "e\u0301" * 100  # no separator at all: a hard cut
    chunks = split_long_text(text, 25)
    assert "".join(chunk for _, chunk in chunks) == text
    assert all(not chunk.startswith("\u0301") for _, chunk in chunks)


@pytest.mark.parametrize("bad", [0, -5, 2.5, True, None])
def test_split_long_text_rejects_a_chunk_size_that_is_not_positive(bad: object) -> None:
    with pytest.raises(ValueError, match="positive integer"):
        split_long_text("abc", bad)  # type: ignore[arg-type]


def _mention(text: str, start: int, end: int) -> Mention:
    return Mention(start=start, end=end, text=text[start:end])


def test_merge_analyses_shifts_offsets_merges_ids_and_reports_a_repeated_meeting_once() -> None:
    chunk = "Ahmed Kantar a reçu Bakary Sido.\n\n"
    text = chunk * 2
    offset = len(chunk)

    def part() -> Analysis:
        people = [
            Entity(
                id="doc-person:ahmed-kantar",
                type="person",
                name="Ahmed Kantar",
                mentions=[_mention(chunk, 0, 12)],
            ),
            Entity(
                id="doc-person:bakary-sido",
                type="person",
                name="Bakary Sido",
                mentions=[_mention(chunk, 20, 31)],
            ),
        ]
        meeting = Meeting(
            participants=[Participant(name=e.name, id=e.id, mentions=list(e.mentions)) for e in people],
            evidence=[_mention(chunk, 0, 32)],
            confidence=0.5,
        )
        return Analysis(text=chunk, entities=people, meetings=[meeting])

    merged = merge_analyses(text, None, [(0, part()), (offset, part())])
    assert [e.id for e in merged.entities] == ["doc-person:ahmed-kantar", "doc-person:bakary-sido"]
    assert [(m.start, m.end) for m in merged.entities[0].mentions] == [(0, 12), (offset, offset + 12)]
    assert len(merged.meetings) == 1
    assert [(e.start, e.end) for e in merged.meetings[0].evidence] == [(0, 32), (offset, offset + 32)]
    assert assert_offsets_valid(text, merged) > 0


def test_merge_analyses_gives_a_surname_the_id_of_the_full_name_from_another_chunk() -> None:
    first = "Ahmed Kantar a parlé.\n\n"
    second = "M. Kantar est reparti."
    text = first + second
    full = Entity(
        id="doc-person:ahmed-kantar", type="person", name="Ahmed Kantar", mentions=[_mention(first, 0, 12)]
    )
    short = Entity(id="doc-person:kantar", type="person", name="Kantar", mentions=[_mention(second, 3, 9)])
    merged = merge_analyses(
        text,
        None,
        [(0, Analysis(text=first, entities=[full])), (len(first), Analysis(text=second, entities=[short]))],
    )
    assert [e.id for e in merged.entities] == ["doc-person:ahmed-kantar"]
    assert [m.text for m in merged.entities[0].mentions] == ["Ahmed Kantar", "Kantar"]
    assert "Kantar" in merged.entities[0].aliases
    assert_offsets_valid(text, merged)


@pytest.mark.slow
def test_chunked_analysis_matches_the_whole_text_for_paragraph_local_meetings(extractor: Extractor) -> None:
    text = "\n\n".join([MEETING + " " + FOLLOW_UP, FILLER, FILLER, FILLER, MEETING, FILLER])
    small = Extractor(pipeline=extractor.nlp, max_chunk_chars=400)
    assert len(split_long_text(text, 400)) >= 3
    whole = extractor.analyze(text, published=PUBLISHED)
    chunked = small.analyze(text, published=PUBLISHED)
    assert_offsets_valid(text, chunked)

    def meetings(a: Analysis) -> list[tuple[Any, ...]]:
        return [
            (sorted(participant_names(m)), m.date, m.location.name if m.location else None, m.status)
            for m in a.meetings
        ]

    assert meetings(chunked) == meetings(whole)
    assert len(bourita_albares(chunked)) == 1
    # entity ids are unique after the merge, and every mention of the whole text is kept
    ids = [e.id for e in chunked.entities]
    assert len(ids) == len(set(ids))
    mentions = {e.id: sorted((m.start, m.end) for m in e.mentions) for e in chunked.entities}
    for entity in whole.entities:
        if entity.type == "person":
            assert mentions[entity.id] == sorted((m.start, m.end) for m in entity.mentions)


@pytest.mark.slow
def test_long_text_in_a_batch_is_analysed_in_chunks(extractor: Extractor) -> None:
    small = Extractor(pipeline=extractor.nlp, max_chunk_chars=300)
    long_text = "\n\n".join([MEETING, FILLER, FILLER, MEETING])
    records = list(small.pipe([MEETING, long_text, "court"], published=PUBLISHED))
    assert [r.index for r in records] == [0, 1, 2]
    assert all(r.ok and r.analysis is not None for r in records)
    analysis = records[1].analysis
    assert analysis is not None and analysis.text == long_text
    assert len(bourita_albares(analysis)) == 1
    assert_offsets_valid(long_text, analysis)


def five_megabytes() -> str:
    paragraphs = [
        MEETING + " " + FOLLOW_UP,
        FILLER,
        "Le Premier ministre espagnol, Pedro Sánchez, s'est entretenu mardi avec le roi du Maroc "
        "lors d'une visite de travail consacrée aux échanges commerciaux.",
        FILLER.replace("jeudi", "vendredi"),
        "La délégation a ensuite visité le port de Tanger Med, où plusieurs accords industriels ont "
        "été présentés aux investisseurs des deux rives de la Méditerranée.",
    ]
    block = "\n\n".join(paragraphs) + "\n\n"
    return block * (5_000_000 // len(block) + 1)


@pytest.mark.slow
def test_five_megabyte_text_is_processed_in_chunks_with_offsets_into_the_whole_text(
    extractor: Extractor,
) -> None:
    text = five_megabytes()
    assert len(text) >= 5_000_000 > extractor.max_chunk_chars
    analysis = extractor.analyze(text, published=PUBLISHED)
    assert bourita_albares(analysis), "the meeting sentence repeated through the text is found"
    assert assert_offsets_valid(text, analysis) > 1000
    # mentions far beyond the first chunk point into the whole text
    last = max(m.end for e in analysis.entities for m in e.mentions)
    assert last > len(text) - extractor.max_chunk_chars
    ids = [e.id for e in analysis.entities]
    assert len(ids) == len(set(ids))


# -- content: what scraped articles carry ------------------------------------------------------------

CONTENT_CASES: dict[str, tuple[str, bool]] = {
    # name: (text, the Bourita/Albares meeting must still be found)
    "html_left_in_text": (
        '<div class="article"><p>'
        + MEETING.replace("José Manuel Albares", "<b>José Manuel Albares</b>")
        + "</p>\n<!-- publicité --><script>var x = 1 < 2;</script><p>"
        + FOLLOW_UP
        + " &amp; &rsquo; &#8203; "
        "&#x1F600; &#0; &bogus; &lt;b&gt;</p></div>",
        True,
    ),
    "control_characters": (
        "\x00\x01" + MEETING.replace("lundi", "lundi\x07") + "\x1b[31m " + FOLLOW_UP + "\x7f\x85\x0b\x0c",
        True,
    ),
    "zero_width_and_bidi_marks": (
        "\u202b"
        + MEETING.replace("Nasser", "Nas\u200bser").replace("Rabat", "Ra\u200dbat")
        + "\u202c\u200e\u200f "
        + FOLLOW_UP
        + "\u2066\u2069\u061c\ufeff\u00ad",
        True,
    ),
    "decomposed_accents": (
        "Le ministre serbe des Affaires e\u0301trange\u0300res, Ivica Dac\u030cic\u0301, a rec\u0327u lundi "
        "a\u0300 Belgrade son homologue espagnol, Jose\u0301 Manuel Albares.",
        False,
    ),
    "emoji": ("🇲🇦🤝🇪🇸 " + MEETING + " 👍🏽 " + FOLLOW_UP + " 👨\u200d👩\u200d👧 🏛️", True),
    "arabic_and_english_paragraphs": ("\n\n".join([MEETING, ARABIC, ENGLISH, FOLLOW_UP]), True),
    "no_sentence_punctuation": (
        " ".join(
            ["le ministre marocain Nasser Bourita a reçu son homologue espagnol José Manuel Albares"] * 40
        ),
        False,
    ),
    "line_and_paragraph_separators": (MEETING + "\u2028" + FOLLOW_UP + "\u2029" + FILLER, True),
    "lone_surrogates": ("\udc80" + MEETING + " \ud800 " + FOLLOW_UP, True),
    "unbalanced_brackets_and_quotes": ("« ( [ { " + MEETING + ' " ) » ] ' + "<<<< >>>> " * 20, True),
    "crlf_line_ends": (MEETING.replace(", ", ",\r\n") + "\r\n\r\n" + FOLLOW_UP, True),
    "only_punctuation": ("..... ,,,, !!! ??? ;;; «» — – … " * 50, False),
    "one_letter_words": (" ".join("abcdefghijklmnopqrstuvwxyz") * 100, False),
    "very_long_token": ("x" * 50_000 + " " + MEETING, False),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CONTENT_CASES))
def test_hostile_content_gives_valid_offsets_and_deterministic_output(
    extractor: Extractor, name: str
) -> None:
    text, must_find = CONTENT_CASES[name]
    first = extractor.analyze(text, published=PUBLISHED)
    second = extractor.analyze(text, published=PUBLISHED)
    assert first.model_dump() == second.model_dump()
    assert_offsets_valid(text, first)
    for meeting in first.meetings:
        assert len({p.id or (p.name, p.role, p.country) for p in meeting.participants}) >= 2
    if must_find:
        assert bourita_albares(first), [participant_names(m) for m in first.meetings]


@pytest.mark.slow
def test_decomposed_accents_map_back_to_the_decomposed_original(extractor: Extractor) -> None:
    text, _ = CONTENT_CASES["decomposed_accents"]
    analysis = extractor.analyze(text, published=PUBLISHED)
    texts = {m.text for e in analysis.entities for m in e.mentions}
    assert "Ivica Dac\u030cic\u0301" in texts  # the caller's characters, not the composed "Dačić"


@pytest.mark.slow
def test_zero_width_marks_inside_a_name_stay_in_the_mention(extractor: Extractor) -> None:
    text, _ = CONTENT_CASES["zero_width_and_bidi_marks"]
    analysis = extractor.analyze(text, published=PUBLISHED)
    bourita = [m for e in analysis.entities for m in e.mentions if "Bou" in m.text]
    assert bourita and all(m.text.replace("\u200b", "") == "Nasser Bourita" for m in bourita)


@pytest.mark.slow
def test_ten_thousand_repetitions_of_one_sentence(extractor: Extractor) -> None:
    text = " ".join([MEETING] * 10_000)
    analysis = extractor.analyze(text, published=PUBLISHED)
    assert len(bourita_albares(analysis)) >= 1
    assert assert_offsets_valid(text, analysis) > 10_000


def test_lone_surrogates_are_replaced_for_spacy_and_mapped_one_to_one() -> None:
    text = "a\udc80b \ud800"
    norm, omap = normalize_text(text)
    assert norm == "a\ufffdb \ufffd"
    norm.encode("utf-8")
    assert omap.span(0, 3) == (0, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l&rsquo;Intérieur", "l'Intérieur"),
        ("Nas&#8203;ser", "Nasser"),
        ("a&#13;b", "ab"),
        ("un <!-- pub <b>x</b> --> deux", "un deux"),
        ("Alba<b>res</b>.", "Albares."),
        ("fin.</p><p>Suite", "fin. Suite"),
        ("a <br> b", "a b"),
        ("lundi\x07 à", "lundi à"),
        ("\x00\x01Le", "Le"),
        ("reçu.\x1b[31m Les", "reçu. Les"),
        ("Rabat\u2028Madrid\u2029Paris", "Rabat\nMadrid\nParis"),
        ("\u061cناصر", "ناصر"),
        ("🏛\ufe0f", "🏛"),
        ("a\u1680b", "a b"),
    ],
)
def test_normalisation_of_entities_comments_separators_and_marks(text: str, expected: str) -> None:
    norm, omap = normalize_text(text)
    assert norm == expected
    start, end = omap.span(0, len(norm))
    assert 0 <= start <= end <= len(text)
    assert normalize_text(text[start:end])[0] == norm


# -- concurrency --------------------------------------------------------------------------------------

THREAD_TEXTS = [
    MEETING,
    MEETING + " " + FOLLOW_UP,
    "Le président français Emmanuel Macron s'est entretenu mardi à Paris avec le chancelier allemand "
    "Olaf Scholz.",
    FILLER,
    CONTENT_CASES["emoji"][0],
    "",
]


@pytest.mark.slow
def test_threads_calling_extract_meetings_get_the_sequential_results(extractor: Extractor) -> None:
    expected = [
        [m.model_dump() for m in extractor.extract_meetings(t, published=PUBLISHED)] for t in THREAD_TEXTS
    ]
    assert any(expected), "at least one text has a meeting"
    results: dict[tuple[int, int], list[dict[str, Any]]] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def work(worker: int) -> None:
        try:
            start.wait()
            for round_ in range(3):
                for i, text in enumerate(THREAD_TEXTS):
                    j = (i + worker + round_) % len(THREAD_TEXTS)
                    text = THREAD_TEXTS[j]
                    got = extractor.extract_meetings(text, published=PUBLISHED)
                    results[(worker, round_ * 100 + j)] = [m.model_dump() for m in got]
        except BaseException as err:  # reported below, in the test's thread
            errors.append(err)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    assert not errors
    assert len(results) == 8 * 3 * len(THREAD_TEXTS)
    for (_, key), got in results.items():
        assert got == expected[key % 100]


@pytest.mark.slow
def test_threads_mixing_pipe_and_analyze_get_the_sequential_results(extractor: Extractor) -> None:
    expected = [extractor.analyze(t, published=PUBLISHED).model_dump() for t in THREAD_TEXTS]
    piped: list[list[dict[str, Any]]] = []
    analysed: list[dict[str, Any]] = []

    def run_pipe() -> None:
        for _ in range(3):
            records = extractor.pipe(THREAD_TEXTS, batch_size=2, published=PUBLISHED)
            piped.append([r.analysis.model_dump() for r in records if r.analysis is not None])

    def run_analyze() -> None:
        for _ in range(3):
            analysed.extend(extractor.analyze(t, published=PUBLISHED).model_dump() for t in THREAD_TEXTS)

    threads = [threading.Thread(target=run_pipe), threading.Thread(target=run_analyze)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    assert piped == [expected] * 3
    assert analysed == expected * 3


# -- batches: one record per item, in order, nothing dropped --------------------------------------------

BOOM = "Ce texte fait échouer le composant des rencontres. " + MEETING


@pytest.fixture
def failing_meetings(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> str:
    """Make the meeting component raise for the text containing BOOM (and only for it)."""
    component = type(extractor.nlp.get_pipe("diplomacy_meetings"))
    original = component.__call__

    def call(self: Any, doc: Doc) -> Doc:
        if "fait échouer" in doc.text:
            raise RuntimeError("injected failure")
        return original(self, doc)

    monkeypatch.setattr(component, "__call__", call)
    return "diplomacy_meetings"


def bad_batch() -> list[Any]:
    return [
        MEETING,  # 0 ok
        None,  # 1 not a str
        b"Le ministre a re\xc3\xa7u",  # 2 bytes
        (MEETING, {"published": "lundi"}),  # 3 a tuple is not a str (as_tuples=False)
        42,  # 4 int
        BOOM,  # 5 the component fails
        "",  # 6 empty: ok, no meetings
        FILLER,  # 7 ok
        MEETING + " " + FOLLOW_UP,  # 8 ok
    ]


@pytest.mark.slow
@pytest.mark.parametrize("batch_size", [1, 3, 32])
def test_pipe_yields_one_record_per_item_in_order_with_errors_for_bad_items(
    extractor: Extractor, failing_meetings: str, batch_size: int
) -> None:
    items = bad_batch()
    records = list(extractor.pipe(items, batch_size=batch_size, published=PUBLISHED))
    assert [r.index for r in records] == list(range(len(items)))
    failed = {r.index: r.error for r in records if r.error is not None}
    assert sorted(failed) == [1, 2, 3, 4, 5]
    assert "NoneType" in failed[1] and "str" in failed[1]
    assert "bytes" in failed[2]
    assert "tuple" in failed[3]
    assert "int" in failed[4]
    assert "diplomacy_meetings" in failed[5] and "injected failure" in failed[5]
    assert all(r.analysis is None for r in records if r.error is not None)
    ok = {r.index: r.analysis for r in records if r.ok}
    assert ok[6] is not None and ok[6].meetings == [] and ok[6].text == ""
    for index in (0, 8):
        analysis = ok[index]
        assert analysis is not None and analysis.text == items[index]
        assert bourita_albares(analysis)
        assert_offsets_valid(items[index], analysis)


@pytest.mark.slow
def test_pipe_with_tuples_keeps_contexts_and_reports_bad_published_and_bad_context(
    extractor: Extractor, failing_meetings: str
) -> None:
    contexts: list[Any] = [
        {"id": "a", "published": "2024-04-22"},
        {"id": "b", "published": "lundi"},
        {"id": "c", "published": 20240422},
        {"id": "d", "published": [2024, 4, 22]},
        {"id": 5},
        None,
        "not a dict",
        {"id": "h"},
        {"id": "i", "published": ""},
    ]
    texts: list[Any] = [MEETING, MEETING, MEETING, MEETING, BOOM, MEETING, MEETING, None, MEETING]
    items: list[Any] = list(zip(texts, contexts, strict=True))
    items.append([MEETING, {"id": "list"}])  # not a tuple
    out = list(extractor.pipe(items, as_tuples=True, batch_size=4, published="2024-05-01"))
    assert len(out) == len(items)
    records = [r for r, _ in out]
    assert [r.index for r in records] == list(range(len(items)))
    assert [c for _, c in out][:9] == contexts  # the contexts as given, in order
    assert [r.id for r in records] == ["a", "b", "c", "d", "5", None, None, "h", "i", None]
    assert records[0].analysis is not None and records[0].analysis.published == dt.date(2024, 4, 22)
    for index, value in ((1, "'lundi'"), (2, "20240422"), (3, "[2024, 4, 22]")):
        error = records[index].error
        assert error is not None and "[D002]" in error and value in error
    assert "injected failure" in (records[4].error or "")
    assert records[5].analysis is not None and records[5].analysis.published == dt.date(2024, 5, 1)
    assert "must be a dict" in (records[6].error or "")
    assert "NoneType" in (records[7].error or "")
    assert records[8].analysis is not None and records[8].analysis.published == dt.date(2024, 5, 1)
    assert "[D031]" in (records[9].error or "")


@pytest.mark.slow
def test_pipe_in_worker_processes_reports_the_same_records(
    extractor: Extractor, failing_meetings: str
) -> None:
    items = bad_batch()
    single = [r.model_dump() for r in extractor.pipe(items, batch_size=2, published=PUBLISHED)]
    multi = [r.model_dump() for r in extractor.pipe(items, batch_size=2, n_process=2, published=PUBLISHED)]
    assert multi == single
    assert [r["index"] for r in multi] == list(range(len(items)))


@pytest.mark.slow
def test_a_document_that_kills_its_worker_process_is_the_only_one_reported(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    component = type(extractor.nlp.get_pipe("diplomacy_meetings"))
    original = component.__call__

    def call(self: Any, doc: Doc) -> Doc:
        if "tue le processus" in doc.text:
            os._exit(3)  # what a segfault or the out-of-memory killer does to a worker
        return original(self, doc)

    monkeypatch.setattr(component, "__call__", call)
    texts = [MEETING, FILLER, "Ce texte tue le processus. " + MEETING, MEETING, FILLER, MEETING]
    records = list(extractor.pipe(texts, batch_size=2, n_process=2, published=PUBLISHED))
    assert [r.index for r in records] == list(range(len(texts)))
    assert [r.ok for r in records] == [True, True, False, True, True, True]
    assert "BrokenProcessPool" in (records[2].error or "")
    for record in records:
        if record.analysis is not None and record.analysis.text == MEETING:
            assert bourita_albares(record.analysis)


def test_pipe_arguments_are_checked_when_pipe_is_called() -> None:
    extractor = Extractor(pipeline=spacy.blank("fr"))
    with pytest.raises(ValueError, match=r"\[D032\]"):
        extractor.pipe(["x"], batch_size=0)
    with pytest.raises(ValueError, match=r"\[D033\]"):
        extractor.pipe(["x"], n_process=0)
    with pytest.raises(ValueError, match=r"\[D002\].*'lundi'"):
        extractor.pipe(["x"], published="lundi")


def test_pipe_records_every_item_of_a_generator_that_yields_rubbish() -> None:
    extractor = Extractor(pipeline=spacy.blank("fr"))

    def stream() -> Iterator[Any]:
        yield "un texte"
        yield object()
        yield "deux textes"

    records = list(extractor.pipe(stream()))
    assert [(r.index, r.ok) for r in records] == [(0, True), (1, False), (2, True)]
    assert "object" in (records[1].error or "")


@Language.component("robustness_test_flaky")
def _flaky(doc: Doc) -> Doc:
    if "BOOM" in doc.text:
        raise RuntimeError("flaky component")
    return doc


class _BatchFailing:
    """A component whose ``pipe`` fails for a whole batch when one document says BATCH."""

    def __call__(self, doc: Doc) -> Doc:
        if "BATCH" in doc.text:
            raise ValueError("bad document")
        doc.user_data["seen"] = True
        return doc

    def pipe(self, docs: Any, batch_size: int = 32) -> Iterator[Doc]:
        docs = list(docs)
        if any("BATCH" in d.text for d in docs):
            raise ValueError("the whole batch fails")
        for doc in docs:
            doc.user_data["seen"] = True
        yield from docs


@Language.factory("robustness_test_batch_failing")
def _make_batch_failing(nlp: Language, name: str) -> _BatchFailing:
    return _BatchFailing()


def test_run_components_keeps_the_documents_a_component_did_not_fail_on() -> None:
    nlp = spacy.blank("fr")
    nlp.add_pipe("robustness_test_batch_failing")
    nlp.add_pipe("robustness_test_flaky")
    docs = [nlp.make_doc(t) for t in ("un", "BATCH deux", "trois", "BOOM quatre", "cinq")]
    failures = run_components(nlp, docs, batch_size=8)
    assert [f[0] if f else None for f in failures] == [
        None,
        "robustness_test_batch_failing",
        None,
        "robustness_test_flaky",
        None,
    ]
    assert isinstance(failures[1], tuple) and str(failures[1][1]) == "bad document"
    assert [d.user_data.get("seen", False) for d in docs] == [True, False, True, True, True]


def test_pipe_on_a_small_pipeline_reports_component_failures_in_order() -> None:
    nlp = spacy.blank("fr")
    nlp.add_pipe("robustness_test_batch_failing")
    nlp.add_pipe("robustness_test_flaky")
    extractor = Extractor(pipeline=nlp)
    texts = ["un", "BATCH deux", "trois", "BOOM quatre", "cinq"]
    records = list(extractor.pipe(texts, batch_size=5))
    assert [r.index for r in records] == [0, 1, 2, 3, 4]
    assert [r.ok for r in records] == [True, False, True, False, True]
    assert "robustness_test_batch_failing" in (records[1].error or "")
    assert "flaky component" in (records[3].error or "")


# -- user files ------------------------------------------------------------------------------------------

PERSON = {"kind": "person", "id": "person:test-kantar", "name": "Ahmed Kantar", "source": "test"}


def write_lines(path: Path, *lines: str | dict[str, Any]) -> Path:
    path.write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines)
        + "\n",
        encoding="utf-8",
    )
    return path


KB_MISTAKES: dict[str, tuple[list[str | dict[str, Any]], int, str, str]] = {
    # name: (lines, line number named, code, field or words named)
    "bad_json": (["// comment", PERSON, '{"kind": "person", "id": '], 3, "[D010]", "invalid JSON"),
    "unknown_key": ([{**PERSON, "nickname": "AK"}], 1, "[D011]", "field `nickname`"),
    "wrong_type": (["", {**PERSON, "aliases": "AK"}], 2, "[D011]", "field `aliases`"),
    "wrong_type_in_role": (
        [{**PERSON, "roles": [{"title": "ministre", "country": "MA", "start": "hier", "source": "t"}]}],
        1,
        "[D011]",
        "field `roles.0.start`",
    ),
    "empty_alias": ([{**PERSON, "aliases": ["A. Kantar", "  "]}], 1, "[D011]", "field `aliases`"),
    "duplicate_id_conflicting": (
        [PERSON, {**PERSON, "name": "Ahmed Kantar Junior"}],
        2,
        "[D013]",
        "person:test-kantar",
    ),
    "not_an_object": (['["person"]'], 1, "[D012]", "list"),
    "nan": (['{"kind": "person", "id": "person:x", "name": NaN, "source": "t"}'], 1, "[D010]", "NaN"),
    "repeated_key": (
        ['{"kind": "person", "id": "a", "id": "b", "name": "X", "source": "t"}'],
        1,
        "[D010]",
        "'id'",
    ),
    "unknown_kind": ([{**PERSON, "kind": "minister"}], 1, "[D016]", "'minister'"),
    "missing_kind": ([{k: v for k, v in PERSON.items() if k != "kind"}], 1, "[D011]", "field `kind`"),
    "deeply_nested": (["[" * 100_000 + "]" * 100_000], 1, "[D010]", "invalid JSON"),
}


@pytest.mark.parametrize("name", list(KB_MISTAKES))
def test_malformed_kb_line_names_file_line_and_field(tmp_path: Path, name: str) -> None:
    lines, line, code, detail = KB_MISTAKES[name]
    path = write_lines(tmp_path / f"{name}.jsonl", *lines)
    for load in (load_jsonl, lambda p: load_many([p]), lambda p: Extractor(kb_files=[p])):
        with pytest.raises(KnowledgeBaseError) as info:
            load(path)
        message = str(info.value)
        assert message.startswith(f"{code} {path}:{line}:"), message
        assert detail in message


def test_conflicting_duplicate_across_two_kb_files_names_both_places(tmp_path: Path) -> None:
    first = write_lines(tmp_path / "a.jsonl", PERSON)
    second = write_lines(tmp_path / "b.jsonl", "// other", {**PERSON, "aliases": ["AK"]})
    where = rf"\[D013\] {re.escape(str(second))}:2: .*first defined at {re.escape(str(first))}:1"
    with pytest.raises(KnowledgeBaseError, match=where):
        Extractor(kb_files=[first, second])


def test_missing_user_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    for kwargs in ({"kb_files": [missing]}, {"rule_files": [missing]}, {"topic_files": [missing]}):
        with pytest.raises(KnowledgeBaseError, match=rf"\[D014\] {re.escape(str(missing))}: file not found"):
            Extractor(**kwargs)  # type: ignore[arg-type]


def test_a_single_path_instead_of_a_list_is_a_type_error(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "kb.jsonl", PERSON)
    with pytest.raises(TypeError, match="`kb_files` must be a list of paths"):
        Extractor(kb_files=str(path))  # type: ignore[arg-type]


def test_user_files_with_a_ready_pipeline_are_refused_not_ignored(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "kb.jsonl", PERSON)
    with pytest.raises(ValueError, match="kb_files"):
        Extractor(pipeline=spacy.blank("fr"), kb_files=[path])


@pytest.mark.parametrize("bad", [0, -1, 1.5, "100", True])
def test_max_chunk_chars_must_be_a_positive_integer(bad: object) -> None:
    with pytest.raises(ValueError, match="max_chunk_chars"):
        Extractor(pipeline=spacy.blank("fr"), max_chunk_chars=bad)  # type: ignore[arg-type]


RULE_MISTAKES: dict[str, tuple[str, str, str]] = {
    # name: (line, code, detail)
    "bad_json": ('{"label": "TITLE", "pattern": ', "[D010]", "invalid JSON"),
    "unknown_key": ('{"label": "TITLE", "pattern": "ambassadeur", "weight": 2}', "[D011]", "field `weight`"),
    "wrong_type": ('{"label": "TITLE", "pattern": 42}', "[D011]", "field `pattern"),
    "unknown_label": ('{"label": "MINISTER", "pattern": "ministre"}', "[D011]", "field `label`"),
    "empty_pattern": ('{"label": "TITLE", "pattern": "   "}', "[D011]", "field `pattern`"),
    "bad_token_pattern": ('{"label": "TITLE", "pattern": [{"TEXTE": "x"}]}', "[D011]", "field `pattern`"),
    "backreference_regex": (
        '{"label": "TITLE", "pattern": [{"TEXT": {"REGEX": "^(\\\\w+) \\\\1$"}}]}',
        "[D015]",
        "back-references are not supported",
    ),
    "lookahead_regex": (
        '{"label": "TITLE", "pattern": [{"LOWER": {"REGEX": "amb(?=a)"}}]}',
        "[D015]",
        "lookahead and lookbehind",
    ),
}


@pytest.mark.parametrize("name", list(RULE_MISTAKES))
def test_malformed_rule_line_names_file_line_and_field(tmp_path: Path, name: str) -> None:
    from diplomacy_ner.rules.patterns import load_pattern_file

    line, code, detail = RULE_MISTAKES[name]
    path = write_lines(tmp_path / f"{name}.jsonl", '{"label": "TITLE", "pattern": "ambassadrice"}', line)
    for load in (load_pattern_file, lambda p: Extractor(rule_files=[p])):
        with pytest.raises(KnowledgeBaseError) as info:
            load(path)
        message = str(info.value)
        assert message.startswith(f"{code} {path}:2:"), message
        assert detail in message


TOPIC_MISTAKES: dict[str, tuple[str, str, str]] = {
    "catastrophic_regex": ('{"topic": "migration", "regex": "(\\\\w+\\\\s?)*$"}', "[D015]", "field `regex`"),
    "backreference": ('{"topic": "migration", "regex": "(exil)s? \\\\1"}', "[D015]", "back-references"),
    "bad_topic_key": ('{"topic": "Migration!", "pattern": "exil"}', "[D011]", "field `topic`"),
    "both_pattern_and_regex": (
        '{"topic": "migration", "pattern": "exil", "regex": "exil"}',
        "[D011]",
        "pattern",
    ),
    "bad_json": ('{"topic": ', "[D010]", "invalid JSON"),
}


@pytest.mark.parametrize("name", list(TOPIC_MISTAKES))
def test_malformed_topic_lexicon_line_names_file_line_and_field(tmp_path: Path, name: str) -> None:
    line, code, detail = TOPIC_MISTAKES[name]
    path = write_lines(tmp_path / f"{name}.jsonl", "// lexique", line)
    for load in (read_topic_cues, lambda p: Extractor(topic_files=[p])):
        with pytest.raises(KnowledgeBaseError) as info:
            load(path)
        message = str(info.value)
        assert message.startswith(f"{code} {path}:2:"), message
        assert detail in message


CODE_LIKE = [
    "__import__('os').system('touch {sentinel}')",
    "!!python/object/apply:os.system ['touch {sentinel}']",
    "{{{{ self.__init__.__globals__ }}}}",
    "eval(compile('open(\"{sentinel}\", \"w\")', 'x', 'exec'))",
]


def test_loading_a_kb_file_never_executes_code(tmp_path: Path) -> None:
    sentinel = tmp_path / "executed"
    names = [c.format(sentinel=sentinel) for c in CODE_LIKE]
    path = write_lines(
        tmp_path / "kb.jsonl",
        *(
            {**PERSON, "id": f"person:code-{i}", "name": name, "aliases": [name]}
            for i, name in enumerate(names)
        ),
    )
    records = load_jsonl(path)
    assert [r.name for r in records] == names
    assert all(isinstance(r.name, str) for r in records)
    # YAML-style tags or a Python expression as a whole line are not JSON: rejected, not run
    for i, line in enumerate(names[:2]):
        bad = write_lines(tmp_path / f"line{i}.jsonl", line)
        with pytest.raises(KnowledgeBaseError, match=r"\[D010\]"):
            load_jsonl(bad)
    assert not sentinel.exists()


@pytest.mark.slow
def test_user_files_are_used_and_their_strings_stay_strings(tmp_path: Path) -> None:
    sentinel = tmp_path / "executed"
    code = f"__import__('os').system('touch {sentinel}')"
    kb = write_lines(
        tmp_path / "people.jsonl",
        {**PERSON, "aliases": ["A. Kantar", code]},
    )
    rules = write_lines(tmp_path / "rules.jsonl", {"label": "TITLE", "pattern": "haut représentant"})
    topics = write_lines(tmp_path / "topics.jsonl", {"topic": "peche", "pattern": code})
    extractor = Extractor(kb_files=[kb], rule_files=[rules], topic_files=[topics])
    text = (
        "Le ministre malien des Affaires étrangères, Ahmed Kantar, a reçu lundi à Bamako son homologue "
        "sénégalais, Yassine Fall. " + code
    )
    analysis = extractor.analyze(text, published=PUBLISHED)
    assert_offsets_valid(text, analysis)
    assert "person:test-kantar" in {e.id for e in analysis.entities}
    assert not sentinel.exists()


UNPUNCTUATED_SENTENCES = (
    "le ministre des Affaires étrangères Nasser Bourita a reçu lundi à Rabat son homologue espagnol José Manuel Albares",
    "les deux ministres ont évoqué la coopération dans les domaines de la migration et de la sécurité",
    "la réunion a porté sur le commerce et l'énergie entre les deux pays",
)


@pytest.mark.slow
def test_a_20000_word_text_without_punctuation_finishes_and_finds_the_meeting(extractor: Extractor) -> None:
    """Regression: a PDF dump without punctuation was one sentence, and the meeting step is quadratic
    in a sentence's length (36,000 words cost 2,800 short articles); runaway sentences are now cut
    before the parser. No timing assertion: it must simply finish in the suite's normal time."""
    words: list[str] = []
    while len(words) < 20_000:
        for sentence in UNPUNCTUATED_SENTENCES:
            words.extend(sentence.split())
    text = " ".join(words)
    analysis = extractor.analyze(text)
    pairs = {frozenset(p.name for p in m.participants) for m in analysis.meetings}
    assert frozenset({"Nasser Bourita", "José Manuel Albares"}) in pairs
    for meeting in analysis.meetings:
        for mention in meeting.evidence:
            assert text[mention.start : mention.end] == mention.text
