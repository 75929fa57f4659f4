""""entre A et B": the second side of a pair right after "et" is a side even when the parser
hangs it from the main verb as a subject (parses edited after the parser, invented names)."""

from __future__ import annotations

import pytest

from diplomacy_ner import api


@pytest.fixture(scope="module")
def extractor():
    return api.get_default_extractor()


def run(extractor, text: str, edit) -> list[dict]:
    doc = extractor.make_doc(text)
    for name, proc in extractor.nlp.pipeline:
        doc = proc(doc)
        if name == "parser":
            edit(doc)
    return doc._.meetings


def as_subject_of_root(word: str, nth: int = 0):
    def edit(doc) -> None:
        tok = [t for t in doc if t.text == word][nth]
        root = next(t for t in tok.sent if t.dep_ == "ROOT")
        tok.head = root
        tok.dep_ = "expl:subj"

    return edit


@pytest.mark.parametrize(
    "text, second",
    [
        (
            "Après un premier échange entre le président malien Paul Koné et le président nigérien Ali Wenbo mardi à "
            "Genève, les deux dirigeants se sont reparlé.",
            "président",
        ),
        (
            "Après une rencontre entre le président malien Paul Koné et le président nigérien Ali Wenbo lundi, voilà que "
            "les deux hommes se sont revus.",
            "président",
        ),
    ],
)
def test_the_second_side_of_entre_a_et_b_misparsed_as_a_subject(extractor, text: str, second: str) -> None:
    meetings = run(extractor, text, as_subject_of_root(second, 1))
    assert [sorted(p["name"] for p in m["participants"]) for m in meetings] == [["Ali Wenbo", "Paul Koné"]]


def test_a_subject_after_a_comma_stays_outside_the_pair(extractor) -> None:
    text = (
        "Après un entretien entre le président malien Paul Koné et le président nigérien Ali Wenbo, le ministre "
        "togolais Marc Dossou a affirmé que la coopération progresse."
    )
    meetings = run(extractor, text, lambda doc: None)
    assert [sorted(p["name"] for p in m["participants"]) for m in meetings] == [["Ali Wenbo", "Paul Koné"]]
