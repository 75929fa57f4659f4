"""The meeting gate: cheap enough to run on every article, loose enough never to lose a meeting.

Unit tests build the gate from the shipped cue file and a few names on the
normalising tokenizer of ``spacy.blank("fr")``; the slow tests check it against
the shared gold corpora (skipped when they are absent) and through the API.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import spacy

from diplomacy_ner.errors import KnowledgeBaseError
from diplomacy_ner.gate import SKIP_REASON, MeetingGate, default_gate_cues, read_gate_cues
from diplomacy_ner.tokenizer import create_normalizing_tokenizer

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = Path(os.environ.get("DIPLOMACY_SHARED", REPO_ROOT.parent / "shared")) / "corpus"
GOLD_CORPORA = ("seeds.jsonl", "dev.jsonl", "dev-wikinews.jsonl", "news-dev.jsonl")

NAMES = ["Nasser Bourita", "Bourita", "ministre"]

MEETING = "Le ministre Nasser Bourita a reçu lundi à Rabat son homologue espagnol."
SPORT = "Le club de Lyon a battu Marseille 3-1 samedi soir au terme d'un match intense."


@pytest.fixture(scope="module")
def tokenizer():
    nlp = spacy.blank("fr")  # registers spaCy's own tokenizer factory first
    return create_normalizing_tokenizer()(nlp)


@pytest.fixture(scope="module")
def gate() -> MeetingGate:
    return MeetingGate(default_gate_cues(), NAMES)


def test_a_meeting_sentence_passes(gate, tokenizer):
    assert gate.skip_reason(tokenizer(MEETING)) is None


def test_an_article_without_encounter_cue_is_skipped(gate, tokenizer):
    assert gate.skip_reason(tokenizer(SPORT)) == SKIP_REASON


def test_an_encounter_cue_without_any_official_is_skipped(gate, tokenizer):
    assert not gate.passes(tokenizer("Les supporters ont rencontré les joueurs après le match."))


def test_cues_match_any_case(gate, tokenizer):
    assert gate.passes(tokenizer("LE MINISTRE A REÇU SON HOMOLOGUE."))
    assert gate.passes(tokenizer("Le ministre marocain a tenu une SÉANCE DE TRAVAIL avec son homologue."))


def test_a_country_is_not_an_actor(gate, tokenizer):
    text = "Le Maroc a battu l'Espagne en finale.\nLa rencontre a été rude, selon les joueurs marocains."
    assert not gate.passes(tokenizer(text))


def test_a_name_next_to_the_cue_is_an_actor(gate, tokenizer):
    # people the text gives no office can meet through a frame the parse ties them to
    assert gate.passes(tokenizer("Après le match, Kalou a rencontré les supporters."))
    assert not gate.passes(tokenizer("Kalou a marqué deux buts. Après le match, il a rencontré les supporters."))


def test_frame_conditions_are_checked_on_the_tokens(gate, tokenizer):
    # "rendre" opens a frame only before "visite", "prendre" before "part", "passer" with two named subjects
    assert not gate.passes(tokenizer("Le ministre a rendu son rapport."))
    assert gate.passes(tokenizer("Le ministre a rendu visite à son homologue."))
    assert not gate.passes(tokenizer("Le ministre a pris la parole."))
    assert gate.passes(tokenizer("Le ministre a pris part aux travaux."))
    assert not gate.passes(tokenizer("Le ministre est passé à Rabat."))
    assert gate.passes(tokenizer("Nasser Bourita et Manuel Albares ont passé en revue la coopération."))


def test_an_official_in_the_next_sentence_counts(gate, tokenizer):
    text = "Les deux hommes se sont entretenus longuement. Nasser Bourita a salué la qualité des relations."
    assert gate.passes(tokenizer(text))


def test_an_official_two_sentences_away_does_not_count(gate, tokenizer):
    text = (
        "Le match a été suivi par un large public. La rencontre a duré deux heures. Il faisait beau. "
        "Il pleuvait à Rabat. Le ministre marocain a parlé de climat."
    )
    assert not gate.passes(tokenizer(text))


def test_prefix_cues_cover_inflections(gate, tokenizer):
    for verb in ("rencontrera", "s'entretiendront", "coprésidé", "accueillait", "participeront"):
        assert gate.passes(tokenizer(f"Le ministre marocain {verb} son homologue.")), verb


def test_a_user_gate_file_extends_the_cues(tokenizer, tmp_path):
    text = "Le ministre marocain a palabré avec son collègue."
    assert not MeetingGate(default_gate_cues(), NAMES).passes(tokenizer(text))
    extra = tmp_path / "gate.jsonl"
    extra.write_text('{"cue": "encounter", "text": "palabr", "prefix": true}\n', encoding="utf-8")
    gate = MeetingGate([*default_gate_cues(), *read_gate_cues(extra)], NAMES)
    assert gate.passes(tokenizer(text))


def test_a_bad_gate_line_names_file_line_and_field(tmp_path):
    bad = tmp_path / "gate.jsonl"
    bad.write_text('// comment\n{"cue": "encounter", "text": "rencontr"}\n{"cue": "meeting", "text": "x"}\n')
    with pytest.raises(KnowledgeBaseError, match=r"gate\.jsonl:3: field `cue`"):
        read_gate_cues(bad)


def _gold(name: str) -> list[dict]:
    path = SHARED_CORPUS / name
    if not path.is_file():
        pytest.skip(f"shared gold corpus {path} is absent")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.slow
@pytest.mark.parametrize("corpus", GOLD_CORPORA)
def test_every_article_with_a_required_gold_meeting_passes_the_gate(extractor, corpus):
    stopped = [
        doc["id"]
        for doc in _gold(corpus)
        if any(not m.get("optional") for m in doc.get("meetings", []))
        and not extractor.gate.passes(extractor.make_doc(doc["text"]))
    ]
    assert stopped == []


@pytest.mark.slow
@pytest.mark.parametrize("corpus", GOLD_CORPORA)
def test_the_gate_stops_no_article_the_pipeline_finds_a_meeting_in(extractor, corpus):
    """Scores with and without the gate are equal: a gated article has no meeting without the gate either."""
    docs = [d for d in _gold(corpus) if not extractor.gate.passes(extractor.make_doc(d["text"]))]
    found = {
        doc["id"]: len(extractor.analyze(doc["text"], published=doc.get("published")).meetings) for doc in docs
    }
    assert {doc_id: n for doc_id, n in found.items() if n} == {}


@pytest.mark.slow
def test_gate_switches_in_the_api(extractor):
    from diplomacy_ner import extract_meetings

    assert extractor.analyze(SPORT).skipped is None
    gated = extractor.analyze(SPORT, gate=True)
    assert (gated.skipped, gated.entities, gated.meetings) == (SKIP_REASON, [], [])
    [plain, piped] = list(extractor.pipe([SPORT, SPORT]))
    assert plain.analysis.skipped is None and piped.analysis.entities
    [only] = list(extractor.pipe([SPORT], meetings_only=True))
    assert only.analysis.skipped == SKIP_REASON
    [forced_off] = list(extractor.pipe([SPORT], meetings_only=True, gate=False))
    assert forced_off.analysis.skipped is None
    [meeting] = list(extractor.pipe([MEETING], meetings_only=True))
    assert meeting.analysis.skipped is None and len(meeting.analysis.meetings) == 1
    assert extract_meetings(SPORT) == []
    assert len(extract_meetings(MEETING)) == len(extract_meetings(MEETING, gate=False)) == 1


def test_a_user_frame_is_an_encounter_cue_of_the_gate(tmp_path, tokenizer):
    import json

    from diplomacy_ner.meetings.lexicon import MeetingLexicon

    path = tmp_path / "frames.jsonl"
    path.write_text(json.dumps({"frame": "consult", "pos": "verb", "lemmas": ["concerter"], "needs_reflexive": True}) + "\n", encoding="utf-8")
    frames = MeetingLexicon.from_files([path]).frames
    text = "La ministre rwandaise de la Santé s'est concertée mardi avec le ministre kényan de la Santé."
    assert not MeetingGate(default_gate_cues(), NAMES).passes(tokenizer(text))
    assert MeetingGate(default_gate_cues(), NAMES, frames=frames).passes(tokenizer(text))
    # the frame's own condition holds in the gate too: without the reflexive, no encounter
    assert not MeetingGate(default_gate_cues(), NAMES, frames=frames).passes(tokenizer("Le ministre a concerté son plan."))


def test_an_irregular_stem_comes_from_the_gate_lexicon(tokenizer, tmp_path):
    extra = tmp_path / "gate.jsonl"
    extra.write_text('{"cue": "inflection", "lemma": "prendre", "text": "pri"}\n{"cue": "inflection", "text": "x"}\n', encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"gate\.jsonl:2"):
        read_gate_cues(extra)
    assert MeetingGate(default_gate_cues(), NAMES).passes(tokenizer("Le ministre prit part aux travaux."))
    assert not MeetingGate([c for c in default_gate_cues() if c.text != "pri"], NAMES).passes(
        tokenizer("Le ministre prit part aux travaux.")
    )


def test_the_text_scan_stops_only_what_the_tokens_would(gate, tokenizer):
    """``text_skip_reason`` skips an article before tokenizing it, never one the token test lets through."""
    assert gate.text_skip_reason(SPORT) == SKIP_REASON
    texts = [
        MEETING,
        "Le ministre a ren\u00adcontré son homologue.",  # a soft hyphen the normaliser removes
        "Le ministre a re&ccedil;u son homologue.",  # an entity
        "Le ministre a rec\u0327u son homologue.",  # a combining cedilla
        "Le ministre s\u2019est entretenu avec son homologue.",
        "LE MINISTRE A REÇU SON HOMOLOGUE.",
        "Une VISITE officielle du ministre. Une visite-éclair du Président.",
        "Le c\u0153ur du sommet : le Président a reçu son homologue.",
    ]
    for text in texts:
        if gate.passes(tokenizer(text)):
            assert gate.text_skip_reason(text) is None, text


@pytest.mark.parametrize(
    ("text", "passes"),
    [
        # "a affirmé au ministre X" is an encounter only when the text tells a visit ("needs_cue": visit_setting)
        ("Le ministre a affirmé au journal que la réforme avancerait.", False),
        ("Le porte-parole du ministre a déclaré que le budget serait voté.", False),
        ("Lors de sa visite à Vardia, le ministre a affirmé au président que l'aide suivrait.", True),
        ("Le ministre, en visite\nofficielle à Vardia, a assuré au président son soutien.", True),  # a line break
    ],
)
def test_a_frame_that_needs_a_cue_opens_only_with_it(gate, tokenizer, text, passes):
    assert gate.passes(tokenizer(text)) is passes
    if passes:
        assert gate.text_skip_reason(text) is None  # the text scan never stops what the tokens let through
    else:
        assert gate.text_skip_reason(text) == SKIP_REASON


def test_a_frame_cue_anchored_at_the_sentence_start_is_taken_as_matching(tmp_path, tokenizer):
    import json

    from diplomacy_ner.meetings.lexicon import MeetingLexicon

    path = tmp_path / "frames.jsonl"
    lines = [
        {"frame": "brief", "pos": "verb", "lemmas": ["informer"], "needs_cue": "briefing_start"},
        {"name": "briefing_start", "regex": "^Au terme"},
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    lexicon = MeetingLexicon.from_files([path])
    user_gate = MeetingGate(default_gate_cues(), NAMES, frames=lexicon.frames, lexicon=lexicon)
    # "^" could match at a sentence start the whole text does not begin with: the gate lets it through
    text = "Rien ici. Au terme du discours, le ministre a informé la presse."
    assert user_gate.passes(tokenizer(text))
    assert user_gate.text_skip_reason(text) is None
    # the same frame with a cue the text does not hold: no encounter
    path.write_text(json.dumps(lines[0]) + "\n" + json.dumps({"name": "briefing_start", "regex": "en aparté"}) + "\n", encoding="utf-8")
    lexicon = MeetingLexicon.from_files([path])
    user_gate = MeetingGate(default_gate_cues(), NAMES, frames=lexicon.frames, lexicon=lexicon)
    assert not user_gate.passes(tokenizer(text))
    assert user_gate.text_skip_reason(text) is not None


def test_a_full_stop_then_a_line_break_ends_one_sentence(gate, tokenizer):
    # the official stands in the sentence just before the cue's: the line break after the full stop
    # does not open an empty sentence between them
    text = "La rencontre a duré deux heures.\nLe ministre marocain a parlé de climat."
    assert gate.passes(tokenizer(text))
    # two sentences away, it does not count (see test_an_official_two_sentences_away_does_not_count)
    far = "La rencontre a duré deux heures.\nIl faisait beau.\nLe ministre marocain a parlé de climat."
    assert not gate.passes(tokenizer(far))
