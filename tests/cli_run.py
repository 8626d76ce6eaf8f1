"""The command line as a user runs it: `python -m claimcheck …` in a child process, its output
read as UTF-8 text. The test modules that drive the CLI share this one helper."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path


def interruptible() -> None:
    """For `Popen(preexec_fn=interruptible)`: the child takes SIGINT as Ctrl-C from a terminal
    delivers it. A test run started in the background (`pytest &` in a script, nohup) ignores
    SIGINT, a child inherits that, and Python then never installs its KeyboardInterrupt
    handler: the child would not notice the signal a test sends it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


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


def claimcheck_on_a_terminal(
    *args: str, cwd: Path | str | None = None, env: dict | None = None, timeout: float = 120
) -> tuple[int, str, str]:
    """The command with its stdout on a pseudo-terminal, as a person (or pre-commit, which runs
    hooks on one) sees it: exit code, what the terminal received, and stderr (a pipe)."""
    import pty
    import select
    import time

    master, slave = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", *args],
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env={**(env or os.environ), "CI": "true", "TERM": "xterm"},
    )
    os.close(slave)
    received = bytearray()
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 1)
            if not ready:
                if process.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the other end closed: the process is done writing
                break
            if not chunk:
                break
            received += chunk
        stderr = process.communicate(timeout=timeout)[1]
    finally:
        os.close(master)
        if process.poll() is None:
            process.kill()
    return process.returncode, received.decode("utf-8").replace("\r\n", "\n"), stderr.decode("utf-8")


_TIMINGS = [
    (re.compile(r'("seconds": )\d+(?:\.\d+)?'), r'\1"<seconds>"'),  # JSON summaries
    (re.compile(r'( time=")\d+(?:\.\d+)?(")'), r"\1<seconds>\2"),  # JUnit
    (re.compile(r"((?:\d+ failing|passed) in )\d+\.\d+( s)"), r"\1<seconds>\2"),  # the summary line
]


def redacted(text: str, *, places: dict[str, Path] | None = None) -> str:
    """`text` with what changes from run to run replaced by a name in angle brackets: the time
    taken, the version of claimcheck, and each of `places` (name → folder: the checkout, a
    temporary folder) written as a path or a file:// URI."""
    from claimcheck import __version__

    for name, folder in sorted((places or {}).items(), key=lambda item: -len(str(item[1]))):
        for form in {str(folder), str(folder.resolve())}:
            text = text.replace(Path(form).as_uri(), f"file://<{name}>").replace(form, f"<{name}>")
    for pattern, replacement in _TIMINGS:
        text = pattern.sub(replacement, text)
    return re.sub(rf"(?<![\w.]){re.escape(__version__)}(?![\w.])", "<version>", text)
