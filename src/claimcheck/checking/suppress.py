"""Suppression markers written in a draft: which spans of it are not checked.

- `ignore`: alone on its line, the next paragraph (the lines up to a blank line); beside
  text, its own line; in HTML, followed by an element, that element.
- `off` … `on`: everything between them (to the end of the file when `on` is missing).

Markdown and HTML use comments, which a reader never sees; plain text has no comments, so
its markers are written in brackets: `[claimcheck: ignore]`, `[claimcheck: off]`, `[claimcheck: on]`.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache
from typing import Literal

import regex

from claimcheck.text.prose import Format

Action = Literal["ignore", "off", "on"]

_COMMENT = r"<!--\s*claimcheck\s*:\s*{action}\s*-->"
_BRACKETS = r"\[\s*claimcheck\s*:\s*{action}\s*\]"
MARKERS: dict[Format, str] = {"markdown": _COMMENT, "html": _COMMENT, "text": _BRACKETS, "docx": _BRACKETS}

_VOID_ELEMENTS = frozenset("area base br col embed hr img input link meta source track wbr".split())
_START_TAG = regex.compile(r"\s*<([A-Za-z][A-Za-z0-9-]*)\b[^>]*?(/?)>")
_BLANK_LINE = regex.compile(r"\n[ \t\r]*(?:\n|\Z)")


@cache
def _marker(fmt: Format) -> regex.Pattern[str]:
    template = MARKERS[fmt]
    return regex.compile("|".join(f"(?P<{a}>{template.format(action=a)})" for a in ("ignore", "off", "on")), regex.I)


def _line_bounds(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


def _element_end(text: str, start: int) -> int | None:
    """End of the element whose start tag is at `start`, nested elements of its name included."""
    tag = _START_TAG.match(text, start)
    if tag is None:
        return None
    name = tag.group(1).lower()
    if name in _VOID_ELEMENTS or tag.group(2):
        return tag.end()
    depth = 1
    pattern = regex.compile(rf"<(/?){regex.escape(name)}\b[^>]*?(/?)>", regex.I)
    for match in pattern.finditer(text, tag.end()):
        if match.group(1):
            depth -= 1
        elif not match.group(2):
            depth += 1
        if depth == 0:
            return match.end()
    return len(text)


def _next_paragraph(text: str, position: int) -> tuple[int, int]:
    start = position
    while start < len(text) and text[start].isspace():
        start += 1
    blank = _BLANK_LINE.search(text, start)
    return start, blank.start() if blank else len(text)


def _ignored_span(text: str, marker: regex.Match[str], fmt: Format) -> tuple[int, int]:
    if fmt == "html":
        end = _element_end(text, marker.end())
        if end is not None:
            return marker.end(), end
    line_start, line_end = _line_bounds(text, marker.start())
    beside = text[line_start : marker.start()] + text[marker.end() : line_end]
    if _marker(fmt).sub("", beside).strip():
        return line_start, line_end
    return _next_paragraph(text, line_end)


def suppressed_spans(text: str, fmt: Format) -> list[tuple[int, int]]:
    """The spans of `text` whose claims are silenced by markers, in order of their start."""
    spans: list[tuple[int, int]] = []
    off_from: int | None = None
    for marker in _marker(fmt).finditer(text):
        action = marker.lastgroup
        if action == "ignore" and off_from is None:
            spans.append(_ignored_span(text, marker, fmt))
        elif action == "off" and off_from is None:
            off_from = marker.start()
        elif action == "on" and off_from is not None:
            spans.append((off_from, marker.end()))
            off_from = None
    if off_from is not None:
        spans.append((off_from, len(text)))
    return sorted(spans)


class Silenced:
    """Answers whether a claim starting at an offset lies in a suppressed span."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans = spans
        self._starts = [start for start, _ in spans]

    def __contains__(self, position: int) -> bool:
        i = bisect_right(self._starts, position)
        return any(start <= position < end for start, end in self._spans[:i])
