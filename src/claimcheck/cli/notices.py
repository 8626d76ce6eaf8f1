"""What the command line says on stderr about a run that went through but left something out."""

from __future__ import annotations

import sys

from claimcheck.cli.terminal import quiet
from claimcheck.files.read import terminal_safe
from claimcheck.models import Skipped
from claimcheck.names import one_line


def note(message: str) -> None:
    """One line on stderr for the person running the command, unless --quiet."""
    if not quiet():
        print(f"claimcheck: {terminal_safe(one_line(message))}", file=sys.stderr)


def say_skipped(source: str, skipped: list[Skipped]) -> None:
    if quiet():
        return
    for part in skipped:
        where = terminal_safe(f"{one_line(source)}:{part.line}")
        print(f"claimcheck: {where}: {part.end - part.start:,} characters not read: {part.reason}", file=sys.stderr)


def say_not_files(skipped: list[tuple[str, str]]) -> None:
    """Entries a walk met and left out: no files to read (a FIFO, a device, a broken link),
    or pages claimcheck wrote."""
    for path, what in skipped:
        note(f"{path}: not read: it is {what}")
