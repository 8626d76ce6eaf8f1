"""Claims read whole by a pattern of the rule tables (`[[claims]]` in relations.toml): runs
("a six-game losing streak", "the fourth month running"), race times (1:58.42), counts with
a noun in words ("two tax cuts") and comparisons with no figure ("rose sharply", "an increase").

A run, a time or a count replaces the bare numbers inside it (the 6 of "6-game"); a
comparison stands only where no other claim does. A pattern with anchor words is tried only
around them, and one scan of the text finds the anchors of every pattern.
"""

from __future__ import annotations

from claimcheck.engine.ranks import position
from claimcheck.engine.raw_claim import RawClaim, line_end, line_start, without_overlaps
from claimcheck.rules.grammar import Grammar
from claimcheck.rules.pattern_family import family_of
from claimcheck.rules.relations_grammar import RelationGrammar

_DIRECTIONS = ("up", "down", "more", "less", "equal")
_BEFORE, _AFTER = 32, 48  # around an anchor: more than any match of a claim pattern reaches


def pattern_matches(clean: str, rg: RelationGrammar) -> list:
    """Every match of every claim pattern, as (pattern index, match), each once."""
    found: dict[tuple[int, int, int], object] = {}
    plain = [i for i, (_, rule) in enumerate(rg.claim_patterns) if not rule.anchors]
    # Without anchor words, a pattern runs as the families of ranks and superlatives do: only
    # where the strings it needs are (連勝 of "N連勝"), with the matches it finds alone.
    together = family_of(tuple(rg.claim_patterns[i][0] for i in plain), rg.languages)
    for i, matches in zip(plain, together.finditer(clean), strict=True):
        for m in matches:
            found[(i, *m.span())] = m
    lower = clean.lower()
    if len(lower) != len(clean):  # a letter whose lower case is longer (İ): no offsets to share
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in clean)
    for anchor in rg.claim_anchor.finditer(lower):
        start, end = anchor.span()
        low, high = line_start(clean, start, _BEFORE), line_end(clean, end, _AFTER)
        for i in rg.anchored[anchor.group()]:
            for m in rg.claim_patterns[i][0].finditer(clean, low, high):
                if m.start() <= start and end <= m.end():
                    found[(i, *m.span())] = m
    return [(i, m) for (i, _, _), m in sorted(found.items(), key=lambda item: item[0][1:])]


def find_pattern_claims(clean: str, matches, rg: RelationGrammar, g: Grammar, blocked, late: bool) -> list[RawClaim]:
    """The pattern claims of comparisons (late) or of the other kinds, in document order."""
    found = []
    for i, m in matches:
        rule = rg.claim_patterns[i][1]
        if (rule.kind == "comparison") != late or "\n" in m.group() or blocked(*m.span()):
            continue
        draft = _claim(m, rule, rg, g)
        if draft is not None:
            found.append(draft)
    return without_overlaps(found)


def _group(m, name: str) -> str | None:
    return m.group(name) if name in m.re.groupindex else None


def _claim(m, rule, rg: RelationGrammar, g: Grammar) -> RawClaim | None:
    value = rule.value
    if _group(m, "n"):
        value = position(m.group("n"), rg, g)
        if value is None:
            return None
    elif _group(m, "s"):
        fraction = _group(m, "f")  # 2分09秒93: hundredths written after the seconds' word
        seconds = float(m.group("s") + ("." + fraction if fraction else ""))
        value = round(int(_group(m, "h") or 0) * 3600 + int(_group(m, "m") or 0) * 60 + seconds, 6)
    draft = RawClaim(rule.kind, *m.span(), direction=rule.direction, unit_canonical=rule.unit_canonical)
    if value is not None:
        draft.value = int(value) if float(value).is_integer() else value
    unit = _group(m, "unit")
    if unit:
        draft.unit = unit
        canonical = rule.duration_units.get(unit.lower())
        if canonical is not None:
            draft.kind, draft.unit_canonical = "duration", canonical
    qualifier = _group(m, "q")
    if qualifier:
        draft.qualifier = g.qualifier_of.get(qualifier.lower(), "exact")
        draft.qualifier_text = qualifier
    for direction in _DIRECTIONS:
        if _group(m, direction):
            draft.direction = direction
    if _group(m, "base"):
        draft.baseline = m.span("base")
    return draft
