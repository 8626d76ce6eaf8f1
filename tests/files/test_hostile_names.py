"""File names that are not UTF-8, or hold a line break, in every command and format: the
report is valid UTF-8 and names each file so that a reader can find it again (the rules in
claimcheck.names; the names in data/hostile/names.toml)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote_to_bytes

import pytest
from cli_run import claimcheck as run
from places import DATA

NAMES = tomllib.loads((DATA / "hostile" / "names.toml").read_text(encoding="utf-8"))["name"]
DRAFT = "The line is 5 km long. Sales rose 12%.\n"
TABLE = b"subject,value,unit\nline,5,km\n"
TABLE_NAME = b"refs-\xfe.csv"


def os_name(case: dict) -> bytes:
    return bytes.fromhex(case["bytes"])


def from_shown(text: str) -> bytes:
    """The rule a consumer follows: \\xNN is the byte NN, the rest is UTF-8."""
    return re.sub(rb"\\x([0-9a-f]{2})", lambda m: bytes.fromhex(m[1].decode()), text.encode("utf-8"))


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    folder = os.fsencode(tmp_path / "drafts")
    os.mkdir(folder)
    for case in NAMES:
        with open(os.path.join(folder, os_name(case)), "wb") as stream:
            stream.write(DRAFT.encode())
    with open(os.path.join(os.fsencode(tmp_path), TABLE_NAME), "wb") as stream:
        stream.write(TABLE)
    return tmp_path


def expected() -> set[bytes]:
    return {b"drafts/" + os_name(case) for case in NAMES}


def names_in(fmt: str, text: str) -> set[bytes]:
    """Every draft the report names, mapped back to its bytes by the format's rule."""
    if fmt == "json":
        data = json.loads(text)
        entries = data.get("documents") or data.get("files")
        return {from_shown(e.get("source") or e.get("path")) for e in entries}
    if fmt == "jsonl":
        return {from_shown(json.loads(line)["source"]) for line in text.splitlines()}
    if fmt == "csv":
        return {from_shown(row["source"]) for row in csv.DictReader(io.StringIO(text))}
    if fmt in ("table", "text"):
        pattern = r"^(drafts/\S+?)(?: — \d+ claims|:\d+:\d+:)"
        return {from_shown(m[1]) for m in re.finditer(pattern, text, re.MULTILINE)}
    if fmt == "github":
        files = re.findall(r"^::\w+ file=([^,]*),", text, re.MULTILINE)
        unescaped = (f.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",") for f in files)
        return {from_shown(f.replace("%25", "%")) for f in unescaped}
    if fmt == "sarif":
        results = json.loads(text)["runs"][0]["results"]
        return {unquote_to_bytes(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for r in results}
    if fmt == "junit":
        return {from_shown(suite.get("name")) for suite in ET.fromstring(text).iter("testsuite")}
    raise AssertionError(fmt)


RUNS = [
    *(("extract", fmt) for fmt in ("table", "json", "jsonl", "csv")),
    *(("verify", fmt) for fmt in ("table", "json", "jsonl", "csv")),
    *(("check", fmt) for fmt in ("text", "json", "github", "sarif", "junit")),
]


def arguments(command: str, fmt: str) -> list[str]:
    table = os.fsdecode(TABLE_NAME)
    drafts = [os.fsdecode(b"drafts/" + os_name(case)) for case in NAMES]
    return {
        "extract": ["extract", "drafts", "-f", fmt],
        "verify": ["verify", *drafts, "--refs", table, "-f", fmt],
        "check": ["check", "drafts", "--refs", table, "-f", fmt],
    }[command]


@pytest.mark.hostile
@pytest.mark.parametrize(("command", "fmt"), RUNS, ids=lambda value: value)
@pytest.mark.parametrize("to_file", [False, True], ids=["stdout", "-o"])
def test_every_format_names_every_file_so_it_can_be_found(desk, command, fmt, to_file):
    result = run(*arguments(command, fmt), *(["-o", "report.out"] if to_file else []), cwd=desk, in_ci=True)
    assert result.returncode == (1 if command == "check" else 0), result.stderr[-400:]
    assert "Traceback" not in result.stderr
    text = (desk / "report.out").read_bytes().decode("utf-8") if to_file else result.stdout
    if fmt == "text" and not to_file:
        text = text.rsplit("\n", 2)[0]  # the summary line
    assert names_in(fmt, text) == expected()


@pytest.mark.parametrize("case", NAMES, ids=lambda case: case["what"])
def test_each_rule_writes_the_name_as_documented(case):
    from claimcheck.names import one_line, shown, uri

    name = os.fsdecode(os_name(case))
    assert (shown(name), one_line(name), uri(name)) == (case["shown"], case["one_line"], case["uri"])


def test_the_verify_report_names_the_table_so_it_can_be_found(desk):
    drafts = [os.fsdecode(b"drafts/" + os_name(NAMES[0]))]
    report = json.loads(run("verify", *drafts, "--refs", os.fsdecode(TABLE_NAME), "-f", "json", cwd=desk).stdout)
    assert [from_shown(table) for table in report["references"]] == [TABLE_NAME]
    reference = report["documents"][0]["claims"][0]["verdict"]["reference"]
    assert from_shown(reference["table"]) == TABLE_NAME and reference["id"] == "refs-\\xfe.csv:2"


def test_the_html_report_and_the_baseline_name_every_file(desk):
    table = os.fsdecode(TABLE_NAME)
    result = run("check", "drafts", "--refs", table, "-f", "html", "-o", "pages", cwd=desk)
    assert result.returncode == 1, result.stderr
    index = (desk / "pages" / "index.html").read_text(encoding="utf-8")
    assert {from_shown(m.replace("&#x27;", "'")) for m in re.findall(r'">(drafts/[^<]*)</a>', index)} == expected()
    written = run("check", "drafts", "--refs", table, "--baseline", "b.json", "--update-baseline", cwd=desk)
    assert written.returncode == 0, written.stderr
    baseline = json.loads((desk / "b.json").read_text(encoding="utf-8"))
    assert {from_shown(entry["path"]) for entry in baseline["findings"]} == expected()
    again = run("check", "drafts", "--refs", table, "--baseline", "b.json", cwd=desk)
    assert again.returncode == 0, again.stdout  # every finding is found in the baseline again


def test_an_error_about_such_a_file_is_one_line(desk):
    name = os.fsdecode(b"drafts/new\nline.txt")
    result = run("extract", name, "--max-bytes", "10", cwd=desk)
    assert result.returncode == 2
    limit = "over the limit of 10 bytes: raise --max-bytes (0 for no limit)"
    assert result.stderr == f"claimcheck: drafts/new\\x0aline.txt: 39 bytes, {limit}\n"
