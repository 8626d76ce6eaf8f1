"""What claimcheck writes is safe to open: spreadsheet cells that would run as formulas are
defused, a terminal never receives the input's escape sequences, and `-o FILE` appears whole
or not at all."""

from __future__ import annotations

import csv
import io
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
from cli_run import interruptible
from places import DATA

HOSTILE = DATA / "hostile"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def run(*args: str, cwd: Path | None = None, **kwargs) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", *args], capture_output=True, cwd=cwd, timeout=120, **kwargs
    )


def on_a_terminal(*args: str, cwd: Path) -> tuple[int, bytes, bytes]:
    """Run with stdout on a pseudo-terminal; returns the exit code, what the terminal got, stderr."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", *args], stdout=follower, stderr=subprocess.PIPE, cwd=cwd
    )
    os.close(follower)
    received = b""
    while True:
        try:
            piece = os.read(leader, 65536)
        except OSError:  # the program closed the terminal
            break
        if not piece:
            break
        received += piece
    _, stderr = process.communicate(timeout=120)
    os.close(leader)
    return process.returncode, received, stderr


def cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_csv_defuses_every_cell_a_spreadsheet_would_run(tmp_path):
    draft = tmp_path / "=cmd.txt"  # the file name is a cell too
    shutil.copy(HOSTILE / "formula-cells.txt", draft)
    result = run("extract", draft.name, "-f", "csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = cells(result.stdout.decode("utf-8"))
    texts = [row[rows[0].index("text")] for row in rows[1:]]
    assert texts == ["5 km", "1", "3 million dollars", "'+1", "rose 4%", "'-2", "fell 3%"]
    assert rows[1][0] == "'=cmd.txt"
    assert rows[1][rows[0].index("sentence")].startswith("'=HYPERLINK")
    for row in rows[1:]:
        assert not any(cell.startswith(FORMULA_STARTS) and not is_number(cell) for cell in row), row


def is_number(cell: str) -> bool:
    """-2 in a value column is read as a number by a spreadsheet, not run."""
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_verify_csv_defuses_the_reference_columns_too(tmp_path):
    (tmp_path / "refs.csv").write_text("id,subject,value,unit,source\n-x,line,5,km,@desk\n", encoding="utf-8")
    (tmp_path / "draft.txt").write_text("The line is 5 km long.\n", encoding="utf-8")
    result = run("verify", "draft.txt", "--refs", "refs.csv", "-f", "csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    header, row = cells(result.stdout.decode("utf-8"))
    assert row[header.index("reference_id")] == "'-x"
    assert row[header.index("reference_source")] == "'@desk"


@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv", "json"])
def test_no_escape_sequence_from_the_input_reaches_a_terminal(tmp_path, fmt):
    shutil.copy(HOSTILE / "terminal-escapes.txt", tmp_path / "draft.txt")
    code, received, _ = on_a_terminal("extract", "draft.txt", "-f", fmt, cwd=tmp_path)
    assert code == 0
    shown = received.decode("utf-8")
    assert "rose 5%" in shown
    assert "\x1b]" not in shown and "\x07" not in shown and "\x1b[2J" not in shown and "\u202e" not in shown


def test_check_text_on_a_terminal_shows_no_escape_sequence(tmp_path):
    shutil.copy(HOSTILE / "terminal-escapes.txt", tmp_path / "draft.txt")
    (tmp_path / "refs.csv").write_text("id,value,unit,source\nx,5,km,\x1b[31mred\x1b[0m\n", encoding="utf-8")
    code, received, stderr = on_a_terminal("check", "draft.txt", "--refs", "refs.csv", cwd=tmp_path)
    assert code == 1, stderr
    assert b"\x1b]" not in received and b"\x1b[2J" not in received and "\u202e".encode() not in received


def test_an_error_line_shows_escape_characters_written_out(tmp_path):
    result = run("extract", "no\x1b]0;pwned\x07such.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == b"claimcheck: no\\x1b]0;pwned\\x07such.txt: no such file\n"


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_a_failed_run_leaves_the_old_output_and_no_temporary_file(tmp_path, fmt):
    (tmp_path / "good.txt").write_text("The line is 5 km long.\n", encoding="utf-8")
    shutil.copy(HOSTILE / "pdf-renamed.txt", tmp_path / "bad.txt")
    (tmp_path / "out").write_text("yesterday's report\n", encoding="utf-8")
    result = run("extract", "good.txt", "bad.txt", "-f", fmt, "-o", "out", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == b"claimcheck: bad.txt: not text: it looks like a PDF document\n"
    assert (tmp_path / "out").read_text(encoding="utf-8") == "yesterday's report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "good.txt", "out"]


@pytest.mark.hostile
@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGKILL])
def test_an_interrupted_run_never_leaves_a_truncated_output(tmp_path, signal_number):
    line = "藍峰汽車十月售出33,662輛新車,同比增長12%,營收約86.4億元。\n"
    (tmp_path / "big.txt").write_text(line * 150_000, encoding="utf-8")
    (tmp_path / "out.jsonl").write_text("yesterday's report\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", "extract", "big.txt", "-f", "jsonl", "-o", "out.jsonl"],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        preexec_fn=interruptible,
    )
    deadline = time.monotonic() + 60
    while not any(p.name.startswith(".out.jsonl.") for p in tmp_path.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)  # wait until it is writing
    time.sleep(0.5)
    process.send_signal(signal_number)
    process.communicate(timeout=60)
    assert process.returncode != 0
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == "yesterday's report\n"
    if signal_number == signal.SIGINT:  # a run that can clean up does
        assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt", "out.jsonl"]


@pytest.mark.hostile
def test_a_reader_that_stops_early_is_no_error(tmp_path):
    (tmp_path / "many.txt").write_text("Sales rose 5%.\n" * 50_000, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", "extract", "many.txt", "-f", "jsonl"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stdout.readline().startswith(b'{"source": "many.txt"')
    process.stdout.close()  # `| head -1`
    _, stderr = process.communicate(timeout=120)
    assert (process.returncode, stderr) == (0, b"")


@pytest.mark.parametrize(
    ("arguments", "values"),
    [
        (["extract", "draft.txt", "-f", "jsonl"], lambda lines: [json.loads(line)["value"] for line in lines]),
        (
            ["verify", "draft.txt", "--refs", "refs.csv", "-f", "jsonl"],
            lambda lines: [json.loads(line)["value"] for line in lines],
        ),
        (
            ["extract", "draft.txt", "-f", "json"],
            lambda lines: [c["value"] for c in json.loads("".join(lines))["documents"][0]["claims"]],
        ),
    ],
    ids=["extract jsonl", "verify jsonl", "extract json"],
)
def test_a_figure_too_large_for_a_float_is_null_not_invalid_json(tmp_path, arguments, values):
    (tmp_path / "draft.txt").write_text("The line is 1e999999999 km long, or 5 km.\n", encoding="utf-8")
    (tmp_path / "refs.csv").write_text("id,subject,value,unit,source\nline,line,5,km,desk\n", encoding="utf-8")
    result = run(*arguments, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode("utf-8").splitlines(keepends=True)
    assert b"Infinity" not in result.stdout and b"NaN" not in result.stdout
    assert values(lines) == [None, 5]
