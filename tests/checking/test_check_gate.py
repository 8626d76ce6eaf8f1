"""`claimcheck check` end to end with a stand-in verifier: exit codes, policy, filters, files,
baseline, parallel runs, where the report and the summary go."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from check_fakes import install, write_table
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.engine.extract import extract

STATUSES = {"12 km": "sourced", "40 km": "mismatch", "7 km": "unsourced", "3%": "sourced"}


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch) -> Path:
    install(monkeypatch)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI", raising=False)
    write_table(tmp_path / "refs.json", STATUSES)
    (tmp_path / "drafts").mkdir()
    return tmp_path


def draft(root: Path, name: str, text: str) -> Path:
    path = root / "drafts" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def check(*args: str, stdin: str | None = None):
    return CliRunner().invoke(app, ["check", *args], input=stdin)


# (name, draft text, extra flags, exit code)
POLICY = [
    ("all sourced", "The north line is 12 km long.\n", [], 0),
    ("a mismatch fails by default", "The west line is 40 km long.\n", [], 1),
    ("an unsourced figure fails by default", "The spur is 7 km long.\n", [], 1),
    ("no claim at all", "Nothing to count here.\n", [], 0),
    ("fail on mismatch lets unsourced pass", "The spur is 7 km long.\n", ["--fail-on", "mismatch"], 0),
    ("fail on mismatch fails a mismatch", "The west line is 40 km long.\n", ["--fail-on", "mismatch"], 1),
    ("fail on unsourced lets a mismatch pass", "The west line is 40 km long.\n", ["--fail-on", "unsourced"], 0),
    ("fail on any", "The spur is 7 km long.\n", ["--fail-on", "any"], 1),
    ("fail on none", "The west line is 40 km long.\n", ["--fail-on", "none"], 0),
    ("kinds leave the finding out", "The west line is 40 km long.\n", ["--kinds", "percent,money"], 0),
    ("kinds keep it", "The west line is 40 km long.\n", ["--kinds", "quantity"], 1),
]


@pytest.mark.parametrize(("name", "text", "flags", "code"), POLICY, ids=[case[0] for case in POLICY])
def test_policy_decides_the_exit_code(newsroom, name, text, flags, code):
    draft(newsroom, "a.txt", text)
    result = check("drafts", "--refs", "refs.json", *flags)
    assert result.exit_code == code, result.output + result.stderr
    assert result.stderr == ""


def test_text_lists_findings_then_the_summary(newsroom):
    draft(newsroom, "a.md", "# Lines\n\nThe north line is 12 km long and the west line 40 km.\n\nA 7 km spur.\n")
    result = check("--refs", "refs.json")
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        'drafts/a.md:3:48: mismatch quantity "40 km" — fake says mismatch',
        'drafts/a.md:5:3: unsourced quantity "7 km" — fake says unsourced',
    ]
    assert lines[2].startswith("1 files, 3 claims: 1 sourced, 1 mismatch, 1 unsourced — 2 failing in ")
    assert len(lines) == 3


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit"])
def test_machine_formats_keep_stdout_for_the_payload(newsroom, fmt):
    draft(newsroom, "a.txt", "The spur is 7 km long.\n")
    result = check("drafts", "--refs", "refs.json", "--format", fmt)
    assert result.exit_code == 1
    assert "1 files, 1 claims" in result.stderr
    assert "1 files, 1 claims" not in result.stdout
    if fmt != "junit":
        json.loads(result.stdout)


def test_output_file_is_written_and_the_summary_goes_to_stderr(newsroom):
    draft(newsroom, "a.txt", "The spur is 7 km long.\n")
    result = check("drafts", "--refs", "refs.json", "-f", "sarif", "-o", "out.sarif")
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads((newsroom / "out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_min_checkworthy_skips_claims_scored_lower(newsroom):
    text = "The spur is 7 km long.\n"
    [claim] = extract(text)
    draft(newsroom, "a.txt", text)
    assert check("drafts", "--refs", "refs.json", "--min-checkworthy", str(claim.checkworthy)).exit_code == 1
    if claim.checkworthy < 1:
        above = str(min(1.0, claim.checkworthy + 0.01))
        assert check("drafts", "--refs", "refs.json", "--min-checkworthy", above).exit_code == 0


def test_directories_are_walked_for_drafts_only(newsroom):
    for name in ("a.txt", "b.md", "c.markdown", "d.html", "e.csv", "sub/f.md", ".hidden/g.md"):
        draft(newsroom, name, "The spur is 7 km long.\n")
    result = check("drafts", "--refs", "refs.json", "-f", "json")
    paths = [f["path"] for f in json.loads(result.stdout)["files"]]
    assert paths == ["drafts/a.txt", "drafts/b.md", "drafts/c.markdown", "drafts/d.html", "drafts/sub/f.md"]
    result = check("drafts", "--refs", "refs.json", "-f", "json", "--glob", "*.md", "--exclude", "sub")
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == ["drafts/b.md"]


def test_standard_input_is_a_draft(newsroom):
    result = check("-", "--refs", "refs.json", stdin="The west line is 40 km long.\n")
    assert result.exit_code == 1
    assert result.stdout.startswith('-:1:18: mismatch quantity "40 km"')


# (name, arrange, arguments, words of the one-line error)
ERRORS = [
    ("missing draft", lambda root: None, ["drafts/nope.md", "--refs", "refs.json"], "no such file"),
    (
        "undecodable draft",
        lambda root: draft(root, "bad.txt", "").write_bytes(b"7 km \xff"),
        ["drafts", "--refs", "refs.json"],
        "not valid UTF-8",
    ),
    (
        "bad table",
        lambda root: (root / "bad.json").write_text("{", encoding="utf-8"),
        ["drafts", "--refs", "bad.json"],
        "not a reference table",
    ),
    ("missing table", lambda root: None, ["drafts", "--refs", "none.json"], "none.json"),
    ("no table at all", lambda root: None, ["drafts"], "no reference table"),
    (
        "unknown config key",
        lambda root: (root / "claimcheck.toml").write_text("colour = 1\n", encoding="utf-8"),
        ["drafts"],
        "claimcheck.toml: unknown key 'colour'",
    ),
    ("bad kind flag", lambda root: None, ["drafts", "--refs", "refs.json", "--kinds", "money,weather"], "--kinds"),
    (
        "update without a baseline file",
        lambda root: None,
        ["drafts", "--refs", "refs.json", "--update-baseline"],
        "--update-baseline needs",
    ),
    (
        "missing baseline",
        lambda root: None,
        ["drafts", "--refs", "refs.json", "--baseline", "b.json"],
        "no such baseline",
    ),
    (
        "broken baseline",
        lambda root: (root / "b.json").write_text("[]", encoding="utf-8"),
        ["drafts", "--refs", "refs.json", "--baseline", "b.json"],
        "not a claimcheck baseline",
    ),
]


@pytest.mark.parametrize(("name", "arrange", "arguments", "words"), ERRORS, ids=[case[0] for case in ERRORS])
def test_input_and_usage_errors_exit_2_with_one_line(newsroom, name, arrange, arguments, words):
    draft(newsroom, "a.txt", "The spur is 7 km long.\n")
    arrange(newsroom)
    result = check(*arguments)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("claimcheck: ")
    assert words in result.stderr


def test_a_bad_flag_value_is_a_usage_error(newsroom):
    assert check("drafts", "--fail-on", "sometimes").exit_code == 2
    assert check("drafts", "--min-checkworthy", "2").exit_code == 2


def test_config_supplies_refs_and_policy_and_flags_win(newsroom):
    (newsroom / "claimcheck.toml").write_text('refs = "refs.json"\nfail-on = "none"\n', encoding="utf-8")
    draft(newsroom, "a.txt", "The west line is 40 km long.\n")
    (newsroom / "drafts" / "deep").mkdir()
    assert check("drafts").exit_code == 0
    assert check("drafts", "--fail-on", "mismatch").exit_code == 1


def test_baseline_round_trip(newsroom):
    story = draft(newsroom, "a.md", "The west line is 40 km long.\n\nA 7 km spur.\n\nThe north line is 12 km.\n")
    written = check("drafts", "--refs", "refs.json", "--baseline", "baseline.json", "--update-baseline")
    assert written.exit_code == 0, written.stderr
    entries = json.loads((newsroom / "baseline.json").read_text(encoding="utf-8"))["findings"]
    assert sorted((e["path"], e["text"], e["status"]) for e in entries) == [
        ("drafts/a.md", "40 km", "mismatch"),
        ("drafts/a.md", "7 km", "unsourced"),
    ]

    result = check("drafts", "--refs", "refs.json", "--baseline", "baseline.json")
    assert result.exit_code == 0
    assert "(0 suppressed, 2 in the baseline)" in result.stdout

    story.write_text("A new lead paragraph.\n\nThe west line is 40 km long.\n\nA 7 km spur.\n", encoding="utf-8")
    assert check("drafts", "--refs", "refs.json", "--baseline", "baseline.json").exit_code == 0

    story.write_text(
        "The west line is 40 km long.\n\nA 7 km spur.\n\nAnother 7 km spur is planned.\n", encoding="utf-8"
    )
    result = check("drafts", "--refs", "refs.json", "--baseline", "baseline.json")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == 'drafts/a.md:5:9: unsourced quantity "7 km" — fake says unsourced'


def test_baseline_paths_are_relative_to_the_baseline_file(newsroom, monkeypatch):
    draft(newsroom, "a.txt", "A 7 km spur.\n")
    (newsroom / "ci").mkdir()
    assert check("drafts", "--refs", "refs.json", "--baseline", "ci/base.json", "--update-baseline").exit_code == 0
    [entry] = json.loads((newsroom / "ci/base.json").read_text(encoding="utf-8"))["findings"]
    assert entry["path"] == "../drafts/a.txt"
    monkeypatch.chdir(newsroom / "drafts")
    assert check("a.txt", "--refs", "../refs.json", "--baseline", "../ci/base.json").exit_code == 0


def test_suppressed_claims_do_not_fail(newsroom):
    draft(newsroom, "a.md", "<!-- claimcheck: ignore -->\nThe west line is 40 km long.\n")
    draft(newsroom, "b.txt", "The spur is 7 km long. [claimcheck: ignore]\n")
    result = check("drafts", "--refs", "refs.json")
    assert result.exit_code == 0
    assert "(2 suppressed, 0 in the baseline)" in result.stdout


def test_parallel_run_reports_exactly_what_a_serial_run_does(newsroom):
    for i in range(24):
        draft(newsroom, f"story-{i:02}.md", f"Story {i}: the west line is 40 km long, a spur {i % 3 + 7} km.\n")
    serial = json.loads(check("drafts", "--refs", "refs.json", "-f", "json", "--jobs", "1").stdout)
    parallel = json.loads(check("drafts", "--refs", "refs.json", "-f", "json", "--jobs", "2").stdout)
    assert serial["files"] == parallel["files"]
    assert len(serial["files"]) == 24


class _Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("tty", "ci", "shown"),
    [(True, None, True), (True, "true", False), (False, None, False), (False, "1", False)],
    ids=["terminal", "terminal in CI", "piped", "piped in CI"],
)
def test_a_progress_bar_only_for_a_person_at_a_terminal(monkeypatch, tty, ci, shown):
    from claimcheck.cli import terminal

    monkeypatch.setattr(terminal.sys, "stderr", _Stream(tty))
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    assert terminal.progress_wanted() is shown
