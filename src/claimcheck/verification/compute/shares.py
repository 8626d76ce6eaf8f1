"""A share (占总交付量的五成, 6% of its workforce) as the part's row over the whole's row, and
the completion of a target (完成全年目标的85%) as the year's actual so far over its target.

The whole is named in the words between the share's cue and its figure (zh) or after "of"
(en): a subject named there, a metric of the claim's entity named there, or, with a word of
the total (总, total), the largest row of the part's metric. With a target word, the whole is
the `target` row of the claim's year and the part the actual figure of that year so far: a
row of months 1 to m, or the sum of the monthly rows to the latest month the table holds.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from claimcheck.rules.folding import fold
from claimcheck.verification.compute.levels import Task, clause_before, words
from claimcheck.verification.compute.working import Bounds, Computed, Working, figure, judge, missing
from claimcheck.verification.context import folded, occurs
from claimcheck.verification.index import IndexedRow
from claimcheck.verification.series import Series, SeriesKey, Span
from claimcheck.verification.slots import entity_agrees


def compute(task: Task) -> Computed | None:
    claim, span = task.claim, task.span
    if claim.kind != "percent" or claim.unit_canonical != "percent" or claim.value is None or span is None:
        return None
    if task.slots.basis != "level" or task.interval is None:
        return None
    whole = _whole_words(task)
    if not whole:
        return None
    if task.has(words().target_words, whole):
        return _completion(task, span)
    parts = [s for s in task.own if s.key.dimension != "ratio" and s.at(span) and not _subject_in(s, whole)]
    if not parts:
        return None
    part = next((s for s in parts if not _named_in(s, whole)), parts[0])
    wholes = [s for s in task.levels.series.values() if s is not part and _whole_of(task, part, s, whole, span)]
    if len(wholes) > 1:  # a model's share of its maker's total: the subject they share a name with
        kin = max(_shared(part, s) for s in wholes)
        wholes = [s for s in wholes if _shared(part, s) == kin] if kin >= 2 else wholes
    if len(wholes) > 1 and task.has(words().total_words, whole):
        wholes = [max(wholes, key=lambda s: s.at(span).center)]
    if len(wholes) != 1:
        return None
    return _share(task, [part.at(span)], wholes[0].at(span))


def _whole_words(task: Task) -> str:
    """The words naming the whole, folded: 总交付量 in 占总交付量的五成, its workforce in 6% of its workforce."""
    claim, sentence = task.claim, task.claim.sentence
    clause = folded(clause_before(claim))
    for cue in words().share_before:
        at = clause.rfind(fold(cue))
        if at >= 0:
            whole = clause[at + len(cue) :].strip()
            return next((whole[: -len(end)] for end in words().whole_ends if whole.endswith(end)), whole).strip()
    found = _after_pattern().match(sentence.text, claim.end - sentence.start)
    return folded(found.group(1)).strip() if found else ""


@lru_cache(maxsize=1)
def _after_pattern() -> regex.Pattern[str]:
    cues = "|".join(regex.escape(cue) for cue in words().share_after)
    return regex.compile(rf"\s*(?:{cues})\s+([^,;:.!?，；：。！？]+)", regex.IGNORECASE)


def _shared(part: Series, other: Series) -> int:
    """How many characters the two subjects' names begin with alike (远航S7, 远航汽车: 2)."""
    a, b = part.key.subject or "", other.key.subject or ""
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def _subject_in(series: Series, whole: str) -> bool:
    return series.key.subject is not None and occurs(series.key.subject, whole, ())


def _named_in(series: Series, whole: str) -> bool:
    """Whether the series may be the whole: its subject or all its terms named in the whole's words."""
    key = series.key
    return _subject_in(series, whole) or bool(key.terms) and all(occurs(term, whole, ()) for term in key.terms)


def _whole_of(task: Task, part: Series, series: Series, whole: str, span: Span) -> bool:
    key, row = series.key, series.at(span)
    if row is None or key.dimension != part.key.dimension or key.modality != part.key.modality:
        return False
    if key.subject is not None and key.subject != part.key.subject and occurs(key.subject, whole, ()):
        return True
    if not (key.terms and all(occurs(term, whole, ()) for term in key.terms)):
        return False
    same_entity = (
        task.slots.entity is not None and key.subject is not None and entity_agrees(task.slots.entity, key.subject)
    )
    return same_entity or key.terms == part.key.terms and task.has(words().total_words, whole)


def _share(task: Task, parts: list[IndexedRow], whole: IndexedRow) -> Computed | None:
    total = Bounds(0.0, 0.0)
    for row in parts:
        total = total + Bounds.of(row)
    ratio = total / Bounds.of(whole)
    if ratio is None:
        return None
    center = sum(row.center for row in parts) / whole.center * 100
    shown = " + ".join(row.ref.value_text for row in parts) if len(parts) <= 3 else f"Σ {len(parts)} rows"
    shown = f"({shown})" if len(parts) > 1 else shown
    expression = f"{shown} ÷ {whole.ref.value_text} × 100 = {figure(center)}%"
    working = Working("share", [*parts, whole], expression, ratio.affine(100), center)
    return judge(task.claim, task.language, working, task.interval, float(task.claim.value), 1.0)


def _completion(task: Task, span: Span) -> Computed | None:
    year = span[1][0]
    actual = next((s for s in task.own if s.key.modality == "actual" and s.key.dimension != "ratio"), None)
    if actual is None:
        return None
    key = actual.key
    target_key = SeriesKey(key.subject, key.terms, "target", key.dimension, key.measure)
    target = task.levels.series.get(target_key)
    goal = target.at(((year, 1), (year, 12))) if target is not None else None
    if goal is None:
        return None
    so_far = [(s, row) for s, row in actual.by_span.items() if s[0] == (year, 1) and s[1][0] == year and s[1] != s[0]]
    if so_far:
        _, row = max(so_far)
        return _share(task, [row], goal)
    months = sorted(s[0][1] for s in actual.by_span if s[0] == s[1] and s[0][0] == year)
    if not months:
        return None
    rows = [actual.month((year, m)) for m in range(1, months[-1] + 1)]
    absent = [((year, m), (year, m)) for m, row in zip(range(1, months[-1] + 1), rows, strict=True) if row is None]
    if absent:
        present = [row for row in rows if row is not None]
        return missing(
            task.language, Working("share", [*present, goal], "Σ monthly rows ÷ target", Bounds(0, 0), 0, absent)
        )
    return _share(task, rows, goal)
