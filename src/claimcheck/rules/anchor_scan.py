"""Where a text holds any of a set of strings (the anchors of pattern families), in one scan
per few first characters, with Python's own engine."""

from __future__ import annotations

import re

from claimcheck.rules.patterns import word_trie

_FIRSTS = 20  # first characters of the strings a scan looks for, at most (unless _SCANS are not enough)
_SCANS = 8  # scans for a set of anchors, at most: each reads the whole text
_FINDERS = 16  # scans kept compiled, for as many sets of anchors


class Group:
    """The pattern families of one set of languages: one scan of a text finds the anchors of
    them all, and each takes its own (a scan reads the whole text; an extraction runs five
    families). `last` and `last_long` hold what the last text's scans found."""

    def __init__(self) -> None:
        self.keys: frozenset[str] = frozenset()
        self.members: list = []
        self.finders: dict[frozenset[str], Finder] = {}
        self.last: tuple[str, dict[str, list[int]]] = ("", {})
        self.last_long: tuple[str, dict[int, list[frozenset[str]]], dict[str, list[int]]] = ("", {}, {})

    def join(self, family, keys: frozenset[str]) -> None:
        self.members.append(family)
        self.keys |= keys
        self.last, self.last_long = ("", {}), ("", {}, {})

    def finder_of(self, keys: frozenset[str]) -> Finder:
        finder = self.finders.get(keys)
        if finder is None:
            if len(self.finders) >= _FINDERS:
                self.finders.clear()
            finder = self.finders[keys] = Finder(sorted(keys))
        return finder

    def places(self, text: str) -> dict[str, list[int]]:
        """Where each anchor of every family is in `text`."""
        last = self.last  # read once: another thread may set it meanwhile
        if last[0] is not text:
            last = self.last = (text, self.finder_of(self.keys).places(text))
        return last[1]


GROUPS: dict[tuple[str, ...], Group] = {}


class Finder:
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
        if exact:  # a match of the lowered text is one of the strings as written
            for match in self.lower.finditer(text):
                longest.setdefault(match.group(), []).append(match.start())
        else:
            for match in self.either.finditer(text):
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
