"""A draft open in the editor: its desk (config, table, baseline), its reader (the cache of its
units) and its findings as last read."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import regex

from claimcheck.lsp import desk as desks
from claimcheck.lsp.desk import Desk
from claimcheck.lsp.findings import Found, findings
from claimcheck.lsp.reread import Reader, Reading
from claimcheck.text.prose import Format, format_of

_OUTSIDE_BMP = regex.compile("[\U00010000-\U0010ffff]")


@dataclass
class Draft:
    path: str
    format: Format
    desk: Desk
    reader: Reader | None = None
    reading: Reading | None = None
    found: list[Found] = field(default_factory=list)
    seconds: float = 0.0  # how long the last read took

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

    def read(self, text: str) -> list[Found]:
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
        self.found = findings(self.reading, self.desk) if table is not None else []
        self.seconds = time.perf_counter() - started
        return self.found


def columns(text: str, found: Found, encoding: str) -> tuple[int, int]:
    """The finding's start and end columns in the editor's units: UTF-16 code units unless the
    client chose UTF-8 or UTF-32."""
    if encoding == "utf-32":
        return found.column, found.end_column
    line_start = found.start - found.column
    end_line_start = found.end - found.end_column

    def units(start: int, end: int) -> int:
        piece = text[start:end]
        if encoding == "utf-8":
            return len(piece.encode("utf-8", "surrogatepass"))
        return len(piece) + len(_OUTSIDE_BMP.findall(piece))

    return units(line_start, found.start), units(end_line_start, found.end)


def needs_units(text: str, encoding: str) -> bool:
    """Whether columns in characters differ from the editor's anywhere in the text."""
    if encoding == "utf-32":
        return False
    if encoding == "utf-8":
        return not text.isascii()
    return _OUTSIDE_BMP.search(text) is not None
