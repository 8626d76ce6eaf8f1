"""Claims found in a prose-only copy, placed back in the original file.

The copy has the original's length, so offsets agree; what differs is the text between
them (tags, entities, joined lines). Each claim's text, sentence and other spans are sliced
from the original, widened over any entity they cut, and its line and column are counted
in the original.
"""

from __future__ import annotations

from bisect import bisect_right

import regex

from claimcheck.models import Claim, Document, Skipped, TextSpan
from claimcheck.text import data_blocks
from claimcheck.text.prose import Format, Masked, mask

_SPAN_FIELDS = ("sentence", "time", "subject", "metric", "baseline")


def _widened(start: int, end: int, atoms: tuple[tuple[int, int], ...]) -> tuple[int, int]:
    for atom_start, atom_end in atoms:
        if atom_start < end and start < atom_end:
            start, end = min(start, atom_start), max(end, atom_end)
    return start, end


def _in_original(span: TextSpan, original: str, masked: Masked) -> TextSpan:
    s, e = _widened(span.start, span.end, masked.atoms)
    return TextSpan.model_construct(text=original[s:e], start=s, end=e)


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
        for name in _SPAN_FIELDS:
            span = getattr(claim, name, None)
            if isinstance(span, TextSpan):
                s, e = _widened(span.start, span.end, masked.atoms)
                update[name] = TextSpan.model_construct(text=original[s:e], start=s, end=e)
        if claim.frame is not None:
            update["frame"] = claim.frame.moved(lambda span: _in_original(span, original, masked))
        anchored.append(claim.model_copy(update=update))
    return anchored


def prose_claims(text: str, fmt: Format, lang: str | None = None) -> tuple[list[Claim], Masked]:
    """The claims of the prose of `text` (a Markdown or HTML file read as `check` reads it),
    placed in `text` itself, and the prose-only copy they were found in."""
    from claimcheck.engine.extract import extract

    masked = mask(text, fmt)
    return anchor(extract(masked.text, lang=lang), text, masked), masked


def not_read(text: str, masked: Masked) -> list[Skipped]:
    """The paragraphs of data in the prose, with lines counted in the original (the prose
    copy of an HTML file has none)."""
    return [
        part.model_copy(update={"line": text.count("\n", 0, part.start) + 1})
        for part in data_blocks.skipped(masked.text)
    ]


def prose_document(source: str, text: str, fmt: Format, lang: str | None = None) -> Document:
    """What `extract_document` gives, for the prose of the file only."""
    from claimcheck.engine.extract import document_language

    claims, masked = prose_claims(text, fmt, lang)
    language = document_language(masked.text, claims)
    return Document(source=source, language=language, claims=claims, skipped=not_read(text, masked))
