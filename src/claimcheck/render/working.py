"""A verdict's computation as the formats show it: the rows it used, joined by what was
done with them (yh-2025-11 ÷ yh-2024-11), and the interval the rows allow ([56.26, 56.39])."""

from __future__ import annotations

from claimcheck.models import Computation
from claimcheck.verification.compute.working import figure

# How the rows of each operation are joined, in the order the expression names them.
_JOINS = {
    "relative change": " ÷ ",
    "multiple": " ÷ ",
    "share": " ÷ ",
    "change": " − ",
    "points": " − ",
    "sum": " + ",
}
_LISTED = 3  # rows named one by one; beyond, the first and the last


def rows_text(computation: Computation) -> str:
    """The rows used, as an editor reads the working: `a ÷ b`, `a + b + c`, `a + … + k (11 rows)`."""
    ids = list(dict.fromkeys(row.id for row in computation.rows))
    join = _JOINS.get(computation.operation, ", ")
    if join != " + " and len(ids) != 2:
        join = ", "  # a ratio or a difference of other than two rows: name them
    if len(ids) <= _LISTED:
        return join.join(ids)
    return f"{ids[0]}{join}…{join}{ids[-1]} ({len(ids)} rows)"


def interval_text(computation: Computation) -> str:
    """[low, high]: every value the rows allow, within their precision and tolerance."""
    return f"[{figure(computation.low)}, {figure(computation.high)}]"
