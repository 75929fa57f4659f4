"""Render a page and look at it in a real browser: a headless Chromium screenshot.

    python scripts/check_render.py                      # the bundled sample article (loads the model)
    python scripts/check_render.py page.html --png out.png

The screenshot is written as a PNG (1280×2000 by default); the script then
decodes the top of the PNG and prints how much of it is not white, and exits 1
when the page looks blank. Chromium is looked up as ``$CHROMIUM`` or
``chromium`` on PATH (Debian: ``apt-get install chromium``); without it the
script exits 2.
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser")
WINDOW_SIZE = (1280, 2000)
CHROMIUM_TIMEOUT_SECONDS = 180
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: A channel value below this counts as "ink" (not white background).
INK_THRESHOLD = 235
#: Fraction of non-white pixels under which a page counts as blank.
BLANK_FRACTION = 0.005
DEFAULT_ROWS_CHECKED = 500


def find_chromium() -> str | None:
    """The Chromium executable: ``$CHROMIUM``, else ``chromium`` (or ``chromium-browser``) on PATH.

    RETURNS (str | None): its path, or None when there is none.
    """
    override = os.environ.get("CHROMIUM")
    if override:
        return shutil.which(override) or (override if Path(override).is_file() else None)
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def screenshot(page: Path, png: Path, *, chromium: str, window: tuple[int, int] = WINDOW_SIZE) -> Path:
    """Open ``page`` in headless Chromium and save a screenshot.

    page (Path): the HTML file.
    png (Path): where to write the PNG.
    chromium (str): the Chromium executable.
    window (tuple[int, int]): window width and height in pixels.
    RETURNS (Path): the PNG path.
    RAISES (RuntimeError): Chromium failed or wrote no file.
    """
    png = png.resolve()
    png.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        command = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            f"--screenshot={png}",
            f"--window-size={window[0]},{window[1]}",
            page.resolve().as_uri(),
        ]
        completed = subprocess.run(
            command, capture_output=True, text=True, timeout=CHROMIUM_TIMEOUT_SECONDS, check=False
        )
    if completed.returncode != 0 or not png.is_file():
        raise RuntimeError(f"chromium failed (exit {completed.returncode}): {completed.stderr[-2000:]}")
    return png


class _TextOf(HTMLParser):
    """The text of a DOM dump, without styles and scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def rendered_text(page: Path, *, chromium: str) -> str:
    """The text of ``page`` once headless Chromium has loaded it (``--dump-dom``).

    page (Path): the HTML file.
    chromium (str): the Chromium executable.
    RETURNS (str): the text of the DOM, whitespace runs made single spaces.
    RAISES (RuntimeError): Chromium failed.
    """
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        completed = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--dump-dom", page.resolve().as_uri()],
            capture_output=True, text=True, timeout=CHROMIUM_TIMEOUT_SECONDS, check=False,
        )  # fmt: skip
    if completed.returncode != 0 or "<html" not in completed.stdout:
        raise RuntimeError(f"chromium failed (exit {completed.returncode}): {completed.stderr[-2000:]}")
    parser = _TextOf()
    parser.feed(completed.stdout)
    return " ".join(" ".join(parser.parts).split())


@dataclass(frozen=True)
class PngStats:
    """What the top of a screenshot looks like.

    width (int): image width in pixels.
    height (int): image height in pixels.
    rows_checked (int): how many rows from the top were decoded.
    ink_fraction (float): share of the decoded pixels that are not (near) white.
    """

    width: int
    height: int
    rows_checked: int
    ink_fraction: float


def _paeth(left: int, up: int, up_left: int) -> int:
    estimate = left + up - up_left
    to_left, to_up, to_up_left = abs(estimate - left), abs(estimate - up), abs(estimate - up_left)
    if to_left <= to_up and to_left <= to_up_left:
        return left
    return up if to_up <= to_up_left else up_left


def png_stats(path: Path, *, max_rows: int = DEFAULT_ROWS_CHECKED) -> PngStats:
    """Decode the first rows of an 8-bit, non-interlaced PNG (what Chromium writes) with the
    standard library and measure how much of it is not white.

    path (Path): the PNG file.
    max_rows (int): rows decoded from the top (the whole image is not needed to tell blank from not).
    RETURNS (PngStats): size and ink fraction.
    RAISES (ValueError): not a PNG, or a kind of PNG this small decoder does not read.
    """
    data = path.read_bytes()
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError(f"{path} is not a PNG file")
    position = len(PNG_SIGNATURE)
    header: tuple[int, ...] | None = None
    compressed = bytearray()
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            compressed += body
        elif kind == b"IEND":
            break
    if header is None:
        raise ValueError(f"{path} has no IHDR chunk")
    width, height, depth, color_type, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(color_type)
    if depth != 8 or channels is None or interlace:
        raise ValueError(
            f"unsupported PNG: bit depth {depth}, colour type {color_type}, interlace {interlace}"
        )
    stride = width * channels
    rows = min(height, max_rows)
    raw = zlib.decompressobj().decompress(bytes(compressed), rows * (stride + 1))
    colour_channels = 1 if channels <= 2 else 3  # ignore alpha
    previous = bytearray(stride)
    ink = 0
    for row_index in range(rows):
        start = row_index * (stride + 1)
        method = raw[start]
        line = bytearray(raw[start + 1 : start + 1 + stride])
        if method == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif method == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        elif method == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif method == 4:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                up_left = previous[i - channels] if i >= channels else 0
                line[i] = (line[i] + _paeth(left, previous[i], up_left)) & 0xFF
        elif method != 0:
            raise ValueError(f"unknown PNG filter {method} in row {row_index}")
        for pixel in range(0, stride, channels):
            if min(line[pixel : pixel + colour_channels]) < INK_THRESHOLD:
                ink += 1
        previous = line
    return PngStats(width, height, rows, ink / (width * rows) if rows else 0.0)


def _render_sample(page: Path) -> None:
    from diplomacy_ner import analyze
    from diplomacy_ner.cli import SAMPLE_PUBLISHED, sample_text
    from diplomacy_ner.render import render_html

    page.write_text(render_html(analyze(sample_text(), published=SAMPLE_PUBLISHED)), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command line: render (or take) a page, screenshot it, report whether it is blank."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "page", nargs="?", type=Path, help="an HTML page (default: render the sample article)"
    )
    parser.add_argument("--png", type=Path, default=Path("render_check.png"), help="the screenshot to write")
    parser.add_argument("--rows", type=int, default=DEFAULT_ROWS_CHECKED, help="rows decoded to look for ink")
    args = parser.parse_args(argv)
    chromium = find_chromium()
    if chromium is None:
        print("chromium not found: apt-get install chromium (or set $CHROMIUM)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        page = args.page
        if page is None:
            page = Path(tmp) / "sample.html"
            _render_sample(page)
        png = screenshot(page, args.png, chromium=chromium)
    stats = png_stats(png, max_rows=args.rows)
    print(
        f"{png}: {stats.width}x{stats.height}, {png.stat().st_size} bytes, "
        f"{stats.ink_fraction:.1%} non-white in the top {stats.rows_checked} rows"
    )
    if stats.ink_fraction < BLANK_FRACTION:
        print("the page looks blank", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
