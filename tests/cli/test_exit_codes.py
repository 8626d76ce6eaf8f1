"""Exit codes a script can act on: 3 for a bug in claimcheck (one line, the traceback with
--debug), never the 1 that means "a draft fails the check"; 130 for Ctrl-C.

The bug is injected by replacing a function in the process that then runs the command line,
as a test would find one: in this process (cli.main with the function monkeypatched), and in
a child (`python -c` patching a module, then calling main)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.cli import app as cli

REFS = "id,subject,value,unit,source\nline,line,5,km,desk\n"
INTERNAL = "claimcheck: internal error: RuntimeError: boom; rerun with --debug for the traceback\n"

# id: (module, function replaced, the command that calls it); every command reads a draft
# through the one seam, claimcheck.run.document.read_document.
SEAM = ("claimcheck.run.document", "read_document")
BROKEN = {
    "extract": (*SEAM, ["extract", "draft.txt"]),
    "extract jsonl": (*SEAM, ["extract", "draft.txt", "-f", "jsonl"]),
    "extract many": (*SEAM, ["extract", ".", "-f", "json"]),
    "verify": (*SEAM, ["verify", "draft.txt", "--refs", "refs.csv"]),
    "verify's report": (
        "claimcheck.verification.report",
        "verify_report",
        ["verify", "draft.txt", "--refs", "refs.csv"],
    ),
    "check": (*SEAM, ["check", "draft.txt", "--refs", "refs.csv"]),
    "check's gate": ("claimcheck.checking.gate", "gate", ["check", "draft.txt", "--refs", "refs.csv"]),
    "report": (*SEAM, ["report", "draft.txt"]),
    "report's page": ("claimcheck.render.report.draft", "draft_page", ["report", "draft.txt"]),
    "refs check": ("claimcheck.references.tables", "load_references", ["refs", "check", "refs.csv"]),
}


@pytest.fixture
def desk(tmp_path: Path, monkeypatch) -> Path:
    (tmp_path / "refs.csv").write_text(REFS, encoding="utf-8")
    (tmp_path / "draft.txt").write_text("The line is 6 km long.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def main(monkeypatch, *args: str) -> int:
    monkeypatch.setattr(sys, "argv", ["claimcheck", *args])
    with pytest.raises(SystemExit) as ended:
        cli.main()
    return ended.value.code


def raising(exception: BaseException):
    def broken(*args, **kwargs):
        raise exception

    return broken


@pytest.mark.parametrize(("module", "name", "args"), BROKEN.values(), ids=BROKEN.keys())
def test_an_internal_error_is_one_line_and_exit_3(desk, monkeypatch, capsys, module, name, args):
    monkeypatch.setattr(f"{module}.{name}", raising(RuntimeError("boom")))
    assert main(monkeypatch, *args) == 3
    captured = capsys.readouterr()
    assert captured.err == INTERNAL


def test_debug_shows_the_traceback(desk, monkeypatch, capsys):
    monkeypatch.setattr("claimcheck.run.document.read_document", raising(RuntimeError("boom")))
    assert main(monkeypatch, "--debug", "extract", "draft.txt") == 3
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):")
    assert err.endswith("RuntimeError: boom\n")


def test_a_message_on_many_lines_is_shown_on_one(desk, monkeypatch, capsys):
    monkeypatch.setattr("claimcheck.run.document.read_document", raising(ValueError("first\nsecond\x1b[2J")))
    assert main(monkeypatch, "extract", "draft.txt") == 3
    assert capsys.readouterr().err == (
        "claimcheck: internal error: ValueError: first second\\x1b[2J; rerun with --debug for the traceback\n"
    )


def test_ctrl_c_is_exit_130_without_a_traceback(desk, monkeypatch, capsys):
    monkeypatch.setattr("claimcheck.run.document.read_document", raising(KeyboardInterrupt()))
    assert main(monkeypatch, "extract", "draft.txt") == 130
    assert len(capsys.readouterr().err.splitlines()) <= 1


def test_an_internal_error_in_a_child_process_is_exit_3(desk):
    patch = (
        "import claimcheck.checking.gate as gate\n"
        "def broken(*args, **kwargs):\n"
        "    raise RuntimeError('boom')\n"
        "gate.gate = broken\n"
        "from claimcheck.cli.app import main\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", patch, "check", "draft.txt", "--refs", "refs.csv"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=desk,
    )
    assert (result.returncode, result.stdout, result.stderr) == (3, "", INTERNAL)


@pytest.mark.skipif(
    __import__("multiprocessing").get_start_method() != "fork", reason="the workers must inherit the patch"
)
@pytest.mark.parametrize(
    "args",
    [["extract", "drafts", "--jobs", "2", "-f", "jsonl"], ["check", "drafts", "--jobs", "2", "--refs", "refs.csv"]],
    ids=["extract", "check"],
)
def test_an_internal_error_in_a_worker_is_exit_3(desk, args):
    (desk / "drafts").mkdir()
    for number in range(4):
        (desk / "drafts" / f"{number}.txt").write_text("The line is 6 km long.\n", encoding="utf-8")
    patch = (
        "import claimcheck.run.document as seam\n"
        "def broken(*args, **kwargs):\n"
        "    raise RuntimeError('boom')\n"
        "seam.read_document = broken\n"
        "from claimcheck.cli.app import main\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", patch, *args], capture_output=True, text=True, timeout=120, cwd=desk)
    assert (result.returncode, result.stdout, result.stderr) == (3, "", INTERNAL)
