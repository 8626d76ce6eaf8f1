"""What `claimcheck check` found, the policy that decides which findings fail, and the summary.

These records are the JSON contract of `check --format json`: extend, do not break.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from claimcheck.checking.config import FailOn
from claimcheck.models import Claim, FileName, Skipped, Status, Verdict

Suppression = Literal["inline", "baseline"]
# A finding: a verdict's (mismatch, unsourced), or a figure readers may see otherwise than
# claimcheck reads it (deceptive), which is a finding whatever the verdict.
Finding = Literal["mismatch", "unsourced", "deceptive"]

# Which findings fail the build under each --fail-on policy.
FAILING: dict[FailOn, frozenset[Finding]] = {
    "mismatch": frozenset({"mismatch", "deceptive"}),
    "unsourced": frozenset({"unsourced", "deceptive"}),
    "any": frozenset({"mismatch", "unsourced", "deceptive"}),
    "none": frozenset(),
}
FINDINGS: frozenset[Status] = frozenset({"mismatch", "unsourced"})


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Checked(_Record):
    """A claim, its verdict, and what the gate made of it."""

    claim: Claim
    verdict: Verdict
    suppressed: Suppression | None = Field(default=None, description="Silenced by a marker or by the baseline.")
    fails: bool = Field(default=False, description="Whether it fails the build under the file's policy.")
    deceptive: str | None = Field(
        default=None,
        exclude_if=lambda reason: reason is None,
        description="Set when readers may see the figure otherwise than claimcheck reads it (the claim's "
        "`deceptive`): why, in one line in the claim's language. A finding of its own, whatever the verdict, "
        "that fails the build under every policy but none. Absent otherwise.",
    )

    @property
    def is_finding(self) -> bool:
        return self.verdict.status in FINDINGS or self.deceptive is not None

    def findings(self) -> list[Finding]:
        """What is found about the claim: its verdict's finding, then its deception."""
        found: list[Finding] = [self.verdict.status] if self.verdict.status in FINDINGS else []
        return found + (["deceptive"] if self.deceptive is not None else [])


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding about one claim, as the formats write it: which, why, and whether it fails."""

    finding: Finding
    reason: str
    fails: bool


def problems(checked: Checked, fail_on: FailOn) -> list[Problem]:
    """The claim's findings; each fails when the claim does and the file's policy fails it."""
    reasons = {"deceptive": checked.deceptive or "", **dict.fromkeys(FINDINGS, checked.verdict.reason)}
    return [
        Problem(finding, reasons[finding], checked.fails and finding in FAILING[fail_on])
        for finding in checked.findings()
    ]


class FileResult(_Record):
    path: FileName
    format: Literal["markdown", "html", "text", "docx"]
    fail_on: FailOn
    claims: list[Checked] = []
    not_read: list[Skipped] = Field(default=[], description="Parts of the draft not read for claims (data paragraphs).")
    # The draft as it was read, and the runs of it not read for claims, when a page is to show
    # it; not part of the JSON.
    _text: str | None = PrivateAttr(default=None)
    _dimmed: list[tuple[int, int, str]] = PrivateAttr(default_factory=list)

    def keep_text(self, text: str, dimmed: list[tuple[int, int, str]]) -> None:
        self._text, self._dimmed = text, dimmed

    @property
    def text(self) -> str | None:
        return self._text

    @property
    def dimmed(self) -> list[tuple[int, int, str]]:
        return self._dimmed


class Summary(_Record):
    files: int
    claims: int
    sourced: int
    mismatch: int
    unsourced: int
    suppressed: int = Field(description="Findings silenced by markers in the drafts.")
    baselined: int = Field(description="Findings silenced by the baseline file.")
    failing: int = Field(description="Findings that fail the build.")
    seconds: float
    skipped: int = Field(default=0, description="Binary files found in the directories and left out.")
    own_pages: int = Field(
        default=0, description="Pages claimcheck wrote (reports) found in the directories and left out."
    )
    not_read: int = Field(default=0, description="Paragraphs of data in the drafts, not read for claims.")
    special: int = Field(
        default=0, description="FIFOs, sockets, devices and broken links found in the directories and left out."
    )
    deceptive: int = Field(
        default=0,
        exclude_if=lambda count: count == 0,
        description="Claims whose figure readers may see otherwise than claimcheck reads it; absent when none.",
    )


class SkippedFile(_Record):
    """A file a directory walk left out: not text, or a report page claimcheck wrote."""

    path: FileName
    looks_like: str


class CheckReport(_Record):
    summary: Summary
    files: list[FileResult]
    skipped: list[SkippedFile] = []

    @property
    def exit_code(self) -> int:
        return 1 if self.summary.failing else 0

    def findings(self, *, suppressed: bool = False) -> list[tuple[FileResult, Checked]]:
        """Mismatched, unsourced and deceptive claims in file order; silenced ones only when asked."""
        return [
            (result, checked)
            for result in self.files
            for checked in result.claims
            if checked.is_finding and (suppressed or checked.suppressed is None)
        ]


def fails(finding: Status | Finding, fail_on: FailOn, suppressed: Suppression | None) -> bool:
    return suppressed is None and finding in FAILING[fail_on]


def summarize(
    files: list[FileResult], seconds: float, skipped: int = 0, special: int = 0, own_pages: int = 0
) -> Summary:
    checked = [c for result in files for c in result.claims]
    statuses = [c.verdict.status for c in checked]
    findings = [c for c in checked if c.is_finding]
    return Summary(
        files=len(files),
        claims=len(checked),
        sourced=statuses.count("sourced"),
        mismatch=statuses.count("mismatch"),
        unsourced=statuses.count("unsourced"),
        suppressed=sum(c.suppressed == "inline" for c in findings),
        baselined=sum(c.suppressed == "baseline" for c in findings),
        failing=sum(c.fails for c in checked),
        seconds=round(seconds, 3),
        skipped=skipped,
        own_pages=own_pages,
        not_read=sum(len(result.not_read) for result in files),
        special=special,
        deceptive=sum(c.deceptive is not None for c in checked),
    )


def summary_line(summary: Summary) -> str:
    silenced = ""
    if summary.suppressed or summary.baselined:
        silenced = f" ({summary.suppressed} suppressed, {summary.baselined} in the baseline)"
    deceptive = f", {summary.deceptive} deceptive" if summary.deceptive else ""
    verdict = f"{summary.failing} failing" if summary.failing else "passed"
    skipped = ""
    if summary.skipped:
        skipped = f"; {summary.skipped} binary {'file' if summary.skipped == 1 else 'files'} skipped"
    if summary.special:
        kinds = "FIFO, device or broken link" if summary.special == 1 else "FIFOs, devices or broken links"
        skipped += f"; {summary.special} {kinds} skipped"
    if summary.own_pages:
        skipped += f"; {summary.own_pages} claimcheck report {'page' if summary.own_pages == 1 else 'pages'} skipped"
    if summary.not_read:
        skipped += f"; {summary.not_read} data {'paragraph' if summary.not_read == 1 else 'paragraphs'} not read"
    return (
        f"{summary.files} files, {summary.claims} claims: {summary.sourced} sourced, {summary.mismatch} mismatch, "
        f"{summary.unsourced} unsourced{deceptive}{silenced} — {verdict} in {summary.seconds:.2f} s{skipped}"
    )


def position(claim: Claim) -> str:
    """Where a claim stands, as the formats for people write it after the file's name: line and
    column (12:5), or in a Word draft its paragraph (¶12, ¶14 table 1 row 2 cell 3)."""
    return claim.location.label() if claim.location is not None else f"{claim.line}:{claim.column}"


def end_position(claim: Claim) -> tuple[int, int]:
    """Line and column just past the claim's last character (1-based, in characters)."""
    lines = claim.text.split("\n")
    if len(lines) == 1:
        return claim.line, claim.column + len(claim.text)
    return claim.line + len(lines) - 1, len(lines[-1]) + 1
