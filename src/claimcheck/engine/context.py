"""Who a claim is about and what it measures: `subject` and `metric`, rule-based.

Metric: the metric word (with its modifier: 累計里程, "unemployment rate") nearest the claim
in its clause. Subject: the last name or code before the claim in its clause (YU7,
特斯拉model Y, Tesla), else the noun run that opens the clause (小米汽車 in 小米汽車達成了…),
else "the <metric>" in English, else the subject of an earlier clause of the paragraph.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import regex

from claimcheck.engine.raw_claim import Clauses, RawClaim, Span
from claimcheck.rules.relations_grammar import RelationGrammar

_CARRY_CLAUSES = 4
_HAN_NAME_BEFORE_CODE = 4
_LATIN = regex.compile(r"[A-Za-z]")
_LOWER_WORD = regex.compile(r"\b[a-z]{3,}\b")
_MID_SENTENCE_CAPITAL = regex.compile(r"(?<=[a-z,;]\s)([A-Z][A-Za-z]+)")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words of a whole text that tell a name from a sentence opener: capitalised words
    written after a lower-case word, and lower-case words. Given when a text is read in parts."""

    proper: frozenset[str]
    lower: frozenset[str]


def words_of(clean: str, start: int = 0) -> tuple[set[str], set[str]]:
    """The proper and lower-case words found from `start` (clean[:start] is the text before)."""
    proper = {m.group(1) for m in _MID_SENTENCE_CAPITAL.finditer(clean, start)}
    return proper, set(_LOWER_WORD.findall(clean, start))


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


class Context:
    """Subject and metric of claims; each clause is read once, and only when a claim is in it."""

    def __init__(
        self, clean: str, rg: RelationGrammar, clauses: Clauses, times, vocabulary: Vocabulary | None = None
    ) -> None:
        self.clean, self.rg, self.clauses, self.times = clean, rg, clauses, times
        self._metric_cache: dict[int, list[Span]] = {}
        self._name_cache: dict[int, list[Span]] = {}
        self._openers: dict[int, Span | None] = {}
        self._carried_to: dict[int, Span | None] = {}
        self.paragraph_metrics: dict[int, list[Span]] = {}  # by sentence start (claimcheck.engine.frame.metric)
        self._latin_in: dict[int, bool] = {}
        self._proper_words: frozenset[str] | None = vocabulary.proper if vocabulary else None
        self._lower: frozenset[str] | None = vocabulary.lower if vocabulary else None

    def is_time(self, start: int, end: int) -> bool:
        return self.times.overlaps(start, end)

    def place(self, d: RawClaim) -> None:
        clause = self.clauses.of(d.span)
        d.metric = self._metric(clause, d)
        d.subject = self._subject(clause, d.end, d.baseline) or self._carried(clause)

    def _metrics(self, clause: Span) -> list[Span]:
        if clause[0] not in self._metric_cache:
            self._metric_cache[clause[0]] = [
                self._without_time(m.span()) for m in self.rg.metrics.finditer(self.clean, *clause)
            ]
        return self._metric_cache[clause[0]]

    def _without_time(self, span: Span) -> Span:
        """上月交付 is 交付 in 上月, not 月交付: a modifier inside a date is not one."""
        if self.is_time(*span):
            word = self.rg.metric_word.search(self.clean, *span)
            return word.span() if word else span
        return span

    def _has_latin(self, clause: Span) -> bool:
        """Whether the clause holds a Latin letter, read once per clause: a long clause of
        figures holds many claims."""
        if clause[0] not in self._latin_in:
            self._latin_in[clause[0]] = _LATIN.search(self.clean, *clause) is not None
        return self._latin_in[clause[0]]

    def _names(self, clause: Span) -> list[Span]:
        if clause[0] not in self._name_cache:
            if not self._has_latin(clause):
                self._name_cache[clause[0]] = []  # every name pattern holds a Latin letter
                return []
            codes = self.rg.subject_codes.finditer(self.clean, *clause)
            self._name_cache[clause[0]] = [span for m in codes if (span := self._name(m.span()))]
        return self._name_cache[clause[0]]

    def _metric(self, clause: Span, d: RawClaim) -> Span | None:
        best, distance = None, None
        for start, end in self._metrics(clause):
            if start < d.end and d.start < end:
                continue
            gap = d.start - end if end <= d.start else start - d.end + 0.5
            if distance is None or gap < distance:
                best, distance = (start, end), gap
        return best

    @property
    def _proper(self) -> frozenset[str]:
        """Capitalised words written after a lower-case word: names, not sentence openers."""
        if self._proper_words is None:
            self._proper_words = frozenset(m.group(1) for m in _MID_SENTENCE_CAPITAL.finditer(self.clean))
        return self._proper_words

    @property
    def _lower_words(self) -> frozenset[str]:
        if self._lower is None:
            self._lower = frozenset(_LOWER_WORD.findall(self.clean))
        return self._lower

    def _name(self, span: Span) -> Span | None:
        """A code or a capitalised name, with a Chinese name written before it (特斯拉model Y)."""
        start, end = span
        while start < end:
            word_end = start
            while word_end < end and not self.clean[word_end].isspace():
                word_end += 1
            if self.clean[start:word_end] not in self.rg.stop_words:
                break
            start = word_end
            while start < end and self.clean[start].isspace():
                start += 1
        if start < end and self._opens_sentence(start):
            first = self.clean[start:end].split()[0]
            if self._common_word(first):
                start += len(first)  # "Bidding opens…": a capital because the sentence starts
                while start < end and self.clean[start].isspace():
                    start += 1
        if start >= end or self.clean[start:end].lower() in self.rg.metric_words or self.is_time(start, end):
            return None
        lead = start
        while lead > 0 and start - lead <= _HAN_NAME_BEFORE_CODE and _is_han(self.clean[lead - 1]):
            lead -= 1
        stop = max((m.end() for m in self.rg.subject_stops.finditer(self.clean, lead, start)), default=None)
        if stop is not None:
            lead = stop
        elif start - lead > _HAN_NAME_BEFORE_CODE:
            return start, end
        return (lead, end) if start - lead >= 2 else (start, end)

    def _common_word(self, word: str) -> bool:
        """A capitalised sentence opener that is an ordinary word: written in lower case
        elsewhere in the text, or an -ing form ("Bidding opens…")."""
        if word in self._proper or word.isupper():
            return False
        return word.endswith("ing") or word.lower() in self._lower_words

    def _opens_sentence(self, position: int) -> bool:
        before = self.clean[max(0, position - 2) : position]
        return position == 0 or before.endswith("\n") or before in (". ", "! ", "? ", '" ', ": ")

    def _subject(self, clause: Span, limit: int, baseline: Span | None = None) -> Span | None:
        for name in reversed(self._names(clause)):
            if name[1] <= limit and not (baseline and baseline[0] <= name[0] < baseline[1]):
                return name  # a name in the baseline is what the claim is compared with
        opener = self._opening_run(clause)
        if opener is not None and opener[1] <= limit:
            return opener
        if not self._has_latin(clause):
            return None  # "the <metric>" is written in Latin letters: no need to read the metrics
        return self._the_metric(self._metrics(clause), limit)

    def _opening_run(self, clause: Span) -> Span | None:
        if clause[0] in self._openers:
            return self._openers[clause[0]]
        text, rg = self.clean, self.rg
        position = clause[0]
        while position < clause[1]:
            if text[position].isspace():
                position += 1
            elif (m := rg.subject_openers.match(text, position, clause[1])) or self.is_time(position, position + 1):
                position = m.end() if m else position + 1
            else:
                break
        start = position
        limit = min(clause[1], start + rg.subject_max)
        stop = rg.subject_end.search(text, start, limit)  # a stop word or anything not Han
        end = stop.start() if stop else limit
        i = bisect_left(self.times.starts, start)
        if i < len(self.times.starts) and self.times.starts[i] < end:
            end = self.times.starts[i]
        known = self._metric_cache.get(clause[0])  # read already when a claim is in this clause
        if known is not None:
            metric = next((m[0] for m in known if start <= m[0] < end), None)
        else:
            found = self.rg.metrics.search(self.clean, start, end)
            metric = found.start() if found else None
        if metric is not None:
            end = metric
        elif end - start >= self.rg.subject_max:
            return self._remember(clause, None)  # no word ended it: a phrase, not a name
        return self._remember(clause, (start, end) if end - start >= 2 else None)

    def _remember(self, clause: Span, run: Span | None) -> Span | None:
        self._openers[clause[0]] = run
        return run

    def _the_metric(self, metrics: list[Span], limit: int) -> Span | None:
        before = [m for m in metrics if m[1] <= limit]
        if before:
            start, end = before[-1]
            if self.clean[max(0, start - 4) : start].lower() == "the ":
                return start - 4, end
        return None

    def _carried(self, clause: Span) -> Span | None:
        if clause[0] not in self._carried_to:  # the claims of a clause share it
            self._carried_to[clause[0]] = self._carried_from(clause[0])
        return self._carried_to[clause[0]]

    def _carried_from(self, start: int) -> Span | None:
        for _ in range(_CARRY_CLAUSES):
            if start == 0 or self.clean[start - 1] == "\n":
                return None
            previous = self.clauses.of((start - 1, start - 1))
            found = self._subject(previous, previous[1])
            if found is not None:
                return found
            start = previous[0]
        return None
