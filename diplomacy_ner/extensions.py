"""Every custom ``Doc`` / ``Span`` attribute of the pipeline, declared once.

Values stored on ``Doc._`` are plain JSON-able data (dicts, lists, strings,
ints) so that docs survive ``DocBin`` and ``nlp.pipe(n_process=...)``. The
typed pydantic views are built by :mod:`diplomacy_ner.api` from these.

Doc attributes
    source_text (str | None): the text the caller passed in, before normalisation.
    offset_segments (list[list[int]]): the offset map, see :class:`diplomacy_ner.normalize.OffsetMap`.
    published (str | None): ISO publication date, set by the caller through ``Extractor``.
    acronyms (dict[str, str]): acronyms defined in the document ("GMMP" -> its long form).
    acronym_definitions (list[list]): each definition as [acronym, short start, short end,
        long start, long end] (token offsets), set by ``diplomacy_acronyms``.
    entities (list[dict]): canonical entities with their mentions (schema ``Entity``).
    person_roles (dict[str, dict]): role/country of each person entity id, from text then KB.
    meetings (list[dict]): meetings (schema ``Meeting``), offsets into ``source_text``.
    dateline (dict | None): the dateline city, its country, the agency tag and their offsets.
    home_country (str | None): the country an unmarked title belongs to ("Le ministre de
        l'Intérieur" in a MAP dispatch is Moroccan): the agency's country, else the most
        mentioned country outside foreign officials' titles.
    country_ranking (list[str]): the countries of the article, most mentioned first (same votes).
    body_codes (dict[str, str | None]): the participant code of every body the spans name
        ("body:ONU" -> "ONU", a national body -> its state), set by the linker so that later
        steps need no knowledge base.

Span attributes (on spans of ``doc.spans["diplomacy"]``)
    kb_id is spaCy's own ``Span.kb_id_``; ``score`` is the linking score.
    long_form (Span | None): for a defined acronym ("CPLA", in ``doc.spans["diplomacy_acronyms"]``),
        the span of its long form (a getter over ``doc._.acronym_definitions``, as scispacy's
        ``AbbreviationDetector`` sets it).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

SPAN_KEY = "diplomacy"
ACRONYM_SPAN_KEY = "diplomacy_acronyms"

_DOC_ATTRS: dict[str, object] = {
    "source_text": None,
    "offset_segments": None,
    "published": None,
    "acronyms": None,
    "acronym_definitions": None,
    "entities": None,
    "person_roles": None,
    "meetings": None,
    "dateline": None,
    "home_country": None,
    "country_ranking": None,
    "body_codes": None,
}
_SPAN_ATTRS: dict[str, object] = {"score": None, "info": None}


def _long_form(span: Span) -> Span | None:
    for acronym, _s, _e, long_start, long_end in span.doc._.acronym_definitions or ():
        if acronym == span.text:
            return span.doc[long_start:long_end]
    return None


def register_extensions() -> None:
    """Declare the custom attributes; safe to call any number of times."""
    for name, default in _DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in _SPAN_ATTRS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    if not Span.has_extension("long_form"):
        Span.set_extension("long_form", getter=_long_form)


register_extensions()


def _info_key_layout_holds() -> bool:
    """Does spaCy keep ``span._.info`` in ``doc.user_data`` under ("._.", "info", start_char, end_char)?"""
    doc = Doc(Vocab(), words=["a", "b"])
    span = doc[1:2]
    span._.info = marker = {}
    return doc.user_data.get(("._.", "info", span.start_char, span.end_char)) is marker


# spaCy's underscore holds no getter or setter for "info" (registered above with a default) and
# keys span values by their characters: read them straight from the doc's user_data
_DIRECT_INFO = _info_key_layout_holds() and Span.get_extension("info")[1:] == (None, None, None)


def span_info(span: Span) -> dict[str, Any] | None:
    """``span._.info`` (None when unset), about ten times faster.

    The rules and the meeting step read the info of the same spans over and over (about
    a hundred thousand times on 400 articles); ``span._`` builds an ``Underscore`` object
    at every read. This reads the value from ``doc.user_data`` where spaCy stores it,
    when spaCy stores it as this library expects (checked once at import), and through
    ``span._.info`` otherwise.
    """
    if _DIRECT_INFO:
        return span.doc.user_data.get(("._.", "info", span.start_char, span.end_char))
    return span._.info
