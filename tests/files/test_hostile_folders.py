"""Folders as a shared drive leaves them: FIFOs, sockets, links to devices or to nothing are
noted and skipped by `check` and `extract` (none hangs the run or stops it), a device named
on the command line is refused in one line, and a tree 1,200 folders deep is walked."""

from __future__ import annotations

import json
import os
import socket
import threading
import tomllib
from pathlib import Path

import pytest
from cli_run import claimcheck as run
from places import DATA

HOSTILE = DATA / "hostile"
ENTRIES = tomllib.loads((HOSTILE / "folders.toml").read_text(encoding="utf-8"))["entry"]
REFS = "id,subject,value,unit,source\nline,line,5,km,desk\n"
DRAFT = "The line is 5 km long.\n"
GUARD = 60  # seconds: a walk that opens a FIFO waits forever


def make(entry: dict, folder: Path, keep: list) -> Path:
    path = folder / entry["name"]
    kind, _, target = entry["make"].partition(":")
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        keep.append(server)
    else:
        path.symlink_to(target)
    return path


@pytest.fixture
def shared(tmp_path: Path):
    (tmp_path / "refs.csv").write_text(REFS, encoding="utf-8")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "line.txt").write_text(DRAFT, encoding="utf-8")
    sockets: list[socket.socket] = []
    for entry in ENTRIES:
        make(entry, drafts, sockets)
    yield tmp_path
    for server in sockets:
        server.close()


def expected_skips() -> list[dict]:
    return sorted(({"path": f"drafts/{e['name']}", "looks_like": e["is"]} for e in ENTRIES), key=lambda s: s["path"])


def test_check_lists_and_skips_what_is_not_a_file(shared):
    result = run("check", "drafts", "--refs", "refs.csv", "-f", "json", cwd=shared, timeout=GUARD)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["skipped"] == expected_skips()
    assert [f["path"] for f in report["files"]] == ["drafts/line.txt"]
    assert (report["summary"]["special"], report["summary"]["skipped"]) == (len(ENTRIES), 0)


def test_check_says_so_in_its_summary(shared):
    result = run("check", "drafts", "--refs", "refs.csv", cwd=shared, timeout=GUARD, in_ci=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].endswith(f"; {len(ENTRIES)} FIFOs, devices or broken links skipped")


@pytest.mark.parametrize("given", ["drafts", "drafts/*", "drafts/**/*.txt"])
def test_extract_notes_each_and_reads_the_rest(shared, given):
    result = run("extract", given, "-f", "jsonl", cwd=shared, timeout=GUARD)
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["text"] for line in result.stdout.splitlines()] == ["5 km"]
    kept = [e for e in ENTRIES if not given.endswith(".txt") or e["name"].endswith(".txt")]
    notes = sorted(f"claimcheck: drafts/{e['name']}: not read: it is {e['is']}" for e in kept)
    assert sorted(result.stderr.splitlines()) == notes


@pytest.mark.hostile
@pytest.mark.parametrize("entry", [e for e in ENTRIES if "named" in e], ids=lambda e: e["name"])
@pytest.mark.parametrize("command", ["extract", "verify", "check"])
def test_an_entry_named_on_the_command_line_is_refused_in_one_line(shared, entry, command):
    extra = [] if command == "extract" else ["--refs", "refs.csv"]
    result = run(command, f"drafts/{entry['name']}", *extra, cwd=shared, timeout=GUARD)
    assert result.returncode == 2
    assert result.stderr == f"claimcheck: drafts/{entry['name']}: {entry['named']}\n"


def test_a_reference_table_that_links_to_a_device_is_refused(shared):
    (shared / "refs-zero.csv").symlink_to("/dev/zero")
    result = run("refs", "check", "refs-zero.csv", cwd=shared, timeout=GUARD)
    assert result.returncode == 2
    assert result.stderr == "claimcheck: refs-zero.csv: not a file to read: it is a character device\n"


def test_a_named_pipe_given_on_purpose_is_read_whole(tmp_path):
    """What `extract <(command)` gives: read once, so the claims come from a spooled copy
    (the text is read twice; a pipe gave nothing the second time)."""
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)

    def feed():
        with open(pipe, "w", encoding="utf-8") as writer:
            writer.write(DRAFT)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    result = run("extract", str(pipe), "-f", "jsonl", timeout=GUARD)
    writer.join(GUARD)
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["text"] for line in result.stdout.splitlines()] == ["5 km"]


def deep_tree(root: Path, depth: int) -> Path:
    """`root/d/d/…/line.txt`, `depth` folders down (made relative to stay under PATH_MAX)."""
    here = os.open(root, os.O_RDONLY)
    try:
        for _ in range(depth):
            os.mkdir("d", dir_fd=here)
            inner = os.open("d", os.O_RDONLY, dir_fd=here)
            os.close(here)
            here = inner
        descriptor = os.open("line.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=here)
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(DRAFT)
    finally:
        os.close(here)
    return root.joinpath(*["d"] * depth, "line.txt")


@pytest.fixture
def deep(tmp_path: Path):
    """A tree 1,200 folders deep, removed afterwards leaf first (shutil.rmtree recurses)."""
    (tmp_path / "tree").mkdir()
    draft = deep_tree(tmp_path / "tree", 1200)
    yield tmp_path
    draft.unlink()
    for folder in draft.parents:
        if folder == tmp_path / "tree":
            break
        folder.rmdir()


@pytest.mark.hostile
@pytest.mark.parametrize(
    ("command", "given"),
    [("extract", "tree"), ("extract", "tree/**/*.txt"), ("check", "tree")],
)
def test_a_tree_1200_folders_deep_is_walked(deep, command, given):
    tmp_path = deep
    (tmp_path / "refs.csv").write_text(REFS, encoding="utf-8")
    arguments = ["-f", "jsonl"] if command == "extract" else ["--refs", "refs.csv", "-f", "json"]
    result = run(command, given, *arguments, cwd=tmp_path, timeout=GUARD)
    assert result.returncode == 0, result.stderr[-500:]
    expected = "tree/" + "d/" * 1200 + "line.txt"
    if command == "extract":
        assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [expected]
    else:
        assert [f["path"] for f in json.loads(result.stdout)["files"]] == [expected]
