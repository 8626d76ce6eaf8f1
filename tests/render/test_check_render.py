"""The output formats of `claimcheck check`, on a report built by hand (no extractor, no
verifier): golden text, escaped GitHub commands, SARIF valid against the official schema,
JUnit a dashboard can read, JSON that round-trips."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest
from places import DATA

from claimcheck.checking.results import Checked, CheckReport, FileResult, summarize, summary_line
from claimcheck.models import Claim, ReferenceRow, TextSpan, Verdict
from claimcheck.render.check import github as check_github
from claimcheck.render.check import json as check_json
from claimcheck.render.check import junit as check_junit
from claimcheck.render.check import sarif as check_sarif
from claimcheck.render.check import text as check_text


def claim(text: str, kind: str, line: int, column: int, start: int, claim_id: str) -> Claim:
    return Claim(
        id=claim_id,
        kind=kind,
        text=text,
        start=start,
        end=start + len(text),
        line=line,
        column=column,
        value=1,
        sentence=TextSpan(text=text, start=start, end=start + len(text)),
        lang="en",
    )


def checked(c: Claim, status: str, reason: str, *, fails: bool = False, suppressed: str | None = None) -> Checked:
    row = (
        ReferenceRow(id="fleet-2025", table="refs.csv", row=3, value=1, value_text="1")
        if status != "unsourced"
        else None
    )
    verdict = Verdict(claim_id=c.id, status=status, reason=reason, reference=row)
    return Checked(claim=c, verdict=verdict, fails=fails, suppressed=suppressed)


def sample_report() -> CheckReport:
    files = [
        FileResult(
            path="drafts/fleet.md",
            format="markdown",
            fail_on="any",
            claims=[
                checked(claim("40 buses", "quantity", 3, 9, 20, "a1"), "sourced", "matches row fleet-2025"),
                checked(claim("$3.2bn", "money", 4, 1, 41, "a2"), "mismatch", "table says $3.0bn (+6.7%)", fails=True),
                checked(claim("12%", "percent", 7, 15, 90, "a3"), "unsourced", "no row for this figure", fails=True),
                checked(claim("5 km", "quantity", 9, 1, 120, "a4"), "unsourced", "no row", suppressed="inline"),
            ],
        ),
        FileResult(
            path='drafts/port, 50% off: "hot".html',
            format="html",
            fail_on="mismatch",
            claims=[
                checked(claim("1.5\nmillion", "quantity", 2, 30, 55, "b1"), "unsourced", "no row\nat all, 100%"),
                checked(claim("第3", "rank", 5, 2, 80, "b2"), "unsourced", "no row", suppressed="baseline"),
            ],
        ),
        FileResult(path="drafts/empty.txt", format="text", fail_on="any", claims=[]),
    ]
    return CheckReport(summary=summarize(files, 1.23411), files=files)


def test_summary_counts_every_status_and_what_was_silenced():
    summary = sample_report().summary
    assert summary.model_dump() == {
        "files": 3,
        "claims": 6,
        "sourced": 1,
        "mismatch": 1,
        "unsourced": 4,
        "suppressed": 1,
        "baselined": 1,
        "failing": 2,
        "seconds": 1.234,
        "skipped": 0,
        "own_pages": 0,
        "not_read": 0,
        "special": 0,
    }
    assert summary_line(summary) == (
        "3 files, 6 claims: 1 sourced, 1 mismatch, 4 unsourced (1 suppressed, 1 in the baseline) — 2 failing in 1.23 s"
    )
    assert sample_report().exit_code == 1


def test_text_is_one_line_per_unsilenced_finding():
    assert check_text.render(sample_report()) == (
        'drafts/fleet.md:4:1: mismatch money "$3.2bn" — table says $3.0bn (+6.7%)\n'
        'drafts/fleet.md:7:15: unsourced percent "12%" — no row for this figure\n'
        'drafts/port, 50% off: "hot".html:2:30: unsourced quantity "1.5 million" — no row at all, 100%\n'
    )


def test_text_colours_only_when_asked_and_never_passes_escapes_through():
    report = sample_report()
    assert "\x1b[" not in check_text.render(report)
    coloured = check_text.render(report, color=True)
    assert "\x1b[1;31mmismatch\x1b[0m" in coloured and "\x1b[33munsourced\x1b[0m" in coloured
    hostile = claim("9 km", "quantity", 1, 1, 0, "h1").model_copy(update={"text": "9\x1b[2J km"})
    result = FileResult(path="x.txt", format="text", fail_on="any", claims=[checked(hostile, "unsourced", "r")])
    assert "\x1b[2J" not in check_text.render(CheckReport(summary=summarize([result], 0), files=[result]))


@pytest.mark.parametrize(
    ("value", "data", "prop"),
    [
        ("50%", "50%25", "50%25"),
        ("a\nb\r", "a%0Ab%0D", "a%0Ab%0D"),
        ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
        ("100%:\n,", "100%25:%0A,", "100%25%3A%0A%2C"),
    ],
)
def test_github_escaping(value, data, prop):
    assert check_github.escape_data(value) == data
    assert check_github.escape_property(value) == prop


def test_github_commands_are_errors_when_failing_and_warnings_otherwise():
    lines = check_github.render(sample_report()).splitlines()
    assert lines == [
        "::error file=drafts/fleet.md,line=4,col=1,endLine=4,endColumn=7,title=claimcheck%3A mismatch money"
        '::"$3.2bn" — table says $3.0bn (+6.7%25)',
        "::error file=drafts/fleet.md,line=7,col=15,endLine=7,endColumn=18,title=claimcheck%3A unsourced percent"
        '::"12%25" — no row for this figure',
        '::warning file=drafts/port%2C 50%25 off%3A "hot".html,line=2,col=30,endLine=3,endColumn=8,'
        'title=claimcheck%3A unsourced quantity::"1.5%0Amillion" — no row%0Aat all, 100%25',
    ]


@pytest.fixture(scope="module")
def sarif_schema() -> dict:
    return json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def test_sarif_is_valid_against_the_official_schema(sarif_schema):
    log = json.loads(check_sarif.render(sample_report()))
    validator = jsonschema.Draft4Validator(sarif_schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=str)
    assert errors == []


def test_the_schema_rejects_a_broken_log(sarif_schema):
    log = json.loads(check_sarif.render(sample_report()))
    log["runs"][0]["results"][0]["level"] = "fatal"
    del log["version"]
    assert len(list(jsonschema.Draft4Validator(sarif_schema).iter_errors(log))) == 2


def test_sarif_has_a_rule_per_status_and_kind_and_exact_regions():
    run = json.loads(check_sarif.render(sample_report()))["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert "mismatch/money" in rule_ids and "unsourced/rank" in rule_ids and len(rule_ids) == len(set(rule_ids))
    results = run["results"]
    assert [r["ruleId"] for r in results] == [
        "mismatch/money",
        "unsourced/percent",
        "unsourced/quantity",
        "unsourced/quantity",
        "unsourced/rank",
    ]
    for result in results:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
    first = results[0]
    assert first["level"] == "error"
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 4,
        "startColumn": 1,
        "endLine": 4,
        "endColumn": 7,
        "charOffset": 41,
        "charLength": 6,
        "snippet": {"text": "$3.2bn"},
    }
    assert first["partialFingerprints"] == {"claimId/v1": "a2"}
    assert run["columnKind"] == "unicodeCodePoints"
    assert results[2]["suppressions"] == [{"kind": "inSource"}]
    assert results[4]["suppressions"] == [{"kind": "external"}]
    assert "suppressions" not in results[3]
    assert results[3]["level"] == "warning"  # unsourced under --fail-on mismatch
    uri = results[3]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri == {"uri": "drafts/port%2C%2050%25%20off%3A%20%22hot%22.html", "uriBaseId": "SRCROOT"}


def test_junit_has_a_case_per_claim():
    root = ET.fromstring(check_junit.render(sample_report()))
    assert (root.tag, root.get("tests"), root.get("failures")) == ("testsuites", "6", "2")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [
        "drafts/fleet.md",
        'drafts/port, 50% off: "hot".html',
        "drafts/empty.txt",
    ]
    cases = suites[0].findall("testcase")
    assert [c.get("name") for c in cases] == [
        "3:9 quantity 40 buses",
        "4:1 money $3.2bn",
        "7:15 percent 12%",
        "9:1 quantity 5 km",
    ]
    assert [next((child.tag for child in c), None) for c in cases] == ["system-out", "failure", "failure", "skipped"]
    assert cases[1].find("failure").get("type") == "mismatch"
    assert (suites[1].get("tests"), suites[1].get("failures"), suites[1].get("skipped")) == ("2", "0", "1")


def test_junit_survives_control_characters():
    hostile = claim("9 km", "quantity", 1, 1, 0, "h1").model_copy(update={"text": "9\x01 km"})
    result = FileResult(path="x.txt", format="text", fail_on="any", claims=[checked(hostile, "unsourced", "r\x0b")])
    root = ET.fromstring(check_junit.render(CheckReport(summary=summarize([result], 0), files=[result])))
    assert root.find("testsuite/testcase").get("name") == "1:1 quantity 9  km"


def test_json_round_trips_to_the_same_report():
    report = sample_report()
    assert CheckReport.model_validate_json(check_json.render(report)) == report
    data = json.loads(check_json.render(report))
    assert data["files"][0]["claims"][1]["verdict"]["status"] == "mismatch"
    assert data["summary"]["failing"] == 2
