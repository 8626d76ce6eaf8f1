"""A family of rule patterns (the traps, the periods) run over a text together.

Each pattern is a pass of the regex engine over the whole text, and a table holds a hundred of
them. So one scan finds the anchors of every pattern (claimcheck.rules.anchors): a pattern
none of whose anchors is in the text is not run at all, and a pattern that never matches
across a line break is tried only on the lines that hold one of its anchors. Each pattern
finds exactly what it finds alone (RulePattern.spans over the whole text); a pattern whose
anchors are unknown, or so frequent that lines would cost more than the pass, runs alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from claimcheck.rules.anchors import NONE, Anchor, anchoring
from claimcheck.rules.patterns import word_trie
from claimcheck.rules.rule_pattern import RulePattern

_DENSE = 48  # more than one anchor in this many characters: the whole pass is cheaper
_SAMPLE = 1 << 15  # how much of a long text shows which anchors are too frequent to look for
_SPARSE = 1500  # an anchor found more often than once in this many characters there is left out
_FINDERS = 16  # scans kept compiled, for as many sets of anchors


class PatternFamily:
    def __init__(self, patterns: Iterable[RulePattern]) -> None:
        self.patterns = tuple(patterns)
        self._plans = [anchoring(p.pattern.pattern) for p in self.patterns]
        self._finders: dict[frozenset[Anchor], tuple[_Finder, _Finder]] = {}
        self._all = frozenset(a for plan in self._plans for a in plan.anchors)

    def __iter__(self) -> Iterator[RulePattern]:
        return iter(self.patterns)

    def __len__(self) -> int:
        return len(self.patterns)

    def spans(self, text: str) -> list[list[tuple[int, int]]]:
        """The spans of each pattern in `text`, in the order of the patterns."""
        plans = self._plans
        if len(text) > 2 * _SAMPLE:
            # Anchors frequent at the start of a long text are left out of the scan: there the
            # scan would cost more than the passes it saves.
            seen = self._places(text[:_SAMPLE], self._all)
            dense = {a for a, places in seen.items() if len(places) * _SPARSE > _SAMPLE}
            plans = [NONE if dense & plan.anchors else plan for plan in plans]
        found = self._places(text, frozenset(a for plan in plans for a in plan.anchors))
        out = []
        for pattern, plan in zip(self.patterns, plans, strict=True):
            if not plan.anchors:
                out.append(list(pattern.spans(text)))
                continue
            places = [p for anchor in plan.anchors for p in found.get(anchor, ())]
            if not places:
                out.append([])
            elif not plan.one_line or plan.reach is None or len(places) * _DENSE > len(text):
                out.append(list(pattern.spans(text)))
            else:
                out.append(list(pattern.spans(text, _lines(text, sorted(places), plan.reach))))
        return out

    def _places(self, text: str, anchors: frozenset[Anchor]) -> dict[Anchor, list[int]]:
        """Where each of `anchors` may be in `text` (every place it is, and maybe more)."""
        finder = self._finders.get(anchors)
        if finder is None:
            if len(self._finders) >= _FINDERS:
                self._finders.clear()
            finder = self._finders[anchors] = _Finder(sorted({a.lower() for a, _ in anchors}))
        found = finder.places(text)
        return {anchor: found.get(anchor[0].lower(), []) for anchor in anchors}


class _Finder:
    """One scan for a set of lower-case strings, in either case: where each one may be."""

    def __init__(self, strings: list[str]) -> None:
        self.strings = strings
        trie = word_trie(strings)
        # Plain strings: Python's own engine finds them several times faster than `regex`.
        self.lower = re.compile(trie) if strings else None
        self.either = re.compile(trie, re.IGNORECASE) if strings else None
        # The scan finds the longest string at a place and goes on after it: the strings inside
        # it, or that begin in it and run on, are counted as found there too.
        self.with_ = {a: tuple(b for b in strings if b in a or _runs_on(a, b)) for a in strings}

    def places(self, text: str) -> dict[str, list[int]]:
        if self.lower is None:
            return {}
        # In lower case, with the long s as an s, a text holds every string that `regex` finds
        # in it in either case (the anchors are ASCII or caseless), at the same places when
        # lowering keeps its length; otherwise Python's IGNORECASE, which matches every
        # character `regex` does for an ASCII letter, reads the text itself (more slowly).
        lowered = text.lower().replace("\u017f", "s")
        finder = self.lower
        if len(lowered) != len(text):
            lowered, finder = text, self.either
        longest: dict[str, list[int]] = {}
        for match in finder.finditer(lowered):
            longest.setdefault(match.group().lower(), []).append(match.start())
        found: dict[str, list[int]] = {}
        for written, places in longest.items():
            for string in self.with_.get(written, self.strings):
                found.setdefault(string, []).extend(places)
        return found


def _lines(text: str, places: list[int], reach: int) -> list[tuple[int, int, int]]:
    """The runs of lines that hold `places`, as (first start, last start, end of what to read)."""
    runs: list[list[int]] = []
    end = -1
    for place in places:
        if place <= end:
            continue
        start = text.rfind("\n", 0, place) + 1
        end = text.find("\n", place)
        if end < 0:
            end = len(text)
        if runs and runs[-1][1] + 1 == start:
            runs[-1][1] = end  # the next line: one search runs over both
        else:
            runs.append([start, end])
    return [(start, end, min(len(text), end + reach)) for start, end in runs]


def _runs_on(first: str, second: str) -> bool:
    """Whether `second` may begin inside `first` and end after it."""
    return any(second.startswith(first[k:]) and len(second) > len(first) - k for k in range(1, len(first)))
