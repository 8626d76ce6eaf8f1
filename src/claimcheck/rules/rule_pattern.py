"""A compiled pattern of the traps and periods, with the rule it comes from: its file, its
entry and the name of its class, so that a number it sets aside can be traced to the rule.

A trap never matches inside a larger number: the 618 of the shopping festival is no trap in
4,618, 7,618,000, 0.618 or 618.5萬. That is enforced here, for every trap, where its matches
are found, rather than left to each pattern's author.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from claimcheck.rules.patterns import ARABIC

_NUMBER = regex.compile(ARABIC)
_DIGITS = frozenset("0123456789")
_IN_NUMBERS = frozenset("0123456789., ")  # what a number written in digits is made of
_REACH = 40  # how far back a number that runs into an edge is looked for


@dataclass(frozen=True, slots=True)
class RulePattern:
    pattern: regex.Pattern[str]
    file: str  # rules/zh/traps.toml, or the path of a file of one's own
    entry: str  # traps.named_days.patterns.0, time.patterns.3
    name: str  # the class of what it matches: the trap's name (named_days), or "date or period"
    trap: bool = True  # its matches may not start or end inside a number
    after: regex.Pattern[str] | None = None  # it counts only after the first match of this
    hides_words: bool = False  # its matches hide ranks, comparisons and superlatives too

    def spans(self, text: str, lines: Iterable[tuple[int, int, int]] | None = None) -> Iterator[tuple[int, int]]:
        """Where it matches in `text`, leaving out a trap's matches that cut a number.

        `lines`, when given, are where a match may start, as (first start, last start, end
        of the text to read), in order: a pattern of one line, tried only where its anchors
        are (claimcheck.rules.pattern_family), finds there all it would find in the text."""
        at = self._first_place(text)
        if at is None:
            return
        if lines is None and not self.trap:
            for match in self.pattern.finditer(text, at):
                yield match.span()
            return
        search = self.pattern.search
        for low, high, stop in lines or ((at, len(text), len(text)),):
            at = max(at, low)
            while at <= high and (match := search(text, at, stop)) is not None and match.start() <= high:
                start, end = match.span()
                if self.trap and cuts_a_number(text, start, end):
                    at = start + 1  # a match may start further on, where no number is cut
                    continue
                yield start, end
                at = end if end > start else start + 1

    def _first_place(self, text: str) -> int | None:
        """Where its matches may start: after the first match of `after` (None if there is none)."""
        if self.after is None:
            return 0
        named = self.after.search(text)
        return None if named is None else named.end()

    def spans_from_line_starts(self, text: str, opening: regex.Pattern[str]) -> Iterator[tuple[int, int]]:
        """What `spans` finds, for a pattern of one line whose every match starts where a line
        does. `opening` is the pattern behind a line break (`\\n\\K(?:…)`): the regex module looks
        for the line breaks as a string and tries the pattern only behind them, where a pass
        tries it at every character; the place to go on from is tried first when a line starts
        there (the text's start, the end of a heading)."""
        at = self._first_place(text)
        if at is None:
            return
        while True:
            found = None
            if at == 0 or text[at - 1 : at] == "\n":
                found = self.pattern.match(text, at)
            if found is None and (found := opening.search(text, at)) is None:
                return
            start, end = found.span()
            if self.trap and cuts_a_number(text, start, end):
                at = start + 1  # a match may start further on, where no number is cut
                continue
            yield start, end
            at = end


def cuts_a_number(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] starts or ends inside a number written in digits, as the
    engine reads one (4,618 / 7,618,000 / 0.618 / 618.5 / 10 618)."""
    return (
        start > 0
        and text[start] in _DIGITS
        and text[start - 1] in _IN_NUMBERS
        and _number_across(text, start)
        or end < len(text)
        and text[end - 1] in _DIGITS
        and text[end] in _IN_NUMBERS
        and _number_across(text, end)
    )


def _number_across(text: str, edge: int) -> bool:
    """Whether a number that the engine would read runs across `edge` (neither starts nor ends there)."""
    at = stop = edge
    while at > 0 and edge - at < _REACH and text[at - 1] in _IN_NUMBERS:
        at -= 1
    while stop < len(text) and stop - edge < _REACH and text[stop] in _IN_NUMBERS:
        stop += 1
    for match in _NUMBER.finditer(text, at, stop + 1):  # one character more, for its lookaheads
        if match.start() >= edge:
            return False
        if match.end() > edge:
            return True
    return False
