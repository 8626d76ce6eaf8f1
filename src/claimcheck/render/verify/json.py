"""The verify report as JSON: the extractor's documents, a `verdict` in each claim, a summary."""

from __future__ import annotations

from claimcheck.verification.report import VerifyReport


def render(report: VerifyReport) -> str:
    return report.model_dump_json(indent=2) + "\n"
