"""``diplomacy_paragraphs``: line and paragraph breaks start sentences; commas
and glued hyphens never do.

Runs before the parser, which keeps sentence starts that are already set.
After normalisation (:mod:`diplomacy_ner.normalize`) a line break left in the
text is a real one — a paragraph, a heading, a dateline, a caption — so the
token after it starts a sentence. Without this, the parser sometimes runs a
headline, a photo caption or a Wikinews paragraph into the next sentence.

Boundaries the parser sometimes invents are ruled out: after a comma,
inside a hyphenated word the tokenizer split ("Addis - Abeba"), and between
two words with no punctuation between (two tokens of one name, "Jean-Yves Le
Drian"; a title and its name, "le chancelier Otto Scheller"; a name and the
rest of its clause, "… Nikos Dendias lors de sa rencontre"), after an
abbreviation's full stop ("S. Exc. M. …": word set ``period_abbreviation``),
and before a lower-case word ("le chargé d'affaires a.i. de l'ambassade").

A text without punctuation (a PDF or OCR dump, a transcript) would otherwise
be one sentence of thousands of tokens, and the sentence-level steps after the
parser cost the square of a sentence's length. A stretch of more than
``max_sentence_tokens`` tokens without a sentence end or line break is cut:
before the last capitalised word that follows a lower-case word in the second
half of the window (where an unpunctuated sentence most likely starts), else at
the window's end. Real prose never has sentences that long, so punctuated
text is untouched.

Reads: whitespace tokens. Sets: ``token.is_sent_start``.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import IS_ALPHA, IS_LOWER, IS_SPACE, IS_TITLE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from ..lexicons import word_set


#: The longest stretch of tokens without a sentence end left to the parser as one sentence.
DEFAULT_MAX_SENTENCE_TOKENS = 250
_SENTENCE_ENDS = frozenset({".", "!", "?", "…", "?!", "!!", "..."})


class ParagraphBoundaries:
    """Mark the token after a line break as a sentence start; cut runaway sentences.

    name (str): the component name.
    max_sentence_tokens (int): the longest stretch without a sentence end kept as one sentence.
    """

    def __init__(self, name: str = "diplomacy_paragraphs", *, max_sentence_tokens: int = DEFAULT_MAX_SENTENCE_TOKENS):
        self.name = name
        self.max_sentence_tokens = max_sentence_tokens

    def __call__(self, doc: Doc) -> Doc:
        # one array write: setting Token.is_sent_start one token at a time is quadratic
        starts = doc.to_array([SENT_START]).astype("int32")
        changed = False
        limit = self.max_sentence_tokens
        last_end = 0
        runaway = False
        # token strings and flags read through one array: `for tok in doc` builds a Token per token
        strings = doc.vocab.strings
        honorifics = word_set("line_end_honorific")
        abbreviations = word_set("period_abbreviation")
        array = doc.to_array([ORTH, IS_SPACE, IS_LOWER, SPACY, IS_ALPHA, IS_TITLE]).tolist() if len(doc) else []
        for i in range(len(array) - 1):
            orth, is_space, _, space_after, _, _ = array[i]
            nxt = i + 1
            text = strings[orth]
            if "\n" in text and is_space:
                last_end = nxt
                if i > 0 and strings[array[i - 1][0]] in honorifics:
                    starts[nxt] = -1  # "a reçu M.\nHun Sen": a line break inside a name
                    changed = True
                elif not array[nxt][1] and not array[nxt][2]:
                    starts[nxt] = 1
                    changed = True
            elif text == "," or (text in ("-", "–") and not space_after and i > 0 and not array[i - 1][3]):
                starts[nxt] = -1
                if text != ",":
                    starts[i] = -1
                changed = True
            elif text == ";" and array[nxt][2]:
                starts[nxt] = -1  # "avec A ; le président B ; et C": a list or a clause goes on in lower case
                changed = True
            elif text in _SENTENCE_ENDS or (text.endswith(".") and array[nxt][2] and array[nxt][4]):
                if array[nxt][2] and array[nxt][4]:
                    starts[nxt] = -1  # "le chargé d'affaires a.i. de l'ambassade": no sentence starts in lower case
                    changed = True
                elif text == "." and i > 0 and not array[i - 1][3] and strings[array[i - 1][0]] in abbreviations:
                    starts[nxt] = -1  # "S. Exc. M. Serge Telle": an abbreviation's full stop
                    changed = True
                else:
                    last_end = nxt
            else:
                # "Jean-Yves", "sud-coréen": a word, not alphabetic
                word = array[i][4] or ("-" in text and text.replace("-", "").isalpha())
                if word and (array[nxt][4] or array[nxt][2]) and (array[nxt][5] or array[nxt][2]):  # "Bourita s'est"
                    # never between two words without punctuation: two name tokens ("Jean-Yves Le Drian"), a
                    # title and its name ("le chancelier Otto Scheller"), a name and the rest of its clause
                    # ("… Nikos Dendias lors de sa rencontre")
                    starts[nxt] = -1
                    changed = True
                if nxt - last_end > limit:
                    runaway = True
        if runaway:
            changed |= self._cut_runaway_sentences(doc, starts)
        if changed:
            starts[0] = 1
            doc.from_array([SENT_START], starts.astype("uint64"))
        return doc

    def _cut_runaway_sentences(self, doc: Doc, starts: Any) -> bool:
        """Set a sentence start in every stretch longer than ``max_sentence_tokens``; True if any."""
        limit = self.max_sentence_tokens
        run_start = 0
        candidate = -1  # the best cut seen in the current stretch
        changed = False
        for tok in doc:
            i = tok.i
            if starts[i] == 1:
                run_start, candidate = i, -1
            elif (
                i > run_start + limit // 2
                and tok.is_title
                and doc[i - 1].is_lower
                and not doc[i - 1].is_punct
            ):
                candidate = i
            if i - run_start >= limit:
                cut = candidate if candidate > run_start else i
                starts[cut] = 1
                changed = True
                run_start, candidate = cut, -1
            if tok.text in _SENTENCE_ENDS or "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
                if i + 1 < len(doc):
                    run_start, candidate = i + 1, -1
        return changed


@Language.factory(
    "diplomacy_paragraphs",
    default_config={"max_sentence_tokens": DEFAULT_MAX_SENTENCE_TOKENS},
    assigns=["token.is_sent_start"],
)
def make_paragraphs(nlp: Language, name: str, max_sentence_tokens: int) -> ParagraphBoundaries:
    """Factory of :class:`ParagraphBoundaries`."""
    return ParagraphBoundaries(name, max_sentence_tokens=max_sentence_tokens)
