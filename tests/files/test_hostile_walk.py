"""`claimcheck check` over a shared folder: binaries found in it are skipped and counted, a
named one is refused, legacy encodings are read, and --max-bytes guards the run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cli_run import claimcheck as run
from places import DATA

HOSTILE = DATA / "hostile"
REFS = "id,subject,value,unit,source\nline,line,5,km,desk\n"

pytestmark = pytest.mark.hostile


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "refs.csv").write_text(REFS, encoding="utf-8")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "line.txt").write_text("The line is 5 km long.\n", encoding="utf-8")
    shutil.copy(HOSTILE / "pdf-renamed.txt", drafts / "scan.txt")
    shutil.copy(HOSTILE / "png-renamed.txt", drafts / "photo.md")
    shutil.copy(HOSTILE / "zh-hans-gb18030.txt", drafts / "wire-gbk.txt")
    return tmp_path


def test_binaries_in_a_directory_are_skipped_and_counted(folder):
    result = run("check", "drafts", "--refs", "refs.csv", "--fail-on", "mismatch", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    summary = result.stdout.splitlines()[-1]
    assert summary.startswith("2 files, ") and summary.endswith("; 2 binary files skipped")


def test_the_json_report_names_what_was_skipped(folder):
    result = run("check", "drafts", "--refs", "refs.csv", "-f", "json", "--fail-on", "none", cwd=folder)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["summary"]["skipped"] == 2
    assert report["skipped"] == [
        {"path": "drafts/photo.md", "looks_like": "a PNG image"},
        {"path": "drafts/scan.txt", "looks_like": "a PDF document"},
    ]
    assert sorted(f["path"] for f in report["files"]) == ["drafts/line.txt", "drafts/wire-gbk.txt"]


def test_a_binary_named_on_the_command_line_is_refused(folder):
    result = run("check", "drafts/line.txt", "drafts/scan.txt", "--refs", "refs.csv", cwd=folder)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == "claimcheck: drafts/scan.txt: not text: it looks like a PDF document\n"


@pytest.mark.parametrize(
    ("arguments", "config", "code", "error"),
    [
        (["--max-bytes", "1k"], "", 2, "drafts/wire-gbk.txt: 1.2 KB, over the limit of 1.0 KB"),
        (["--max-bytes", "1M"], "", 0, ""),
        ([], 'max-bytes = "1k"\n', 2, "over the limit"),
        (["--max-bytes", "0"], 'max-bytes = "1k"\n', 0, ""),  # the flag wins; 0 is no limit
        (["--max-bytes", "lots"], "", 2, "--max-bytes: cannot read 'lots' as a size"),
        (["--encoding", "big5"], "", 2, "drafts/wire-gbk.txt: not valid big5 at byte"),
        (["--encoding", "klingon"], "", 2, "drafts/line.txt: unknown encoding 'klingon'"),
    ],
)
def test_max_bytes_and_encoding_from_flags_and_config(folder, arguments, config, code, error):
    (folder / "claimcheck.toml").write_text(f'refs = "refs.csv"\nfail-on = "none"\n{config}', encoding="utf-8")
    result = run("check", "drafts", *arguments, cwd=folder)
    assert result.returncode == code, result.stderr
    if code == 2:
        assert result.stderr.startswith("claimcheck: ") and result.stderr.count("\n") == 1
        assert error in result.stderr


def test_extract_and_verify_have_the_same_guards(folder):
    big = folder / "drafts" / "line.txt"
    for command in (["extract", str(big)], ["verify", str(big), "--refs", "refs.csv"]):
        result = run(*command, "--max-bytes", "10", cwd=folder)
        assert result.returncode == 2
        assert (
            result.stderr
            == f"claimcheck: {big}: 23 bytes, over the limit of 10 bytes: raise --max-bytes (0 for no limit)\n"
        )
