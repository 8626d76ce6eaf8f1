"""`check --format text`: one line per finding, `path:line:col: finding kind "text" — reason`
(a claim both unsourced and deceptive has two; in a Word draft `path:¶12: …`).

Coloured only when asked (a terminal); text from the drafts never carries control characters.
"""

from __future__ import annotations

from claimcheck.checking.results import CheckReport, position, problems
from claimcheck.names import one_line

_RESET = "\x1b[0m"
_COLOURS = {"path": "\x1b[1m", "fails": "\x1b[1;31m", "warns": "\x1b[33m", "quiet": "\x1b[2m"}


def clean(text: str) -> str:
    """One line, printable: newlines, tabs and escape characters become spaces."""
    return "".join(ch if ch.isprintable() else " " for ch in text)


def _paint(text: str, style: str, color: bool) -> str:
    return f"{_COLOURS[style]}{text}{_RESET}" if color else text


def render(report: CheckReport, *, color: bool = False) -> str:
    lines = []
    for result, checked in report.findings():
        claim = checked.claim
        for problem in problems(checked, result.fail_on):
            where = _paint(f"{one_line(result.path)}:{position(claim)}:", "path", color)
            finding = _paint(problem.finding, "fails" if problem.fails else "warns", color)
            reason = _paint(f"— {clean(problem.reason)}", "quiet", color)
            lines.append(f'{where} {finding} {claim.kind} "{clean(claim.text)}" {reason}')
    return "".join(line + "\n" for line in lines)
