"""A score in [0, 1] of how checkable a claim is, with the reason, from rules/checkworthy.toml."""

from __future__ import annotations

from functools import cache

from claimcheck import rules
from claimcheck.engine.raw_claim import RawClaim

_PRECISE_DIGITS = 3
_RELATIONS = frozenset({"rank", "comparison", "superlative"})
_HAS = ("subject", "metric", "time", "precise_figure", "relation")
_WEAK = ("approximate", "no_figure")


def _significant_digits(written: str) -> int:
    digits = "".join(filter(str.isdigit, written)).strip("0")
    return len(digits)


def score(d: RawClaim, written: str) -> tuple[float, str]:
    relation = d.kind in _RELATIONS
    return _scored(
        d.subject is not None,
        d.metric is not None,
        d.time is not None,
        d.has_figure and _significant_digits(written) >= _PRECISE_DIGITS,
        relation,
        d.qualifier == "approx",
        relation and d.kind != "rank" and not d.has_figure,
    )


@cache  # a few dozen combinations of what a claim has: each is scored once
def _scored(*present: bool) -> tuple[float, str]:
    table = rules.checkworthy()
    has = tuple(zip(_HAS, present[: len(_HAS)], strict=True))
    weak = tuple(zip(_WEAK, present[len(_HAS) :], strict=True))
    total = table.base + sum(table.has[name] for name, on in has if on)
    total -= sum(table.weakens[name] for name, on in weak if on)
    parts = [name.replace("_", " ") for name, on in has if on]
    parts += [f"no {name}" for name, on in has[:3] if not on]
    parts += [name.replace("_", " ") for name, on in weak if on]
    return round(min(1.0, max(0.0, total)), 2), ", ".join(parts)
