"""The vocabulary of the whole draft (claimcheck.engine.context.Vocabulary), kept up to date
from the words of its units (claimcheck.lsp.units.Words) as units come and go, with the words
whose standing changed since the last read: a unit read before stays good unless it asks
about one of them."""

from __future__ import annotations

from collections import Counter

from claimcheck.engine.context import Vocabulary
from claimcheck.lsp.units import Words


class Tally:
    def __init__(self) -> None:
        self._units: Counter[int] = Counter()  # how many units give each Words (by identity)
        self._held: dict[int, Words] = {}
        self._proper: Counter[str] = Counter()
        self._lower: Counter[str] = Counter()
        self._openings: frozenset[str] = frozenset()
        self._made: Vocabulary | None = None
        self.proper_changed: set[str] = set()  # since the read before
        self.lower_changed: set[str] = set()

    def update(self, found: list[Words]) -> None:
        """The draft's units are now these."""
        now = Counter(map(id, found))
        held = {id(words): words for words in found}
        proper_before: dict[str, bool] = {}
        lower_before: dict[str, bool] = {}
        for key in now.keys() | self._units.keys():
            step = now[key] - self._units[key]
            if step:
                words = held.get(key) or self._held[key]
                _count(self._proper, words.proper, step, proper_before)
                _count(self._lower, words.lower, step, lower_before)
        openings = frozenset(w.opening for b, w in zip(found, found[1:], strict=False) if w.opening and b.opens_after)
        old = self._openings
        self._openings, self._units, self._held = openings, now, held
        candidates = proper_before.keys() | (openings ^ old)
        self.proper_changed = {
            word
            for word in candidates
            if (proper_before.get(word, self._proper[word] > 0) or word in old) != self._proper_set_of(word)
        }
        self.lower_changed = {word for word, was in lower_before.items() if was != (self._lower[word] > 0)}
        if self.proper_changed or self.lower_changed:
            self._made = None

    def _proper_set_of(self, word: str) -> bool:
        return self._proper[word] > 0 or word in self._openings

    def vocabulary(self) -> Vocabulary:
        if self._made is None:
            proper = {word for word, n in self._proper.items() if n > 0} | self._openings
            self._made = Vocabulary(frozenset(proper), frozenset(word for word, n in self._lower.items() if n > 0))
        return self._made

    def asks_changed(self, words: Words) -> bool:
        """Whether the unit asks about a word whose standing changed since the last read."""
        if not self.proper_changed and not self.lower_changed:
            return False
        return any(word in self.proper_changed or word.lower() in self.lower_changed for word in words.asked)


def _count(counter: Counter[str], words: frozenset[str], step: int, before: dict[str, bool]) -> None:
    """Adds `step` to each word's count, noting whether each was counted before the first change."""
    for word in words:
        count = counter[word]
        before.setdefault(word, count > 0)
        counter[word] = count + step
