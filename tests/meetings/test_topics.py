"""The topic lexicon (diplomacy_ner.meetings.topics)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplomacy_ner.errors import KnowledgeBaseError
from diplomacy_ner.meetings.topics import TopicCue, TopicLexicon, fold_text, read_topic_cues

GOLD_TOPICS = {
    "security",
    "migration",
    "terrorism",
    "organized_crime",
    "intelligence",
    "training",
    "civil_protection",
    "regional_stability",
    "economy",
    "energy",
    "defense",
    "justice",
    "health",
    "education",
    "culture",
    "climate",
    "diaspora",
    "agriculture",
}


@pytest.fixture(scope="module")
def lexicon() -> TopicLexicon:
    return TopicLexicon.default()


def test_default_lexicon_covers_every_gold_topic(lexicon: TopicLexicon) -> None:
    assert GOLD_TOPICS <= set(lexicon.topic_keys)


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Les entretiens ont porté sur la coopération sécuritaire.", ["security"]),
        ("Ils ont évoqué la gestion des flux migratoires et la réadmission.", ["migration"]),
        ("La lutte contre le terrorisme et la radicalisation a été abordée.", ["terrorism"]),
        ("Ils veulent démanteler les réseaux de passeurs et le trafic de drogue.", ["organized_crime"]),
        ("Les deux services renforceront le partage d'informations.", ["intelligence"]),
        ("Un programme de renforcement des capacités des gendarmes a été lancé.", ["training"]),
        ("La protection civile face aux catastrophes naturelles était au menu.", ["civil_protection"]),
        ("Ils ont salué le rôle du royaume en faveur de la stabilité régionale.", ["regional_stability"]),
        ("Les échanges commerciaux et les investissements ont progressé.", ["economy"]),
        ("Le projet de gazoduc et l'hydrogène vert ont été examinés.", ["energy"]),
        ("Un accord de coopération militaire a été signé.", ["defense"]),
        ("La convention d'entraide judiciaire facilitera les extraditions.", ["justice"]),
        ("La production locale de vaccins a été évoquée.", ["health"]),
        ("Les bourses accordées aux étudiants seront doublées.", ["education"]),
        ("La restitution des biens culturels a été abordée.", ["culture"]),
        ("Face à la sécheresse, la gestion de l'eau est prioritaire.", ["climate"]),
        ("La communauté sénégalaise établie en Italie a été évoquée.", ["diaspora"]),
        ("Ils ont parlé de la pêche artisanale et de l'aquaculture.", ["agriculture"]),
    ],
)
def test_one_topic_per_domain(lexicon: TopicLexicon, sentence: str, expected: list[str]) -> None:
    assert lexicon.topics(sentence) == expected


def test_topics_are_distinct_in_order_of_first_mention(lexicon: TopicLexicon) -> None:
    text = "La migration, la sécurité, puis la migration irrégulière et la sécurité des frontières."
    assert lexicon.topics(text) == ["migration", "security"]


def test_matching_ignores_case_accents_apostrophes_and_line_breaks(lexicon: TopicLexicon) -> None:
    text = "ÉCHANGE D\u2019INFORMATIONS, Securite, flux\nmigratoires"
    hits = lexicon.match(text)
    assert [(h.topic, h.text) for h in hits] == [
        ("intelligence", "ÉCHANGE D\u2019INFORMATIONS"),
        ("security", "Securite"),
        ("migration", "flux\nmigratoires"),
    ]
    for hit in hits:
        assert text[hit.start : hit.end] == hit.text


def test_whole_words_only(lexicon: TopicLexicon) -> None:
    # "formation" inside "informations", "eau" inside "nouveau", "gaz" inside "Gaza"
    assert lexicon.topics("Un nouveau bureau d'informations ouvrira à Gaza.") == []


def test_longest_cue_wins(lexicon: TopicLexicon) -> None:
    # "sécurité alimentaire" is agriculture, not security; "sécurité hydrique" is climate.
    assert lexicon.topics("Ils ont parlé de sécurité alimentaire.") == ["agriculture"]
    assert lexicon.topics("Ils ont parlé de sécurité hydrique.") == ["climate"]


def test_excluded_phrases_give_no_hit(lexicon: TopicLexicon) -> None:
    assert lexicon.topics("La résolution du Conseil de sécurité a été adoptée.") == []
    assert lexicon.topics("Il a plaidé pour la défense des droits de l'homme.") == []
    assert lexicon.topics("Il a plaidé pour la défense nationale.") == ["defense"]


def test_a_phrase_can_cue_two_topics(lexicon: TopicLexicon) -> None:
    hits = lexicon.match("Ils ont renforcé l'échange d'expertises et d'informations.")
    assert {h.topic for h in hits} == {"training", "intelligence"}
    assert len({(h.start, h.end) for h in hits}) == 1


def test_regex_cues(lexicon: TopicLexicon) -> None:
    assert lexicon.topics("la communauté marocaine résidant en Belgique") == ["diaspora"]
    assert lexicon.topics("le trafic d'armes légères") == ["organized_crime"]


def test_fold_text_keeps_length() -> None:
    text = "Œuvre Ǆ İstanbul ﬁn Échange d’État\u00a0à Dačić — ß"
    folded = fold_text(text)
    assert len(folded) == len(text)
    assert folded.startswith("œuvre")
    assert "echange d'etat a dacic" in folded


def test_add_extends_the_lexicon_without_touching_the_default() -> None:
    lexicon = TopicLexicon.default()
    lexicon.add("sport", "Coupe du monde")
    lexicon.add("sport", regex=r"football(?:eurs?)?")
    text = "La sécurité de la Coupe du monde et les footballeurs."
    assert lexicon.topics(text) == ["security", "sport"]
    assert [h.text for h in lexicon.match(text) if h.topic == "sport"] == ["Coupe du monde", "footballeurs"]
    assert "sport" not in TopicLexicon.default().topics(text)


def test_empty_lexicon_matches_nothing() -> None:
    assert TopicLexicon().match("la sécurité") == []


def _write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "topics.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_from_files_reads_user_cues(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "// user cues",
        "",
        json.dumps({"topic": "space", "pattern": "agence spatiale"}, ensure_ascii=False),
        json.dumps({"topic": "space", "regex": r"satellites?"}),
    )
    own = TopicLexicon.from_files([path], include_default=False)
    assert len(own) == 2
    assert own.topics("Un satellite et l'Agence spatiale, pas la sécurité.") == ["space"]
    merged = TopicLexicon.from_files([path])
    assert merged.topics("Un satellite et la sécurité.") == ["space", "security"]
    assert read_topic_cues(path) == [
        TopicCue(topic="space", pattern="agence spatiale"),
        TopicCue(topic="space", regex="satellites?"),
    ]


@pytest.mark.parametrize(
    "line,code,fragment",
    [
        ('{"topic": "migration", "pattern": "visas"', "D010", "topics.jsonl:2: invalid JSON"),
        ('["migration", "visas"]', "D012", "topics.jsonl:2: the record is not a JSON object"),
        ('{"topic": "migration", "pattern": "visas", "weight": 2}', "D011", "topics.jsonl:2: field `weight`"),
        ('{"topic": "Migration", "pattern": "visas"}', "D011", "topics.jsonl:2: field `topic`"),
        ('{"topic": "migration-2", "pattern": "visas"}', "D011", "topics.jsonl:2: field `topic`"),
        ('{"pattern": "visas"}', "D011", "topics.jsonl:2: field `topic`"),
        ('{"topic": "migration"}', "D011", "topics.jsonl:2: field `pattern`"),
        ('{"topic": "migration", "pattern": "v", "regex": "v"}', "D011", "topics.jsonl:2: field `pattern`"),
        ('{"topic": "migration", "pattern": ""}', "D011", "topics.jsonl:2: field `pattern`"),
        ('{"topic": "migration", "regex": "' + "a" * 201 + '"}', "D011", "topics.jsonl:2: field `regex`"),
        ('{"topic": "migration", "regex": "(.*)*"}', "D015", "matches the empty string"),
        ('{"topic": "migration", "regex": "(visa)s? \\\\1"}', "D015", "topics.jsonl:2: field `regex`"),
        ('{"topic": "migration", "regex": "(visa)s? \\\\1"}', "D015", "back-references are not supported"),
        ('{"topic": "migration", "regex": "visas(?!\\\\w)"}', "D015", "lookahead and lookbehind"),
        ('{"topic": "migration", "regex": "(?P<v>visa)"}', "D015", "named groups"),
        ('{"topic": "migration", "regex": "visa[s"}', "D015", "RE2 cannot compile it (missing ]"),
        ('{"topic": "migration", "regex": "(?i)visas"}', "D015", "cannot be combined"),
        ('{"topic": "migration", "regex": "x*"}', "D015", "matches the empty string"),
    ],
)
def test_bad_lexicon_line_is_rejected_with_file_line_and_field(
    tmp_path: Path, line: str, code: str, fragment: str
) -> None:
    path = _write(tmp_path, '{"topic": "migration", "pattern": "visas"}', line)
    with pytest.raises(KnowledgeBaseError) as info:
        TopicLexicon.from_files([path], include_default=False)
    message = str(info.value)
    assert message.startswith(f"[{code}]")
    assert fragment in message


@pytest.mark.parametrize(
    "regex,crafted,hit",
    [("(x|xx)+y", "x" * 10_000, "xxxy"), ("(a|aa)+$", "a" * 10_000 + "b", "aaaa")],
)
def test_backtracking_regexes_run_on_re2_and_return(tmp_path: Path, regex: str, crafted: str, hit: str) -> None:
    """Regression: overlapping alternatives under a repetition got past the old screen and took
    exponential time on Python's ``re``; on RE2 they are accepted and linear."""
    path = _write(tmp_path, json.dumps({"topic": "crafted", "regex": regex}))
    lexicon = TopicLexicon.from_files([path], include_default=False)
    assert lexicon.topics(crafted) == []
    assert lexicon.topics(f"le mot {hit}") == ["crafted"]
    if not regex.endswith("$"):  # two cues one space apart are both found
        assert [(h.start, h.end) for h in lexicon.match(f"{hit} {hit}.")] == [(0, 4), (5, 9)]


def test_offsets_are_character_offsets_after_non_ascii_text() -> None:
    lexicon = TopicLexicon()
    lexicon.add("migration", regex="visas?")
    text = "Ωμέγα 中文 — les visas."
    [hit] = lexicon.match(text)
    assert text[hit.start : hit.end] == hit.text == "visas"


def test_missing_lexicon_file(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match=r"\[D014\]"):
        TopicLexicon.from_files([tmp_path / "absent.jsonl"])


def test_add_rejects_bad_cues() -> None:
    lexicon = TopicLexicon()
    with pytest.raises(KnowledgeBaseError, match=r"\[D011\].*field `topic`"):
        lexicon.add("Not A Slug", "visas")
    with pytest.raises(KnowledgeBaseError, match=r"\[D015\]"):
        lexicon.add("migration", regex="(a*)*")
    assert len(lexicon) == 0
