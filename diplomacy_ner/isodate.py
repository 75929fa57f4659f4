"""ISO 8601 days as the library accepts them: "2024-04-22", optionally followed by a time.

Python 3.11's ``date.fromisoformat`` also reads the basic form "20240422" and
week dates ("2024-W17-1"); the library refuses those, so that a number typed by
mistake is never taken for a date. Nothing here imports spaCy: the command line
checks its options with it before loading any model.
"""

from __future__ import annotations

import datetime as dt
import re

#: "YYYY-MM-DD", alone or followed by a time ("T10:15:00Z", " 10:15").
ISO_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ].*)?", re.DOTALL)


def parse_iso_day(text: str) -> dt.date | None:
    """The day of an ISO 8601 date or date-time written with dashes.

    text (str): "2024-04-22", "2024-04-22T10:15:00Z"...
    RETURNS (date | None): the day, or None when ``text`` is not such a date
        ("20240422", "22/04/2024", "2024-02-30", "2024-04-22garbage").
    """
    match = ISO_DAY.fullmatch(text)
    if match is None:
        return None
    try:
        day = dt.date.fromisoformat(match.group(1))
        if len(text) > len(match.group(1)):
            dt.datetime.fromisoformat(text)  # the time part must be valid too
    except ValueError:
        return None
    return day
