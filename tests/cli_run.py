"""The command line as a user runs it: `python -m claimcheck …` in a child process, its output
read as UTF-8 text. The test modules that drive the CLI share this one helper."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def claimcheck(
    *args: str,
    stdin: str | None = None,
    cwd: Path | str | None = None,
    env: dict | None = None,
    in_ci: bool = False,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """`in_ci`: as under a CI runner (no progress bar, no colours)."""
    if in_ci:
        env = {**(env or os.environ), "CI": "true"}
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=timeout,
    )
