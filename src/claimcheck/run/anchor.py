"""Where claims sit in the source they came from: the one place offsets, lines and columns
that the engine counted in a part or a copy of the text are moved into the source itself.

- A block of a text read in parts (claimcheck.run.stream): offsets, lines and columns shifted
  by the block's place in the whole.
- A prose-only copy of a Markdown or HTML file (claimcheck.text.prose): the copy has the
  original's length, so offsets agree; what differs is the text between them (tags,
  entities, joined lines). Each claim's text, sentence and other spans are sliced from the
  original, widened over any entity they cut, and its line and column counted there.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import regex

from claimcheck.models import Claim, Rejected, Skipped, TextSpan
from claimcheck.text import data_blocks
from claimcheck.text.prose import Masked

_SPANS = ("sentence", "time", "figure", "subject", "metric", "baseline")
_PROSE_SPANS = ("sentence", "time", "subject", "metric", "baseline")  # a figure keeps the copy's text


@dataclass(frozen=True, slots=True)
class Place:
    """Where a block starts in the whole text."""

    start: int  # offset of its first character
    lines: int  # line breaks before it
    column: int  # characters between the last of them and the block


def shifted(claim: Claim, place: Place, spans: dict[int, TextSpan]) -> Claim:
    """A claim found in a block, placed in the whole; `spans` holds the spans shifted so far
    (spans are shared between the claims of a block: each is shifted once)."""
    update: dict[str, object] = {
        "start": claim.start + place.start,
        "end": claim.end + place.start,
        "line": claim.line + place.lines,
        "column": claim.column + (place.column if claim.line == 1 else 0),
    }

    def move(span: TextSpan) -> TextSpan:
        if id(span) not in spans:
            start, end = span.start + place.start, span.end + place.start
            spans[id(span)] = TextSpan.trusted(text=span.text, start=start, end=end)
        return spans[id(span)]

    for field in _SPANS:
        span = getattr(claim, field)
        if span is not None:
            update[field] = move(span)
    if claim.frame is not None:
        update["frame"] = claim.frame.moved(move)
    return claim.model_copy(update=update)


def _widened(start: int, end: int, atoms: tuple[tuple[int, int], ...]) -> tuple[int, int]:
    for atom_start, atom_end in atoms:
        if atom_start < end and start < atom_end:
            start, end = min(start, atom_start), max(end, atom_end)
    return start, end


def _in_original(span: TextSpan, original: str, masked: Masked) -> TextSpan:
    start, end = _widened(span.start, span.end, masked.atoms)
    return TextSpan.model_construct(text=original[start:end], start=start, end=end)


def anchor(claims: list[Claim], original: str, masked: Masked) -> list[Claim]:
    """Claims found in the masked copy, with text, line and column taken from the original."""
    if masked.text == original:
        return claims
    line_starts = [0] + [m.end() for m in regex.finditer("\n", original)]
    anchored = []
    for claim in claims:
        start, end = _widened(claim.start, claim.end, masked.atoms)
        line = bisect_right(line_starts, start)
        update: dict[str, object] = {
            "text": original[start:end],
            "start": start,
            "end": end,
            "line": line,
            "column": start - line_starts[line - 1] + 1,
        }
        for name in _PROSE_SPANS:
            span = getattr(claim, name, None)
            if isinstance(span, TextSpan):
                update[name] = _in_original(span, original, masked)
        if claim.frame is not None:
            update["frame"] = claim.frame.moved(lambda span: _in_original(span, original, masked))
        anchored.append(claim.model_copy(update=update))
    return anchored


def anchor_rejected(found: list[Rejected], original: str, masked: Masked) -> list[Rejected]:
    """Numbers read in the masked copy and not reported, placed in the original as claims are."""
    if masked.text == original:
        return found
    line_starts = [0] + [m.end() for m in regex.finditer("\n", original)]
    placed = []
    for number in found:
        start, end = _widened(number.start, number.end, masked.atoms)
        line = bisect_right(line_starts, start)
        update = {"text": original[start:end], "start": start, "end": end, "line": line}
        placed.append(number.model_copy(update={**update, "column": start - line_starts[line - 1] + 1}))
    return placed


def not_read(text: str, masked: Masked) -> list[Skipped]:
    """The paragraphs of data in the prose, with lines counted in the original (the prose
    copy of an HTML file has none)."""
    return [
        part.model_copy(update={"line": text.count("\n", 0, part.start) + 1})
        for part in data_blocks.skipped(masked.text)
    ]
