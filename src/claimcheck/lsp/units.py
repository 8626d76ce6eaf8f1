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
  lower-case word or a comma (`opens_after`), which the unit before decides;
- numbers alone on their lines are page furniture only several in a row (a chart's axis: a
  trap's `number_runs`), so lines of bare numbers and the labels among them are one unit.

Units are cut on the prose-only copy (Markdown, HTML), whose line breaks are where the
reader sees a paragraph end.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from claimcheck import rules
from claimcheck.engine.context import words_of
from claimcheck.rules.patterns import LINE_SPACES
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
    out = _charts_whole(masked, out)
    first = next((i for i, (start, _) in enumerate(out) if start >= head), len(out))
    if first > 1:
        out[:first] = [(0, out[first - 1][1])]
    return out or [(0, 0)]


def _charts_whole(masked: str, out: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The units, each stretch of units that hold only bare numbers and labels made one when
    it has lines enough for a run: the context a trap of number runs reads lies inside it."""
    merged: list[tuple[int, int]] = []
    stretch: list[tuple[int, int]] = []
    numbers = 0
    for unit in [*out, None]:
        lines = _chart_lines(masked[unit[0] : unit[1]]) if unit else None
        if lines is None:
            if stretch and numbers >= _number_runs()[2]:
                stretch = [(stretch[0][0], stretch[-1][1])]
            merged += stretch
            stretch, numbers = [], 0
            if unit:
                merged.append(unit)
            continue
        stretch.append(unit)
        numbers += lines
    return merged


@lru_cache(maxsize=8192)
def _chart_lines(unit: str) -> int | None:
    """How many lines of `unit` hold a bare number, if all its lines are such or labels."""
    bare, label, _ = _number_runs()
    if bare is None:
        return None
    lines = [line for line in normalize(unit).text.split("\n") if line.strip()]
    if not lines or not all(bare.fullmatch(line) or label.fullmatch(line) for line in lines):
        return None
    return sum(1 for line in lines if bare.fullmatch(line))


@lru_cache(maxsize=1)
def _number_runs() -> tuple[regex.Pattern | None, regex.Pattern | None, int]:
    """A bare number's line and a label's line as the rule tables' `number_runs` write them,
    and the fewest lines in a run (the rules are read once a process, as the engine's)."""
    tables = [
        trap.number_runs
        for code in (*rules.languages(), "common")
        for trap in rules.language(code).traps.values()
        if trap.number_runs is not None
    ]
    if not tables:
        return None, None, 0
    bare = "|".join(f"(?:{t.number})" for t in tables)
    label = "|".join(f"(?:{t.label})" for t in tables)
    return (
        regex.compile(f"{LINE_SPACES}(?:{bare}){LINE_SPACES}"),
        regex.compile(f"{LINE_SPACES}(?:{label})"),
        min(t.min_lines for t in tables),
    )


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
