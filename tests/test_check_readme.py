"""The output README pastes under "Gate drafts in CI" is what `claimcheck check` prints now.

Each ```console block there is run from fixtures/newsroom as CI would run it; only the time
taken may differ. (```text blocks show sessions that change files or need pre-commit.)
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_TIME = re.compile(r" in \d+\.\d\d s$")


def _sessions() -> list[tuple[str, list[str]]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Gate drafts in CI", 1)[1].split("\n## ", 1)[0]
    sessions = []
    for block in re.findall(r"```console\n(.*?)```", section, re.S):
        command, *output = block.rstrip("\n").split("\n")
        sessions.append((command.removeprefix("$ "), output))
    return sessions


def _untimed(lines: list[str]) -> list[str]:
    return [_TIME.sub(" in … s", line) for line in lines]


def test_readme_shows_the_local_and_the_github_commands():
    assert [command for command, _ in _sessions()] == ["claimcheck check", "claimcheck check --format github"]


@pytest.mark.parametrize(("command", "output"), _sessions(), ids=[command for command, _ in _sessions()])
def test_readme_output_is_current(command, output):
    program, *arguments = shlex.split(command)
    result = subprocess.run(
        [sys.executable, "-m", program, *arguments],
        cwd=ROOT / "fixtures" / "newsroom",
        env={**os.environ, "CI": "true"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert _untimed(result.stdout.splitlines()) == _untimed(output)
