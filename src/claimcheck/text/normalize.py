"""Messy text → clean text, with a map from clean offsets back to the original.

Two kinds of change, both driven by rules/normalize.toml:
- one-for-one character replacements (full-width digits, digits of other scripts, odd
  spaces), which move no offset;
- removals (pinyin glosses, image placeholders, invisible characters, bidirectional
  controls, marks on a digit, spaces inside a Chinese numeral), recorded as
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
    # Segments cut after marks that belong to the character before them (3️⃣: the keycap).
    attached: frozenset[int] = frozenset()
    # Original offsets of the bidirectional controls removed, in order.
    bidi: tuple[int, ...] = ()

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean span [start, end) to the original span of the same characters (and
        the marks on its last character)."""
        if len(self.clean_starts) == 1:
            return start, end
        i = bisect_right(self.clean_starts, start) - 1
        original_start = self.orig_starts[i] + start - self.clean_starts[i]
        if end <= start:
            return original_start, original_start
        j = bisect_right(self.clean_starts, end - 1) - 1
        if j + 1 in self.attached and self.clean_starts[j + 1] == end:
            return original_start, self.orig_starts[j + 1]
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
    for script, zero in table.digits.items():
        if len(zero) != 1:
            raise ValueError(f"normalize.toml: digits.{script} = {zero!r} must be one character, the zero")
        mapping.update({ord(zero) + value: str(value) for value in range(10)})
    return mapping


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # beyond the Basic Multilingual Plane


@cache
def _replaced_runs(astral: bool) -> re.Pattern[str]:
    """Runs of characters the translation replaces. str.translate looks up every character
    of the text (about 50 ns each); a character class skips the rest several times faster.
    The characters beyond U+FFFF (mathematical digits) are a list of ranges the class tries
    one by one at every character: they are left out of the class for text that has none."""
    codes = sorted(code for code in _translation() if astral or code <= 0xFFFF)
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    parts = (re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return re.compile(f"[{''.join(parts)}]+")


def translate(text: str) -> str:
    """The one-for-one replacements alone (३५ → 35, ３３ → 33): every offset stays."""
    table = _translation()
    runs = _replaced_runs(_ASTRAL.search(text) is not None)
    return runs.sub(lambda run: run.group().translate(table), text)


_REMOVALS = ("image_placeholder", "pinyin_gloss", "invisible", "numeral_space")
# Removals of characters most text holds none of. Each alternative of the removal pass costs a
# test at every character, so these join it only in text where a search for them alone (one
# quick pass each) finds one.
_WHEN_FOUND = ("bidi", "marks_after_digit")


@cache
def _removal_pattern(found: tuple[str, ...]) -> regex.Pattern[str]:
    """One alternative per kind of removal; the rare ones are named groups (the one that
    matched decides whether the removed text is recorded)."""
    remove = rules.normalization().remove
    always = [f"(?:{getattr(remove, name)})" for name in _REMOVALS]
    return regex.compile("|".join(always + [f"(?P<{name}>{getattr(remove, name)})" for name in found]))


@cache
def _alone(name: str) -> re.Pattern[str] | regex.Pattern[str]:
    """A removal on its own, compiled by re where it can (a class of characters is one table
    lookup for re, several times faster than regex's), else by regex (\\p{M})."""
    pattern = getattr(rules.normalization().remove, name)
    try:
        return re.compile(pattern)
    except re.error:
        return regex.compile(pattern)


def normalize(original: str) -> Normalized:
    translated = translate(original)  # one for one: its offsets are the original's
    clean_parts: list[str] = []
    clean_starts = [0]
    orig_starts = [0]
    attached: list[int] = []
    bidi: list[int] = []
    kept_from = 0
    clean_length = 0
    found = tuple(name for name in _WHEN_FOUND if _alone(name).search(translated))
    for match in _removal_pattern(found).finditer(translated):
        start, end = match.span()
        clean_parts.append(translated[kept_from:start])
        clean_length += start - kept_from
        kept_from = end
        if match.lastgroup == "bidi":
            bidi.extend(range(start, end))
        elif match.lastgroup == "marks_after_digit":
            attached.append(len(clean_starts))
        clean_starts.append(clean_length)
        orig_starts.append(end)
    if kept_from == 0:
        return Normalized(translated, (0,), (0,))
    clean_parts.append(translated[kept_from:])
    return Normalized("".join(clean_parts), tuple(clean_starts), tuple(orig_starts), frozenset(attached), tuple(bidi))


def removed_spans(text: str) -> list[tuple[int, int]]:
    """The spans of `text` the normalizer removes before extraction, read off its offset map."""
    norm = normalize(text)
    spans = []
    for k in range(1, len(norm.clean_starts)):
        start = norm.orig_starts[k - 1] + norm.clean_starts[k] - norm.clean_starts[k - 1]
        if start < norm.orig_starts[k]:
            spans.append((start, norm.orig_starts[k]))
    return spans
