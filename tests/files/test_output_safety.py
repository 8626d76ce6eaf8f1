"""`-o PATH` and standard output as a user's shell hands them over: a FIFO, a device, a
symbolic link, a file with its own mode, one of the inputs, a full disk, a closed stream.
Every command writes through one writer, so each case runs for every command that writes."""

from __future__ import annotations

import json
import os
import resource
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import claimcheck as run

REFS = "id,subject,value,unit,source\nline,line,5,km,desk\n"
DRAFT = "The line is 6 km long.\n"  # a mismatch: every format names it

# id: the command without -o; each writes "6 km" somewhere in what it writes.
WRITERS = {
    "extract table": ["extract", "draft.txt"],
    "extract json": ["extract", "draft.txt", "-f", "json"],
    "extract jsonl": ["extract", "draft.txt", "-f", "jsonl"],
    "extract csv": ["extract", "draft.txt", "-f", "csv"],
    "extract folder jsonl": ["extract", "drafts", "-f", "jsonl"],
    "extract folder json": ["extract", "drafts", "-f", "json"],
    "verify json": ["verify", "draft.txt", "--refs", "refs.csv", "-f", "json"],
    "verify csv": ["verify", "draft.txt", "--refs", "refs.csv", "-f", "csv"],
    "check json": ["check", "draft.txt", "--refs", "refs.csv", "-f", "json"],
    "check text": ["check", "draft.txt", "--refs", "refs.csv"],
    "report": ["report", "draft.txt", "--refs", "refs.csv"],
}
# id: a command that prints on stdout.
PRINTERS = {
    **{name: args for name, args in WRITERS.items() if name != "report"},
    "check github": ["check", "draft.txt", "--refs", "refs.csv", "-f", "github"],
    "refs check": ["refs", "check", "refs.csv"],
    "refs check json": ["refs", "check", "refs.csv", "-f", "json"],
    "report": ["report", "draft.txt", "--refs", "refs.csv", "-o", "page.html"],
    "schema": ["schema"],
    "help": ["--help"],
    "extract help": ["extract", "--help"],
    "version": ["--version", "schema"],  # the version is printed, and the run ends, before the command
}

pytestmark = pytest.mark.hostile


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    (tmp_path / "refs.csv").write_text(REFS, encoding="utf-8")
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def under_umask(mask: int):
    def preexec() -> None:
        os.umask(mask)

    return preexec


def run_in_shell(script: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`script` with "$@" standing for `python -m claimcheck ARGS` (to close a stream: >&-)."""
    command = ["sh", "-c", script, "sh", sys.executable, "-m", "claimcheck", *args]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", cwd=cwd, timeout=120)


@pytest.mark.parametrize("args", WRITERS.values(), ids=WRITERS.keys())
def test_a_fifo_given_to_o_is_written_to_not_replaced(desk, args):
    os.mkfifo(desk / "pipe")
    reader = subprocess.Popen(["cat", "pipe"], cwd=desk, stdout=subprocess.PIPE)
    try:
        result = run(*args, "-o", "pipe", cwd=desk)
        received, _ = reader.communicate(timeout=30)
    finally:
        reader.kill()
        reader.wait()
    assert result.returncode in (0, 1), result.stderr
    assert "6 km" in received.decode("utf-8")
    assert stat.S_ISFIFO(os.lstat(desk / "pipe").st_mode)
    assert entries(desk) == ["draft.txt", "drafts", "pipe", "refs.csv"]


@pytest.mark.parametrize("args", WRITERS.values(), ids=WRITERS.keys())
def test_a_symbolic_link_keeps_pointing_to_the_file_written(desk, args):
    (desk / "kept").mkdir()
    (desk / "kept" / "out").write_text("yesterday\n", encoding="utf-8")
    (desk / "out").symlink_to(Path("kept") / "out")
    result = run(*args, "-o", "out", cwd=desk)
    assert result.returncode in (0, 1), result.stderr
    assert os.readlink(desk / "out") == os.path.join("kept", "out")
    assert "6 km" in (desk / "kept" / "out").read_text(encoding="utf-8")
    assert entries(desk / "kept") == ["out"]


def test_a_link_to_nothing_yet_creates_the_file_it_names(desk):
    (desk / "out.json").symlink_to("made.json")
    result = run("extract", "draft.txt", "-f", "json", "-o", "out.json", cwd=desk)
    assert result.returncode == 0, result.stderr
    assert (desk / "out.json").is_symlink()
    assert json.loads((desk / "made.json").read_text(encoding="utf-8"))["documents"][0]["claims"]


@pytest.mark.parametrize("args", WRITERS.values(), ids=WRITERS.keys())
def test_a_device_behind_a_link_is_written_to_and_kept(desk, args):
    (desk / "null").symlink_to("/dev/null")
    (desk / "full").symlink_to("/dev/full")
    assert run(*args, "-o", "null", cwd=desk).returncode in (0, 1)
    result = run(*args, "-o", "full", cwd=desk)
    assert (result.returncode, result.stderr) == (2, "claimcheck: full: cannot write: No space left on device\n")
    assert os.readlink(desk / "null") == "/dev/null" and os.readlink(desk / "full") == "/dev/full"
    assert entries(desk) == ["draft.txt", "drafts", "full", "null", "refs.csv"]


@pytest.mark.skipif(not os.path.exists("/dev/stdout"), reason="needs /dev/stdout")
def test_o_dev_stdout_writes_where_stdout_goes_even_a_file(desk):
    """Renamed over, the file the shell opened would be replaced: what the shell writes after
    would go to the old one."""
    result = run_in_shell(
        '{ "$@" -o /dev/stdout; echo end; } > out.json', "extract", "draft.txt", "-f", "json", cwd=desk
    )
    assert result.returncode == 0, result.stderr
    written = (desk / "out.json").read_text(encoding="utf-8")
    assert written.endswith("}\nend\n") and json.loads(written.removesuffix("end\n"))["documents"]


@pytest.mark.parametrize("args", WRITERS.values(), ids=WRITERS.keys())
@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002], ids=["umask 022", "umask 077", "umask 002"])
def test_a_new_output_gets_the_mode_the_umask_leaves(desk, args, mask):
    result = subprocess.run(
        [sys.executable, "-m", "claimcheck", *args, "-o", "out"],
        cwd=desk,
        capture_output=True,
        timeout=120,
        preexec_fn=under_umask(mask),
    )
    assert result.returncode in (0, 1), result.stderr
    assert stat.S_IMODE(os.stat(desk / "out").st_mode) == 0o666 & ~mask


@pytest.mark.parametrize("args", WRITERS.values(), ids=WRITERS.keys())
def test_an_existing_output_keeps_its_mode(desk, args):
    (desk / "out").write_text("yesterday\n", encoding="utf-8")
    os.chmod(desk / "out", 0o640)
    result = run(*args, "-o", "out", cwd=desk)
    assert result.returncode in (0, 1), result.stderr
    assert stat.S_IMODE(os.stat(desk / "out").st_mode) == 0o640
    assert "6 km" in (desk / "out").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "written"),
    [
        (["report", "draft.txt", "--refs", "refs.csv"], "draft.txt.html"),
        (["check", "draft.txt", "--refs", "refs.csv", "--baseline", "base.json", "--update-baseline"], "base.json"),
        (["check", "draft.txt", "--refs", "refs.csv", "-f", "html", "-o", "site"], "site/index.html"),
        (["check", "draft.txt", "--refs", "refs.csv", "-f", "html", "-o", "site"], "site/draft.txt.html"),
    ],
    ids=["report page", "baseline", "html index", "html page"],
)
def test_pages_and_baselines_honour_the_umask(desk, args, written):
    result = subprocess.run(
        [sys.executable, "-m", "claimcheck", *args],
        cwd=desk,
        capture_output=True,
        timeout=120,
        preexec_fn=under_umask(0o022),
    )
    assert result.returncode in (0, 1), result.stderr
    assert stat.S_IMODE(os.stat(desk / written).st_mode) == 0o644


@pytest.mark.parametrize(
    ("args", "output", "error"),
    [
        (["verify", "draft.txt", "--refs", "refs.csv", "-f", "csv"], "refs.csv", "refs.csv: is one of the inputs"),
        (["verify", "draft.txt", "--refs", "refs.csv"], "draft.txt", "draft.txt: is one of the inputs"),
        (["extract", "draft.txt", "-f", "json"], "draft.txt", "draft.txt: is one of the inputs"),
        (["extract", "drafts", "-f", "jsonl"], "drafts/a.txt", "drafts/a.txt: is one of the inputs"),
        (["extract", "drafts", "-f", "csv"], "alias", "alias: is one of the inputs (drafts/a.txt)"),
        (["check", "draft.txt", "--refs", "refs.csv", "-f", "json"], "refs.csv", "refs.csv: is one of the inputs"),
        (
            ["check", "drafts", "--refs", "refs.csv", "-f", "sarif"],
            "alias",
            "alias: is one of the inputs (drafts/a.txt)",
        ),
        (["report", "draft.txt", "--refs", "refs.csv"], "refs.csv", "refs.csv: is one of the inputs"),
        (["report", "draft.txt"], "alias", "alias: is one of the inputs (draft.txt)"),
    ],
)
def test_an_output_that_is_one_of_the_inputs_is_refused(desk, args, output, error):
    (desk / "alias").symlink_to(Path("drafts") / "a.txt" if "drafts" in args else "draft.txt")
    before = {name: (desk / name).read_bytes() for name in ("refs.csv", "draft.txt", "drafts/a.txt")}
    result = run(*args, "-o", output, cwd=desk)
    assert result.returncode == 2
    assert result.stderr == f"claimcheck: {error}; write the output to another file\n"
    assert {name: (desk / name).read_bytes() for name in before} == before
    assert entries(desk) == ["alias", "draft.txt", "drafts", "refs.csv"]


def test_a_baseline_that_is_one_of_the_inputs_is_refused(desk):
    result = run("check", "draft.txt", "--refs", "refs.csv", "--baseline", "draft.txt", "--update-baseline", cwd=desk)
    assert result.returncode == 2
    assert result.stderr == "claimcheck: draft.txt: is one of the inputs; write the output to another file\n"
    assert (desk / "draft.txt").read_text(encoding="utf-8") == DRAFT


@pytest.mark.parametrize("args", WRITERS.values(), ids=WRITERS.keys())
def test_an_existing_directory_is_refused_as_output(desk, args):
    (desk / "out").mkdir()
    result = run(*args, "-o", "out", cwd=desk)
    assert (result.returncode, result.stderr) == (2, "claimcheck: out: is a directory; give a file name\n")
    assert entries(desk / "out") == []


@pytest.mark.parametrize("args", WRITERS.values(), ids=WRITERS.keys())
def test_a_write_that_fails_midway_keeps_the_old_file(desk, args):
    """A file size limit stands in for a disk that fills up: the write fails with EFBIG."""
    (desk / "out").write_text("yesterday\n", encoding="utf-8")

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (64, 64))

    result = subprocess.run(
        [sys.executable, "-m", "claimcheck", *args, "-o", "out"],
        cwd=desk,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=small_files,
    )
    assert (result.returncode, result.stderr) == (2, "claimcheck: out: cannot write: File too large\n")
    assert (desk / "out").read_text(encoding="utf-8") == "yesterday\n"
    assert entries(desk) == ["draft.txt", "drafts", "out", "refs.csv"]


@pytest.mark.parametrize("args", PRINTERS.values(), ids=PRINTERS.keys())
def test_stdout_on_a_full_disk_is_one_line_and_exit_2(desk, args):
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "claimcheck", *args],
            cwd=desk,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert (result.returncode, result.stderr) == (
        2,
        "claimcheck: standard output: cannot write: No space left on device\n",
    )


@pytest.mark.parametrize("args", PRINTERS.values(), ids=PRINTERS.keys())
def test_a_closed_stdout_is_one_line_and_exit_2(desk, args):
    result = run_in_shell('exec "$@" >&-', *args, cwd=desk)
    assert (result.returncode, result.stderr) == (2, "claimcheck: standard output: cannot write: it is closed\n")


@pytest.mark.parametrize(
    ("args", "code", "printed"),
    [
        (["extract", "draft.txt", "-f", "json"], 0, "6 km"),  # nothing to say on stderr: no error
        (["extract", "missing.txt"], 2, ""),  # the error line has nowhere to go
        (["check", "draft.txt", "--refs", "refs.csv", "-f", "json"], 2, "6 km"),  # the summary line neither
    ],
)
def test_a_closed_stderr_never_sends_its_lines_to_stdout(desk, args, code, printed):
    result = run_in_shell('exec "$@" 2>&- </dev/null', *args, cwd=desk)
    assert result.returncode == code
    assert printed in result.stdout and "claimcheck:" not in result.stdout and "files, " not in result.stdout
