"""Superlatives: 最遠, 首款, 史上, 創紀錄, 只有…做到, "the largest", "record high", "first-ever".

Discourse and opinion words (最終, 最重要, 首先, "at least", "first of all") are listed in
the rule tables as not superlatives; the trigger pass reads the longest word at each place,
so 最重要 hides 最重 and "the first half" hides "the first". A figure later in the same clause belongs to the
superlative (最遠里程達2671公里): its value is copied and the figure is linked.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache

import regex

from claimcheck import rules
from claimcheck.engine.raw_claim import Clauses, RawClaim, line_end, line_start, without_overlaps
from claimcheck.rules.pattern_family import family_of
from claimcheck.rules.relations_grammar import RelationGrammar

_REACH_AFTER = 60  # "… ever", "… on record": longer than any match of after_adjective


def find_superlatives(clean: str, hits, rg: RelationGrammar, blocked) -> list[RawClaim]:
    found = []
    for start, end, roles in hits:
        if "not_superlative" in roles:
            continue
        if "adjective" in roles and "superlative" not in roles:
            determiner = rg.determiner_before.search(clean, line_start(clean, start, 8), start)
            after = rg.after_adjective.match(clean, end, line_end(clean, end, _REACH_AFTER))
            if determiner is None and after is None:
                continue  # "most people", "best-of-breed": no "the", no "ever"
            start = determiner.start() if determiner else start
            end = after.end() if after else end
        elif "superlative" not in roles:
            continue
        if not blocked(start, end):
            found.append(RawClaim("superlative", start, end))
    for matches in family_of(tuple(rg.superlative_patterns), rg.languages).finditer(clean):
        found += [
            RawClaim("superlative", *m.span())
            for m in matches
            if not blocked(*m.span()) and "\n" not in m.group()  # no claim crosses a line break
        ]
    return _joined(without_overlaps(found))


def _joined(found: list[RawClaim]) -> list[RawClaim]:
    """Superlative words written together are one claim: 史上 + 最高 → 史上最高."""
    joined: list[RawClaim] = []
    for d in found:
        if joined and joined[-1].end == d.start:
            joined[-1].end = d.end
        else:
            joined.append(d)
    return joined


@cache
def _bracketed(languages: tuple[str, ...]) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """An opening bracket just before a figure, and its closing one with the clause's end after it."""
    pairs = [p for lang in languages for p in rules.relations(lang).superlative.figure_brackets]
    if not pairs:
        return regex.compile("(?!)"), regex.compile("(?!)")
    opening = "|".join(regex.escape(p[0]) for p in pairs)
    closing = "|".join(regex.escape(p[1]) for p in pairs)
    return regex.compile(f"(?r)(?:{opening})\\s?\\Z"), regex.compile(f"\\s?(?:{closing})[\\s,.;:]*\\Z")


def attach_figures(
    clean: str,
    superlatives: list[RawClaim],
    figures: list[RawClaim],
    rg: RelationGrammar,
    clauses: Clauses,
    languages: tuple[str, ...],
) -> None:
    starts = [f.start for f in figures]
    opening, closing = _bracketed(languages)
    for sup in superlatives:
        clause = clauses.of(sup.span)
        i = bisect_left(starts, sup.end)
        if (
            i < len(figures)
            and figures[i].start < clause[1]
            and (
                rg.figure_gap.fullmatch(clean, sup.end, figures[i].start)
                or (
                    opening.search(clean, sup.end, figures[i].start) and closing.match(clean, figures[i].end, clause[1])
                )
            )
        ):
            sup.absorb(figures[i])
            sup.related.append(figures[i])
