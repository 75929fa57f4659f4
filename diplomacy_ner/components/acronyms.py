"""``diplomacy_acronyms``: acronyms the text defines, as scispacy's ``AbbreviationDetector`` does.

"Comité permanent de liaison agricole (CPLA)" or "CPLA (Comité permanent de liaison
agricole)" defines CPLA; every later "CPLA" of the text is that acronym.

Sets: ``doc._.acronyms`` (acronym -> its long form, as written),
``doc._.acronym_definitions`` (token offsets of each definition, JSON-able) and
``doc.spans[spans_key]``: every short form of a defined acronym (label ``ACRONYM``),
whose ``Span._.long_form`` is the long form's span. The entity rules read the
definitions to make bodies and agreements of them.
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import ACRONYM_SPAN_KEY, register_extensions
from ..rules.acronyms import AcronymDefinition, find_acronym_definitions


class AcronymDetector:
    """Find acronym definitions and every use of a defined acronym.

    nlp (Language): the pipeline.
    name (str): component name.
    spans_key (str): the span group of the short forms.
    """

    def __init__(self, nlp: Language, name: str = "diplomacy_acronyms", *, spans_key: str = ACRONYM_SPAN_KEY):
        register_extensions()
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        definitions = find_acronym_definitions(doc)
        doc._.acronym_definitions = [
            [d.acronym, d.short_start, d.short_end, d.long_start, d.long_end] for d in definitions
        ]
        doc._.acronyms = {d.acronym: doc[d.long_start : d.long_end].text for d in definitions}
        doc.spans[self.spans_key] = short_forms(doc, definitions)
        return doc


def definitions_of(doc: Doc) -> list[AcronymDefinition]:
    """The definitions ``diplomacy_acronyms`` found, or found now when it did not run.

    doc (Doc): a tokenized doc.
    RETURNS (list[AcronymDefinition]): the definitions, in text order.
    """
    saved = doc._.acronym_definitions
    if saved is None:
        return find_acronym_definitions(doc)
    return [AcronymDefinition(acronym, s, e, ls, le) for acronym, s, e, ls, le in saved]


def short_forms(doc: Doc, definitions: list[AcronymDefinition]) -> list[Span]:
    """Every token that is a defined acronym, outside its definitions' long forms."""
    if not definitions:
        return []
    defined = {d.acronym for d in definitions}
    long_tokens = {i for d in definitions for i in range(d.long_start, d.long_end)}
    # token strings through one array: `for tok in doc` builds a Token object per token
    strings = doc.vocab.strings
    return [
        Span(doc, i, i + 1, label="ACRONYM")
        for i, orth in enumerate(doc.to_array(ORTH).tolist())
        if strings[orth] in defined and i not in long_tokens
    ]


@Language.factory(
    "diplomacy_acronyms",
    default_config={"spans_key": ACRONYM_SPAN_KEY},
    assigns=["doc._.acronyms", "doc._.acronym_definitions", "doc.spans"],
)
def make_acronyms(nlp: Language, name: str, spans_key: str) -> AcronymDetector:
    """Factory of :class:`AcronymDetector`."""
    return AcronymDetector(nlp, name, spans_key=spans_key)
