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

import regex

from claimcheck.rules.anchors import anchoring
from claimcheck.rules.patterns import word_trie
from claimcheck.rules.rule_pattern import RulePattern

_DENSE = 48  # more than one anchor in this many characters: the whole pass is cheaper
_SAMPLE = 1 << 15  # how much of a long text shows which anchors are too frequent to look for
_SPARSE = 1500  # an anchor found more often than once in this many characters there is left out
_FINDERS = 16  # scans kept compiled, for as many sets of anchors
_FIRSTS = 20  # first characters of the strings a scan looks for, at most (unless _SCANS are not enough)
_SCANS = 8  # scans for a set of anchors, at most: each reads the whole text


class _Family:
    """Patterns that share one scan for their anchors."""

    def __init__(self, sources: Iterable[str]) -> None:
        self._plans = [anchoring(source) for source in sources]
        # The scan reads the text in lower case: a pattern's anchors, as it finds them.
        self._keys = [frozenset(a.lower() for a, _ in plan.anchors) for plan in self._plans]
        # Whether a pattern can be tried on lines alone: if not, it runs over the whole text
        # as soon as one of its anchors is anywhere.
        self._lined = [plan.one_line and plan.reach is not None for plan in self._plans]
        self._owners = _owners_of(self._keys)
        self._finders: dict[frozenset[str], _Finder] = {}
        self._finder = self._finder_of(frozenset().union(*self._keys))

    def _where(self, text: str) -> list[list[tuple[int, int, int]] | None]:
        """For each pattern, the lines to try it on (None: the whole text; []: nowhere)."""
        keys, finder = self._keys, self._finder
        if len(text) > 2 * _SAMPLE:
            # Anchors frequent at the start of a long text are left out of the scan: there the
            # scan would cost more than the passes it saves. So are those of a pattern that
            # runs over the whole text once one of them is seen there (it may cross a line), or
            # that they would send over the whole text if they went on as they start.
            seen = finder.places(text[:_SAMPLE])
            dense = {key for key, places in seen.items() if len(places) * _SPARSE > _SAMPLE}
            keys = [
                own if _worth(seen, dense, own, lined) else frozenset()
                for own, lined in zip(keys, self._lined, strict=True)
            ]
            if keys != self._keys:
                finder = self._finder_of(frozenset().union(*keys))
        found = finder.places(text)
        owners = self._owners if keys is self._keys else _owners_of(keys)
        held: dict[int, list[int]] = {}
        for key, places in found.items():  # the few anchors a text holds, not every pattern's
            for i in owners.get(key, ()):
                held.setdefault(i, []).extend(places)
        out: list[list[tuple[int, int, int]] | None] = []
        for i, (plan, own) in enumerate(zip(self._plans, keys, strict=True)):
            places = held.get(i, []) if own else None
            if places is None or not places:
                out.append(places)
            elif not plan.one_line or plan.reach is None or len(places) * _DENSE > len(text):
                out.append(None)
            else:
                out.append(_lines(text, sorted(places), plan.reach))
        return out

    def _finder_of(self, keys: frozenset[str]) -> _Finder:
        finder = self._finders.get(keys)
        if finder is None:
            if len(self._finders) >= _FINDERS:
                self._finders.clear()
            finder = self._finders[keys] = _Finder(sorted(keys))
        return finder


class PatternFamily(_Family):
    """The traps, or the periods: rule patterns, each found as RulePattern.spans finds it."""

    def __init__(self, patterns: Iterable[RulePattern]) -> None:
        self.patterns = tuple(patterns)
        super().__init__(p.pattern.pattern for p in self.patterns)

    def __iter__(self) -> Iterator[RulePattern]:
        return iter(self.patterns)

    def __len__(self) -> int:
        return len(self.patterns)

    def spans(self, text: str) -> list[list[tuple[int, int]]]:
        """The spans of each pattern in `text`, in the order of the patterns."""
        return [
            list(pattern.spans(text, lines)) if lines != [] else []
            for pattern, lines in zip(self.patterns, self._where(text), strict=True)
        ]


class MatchFamily(_Family):
    """Compiled patterns, each found as its own finditer finds it over the whole text."""

    def __init__(self, patterns: Iterable[regex.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)
        super().__init__(p.pattern for p in self.patterns)

    def finditer(self, text: str) -> list[list[regex.Match[str]]]:
        out = []
        for pattern, lines in zip(self.patterns, self._where(text), strict=True):
            if lines is None:
                out.append(list(pattern.finditer(text)))
                continue
            found = []
            at = 0
            for low, high, stop in lines:  # a pattern with anchors never matches empty
                at = max(at, low)
                while at <= high and (match := pattern.search(text, at, stop)) is not None and match.start() <= high:
                    found.append(match)
                    at = match.end()
            out.append(found)
        return out


def _owners_of(keys: list[frozenset[str]]) -> dict[str, list[int]]:
    """Each anchor and the patterns (by index) that it anchors."""
    owners: dict[str, list[int]] = {}
    for i, own in enumerate(keys):
        for key in own:
            owners.setdefault(key, []).append(i)
    return owners


_FAMILIES: dict[tuple[int, ...], MatchFamily] = {}


def family_of(patterns: tuple[regex.Pattern[str], ...]) -> MatchFamily:
    """The family of these very patterns (compiled ones of a cached grammar), made once.

    Keyed by identity: two patterns written alike may hold different word lists (\\L<…>).
    A family holds its patterns, so no other pattern takes the identity of one while it is kept."""
    key = tuple(map(id, patterns))
    family = _FAMILIES.get(key)
    if family is None:
        family = _FAMILIES[key] = MatchFamily(patterns)
    return family


class _Finder:
    """Scans for a set of lower-case strings, in either case: where each one may be.

    Python's engine tries the first characters of an alternation one after the other at every
    place that holds one, so a set that starts with many characters (the Chinese traps start
    with 185) is split by first character into scans of a few each, every one of them passing
    at once over the places that hold none of its characters. Each scan finds every place of
    its own strings, whatever the others find."""

    def __init__(self, strings: list[str]) -> None:
        self.strings = strings
        firsts = sorted({string[0] for string in strings})
        count = min(_SCANS, -(-len(firsts) // _FIRSTS))
        groups = [frozenset(firsts[i::count]) for i in range(count)]
        self.scans = [_Scan([string for string in strings if string[0] in group]) for group in groups]

    def places(self, text: str) -> dict[str, list[int]]:
        if not self.scans:
            return {}
        # In lower case, with the long s as an s, a text holds every string that `regex` finds
        # in it in either case (the anchors are ASCII or caseless), at the same places when
        # lowering keeps its length; otherwise Python's IGNORECASE, which matches every
        # character `regex` does for an ASCII letter, reads the text itself (more slowly).
        lowered = _lowered(text)
        exact = len(lowered) == len(text)
        found: dict[str, list[int]] = {}
        for scan in self.scans:
            found.update(scan.places(lowered if exact else text, exact))
        return found


_last_lowered = ("", "")  # the text the families of an extraction scan in turn, and its lower case


def _lowered(text: str) -> str:
    global _last_lowered
    last = _last_lowered  # read once: another thread may set it meanwhile
    if last[0] is not text:
        last = _last_lowered = (text, text.lower().replace("\u017f", "s"))
    return last[1]


class _Scan:
    """One scan for strings that begin with a few characters."""

    def __init__(self, strings: list[str]) -> None:
        self.strings = strings
        trie = word_trie(strings)
        # Plain strings: Python's own engine finds them several times faster than `regex`.
        self.lower = re.compile(trie)
        self.either = re.compile(trie, re.IGNORECASE)
        # The scan finds the longest string at a place and goes on after it: the strings inside
        # it are found there too, and those that begin in it and run on where the text goes on
        # as they do.
        self.inside, self.running = _overlapping(strings)

    def places(self, text: str, exact: bool) -> dict[str, list[int]]:
        """`exact`: the text is in lower case (as the strings), else read in either case."""
        longest: dict[str, list[int]] = {}
        for match in (self.lower if exact else self.either).finditer(text):
            longest.setdefault(match.group().lower(), []).append(match.start())
        found: dict[str, list[int]] = {}
        for written, places in longest.items():
            if written not in self.inside:  # a case that lowering would not give: any may be there
                for string in self.strings:
                    found.setdefault(string, []).extend(places)
                continue
            for string in self.inside[written]:
                found.setdefault(string, []).extend(places)
            for string, offset in self.running[written]:
                if exact:  # read in the lowered text: only where it runs on
                    on = [p + offset for p in places if text.startswith(string, p + offset)]
                else:
                    on = places
                if on:
                    found.setdefault(string, []).extend(on)
        return found


def _worth(seen: dict[str, list[int]], dense: set[str], own: frozenset[str], lined: bool) -> bool:
    """Whether a pattern's anchors, as the start of a long text shows them, are worth the scan:
    none is too frequent, and they are rare enough to try lines, or (when the pattern cannot be
    tried on lines) not seen, so that the scan may show it need not run at all."""
    if dense & own:
        return False
    if not lined:
        return seen.keys().isdisjoint(own)
    return sum(len(seen.get(key, ())) for key in own) * _DENSE <= _SAMPLE


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


def _overlapping(strings: list[str]) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[tuple[str, int], ...]]]:
    """For each string, the strings inside it, and those that may begin inside it and end
    after it (one of its proper suffixes is a proper prefix of theirs), each with where it
    would begin in it."""
    present = set(strings)
    starting: dict[str, list[str]] = {}
    for string in present:
        for end in range(1, len(string)):
            starting.setdefault(string[:end], []).append(string)
    inside = {}
    running = {}
    for first in present:
        size = len(first)
        inside[first] = tuple(sorted({first[i:j] for i in range(size) for j in range(i + 1, size + 1)} & present))
        running[first] = tuple(sorted((other, k) for k in range(1, size) for other in starting.get(first[k:], ())))
    return inside, running
