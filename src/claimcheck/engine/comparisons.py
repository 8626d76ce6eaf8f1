"""Comparisons: a change or a relation (同比增長12%, 比去年多3000輛, 是特斯拉的兩倍, 翻番,
"rose 12% from last year", "three times as many as", "higher than Tesla").

A figure that states the change becomes the comparison (it is not reported twice);
the figure's value and unit are the size of the change.
"""

from __future__ import annotations

import regex

from claimcheck.engine.raw_claim import Clauses, RawClaim, Span, line_end, line_start, without_overlaps
from claimcheck.rules.grammar import Grammar
from claimcheck.rules.pattern_family import family_of
from claimcheck.rules.relations_grammar import RelationGrammar

_REACH_BEFORE = 30
_REACH_AFTER = 60
_REACH_LOOSE = 200  # "more … than …": longer than any match of the pattern
_DIRECTION_OF_GROUP = {"up": "up", "down": "down", "more": "more", "less": "less", "equal": "equal"}
_WORDS_AFTER = ("up", "down", "more", "less")
_AFTER_STARTS = (" ", ",")  # "12% higher", "12% year-on-year", "12%, from": English only


def _direction(m) -> str | None:
    for group, direction in _DIRECTION_OF_GROUP.items():
        if group in m.re.groupindex and m.group(group):
            return direction
    return None


def _baseline(m, offset: int, *groups: str) -> Span | None:
    if m is None:
        return None
    for group in groups:
        if group in m.re.groupindex and m.group(group):
            start, end = m.span(group)
            text = m.group(group)
            trimmed = text.strip()
            if not trimmed:
                continue
            start += len(text) - len(text.lstrip())
            return offset + start, offset + start + len(trimmed)
    return None


def compare_figures(clean: str, figures: list[RawClaim], rg: RelationGrammar, clauses: Clauses, g: Grammar) -> None:
    """Turn the figures that state a change or a multiple into comparisons, in place."""
    for i, f in enumerate(figures):
        clause = clauses.of(f.span)
        span_before_change = f.span
        floor = figures[i - 1].end if i else 0  # a word the figure before took is not this one's
        offset = line_start(clean, f.start, _REACH_BEFORE)  # 與去年相比，… reaches back over a comma
        before = clean[offset : f.start]
        after = clean[f.end : min(clause[1], f.end + _REACH_AFTER)]
        changed = None
        if before[-1:].lower() in rg.change_last_chars and not rg.not_change.search(before):
            changed = rg.change_before.search(before)
        if changed is not None and offset + changed.start() < floor:
            changed = None  # "2 up 12%": the figure before took "up"
        direction = _direction(changed) if changed else None
        after_match = rg.change_after.match(after) if after[:1] in _AFTER_STARTS else None
        margin = rg.margin_after.match(after) if direction is None and after[:1] == " " else None
        if margin is not None:  # "3 points clear", "half a second clear of his rival"
            direction = _direction(margin)
            f.baseline = _baseline(margin, f.end, "base")
            f.end += margin.end(direction)
        elif direction is not None:
            f.start = offset + changed.start()
            f.baseline = _baseline(changed, offset, "self", "base") or _baseline(after_match, f.end, "self", "base")
        elif after_match is not None and _direction(after_match):
            direction = _direction(after_match)
            f.baseline = _baseline(after_match, f.end, "self", "base")
            f.end += max(after_match.end(w) for w in _WORDS_AFTER if after_match.group(w))
        elif (
            after_match is not None
            and after_match.group("base")
            and (inside := rg.change_inside.search(clean, f.start, f.end))
        ):
            direction = _direction(inside)  # "3,000 more cars than Tesla"
            f.baseline = _baseline(after_match, f.end, "base")
        elif f.unit_canonical == "times":
            direction = "more"
            multiple = rg.multiple_before.search(before)
            if multiple is not None:
                f.start = offset + multiple.start()
                f.baseline = _baseline(multiple, offset, "base")
            else:
                as_match = rg.multiple_after.match(after)
                f.baseline = _baseline(as_match, f.end, "base") if as_match else None
        if direction in ("more", "less") and f.baseline is None and margin is None:
            continue  # "500 more staff": more than what is not said
        if direction is not None:
            f.figure = f.figure or span_before_change
            f.kind = "comparison"
            f.direction = direction
    _continue_changes(clean, figures, rg, g.difference_units)


def _continue_changes(clean: str, figures: list[RawClaim], rg: RelationGrammar, differences: frozenset[str]) -> None:
    """A percentage with no change word of its own states a change when its unit is a difference
    (高於全國3.2個百分點: percentage points), when a sign says so (+1.1 percent), when it is
    joined to the change figure before it (分別增長10.6%和9.1%; 增加5199戶（+0.05%）), when a
    noun of change follows it (1.8%的同比漲幅) or stands before it (the change was 2.1 percent),
    or when it continues the change before it in its sentence: the figure before it (rose 5% …,
    but only 1% …) or a change verb (fell in Ohio (2.9 percent)), with no level word between
    (rose 12% and its margin was 31%)."""
    previous: RawClaim | None = None
    for f in figures:
        if f.kind in _RESTATED and _restates(clean, previous, f, rg):  # fell 6%, or $41 million
            f.kind, f.direction, f.figure = "comparison", previous.direction, f.figure or f.span
            f.baseline = f.baseline or previous.baseline
        if f.kind != "percent" or clean.startswith(" of ", f.end):  # "45% of households": a share
            previous = f
            continue
        window = _sentence_start(clean, f.start)
        noun = rg.change_noun_before.search(clean, window, f.start)
        direction: str | None = None
        if (sign := rg.signed_changes.get(clean[f.start])) is not None:
            direction = sign  # "+1.1 percent": the sign states the change
        elif (
            previous is not None
            and previous.kind == "comparison"
            and rg.continuation_joiner.fullmatch(clean, previous.end, f.start)
        ):
            direction = previous.direction  # 分別增長10.6%和9.1%; 增加5199戶（+0.05%）
            f.baseline = f.baseline or previous.baseline
        elif (after := rg.change_noun_after.match(clean, f.end)) is not None:
            direction = _direction(after)  # 1.8%的同比漲幅
        elif noun is not None:
            direction = rg.change_noun_direction[noun.group("noun").lower()] or None
        elif previous is not None and previous.direction in ("up", "down") and previous.end >= window:
            if _LATIN.search(clean, previous.start, previous.end) and _continues(clean[_after(previous) : f.start], rg):
                direction = previous.direction  # up 11.8% from a year earlier and 6.2% from the second quarter
                f.baseline = f.baseline or _own_baseline(clean, f, rg)
        else:
            verb = rg.change_word.search(clean, window, f.start)
            if verb is not None and not rg.not_change.search(clean, window, verb.end()):
                if _continues(clean[verb.end() : f.start], rg):
                    direction = _direction(verb)
        if noun is not None or direction is not None or f.unit_canonical in differences:
            f.kind, f.direction, f.figure = "comparison", direction, f.figure or f.span
        previous = f


_CONTINUATION_REACH = 60
_RESTATED = frozenset({"quantity", "money"})


def _restates(clean: str, previous: RawClaim | None, f: RawClaim, rg: RelationGrammar) -> bool:
    return (
        previous is not None
        and previous.kind == "comparison"
        and previous.direction in ("up", "down")
        and rg.restating_joiner.fullmatch(clean, _after(previous), f.start) is not None
    )


def _after(change: RawClaim) -> int:
    """Where a change ends with its baseline, when the baseline is written after it."""
    baseline = change.baseline
    return baseline[1] if baseline is not None and baseline[0] >= change.end else change.end


def _own_baseline(clean: str, f: RawClaim, rg: RelationGrammar) -> Span | None:
    after = clean[f.end : f.end + _REACH_AFTER]
    return _baseline(rg.change_after.match(after), f.end, "base") if after[:1] in _AFTER_STARTS else None


_LATIN = regex.compile(r"[A-Za-z]")
_HAN = regex.compile(r"\p{Han}")


def _continues(gap: str, rg: RelationGrammar) -> bool:
    """Whether a percentage after this gap goes on with the change before it: something
    stands between ("sales 2 up 12%" is two figures), no figure, no level word."""
    return (
        bool(gap.strip())
        and len(gap) <= _CONTINUATION_REACH
        and not any(c.isdigit() for c in gap)
        and not _HAN.search(gap)  # an English rule: its stop words are English
        and not rg.continuation_stop.search(gap)
    )


def _sentence_start(clean: str, position: int) -> int:
    """Where the look back for a change ends: the sentence's start (a stop, a semicolon, a
    line break), no further than a reach."""
    start = line_start(clean, position, 2 * _CONTINUATION_REACH)
    for mark in (". ", "; ", "! ", "? "):
        found = clean.rfind(mark, start, position)
        if found >= 0:
            start = found + len(mark)
    return start


def find_relations_without_figure(clean: str, hits, rg: RelationGrammar, starts_with_number, blocked) -> list[RawClaim]:
    """翻番, doubled, 高於去年, "higher than Tesla", 與去年持平: comparisons with no figure of their own."""
    found = []
    for start, end, roles in hits:
        if "doubling" in roles or "multiple" in roles:
            draft = _doubling(clean, start, end, rg, "multiple" in roles)
        elif "more" in roles or "less" in roles:
            draft = _more_or_less(clean, start, rg, starts_with_number)
        elif "equal" in roles:
            draft = _equal(clean, start, end, rg)
        else:
            continue
        if draft is not None and not blocked(*draft.span):
            found.append(draft)
    for matches in family_of(tuple(rg.changes_without_figure), rg.languages).finditer(clean):  # 呈下降, 高出一截
        found += [
            RawClaim("comparison", *m.span(), direction=_direction(m))
            for m in matches
            if not blocked(*m.span()) and "\n" not in m.group()
        ]
    return without_overlaps(found)


def _doubling(clean: str, start: int, end: int, rg: RelationGrammar, multiple: bool) -> RawClaim:
    """翻番, doubled: a change (up or down); "twice as", "double the": a relation (more)."""
    factor = rg.doubling_factor[clean[start:end].lower()]
    factor = int(factor) if factor.is_integer() else factor
    direction = ("more" if factor > 1 else "less") if multiple else ("up" if factor > 1 else "down")
    return RawClaim(
        "comparison", start, end, value=factor, unit=clean[start:end], unit_canonical="times", direction=direction
    )


def _more_or_less(clean: str, start: int, rg: RelationGrammar, starts_with_number) -> RawClaim | None:
    m = rg.more_or_less.match(clean, start, line_end(clean, start, _REACH_LOOSE))
    if m is None:
        return None
    baseline = _baseline(m, 0, "base")
    if baseline is None:
        return None  # a base of separators only (\x1f), which str.strip takes and the pattern's \s does not
    if starts_with_number(clean, baseline[0]) and not m.group("year"):
        return None  # "fewer than one in five": a figure's qualifier, not a comparison
    return RawClaim("comparison", start, baseline[1], direction=_direction(m), baseline=baseline)


def _equal(clean: str, start: int, end: int, rg: RelationGrammar) -> RawClaim | None:
    window = line_start(clean, start, _REACH_BEFORE)
    left = rg.equal_before.search(clean, window, start)
    if left is not None:
        return RawClaim(
            "comparison", left.start(), end, direction="equal", baseline=_baseline(left, 0, "ebase", "self")
        )
    right = rg.equal_after.match(clean, end, line_end(clean, end, _REACH_AFTER))
    if right is not None:
        baseline = _baseline(right, 0, "ebase")
        return RawClaim(
            "comparison", start, baseline[1] if baseline else right.end(), direction="equal", baseline=baseline
        )
    return None  # "unchanged", 持平 with nothing it is compared with
