"""No French word list in Python code: they live in ``resources/lexicons/words/*.jsonl``.

The test walks every module of the package with ``ast`` and fails on a set, tuple
or list literal (module level or inline) of three or more strings that reads as
French: one string with a French accented letter, or two that are French function
words or words (three letters or more) of a shipped word set. Technical tuples that happen to
contain such a string (file suffixes, field names, English statuses) are allowed by
their content in :data:`ALLOWED`, with the reason.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "diplomacy_ner"
WORDS = PACKAGE / "resources" / "lexicons" / "words"
MIN_ELEMENTS = 3
#: Unaccented French words that make a literal a French word list ("a" alone may be an HTML tag).
MIN_FRENCH_WORDS = 2

FRENCH_LETTERS = re.compile("[àâäçéèêëîïôöùûüÿœæ]", re.IGNORECASE)
# Common French function words: a list holding one of them is about French text.
FRENCH_FUNCTION_WORDS = frozenset(
    "le la les l de des du d un une et en au aux à a pour par sur sous dans avec sans chez entre "
    "vers contre ce cet cette ces son sa ses leur leurs qui que qu ne pas plus il elle ils elles "
    "on se lui été être avoir ont est sont".split()
)

#: Literals that are not French word lists, by their strings, with why.
ALLOWED: dict[frozenset[str], str] = {
    frozenset({
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
        "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
        "var", "wbr",
    }): "HTML inline tag names (normalize.py), not French words",
}


def _shipped_words() -> frozenset[str]:
    words: set[str] = set()
    for path in WORDS.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            record = json.loads(line)
            for entry in record.get("words", ()):
                words.update(part for part in re.split(r"[\s'’-]+", entry.lower()) if len(part) >= 3)
    return frozenset(words)


def is_french(text: str, lexicon: frozenset[str]) -> bool:
    """Whether a string literal reads as French words (see the module docstring)."""
    if FRENCH_LETTERS.search(text):
        return True
    if re.search(r"[_/\\:.{}<>=%$]|^\W", text):  # identifiers, paths, suffixes, formats, regexes
        return False
    words = [w for w in re.split(r"[\s'’-]+", text.lower()) if w]
    return any(w in FRENCH_FUNCTION_WORDS or w in lexicon for w in words)


def french_literals(source: str, lexicon: frozenset[str]) -> list[tuple[int, list[str]]]:
    """(line, strings) of every set/tuple/list literal of 3+ strings that reads as French."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Set | ast.Tuple | ast.List):
            continue
        strings = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        if len(strings) < MIN_ELEMENTS or frozenset(strings) in ALLOWED:
            continue
        french = [s for s in strings if is_french(s, lexicon)]
        if any(FRENCH_LETTERS.search(s) for s in french) or len(french) >= MIN_FRENCH_WORDS:
            found.append((node.lineno, strings))
    return found


def test_the_rule_tells_french_word_lists_from_technical_tuples() -> None:
    lexicon = frozenset({"ministre", "sommet"})
    source = (
        'STOP = {"de", "la", "les"}\n'
        'def f(w):\n    return w in ("ministre", "secrétaire", "chef")\n'
        'SUFFIXES = (".txt", ".md", ".html")\n'
        'COLUMNS = ("article_id", "published", "meeting_index")\n'
        'STATUSES = ("held", "planned", "cancelled")\n'
        'PAIR = ("sommet", "visite")\n'
        'TAGS = ("a", "abbr", "b", "bdi")\n'
    )
    assert [line for line, _ in french_literals(source, lexicon)] == [1, 3]


def test_no_french_word_list_in_the_package() -> None:
    lexicon = _shipped_words()
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for line, strings in french_literals(path.read_text(encoding="utf-8"), lexicon):
            offenders.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {strings[:6]}")
    assert not offenders, "French word lists in Python code:\n" + "\n".join(offenders)


MY_AREAS = (
    "api.py",
    "batch.py",
    "chunking.py",
    "documents.py",
    "errors.py",
    "render.py",
    "schema.py",
    "cli",
    "distributed",
    "evaluate",
    "readers",
    "report",
)


def test_no_french_word_list_in_the_facade_cli_readers_and_evaluator() -> None:
    """The facade, CLI, readers and evaluator (moved out first; the whole package is checked above)."""
    lexicon = _shipped_words()
    offenders = []
    for area in MY_AREAS:
        target = PACKAGE / area
        paths = sorted(target.rglob("*.py")) if target.is_dir() else [target]
        for path in paths:
            for line, strings in french_literals(path.read_text(encoding="utf-8"), lexicon):
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {strings[:6]}")
    assert not offenders, "French word lists in Python code:\n" + "\n".join(offenders)
