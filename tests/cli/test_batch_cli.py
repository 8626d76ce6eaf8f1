"""`claimcheck extract DIR_OR_GLOB... --jobs N`: the same claims as the files named one by one,
in input order, streamed, written atomically, a progress bar only for a person."""

from __future__ import annotations

import json
import os
import pty
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_run import claimcheck as run
from cli_run import interruptible
from places import ROOT

FIXTURES = ROOT / "fixtures"


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    """The fixture articles and newsroom drafts, in a tree with a hidden folder and a non-draft."""
    root = tmp_path / "drafts"
    shutil.copytree(FIXTURES / "newsroom" / "drafts", root)
    for article in FIXTURES.glob("*.txt"):
        shutil.copy(article, root / article.name)
    (root / ".cache").mkdir()
    (root / ".cache" / "old.txt").write_text("舊稿交付了50萬臺\n", encoding="utf-8")
    (root / "figures.csv").write_text("value\n3\n", encoding="utf-8")
    return root


def drafts_in(root: Path) -> list[str]:
    names = [str(p) for p in root.rglob("*") if p.suffix in {".txt", ".md", ".html"}]
    return sorted(n for n in names if "/." not in n)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "table"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_directory_gives_what_its_files_named_in_order_give(drafts, fmt, jobs):
    named = run("extract", *drafts_in(drafts), "-f", fmt)
    batch = run("extract", str(drafts), "--jobs", jobs, "-f", fmt)
    assert named.returncode == batch.returncode == 0, batch.stderr
    assert batch.stdout == named.stdout
    assert batch.stderr == ""  # no progress bar when stderr is not a terminal
    if fmt == "jsonl":
        sources = [json.loads(line)["source"] for line in batch.stdout.splitlines()]
        assert sources == sorted(sources, key=drafts_in(drafts).index)  # each file's lines together
        assert len(set(sources)) == len(drafts_in(drafts))


def test_globs_and_stdin_mix_with_files(drafts, monkeypatch):
    monkeypatch.chdir(drafts)
    stdin = "藍峰汽車十月售出約3.4萬輛新車\n"
    batch = run("extract", "-", "zh-*.txt", "en-transport.txt", "-j", "2", "-f", "jsonl", stdin=stdin)
    named = run(
        "extract", "-", "zh-hans-economy.txt", "zh-hant-ev-market.txt", "en-transport.txt", "-f", "jsonl", stdin=stdin
    )
    assert batch.returncode == 0, batch.stderr
    assert batch.stdout == named.stdout and batch.stdout.startswith('{"source": "-"')


@pytest.mark.slow
def test_output_file_is_written_whole_or_not_at_all(drafts, tmp_path):
    out = tmp_path / "claims.jsonl"
    assert run("extract", str(drafts), "-j", "2", "-f", "jsonl", "-o", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8") == run("extract", str(drafts), "-f", "jsonl").stdout
    (drafts / "zz-broken.txt").write_bytes(b"\x00\x01\x02 binary " * 100)  # the last file: all others done
    failed = run("extract", str(drafts), "-j", "2", "-f", "jsonl", "-o", str(tmp_path / "new.jsonl"))
    assert failed.returncode == 2
    assert failed.stderr.startswith(f"claimcheck: {drafts / 'zz-broken.txt'}: ") and failed.stderr.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.jsonl", "drafts"]  # no temporary left


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["DRAFTS", "missing.txt"], "missing.txt: no such file or directory"),
        (["nowhere/*.txt"], "nowhere/*.txt: no file matches"),
        (["DRAFTS", "--jobs", "0"], None),  # typer: min=1
    ],
)
def test_bad_input_is_one_line_and_exit_2(drafts, args, message):
    result = run("extract", *[str(drafts) if a == "DRAFTS" else a for a in args])
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    if message:
        assert result.stderr == f"claimcheck: {message}\n"


@pytest.mark.slow
def test_lines_stream_before_the_last_file_is_done(tmp_path):
    article = (FIXTURES / "zh-hant-ev-market.txt").read_text(encoding="utf-8")
    for i in range(300):
        (tmp_path / f"{i:03d}.txt").write_text(article, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", "extract", str(tmp_path), "-j", "2", "-f", "jsonl"],
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    first = json.loads(proc.stdout.readline())
    still_running = proc.poll() is None
    rest = proc.stdout.read()
    assert proc.wait() == 0
    assert first["source"] == str(tmp_path / "000.txt")
    assert still_running, "the first file's claims came only when every file was done"
    assert json.loads(rest.splitlines()[-1])["source"] == str(tmp_path / "299.txt")


def drain(leader: int) -> bytes:
    """All that a pseudo-terminal was shown, once its process is gone; closes it."""
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the other side is closed and everything written was read
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return shown


def with_stderr_on_a_terminal(args: list[str], env: dict) -> tuple[str, str]:
    """stdout, and what a pseudo-terminal on stderr was shown."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", *args], stdout=subprocess.PIPE, stderr=follower, env=env
    )
    os.close(follower)
    stdout, _ = proc.communicate(timeout=120)
    shown = drain(leader)
    return stdout.decode("utf-8"), shown.decode("utf-8", "replace")


@pytest.mark.slow
def test_progress_bar_on_a_terminal_only(drafts):
    env = {k: v for k, v in os.environ.items() if k != "CI"} | {"COLUMNS": "120", "TERM": "xterm"}
    args = ["extract", str(drafts), "-j", "2", "-f", "jsonl"]
    stdout, shown = with_stderr_on_a_terminal(args, env)
    count = len(drafts_in(drafts))
    assert f"{count}/{count} files" in shown and " claims" in shown and "/s" in shown
    assert stdout == run("extract", str(drafts), "-f", "jsonl").stdout  # the bar never reaches stdout
    assert with_stderr_on_a_terminal(args, env | {"CI": "true"}) == (stdout, "")


def test_escape_sequences_are_written_out_on_a_terminal(tmp_path):
    (tmp_path / "hostile.txt").write_text("交付了50萬臺\x1b[2J,營收增長12%\n", encoding="utf-8")
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", "extract", str(tmp_path), "-j", "1", "-f", "csv"],
        stdout=follower,
        stderr=subprocess.DEVNULL,
    )
    os.close(follower)
    shown = drain(leader)
    assert proc.wait() == 0
    assert b"\\x1b[2J" in shown and b"\x1b[2J" not in shown


@pytest.mark.slow
def test_ctrl_c_stops_the_run_without_a_traceback_or_a_half_written_file(tmp_path):
    article = (FIXTURES / "zh-hant-ev-market.txt").read_text(encoding="utf-8")
    for i in range(300):
        (tmp_path / f"{i:03d}.txt").write_text(article, encoding="utf-8")
    out = tmp_path / "claims.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", "extract", str(tmp_path), "-j", "2", "-f", "jsonl", "-o", str(out)],
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal gives it: Ctrl-C reaches the workers too
        preexec_fn=interruptible,
    )
    deadline = time.monotonic() + 60
    while not any(p.name.startswith(".claims.jsonl.") for p in tmp_path.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode != 0
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    assert [p.name for p in tmp_path.iterdir() if not p.name.endswith(".txt")] == []
