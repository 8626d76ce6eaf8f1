"""What ships for newsrooms: the pre-commit hook, the GitHub Actions example, the fixture
folder, each run the way pre-commit, a runner or a new user would run it."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml
from places import ROOT

NEWSROOM = ROOT / "fixtures" / "newsroom"
SUMMARY = re.compile(r"^\d+ files, \d+ claims: .* in \d+\.\d\d s$")


def claimcheck(*args: str, cwd: Path = NEWSROOM) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CI": "true"}
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.fixture(scope="module")
def hook() -> dict:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [only] = [h for h in hooks if h["id"] == "claimcheck"]
    return only


def test_the_hook_names_a_real_entry_point(hook):
    assert {"id", "name", "entry", "language"} <= hook.keys()
    assert hook["language"] == "python"
    program, *arguments = shlex.split(hook["entry"])
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts[program] == "claimcheck.cli.app:main"
    assert claimcheck(*arguments, "--help").returncode == 0


@pytest.mark.parametrize(
    ("name", "matched"),
    [
        ("drafts/a.md", True),
        ("b.markdown", True),
        ("c.html", True),
        ("notes.txt", True),
        ("desk/draft.docx", True),
        ("old.doc", False),
        ("setup.py", False),
        ("table.csv", False),
    ],
)
def test_the_hook_sees_drafts_only(hook, name, matched):
    assert bool(re.search(hook["files"], name)) is matched


def test_the_hook_runs_on_the_files_a_commit_touches(hook):
    """pre-commit runs the entry with the staged file names appended, from the repository root."""
    _, *arguments = shlex.split(hook["entry"])
    result = claimcheck(*arguments, "drafts/metro-line.md", "drafts/council-budget.txt")
    assert result.returncode in (0, 1), result.stderr
    assert SUMMARY.match(result.stdout.splitlines()[-1])
    assert result.stdout.splitlines()[-1].startswith("2 files,")


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load((ROOT / "docs" / "github-actions.yml").read_text(encoding="utf-8"))


def _check_steps(workflow: dict) -> list[list[str]]:
    steps = workflow["jobs"]["check"]["steps"]
    return [shlex.split(step["run"]) for step in steps if step.get("run", "").startswith("claimcheck check")]


def test_the_workflow_runs_on_pull_requests_and_uploads_sarif(workflow):
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers
    uploads = [s for s in workflow["jobs"]["check"]["steps"] if "upload-sarif" in s.get("uses", "")]
    assert uploads and uploads[0]["with"]["sarif_file"] == "claimcheck.sarif"
    assert len(_check_steps(workflow)) == 2


def test_the_workflow_commands_run_in_a_newsroom_repository(workflow, tmp_path):
    sarif_step, github_step = _check_steps(workflow)
    sarif = claimcheck(*sarif_step[1:], "--output", str(tmp_path / "claimcheck.sarif"))
    assert sarif.returncode == 0, sarif.stderr
    schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads((tmp_path / "claimcheck.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema, cls=jsonschema.Draft4Validator)
    assert log["runs"][0]["results"], "the fixture drafts have findings to show"

    github = claimcheck(*github_step[1:])
    assert github.returncode == 1, github.stderr
    *commands, summary = github.stdout.splitlines()
    assert commands and all(line.startswith(("::error file=drafts/", "::warning file=drafts/")) for line in commands)
    assert SUMMARY.match(summary)
