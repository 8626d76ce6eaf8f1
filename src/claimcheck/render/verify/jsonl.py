"""One verified claim a line, each with its `source`; no summary line (count the lines)."""

from __future__ import annotations

from claimcheck.names import shown
from claimcheck.render import json_text
from claimcheck.verification.report import VerifyReport


def render(report: VerifyReport) -> str:
    lines = []
    for document in report.documents:
        for claim in document.claims:
            record = {"source": shown(document.source), **claim.model_dump(mode="json")}
            lines.append(json_text(record))
    return "".join(line + "\n" for line in lines)
