"""Which parts of a text bidirectional controls reorder for a reader.

The normalizer removes the controls (rules/normalize.toml, `bidi`) and keeps their offsets,
so a number is read in the order its characters are stored. What a reader sees may differ:
an override (U+202E) shows `003` as `300`, an isolate or embedding moves runs of text around,
a direction mark changes the side the characters next to it go to. A span is reached by a
control that stands in it or against it, or by an embedding, override or isolate opened
before it on its line and not yet closed (by its pop, or by the line break, which ends every
one of them).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate

# Unicode bidirectional classes of the controls that open a scope, and what closes it.
_EMBEDDINGS = frozenset({"LRE", "RLE", "LRO", "RLO"})  # closed by PDF
_ISOLATES = frozenset({"LRI", "RLI", "FSI"})  # closed by PDI (with the embeddings inside them)


class BidiReach:
    """The spans of a text that bidirectional controls at `controls` (offsets, in order) reach."""

    def __init__(self, text: str, controls: Sequence[int]) -> None:
        ends = [position + 1 for position in controls]  # each control reaches itself
        opened: list[tuple[int, bool]] = []  # (index into controls, is an isolate)
        isolates = 0  # how many of them are isolates
        line_end = -1
        for index, position in enumerate(controls):
            if position > line_end:  # a new line: what was open on the last one ended there
                for open_index, _ in opened:
                    ends[open_index] = line_end
                opened.clear()
                isolates = 0
                line_end = _line_end(text, position)
            kind = unicodedata.bidirectional(text[position])
            if kind in _EMBEDDINGS or kind in _ISOLATES:
                opened.append((index, kind in _ISOLATES))
                isolates += kind in _ISOLATES
            elif kind == "PDF" and opened and not opened[-1][1]:
                ends[opened.pop()[0]] = position + 1
            elif kind == "PDI" and isolates:
                isolate = False
                while not isolate:
                    open_index, isolate = opened.pop()
                    ends[open_index] = position + 1
                isolates -= 1
        for open_index, _ in opened:
            ends[open_index] = line_end
        self._starts = list(controls)
        self._furthest = list(accumulate(ends, max))  # the furthest end of the first i+1 spans

    def touches(self, start: int, end: int) -> bool:
        """Whether a control stands in text[start:end] or against it, or an open scope covers it."""
        last = bisect_left(self._starts, end + 1) - 1
        return last >= 0 and self._furthest[last] > start - 1


def _line_end(text: str, position: int) -> int:
    newline = text.find("\n", position)
    return len(text) if newline < 0 else newline
