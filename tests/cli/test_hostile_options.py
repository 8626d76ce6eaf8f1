"""Option values and settings files made to break claimcheck rather than to configure it: a
size of inf or NaN, an "encoding" that is rot13 or base64, a config or baseline nested
thousands deep or holding a 5,000-digit number. Each is one line and exit 2, never a
traceback; cases in data/hostile/options.toml and structured.toml."""

from __future__ import annotations

import codecs
import tomllib
from pathlib import Path

import pytest
from cli_run import claimcheck as run
from places import DATA

HOSTILE = DATA / "hostile"
OPTIONS = tomllib.loads((HOSTILE / "options.toml").read_text(encoding="utf-8"))["option"]
FILES = tomllib.loads((HOSTILE / "structured.toml").read_text(encoding="utf-8"))["file"]
REFS = "id,subject,value,unit\nline,line,5,km\n"
COMMANDS = {
    "extract": ["extract", "line.txt"],
    "verify": ["verify", "line.txt", "--refs", "refs.csv"],
    "check": ["check", "line.txt", "--refs", "refs.csv"],
    "refs": ["refs", "check", "refs.csv"],
}


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    (tmp_path / "line.txt").write_text("The line is 5 km long. Sales rose 12%.\n", encoding="utf-8")
    (tmp_path / "refs.csv").write_text(REFS, encoding="utf-8")
    return tmp_path


def one_line(result, error: str) -> None:
    assert result.returncode == 2, result.stderr[-300:]
    assert result.stderr == f"claimcheck: {error}\n"
    assert result.stdout == ""


@pytest.mark.hostile
@pytest.mark.parametrize(
    ("case", "command"),
    [(case, command) for case in OPTIONS for command in case["commands"]],
    ids=lambda value: value if isinstance(value, str) else " ".join(value["args"]),
)
def test_a_bad_option_value_is_one_line(desk, case, command):
    one_line(run(*COMMANDS[command], *case["args"], cwd=desk), case["error"])


@pytest.mark.parametrize("case", [case for case in OPTIONS if "in_config" in case], ids=lambda case: case["in_config"])
def test_the_same_value_in_the_config_file_is_one_line(desk, case):
    (desk / "claimcheck.toml").write_text(case["in_config"] + "\n", encoding="utf-8")
    key = case["in_config"].split(" = ")[0]
    why = case["error"].split(": ", 1)[1]
    found = desk / "claimcheck.toml"  # a config found, not named, is named by its whole path
    one_line(run("check", "line.txt", "--refs", "refs.csv", cwd=desk), f"{found}: key '{key}': {why}")


def generated(case: dict) -> str:
    return case.get("before", "") + case["repeat"] * case["times"] + case.get("after", "")


@pytest.mark.hostile
@pytest.mark.parametrize("case", FILES, ids=lambda case: f"{case['kind']} {case['name']}")
def test_a_settings_file_made_to_break_the_parser_is_one_line(desk, case):
    (desk / case["name"]).write_text(generated(case), encoding="utf-8")
    arguments = {
        "config": ["check", "line.txt", "--refs", "refs.csv", "--config", case["name"]],
        "baseline": ["check", "line.txt", "--refs", "refs.csv", "--baseline", case["name"]],
        "table": ["refs", "check", case["name"]],
    }[case["kind"]]
    one_line(run(*arguments, cwd=desk), f"{case['name']}: {case['error']}")


def test_a_pyproject_is_found_and_refused_in_one_line_too(desk):
    case = next(case for case in FILES if case["name"] == "pyproject.toml")
    (desk / "pyproject.toml").write_text(generated(case), encoding="utf-8")
    found = desk / "pyproject.toml"
    one_line(run("check", "line.txt", "--refs", "refs.csv", cwd=desk), f"{found}: {case['error']}")


@pytest.mark.parametrize("mark", [codecs.BOM_UTF8, b""], ids=["with a BOM", "without"])
def test_a_baseline_saved_with_a_byte_order_mark_is_read(desk, mark):
    written = run("check", "line.txt", "--refs", "refs.csv", "--baseline", "b.json", "--update-baseline", cwd=desk)
    assert written.returncode == 0, written.stderr
    baseline = desk / "b.json"
    baseline.write_bytes(mark + baseline.read_bytes())
    result = run("check", "line.txt", "--refs", "refs.csv", "--baseline", "b.json", cwd=desk, in_ci=True)
    assert result.returncode == 0, result.stderr
    assert "(0 suppressed, 1 in the baseline) — passed" in result.stdout
