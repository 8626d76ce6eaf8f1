"""Every number the engine reads in a text, claim or not, with the reason it is none (for
debugging and scoring: scripts/conformance.py --engine)."""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.engine.classify import classify
from claimcheck.engine.numbers import number_arithmetic
from claimcheck.engine.scan import read_pass


@dataclass(frozen=True, slots=True)
class Reading:
    """A number as the engine read it, claim or not (for debugging and scoring)."""

    text: str
    start: int
    end: int
    kind: str
    value: int | float
    value_max: int | float | None
    unit_canonical: str | None
    not_a_claim_because: str | None


def readings(text: str, *, lang: str | None = None) -> list[Reading]:
    """Every number found, including those dropped as not claims, with the reason."""
    with number_arithmetic():
        return _readings_of(text, lang)


def _readings_of(text: str, lang: str | None) -> list[Reading]:
    scan = read_pass(text, lang, every=True)
    joined = {id(q) for q in scan.claims}
    out = []
    for q, reason in scan.readings:
        if id(q) in joined:
            reason = None
        elif reason is None:
            continue  # the second part of a compound, read into the first
        record = classify(q)
        start, end = scan.norm.to_original(q.start, q.end)
        out.append(
            Reading(
                text[start:end], start, end, record.kind, record.value, record.value_max, record.unit_canonical, reason
            )
        )
    return out
