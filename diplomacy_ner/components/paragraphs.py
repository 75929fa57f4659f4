"""``diplomacy_paragraphs``: line and paragraph breaks start sentences; commas
and glued hyphens never do.

Runs before the parser, which keeps sentence starts that are already set.
After normalisation (:mod:`diplomacy_ner.normalize`) a line break left in the
text is a real one — a paragraph, a heading, a dateline, a caption — so the
token after it starts a sentence. Without this, the parser sometimes runs a
headline, a photo caption or a Wikinews paragraph into the next sentence.

Three boundaries the parser sometimes invents are ruled out: after a comma,
inside a hyphenated word the tokenizer split ("Addis - Abeba"), and between two
capitalised words on one line (two tokens of one name).

Reads: whitespace tokens. Sets: ``token.is_sent_start``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.attrs import SENT_START
from spacy.tokens import Doc


class ParagraphBoundaries:
    """Mark the token after a line break as a sentence start."""

    def __init__(self, name: str = "diplomacy_paragraphs"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        # one array write: setting Token.is_sent_start one token at a time is quadratic
        starts = doc.to_array([SENT_START]).astype("int32")
        changed = False
        for tok in doc[:-1]:
            nxt = tok.i + 1
            if ("\n" in tok.text_with_ws and tok.is_space) or "\n" in tok.whitespace_:
                if not doc[nxt].is_space and not doc[nxt].is_lower:
                    starts[nxt] = 1
                    changed = True
            elif tok.text == "," or (tok.text in ("-", "–") and not tok.whitespace_ and tok.i > 0 and not doc[tok.i - 1].whitespace_):
                starts[nxt] = -1
                if tok.text != ",":
                    starts[tok.i] = -1
                changed = True
            elif tok.is_alpha and tok.is_title and not tok.whitespace_.count("\n") and doc[nxt].is_alpha and doc[nxt].is_title:
                # never between two name tokens ("Kgomotso Nomi Jolobe")
                starts[nxt] = -1
                changed = True
        if changed:
            starts[0] = 1
            doc.from_array([SENT_START], starts.astype("uint64"))
        return doc


@Language.factory("diplomacy_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> ParagraphBoundaries:
    """Factory of :class:`ParagraphBoundaries`."""
    return ParagraphBoundaries(name)
