"""Rates: "42 cases per 10,000 residents" is one claim of 42 whose unit is "cases per 10,000
residents"; in "3p a litre" the litre is what the price is of, not a claim of one litre."""

from __future__ import annotations

import regex

from claimcheck.engine.raw_claim import RawClaim
from claimcheck.rules.relations_grammar import RelationGrammar

# What a bare denominator counts, after its number: "per 1,000 live births" (up to three
# lower-case words, the last a plural).
_COUNTED = regex.compile(
    r"(?:\s(?!(?:in|on|at|of|and|or|the|a|an|for|from|to|last|this|than|was|were|is|are|per)\b)[a-z]+(?:-[a-z]+)*){1,3}?"
    r"(?<=[a-z]s)(?![\w-])"
)
_REACH = 24  # "per", "for every" and the spaces around them
# Further off, only words in lower case may stand between the count and "per": "213.5 new
# confirmed cases per 100,000 residents".
_WORDS_REACH = 48
_WORDS = regex.compile(r"[a-z -]+")


def join_rates(clean: str, figures: list[RawClaim], rg: RelationGrammar) -> list[RawClaim]:
    """The figures with each rate's denominator joined to its count and each unit of one
    after a price left out."""
    kept: list[RawClaim] = []
    for f in figures:
        rate = kept[-1] if kept else None
        if rate is None or f.start - rate.end > _WORDS_REACH or "\n" in clean[rate.end : f.start]:
            kept.append(f)
            continue
        if f.start - rate.end > _REACH and not _WORDS.fullmatch(clean, rate.end, f.start):
            kept.append(f)
            continue
        gap = clean[rate.end : f.start]
        if gap == " " and f.value == 1 and rg.rate_per_one.match(clean, f.start) and f.kind != "duration":
            continue  # "3p a litre": what the price is of
        if rate.kind == "quantity" and f.kind == "quantity" and rg.rate_per.search(gap):
            end = f.end
            if f.unit is None and (counted := _COUNTED.match(clean, f.end)) is not None:
                end = counted.end()  # "per 1,000 live births"
            written = clean[rate.end : end].strip()
            rate.unit = f"{rate.unit} {written}" if rate.unit else written
            rate.unit_canonical = None
            rate.end = end
            continue
        kept.append(f)
    return kept
