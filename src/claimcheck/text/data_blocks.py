"""Paragraphs of data inside a draft, which are not read for claims (rules/data_blocks.toml).

A megabyte of `1,1,1,…` or a pasted column of figures holds hundreds of thousands of numbers
with no subject, metric or sentence to check them against; reading each as a claim would take
minutes and bury the draft's real claims. Finding such a paragraph costs one pass over it.
"""

from __future__ import annotations

from functools import cache

import regex

from claimcheck import rules
from claimcheck.models import Skipped
from claimcheck.text.normalize import translate

_BLANK_LINE = regex.compile(r"\n[^\S\n]*+\n")


@cache
def _not_data() -> dict[int, None]:
    return dict.fromkeys(map(ord, "".join(rules.data_blocks().characters)))


def find(text: str) -> list[tuple[int, int]]:
    """The spans of `text`'s data paragraphs, in order."""
    table = rules.data_blocks()
    if len(text) < table.min_chars:
        return []
    found = []
    start = 0
    for separator in [*_BLANK_LINE.finditer(text), None]:
        end = separator.start() if separator else len(text)
        if end - start >= table.min_chars and _is_data(text[start:end], table.min_share):
            found.append((start, end))
        start = separator.end() if separator else end
    return found


def skipped(text: str, start: int = 0, lines: int = 0) -> list[Skipped]:
    """The data paragraphs of `text` as records; `start` and `lines` place `text` in a whole."""
    reason = rules.data_blocks().reason
    return [
        Skipped.trusted(start=start + a, end=start + b, line=lines + text.count("\n", 0, a) + 1, reason=reason)
        for a, b in find(text)
    ]


def _is_data(paragraph: str, min_share: float) -> bool:
    # Digits and separators of other scripts (١٬١٬…) count as the ASCII ones they are read as.
    other = len(translate(paragraph).translate(_not_data()))  # what is left once the data characters go
    return len(paragraph) - other >= min_share * len(paragraph)


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span written over in spaces: offsets stay, nothing in them is read."""
    parts = []
    kept = 0
    for start, end in spans:
        parts += [text[kept:start], " " * (end - start)]
        kept = end
    parts.append(text[kept:])
    return "".join(parts)
