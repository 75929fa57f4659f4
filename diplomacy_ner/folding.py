"""String folding for name matching, and removal of leading honorifics (the one folding module of the package).

:func:`fold` maps the many ways a French article can spell a name to one key:
"Dačić", "Dacic" and "DACIC" all fold to ``"dacic"``; "Jean-Claude" and
"Jean Claude" to ``"jean claude"``; "l’Intérieur" and "l'Intérieur" to
``"l'interieur"``. It is the key of the alias index, so it must stay cheap and
deterministic (no locale, no data files).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that NFKD does not decompose into a base letter plus a combining mark.
#: Letters NFKD keeps whole, mapped to ASCII (shared with the meeting gate).
LETTER_MAP = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "þ": "th",
        "Þ": "th",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
        "ħ": "h",
        "Ħ": "h",
        "ŧ": "t",
        "Ŧ": "t",
    }
)
_APOSTROPHES = re.compile("[\u2019\u2018\u02bc\u02b9\u00b4\u2032\u0060]")
# Hyphen-minus, hyphen, non-breaking hyphen, figure dash, en/em dash, minus sign, soft hyphen.
_DASHES = re.compile("[\u002d\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad]")
_WHITESPACE = re.compile(r"\s+")

_FOLD_CACHE_SIZE = 65536


@lru_cache(maxsize=_FOLD_CACHE_SIZE)
def fold(text: str) -> str:
    """Fold a string to its matching key.

    NFKD decomposition with the combining marks dropped, a few letters NFKD
    keeps whole mapped to ASCII ("ø", "ł", "œ"...), case folding, every
    apostrophe unified to ``'``, hyphens and dashes turned into spaces,
    whitespace collapsed and stripped.

    text (str): The text to fold.
    RETURNS (str): The folded key, e.g. ``fold("Dačić") == "dacic"``.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.translate(LETTER_MAP).casefold()
    stripped = _APOSTROPHES.sub("'", stripped)
    stripped = _DASHES.sub(" ", stripped)
    return _WHITESPACE.sub(" ", stripped).strip()


# Pure honorifics only, as folded word sequences: a title that says what the
# person does ("président", "ministre", "cheikh", "le Roi" on its own) is
# information and stays. Longest forms are tried first ("SM le Roi" before "SM").
@lru_cache(maxsize=1)
def _honorifics() -> tuple[tuple[tuple[str, ...], ...], frozenset[tuple[str, ...]]]:
    """Honorific forms (longest first) and those honorific only in capitals, from the lexicon."""
    from .lexicons import word_set  # late: the lexicon reader imports the KB loader

    forms = tuple(sorted((tuple(f.split()) for f in word_set("honorific_forms")), key=lambda f: (-len(f), f)))
    capitals = frozenset(tuple(f.split()) for f in word_set("honorific_capitals_only"))
    return forms, capitals


# A word, with the dot of an abbreviation ("M.", "S.E.") if there is one.
_LEADING_WORD = re.compile(r"\s*([^\W\d_]+)\.?", re.UNICODE)


def strip_honorifics(name: str) -> str:
    """Remove leading honorifics from a person's name.

    Removes pure forms of address, repeatedly: "M.", "MM.", "Mme", "Mlle",
    "Monsieur", "Madame", "S.E.", "Son Excellence", "Sa Majesté", "SM",
    "SM le Roi", "Dr", "Pr", "Mgr". Titles that carry information
    ("président", "ministre", "cheikh", "le Roi" alone) are kept. Only whole
    words match, so a name starting with the same letters ("Mmadi") is kept.

    name (str): The name as written, e.g. "Son Excellence Monsieur Emmanuel Macron".
    RETURNS (str): The rest of the name, stripped ("Emmanuel Macron"); an empty
        string when the name is only honorifics.
    """
    honorifics, capitals_only = _honorifics()
    longest = len(honorifics[0])
    rest = name.strip()
    while rest:
        words: list[tuple[str, int, bool]] = []  # (folded word, end offset in rest, all capitals)
        pos = 0
        while len(words) < longest:
            match = _LEADING_WORD.match(rest, pos)
            if match is None:
                break
            words.append((fold(match.group(1)), match.end(), match.group(1).isupper()))
            pos = match.end()
        folded = tuple(word for word, _, _ in words)
        for form in honorifics:
            if folded[: len(form)] == form and (form not in capitals_only or words[0][2]):
                rest = rest[words[len(form) - 1][1] :].lstrip(" \t\n,")
                break
        else:
            break
    return rest
