"""claimcheck's own pages are not drafts: the report `claimcheck report` writes beside its
draft, and the folder `check --format html` writes, are left out of the next walk of the
folder, and the run says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import claimcheck as run

from claimcheck.files.own_pages import is_own_page

REFS = "id,subject,value,unit,source\nline,line,5,km,desk\n"
DRAFT = "# Metro\n\nThe line is 5 km long and cost 3 million dollars.\n"
SKIPPED = "a report page claimcheck wrote"


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    (tmp_path / "refs.csv").write_text(REFS, encoding="utf-8")
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def test_a_report_beside_its_draft_is_not_checked_as_a_draft(desk):
    assert run("report", "draft.md", "--refs", "refs.csv", cwd=desk).returncode == 0
    assert (desk / "draft.md.html").exists()
    result = run("check", ".", "--refs", "refs.csv", "-f", "json", "--fail-on", "none", cwd=desk)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [file["path"] for file in report["files"]] == ["draft.md"]
    assert report["skipped"] == [{"path": "draft.md.html", "looks_like": SKIPPED}]
    assert (report["summary"]["claims"], report["summary"]["own_pages"], report["summary"]["skipped"]) == (2, 1, 0)
    assert result.stderr.endswith("; 1 claimcheck report page skipped\n")


def test_the_pages_of_check_format_html_are_not_checked_next_time(desk):
    first = run("check", ".", "--refs", "refs.csv", "-f", "html", "-o", "site", cwd=desk)
    assert first.returncode == 1, first.stderr
    again = run("check", ".", "--refs", "refs.csv", cwd=desk)
    assert again.returncode == 1
    assert again.stdout.splitlines()[-1].startswith("1 files, 2 claims:")
    assert again.stdout.endswith("; 2 claimcheck report pages skipped\n")


def test_extract_on_a_folder_skips_them_and_says_so(desk):
    assert run("report", "draft.md", cwd=desk).returncode == 0
    result = run("extract", ".", "-f", "jsonl", cwd=desk)
    assert result.returncode == 0, result.stderr
    assert {json.loads(line)["source"] for line in result.stdout.splitlines()} == {"./draft.md"}
    assert result.stderr == f"claimcheck: ./draft.md.html: not read: it is {SKIPPED}\n"


def test_a_page_named_on_the_command_line_is_read(desk):
    assert run("report", "draft.md", cwd=desk).returncode == 0
    result = run("extract", "draft.md.html", "-f", "jsonl", cwd=desk)
    assert result.returncode == 0 and result.stdout


@pytest.mark.parametrize(
    ("name", "content", "own"),
    [
        ("page.html", '<!DOCTYPE html>\n<head>\n<meta name="generator" content="claimcheck">\n', True),
        ("page.htm", '<meta name="generator" content="claimcheck">', True),
        ("page.html", '<meta name="generator" content="WordPress 6.4">\n<p>Sales rose 5%.</p>', False),
        ("page.html", "<p>Sales rose 5%.</p>" * 300 + '<meta name="generator" content="claimcheck">', False),
        ("notes.md", '<meta name="generator" content="claimcheck">', False),  # only HTML pages
    ],
    ids=["report head", "htm", "another generator", "mark past the head", "not html"],
)
def test_what_counts_as_a_claimcheck_page(tmp_path, name, content, own):
    (tmp_path / name).write_text(content, encoding="utf-8")
    assert is_own_page(str(tmp_path / name)) is own
