"""``diplomacy_paragraphs``: line and paragraph breaks start sentences; commas
and glued hyphens never do.

Runs before the parser, which keeps sentence starts that are already set.
After normalisation (:mod:`diplomacy_ner.normalize`) a line break left in the
text is a real one — a paragraph, a heading, a dateline, a caption — so the
token after it starts a sentence. Without this, the parser sometimes runs a
headline, a photo caption or a Wikinews paragraph into the next sentence.

Two boundaries the parser sometimes invents are ruled out: after a comma, and
inside a hyphenated word the tokenizer split ("Addis - Abeba").

Reads: whitespace tokens. Sets: ``token.is_sent_start``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class ParagraphBoundaries:
    """Mark the token after a line break as a sentence start."""

    def __init__(self, name: str = "diplomacy_paragraphs"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc[:-1]:
            nxt = doc[tok.i + 1]
            if ("\n" in tok.text_with_ws and tok.is_space) or "\n" in tok.whitespace_:
                if not nxt.is_space:
                    nxt.is_sent_start = True
            elif tok.text == "," or (tok.text in ("-", "–") and not tok.whitespace_ and tok.i > 0 and not doc[tok.i - 1].whitespace_):
                nxt.is_sent_start = False
                if tok.text != ",":
                    tok.is_sent_start = False
        return doc


@Language.factory("diplomacy_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> ParagraphBoundaries:
    """Factory of :class:`ParagraphBoundaries`."""
    return ParagraphBoundaries(name)
