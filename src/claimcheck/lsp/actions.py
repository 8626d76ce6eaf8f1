"""Quick fixes for a finding: a suppression marker written into the draft above the claim's
paragraph (claimcheck.checking.suppress: `ignore` alone on its line silences the paragraph
after it; in HTML, the element after it), or the finding added to the baseline."""

from __future__ import annotations

import regex

from claimcheck.checking.baseline import Entry, add_to_baseline, file_key
from claimcheck.lsp.desk import Desk
from claimcheck.lsp.findings import Found
from claimcheck.text.prose import Format

ACCEPT = "claimcheck.acceptFinding"  # the command a baseline action runs
_BLANK_LINE = regex.compile(r"\n[^\S\n]*\n")
_TAG_FIRST = regex.compile(r"[^\S\n]*<[A-Za-z]")
_MARKERS: dict[Format, str] = {
    "markdown": "<!-- claimcheck: ignore -->",
    "html": "<!-- claimcheck: ignore -->",
    "text": "[claimcheck: ignore]",
}


def marker(fmt: Format) -> str:
    """The `ignore` marker as docs/check.md writes it for the format."""
    return _MARKERS[fmt]


def marker_offset(text: str, fmt: Format, offset: int) -> int:
    """Where the marker goes for a claim at `offset`: the start of its paragraph (after the
    blank line before it), or in HTML the start of its line when that opens an element."""
    line = text.rfind("\n", 0, offset) + 1
    if fmt == "html" and _TAG_FIRST.match(text, line):
        return line
    start = 0
    for blank in _BLANK_LINE.finditer(text, 0, line + 1):
        start = blank.end()
    return start


def baseline_entries(found: Found, desk: Desk) -> list[Entry]:
    assert desk.baseline is not None
    key = file_key(desk.path, desk.baseline)
    claim = found.claim
    return [Entry(path=key, id=claim.id, status=found.finding, kind=claim.kind, text=claim.text)]


def accept(desk: Desk, entries: list[Entry]) -> None:
    """Writes the entries to the desk's baseline (it is read again on the next request)."""
    assert desk.baseline is not None
    add_to_baseline(desk.baseline, entries)
