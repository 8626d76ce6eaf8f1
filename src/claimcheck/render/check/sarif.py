"""`check --format sarif`: SARIF 2.1.0 for code-scanning dashboards.

One rule per finding and kind (`mismatch/money`, `deceptive/quantity`), exact regions (columns in code points, as
claimcheck counts them; in a Word draft, the paragraph as a logical location), the claim's stable id as a
fingerprint. Findings silenced in the draft or by the baseline are kept, marked as suppressed (`inSource`,
`external`).
"""

from __future__ import annotations

from pathlib import Path
from typing import get_args

from claimcheck.checking.results import Checked, CheckReport, Problem, end_position, problems
from claimcheck.models import Claim, ClaimKind, Computation
from claimcheck.names import uri
from claimcheck.render import json_text
from claimcheck.version import __version__

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_STATUSES = {
    "mismatch": ("a {kind} figure the reference table contradicts", "error"),
    "unsourced": ("a {kind} figure no row of the reference table backs", "warning"),
    "deceptive": ("a {kind} figure readers may see otherwise than claimcheck reads it", "error"),
}
_HELP = {
    "deceptive": "Bidirectional control characters reorder what a reader sees: remove them from the figure, "
    "then check it again (deceptive).",
}
_SUPPRESSION_KINDS = {"inline": "inSource", "baseline": "external"}


def _rules(deceptive: bool) -> list[dict]:
    """The rules of every finding; those of a deceptive figure only when one was found (they
    come last, so the others keep their indices)."""
    rules = []
    for status, (description, level) in _STATUSES.items():
        if status == "deceptive" and not deceptive:
            continue
        for kind in get_args(ClaimKind):
            text = description.format(kind=kind)
            rules.append(
                {
                    "id": f"{status}/{kind}",
                    "name": f"{status.capitalize()}{kind.capitalize()}",
                    "shortDescription": {"text": text[0].upper() + text[1:]},
                    "defaultConfiguration": {"level": level},
                    "help": {
                        "text": _HELP.get(
                            status, f"Check the figure against its source, then fix the draft or the table ({status})."
                        )
                    },
                }
            )
    return rules


def _uri(path: str) -> dict:
    """The file as a URI: its bytes percent-encoded, a name that is not UTF-8 too (%FF)."""
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": uri(Path(path).as_posix()), "uriBaseId": "SRCROOT"}


def _computation(computation: Computation) -> dict:
    """The working of a figure computed from other rows (the rows by id), as the JSON report has it."""
    working = computation.model_dump(mode="json")
    return working | {"rows": [row.id for row in computation.rows]}


def _location(path: str, claim: Claim) -> dict:
    """The claim's region in the file; in a Word draft, whose offsets count the text read from
    it rather than the file, the file and the paragraph as a logical location (¶12)."""
    if claim.location is not None:
        name = claim.location.label()
        return {
            "physicalLocation": {"artifactLocation": _uri(path)},
            "logicalLocations": [{"name": name.partition(" table")[0], "fullyQualifiedName": name, "kind": "element"}],
        }
    end_line, end_column = end_position(claim)
    region = {
        "startLine": claim.line,
        "startColumn": claim.column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": claim.start,
        "charLength": claim.end - claim.start,
        "snippet": {"text": claim.text},
    }
    return {"physicalLocation": {"artifactLocation": _uri(path), "region": region}}


def _result(path: str, checked: Checked, problem: Problem, rule_index: dict[str, int]) -> dict:
    claim, verdict = checked.claim, checked.verdict
    rule_id = f"{problem.finding}/{claim.kind}"
    result = {
        "ruleId": rule_id,
        "ruleIndex": rule_index[rule_id],
        "level": "error" if problem.fails else "warning",
        "message": {"text": f'"{claim.text}" — {problem.reason}'},
        "locations": [_location(path, claim)],
        "partialFingerprints": {"claimId/v1": claim.id},
        "properties": {
            "value": claim.value,
            "unit": claim.unit_canonical or claim.unit,
            "reference": verdict.reference.id if verdict.reference else None,
        },
    }
    if verdict.computation is not None:
        result["properties"]["computation"] = _computation(verdict.computation)
    if checked.suppressed:
        result["suppressions"] = [{"kind": _SUPPRESSION_KINDS[checked.suppressed]}]
    return result


def sarif_log(report: CheckReport) -> dict:
    rules = _rules(any(c.deceptive is not None for _, c in report.findings(suppressed=True)))
    rule_index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = [
        _result(r.path, c, problem, rule_index)
        for r, c in report.findings(suppressed=True)
        for problem in problems(c, r.fail_on)
    ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "claimcheck", "version": __version__, "rules": rules}},
                "originalUriBaseIds": {"SRCROOT": {"uri": Path.cwd().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": results,
                "invocations": [{"executionSuccessful": True, "exitCode": report.exit_code}],
            }
        ],
    }


def render(report: CheckReport) -> str:
    return json_text(sarif_log(report), indent=2) + "\n"
