"""claimcheck's own HTML pages (`report`, `check --format html`) carry a generator mark in
their head. A folder walk leaves them out, so that a report written beside its draft
(`draft.md.html`) is not read as one more draft the next time the folder is checked."""

from __future__ import annotations

import contextlib
import os
import stat

GENERATOR = '<meta name="generator" content="claimcheck">'
LOOKS_LIKE = "a report page claimcheck wrote"
_MARK = GENERATOR.encode("ascii")
_HEAD = 4096  # the mark comes after the charset and the content policy, within the first KB
_SUFFIXES = (".html", ".htm", ".xhtml")


def is_own_page(path: str) -> bool:
    """Whether `path` is an HTML page claimcheck wrote. Never blocks: a FIFO is not one."""
    if not path.lower().endswith(_SUFFIXES):
        return False
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    with contextlib.closing(os.fdopen(handle, "rb", buffering=0)) as stream:
        try:
            return stat.S_ISREG(os.fstat(handle).st_mode) and _MARK in stream.read(_HEAD)
        except OSError:
            return False
