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
    """One finding about one claim, where it is in lines and columns (characters, from 0)."""

    claim: Claim  # as its unit was read (its offsets may be older: Placed.moved gives them now)
    verdict: Verdict
    finding: Finding
    reason: str
    fails: bool
    line: int
    column: int
    end_line: int
    end_column: int


def _why_deceptive(claim: Claim) -> str:
    from claimcheck.verification.reasons import deceptive

    return deceptive(claim)


def findings(reading: Reading, desk: Desk) -> list[list[Found]]:
    """The findings not silenced, unit by unit in the order of the draft. A unit's are kept on
    its piece (the same list) and made again only when it moved to other lines or what
    silences or fails changed."""
    spans = suppressed_spans(reading.text, reading.format)
    policy = (desk.settings.fail_on, desk.baseline_key(), desk.accepted)  # the set itself: compared by identity first
    found: list[list[Found]] = []
    for placed in reading.placed:
        if not placed.claims or placed.verdicts is None:
            continue
        piece = placed.piece
        silencing = tuple(
            (a - placed.start, b - placed.start) for a, b in spans if a <= _last(placed) and b > placed.start
        )
        key = (
            id(placed.claims),
            id(placed.verdicts),
            placed.lines - piece.lines,
            placed.column - piece.column,
            silencing,
            policy,
        )
        memo = piece.memo.get("found")
        if memo is None or memo[0] != key:
            memo = piece.memo["found"] = (key, _found(placed, desk, silencing), placed.claims, placed.verdicts)
        if memo[1]:
            found.append(memo[1])
    return found


def _last(placed: Placed) -> int:
    """The offset of the unit's last claim (a span starting after it silences none of them)."""
    last = placed.claims[-1]
    return last.start + placed.start - placed.piece.start


def _found(placed: Placed, desk: Desk, silencing: tuple[tuple[int, int], ...]) -> list[Found]:
    piece = placed.piece
    failing = FAILING[desk.settings.fail_on]
    key = desk.baseline_key()
    silenced = Silenced([(a + piece.start, b + piece.start) for a, b in silencing])
    lines, columns = placed.lines - piece.lines, placed.column - piece.column
    out = []
    for claim, verdict in zip(placed.claims, placed.verdicts or (), strict=True):
        kinds: list[Finding] = [verdict.status] if verdict.status in FINDINGS else []  # type: ignore[list-item]
        if claim.deceptive is not None:
            kinds.append("deceptive")
        if not kinds or claim.start in silenced:
            continue
        if key is not None and all((key, claim.id, kind) in desk.accepted for kind in kinds):
            continue
        line = claim.line - 1 + lines
        column = claim.column - 1 + (columns if claim.line == piece.lines + 1 else 0)
        breaks = claim.text.count("\n")
        end_column = column + len(claim.text) if not breaks else len(claim.text) - claim.text.rindex("\n") - 1
        for kind in kinds:
            reason = _why_deceptive(claim) if kind == "deceptive" else verdict.reason
            out.append(Found(claim, verdict, kind, reason, kind in failing, line, column, line + breaks, end_column))
    return out


def claim_at(reading: Reading, offset: int) -> tuple[Claim, Verdict | None] | None:
    """The claim (where it now is) whose text holds the offset, with its verdict."""
    for placed in reading.placed:
        shift = placed.start - placed.piece.start
        verdicts = placed.verdicts or [None] * len(placed.claims)
        for claim, verdict in zip(placed.claims, verdicts, strict=True):
            if claim.start + shift <= offset <= claim.end + shift:
                return placed.moved(claim), verdict
    return None
