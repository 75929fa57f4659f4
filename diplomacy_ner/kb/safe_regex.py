"""User regular expressions run on RE2, a linear-time engine.

Rule and lexicon files may carry regular expressions. Python's ``re`` is a
backtracking engine: a pattern with overlapping alternatives under a
repetition ("(x|xx)+y", "(a|aa)+$") or nested quantifiers ("(a+)+") can take
exponential time on a crafted text, and no screen of the pattern catches every
such case. So user regexes are never run by ``re``: they are compiled with
RE2 (the ``google-re2`` binding), whose matching time is linear in the text
whatever the pattern. A pattern RE2 cannot compile — back-references,
lookahead or lookbehind, possessive quantifiers, conditionals — is refused when
the file is loaded, with the file, line, field and RE2's reason.

RE2 follows Python's syntax for everything else (groups, classes, ``(?:...)``,
``(?P<name>...)``, ``{m,n}``), with one difference to know: ``\\w``, ``\\d``,
``\\s`` and ``\\b`` are ASCII-only; write ``\\pL`` (any letter) or an explicit
class such as ``[a-zà-ÿ]`` for accented letters.
"""

from __future__ import annotations

from typing import Any

import re2

MAX_REGEX_LENGTH = 500

#: RE2 options for user regexes: never log to stderr; a generous but bounded memory budget.
_OPTIONS = re2.Options()
_OPTIONS.log_errors = False
_OPTIONS.max_mem = 32 << 20

RE2Error = re2.error


def compile_user_regex(pattern: str | bytes) -> Any:
    """Compile a user regex on RE2.

    pattern (str | bytes): the regular expression (str), or its UTF-8 bytes to match bytes.
    RETURNS (re2._Regexp): the compiled pattern (``search``, ``finditer``... like ``re``).
    RAISES ValueError: why the pattern is refused (RE2 cannot compile it).
    """
    try:
        return re2.compile(pattern, options=_OPTIONS)
    except re2.error as err:
        raise ValueError(f"RE2 cannot compile it ({_reason(err)})") from None


def _reason(err: Exception) -> str:
    raw = err.args[0] if err.args else err
    message = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    if "invalid perl operator: (?<" in message or "invalid perl operator: (?=" in message or "(?!" in message:
        return f"{message}: lookahead and lookbehind are not supported"
    if re2.search(r"invalid escape sequence: \\[1-9]", message):
        return f"{message}: back-references are not supported"
    if "bad repetition operator: ++" in message or "*+" in message or "?+" in message:
        return f"{message}: possessive quantifiers are not supported"
    return message


def check_regex(pattern: str) -> str | None:
    """Return why ``pattern`` is refused, or None when RE2 runs it.

    pattern (str): a regular expression from a user file.
    RETURNS (str | None): the problem, or None.
    """
    if len(pattern) > MAX_REGEX_LENGTH:
        return f"longer than {MAX_REGEX_LENGTH} characters"
    try:
        compile_user_regex(pattern)
    except ValueError as err:
        return str(err)
    return None
