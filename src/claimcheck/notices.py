"""What the command line says on stderr about a run that went through but left something out."""

from __future__ import annotations

import sys

from claimcheck.files import terminal_safe
from claimcheck.models import Skipped


def say_not_read(path: str, what: str) -> None:
    """A file a folder walk found and left out."""
    print(f"claimcheck: {terminal_safe(path)}: skipped, {what}", file=sys.stderr)


def say_skipped(source: str, skipped: list[Skipped]) -> None:
    for part in skipped:
        where = terminal_safe(f"{source}:{part.line}")
        print(f"claimcheck: {where}: {part.end - part.start:,} characters not read: {part.reason}", file=sys.stderr)
