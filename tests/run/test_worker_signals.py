"""A run with worker processes that is stopped (SIGTERM from a supervisor, SIGHUP from a
closed terminal, Ctrl-C) ends its workers and removes its temporary output, at once: no
worker lives on with nobody to report to, no queued work is finished first.

The workload is far more than any test waits for (hundreds of links to a megabyte draft),
so that the run is busy when the signal comes; the timeouts only guard against a hang."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_run import interruptible
from places import ROOT

FIXTURES = ROOT / "fixtures"
REFS = "id,subject,value,unit,source\nline,line,5,km,desk\n"

pytestmark = [
    pytest.mark.hostile,
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the workers in /proc"),
]


def _stat_fields(pid: int | str) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()  # after "pid (name)": state, ppid, …


def children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        fields = _stat_fields(entry) if entry.isdigit() else None
        if fields and int(fields[1]) == pid:
            found.append(int(entry))
    return found


def alive(pid: int) -> bool:
    fields = _stat_fields(pid)
    return fields is not None and fields[0] not in ("Z", "X")


def wait_until(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def pile(tmp_path: Path) -> Path:
    text = (FIXTURES / "en-transport.txt").read_text(encoding="utf-8")
    one = tmp_path / "one.txt"
    one.write_text(text * (1_000_000 // len(text)), encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    for number in range(400):
        os.link(one, tmp_path / "drafts" / f"{number:03}.txt")
    one.unlink()
    (tmp_path / "refs.csv").write_text(REFS, encoding="utf-8")
    (tmp_path / "out").write_text("yesterday\n", encoding="utf-8")
    return tmp_path


COMMANDS = {
    "extract": ["extract", "drafts", "--jobs", "2", "-f", "jsonl", "-o", "out"],
    "check": ["check", "drafts", "--jobs", "2", "--refs", "refs.csv", "-f", "json", "-o", "out"],
}


def stop_busy_run(folder: Path, args: list[str], send: Callable[[int], None]) -> tuple[int, bytes, list[int]]:
    """Start the run, wait until its two workers are busy, `send` the signal (given the
    run's pid); return its exit code, its stderr and the workers' pids."""
    process = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", *args],
        cwd=folder,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=interruptible,
    )
    workers: list[int] = []
    try:
        assert wait_until(lambda: len(children(process.pid)) >= 2, timeout=60), "the workers never started"
        workers = children(process.pid)
        time.sleep(1.0)  # the workers are well into their first files
        assert process.poll() is None, "the run ended before it was stopped: make the workload bigger"
        send(process.pid)
        _, stderr = process.communicate(timeout=30)
        assert wait_until(lambda: not any(alive(pid) for pid in workers), timeout=15), "a worker outlived the run"
        return process.returncode, stderr, workers
    finally:
        for pid in [process.pid, *workers]:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        process.wait()


@pytest.mark.parametrize("command", COMMANDS.keys())
@pytest.mark.parametrize(("signal_number", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)], ids=["TERM", "HUP"])
def test_a_stopping_signal_ends_the_workers_and_removes_the_temporary_output(pile, command, signal_number, code):
    returncode, stderr, _ = stop_busy_run(pile, COMMANDS[command], lambda pid: os.kill(pid, signal_number))
    assert (returncode, stderr) == (code, b"")
    assert (pile / "out").read_text(encoding="utf-8") == "yesterday\n"
    assert sorted(p.name for p in pile.iterdir()) == ["drafts", "out", "refs.csv"]


@pytest.mark.parametrize("command", COMMANDS.keys())
def test_ctrl_c_stops_a_run_with_workers_at_once(pile, command):
    """Ctrl-C reaches the whole process group; the run stops without finishing queued files."""
    returncode, stderr, _ = stop_busy_run(pile, COMMANDS[command], lambda pid: os.killpg(pid, signal.SIGINT))
    assert returncode == 130
    assert b"Traceback" not in stderr and len(stderr.splitlines()) <= 1
    assert sorted(p.name for p in pile.iterdir()) == ["drafts", "out", "refs.csv"]


def test_the_signal_tests_hold_when_the_suite_itself_ignores_sigint():
    """A suite started in the background ignores SIGINT; the runs it stops must not."""
    probe = "import signal; print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)"
    ignoring = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        result = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, preexec_fn=interruptible, timeout=120
        )
    finally:
        signal.signal(signal.SIGINT, ignoring)
    assert result.stdout == "True\n"
