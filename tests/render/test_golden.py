"""Golden files: every output format of extract, verify, check, report and refs check, as the
command line prints or writes it on the fixtures (runs listed in tests/golden/cases.toml), in
tests/golden/<command>/<case>.<ext>. A difference fails with a diff of the file.

What changes from run to run (the time taken, the checkout's path, the temporary output
folder, the version) is redacted by `cli_run.redacted` before comparing and before saving.
After a deliberate change of output, regenerate them and read the change in `git diff`:

    python -m pytest tests/render/test_golden.py --update-golden
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
from cli_run import redacted
from places import GOLDEN, ROOT

CASES = tomllib.loads((GOLDEN / "cases.toml").read_text(encoding="utf-8"))["case"]
EXTENSIONS = {
    "table": "table.txt",
    "text": "txt",
    "json": "json",
    "jsonl": "jsonl",
    "csv": "csv",
    "github": "github.txt",
    "sarif": "sarif",
    "junit": "junit.xml",
    "html": "html",
    "claimreview": "claimreview.jsonld",
}
# As in a CI job: no progress bar, no colour, the width a pipe gets.
ENV = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "COLUMNS", "LINES")} | {"CI": "true"}
DIFF_LINES = 80


@dataclass(frozen=True)
class Run:
    """One case in one format: its command line and the golden files it is compared with."""

    case: dict
    format: str | None

    @property
    def folder(self) -> Path:
        return GOLDEN / self.case["command"].replace(" ", "-")

    @property
    def stem(self) -> str:
        return self.case["name"] + (f".{EXTENSIONS[self.format]}" if self.format else "")

    @property
    def stderr_name(self) -> str:
        return f"{self.stem}.stderr"

    def output_names(self) -> dict[str, str | None]:
        """Golden file name → the file the command writes in {out} (None: its stdout)."""
        if "files" in self.case:
            return {f"{self.case['name']}.{file}": file for file in self.case["files"]}
        return {self.stem: None}

    def produce(self, out: Path) -> dict[str, str]:
        """Run the command; return the text of each golden file (stderr when it says anything)."""
        arguments = [argument.replace("{out}", str(out)) for argument in self.case["args"]]
        if self.format:
            arguments += ["-f", self.format]
        result = subprocess.run(
            [sys.executable, "-m", "claimcheck", *self.case["command"].split(), *arguments],
            cwd=ROOT / self.case["cwd"],
            env=ENV,
            capture_output=True,
            timeout=120,
        )
        stderr = result.stderr.decode("utf-8")
        assert result.returncode == self.case["exit"], stderr
        produced = {}
        for name, file in self.output_names().items():
            data = result.stdout if file is None else (out / file).read_bytes()
            produced[name] = data.decode("utf-8")
        if stderr:
            produced[self.stderr_name] = stderr
        places = {"repo": ROOT, "out": out}
        return {name: redacted(text, places=places) for name, text in produced.items()}


RUNS = [Run(case, fmt) for case in CASES for fmt in case.get("formats", [None])]


def _diff(path: Path, expected: str, actual: str) -> str:
    lines = list(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=str(path.relative_to(ROOT)),
            tofile="now",
        )
    )
    shown = "".join(line if line.endswith("\n") else line + "\n" for line in lines[:DIFF_LINES])
    more = f"… and {len(lines) - DIFF_LINES} more lines of diff\n" if len(lines) > DIFF_LINES else ""
    return shown + more


def _read(path: Path) -> str | None:
    return path.read_bytes().decode("utf-8") if path.exists() else None


@pytest.mark.parametrize("run", RUNS, ids=lambda run: f"{run.case['command']} {run.stem}")
def test_output_matches_its_golden_file(run: Run, tmp_path: Path, request: pytest.FixtureRequest):
    produced = run.produce(tmp_path)
    expected_names = [*run.output_names(), run.stderr_name]
    if request.config.getoption("--update-golden"):
        run.folder.mkdir(parents=True, exist_ok=True)
        for name in expected_names:
            path = run.folder / name
            if name in produced:
                path.write_bytes(produced[name].encode("utf-8"))
            else:
                path.unlink(missing_ok=True)
        return
    differences = []
    for name in expected_names:
        path = run.folder / name
        expected, actual = _read(path), produced.get(name)
        if expected == actual:
            continue
        if expected is None:
            differences.append(f"{path.relative_to(ROOT)} is missing; it would hold:\n{actual[:2000]}")
        elif actual is None:
            differences.append(f"{path.relative_to(ROOT)}: the run printed nothing on stderr")
        else:
            differences.append(_diff(path, expected, actual))
    if differences:
        regenerate = "(regenerate: python -m pytest tests/render/test_golden.py --update-golden)"
        pytest.fail("\n".join([*differences, regenerate]), pytrace=False)


def test_every_golden_file_belongs_to_a_run(request: pytest.FixtureRequest):
    """A golden file left by a case removed or renamed is deleted by --update-golden."""
    known = {GOLDEN / "cases.toml"}
    for run in RUNS:
        known |= {run.folder / name for name in [*run.output_names(), run.stderr_name]}
    strays = sorted(path for path in GOLDEN.rglob("*") if path.is_file() and path not in known)
    if request.config.getoption("--update-golden"):
        for path in strays:
            path.unlink()
        return
    assert not strays, f"golden files of no run in cases.toml: {[str(p.relative_to(GOLDEN)) for p in strays]}"


def _formats_offered(command: str) -> set[str]:
    """The --format values the command's shell completion offers, as a user's shell sees them."""
    words = f"claimcheck {command} x --format "
    env = ENV | {"_CLAIMCHECK_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()))}
    result = subprocess.run([sys.executable, "-m", "claimcheck"], env=env, capture_output=True, text=True, timeout=120)
    return set(result.stdout.split())


@pytest.mark.parametrize("command", ["extract", "verify", "check", "refs check"])
def test_every_format_of_every_command_has_a_golden_run(command):
    """A format added to a command needs a run in cases.toml."""
    covered = {run.format for run in RUNS if run.case["command"] == command}
    assert covered == _formats_offered(command)


def test_redaction_replaces_what_changes_from_run_to_run_and_nothing_else(tmp_path):
    from claimcheck import __version__

    out = tmp_path / "pages"
    given = "\n".join(
        [
            '{"seconds": 0.694, "files": 5}',
            '<testsuites name="claimcheck" tests="28" time="0.635">',
            "5 files, 28 claims: 13 sourced — 8 failing in 0.43 s",
            "1 files, 2 claims: 0 sourced — passed in 12.07 s; 1 binary file skipped",
            f'"version": "{__version__}", "schema": "2.1.0"',
            f"{ROOT}/fixtures/newsroom/references.csv {ROOT.as_uri()}/fixtures/ {out}/index.html",
            "She ran 100 m in 9.58 s; the table says 5 files",
        ]
    )
    assert redacted(given, places={"repo": ROOT, "out": out}).splitlines() == [
        '{"seconds": "<seconds>", "files": 5}',
        '<testsuites name="claimcheck" tests="28" time="<seconds>">',
        "5 files, 28 claims: 13 sourced — 8 failing in <seconds> s",
        "1 files, 2 claims: 0 sourced — passed in <seconds> s; 1 binary file skipped",
        '"version": "<version>", "schema": "2.1.0"',
        "<repo>/fixtures/newsroom/references.csv file://<repo>/fixtures/ <out>/index.html",
        "She ran 100 m in 9.58 s; the table says 5 files",
    ]
