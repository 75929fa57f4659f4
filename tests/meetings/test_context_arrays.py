"""``DocContext`` reads morphology and parts of speech from the doc's arrays: the same as the tokens."""

from __future__ import annotations

from diplomacy_ner.meetings.context import DocContext

TEXT = (
    "Le ministre Ilmar Tosk recevra demain son homologue, qu'il avait déjà rencontré. "
    "Ils se seraient entretenus par téléphone ; la visite, prévue lundi, aura-t-elle lieu ? "
    "Au menu, la coopération."
)
FIELDS = ("Tense", "Mood", "VerbForm", "Person", "Number", "Gender", "PronType", "Definite", "Reflex")


def test_features_and_verbs_match_the_tokens(extractor) -> None:
    doc = extractor.nlp(TEXT)
    step = extractor.nlp.get_pipe("diplomacy_meetings")
    ctx = DocContext(doc, topics=step.topics, lexicon=step.lexicon, spans_key=step.spans_key)
    assert any(ctx.feature(t.i, "Tense") == ["Fut"] for t in doc)  # "recevra": the features are read
    for token in doc:
        for field in FIELDS:
            assert ctx.feature(token.i, field) == token.morph.get(field), (token.text, field)
        assert ctx.is_verb(token.i) == (token.pos_ in ("VERB", "AUX")), token.text
