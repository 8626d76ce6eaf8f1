"""`claimcheck check` as a process, with the real verifier, on the newsroom fixture folder."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from cli_run import claimcheck as run_cli
from places import ROOT

NEWSROOM = ROOT / "fixtures" / "newsroom"


def claimcheck(*args: str, cwd: Path = NEWSROOM, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli("check", *args, cwd=cwd, stdin=stdin, in_ci=True)


@pytest.fixture(scope="module")
def report() -> dict:
    result = claimcheck("--format", "json")
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


def verdicts(report: dict) -> dict[tuple[str, str], tuple[str, str | None]]:
    return {
        (f["path"], c["claim"]["text"]): (c["verdict"]["status"], c["suppressed"])
        for f in report["files"]
        for c in f["claims"]
    }


@pytest.mark.parametrize(
    ("path", "text", "status", "suppressed"),
    [
        ("drafts/xinghe-deliveries.md", "4.2万辆", "sourced", None),
        ("drafts/xinghe-deliveries.md", "38万辆", "mismatch", None),
        ("drafts/xinghe-deliveries.md", "突破5万辆", "unsourced", "inline"),
        ("drafts/eastbay-port.html", "$780 million", "mismatch", None),
        ("drafts/eastbay-port.html", "3,100 people", "unsourced", None),
        ("drafts/eastbay-port.html", "3 million", "unsourced", "inline"),
        ("drafts/council-budget.txt", "$1.2 billion", "sourced", None),
        ("drafts/council-budget.txt", "300 hours", "unsourced", "inline"),
        ("drafts/metro-line.md", "15.4公里", "sourced", None),
        ("drafts/metro-line.md", "13公里", "unsourced", "inline"),
    ],
)
def test_the_fixture_drafts_get_the_verdicts_their_table_implies(report, path, text, status, suppressed):
    assert verdicts(report)[(path, text)] == (status, suppressed)


def test_nothing_is_found_outside_the_prose(report):
    texts = {text for _, text in verdicts(report)}
    for hidden in ("8000 辆", "350", "500", "640px", "2025-12-02"):
        assert not any(hidden in text for text in texts)


def test_every_position_points_into_the_file_as_written(report):
    for result in report["files"]:
        original = (NEWSROOM / result["path"]).read_text(encoding="utf-8")
        lines = original.split("\n")
        for checked in result["claims"]:
            claim = checked["claim"]
            assert original[claim["start"] : claim["end"]] == claim["text"]
            assert lines[claim["line"] - 1][claim["column"] - 1 :].startswith(claim["text"].split("\n")[0])


def test_a_draft_the_table_backs_passes(tmp_path):
    draft = tmp_path / "budget.md"
    draft.write_text("Riverton's council approved a budget of $1.2 billion for 2026.\n", encoding="utf-8")
    result = claimcheck(str(draft), "--refs", str(NEWSROOM / "references.csv"), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("1 files, 1 claims: 1 sourced, 0 mismatch, 0 unsourced — passed in ")


def test_standard_input_with_the_real_verifier():
    result = claimcheck("-", "--fail-on", "mismatch", stdin="Freight revenue reached $780 million in 2024.\n")
    assert result.returncode == 1
    assert result.stdout.startswith('-:1:25: mismatch money "$780 million" — ')


def test_a_bad_reference_table_is_exit_2_and_one_line(tmp_path):
    table = tmp_path / "refs.csv"
    table.write_text("value,unit\n12,parsecs of joy\n", encoding="utf-8")
    result = claimcheck("drafts", "--refs", str(table))
    assert result.returncode == 2
    assert result.stdout == "" and len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("claimcheck: ") and "refs.csv" in result.stderr


def test_parallel_and_serial_runs_agree_on_the_fixture_folder():
    serial = json.loads(claimcheck("-f", "json", "--jobs", "1").stdout)
    parallel = json.loads(claimcheck("-f", "json", "--jobs", "2").stdout)
    assert serial["files"] == parallel["files"]
