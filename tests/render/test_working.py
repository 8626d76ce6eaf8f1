"""The working of a figure computed from the table's rows (Verdict.computation), as every
format that shows verdicts shows it: the verify table (its reference column, and --explain),
csv, jsonl and json, the check formats (text, github, junit, sarif) and the editor's report.
The verdicts are built here, so that what is tested is the showing, not the arithmetic."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import jsonschema
import pytest
from places import DATA

from claimcheck.checking.results import Checked, CheckReport, FileResult, summarize
from claimcheck.models import Claim, Computation, Document, ReferenceRow, TextSpan, UsedRow, Verdict
from claimcheck.render.check import github as check_github
from claimcheck.render.check import junit as check_junit
from claimcheck.render.check import sarif as check_sarif
from claimcheck.render.check import text as check_text
from claimcheck.render.report.record import Marked, record
from claimcheck.render.verify import csv as verify_csv
from claimcheck.render.verify import json as verify_json
from claimcheck.render.verify import jsonl as verify_jsonl
from claimcheck.render.verify import table as verify_table
from claimcheck.render.working import interval_text, rows_text
from claimcheck.verification.report import VerifyReport, verified_document, verify_report

NOW, BEFORE = ("yh-2025-11", "41238", "2025-11"), ("yh-2024-11", "26380", "2024-11")
WORKING = "(41238 ÷ 26380 − 1) × 100 = 56.32%"
REASON = f"由参考表算得:{WORKING}: yh-2025-11, yh-2024-11"


def used(row_id: str, value: str, as_of: str, row: int) -> UsedRow:
    return UsedRow(id=row_id, table="refs.csv", row=row, value_text=value, subject="远航汽车", as_of=as_of)


def computation(*, low: float = 56.26, high: float = 56.39, missing: tuple[str, ...] = ()) -> Computation:
    return Computation(
        operation="relative change",
        rows=[used(*NOW, 6), used(*BEFORE, 3)],
        expression="(41238 ÷ 26380 − 1) × 100 = 56.32%",
        result=56.32297195,
        low=low,
        high=high,
        missing=list(missing),
    )


def claim(text: str, start: int, claim_id: str) -> Claim:
    return Claim(
        id=claim_id,
        kind="comparison",
        text=text,
        start=start,
        end=start + len(text),
        line=1,
        column=start + 1,
        value=56.3,
        unit="%",
        sentence=TextSpan(text=text, start=start, end=start + len(text)),
        lang="zh",
    )


DIRECT = ReferenceRow(id="yh-2025-11-yoy", table="refs.csv", row=7, value=58.3, value_text="58.3", unit="%")
CLAIMS = [claim("同比增长56.3%", 0, "c1"), claim("同比增长60%", 20, "c2"), claim("同比增长58.3%", 40, "c3")]
VERDICTS = [
    Verdict(claim_id="c1", status="sourced", reason=REASON, computation=computation()),
    Verdict(
        claim_id="c2",
        status="mismatch",
        reason=REASON + ";稿件相差 +3.61%(+6.4%)",
        difference=3.61,
        relative_difference=0.064,
        computation=computation(),
    ),
    Verdict(
        claim_id="c3",
        status="sourced",
        reason="与参考表 yh-2025-11-yoy 相符;但由参考表的各期数据算得 56.32%",
        reference=DIRECT,
        candidates=1,
        computation=computation(),
    ),
]


def verified(verdicts: list[Verdict] = VERDICTS) -> VerifyReport:
    document = Document(source="draft.md", language="zh", claims=CLAIMS[: len(verdicts)])
    return verify_report([verified_document(document, verdicts)], table_paths=["refs.csv"])


def check_report() -> CheckReport:
    claims = [Checked(claim=c, verdict=v, fails=v.status != "sourced") for c, v in zip(CLAIMS, VERDICTS, strict=True)]
    files = [FileResult(path="draft.md", format="markdown", fail_on="any", claims=claims)]
    return CheckReport(summary=summarize(files, 0.5), files=files)


@pytest.mark.parametrize(
    ("operation", "ids", "shown"),
    [
        ("relative change", ["a", "b"], "a ÷ b"),
        ("multiple", ["a", "b"], "a ÷ b"),
        ("share", ["part", "whole"], "part ÷ whole"),
        ("change", ["a", "b"], "a − b"),
        ("points", ["a", "b"], "a − b"),
        ("sum", ["m1", "m2", "m3"], "m1 + m2 + m3"),
        ("sum", [f"m{k}" for k in range(1, 12)], "m1 + … + m11 (11 rows)"),
        ("rank", ["x", "y"], "x, y"),
        ("rank", ["x", "y", "z", "w"], "x, …, w (4 rows)"),
        ("streak", ["s1", "s2", "s3"], "s1, s2, s3"),
        ("relative change", ["a"], "a"),  # the base month missing: the one row found
        ("relative change", ["a", "a"], "a"),  # a row named twice is named once
    ],
)
def test_the_rows_are_joined_by_what_was_done_with_them(operation, ids, shown):
    rows = [UsedRow(id=i, table="t.csv", row=2, value_text="1") for i in ids]
    worked = Computation(operation=operation, rows=rows, expression="…", result=1, low=1, high=1)
    assert rows_text(worked) == shown


def test_the_interval_is_every_value_the_rows_allow():
    assert interval_text(computation()) == "[56.26, 56.39]"
    assert interval_text(computation(low=3088, high=3088)) == "[3,088, 3,088]"


def _table_lines(report: VerifyReport) -> list[list[str]]:
    """The verify table's cells, row by row (a wrapped row's lines joined)."""
    rows: list[list[str]] = []
    for line in verify_table.render(report).splitlines():
        if not line.startswith("│"):
            continue
        cells = [cell.strip() for cell in line.strip("│").split("│")]
        if cells[0] or not rows or cells[3]:  # a new claim, or a row of --explain under it
            rows.append(cells)
        else:
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells, strict=True)]
    return rows


def test_the_reference_column_names_the_rows_a_figure_was_computed_from():
    rows = _table_lines(verified())
    assert [row[4] for row in rows] == [
        "yh-2025-11 ÷ yh-2024-11",
        "yh-2025-11 ÷ yh-2024-11",
        "yh-2025-11-yoy: 58.3% levels: yh-2025-11 ÷ yh-2024-11",  # the row decides; the levels beside it
    ]
    assert rows[0][6] == REASON
    assert rows[1][5] == "+3.61 (+6.4%)"


def test_a_verdict_without_a_computation_shows_as_before():
    plain = Verdict(claim_id="c1", status="sourced", reason="与参考表 yh 相符", reference=DIRECT, candidates=1)
    assert [row[4] for row in _table_lines(verified([plain]))] == ["yh-2025-11-yoy: 58.3%"]


def test_explain_lists_the_working_and_the_rows_used_under_the_rows_considered():
    explained = VERDICTS[0].model_copy(update={"considered": []})
    rows = _table_lines(verified([explained]))
    assert [row[3:] for row in rows[1:]] == [
        [
            "computed",
            "yh-2025-11 ÷ yh-2024-11",
            "relative change",
            "(41238 ÷ 26380 − 1) × 100 = 56.32% ∈ [56.26, 56.39]",
        ],
        ["used", "yh-2025-11: 41238", "", "远航汽车 · 2025-11"],
        ["used", "yh-2024-11: 26380", "", "远航汽车 · 2024-11"],
    ]


def test_without_explain_the_rows_used_are_not_listed():
    assert len(_table_lines(verified(VERDICTS[:1]))) == 1


def test_csv_keeps_its_columns_and_adds_the_working_at_the_end():
    records = list(csv.DictReader(io.StringIO(verify_csv.render(verified()))))
    header = list(records[0])
    assert header[: header.index("candidates") + 1] == list(verify_csv.COLUMNS[:23])
    assert header[23:] == [
        "computation",
        "computation_rows",
        "computation_low",
        "computation_high",
        "computation_missing",
    ]
    first = records[0]
    assert first["computation"] == "relative change: (41238 ÷ 26380 − 1) × 100 = 56.32%"
    assert first["computation_rows"] == "yh-2025-11, yh-2024-11"
    assert (first["computation_low"], first["computation_high"], first["computation_missing"]) == ("56.26", "56.39", "")
    assert first["reference_id"] == ""
    assert records[2]["reference_id"] == "yh-2025-11-yoy" and records[2]["computation_rows"]


def test_csv_gives_no_interval_when_a_row_was_missing():
    short = VERDICTS[0].model_copy(update={"computation": computation(low=0, high=0, missing=("2024-11",))})
    (first,) = csv.DictReader(io.StringIO(verify_csv.render(verified([short]))))
    assert (first["computation_low"], first["computation_high"], first["computation_missing"]) == ("", "", "2024-11")


def test_csv_of_a_verdict_without_a_computation_leaves_the_new_columns_empty():
    plain = Verdict(claim_id="c1", status="unsourced", reason="参考表中没有")
    (first,) = csv.DictReader(io.StringIO(verify_csv.render(verified([plain]))))
    assert [first[column] for column in verify_csv.COLUMNS[23:]] == ["", "", "", "", ""]


@pytest.mark.parametrize("render", [verify_json.render, verify_jsonl.render], ids=["json", "jsonl"])
def test_json_carries_the_computation_and_leaves_it_out_when_there_is_none(render):
    text = render(verified([VERDICTS[0], Verdict(claim_id="c2", status="unsourced", reason="无")]))
    if render is verify_json.render:
        claims = json.loads(text)["documents"][0]["claims"]
    else:
        claims = [json.loads(line) for line in text.splitlines()]
    working = claims[0]["verdict"]["computation"]
    assert working["operation"] == "relative change"
    assert [row["id"] for row in working["rows"]] == ["yh-2025-11", "yh-2024-11"]
    assert (working["low"], working["high"]) == (56.26, 56.39)
    assert claims[0]["verdict"]["reference"] is None
    assert "computation" not in claims[1]["verdict"]


@pytest.mark.parametrize(
    ("render", "percent"), [(check_text.render, "%"), (check_github.render, "%25"), (check_junit.render, "%")]
)
def test_check_lines_carry_the_working_in_the_reason(render, percent):
    out = render(check_report())
    assert f"(41238 ÷ 26380 − 1) × 100 = 56.32{percent}: yh-2025-11, yh-2024-11;稿件相差" in out


def test_junit_messages_carry_the_working():
    root = ET.fromstring(check_junit.render(check_report()))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None and "yh-2025-11, yh-2024-11" in failure.get("message")


def test_sarif_results_carry_the_computation_as_a_property():
    run = json.loads(check_sarif.render(check_report()))["runs"][0]
    (result,) = run["results"]  # the mismatch; the sourced figures are no findings
    properties = result["properties"]
    assert properties["reference"] is None
    assert properties["computation"] == {
        "operation": "relative change",
        "rows": ["yh-2025-11", "yh-2024-11"],
        "expression": "(41238 ÷ 26380 − 1) × 100 = 56.32%",
        "result": 56.32297195,
        "low": 56.26,
        "high": 56.39,
        "missing": [],
    }
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft4Validator(schema).iter_errors(json.loads(check_sarif.render(check_report())))) == []


def _definitions(html: str, heading: str) -> dict[str, str]:
    """The <dt>/<dd> pairs after `heading` in a record, tags stripped."""
    block = html.split(f">{heading}</h3>", 1)[1].split("</dl>", 1)[0]
    pairs = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", block)
    return {label: re.sub(r"<[^>]+>", "", value) for label, value in pairs}


def test_the_record_panel_shows_the_working():
    html = record(2, Marked(CLAIMS[1], VERDICTS[1]), "zh-Hans")
    assert "Reference row" not in html
    assert _definitions(html, "Working") == {
        "Operation": "relative change",
        "Expression": "(41238 ÷ 26380 − 1) × 100 = 56.32%",
        "Result": "56.32",
        "Rows allow": "[56.26, 56.39]",
        "Difference": "+3.61 (+6.4%)",
        "Row 1": "yh-2025-11 (refs.csv, row 6): 41238, as of 2025-11, 远航汽车",
        "Row 2": "yh-2024-11 (refs.csv, row 3): 26380, as of 2024-11, 远航汽车",
    }


def test_the_record_panel_shows_the_row_then_the_levels_working():
    html = record(3, Marked(CLAIMS[2], VERDICTS[2]), "zh-Hans")
    assert html.index("Reference row") < html.index(">Working<")
    working = _definitions(html, "Working")
    assert "Difference" not in working  # the reference row's block has it
    assert working["Row 1"].startswith("yh-2025-11 (refs.csv, row 6)")


def test_the_record_panel_names_the_missing_period_and_no_result():
    short = VERDICTS[0].model_copy(update={"computation": computation(low=0, high=0, missing=("2024-11",))})
    working = _definitions(record(1, Marked(CLAIMS[0], short), "zh-Hans"), "Working")
    assert working["No row for"] == "2024-11"
    assert "Result" not in working and "Rows allow" not in working


def test_a_record_without_a_computation_has_no_working():
    plain = Verdict(claim_id="c1", status="sourced", reason="相符", reference=DIRECT, candidates=1)
    assert ">Working<" not in record(1, Marked(CLAIMS[0], plain), "zh-Hans")


def test_the_working_is_escaped():
    hostile = computation().model_copy(update={"expression": "<script>alert(1)</script>"})
    verdict = VERDICTS[0].model_copy(update={"computation": hostile})
    html = record(1, Marked(CLAIMS[0], verdict), "zh-Hans")
    assert "<script>" not in html and "&lt;script&gt;" in html
