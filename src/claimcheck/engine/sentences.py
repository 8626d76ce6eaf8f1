"""Where a claim stands: its sentence, the date or period it holds for, its language."""

from __future__ import annotations

from bisect import bisect_right

import regex

from claimcheck import rules
from claimcheck.engine.raw_claim import LineMarks
from claimcheck.rules.scripts import scripts

# A sentence ends at a line break, at Chinese or Western end punctuation, or at a full
# stop followed by a space (so 2.61 and U.S. do not end one).
_SENTENCE_END = regex.compile(r"[\n。！？!?；;]|\.(?=\s|$)")
_CLAUSE_BREAK = regex.compile(r"[,;:，；：、]")


class Sentences:
    def __init__(self, text: str) -> None:
        self._text = text
        self._ends = LineMarks(text, _SENTENCE_END)
        self._languages: dict[int, str] = {}

    def span_at(self, position: int) -> tuple[int, int]:
        """The clean span of the sentence holding `position`, without surrounding blanks."""
        before, after = self._ends.before(position), self._ends.at_or_after(position)
        start = 0 if before is None else before + 1
        if after is not None:
            end = after + (0 if self._text[after] == "\n" else 1)
        else:
            end = len(self._text)
        while start < end and self._text[start].isspace():
            start += 1
        while end > start and self._text[end - 1].isspace():
            end -= 1
        return start, end

    def language(self, span: tuple[int, int]) -> str:
        """The language whose script weighs most in the sentence (language.toml [script])."""
        if span[0] not in self._languages:
            self._languages[span[0]] = scripts().language(self._text, *span) or rules.fallback()
        return self._languages[span[0]]


def nearest_time(
    text: str, times: list[tuple[int, int]], starts: list[int], claim: tuple[int, int], sentence: tuple[int, int]
) -> tuple[int, int] | None:
    """The time span in the sentence closest before the claim, else the closest after it
    within the same clause ("delivered 4,200 cars in October")."""
    i = bisect_right(starts, claim[0])
    for j in range(i - 1, -1, -1):
        start, end = times[j]
        if start < sentence[0]:
            break
        if end <= claim[0]:
            return times[j]
    for j in range(i, len(times)):
        start, end = times[j]
        if start >= sentence[1] or _CLAUSE_BREAK.search(text, claim[1], start):
            break
        if start >= claim[1]:
            return times[j]
    return None
