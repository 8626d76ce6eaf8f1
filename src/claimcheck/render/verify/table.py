"""The editor's view: one rich table per draft, each claim coloured by its status."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table

from claimcheck.names import one_line
from claimcheck.render.extract.table import _safe, _value
from claimcheck.verification.reasons import row_value, signed
from claimcheck.verification.report import Summary, VerifiedDocument, VerifyReport

STYLES = {"sourced": "green", "mismatch": "bold red", "unsourced": "yellow"}


def table(document: VerifiedDocument) -> Table:
    grid = Table(title=f"{_safe(one_line(document.source))} — {len(document.claims)} claims", title_justify="left")
    for column in ("line:col", "text", "value", "status", "reference", "difference", "reason"):
        grid.add_column(column, overflow="fold", no_wrap=column in ("line:col", "value", "status", "difference"))
    for claim in document.claims:
        verdict, row = claim.verdict, claim.verdict.reference
        reference = f"{_safe(row.id)}: {_safe(row_value(row))}" if row else ""
        difference = ""
        if verdict.difference is not None:
            relative = verdict.relative_difference
            difference = signed(verdict.difference) + (f" ({relative * 100:+.1f}%)" if relative is not None else "")
        grid.add_row(
            f"{claim.line}:{claim.column}",
            _safe(claim.text),
            _value(claim),
            f"[{STYLES[verdict.status]}]{verdict.status}[/]",
            reference,
            difference,
            _safe(verdict.reason),
        )
        for row in verdict.considered or ():  # --explain: every row considered, under its claim
            grid.add_row(
                "",
                "",
                "",
                f"[dim]{row.outcome}[/]",
                f"{_safe(row.id)}: {_safe(row.value_text)}",
                row.slot or "",
                _safe(row.detail or ""),
            )
    return grid


def summary_line(summary: Summary) -> str:
    return (
        f"{summary.claims} claims: [green]{summary.sourced} sourced[/], "
        f"[bold red]{summary.mismatch} mismatch[/], [yellow]{summary.unsourced} unsourced[/]"
    )


def show(report: VerifyReport, console: Console) -> None:
    for document in report.documents:
        console.print(table(document))
    console.print(summary_line(report.summary))


def render(report: VerifyReport) -> str:
    buffer = io.StringIO()
    show(report, Console(file=buffer, width=160, color_system=None, highlight=False))
    return buffer.getvalue()
