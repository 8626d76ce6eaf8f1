"""A score in [0, 1] of how checkable a claim is, with the reason, from rules/checkworthy.toml."""

from __future__ import annotations

from claimcheck import rules
from claimcheck.draft import Draft

_PRECISE_DIGITS = 3
_RELATIONS = frozenset({"rank", "comparison", "superlative"})


def _significant_digits(written: str) -> int:
    digits = "".join(c for c in written if c.isdigit()).strip("0")
    return len(digits)


def score(d: Draft, written: str) -> tuple[float, str]:
    table = rules.checkworthy()
    has = (
        ("subject", d.subject is not None),
        ("metric", d.metric is not None),
        ("time", d.time is not None),
        ("precise_figure", d.has_figure and _significant_digits(written) >= _PRECISE_DIGITS),
        ("relation", d.kind in _RELATIONS),
    )
    weak = (
        ("approximate", d.qualifier == "approx"),
        ("no_figure", d.kind in _RELATIONS and d.kind != "rank" and not d.has_figure),
    )
    total = table.base + sum(table.has[name] for name, present in has if present)
    total -= sum(table.weakens[name] for name, present in weak if present)
    parts = [name.replace("_", " ") for name, present in has if present]
    parts += [f"no {name}" for name, present in has[:3] if not present]
    parts += [name.replace("_", " ") for name, present in weak if present]
    return round(min(1.0, max(0.0, total)), 2), ", ".join(parts)
