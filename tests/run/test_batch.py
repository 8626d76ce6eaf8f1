"""Batch extraction's parts: which files a batch holds, and the ordered, bounded parallel map."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from claimcheck.errors import InputError
from claimcheck.files.drafts import expand
from claimcheck.files.drafts import names_many as wanted
from claimcheck.render.extract import renderer
from claimcheck.run.batch import Settings, extract_file
from claimcheck.run.workers import ordered

TREE = [
    "b.txt",
    "a.md",
    "notes.markdown",
    "page.html",
    "data.csv",
    ".hidden.txt",
    ".git/config.txt",
    "sub/c.txt",
    "sub/deeper/d.md",
    "a-b/e.txt",
]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch) -> Path:
    for name in TREE:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("交付了50萬臺\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("given", "files"),
    [
        # a directory: drafts only, hidden entries skipped, sorted by path at every depth
        (
            ["."],
            ["./a-b/e.txt", "./a.md", "./b.txt", "./notes.markdown", "./page.html", "./sub/c.txt", "./sub/deeper/d.md"],
        ),
        (["sub"], ["sub/c.txt", "sub/deeper/d.md"]),
        # a file named is taken whatever its extension; arguments keep their order
        (["data.csv", "b.txt"], ["data.csv", "b.txt"]),
        # globs, recursive with **; a directory matched is walked
        (["*.txt"], ["b.txt"]),
        (["**/*.txt"], ["a-b/e.txt", "b.txt", "sub/c.txt"]),
        (["s*"], ["sub/c.txt", "sub/deeper/d.md"]),
        # a file reached twice runs once, where it came first
        (
            ["b.txt", ".", "./sub/c.txt"],
            ["b.txt", "./a-b/e.txt", "./a.md", "./notes.markdown", "./page.html", "./sub/c.txt", "./sub/deeper/d.md"],
        ),
        (["-", "b.txt"], ["-", "b.txt"]),
    ],
)
def test_expand(tree, given, files):
    assert expand(given) == files


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (["missing.txt"], "missing.txt: no such file or directory"),
        (["*.rst"], "*.rst: no file matches"),
        (["empty"], "empty: is a directory with no draft in it (.txt, .md, .markdown, .html, .docx)"),
    ],
)
def test_expand_refuses(tree, given, message):
    (tree / "empty").mkdir()
    with pytest.raises(InputError) as error:
        expand(given)
    assert str(error.value) == message


@pytest.mark.parametrize(
    ("paths", "batch"),
    [(["b.txt"], False), (["b.txt", "-"], False), (["sub"], True), (["*.txt"], True), (["b.txt", "sub"], True)],
)
def test_wanted_for_directories_and_globs(tree, paths, batch):
    assert wanted(paths) is batch


def test_extract_file_renders_in_the_worker_and_reports_errors(tree):
    done = extract_file(("b.txt", None, Settings(render=renderer("jsonl"))))
    assert done.claims == 1 and done.nbytes == len("交付了50萬臺\n".encode())
    assert done.payload.startswith('{"source": "b.txt", ') and done.payload.count("\n") == 1
    document = extract_file(("b.txt", None, Settings())).payload
    assert [c.text for c in document.claims] == ["50萬臺"]
    assert extract_file(("nope.txt", None, Settings())) == "nope.txt: no such file"
    assert extract_file(("-", "增長12%", Settings())).payload.claims[0].value == 12


def slow_for_small(n: int) -> tuple[int, int]:
    time.sleep(0.02 * (8 - n % 8))  # early items finish last
    return n, os.getpid()


@pytest.mark.parametrize("jobs", [1, 2])
def test_ordered_keeps_input_order(jobs):
    results = list(ordered(slow_for_small, range(16), jobs))
    assert [n for n, _ in results] == list(range(16))
    workers = {pid for _, pid in results}
    assert (workers == {os.getpid()}) if jobs == 1 else (len(workers) == 2 and os.getpid() not in workers)


def test_ordered_holds_a_window_of_items_not_all():
    pulled = []

    def items():
        for n in range(1000):
            pulled.append(n)
            yield n

    stream = ordered(slow_for_small, items(), jobs=2, window=4)
    assert next(stream)[0] == 0
    assert len(pulled) <= 5  # the window, and one more sent when the first came back
    stream.close()  # stops the pool; the rest is never read
    assert len(pulled) <= 5
