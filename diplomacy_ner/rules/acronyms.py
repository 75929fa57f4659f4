"""Acronyms defined in the text: "Groupe Migratoire Mixte Permanent (GMMP)" and
the reverse "GMMP (Groupe Migratoire Mixte Permanent)".

The long form is found with the Schwartz & Hearst (2003) algorithm: walking
the candidate words right to left, every letter of the acronym must appear in
order, the first one at the start of a word. French function words ("de",
"la", "des", "pour"…) may be skipped by the acronym ("Organisation
internationale pour les migrations (OIM)").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc

from ..lexicons import word_set
from .extents import is_acronym_text

FUNCTION_WORDS = word_set("acronym_skipped_words")


@dataclass(frozen=True)
class AcronymDefinition:
    """An acronym and its long form, as token ranges of the doc."""

    acronym: str
    short_start: int
    short_end: int
    long_start: int
    long_end: int


def _matches(acronym: str, words: list[str]) -> bool:
    """Schwartz-Hearst: can ``acronym`` be read off ``words`` (right to left)?"""
    short = [c.lower() for c in acronym if c.isalnum()]
    text = " ".join(words).lower()
    s_idx = len(short) - 1
    l_idx = len(text) - 1
    while s_idx >= 0:
        c = short[s_idx]
        while l_idx >= 0 and (text[l_idx] != c or (s_idx == 0 and l_idx > 0 and text[l_idx - 1].isalnum())):
            l_idx -= 1
        if l_idx < 0:
            return False
        l_idx -= 1
        s_idx -= 1
    # the first letter must start the long form's first word
    return text.split()[0].startswith(short[0]) if text else False


def _long_form_before(doc: Doc, paren: int, acronym: str) -> tuple[int, int] | None:
    """The shortest run of words ending before ``doc[paren]`` that spells ``acronym``."""
    letters = sum(1 for c in acronym if c.isalnum())
    max_words = min(letters + 6, letters * 2 + 2)
    end = paren
    words: list[str] = []
    start = paren
    content = 0
    while start > 0 and len(words) < max_words + 4:
        tok = doc[start - 1]
        if tok.is_punct or tok.is_space or tok.like_num and not tok.text.isalpha():
            break
        start -= 1
        words.insert(0, tok.text)
        if tok.lower_ not in FUNCTION_WORDS:
            content += 1
        if content > max_words:
            break
        if tok.lower_ in FUNCTION_WORDS or not tok.text[:1].isalpha():
            continue
        if tok.text[0].lower() == acronym[0].lower() and _matches(acronym, words):
            return start, end
    return None


def find_acronym_definitions(doc: Doc) -> list[AcronymDefinition]:
    """Every "Long Form (ACR)" and "ACR (Long Form)" definition in ``doc``.

    doc (Doc): a tokenized doc.
    RETURNS (list[AcronymDefinition]): the definitions, in text order.
    """
    found: list[AcronymDefinition] = []
    n = len(doc)
    # only the opening brackets: `for tok in doc` would build a Token object for every token
    opening = doc.vocab.strings.add("(")
    for i in numpy.flatnonzero(doc.to_array(ORTH) == opening).tolist() if n else ():
        close = next((j for j in range(i + 1, min(n, i + 16)) if doc[j].text == ")"), None)
        if close is None or close == i + 1:
            continue
        inner = doc[i + 1 : close]
        inner_text = inner.text
        if close - i - 1 <= 3 and is_acronym_text(inner_text.replace(" ", "")):
            # Long Form (ACR)
            span = _long_form_before(doc, i, inner_text.replace(" ", "") if " " not in inner_text else inner_text)
            if span is not None:
                found.append(AcronymDefinition(inner_text, i + 1, close, span[0], span[1]))
                continue
        # ACR (Long Form)
        if i > 0 and is_acronym_text(doc[i - 1].text) and close - i - 1 >= 2:
            words = [t.text for t in inner]
            if _matches(doc[i - 1].text, words):
                found.append(AcronymDefinition(doc[i - 1].text, i - 1, i, i + 1, close))
    return found
