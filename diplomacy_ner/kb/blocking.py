"""Blocking for the alias index's fuzzy step: which folded aliases are worth scoring.

Each token of five letters or more of a folded alias is indexed under itself and
under its one-deletion variants (SymSpell's trick; shorter tokens only under
themselves), so a query token finds every indexed token within one edit
(substitution, insertion, deletion or swap of neighbours) with a handful of dict
lookups. A token shared by more than ``max_block`` aliases ("republique", a common
first name) is not selective and does not block on its own; the other tokens of
the mention do.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Tokens shorter than _MIN_TOKEN are not blocking keys; from _MIN_DELETION_TOKEN
# letters on they also get their one-deletion variants (shorter variants collide too much).
_MIN_TOKEN = 3
_MIN_DELETION_TOKEN = 5
_TOKEN_SPLIT = re.compile(r"[\s']+")


def _tokens(folded: str) -> list[str]:
    stop = _stop_tokens()
    return [tok for tok in _TOKEN_SPLIT.split(folded) if len(tok) >= _MIN_TOKEN and tok not in stop]


@lru_cache(maxsize=1)
def _stop_tokens() -> frozenset[str]:
    """Words too common to pick fuzzy candidates ("les", "pour"), from ``lexicons/words/kb.jsonl``."""
    from ..lexicons import word_set  # late: the lexicon reader imports the KB loader

    return word_set("alias_stop_tokens")


def _variants(token: str) -> set[str]:
    """The token and, from five letters, every string one deletion away."""
    if len(token) < _MIN_DELETION_TOKEN:
        return {token}
    return {token} | {token[:i] + token[i + 1 :] for i in range(len(token))}


class TokenBlocks:
    """Folded aliases by their tokens and the tokens' one-deletion variants.

    max_block (int): a token shared by more aliases than this does not block alone.
    """

    def __init__(self, max_block: int) -> None:
        self.max_block = max_block
        self._folded_ids: dict[str, int] = {}
        self._folded_strings: list[str] = []
        self._token_ids: dict[str, int] = {}
        self._token_aliases: list[list[int]] = []
        self._variant_tokens: dict[str, list[int]] = {}

    def __contains__(self, folded: object) -> bool:
        return folded in self._folded_ids

    def add(self, folded: str) -> None:
        """Index a folded alias under its tokens."""
        folded_id = len(self._folded_strings)
        self._folded_ids[folded] = folded_id
        self._folded_strings.append(folded)
        token_ids = self._token_ids
        token_aliases = self._token_aliases
        variant_tokens = self._variant_tokens
        for token in set(_tokens(folded)):
            token_id = token_ids.get(token)
            if token_id is None:
                token_id = len(token_aliases)
                token_ids[token] = token_id
                token_aliases.append([folded_id])
                for variant in _variants(token):
                    holders = variant_tokens.get(variant)
                    if holders is None:
                        variant_tokens[variant] = [token_id]
                    else:
                        holders.append(token_id)
            else:
                token_aliases[token_id].append(folded_id)

    def block(self, folded: str) -> list[str]:
        """The folded aliases worth scoring against ``folded`` (see the module docstring)."""
        token_aliases = self._token_aliases
        variant_tokens = self._variant_tokens
        selected: set[int] = set()
        max_block = self.max_block
        for token in set(_tokens(folded)):
            token_ids: set[int] = set()
            count = 0
            for variant in _variants(token):
                holders = variant_tokens.get(variant)
                if holders is None:
                    continue
                for token_id in holders:
                    if token_id not in token_ids:
                        token_ids.add(token_id)
                        count += len(token_aliases[token_id])
                if count > max_block:
                    break
            # Count before collecting: a token held by too many aliases does not block.
            if count > max_block:
                continue
            for token_id in token_ids:
                selected.update(token_aliases[token_id])
        if not selected:
            return []
        return [self._folded_strings[i] for i in selected]
