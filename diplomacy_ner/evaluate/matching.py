"""The matching rules of the evaluator: when two names, roles or items are the same.

They are the reference scorer's rules (``docs/gold-format.md``), on the package's
one fold (:func:`diplomacy_ner.folding.fold`) and its honorific forms (the lexicon's
``honorific_forms``), with the evaluator's own word sets in
``resources/lexicons/words/evaluate.jsonl``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from .. import folding
from ..lexicons import word_set

__all__ = [
    "fold",
    "name_tokens",
    "names_of",
    "role_keys",
    "same_name",
    "same_role",
    "same_thing",
    "set_counts",
]

# Keys under which an entity-like item carries a name, most canonical first.
NAME_KEYS: tuple[str, ...] = ("name", "canonical", "acronym", "short_name", "code", "id", "text")
ALIAS_KEYS: tuple[str, ...] = ("aliases", "names")

NAME_FUZZY_RATIO = 0.88
THING_FUZZY_RATIO = 0.9
ROLE_OVERLAP_RATIO = 0.5
#: How a line of the ``role_periphrases`` word set separates a periphrase from its office.
PERIPHRASE_SEPARATOR = " => "

_TOKEN_SEPARATORS = re.compile(r"[\s\-'.,]+")
_PARENTHESES = re.compile(r"\([^)]*\)")
HYPHEN = "-"


@lru_cache(maxsize=1)
def name_stopwords() -> frozenset[str]:
    """Tokens dropped from names before comparing them: the package's one-word honorific
    forms ("m", "mme", "monsieur", "dr"...) and the scorer's title words ("roi", "president"...)."""
    one_word_forms = {form for form in word_set("honorific_forms") if " " not in form}
    return frozenset(one_word_forms | word_set("scorer_title_words"))


@lru_cache(maxsize=1)
def role_periphrases() -> tuple[tuple[str, str], ...]:
    """(periphrase, office) pairs, longest periphrase first ("chef de la diplomatie" -> "affaires etrangeres")."""
    pairs = (line.split(PERIPHRASE_SEPARATOR, 1) for line in word_set("role_periphrases"))
    return tuple(sorted(((a.strip(), b.strip()) for a, b in pairs), key=lambda pair: (-len(pair[0]), pair[0])))


def fold(text: str | None) -> str:
    """Fold a string for comparison: the package's :func:`~diplomacy_ner.folding.fold`
    (accents removed, case folded, apostrophes unified, whitespace collapsed), with
    parenthesised asides dropped first and hyphens kept, as the reference scorer
    compares titles word by word ("belgo-ukrainien" is one word of a title).

    text (str | None): the string.
    RETURNS (str): the folded string ("" for None or "").
    """
    if not text:
        return ""
    words = _PARENTHESES.sub(" ", text).split()
    return " ".join(HYPHEN.join(folding.fold(part) for part in word.split(HYPHEN)) for word in words)


def _split_tokens(folded: str) -> list[str]:
    return [token for token in _TOKEN_SEPARATORS.split(folded) if token]


def name_tokens(name: str | None) -> list[str]:
    """The folded tokens of a person's name without honorifics ("SM le Roi
    Mohammed VI" -> ["mohammed", "vi"]); all tokens if only honorifics remain.

    name (str | None): the name.
    RETURNS (list[str]): the tokens.
    """
    tokens = _split_tokens(fold(name))
    dropped = name_stopwords()
    kept = [token for token in tokens if token not in dropped]
    return kept or tokens


def same_name(name_a: str, name_b: str) -> bool:
    """Whether two names designate the same person: same tokens, same surname
    (last token, longer than two letters), one name being a single token of the
    other ("Laftit", "Mohammed VI"), or a close spelling.

    name_a (str): a name.
    name_b (str): another name.
    RETURNS (bool): True for the same person.
    """
    tokens_a, tokens_b = name_tokens(name_a), name_tokens(name_b)
    if not tokens_a or not tokens_b:
        return False
    if tokens_a == tokens_b:
        return True
    if tokens_a[-1] == tokens_b[-1] and len(tokens_a[-1]) > 2:
        return True
    if (len(tokens_a) == 1 and tokens_a[0] in tokens_b) or (len(tokens_b) == 1 and tokens_b[0] in tokens_a):
        return True
    ratio = difflib.SequenceMatcher(None, " ".join(tokens_a), " ".join(tokens_b)).ratio()
    return ratio >= NAME_FUZZY_RATIO


def role_keys(role: str | None) -> set[str]:
    """The content words of a role ("ministre de l'Intérieur" -> {"interieur"}),
    with periphrases such as "chef de la diplomatie" rewritten first.

    role (str | None): the role as written.
    RETURNS (set[str]): the folded content words.
    """
    folded = fold(role)
    for phrase, office in role_periphrases():
        folded = folded.replace(phrase, office)
    stopwords = word_set("role_stopwords")
    return {token for token in _split_tokens(folded) if token not in stopwords}


def same_role(role_a: str | None, role_b: str | None) -> bool:
    """Whether two role strings name the same office: one's content words
    contain the other's, or they share at least half of them. Two missing roles
    agree; a missing role never matches a given one.

    role_a (str | None): a role.
    role_b (str | None): another role.
    RETURNS (bool): True for the same office.
    """
    if not role_a and not role_b:
        return True
    if not role_a or not role_b:
        return False
    keys_a, keys_b = role_keys(role_a), role_keys(role_b)
    if not keys_a or not keys_b:
        return fold(role_a) == fold(role_b)
    if keys_a <= keys_b or keys_b <= keys_a:
        return True
    return len(keys_a & keys_b) / len(keys_a | keys_b) >= ROLE_OVERLAP_RATIO

def names_of(item: Any) -> list[str]:
    """Every name an entity-like item can be known by: the string itself, or a
    mapping's name, acronym, code, id … and aliases, most canonical first.

    item (str | Mapping | None): a gold name, an EntityRef / Entity dict, …
    RETURNS (list[str]): the names.
    """
    if item is None:
        return []
    if isinstance(item, str):
        return [item]
    names = []
    for key in NAME_KEYS:
        value = item.get(key)
        if isinstance(value, str) and value:
            names.append(value)
    for key in ALIAS_KEYS:
        aliases = item.get(key)
        if isinstance(aliases, list):
            names.extend(alias for alias in aliases if isinstance(alias, str))
    return names


def same_thing(gold_name: str, predicted: Any) -> bool:
    """Whether a predicted item (topic, body, agreement, country) is the gold
    one: one of its names is equal or close to the gold name after folding, or
    one is a title the other extends ("plan d'action X" / "plan d'action X 2013-2016").

    gold_name (str): the gold canonical name.
    predicted (str | Mapping): the predicted item.
    RETURNS (bool): True when they match.
    """
    gold = fold(gold_name)
    for name in names_of(predicted):
        candidate = fold(name)
        if not candidate:
            continue
        if candidate == gold or difflib.SequenceMatcher(None, candidate, gold).ratio() >= THING_FUZZY_RATIO:
            return True
        if _is_title_prefix(gold.split(), candidate.split()):
            return True
    return False


def _is_title_prefix(tokens_a: list[str], tokens_b: list[str]) -> bool:
    """A title given with or without its tail: the shorter (3+ tokens, 60%+ of the
    longer) opens the longer."""
    shorter, longer = (tokens_a, tokens_b) if len(tokens_a) <= len(tokens_b) else (tokens_b, tokens_a)
    return len(shorter) >= 3 and len(shorter) >= 0.6 * len(longer) and longer[: len(shorter)] == shorter


def set_counts(gold: Sequence[str], predicted: Sequence[Any]) -> tuple[int, int, int]:
    """tp, fp, fn of gold names against predicted items, matched greedily one to one.

    gold (Sequence[str]): gold names.
    predicted (Sequence): predicted items (strings or entity-like mappings).
    RETURNS (tuple[int, int, int]): true positives, false positives, false negatives.
    """
    used: set[int] = set()
    for gold_name in gold:
        for index, item in enumerate(predicted):
            if index not in used and same_thing(gold_name, item):
                used.add(index)
                break
    tp = len(used)
    return tp, len(predicted) - tp, len(gold) - tp
