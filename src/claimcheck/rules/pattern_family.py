"""A family of rule patterns (the traps, the periods) run over a text together.

Each pattern is a pass of the regex engine over the whole text, and a table holds a hundred of
them. So one scan finds the anchors of every pattern (claimcheck.rules.anchors): a pattern
none of whose anchors is in the text is not run at all, and a pattern that never matches
across a line break is tried only on the lines that hold one of its anchors. Each pattern
finds exactly what it finds alone (RulePattern.spans over the whole text); a pattern whose
anchors are unknown, or so frequent that lines would cost more than the pass, runs alone;
if it starts only where a line does, the regex module looks for it behind each line break.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator

import regex

from claimcheck.rules.anchor_scan import GROUPS, Group
from claimcheck.rules.anchors import anchoring
from claimcheck.rules.rule_pattern import RulePattern

_DENSE = 48  # more than one anchor in this many characters: the whole pass is cheaper
_SAMPLE = 1 << 15  # how much of a long text shows which anchors are too frequent to look for
_SPARSE = 1500  # an anchor found more often than once in this many characters there is left out
_NEWLINE = regex.compile("\n")


class _Family:
    """Patterns that share one scan for their anchors."""

    def __init__(self, sources: Iterable[str], group: tuple[str, ...]) -> None:
        self._plans = [anchoring(source) for source in sources]
        # The scan reads the text in lower case: a pattern's anchors, as it finds them.
        self._keys = [frozenset(a.lower() for a, _ in plan.anchors) for plan in self._plans]
        # Whether a pattern can be tried on lines alone: if not, it runs over the whole text
        # as soon as one of its anchors is anywhere.
        self._lined = [plan.one_line and plan.reach is not None for plan in self._plans]
        self._owners = _owners_of(self._keys)
        # Where each pattern runs when the text holds none of its anchors: nowhere, or over the
        # whole text (None) when it has none. Never changed in place.
        self._nowhere = [[] if own else None for own in self._keys]
        self._everywhere = [i for i, own in enumerate(self._keys) if not own]
        self._group = GROUPS.setdefault(group, Group())
        self._group.join(self, frozenset().union(*self._keys))

    def _where(self, text: str) -> list[list[tuple[int, int, int]] | None]:
        """For each pattern, the lines to try it on (None: the whole text; []: nowhere)."""
        return self._placed(text)[0]

    def _placed(self, text: str) -> tuple[list[list[tuple[int, int, int]] | None], list[int]]:
        """_where, and the patterns (by index, in order) that run somewhere."""
        if len(text) > 2 * _SAMPLE:
            keys, found = _long_scan(self._group, text, self)
        else:
            keys, found = self._keys, self._group.places(text)
        if keys is self._keys:
            owners, out, everywhere = self._owners, list(self._nowhere), self._everywhere
        else:
            owners, out = _owners_of(keys), [[] if own else None for own in keys]
            everywhere = [i for i, own in enumerate(keys) if not own]
        held: dict[int, list[str]] = {}
        for key in found:  # the few anchors a text holds, not every pattern's
            for i in owners.get(key, ()):
                held.setdefault(i, []).append(key)
        lines = None
        for i, held_keys in held.items():  # a pattern none of whose anchors is here runs nowhere
            plan = self._plans[i]
            if not plan.one_line or plan.reach is None or _count(found, held_keys) * _DENSE > len(text):
                out[i] = None
            else:
                lines = lines or _lines_of(text, found)
                out[i] = lines.runs(held_keys, plan.reach)
        return out, sorted([*everywhere, *held]) if held else everywhere

    def _kept(self, seen: dict[str, list[int]], dense: set[str]) -> list[frozenset[str]]:
        """Each pattern's anchors, or none where they are not worth a scan of a long text."""
        keys = [
            own if _worth(seen, dense, own, lined) else frozenset()
            for own, lined in zip(self._keys, self._lined, strict=True)
        ]
        return self._keys if keys == self._keys else keys


class PatternFamily(_Family):
    """The traps, or the periods: rule patterns, each found as RulePattern.spans finds it."""

    def __init__(self, patterns: Iterable[RulePattern], group: tuple[str, ...] = ()) -> None:
        self.patterns = tuple(patterns)
        super().__init__((p.pattern.pattern for p in self.patterns), group)
        # A pattern that starts only where a line does, run over the whole text: tried behind
        # each line break by one search (RulePattern.spans_from_line_starts).
        self._openings = [
            _opening(p.pattern) if plan.starts_a_line and plan.one_line else None
            for p, plan in zip(self.patterns, self._plans, strict=True)
        ]

    def __iter__(self) -> Iterator[RulePattern]:
        return iter(self.patterns)

    def __len__(self) -> int:
        return len(self.patterns)

    def spans(self, text: str) -> list[list[tuple[int, int]]]:
        """The spans of each pattern in `text`, in the order of the patterns."""
        where, running = self._placed(text)
        out: list[list[tuple[int, int]]] = [[] for _ in where]
        for i in running:
            pattern, lines, opening = self.patterns[i], where[i], self._openings[i]
            if lines is None and opening is not None:
                out[i] = list(pattern.spans_from_line_starts(text, opening))
            else:
                out[i] = list(pattern.spans(text, lines))
        return out


class MatchFamily(_Family):
    """Compiled patterns, each found as its own finditer finds it over the whole text."""

    def __init__(self, patterns: Iterable[regex.Pattern[str]], group: tuple[str, ...] = ()) -> None:
        self.patterns = tuple(patterns)
        super().__init__((p.pattern for p in self.patterns), group)

    def finditer(self, text: str) -> list[list[regex.Match[str]]]:
        where, running = self._placed(text)
        out: list[list[regex.Match[str]]] = [[] for _ in where]
        for i in running:
            pattern, lines = self.patterns[i], where[i]
            if lines is None:
                out[i] = list(pattern.finditer(text))
                continue
            found = out[i]
            at = 0
            for low, high, stop in lines:  # a pattern with anchors never matches empty
                at = max(at, low)
                while at <= high and (match := pattern.search(text, at, stop)) is not None and match.start() <= high:
                    found.append(match)
                    at = match.end()
        return out


def _long_scan(group: Group, text: str, family: _Family) -> tuple[list[frozenset[str]], dict[str, list[int]]]:
    """The anchors the family keeps for a long text, and where the group's kept anchors are.

    Anchors frequent at the start of a long text are left out of the scan: there the scan
    would cost more than the passes it saves. So are those of a pattern that runs over the
    whole text once one of them is seen there (it may cross a line), or that they would send
    over the whole text if they went on as they start."""
    last = group.last_long  # read once: another thread may set it meanwhile
    if last[0] is not text or id(family) not in last[1]:
        seen = group.finder_of(group.keys).places(text[:_SAMPLE])
        dense = {key for key, places in seen.items() if len(places) * _SPARSE > _SAMPLE}
        kept = {id(member): member._kept(seen, dense) for member in group.members}
        scanned = frozenset().union(*(own for keys in kept.values() for own in keys))
        last = group.last_long = (text, kept, group.finder_of(scanned).places(text))
    return last[1][id(family)], last[2]


def _owners_of(keys: list[frozenset[str]]) -> dict[str, list[int]]:
    """Each anchor and the patterns (by index) that it anchors."""
    owners: dict[str, list[int]] = {}
    for i, own in enumerate(keys):
        for key in own:
            owners.setdefault(key, []).append(i)
    return owners


_FAMILIES: dict[tuple, MatchFamily] = {}


def family_of(patterns: tuple[regex.Pattern[str], ...], group: tuple[str, ...] = ()) -> MatchFamily:
    """The family of these very patterns (compiled ones of a cached grammar), made once.

    Keyed by identity: two patterns written alike may hold different word lists (\\L<…>).
    A family holds its patterns, so no other pattern takes the identity of one while it is kept."""
    key = (group, *map(id, patterns))
    family = _FAMILIES.get(key)
    if family is None:
        family = _FAMILIES[key] = MatchFamily(patterns, group)
    return family


def _worth(seen: dict[str, list[int]], dense: set[str], own: frozenset[str], lined: bool) -> bool:
    """Whether a pattern's anchors, as the start of a long text shows them, are worth the scan:
    none is too frequent, and they are rare enough to try lines, or (when the pattern cannot be
    tried on lines) not seen, so that the scan may show it need not run at all."""
    if dense & own:
        return False
    if not lined:
        return seen.keys().isdisjoint(own)
    return sum(len(seen.get(key, ())) for key in own) * _DENSE <= _SAMPLE


def _count(found: dict[str, list[int]], keys: list[str]) -> int:
    return sum(len(found[key]) for key in keys)


class _Lines:
    """The lines of one text, and the lines that hold each anchor found in it (by number)."""

    def __init__(self, text: str, found: dict[str, list[int]]) -> None:
        self.text, self.found = text, found
        self.ends = [match.start() for match in _NEWLINE.finditer(text)]  # line k ends at ends[k]
        self._numbers: dict[str, list[int]] = {}

    def numbers(self, key: str) -> list[int]:
        numbers = self._numbers.get(key)
        if numbers is None:  # a place on a line break belongs to the line it ends
            numbers = self._numbers[key] = sorted({bisect_left(self.ends, place) for place in self.found[key]})
        return numbers

    def runs(self, keys: list[str], reach: int) -> list[tuple[int, int, int]]:
        """The runs of lines that hold `keys`, as (first start, last start, end of what to read)."""
        if len(keys) == 1:
            numbers = self.numbers(keys[0])
        else:
            numbers = sorted(set().union(*map(self.numbers, keys)))
        ends, size = self.ends, len(self.text)
        ends_at = len(ends)
        runs = []
        first = previous = numbers[0]
        for number in [*numbers[1:], -1]:  # -1: the last run ends
            if number == previous + 1:  # the next line joins the run
                previous = number
                continue
            start = ends[first - 1] + 1 if first else 0
            end = ends[previous] if previous < ends_at else size
            runs.append((start, end, min(size, end + reach)))
            first = previous = number
        return runs


_last_lines: _Lines | None = None  # the families of an extraction look up one text in turn


def _lines_of(text: str, found: dict[str, list[int]]) -> _Lines:
    global _last_lines
    last = _last_lines  # read once: another thread may set it meanwhile
    if last is None or last.text is not text or last.found is not found:
        last = _last_lines = _Lines(text, found)
    return last


def _opening(pattern: regex.Pattern[str]) -> regex.Pattern[str] | None:
    """The pattern behind a line break, its match starting where the pattern's does (None for
    a pattern of named lists, which would have to be given again)."""
    if "\\L<" in pattern.pattern:
        return None
    return regex.compile(r"\n\K(?:" + pattern.pattern + ")", flags=pattern.flags)
