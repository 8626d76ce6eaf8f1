"""The editor's view: one rich table per draft, each claim coloured by its status."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table

from claimcheck.models import Verdict
from claimcheck.names import one_line
from claimcheck.render.extract.table import _safe, _value
from claimcheck.render.working import interval_text, rows_text
from claimcheck.verification.reasons import row_value, signed
from claimcheck.verification.report import Summary, VerifiedDocument, VerifyReport

STYLES = {"sourced": "green", "mismatch": "bold red", "unsourced": "yellow"}


def table(document: VerifiedDocument) -> Table:
    grid = Table(title=f"{_safe(one_line(document.source))} — {len(document.claims)} claims", title_justify="left")
    for column in ("line:col", "text", "value", "status", "reference", "difference", "reason"):
        grid.add_column(column, overflow="fold", no_wrap=column in ("line:col", "value", "status", "difference"))
    for claim in document.claims:
        verdict = claim.verdict
        difference = ""
        if verdict.difference is not None:
            relative = verdict.relative_difference
            difference = signed(verdict.difference) + (f" ({relative * 100:+.1f}%)" if relative is not None else "")
        grid.add_row(
            f"{claim.line}:{claim.column}",
            _safe(claim.text),
            _value(claim),
            f"[{STYLES[verdict.status]}]{verdict.status}[/]",
            reference(verdict),
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
        if verdict.considered is not None and verdict.computation is not None:
            for cells in working_rows(verdict):
                grid.add_row("", "", "", *cells)
    return grid


def reference(verdict: Verdict) -> str:
    """The row that decided, or the rows the figure was computed from (with both: the row, then the levels')."""
    row, computation = verdict.reference, verdict.computation
    shown = [f"{_safe(row.id)}: {_safe(row_value(row))}"] if row else []
    if computation is not None:
        shown.append(("levels: " if row else "") + _safe(rows_text(computation)))
    return "\n".join(shown)


def working_rows(verdict: Verdict) -> list[tuple[str, str, str, str]]:
    """--explain: the computation under the rows considered, as (status, reference, difference,
    reason) cells: the working and the interval its rows allow, then each row it used."""
    computation = verdict.computation
    assert computation is not None
    working = computation.expression
    if computation.low != computation.high and not computation.missing:
        working += f" ∈ {interval_text(computation)}"
    cells = [("[dim]computed[/]", _safe(rows_text(computation)), computation.operation, _safe(working))]
    for used in computation.rows:
        about = " · ".join(_safe(text) for text in (used.subject, used.as_of) if text)
        cells.append(("[dim]used[/]", f"{_safe(used.id)}: {_safe(used.value_text)}", "", about))
    return cells


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
