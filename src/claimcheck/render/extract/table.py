"""The reporter's view: one rich table per document. Input text is printed, never interpreted."""

from __future__ import annotations

import io
import math

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from claimcheck.models import Claim, Document, Rejected
from claimcheck.names import one_line

_ARROWS = {"up": "↑", "down": "↓", "more": ">", "less": "<", "equal": "="}
_LARGE, _SMALL = 1e18, 1e-4  # beyond these a value is shown in powers of ten


def readable(number: int | float) -> str:
    """A value as a reader writes it: a third is 33.33, not 33.333333333333336. Thousands are
    separated; a fraction keeps two decimals from 1 up, four significant digits below 1;
    very large or very small values are shown in powers of ten. JSON keeps the full value."""
    if isinstance(number, float) and not math.isfinite(number):
        return str(number)
    size = abs(number)
    if size >= _LARGE or (0 < size < _SMALL):
        return f"{number:.4g}"
    if isinstance(number, int) or float(number).is_integer():
        return f"{int(number):,}"
    shown = f"{number:,.2f}" if size >= 1 else f"{number:.4g}"
    return shown.rstrip("0").rstrip(".") if "." in shown and "e" not in shown else shown


def _value(claim: Claim) -> str:
    if claim.value_max is not None:
        shown = f"{readable(claim.value)} – {readable(claim.value_max)}"
    else:
        shown = readable(claim.value) if claim.value is not None else ""
    if claim.direction:
        shown = f"{_ARROWS[claim.direction]} {shown}".strip()
        if claim.baseline:
            shown += f" vs {claim.baseline.text}"
    return shown


def _about(claim: Claim) -> str:
    return " · ".join(span.text for span in (claim.subject, claim.metric) if span)


def _safe(text: str | None) -> str:
    """Escape rich markup and drop control characters (no terminal escapes from the input)."""
    if not text:
        return ""
    return escape("".join(ch if ch.isprintable() else " " for ch in text))


def table(document: Document) -> Table:
    title = f"{_safe(one_line(document.source))} — {len(document.claims)} claims ({document.language})"
    grid = Table(title=title, title_justify="left")
    for column in ("line:col", "kind", "text", "value", "unit", "qualifier", "about", "time"):
        grid.add_column(column, overflow="fold", no_wrap=column in ("line:col", "value"))
    for claim in document.claims:
        unit = claim.unit or ""
        if claim.unit_canonical and claim.unit_canonical != claim.unit:
            unit = f"{unit} ({claim.unit_canonical})" if unit else claim.unit_canonical
        grid.add_row(
            f"{claim.line}:{claim.column}",
            f"{claim.kind} ({claim.deceptive}!)" if claim.deceptive else claim.kind,
            _safe(claim.text),
            _safe(_value(claim)),
            _safe(unit),
            "" if claim.qualifier == "exact" else claim.qualifier,
            _safe(_about(claim)),
            _safe(claim.time.text if claim.time else None),
        )
    return grid


def rejected_table(document: Document, rejected: list[Rejected]) -> Table:
    """The numbers read and not reported (explain), each with what set it aside."""
    title = f"{_safe(one_line(document.source))} — {len(rejected)} numbers read and not reported"
    grid = Table(title=title, title_justify="left")
    for column in ("line:col", "text", "rejected because", "rule"):
        grid.add_column(column, overflow="fold", no_wrap=column == "line:col")
    for number in rejected:
        rule = f"{number.rule_file} {number.rule_entry}" if number.rule_file else ""
        grid.add_row(f"{number.line}:{number.column}", _safe(number.text), _safe(number.reason), _safe(rule))
    return grid


def tables(document: Document) -> list[Table]:
    """The claims' table, and with explain the table of the numbers not reported."""
    found = [table(document)]
    if document.rejected is not None:
        found.append(rejected_table(document, document.rejected))
    return found


def render(documents: list[Document], *, console: Console | None = None) -> str:
    buffer = io.StringIO()
    out = console or Console(file=buffer, width=120, color_system=None, highlight=False)
    for document in documents:
        for grid in tables(document):
            out.print(grid)
    return buffer.getvalue()
