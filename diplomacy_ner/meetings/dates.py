"""French date expressions in news text, resolved against the publication date.

:func:`find_date_expressions` finds every date expression of a text in one
pass of a compiled regular expression ("mardi", "hier soir", "le 3 juin 2025",
"lundi 17 mars", "le même jour", "en juillet 2024"), and
:func:`resolve_date` turns one into a calendar day with the news rule of
``GOLD_FORMAT.md``: a weekday equal to the publication day's is that day,
otherwise the most recent such day before it; "hier" is the day before; a day
and month without a year take the publication year.

Day-month-year strings are parsed by ``dateparser`` (French, day-month-year
order); the weekday rule and the choice of year are applied here, because
``dateparser`` does not know them. Both steps are cached, so a corpus where the
same expressions recur pays for each parse once.
"""

from __future__ import annotations

from ..lexicons import word_list

import datetime as dt
import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

logger = logging.getLogger("diplomacy_ner")

DateKind = Literal["weekday", "relative", "absolute", "same_day", "month"]

# A day and month without a year may lie this many days after `published` and
# still take the publication year (an article announcing "le 21 décembre" a
# few days ahead); further ahead, the date is read as last year's.
DEFAULT_FUTURE_TOLERANCE_DAYS = 7

DATEPARSER_SETTINGS: dict[str, object] = {
    "DATE_ORDER": "DMY",
    "PREFER_DATES_FROM": "past",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["absolute-time"],
}

#: French weekdays, Monday first (``resources/lexicons/words/meetings.jsonl``).
WEEKDAYS: tuple[str, ...] = word_list("weekdays")


@dataclass(frozen=True)
class DateExpression:
    """A date expression found in a text.

    start (int): Character offset of the first character.
    end (int): Character offset after the last character (``text[start:end] == self.text``).
    text (str): The expression as written: "mercredi dernier", "le 3 juin 2025".
    kind (str): "weekday" ("lundi", "ce mardi", "jeudi soir"), "relative" ("hier",
        "aujourd'hui", "la veille"), "absolute" (a day and a month, with or without a
        year or a weekday: "le 8 septembre", "mardi 25 juin", "30/09/2025"),
        "same_day" ("le même jour") or "month" ("en juillet 2024": background, not a day).
    """

    start: int
    end: int
    text: str
    kind: DateKind


# --- the one-pass pattern -------------------------------------------------------------------------

# One space, or a short run of spaces with at most one line break (PDF-wrapped lines), never a paragraph.
_S = r"(?:[^\S\n]{1,4}|[^\S\n]{0,3}\n[^\S\n]{0,3})"
_APOS = "['\u2019\u02bc]"
_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b"
_MONTH_FULL = (
    r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)\b"
)
_MONTH_ABBR = r"(?:janv|f[ée]vr?|avr|juil|sept|oct|nov|d[ée]c)(?:\.|\b)"
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_DAY = r"(?<![\w.,/])(?:1er|1\u1d49\u02b3|[12]\d|3[01]|0?[1-9])(?![\d/])"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?!\d)"
_TIME_OF_DAY = r"(?:matin|soir|apr[èe]s-midi|midi)\b"
_PAST_OR_NEXT = r"(?:dernier|pass[ée]|prochain)\b"
# "25 au 27", "16 et 17", "14-15": the second day of a range (the first is _DAY).
_RANGE_END = rf"(?:{_S}(?:au|et){_S}|{_S}?[-\u2013]{_S}?){_DAY}"

_BRANCHES: tuple[tuple[str, str], ...] = (
    # "du 25 au 27 janvier", "les 16 et 17 mai", "14-15 mars": the first day counts.
    (
        "absolute_range",
        rf"(?:\b(?:du|les){_S})?{_DAY}{_RANGE_END}{_S}{_MONTH}(?:{_S}{_YEAR})?",
    ),
    # "lundi 17 mars", "le jeudi 5 mai 2005", "ce mardi 30 août"
    (
        "absolute_weekday",
        rf"(?:\b(?:le|ce){_S})?\b{_WEEKDAY}{_S}{_DAY}{_S}{_MONTH}(?:{_S}{_YEAR})?(?:{_S}{_PAST_OR_NEXT})?",
    ),
    # "le 3 juin 2025", "14 décembre", "1er mars", "le 11 octobre dernier", "9 sept."
    ("absolute", rf"(?:\b(?:le|ce){_S})?{_DAY}{_S}{_MONTH}(?:{_S}{_YEAR})?(?:{_S}{_PAST_OR_NEXT})?"),
    # "30/09/2025", "le 03.06.2025"
    (
        "absolute_numeric",
        rf"(?:\ble{_S})?(?<![\w./])(?:0?[1-9]|[12]\d|3[01])(?P<sep>[/.])(?:0?[1-9]|1[0-2])(?P=sep){_YEAR}",
    ),
    ("same_day", rf"\b(?:(?:le|ce){_S}m[êe]me{_S}jour|le{_S}jour{_S}m[êe]me|ce{_S}jour-l[àa])(?![\w-])"),
    (
        "relative",
        rf"\b(?:avant(?:-|{_S})hier|hier(?:{_S}{_TIME_OF_DAY})?|aujourd{_APOS}\s?hui|ce{_S}(?:matin|soir|jour)"
        rf"|cet{_S}apr[èe]s-midi|la{_S}veille(?:{_S}au{_S}soir)?|le{_S}lendemain)(?![\w-])",
    ),
    # "en juillet 2024", "début mars", "mi-mai", "octobre 2024", "en février dernier", "déc. 2024"
    (
        "month",
        rf"(?:(?:\b(?:en|d[ée]but|fin|courant|depuis|mois{_S}de){_S}|\bmi-|\bmois{_S}d{_APOS}\s?)"
        rf"{_MONTH_FULL}(?:{_S}{_YEAR})?(?:{_S}{_PAST_OR_NEXT})?|\b{_MONTH}{_S}{_YEAR})",
    ),
    # "lundi", "ce mardi", "mercredi dernier", "jeudi soir", "ce même lundi"
    (
        "weekday",
        rf"(?:\bcet?{_S}(?:m[êe]me{_S})?)?\b{_WEEKDAY}(?:{_S}{_PAST_OR_NEXT})?(?:{_S}{_TIME_OF_DAY})?",
    ),
)

_KIND_OF_BRANCH: dict[str, DateKind] = {
    "absolute_range": "absolute",
    "absolute_weekday": "absolute",
    "absolute": "absolute",
    "absolute_numeric": "absolute",
    "same_day": "same_day",
    "relative": "relative",
    "month": "month",
    "weekday": "weekday",
}

# Every branch starts with a digit or one of these words (or their start): the lookahead rejects most
# positions before any branch is tried.
_WORD_START = (
    r"(?<!\w)(?=\d|(?:du|les|le|ce|cet|la|avant|hier|aujourd|en|d[ée]but|fin|courant|depuis|mois|mi-|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janv|f[ée]v|mars|avr|mai|juin|juil|ao[ûu]t|sept|oct|nov|d[ée]c))"
)
DATE_PATTERN = re.compile(
    _WORD_START + "(?:" + "|".join(f"(?P<{name}>{body})" for name, body in _BRANCHES) + ")", re.IGNORECASE
)

# Sub-patterns used to read one expression's parts once it is found.
_DAY_MONTH_YEAR = re.compile(
    rf"(?P<day>{_DAY})(?:{_RANGE_END})?{_S}(?P<month>{_MONTH})(?:{_S}(?P<year>{_YEAR}))?",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>\d{4})")
_WEEKDAY_WORD = re.compile(_WEEKDAY, re.IGNORECASE)


def find_date_expressions(text: str) -> list[DateExpression]:
    """Find the French date expressions of a text, in text order.

    One pass of a compiled, case-insensitive regular expression; matches do not
    overlap and the longest form at a position wins ("lundi 17 mars 2025" is one
    absolute expression, not a weekday and a date). Month names need a day, a
    year or a preposition ("en", "début", "fin", "mi-") to count, so "Mars" or
    "Mai" as a name is not a date.

    text (str): The text to search.
    RETURNS (list[DateExpression]): The expressions, with offsets into `text`.
    """
    expressions: list[DateExpression] = []
    for match in DATE_PATTERN.finditer(text):
        # `lastgroup` is the outermost group that closed last: the branch, never the inner `sep`.
        kind = _KIND_OF_BRANCH[match.lastgroup or "absolute"]
        expressions.append(DateExpression(match.start(), match.end(), match.group(0), kind))
    return expressions


def resolve_date(
    expr: DateExpression,
    published: dt.date | None,
    *,
    previous: dt.date | None = None,
) -> dt.date | None:
    """Turn a date expression into a calendar day.

    - weekday: the publication day if it is that weekday, else the most recent such day
      before it; "mercredi dernier" is strictly before (7 days earlier when published on
      a Wednesday); "mercredi prochain" the next one after.
    - relative: "hier" is `published` - 1, "avant-hier" - 2, "aujourd'hui", "ce matin",
      "ce soir" are `published`; "la veille" is `previous` - 1 and "le lendemain"
      `previous` + 1 (None without `previous`).
    - absolute: a full date is that date, with or without `published`; a day and month
      without a year take the publication year, or the year before when that would lie
      more than a week after `published` (or after it at all, for "le 11 octobre dernier").
    - same_day: `previous`.
    - month: None (a month is not a day).

    expr (DateExpression): The expression, from :func:`find_date_expressions`.
    published (date | None): The article's publication date.
    previous (date | None): The date of the event the text spoke of just before, for
        "le même jour", "la veille", "le lendemain".
    RETURNS (date | None): The day, or None when the text and `published` do not determine it.
    """
    return _resolve(expr.kind, _normalise(expr.text), _as_date(published), _as_date(previous))


def _as_date(value: dt.date | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower()
    text = re.sub(r"\s+", " ", text)
    return text.replace("\u2019", "'").replace("\u02bc", "'")


@lru_cache(maxsize=8192)
def _resolve(
    kind: DateKind, text: str, published: dt.date | None, previous: dt.date | None
) -> dt.date | None:
    if kind == "month":
        return None
    if kind == "same_day":
        return previous
    if kind == "relative":
        return _resolve_relative(text, published, previous)
    if kind == "weekday":
        return _resolve_weekday(text, published)
    return _resolve_absolute(text, published)


def _resolve_relative(text: str, published: dt.date | None, previous: dt.date | None) -> dt.date | None:
    if "veille" in text:
        return previous - dt.timedelta(days=1) if previous is not None else None
    if "lendemain" in text:
        return previous + dt.timedelta(days=1) if previous is not None else None
    if published is None:
        return None
    if text.startswith("avant"):
        return published - dt.timedelta(days=2)
    if text.startswith("hier"):
        return published - dt.timedelta(days=1)
    # aujourd'hui, ce matin, ce soir, cet après-midi
    return published


def _resolve_weekday(text: str, published: dt.date | None) -> dt.date | None:
    match = _WEEKDAY_WORD.search(text)
    if published is None or match is None:
        return None
    weekday = WEEKDAYS.index(match.group(0).lower())
    if "prochain" in text:
        ahead = (weekday - published.weekday()) % 7 or 7
        return published + dt.timedelta(days=ahead)
    back = (published.weekday() - weekday) % 7
    if back == 0 and ("dernier" in text or "pass" in text):
        back = 7
    return published - dt.timedelta(days=back)


def _resolve_absolute(text: str, published: dt.date | None) -> dt.date | None:
    numeric = _NUMERIC.search(text)
    if numeric is not None:
        return _parse_day_month_year(numeric["day"], numeric["month"], numeric["year"], "/")
    match = _DAY_MONTH_YEAR.search(text)
    if match is None:
        logger.debug("No day and month in date expression %r", text)
        return None
    day, month = match["day"], match["month"]
    if match["year"] is not None:
        return _parse_day_month_year(day, month, match["year"], " ")
    if published is None:
        return None
    year = published.year
    candidate = _parse_day_month_year(day, month, str(year), " ")
    if "prochain" in text:
        if candidate is None or candidate < published:
            candidate = _parse_day_month_year(day, month, str(year + 1), " ")
        return candidate
    limit = published if "dernier" in text else published + dt.timedelta(days=DEFAULT_FUTURE_TOLERANCE_DAYS)
    if candidate is None or candidate > limit:
        # None: 29 February of a common year; the year before may not be a leap year either.
        candidate = _parse_day_month_year(day, month, str(year - 1), " ")
    return candidate


@lru_cache(maxsize=4096)
def _parse_day_month_year(day: str, month: str, year: str, separator: str) -> dt.date | None:
    parsed = _date_parser().get_date_data(separator.join((day, month, year)))
    if parsed.date_obj is None:
        return None
    return parsed.date_obj.date()


@lru_cache(maxsize=1)
def _date_parser() -> DateDataParser:
    # Imported on first use: dateparser loads its language data lazily and costs ~0.25 s on the first parse.
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["fr"], settings=DATEPARSER_SETTINGS)
