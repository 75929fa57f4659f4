"""No French word list in the Python code of the pipeline's components, knowledge base,
rules, tokenizer and normalisation: the words are data in resources/lexicons/words/."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "diplomacy_ner"
CHECKED = sorted(
    [*PACKAGE.glob("components/*.py"), *PACKAGE.glob("kb/*.py"), *PACKAGE.glob("rules/*.py")]
    + [PACKAGE / f"{name}.py" for name in ("normalize", "tokenizer", "extensions", "offsets", "isodate", "pipeline")]
)
FUNCTION_WORDS = {"de", "du", "des", "le", "la", "les", "et", "ou", "en", "au", "aux", "sur", "pour", "par", "un", "une", "à"}
ACCENTED = re.compile(r"[àâäéèêëîïôöùûüçœ]", re.IGNORECASE)


def _french(word: str) -> bool:
    word = word.strip().lower()
    return word in FUNCTION_WORDS or bool(ACCENTED.search(word)) or word.endswith("'")


def _word_lists(path: Path) -> list[tuple[int, list[str]]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Set | ast.Tuple | ast.List):
            words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if sum(_french(w) for w in words) >= 2:
                found.append((node.lineno, words))
    return found


@pytest.mark.parametrize("path", CHECKED, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_french_word_list_in_code(path: Path) -> None:
    assert _word_lists(path) == [], "move these words to resources/lexicons/words/ and read them with lexicons.word_set"


def test_the_check_finds_a_word_list() -> None:
    assert _word_lists(Path(__file__).with_name("test_word_lists.py"))  # FUNCTION_WORDS above
