"""diplomacy_entity_rules on spacy.blank("fr") with the real factory and config path."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import diplomacy_ner.components.entity_rules  # noqa: F401  (the factory is also an entry point)
from diplomacy_ner.errors import KnowledgeBaseError


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("fr", config={"nlp": {"tokenizer": {"@tokenizers": "diplomacy.normalizing_tokenizer.v1"}}})
    nlp.add_pipe("diplomacy_entity_rules")
    return nlp


def spans(doc, label):
    return [(s.text, s.kb_id_) for s in doc.spans["diplomacy"] if s.label_ == label]


def test_country_name_long_form_and_adjective(nlp: Language) -> None:
    doc = nlp("Le Royaume du Maroc et son homologue serbe ont parlé de la Serbie.")
    countries = spans(doc, "COUNTRY")
    assert ("Royaume du Maroc", "country:MA") in countries
    assert ("serbe", "country:RS") in countries
    assert ("Serbie", "country:RS") in countries


def test_compound_adjective_gives_both_countries(nlp: Language) -> None:
    doc = nlp("Le groupe maroco-français s'est réuni.")
    ids = {kb for text, kb in spans(doc, "COUNTRY") if text == "maroco-français"}
    assert ids == {"country:MA", "country:FR"}


def test_lowercase_common_word_is_not_a_country_name(nlp: Language) -> None:
    doc = nlp("La réunion a eu lieu.")
    assert spans(doc, "COUNTRY") == []


def test_acronym_after_its_long_form(nlp: Language) -> None:
    doc = nlp("Le rôle du Comité Permanent de Liaison Agricole (CPLA) est reconnu. Le CPLA se réunira.")
    bodies = spans(doc, "BODY")
    assert ("Comité Permanent de Liaison Agricole", "doc-body:CPLA") in bodies
    assert bodies.count(("CPLA", "doc-body:CPLA")) == 2
    assert doc._.acronyms == {"CPLA": "Comité Permanent de Liaison Agricole"}


def test_known_acronym_links_to_the_knowledge_base(nlp: Language) -> None:
    doc = nlp("Le Groupe Migratoire Mixte Permanent (GMMP) est le mécanisme de dialogue.")
    assert {kb for _, kb in spans(doc, "BODY")} == {"body:GMMP"}


def test_title_with_nationality_and_portfolio(nlp: Language) -> None:
    doc = nlp("Le ministre italien de l'Intérieur, Matteo Piantedosi, est arrivé.")
    title = next(s for s in doc.spans["diplomacy"] if s.label_ == "TITLE")
    assert title.text == "ministre italien de l'Intérieur"
    assert title._.info["role"] == "ministre de l'Intérieur"
    assert title._.info["countries"] == ["IT"]


def test_title_with_country_complement(nlp: Language) -> None:
    doc = nlp("Il a appelé le Président de la République du Sénégal, Bassirou Diomaye Faye.")
    title = next(s for s in doc.spans["diplomacy"] if s.label_ == "TITLE")
    assert title._.info["role"] == "Président de la République"
    assert title._.info["countries"] == ["SN"]


def test_international_official_gets_the_body(nlp: Language) -> None:
    doc = nlp("Elle a reçu la commissaire européenne chargée de la Méditerranée, Mme Anna Kovač.")
    title = next(s for s in doc.spans["diplomacy"] if s.label_ == "TITLE")
    assert "body:UE" in title._.info["bodies"]


def test_agreement_extent(nlp: Language) -> None:
    doc = nlp("Ils ont signé un mémorandum d'entente dans le domaine de la formation policière, qui entrera en vigueur.")
    assert [t for t, _ in spans(doc, "AGREEMENT")] == ["mémorandum d'entente dans le domaine de la formation policière"]


def test_place_and_date_spans(nlp: Language) -> None:
    doc = nlp("Il a été reçu lundi à Rabat.")
    assert [(s.text, s._.info["country"]) for s in doc.spans["diplomacy"] if s.label_ == "PLACE"] == [("Rabat", "MA")]
    assert [s.text for s in doc.spans["diplomacy"] if s.label_ == "DATE"] == ["lundi"]


def test_honorific_person_without_ner(nlp: Language) -> None:
    doc = nlp("M. Jean-Paul Kerbrat a salué l'accord.")
    assert [t for t, _ in spans(doc, "PERSON")] == ["Jean-Paul Kerbrat"]


def test_user_rule_file(tmp_path) -> None:
    rules = tmp_path / "rules.jsonl"
    rules.write_text('{"label": "BODY", "pattern": "Conseil des Sages du Fleuve", "id": "body:csf"}\n', encoding="utf-8")
    nlp = spacy.blank("fr")
    nlp.add_pipe("diplomacy_entity_rules", config={"pattern_files": [str(rules)]})
    doc = nlp("Le Conseil des Sages du Fleuve a tenu sa session.")
    assert ("Conseil des Sages du Fleuve", "body:csf") in spans(doc, "BODY")


def test_bad_rule_line_names_file_line_and_field(tmp_path) -> None:
    rules = tmp_path / "rules.jsonl"
    rules.write_text('{"label": "BODY", "pattern": "ok"}\n{"label": "BODY", "patern": "typo"}\n', encoding="utf-8")
    nlp = spacy.blank("fr")
    with pytest.raises(KnowledgeBaseError) as err:
        nlp.add_pipe("diplomacy_entity_rules", config={"pattern_files": [str(rules)]})
    message = str(err.value)
    assert "rules.jsonl:2" in message and "patern" in message


@pytest.mark.parametrize(
    "regex,crafted,hit",
    [("^(x|xx)+y$", "x" * 10_000, "xxxy"), ("(a|aa)+$", "a" * 10_000 + "b", "aaaa")],
)
def test_user_rule_regexes_run_on_re2_and_return(tmp_path, regex: str, crafted: str, hit: str) -> None:
    """Regression: overlapping alternatives got past the old screen and backtracked exponentially
    in spaCy's ``re``; a user REGEX now runs on RE2 through a token extension."""
    import json

    rules = tmp_path / "rules.jsonl"
    line = {"label": "BODY_HEAD", "pattern": [{"LOWER": {"REGEX": regex}}], "id": "crafted"}
    rules.write_text(json.dumps(line) + "\n", encoding="utf-8")
    nlp = spacy.blank("fr", config={"nlp": {"tokenizer": {"@tokenizers": "diplomacy.normalizing_tokenizer.v1"}}})
    component = nlp.add_pipe("diplomacy_entity_rules", config={"pattern_files": [str(rules)]})
    assert component.rules(nlp.make_doc(crafted)) == []
    assert ("BODY_HEAD", "crafted", 2, 3) in component.rules(nlp.make_doc(f"Le mot {hit} ici"))
    # the user's pattern is kept as written (saved with the pipeline)
    assert component.user_patterns[0].pattern == [{"LOWER": {"REGEX": regex}}]


def test_a_rule_regex_re2_cannot_compile_is_refused_with_file_and_line(tmp_path) -> None:
    from diplomacy_ner.rules.patterns import load_pattern_file

    rules = tmp_path / "rules.jsonl"
    rules.write_text(
        '{"label": "TITLE", "pattern": "ambassadrice"}\n'
        '{"label": "TITLE", "pattern": [{"LOWER": {"REGEX": "(min)istre \\\\1"}}]}\n',
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeBaseError, match=rf"\[D015\] {rules}:2: field `pattern`.*back-references"):
        load_pattern_file(rules)
