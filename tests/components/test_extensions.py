"""``span_info`` reads the same values as ``span._.info``."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

import diplomacy_ner.extensions as extensions
from diplomacy_ner.extensions import span_info


def _doc():
    nlp = spacy.blank("fr")
    return nlp("Le ministre béninois Koffi Adandé a reçu la ministre lettone.")


def test_span_info_is_the_value_set_on_the_span_and_none_when_unset() -> None:
    doc = _doc()
    title = doc[1:3]
    title._.info = {"role": "ministre", "countries": ["BJ"]}
    assert span_info(title) is title._.info
    assert span_info(title) == {"role": "ministre", "countries": ["BJ"]}
    assert span_info(doc[8:10]) is None
    # a span of the same characters under another label or id reads the same value, as with span._
    relabelled = Span(doc, 1, 3, label="TITLE", kb_id="x")
    assert span_info(relabelled) == relabelled._.info == {"role": "ministre", "countries": ["BJ"]}


def test_span_info_falls_back_to_the_underscore_when_spacy_keys_values_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = _doc()
    span = doc[3:5]
    span._.info = {"role": None}
    monkeypatch.setattr(extensions, "_DIRECT_INFO", False)
    assert span_info(span) == {"role": None}
    assert extensions._info_key_layout_holds()  # the installed spaCy keys them as the fast path expects
