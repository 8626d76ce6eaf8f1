"""What the command line says on stderr about a run that went through but left something out."""

from __future__ import annotations

import sys

from claimcheck.files import terminal_safe
from claimcheck.models import Skipped
from claimcheck.terminal import quiet


def note(message: str) -> None:
    """One line on stderr for the person running the command, unless --quiet."""
    if not quiet():
        print(f"claimcheck: {terminal_safe(message)}", file=sys.stderr)


def say_skipped(source: str, skipped: list[Skipped]) -> None:
    if quiet():
        return
    for part in skipped:
        where = terminal_safe(f"{source}:{part.line}")
        print(f"claimcheck: {where}: {part.end - part.start:,} characters not read: {part.reason}", file=sys.stderr)
