"""The layers of the document-level meeting model, each on sentences written for these tests.

Officials, encounters with their arguments, distributivity, modality,
coreference, clustering and the data files of frames. People are invented and
unknown to the knowledge base.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from diplomacy_ner.errors import KnowledgeBaseError
from diplomacy_ner.meetings.assembly import MeetingAssembler
from diplomacy_ner.meetings.lexicon import MeetingLexicon

PUBLISHED = "2025-03-12"


def linked_doc(extractor, text: str, published: str | None = PUBLISHED):
    """A doc run through every component before the meeting step."""
    doc = extractor.make_doc(text, dt.date.fromisoformat(published) if published else None)
    for name, proc in extractor.nlp.pipeline:
        if name == "diplomacy_meetings":
            break
        doc = proc(doc)
    return doc


def assembler(extractor, text: str, lexicon: MeetingLexicon | None = None, published: str | None = PUBLISHED) -> MeetingAssembler:
    comp = extractor.nlp.get_pipe("diplomacy_meetings")
    doc = linked_doc(extractor, text, published)
    return MeetingAssembler(doc, topics=comp.topics, spans_key=comp.spans_key, lexicon=lexicon)


def held(extractor, text: str, published: str | None = PUBLISHED):
    return extractor.extract_meetings(text, published=published)


def names(meeting) -> list[str]:
    return sorted(p.name or f"<{p.role}|{p.country}>" for p in meeting.participants)


# -- lexicon ----------------------------------------------------------------------------------
def test_shipped_lexicon_has_frames_cues_and_words() -> None:
    lex = MeetingLexicon.default()
    assert {f.frame for f in lex.frames} >= {"receive", "talk", "meet", "audience", "talks", "call_noun", "chair", "join"}
    assert "recevoir" in lex.verb_frames and "entretien" in lex.noun_frames
    assert lex.cue("planned").search("Il se rendra à Dakar")
    assert "light_verb" in lex.words and "avoir" in lex.word_set("light_verb")
    assert lex.cue("no_such_list").search("anything") is None


def test_user_frame_file_extends_the_lexicon(tmp_path: Path) -> None:
    path = tmp_path / "frames.jsonl"
    path.write_text(
        json.dumps({"frame": "consult", "pos": "verb", "lemmas": ["concerter"], "needs_reflexive": True, "partner_preps": ["avec"]})
        + "\n"
        + json.dumps({"name": "light_verb", "words": ["effectuer"]})
        + "\n",
        encoding="utf-8",
    )
    lex = MeetingLexicon.from_files([path])
    assert "concerter" in lex.verb_frames
    assert "effectuer" in lex.word_set("light_verb") and "avoir" in lex.word_set("light_verb")
    assert len(lex.frames) == len(MeetingLexicon.default().frames) + 1


@pytest.mark.parametrize(
    ("line", "code", "where"),
    [
        ('{"frame": "x", "pos": "adverb", "lemmas": ["voir"]}', "D011", "pos"),
        ('{"frame": "x", "pos": "verb", "lemmas": ["voir"], "colour": "red"}', "D011", "colour"),
        ('{"something": 1}', "D011", "(record)"),
        ('{"name": "planned", "regex": "(a)\\\\1"}', "D015", "regex"),
        ('{"name": "planned", "regex": "("}', "D015", "regex"),
        ("[1, 2]", "D012", ""),
    ],
)
def test_bad_frame_lines_name_file_line_and_field(tmp_path: Path, line: str, code: str, where: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("// a comment\n" + line + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as err:
        MeetingLexicon.from_files([path])
    assert f"[{code}]" in str(err.value) and "bad.jsonl:2" in str(err.value) and where in str(err.value)


def test_missing_frame_file_is_d014(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match=r"\[D014\]"):
        MeetingLexicon.from_files([tmp_path / "nope.jsonl"])


# -- encounters: every predicate of a sentence, arguments from the parse -----------------------------


@pytest.mark.slow
def test_every_predicate_of_a_sentence_is_an_encounter(extractor) -> None:
    text = (
        "Le ministre ivoirien des Affaires étrangères, Koffi Adjoumani, s'est entretenu avec le ministre "
        "ghanéen des Finances, Kwame Boateng, avant d'être reçu par le président de la République du Togo, Essowè Kadanga."
    )
    a = assembler(extractor, text)
    _, encs = a.encounters(0)
    frames = [e.frame.frame for e in encs]
    assert frames == ["talk", "receive"]
    talk, receive = encs
    assert [o.name for o in talk.subjects] == ["Koffi Adjoumani"]
    assert [o.name for o in talk.partners] == ["Kwame Boateng"]
    assert receive.passive and [o.name for o in receive.agents] == ["Essowè Kadanga"]
    ms = held(extractor, text)
    assert sorted(names(m) for m in ms) == [["Essowè Kadanga", "Koffi Adjoumani"], ["Koffi Adjoumani", "Kwame Boateng"]]
    visit = next(m for m in ms if "Essowè Kadanga" in names(m))
    assert visit.host is not None and visit.host.name == "Essowè Kadanga"


@pytest.mark.slow
def test_light_verb_noun_and_possessor(extractor) -> None:
    text = "Le ministre sénégalais de l'Intérieur, Ousmane Diagne, a eu lundi un entretien avec le ministre malien de la Sécurité, Modibo Sangaré."
    a = assembler(extractor, text)
    _, [enc] = a.encounters(0)
    assert enc.frame.frame == "talks"
    assert enc.predicate.text == "entretien"
    assert [o.name for o in enc.subjects] == ["Ousmane Diagne"] and [o.name for o in enc.partners] == ["Modibo Sangaré"]
    [m] = held(extractor, text)
    assert names(m) == ["Modibo Sangaré", "Ousmane Diagne"]
    assert m.date == dt.date(2025, 3, 10)


@pytest.mark.slow
def test_a_person_without_office_takes_part_through_an_explicit_frame(extractor) -> None:
    text = "Le président gabonais, Armand Nzé, a reçu jeudi au palais présidentiel Théodore Lusamba."
    [m] = held(extractor, text)
    assert names(m) == ["Armand Nzé", "Théodore Lusamba"]
    lusamba = next(p for p in m.participants if p.name == "Théodore Lusamba")
    assert lusamba.role is None
    assert m.host is not None and m.host.name == "Armand Nzé"


# -- distributivity ----------------------------------------------------------------------------
@pytest.mark.slow
def test_guests_received_one_after_another_are_separate_meetings(extractor) -> None:
    text = (
        "Le président de la République du Bénin, Gilles Ahouansou, a reçu mardi à Cotonou l'ambassadeur de Chine "
        "et l'ambassadeur du Brésil."
    )
    ms = held(extractor, text)
    assert sorted(names(m) for m in ms) == [["<ambassadeur|BR>", "Gilles Ahouansou"], ["<ambassadeur|CN>", "Gilles Ahouansou"]]
    assert all(m.host is not None and m.host.name == "Gilles Ahouansou" for m in ms)
    for m in ms:
        unnamed = next(p for p in m.participants if p.name is None)
        assert unnamed.role == "ambassadeur"


@pytest.mark.slow
def test_a_list_of_partners_met_together_is_one_meeting(extractor) -> None:
    text = (
        "La ministre espagnole de l'Intérieur, Lucía Ferrándiz, s'est entretenue mardi à Madrid avec le ministre "
        "portugais de l'Administration interne, Rui Calado, et le ministre français de l'Intérieur, Bastien Morel, "
        "lors d'une réunion tripartite."
    )
    [m] = held(extractor, text)
    assert names(m) == ["Bastien Morel", "Lucía Ferrándiz", "Rui Calado"]


@pytest.mark.slow
def test_a_plain_list_of_partners_is_one_talk_each(extractor) -> None:
    # real news tells a visitor's successive talks as one list: one bilateral meeting per partner
    text = (
        "Lors de sa visite à Kiev, le ministre français des Affaires étrangères, Bastien Morel, s'est entretenu "
        "avec son homologue ukrainien, Petro Danylenko, et avec le Premier ministre ukrainien, Ivan Koval."
    )
    found = held(extractor, text)
    assert sorted(names(m) for m in found) == [["Bastien Morel", "Ivan Koval"], ["Bastien Morel", "Petro Danylenko"]]


# -- coreference -------------------------------------------------------------------------------
@pytest.mark.slow
def test_pronoun_subject_is_the_last_subject(extractor) -> None:
    text = (
        "Le ministre nigérien des Affaires étrangères, Issoufou Garba, est arrivé lundi à Accra. "
        "Il s'est entretenu mardi avec le ministre ghanéen des Affaires étrangères, Yaw Mensah."
    )
    [m] = held(extractor, text)
    assert names(m) == ["Issoufou Garba", "Yaw Mensah"]
    assert m.date == dt.date(2025, 3, 11)


@pytest.mark.slow
def test_ce_dernier_is_the_official_mentioned_last(extractor) -> None:
    text = (
        "Le ministre tchadien de la Défense, Mahamat Abakar, a reçu mardi le général camerounais Paul Essomba, "
        "chef d'état-major des armées. "
        "Ce dernier a ensuite été reçu par le président de la République du Tchad, Idriss Haroun."
    )
    ms = held(extractor, text)
    assert sorted(names(m) for m in ms) == [["Idriss Haroun", "Paul Essomba"], ["Mahamat Abakar", "Paul Essomba"]]


@pytest.mark.slow
def test_plural_anaphor_continues_the_meeting(extractor) -> None:
    text = (
        "Le ministre marocain de l'Agriculture, Hassan Bennani, s'est entretenu mardi à Rabat avec le ministre "
        "sénégalais de l'Agriculture, Moussa Faye. "
        "Les deux ministres ont évoqué la sécurité alimentaire et la pêche."
    )
    [m] = held(extractor, text)
    assert names(m) == ["Hassan Bennani", "Moussa Faye"]
    assert "agriculture" in m.topics
    assert len(m.evidence) == 2
    assert text[m.evidence[1].start : m.evidence[1].end].startswith("Les deux ministres")


@pytest.mark.slow
def test_meeting_noun_without_subject_takes_the_article_protagonist(extractor) -> None:
    text = (
        "Le ministre béninois de l'Intérieur, Florent Dossou, a présidé mardi à Cotonou une réunion de sécurité. "
        "L'entretien avec le ministre togolais de la Sécurité, Komi Atsou, a porté sur la lutte contre le terrorisme."
    )
    [m] = held(extractor, text)
    assert names(m) == ["Florent Dossou", "Komi Atsou"]
    assert "terrorism" in m.topics


# -- modality ----------------------------------------------------------------------------------
@pytest.mark.slow
def test_status_is_read_per_predicate(extractor) -> None:
    text = (
        "Le ministre guinéen des Mines, Sékou Camara, a reçu lundi le ministre malien des Mines, Adama Keïta, "
        "et rencontrera demain le ministre ivoirien des Mines, Serge Kouamé."
    )
    a = extractor.analyze(text, published=PUBLISHED)
    by_status = {m.status: names(m) for m in a.meetings}
    assert by_status["held"] == ["Adama Keïta", "Sékou Camara"]
    assert by_status["planned"] == ["Serge Kouamé", "Sékou Camara"]


@pytest.mark.slow
def test_pluperfect_background_is_not_a_meeting(extractor) -> None:
    text = "Le président malgache, Rija Andrianina, avait reçu en 2019 le président comorien, Said Mohamed."
    assert held(extractor, text) == []


# -- clustering and headings ---------------------------------------------------------------------
@pytest.mark.slow
def test_two_sentences_about_one_encounter_are_one_meeting(extractor) -> None:
    text = (
        "La ministre belge des Affaires étrangères, Claire Vandamme, a reçu lundi à Bruxelles son homologue "
        "luxembourgeois, Marc Weber. "
        "Lors de cet entretien, Claire Vandamme et Marc Weber ont examiné la coopération en matière de justice."
    )
    [m] = held(extractor, text)
    assert names(m) == ["Claire Vandamme", "Marc Weber"]
    assert "justice" in m.topics and len(m.evidence) == 2


@pytest.mark.slow
def test_a_heading_only_joins_a_meeting(extractor) -> None:
    with_body = (
        "Lomé : Kossi Amegah reçoit Ibrahim Touré\n\n"
        "Le ministre togolais des Affaires étrangères, Kossi Amegah, a reçu lundi à Lomé le ministre burkinabè "
        "de la Sécurité, Ibrahim Touré."
    )
    [m] = held(extractor, with_body)
    assert names(m) == ["Ibrahim Touré", "Kossi Amegah"]
    assert len(m.evidence) == 2
    heading_only = "Lomé : le ministre togolais Kossi Amegah reçoit le ministre burkinabè Ibrahim Touré\n\nLa saison des pluies commence."
    assert held(extractor, heading_only) == []


@pytest.mark.slow
def test_user_frame_opens_encounters(extractor, tmp_path: Path) -> None:
    text = "La ministre rwandaise de la Santé, Aline Mukamana, s'est concertée mardi avec le ministre kényan de la Santé, Peter Otieno."
    assert held(extractor, text) == []
    path = tmp_path / "frames.jsonl"
    path.write_text(
        json.dumps({"frame": "consult", "pos": "verb", "lemmas": ["concerter"], "forms": ["concert"], "needs_reflexive": True}) + "\n",
        encoding="utf-8",
    )
    a = assembler(extractor, text, lexicon=MeetingLexicon.from_files([path]))
    [m] = a.run()
    assert sorted(p["name"] for p in m["participants"]) == ["Aline Mukamana", "Peter Otieno"]


# -- series told as lists, plural titles, ceremonies --------------------------------------------------
@pytest.mark.slow
def test_a_list_after_a_series_gives_one_meeting_per_guest(extractor) -> None:
    text = (
        "Le président de la République du Niger, Moussa Adamou, a reçu mardi à Niamey trois ambassadeurs "
        "nouvellement accrédités. Il s'agit de Lotte Brandsma des Pays-Bas, de Tomás Ferreira du Portugal "
        "et de Ingrid Solberg de Norvège."
    )
    ms = held(extractor, text)
    assert sorted(names(m) for m in ms) == [
        ["Ingrid Solberg", "Moussa Adamou"], ["Lotte Brandsma", "Moussa Adamou"], ["Moussa Adamou", "Tomás Ferreira"],
    ]
    guest = {p.name: p for m in ms for p in m.participants}
    assert guest["Tomás Ferreira"].country == "PT" and guest["Tomás Ferreira"].role == "ambassadeur"
    assert all(m.host is not None and m.host.name == "Moussa Adamou" for m in ms)
    assert all(m.date == dt.date(2025, 3, 11) for m in ms)


@pytest.mark.slow
def test_a_series_of_talks_distributes_later_partners(extractor) -> None:
    text = (
        "Le ministre des Affaires étrangères du Sénégal, Cheikh Diallo, a tenu lundi à Dakar une série d'entretiens "
        "avec ses homologues africains. "
        "Il s'est notamment entretenu avec le ministre gambien des Affaires étrangères, Lamin Jallow, et la ministre "
        "cap-verdienne des Affaires étrangères, Rosa Tavares."
    )
    ms = held(extractor, text)
    assert sorted(names(m) for m in ms) == [["Cheikh Diallo", "Lamin Jallow"], ["Cheikh Diallo", "Rosa Tavares"]]


@pytest.mark.slow
def test_a_plural_title_gives_one_unnamed_official_per_country(extractor) -> None:
    text = (
        "Le ministre algérien des Affaires étrangères, Karim Belaïd, a rencontré séparément mardi à Alger "
        "les ministres des Affaires étrangères du Niger, du Mali et du Tchad."
    )
    ms = held(extractor, text)
    assert sorted(names(m) for m in ms) == [
        ["<ministre des Affaires étrangères|ML>", "Karim Belaïd"],
        ["<ministre des Affaires étrangères|NE>", "Karim Belaïd"],
        ["<ministre des Affaires étrangères|TD>", "Karim Belaïd"],
    ]


@pytest.mark.slow
def test_credentials_presented_to_a_head_of_state(extractor) -> None:
    text = (
        "Deux nouveaux ambassadeurs ont présenté jeudi leurs lettres de créance au président béninois Gilles Ahouansou. "
        "Il s'agit de Hanna Virtanen de Finlande et de Marek Dvořák de Tchéquie."
    )
    ms = held(extractor, text)
    assert sorted(names(m) for m in ms) == [["Gilles Ahouansou", "Hanna Virtanen"], ["Gilles Ahouansou", "Marek Dvořák"]]
    assert all(m.host is not None and m.host.name == "Gilles Ahouansou" for m in ms)


@pytest.mark.slow
def test_long_unpunctuated_text_is_read_in_linear_time(extractor) -> None:
    # no timing assertion: the suite's own time is the check; a quadratic step made this take minutes
    sentence = "le ministre malien Abdoulaye Konaté a reçu à Bamako son homologue nigérien Hassoumi Bello"
    text = " ".join([sentence] * 1500)
    analysis = extractor.analyze(text, published=PUBLISHED)
    assert any(sorted(p.name for p in m.participants) == ["Abdoulaye Konaté", "Hassoumi Bello"] for m in analysis.meetings)
    assert all(text[e.start : e.end] == e.text for m in analysis.meetings for e in m.evidence)


def test_user_cue_regexes_run_on_a_linear_engine(tmp_path: Path) -> None:
    path = tmp_path / "cues.jsonl"
    path.write_text(json.dumps({"name": "planned", "regex": "(x|xx)+y"}) + "\n", encoding="utf-8")
    lex = MeetingLexicon.from_files([path])
    assert lex.cue("planned").search("x" * 10_000) is None  # exponential on a backtracking engine
    assert lex.cue("planned").search("xxy") is not None
    assert lex.cue("planned").search("Il se rendra à Dakar") is not None  # the shipped cues still apply


def test_the_join_cue_is_a_word_not_a_substring() -> None:
    from diplomacy_ner.meetings.lexicon import MeetingLexicon

    cue = MeetingLexicon.default().cue("join_clause")
    assert cue.search("Le ministre a également assisté à la réunion.") is None  # "la réunion" holds "a réuni"
    assert cue.search("Le sommet a réuni les chefs d'État de la région.") is not None
    assert cue.search("Ont pris part aux travaux les ministres du Mali et du Niger.") is not None


# -- fast paths of the document context (same answers as the slow paths) ---------------------
FAST_PATH_TEXT = (
    "RABAT - Le ministre des Affaires étrangères, M. Karim Belhadj, a reçu lundi son homologue "
    "Jonas Veltri.  Les deux ministres se sont entretenus de la coopération.\n\nUne rencontre avec "
    "le président est-elle prévue ? Il s'est rendu ensuite à Dakar en 2024, où il a eu un entretien téléphonique."
)


def test_context_text_and_span_text_are_what_spacy_gives(extractor) -> None:
    from diplomacy_ner.meetings.context import DocContext

    ctx = assembler(extractor, FAST_PATH_TEXT).ctx
    doc = ctx.doc
    assert isinstance(ctx, DocContext) and ctx.text == doc.text
    for sent in ctx.sents:
        assert ctx.span_text(sent) == sent.text
    for start in range(len(doc)):
        for end in range(start, min(len(doc), start + 12) + 1):
            assert ctx.span_text(doc[start:end]) == doc[start:end].text


def test_frame_candidates_keep_every_token_a_frame_opens(extractor) -> None:
    from diplomacy_ner.meetings.encounters import _frame_for, find_predicates

    ctx = assembler(extractor, FAST_PATH_TEXT).ctx
    opened = 0
    for k, sent in enumerate(ctx.sents):
        slow = [tok.i for tok in sent if _frame_for(ctx, tok, sent) is not None]
        fast = [i for i in ctx.frame_candidates(k) if _frame_for(ctx, ctx.doc[i], sent) is not None]
        assert fast == slow
        assert set(ctx.frame_candidates(k)) <= set(range(sent.start, sent.end))
        assert {e.predicate.i for e in find_predicates(ctx, k)} <= set(slow)
        opened += len(slow)
    assert opened >= 3  # "a reçu", "se sont entretenus", "rencontre", "entretien"...


def test_anaphor_candidates_are_the_tokens_coreference_can_take(extractor) -> None:
    ctx = assembler(extractor, FAST_PATH_TEXT).ctx
    lex = ctx.lex
    words = lex.word_set("plural_pronoun") | lex.word_set("pronoun_subject") | lex.word_set("demonstrative")
    for k, sent in enumerate(ctx.sents):
        slow = [t.i for t in sent if t.pos_ in ("NUM", "NOUN", "PROPN") or t.lower_ in words]
        assert ctx.anaphor_candidates(k) == slow
    assert any(ctx.doc[i].lower_ in ("il", "ils") for k in range(len(ctx.sents)) for i in ctx.anaphor_candidates(k))
