"""The reporter's view: one rich table per document. Input text is printed, never interpreted."""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from claimcheck.models import Claim, Document

_ARROWS = {"up": "↑", "down": "↓", "more": ">", "less": "<", "equal": "="}


def _value(claim: Claim) -> str:
    if claim.value_max is not None:
        shown = f"{claim.value:,} – {claim.value_max:,}"
    else:
        shown = f"{claim.value:,}" if claim.value is not None else ""
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
    title = f"{_safe(document.source)} — {len(document.claims)} claims ({document.language})"
    grid = Table(title=title, title_justify="left")
    for column in ("line:col", "kind", "text", "value", "unit", "qualifier", "about", "time"):
        grid.add_column(column, overflow="fold")
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


def render(documents: list[Document], *, console: Console | None = None) -> str:
    buffer = io.StringIO()
    out = console or Console(file=buffer, width=120, color_system=None, highlight=False)
    for document in documents:
        out.print(table(document))
    return buffer.getvalue()
