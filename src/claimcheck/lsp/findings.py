"""The findings of a draft as last read, as `claimcheck check` makes them: a claim the table
contradicts (mismatch) or does not hold (unsourced), or a figure readers may see otherwise
(deceptive); silenced by a marker in the draft or by the baseline; failing under the draft's
fail-on policy. Each carries where it is, in lines and columns from 0 (characters)."""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.checking.results import FAILING, FINDINGS, Finding
from claimcheck.checking.suppress import Silenced, suppressed_spans
from claimcheck.lsp.desk import Desk
from claimcheck.lsp.reread import Placed, Reading
from claimcheck.models import Claim, Verdict


@dataclass(frozen=True, slots=True)
class Found:
    """One finding about one claim."""

    claim: Claim  # as its unit was read: Placed.moved gives it where it now is
    verdict: Verdict
    placed: Placed
    finding: Finding
    reason: str
    fails: bool
    start: int  # offsets in the draft
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


def _why_deceptive(claim: Claim) -> str:
    from claimcheck.verification.reasons import deceptive

    return deceptive(claim)


def findings(reading: Reading, desk: Desk) -> list[Found]:
    """The findings not silenced, in the order of the draft."""
    silenced = Silenced(suppressed_spans(reading.text, reading.format))
    failing = FAILING[desk.settings.fail_on]
    key = desk.baseline_key()
    found: list[Found] = []
    for placed in reading.placed:
        if not placed.claims or placed.verdicts is None:
            continue
        piece = placed.piece
        shift, lines = placed.start - piece.start, placed.lines - piece.lines
        for claim, verdict in zip(placed.claims, placed.verdicts, strict=True):
            kinds: list[Finding] = [verdict.status] if verdict.status in FINDINGS else []  # type: ignore[list-item]
            if claim.deceptive is not None:
                kinds.append("deceptive")
            start = claim.start + shift
            if not kinds or start in silenced:
                continue
            if key is not None and all((key, claim.id, kind) in desk.accepted for kind in kinds):
                continue
            line = claim.line - 1 + lines
            column = claim.column - 1 + (placed.column - piece.column if claim.line == piece.lines + 1 else 0)
            breaks = claim.text.count("\n")
            end_column = column + len(claim.text) if not breaks else len(claim.text) - claim.text.rindex("\n") - 1
            for kind in kinds:
                reason = _why_deceptive(claim) if kind == "deceptive" else verdict.reason
                found.append(
                    Found(
                        claim,
                        verdict,
                        placed,
                        kind,
                        reason,
                        kind in failing,
                        start,
                        claim.end + shift,
                        line,
                        column,
                        line + breaks,
                        end_column,
                    )
                )
    return found


def claim_at(reading: Reading, offset: int) -> tuple[Claim, Verdict | None] | None:
    """The claim (where it now is) whose text holds the offset, with its verdict."""
    for placed in reading.placed:
        shift = placed.start - placed.piece.start
        verdicts = placed.verdicts or [None] * len(placed.claims)
        for claim, verdict in zip(placed.claims, verdicts, strict=True):
            if claim.start + shift <= offset <= claim.end + shift:
                return placed.moved(claim), verdict
    return None
