"""Ranks: 銷量第一, 全球第二大, 前三, 榜首, "No. 1", "second-largest", "best-selling".

A rank's value is the position; a streak written beside it (連續9個月, "for nine
straight months") stays its own duration claim and is linked through `related`.
"""

from __future__ import annotations

from claimcheck.engine.numerals import number_value
from claimcheck.engine.raw_claim import RawClaim, Span, without_overlaps
from claimcheck.rules.grammar import Grammar
from claimcheck.rules.pattern_family import family_of
from claimcheck.rules.relations_grammar import RelationGrammar

_STREAK_REACH = 40


def position(written: str, rg: RelationGrammar, g: Grammar) -> int | None:
    key = written.strip().lower()
    if key in rg.ordinals:
        return rg.ordinals[key]
    if key[-2:] in ("st", "nd", "rd", "th") and key[:-2].isdigit():
        return int(key[:-2])
    read = number_value(written.strip(), g)
    if read is None or read[0] != read[0].to_integral_value() or read[0] < 1:
        return None
    return int(read[0])


def find_ranks(clean: str, hits, rg: RelationGrammar, g: Grammar, blocked) -> list[RawClaim]:
    found: list[RawClaim] = []
    matches = family_of(tuple(pattern for pattern, _, _ in rg.ranks), rg.languages).finditer(clean)
    for (pattern, qualifier, fixed), matched in zip(rg.ranks, matches, strict=True):
        counted = "n" in pattern.groupindex
        for m in matched:
            place = position(m.group("n"), rg, g) if counted else fixed
            if (place is not None or not counted) and not blocked(*m.span()) and "\n" not in m.group():
                found.append(RawClaim("rank", *m.span(), value=place, qualifier=qualifier))
    for start, end, roles in hits:
        if "title" in roles and not blocked(start, end):
            found.append(RawClaim("rank", start, end, value=rg.title_position[clean[start:end].lower()]))
    return without_overlaps(found)


def link_streaks(
    clean: str, ranks: list[RawClaim], durations: list[RawClaim], rg: RelationGrammar, sentence_of
) -> None:
    """Give each rank the duration that says how long it has held (連續9個月, nine straight months)."""
    streaks = [d for d in durations if _is_streak(clean, d, rg)]
    for rank in ranks:
        sentence: Span = sentence_of(rank.start)
        near = [
            d for d in streaks if sentence[0] <= d.start < sentence[1] and abs(d.start - rank.start) <= _STREAK_REACH
        ]
        if near:
            rank.related.append(min(near, key=lambda d: abs(d.start - rank.start)))


def _is_streak(clean: str, duration: RawClaim, rg: RelationGrammar) -> bool:
    before = clean[max(0, duration.start - 6) : duration.start]
    return bool(
        rg.streak_before.search(before)
        or rg.streak_inside.search(clean, duration.start, duration.end)
        or rg.streak_after.match(clean[duration.end : duration.end + 16])
    )
