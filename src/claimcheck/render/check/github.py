"""`check --format github`: GitHub Actions workflow commands, so findings show on the pull request.

A finding that fails the policy is an `::error`, one that does not a `::warning`. Values are
escaped as the runner expects: `%`, CR and LF everywhere, and also `:` and `,` in properties.
A finding in a Word draft annotates the file, its message opening with the paragraph (¶12: …).
"""

from __future__ import annotations

from claimcheck.checking.results import CheckReport, end_position, position, problems
from claimcheck.names import shown


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: CheckReport) -> str:
    lines = []
    for result, checked in report.findings():
        claim = checked.claim
        end_line, end_column = end_position(claim)
        for problem in problems(checked, result.fail_on):
            properties = {
                "file": shown(result.path),
                "line": claim.line,
                "col": claim.column,
                "endLine": end_line,
                "endColumn": end_column,
                "title": f"claimcheck: {problem.finding} {claim.kind}",
            }
            message = f'"{claim.text}" — {problem.reason}'
            if claim.location is not None:  # a Word draft: the file's annotation says the paragraph
                properties = {"file": properties["file"], "title": properties["title"]}
                message = f"{position(claim)}: {message}"
            listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
            command = "error" if problem.fails else "warning"
            lines.append(f"::{command} {listed}::{escape_data(message)}")
    return "".join(line + "\n" for line in lines)
