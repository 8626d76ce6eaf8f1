"""`check --format json`: the whole report (summary, files, claims with verdicts), as records."""

from __future__ import annotations

from claimcheck.checking.results import CheckReport


def render(report: CheckReport) -> str:
    return report.model_dump_json(indent=2) + "\n"
