"""Messy text → clean text, with a map from clean offsets back to the original.

Two kinds of change, both driven by rules/normalize.toml:
- one-for-one character replacements (full-width digits, odd spaces), which move no offset;
- removals (pinyin glosses, image placeholders, invisible characters, spaces inside a
  Chinese numeral), recorded as
  segments so that every clean offset maps back to an exact original offset.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

import regex

from claimcheck import rules

_FULLWIDTH_FIRST, _FULLWIDTH_LAST, _FULLWIDTH_SHIFT = 0xFF01, 0xFF5E, 0xFF01 - 0x21


@dataclass(frozen=True, slots=True)
class Normalized:
    """Clean text plus the segments it was cut from.

    Segment i covers clean[clean_starts[i]:...] and begins at original offset orig_starts[i];
    within a segment, offsets move together.
    """

    text: str
    clean_starts: tuple[int, ...]
    orig_starts: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean span [start, end) to the original span of the same characters."""
        if len(self.clean_starts) == 1:
            return start, end
        i = bisect_right(self.clean_starts, start) - 1
        original_start = self.orig_starts[i] + start - self.clean_starts[i]
        if end <= start:
            return original_start, original_start
        j = bisect_right(self.clean_starts, end - 1) - 1
        return original_start, self.orig_starts[j] + end - self.clean_starts[j]


@cache
def _translation() -> dict[int, str]:
    table = rules.normalization().replace
    mapping: dict[int, str] = {}
    if table.fullwidth_ascii:
        for code in range(_FULLWIDTH_FIRST, _FULLWIDTH_LAST + 1):
            mapping[code] = chr(code - _FULLWIDTH_SHIFT)
    for space in table.spaces:
        mapping[ord(space)] = " "
    for newline in table.newlines:
        mapping[ord(newline)] = "\n"
    for source, target in table.characters.items():
        if len(source) != 1 or len(target) != 1:
            raise ValueError(f"normalize.toml: {source!r} → {target!r} must be one character each")
        mapping[ord(source)] = target
    return mapping


@cache
def _replaced_runs() -> re.Pattern[str]:
    """Runs of characters the translation replaces. str.translate looks up every character
    of the text (about 50 ns each); a character class skips the rest several times faster."""
    codes = sorted(_translation())
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    parts = (re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return re.compile(f"[{''.join(parts)}]+")


def _translate(text: str) -> str:
    table = _translation()
    return _replaced_runs().sub(lambda run: run.group().translate(table), text)


@cache
def _removal_pattern() -> regex.Pattern[str]:
    remove = rules.normalization().remove
    parts = (remove.image_placeholder, remove.pinyin_gloss, remove.invisible, remove.numeral_space)
    return regex.compile("|".join(f"(?:{part})" for part in parts))


def normalize(original: str) -> Normalized:
    translated = _translate(original)
    clean_parts: list[str] = []
    clean_starts = [0]
    orig_starts = [0]
    kept_from = 0
    clean_length = 0
    for match in _removal_pattern().finditer(translated):
        start, end = match.span()
        clean_parts.append(translated[kept_from:start])
        clean_length += start - kept_from
        kept_from = end
        clean_starts.append(clean_length)
        orig_starts.append(end)
    if kept_from == 0:
        return Normalized(translated, (0,), (0,))
    clean_parts.append(translated[kept_from:])
    return Normalized("".join(clean_parts), tuple(clean_starts), tuple(orig_starts))
