"""Text that deceives: bidirectional controls around figures, keycaps, digits of other scripts
and superscript powers, through `extract` and `check` as a user runs them (the samples are
tests/data/hostile/deceptive.toml), and the gate's handling of a deceptive figure: its own
finding, its own baseline entry, every output format."""

from __future__ import annotations

import json
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from cli_run import claimcheck
from places import DATA

from claimcheck.engine.extract import readings
from claimcheck.models import Report

SAMPLES = tomllib.loads((DATA / "hostile" / "deceptive.toml").read_text(encoding="utf-8"))
NONE = "__none__"
OVERRIDE = "星河汽车11月交付\u202e42000\u202c辆。\n"  # the table backs 42000; a reader sees 00024


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    (tmp_path / "refs.csv").write_text(SAMPLES["refs"], encoding="utf-8")
    return tmp_path


def check(desk: Path, *args: str):
    return claimcheck("check", *args, cwd=desk, in_ci=True)


@pytest.mark.hostile
@pytest.mark.parametrize("sample", SAMPLES["draft"], ids=lambda sample: sample["name"])
def test_each_draft_is_read_and_checked_as_its_reader_sees_it(desk, sample):
    (desk / "draft.txt").write_text(sample["text"], encoding="utf-8")
    extracted = claimcheck("extract", "draft.txt", "-f", "jsonl", cwd=desk)
    assert extracted.returncode == 0, extracted.stderr
    claims = [json.loads(line) for line in extracted.stdout.splitlines()]
    assert [claim["text"] for claim in claims] == [want["text"] for want in sample["claims"]]
    for claim, want in zip(claims, sample["claims"], strict=True):
        assert sample["text"][claim["start"] : claim["end"]] == claim["text"]
        assert claim["value"] == want["value"]
        if want.get("deceptive") == NONE:
            assert "deceptive" not in claim
        elif "deceptive" in want:
            assert claim["deceptive"] == want["deceptive"]
    checked = check(desk, "draft.txt", "--refs", "refs.csv", *sample.get("flags", []))
    assert checked.returncode == sample["exit"], checked.stdout + checked.stderr
    assert checked.stdout.splitlines()[:-1] == sample["lines"]


@pytest.mark.hostile
def test_the_json_of_check_carries_the_reason_and_the_count(desk):
    (desk / "draft.md").write_text(OVERRIDE + "\n星河汽车11月交付42000辆。\n", encoding="utf-8")
    report = json.loads(check(desk, "draft.md", "--refs", "refs.csv", "-f", "json").stdout)
    summary = report["summary"]
    assert (summary["sourced"], summary["deceptive"], summary["failing"]) == (2, 1, 1)
    deceptive, plain = report["files"][0]["claims"]
    assert deceptive["verdict"]["status"] == "sourced" and deceptive["fails"] is True
    assert deceptive["claim"]["deceptive"] == "bidi"
    assert deceptive["deceptive"].startswith("数字中或旁边有双向控制字符")
    assert "deceptive" not in plain and "deceptive" not in plain["claim"] and plain["fails"] is False


@pytest.mark.hostile
def test_a_clean_report_has_no_deceptive_count(desk):
    (desk / "draft.md").write_text("星河汽车11月交付42000辆。\n", encoding="utf-8")
    report = json.loads(check(desk, "draft.md", "--refs", "refs.csv", "-f", "json").stdout)
    assert "deceptive" not in report["summary"]


@pytest.mark.hostile
def test_a_baseline_that_accepted_a_figure_does_not_accept_controls_added_to_it(desk):
    """The controls change no character claimcheck reads, so the claim keeps its id: the
    deception needs an entry of its own."""
    draft = desk / "draft.md"
    draft.write_text("Riverton's council put $3.1 million in its reserve in 2026.\n", encoding="utf-8")
    accepted = check(desk, "draft.md", "--refs", "refs.csv", "--baseline", "b.json", "--update-baseline")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    draft.write_text("Riverton's council put \u2067$3.1\u2069 million in its reserve in 2026.\n", encoding="utf-8")
    result = check(desk, "draft.md", "--refs", "refs.csv", "--baseline", "b.json")
    assert result.returncode == 1
    assert [line.split(" ")[1] for line in result.stdout.splitlines()[:-1]] == ["mismatch", "deceptive"]
    check(desk, "draft.md", "--refs", "refs.csv", "--baseline", "b.json", "--update-baseline")
    entries = json.loads((desk / "b.json").read_text(encoding="utf-8"))["findings"]
    assert sorted(entry["status"] for entry in entries) == ["deceptive", "mismatch"]
    again = check(desk, "draft.md", "--refs", "refs.csv", "--baseline", "b.json")
    assert again.returncode == 0, again.stdout
    assert "(0 suppressed, 1 in the baseline)" in again.stdout


@pytest.mark.hostile
def test_github_sarif_and_junit_show_the_deceptive_finding(desk):
    (desk / "draft.md").write_text(OVERRIDE, encoding="utf-8")
    github = check(desk, "draft.md", "--refs", "refs.csv", "-f", "github").stdout.splitlines()
    assert github[0].startswith(
        "::error file=draft.md,line=1,col=11,endLine=1,endColumn=18,title=claimcheck%3A deceptive quantity::"
    )
    sarif = json.loads(check(desk, "draft.md", "--refs", "refs.csv", "-f", "sarif").stdout)
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)
    run = sarif["runs"][0]
    (result,) = run["results"]
    assert (result["ruleId"], result["level"]) == ("deceptive/quantity", "error")
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "deceptive/quantity"
    junit = ET.fromstring(check(desk, "draft.md", "--refs", "refs.csv", "-f", "junit").stdout)
    failure = junit.find("testsuite/testcase/failure")
    assert failure is not None and failure.get("type") == "deceptive"


@pytest.mark.hostile
def test_sarif_lists_the_deceptive_rules_only_when_a_figure_deceives(desk):
    (desk / "draft.md").write_text("星河汽车11月交付42000辆。\n", encoding="utf-8")
    sarif = json.loads(check(desk, "draft.md", "--refs", "refs.csv", "-f", "sarif").stdout)
    assert not any(rule["id"].startswith("deceptive/") for rule in sarif["runs"][0]["tool"]["driver"]["rules"])


@pytest.mark.hostile
def test_the_html_report_shows_the_deception(desk):
    (desk / "draft.md").write_text(OVERRIDE, encoding="utf-8")
    result = claimcheck("report", "draft.md", "--refs", "refs.csv", "-o", "page.html", cwd=desk)
    assert result.returncode == 0, result.stderr
    page = (desk / "page.html").read_text(encoding="utf-8")
    assert "<dt>Deceptive</dt><dd>bidirectional control characters in or around the figure" in page


def test_the_schema_describes_the_field():
    field = Report.model_json_schema()["$defs"]["Claim"]["properties"]["deceptive"]
    assert field["default"] is None and "bidi" in json.dumps(field)
    assert "order" in field["description"]
    schema = claimcheck("schema")
    assert json.loads(schema.stdout)["$defs"]["Claim"]["properties"]["deceptive"] == field


@pytest.mark.parametrize("text", ["The star is 5\u00b2 kilometres away.", "There are 2\u00b2\u2070 ways to do it."])
def test_a_superscript_after_another_number_is_noted_not_read(text):
    (reading,) = readings(text)
    assert reading.not_a_claim_because == "a superscript after it: a footnote mark, or a power other than of ten"
