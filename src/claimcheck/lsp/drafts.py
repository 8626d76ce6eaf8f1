"""A draft open in the editor: its desk (config, table, baseline), its reader (the cache of its
units) and its findings as last read."""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from claimcheck.lsp import desk as desks
from claimcheck.lsp.desk import Desk
from claimcheck.lsp.findings import Found, findings
from claimcheck.lsp.reread import Reader, Reading
from claimcheck.text.prose import Format, format_of

_OUTSIDE_BMP = regex.compile("[\U00010000-\U0010ffff]")
_MANY = 64  # units read afresh: after so many, what was read is set aside from the collector


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """A read makes many small objects and no cycles: the collector would scan the draft's
    claims again and again (a tenth of a second each time for 200 KB)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


@dataclass
class Draft:
    path: str
    format: Format
    desk: Desk
    reader: Reader | None = None
    reading: Reading | None = None
    groups: list[list[Found]] = field(default_factory=list)  # the findings, unit by unit
    seconds: float = 0.0  # how long the last read took
    shown: dict[int, tuple[list[Found], list]] = field(default_factory=dict)  # each unit's diagnostics

    @property
    def found(self) -> list[Found]:
        return [found for group in self.groups for found in group]

    @classmethod
    def open(cls, path: str, language: str | None = None) -> Draft:
        fmt = format_of(path)
        if fmt == "text" and language in ("markdown", "html"):
            fmt = language  # type: ignore[assignment]  # an untitled buffer the editor calls Markdown
        return cls(path, fmt, desks.open_desk(path))

    def _reader(self) -> Reader:
        if self.reader is None:
            settings = self.desk.settings
            kinds, least = settings.kinds, settings.min_checkworthy
            wanted = None
            if kinds is not None or least > 0:
                wanted = lambda claim: (kinds is None or claim.kind in kinds) and claim.checkworthy >= least  # noqa: E731
            self.reader = Reader(self.format, lang=settings.lang, date=settings.date, wanted=wanted)
        return self.reader

    def refresh(self) -> bool:
        """Reads the config, tables and baseline again when they changed on disk; whether any did."""
        if desks.stale(self.desk):
            self.desk, self.reader = desks.open_desk(self.path), None
            return True
        return desks.refresh(self.desk)

    def read(self, text: str) -> list[list[Found]]:
        """The draft's findings in this version of its text."""
        started = time.perf_counter()
        table = self.desk.table
        verify = None
        if table is not None:
            from claimcheck.verification.verifier import verify as verify_claims

            approx = self.desk.settings.approx

            def verify(claims):
                return verify_claims(claims, table.index, approximation=approx)

        self.reading = self._reader().read(text, verify, table.generation if table else 0)
        self.groups = findings(self.reading, self.desk) if table is not None else []
        if self.reading.extracted >= _MANY:
            gc.freeze()  # the claims live as long as the draft is open: not worth scanning
        self.seconds = time.perf_counter() - started
        return self.groups


def offset_of(text: str, found: Found) -> int:
    """Where the finding starts in the text (lines counted at line feeds, as the engine does)."""
    start = 0
    for _ in range(found.line):
        start = text.index("\n", start) + 1
    return start + found.column


def columns(lines: list[str], found: Found, encoding: str) -> tuple[int, int]:
    """The finding's start and end columns in the editor's units: UTF-16 code units unless the
    client chose UTF-8 or UTF-32; `lines` is the text split at line feeds."""
    if encoding == "utf-32":
        return found.column, found.end_column

    def units(line: int, column: int) -> int:
        piece = lines[line][:column] if line < len(lines) else ""
        if encoding == "utf-8":
            return len(piece.encode("utf-8", "surrogatepass"))
        return len(piece) + len(_OUTSIDE_BMP.findall(piece))

    return units(found.line, found.column), units(found.end_line, found.end_column)


def needs_units(text: str, encoding: str) -> bool:
    """Whether columns in characters differ from the editor's anywhere in the text."""
    if encoding == "utf-32":
        return False
    if encoding == "utf-8":
        return not text.isascii()
    return _OUTSIDE_BMP.search(text) is not None
