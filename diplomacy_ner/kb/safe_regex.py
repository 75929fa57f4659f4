"""Screening of user-supplied regular expressions.

Rule and lexicon files may carry regexes; a pattern with nested unbounded
quantifiers ("(a+)+", "(\\w+\\s?)*", "(.*)*") can take exponential time on a
crafted input (catastrophic backtracking). Such patterns are rejected when
the file is loaded, with the file, line and field named by the caller.
"""

from __future__ import annotations

import re

MAX_REGEX_LENGTH = 500
_QUANTIFIER = re.compile(r"(?<!\\)(?:[*+]|\{\d*,\d*\})")


def _group_bodies(pattern: str) -> list[tuple[str, str]]:
    """(group body, quantifier after the group) for every parenthesised group."""
    out = []
    stack: list[int] = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            start = stack.pop()
            after = pattern[i + 1 : i + 8]
            out.append((pattern[start + 1 : i], after))
        i += 1
    return out


def check_regex(pattern: str) -> str | None:
    """Return why ``pattern`` is rejected, or None when it is acceptable.

    pattern (str): a regular expression from a user file.
    RETURNS (str | None): the problem, or None.
    """
    if len(pattern) > MAX_REGEX_LENGTH:
        return f"longer than {MAX_REGEX_LENGTH} characters"
    try:
        re.compile(pattern)
    except re.error as err:
        return f"invalid regular expression: {err}"
    for body, after in _group_bodies(pattern):
        outer = _QUANTIFIER.match(after)
        if outer and _QUANTIFIER.search(body):
            return "nested quantifiers can backtrack catastrophically (e.g. '(a+)+'); rewrite without them"
        if outer and "|" in body:
            alternatives = body.lstrip("?:").split("|")
            if len(set(alternatives)) < len(alternatives):
                return "a repeated group with identical alternatives can backtrack catastrophically"
    return None
