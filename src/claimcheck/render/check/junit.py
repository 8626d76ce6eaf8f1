"""`check --format junit`: JUnit XML for CI dashboards, one test suite per draft and one test
case per claim: a failure when it fails the policy, skipped when silenced, passed otherwise."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from claimcheck.checking.results import Checked, CheckReport, FileResult, Problem, position, problems
from claimcheck.names import one_line

_INVALID_XML = {code: " " for code in range(0x20) if code not in (0x9, 0xA, 0xD)}


def _xml_safe(text: str) -> str:
    return text.translate(_INVALID_XML)


def _case(result: FileResult, checked: Checked) -> ET.Element:
    claim, verdict = checked.claim, checked.verdict
    case = ET.Element(
        "testcase",
        {
            "classname": one_line(result.path),
            "name": _xml_safe(f"{position(claim)} {claim.kind} {claim.text}"),
            "file": one_line(result.path),
            **({"line": str(claim.line)} if claim.location is None else {}),  # a Word draft has no lines
        },
    )
    found = problems(checked, result.fail_on) or [Problem(verdict.status, verdict.reason, False)]
    message = _xml_safe("; ".join(f"{problem.finding}: {problem.reason}" for problem in found))
    if checked.fails:
        first = next((problem for problem in found if problem.fails), found[0])
        failure = ET.SubElement(case, "failure", {"message": message, "type": first.finding})
        failure.text = _xml_safe(
            "\n".join(f'{one_line(result.path)}:{position(claim)}: "{claim.text}" — {p.reason}' for p in found)
        )
    elif checked.suppressed:
        ET.SubElement(case, "skipped", {"message": f"suppressed ({checked.suppressed}); {message}"})
    else:
        ET.SubElement(case, "system-out").text = message
    return case


def render(report: CheckReport) -> str:
    summary = report.summary
    root = ET.Element(
        "testsuites",
        {
            "name": "claimcheck",
            "tests": str(summary.claims),
            "failures": str(summary.failing),
            "time": f"{summary.seconds:.3f}",
        },
    )
    for result in report.files:
        cases = [_case(result, checked) for checked in result.claims]
        suite = ET.SubElement(
            root,
            "testsuite",
            {
                "name": one_line(result.path),
                "tests": str(len(cases)),
                "failures": str(sum(c.fails for c in result.claims)),
                "skipped": str(sum(c.suppressed is not None for c in result.claims)),
                "errors": "0",
            },
        )
        suite.extend(cases)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
