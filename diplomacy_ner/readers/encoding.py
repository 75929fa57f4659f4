"""The one encoding rule for articles read from files and stdin.

In the caller's ``encoding`` when given; else UTF-8 (a byte-order mark dropped);
else the charset an HTML page declares; else the encoding charset-normalizer
detects among :data:`DETECTED_ENCODINGS`. A file none of these decode is an error
naming the file and the encodings tried.
"""

from __future__ import annotations

import re

from ..errors import Errors

__all__ = ["DETECTED_ENCODINGS", "declared_charset", "decode_article", "decode_utf8"]

#: Encodings charset-normalizer chooses from when an input file is not UTF-8 (French news:
#: Western European code pages, and UTF-16 with its byte-order mark).
DETECTED_ENCODINGS: tuple[str, ...] = ("cp1252", "latin_1", "iso8859_15", "mac_roman", "utf_16")

#: Where an HTML page that is not UTF-8 declares its encoding.
HTML_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
HTML_CHARSET_WINDOW = 4096


def decode_utf8(data: bytes) -> str:
    """Decode UTF-8 (a byte-order mark dropped).

    data (bytes): the file's bytes.
    RETURNS (str): the text.
    RAISES ValueError: "not valid UTF-8 (reason at byte N)".
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ValueError(f"not valid UTF-8 ({err.reason} at byte {err.start})") from None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page's ``<meta>`` declares (``iso-8859-1``...), if any."""
    declared = HTML_CHARSET.search(data[:HTML_CHARSET_WINDOW].decode("ascii", errors="ignore"))
    return declared.group(1) if declared else None


def decode_article(data: bytes, label: str, encoding: str | None = None, declared: str | None = None) -> str:
    """Decode an article's bytes by the package's one encoding rule (see the module docstring).

    data (bytes): the bytes.
    label (str): the file name (or ``<stdin>``) for the message.
    encoding (str | None): the caller's encoding, tried alone when given.
    declared (str | None): the charset the document declares (an HTML page's).
    RETURNS (str): the text.
    RAISES ValueError: ``[D051]`` naming the file, the encodings tried and ``--encoding``.
    """
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as err:
            reason = f"{err.reason} at byte {err.start}"
            raise ValueError(Errors.D051.format(path=label, tried=encoding, reason=reason)) from None
    try:
        return decode_utf8(data)
    except ValueError as err:
        reason = str(err)
    if declared is not None:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: detect instead
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(DETECTED_ENCODINGS)).best()
    if best is None:
        tried = ", ".join(["UTF-8", *([declared] if declared else []), *DETECTED_ENCODINGS])
        raise ValueError(Errors.D051.format(path=label, tried=tried, reason=reason))
    return str(best)
