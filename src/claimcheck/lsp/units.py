"""A draft cut into the units the language server re-reads one by one.

The engine ends every sentence at a line break and carries a subject or an entity only
within a line (claimcheck.run.stream relies on the same), so a draft may be read a line at a
time and give the claims of the whole, with three exceptions this module keeps whole:

- a paragraph of data (claimcheck.text.data_blocks: found among the blank-line paragraphs)
  must be seen whole to be left out, so a paragraph that is data, or holds a line that
  would be data on its own, is one unit;
- the vocabulary that tells a name from a sentence opener is the whole text's: each unit
  gives its words, and the words it asks about are part of its key (`asked`);
- a capitalised word at the start of a line is a name when the line before ends with a
  lower-case word or a comma (`opens_after`), which the unit before decides.

Units are cut on the prose-only copy (Markdown, HTML), whose line breaks are where the
reader sees a paragraph end.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from claimcheck.engine.context import words_of
from claimcheck.text import data_blocks
from claimcheck.text.normalize import normalize

_BLANK_LINE = regex.compile(r"\n[^\S\n]*+\n")
_LINE_END = regex.compile(r"\n")
_CAPITALISED = regex.compile(r"\b[A-Z][A-Za-z]*\b")
_OPENING = regex.compile(r"[A-Z][A-Za-z]+")
_ENDS_MID_SENTENCE = regex.compile(r"[a-z,;]\s\Z")


def _cuts(paragraph: str) -> list[int]:
    """Where a paragraph (with the blank line after it) may be cut: after each of its line
    breaks, unless it is data or holds a line that is data on its own."""
    if data_blocks.find(paragraph):
        return []
    cuts = [match.end() for match in _LINE_END.finditer(paragraph.rstrip())]
    bounds = [0, *cuts, len(paragraph)]
    if any(data_blocks.find(paragraph[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)):
        return []
    return cuts


@lru_cache(maxsize=8192)
def _paragraph_cuts(paragraph: str) -> tuple[int, ...]:
    return tuple(_cuts(paragraph))


def spans(masked: str, head: int = 0) -> list[tuple[int, int]]:
    """The units of the prose-only text: spans that cover it end to end, each ending after a
    line break (the last one at the end of the text); those starting before `head` are one."""
    out: list[tuple[int, int]] = []
    start = 0
    for separator in [*_BLANK_LINE.finditer(masked), None]:
        end = separator.end() if separator else len(masked)
        if end <= start:
            continue
        bounds = [start, *(start + cut for cut in _paragraph_cuts(masked[start:end])), end]
        out += zip(bounds, bounds[1:], strict=False)
        start = end
    first = next((i for i, (start, _) in enumerate(out) if start >= head), len(out))
    if first > 1:
        out[:first] = [(0, out[first - 1][1])]
    return out or [(0, 0)]


@dataclass(frozen=True, slots=True)
class Words:
    """What the vocabulary of the whole text takes from a unit, and what the unit asks of it."""

    proper: frozenset[str]  # capitalised words after a lower-case word or a comma
    lower: frozenset[str]  # lower-case words
    opening: str | None  # a capitalised word opening the unit: a name when the unit before allows
    opens_after: bool  # the unit ends so that a capitalised word after it is a name
    asked: tuple[str, ...]  # its capitalised words, which the engine may look up


@lru_cache(maxsize=16384)
def words(unit: str) -> Words:
    clean = normalize(unit).text
    proper, lower = words_of(clean)
    opening = _OPENING.match(clean)
    return Words(
        frozenset(proper),
        frozenset(lower),
        opening.group() if opening else None,
        _ENDS_MID_SENTENCE.search(clean) is not None,
        tuple(sorted(set(_CAPITALISED.findall(clean)))),
    )
