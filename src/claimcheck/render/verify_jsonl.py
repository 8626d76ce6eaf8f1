"""One verified claim a line, each with its `source`; no summary line (count the lines)."""

from __future__ import annotations

import json

from claimcheck.verify_report import VerifyReport


def render(report: VerifyReport) -> str:
    lines = []
    for document in report.documents:
        for claim in document.claims:
            record = {"source": document.source, **claim.model_dump(mode="json")}
            lines.append(json.dumps(record, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)
