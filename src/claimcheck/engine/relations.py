"""From figures to claims: add ranks, comparisons and superlatives, and link what belongs together.

Order matters: ranks first (a figure inside a rank is not a claim of its own), then the
figures that state a change become comparisons, then comparisons without a figure, then
superlatives where nothing else stands.
"""

from __future__ import annotations

from bisect import bisect_left

from claimcheck.engine.comparisons import compare_figures, find_relations_without_figure
from claimcheck.engine.pattern_claims import find_pattern_claims, pattern_matches
from claimcheck.engine.ranks import find_ranks, link_streaks
from claimcheck.engine.rates import join_rates
from claimcheck.engine.raw_claim import Clauses, RawClaim, Spans
from claimcheck.engine.superlatives import attach_figures, find_superlatives
from claimcheck.rules.grammar import Grammar
from claimcheck.rules.relations_grammar import RelationGrammar


def relate(
    clean: str,
    figures: list[RawClaim],
    g: Grammar,
    rg: RelationGrammar,
    times: Spans,
    clauses: Clauses,
    sentence_of,
    hidden: Spans | None = None,
) -> list[RawClaim]:
    """`hidden`: where a trap hides words (the first step, a top-10 list): no rank, comparison
    or superlative is read wholly inside one."""
    hits = _trigger_hits(clean, rg)
    if rg.has_rates:
        figures = join_rates(clean, figures, rg)
    if hidden is not None and hidden.starts:
        hits = [hit for hit in hits if not hidden.covers(hit[0], hit[1])]
    ranks = find_ranks(clean, hits, rg, g, _or_hidden(times.overlaps, hidden))
    if ranks:
        taken = Spans(r.span for r in ranks)
        figures = [f for f in figures if not taken.overlaps(*f.span)]
    matches = pattern_matches(clean, rg) if rg.claim_patterns else []
    if matches:
        figures = _with_runs(clean, figures, ranks, matches, g, rg, hidden)
    compare_figures(clean, figures, rg, clauses, g)
    # Times do not block these: the baseline is often a period (高於去年, "higher than last year").
    taken = Spans([*(f.span for f in figures), *(r.span for r in ranks)])
    loose = find_relations_without_figure(clean, hits, rg, rg.number_at.match, taken.overlaps)
    if matches:
        taken = Spans([*(f.span for f in figures), *(r.span for r in ranks), *(d.span for d in loose)])
        figureless = find_pattern_claims(clean, matches, rg, g, taken.overlaps, late=True)
        loose = sorted([*loose, *figureless], key=lambda d: d.start)
    taken = Spans([*times_of(times), *(d.span for d in (*figures, *ranks, *loose))])
    superlatives = find_superlatives(clean, hits, rg, _or_hidden(taken.overlaps, hidden))
    attach_figures(clean, superlatives, figures, rg, clauses, g.languages)
    link_streaks(clean, ranks, [f for f in figures if f.kind == "duration"], rg, sentence_of)
    return sorted([*figures, *ranks, *loose, *superlatives], key=lambda d: (d.start, d.end))


def _with_runs(clean: str, figures, ranks, matches, g: Grammar, rg: RelationGrammar, hidden: Spans | None = None):
    """The figures with the runs, times and counts read whole by a pattern: such a claim
    replaces the bare numbers inside it (the 6 of "6-game") and gives way to a figure with a
    unit, a scale, or as long as itself. None is read wholly inside a trap that hides words."""
    blocked = _or_hidden(Spans(r.span for r in ranks).overlaps, hidden)
    read = Spans(f.span for f in figures)
    matches = [(i, m) for i, m in matches if not (rg.claim_patterns[i][1].figure_read and _figure_set_aside(m, read))]
    runs = find_pattern_claims(clean, matches, rg, g, blocked, late=False)
    if not runs:
        return figures
    starts = [f.start for f in figures]
    runs = [r for r in runs if not _covered(r, figures, starts)]
    held = Spans(r.span for r in runs)
    return sorted([*(f for f in figures if not held.overlaps(*f.span)), *runs], key=lambda d: (d.start, d.end))


def _figure_set_aside(m, read: Spans) -> bool:
    """Whether the match's figure, in digits, is no number read (a trap set it aside: Photo 3
    of 12), for a rule that stands only on a figure read."""
    if "n" not in m.re.groupindex or m.group("n") is None or not m.group("n").isdigit():
        return False
    return not read.overlaps(*m.span("n"))


def _covered(run: RawClaim, figures: list[RawClaim], starts: list[int]) -> bool:
    """Whether a figure overlaps the run and has a unit of its own or is at least as long."""
    for f in figures[max(0, bisect_left(starts, run.start) - 1) : bisect_left(starts, run.end)]:
        if f.start >= run.end or run.start >= f.end:
            continue
        if _clock(run) and run.start <= f.start and f.end <= run.end:
            continue  # 9分53秒: the seconds inside a time are part of it
        if f.unit is not None or f.end - f.start >= run.end - run.start:
            return True
        if f.start == run.start and run.unit is not None and f.value != run.value:
            return True  # "five dzs": a count read with its scale, not a count of dzs
    return False


def _clock(run: RawClaim) -> bool:
    """A time read by a pattern from its minutes and seconds (1:58.42, 9分53秒): no unit
    written, a duration all the same."""
    return run.kind == "duration" and run.unit is None and run.unit_canonical == "second"


def _or_hidden(blocked, hidden: Spans | None):
    """`blocked`, and also any span that a trap hiding words covers."""
    if hidden is None or not hidden.starts:
        return blocked
    return lambda start, end: blocked(start, end) or hidden.covers(start, end)


_NEVER = frozenset({"(?!)", "(?:(?!))"})


def _trigger_hits(clean: str, rg: RelationGrammar) -> list[tuple[int, int, frozenset[str]]]:
    """Every title, superlative, loose-comparison and doubling word, longest at each place."""
    *plain, late = rg.triggers
    found = {}
    for pattern in plain:
        if pattern.pattern in _NEVER:
            continue  # no word of this script: a pass that finds nothing
        for m in pattern.finditer(clean):
            found[m.start()] = m.end()
    for m in late.finditer(clean):  # matched from the second character: step back one
        start = m.start() - 1
        if clean[start : m.end()] in rg.roles and found.get(start, 0) < m.end():
            found[start] = m.end()
    hits, reach = [], 0
    for start in sorted(found):
        if start >= reach:
            reach = found[start]
            hits.append((start, reach, rg.roles[clean[start:reach].lower()]))
    return hits


def times_of(spans: Spans):
    return zip(spans.starts, spans.ends, strict=True)
