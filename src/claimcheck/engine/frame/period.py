"""The period a figure holds for: its own time, else the one carried from its sentence or
paragraph; resolved against the document's date (period_resolve.py).

A claim's own time is a period in its clause: the one right after the figure when only a
link word stands between ("4.3% in September"), else the nearest before it, else the
nearest after it. A time in a baseline (較10月, "from a year earlier", a comparison's
baseline) is never a claim's own, nor carried. Without an own time the period is carried
from the nearest one earlier in the sentence, else from the nearest earlier in the paragraph
that names months or years (a day, such as the dateline's 今（10）日, is when the figures
were given, not what they are for).
Each period span is read and resolved once per text.
"""

from __future__ import annotations

import datetime
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

import regex

from claimcheck.engine.frame.period_resolve import Resolved, resolve
from claimcheck.engine.period_reading import Reading, read
from claimcheck.engine.raw_claim import Clauses, RawClaim, Span, Spans
from claimcheck.models import FramePeriod, TextSpan
from claimcheck.rules.period_rules import frame_rules
from claimcheck.rules.relations_grammar import CLAUSE_BREAK

_LINE_BREAK = regex.compile(r"\n")
_WORD_START = regex.compile(r"\S")
_JOIN_REACH = 8  # the longest gap two pieces of one period may have between them
_LINK_REACH = 16  # between a figure and its period after it
_CUE_REACH = 40  # a baseline cue and the figure after it, before the time
_LOOK_BACK = 32  # periods looked at around a figure in its clause or sentence


def _merged(clean: str, spans: list[Span]) -> list[Span]:
    """Overlapping spans as one, and pieces with only a joiner between (今年 1-11月, "the third
    quarter of 2025") as one."""
    joiner = frame_rules().joiner
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and (
            start <= merged[-1][1]
            or (start - merged[-1][1] <= _JOIN_REACH and joiner.fullmatch(clean, merged[-1][1], start))
        ):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


class Periods:
    """The periods of one text, found once, each read and resolved when first asked for."""

    def __init__(
        self,
        clean: str,
        date: datetime.date | None,
        span: Callable[[Span | None], TextSpan | None],
        times: Sequence[Span],
        baselines: Spans | None,
        clauses: Clauses | None = None,
    ) -> None:
        self.clean, self.date, self.span = clean, date, span
        rules = frame_rules()
        found = list(times) + [m.span() for m in rules.phrases.finditer(clean)]
        merged = _merged(clean, found)
        self._every = merged  # baselines' periods too: what a change is measured against
        self._every_starts = [start for start, _ in merged]
        if baselines is not None:
            merged = [s for s in merged if not baselines.overlaps(*s)]
        self.spans = merged
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]
        cues = [rules.baseline_cue.search(clean, max(0, start - _CUE_REACH), start) for start, _ in merged]
        self._cue_at = [cue.start() if cue is not None else None for cue in cues]
        self._cued = [cue is not None for cue in cues]
        self._resolved: dict[int, Resolved] = {}
        self._sources: dict[bool, tuple[list[int], list[int]]] = {}
        self._forward = [
            rules.forward_cue.search(clean, max(0, start - _CUE_REACH), start) is not None for start, _ in merged
        ]
        self._paragraphs: list[int] | None = None
        self._clauses = clauses if clauses is not None else Clauses(clean, regex.compile(CLAUSE_BREAK))
        self._made: dict[tuple[int, bool], FramePeriod] = {}

    def _reading(self, i: int) -> Reading:
        return read(self.clean[self.spans[i][0] : self.spans[i][1]])

    def _paragraph_start(self, position: int) -> int:
        """Where the paragraph holding `position` starts: its line (the prose of a Markdown or
        HTML draft is read with each paragraph on one line; a text read in blocks is cut at
        line breaks, and each block must give what the whole would)."""
        if self._paragraphs is None:
            self._paragraphs = [m.end() for m in _LINE_BREAK.finditer(self.clean)]
        i = bisect_right(self._paragraphs, position) - 1
        return self._paragraphs[i] if i >= 0 else 0

    def _sources_of(self, for_figures: bool) -> tuple[list[int], list[int]]:
        """The periods that may be carried, with their ends: to a figure from another sentence,
        those that name months, or years relative to the date (not a day, not a year alone; not
        當月 or "a year earlier", which speak of a period named before them); to 當月 and its
        kind, any period not in a baseline."""
        if for_figures not in self._sources:

            def fits(i: int) -> bool:
                reading = self._reading(i)
                if self._cued[i] or not reading.says_something:
                    return False
                # A year written alone is carried within its sentence only: in another it is
                # as often background (成立於2018年, founded in 2018) as the story's period.
                bare_year = reading.year is not None and reading.months is None and not reading.anchors
                return not for_figures or not (reading.is_day or "carried" in reading.anchors or bare_year)

            chosen = [i for i in range(len(self.spans)) if fits(i)]
            self._sources[for_figures] = (chosen, [self.ends[i] for i in chosen])
        return self._sources[for_figures]

    def _source_before(self, position: int, sentence_start: int | None) -> int | None:
        """The nearest period before `position` a figure there carries: in its sentence, any
        that names a period; else, in its paragraph, one that names months or years. With
        sentence_start None (for 當月 and its kind): the nearest one before it in its paragraph."""
        if sentence_start is not None:
            last = bisect_right(self.ends, position) - 1
            for i in range(last, max(-1, last - _LOOK_BACK), -1):
                if self.starts[i] < sentence_start:
                    break
                if not self._cued[i] and self._reading(i).says_something:
                    return i
        sources, ends = self._sources_of(sentence_start is not None)
        k = bisect_right(ends, position) - 1
        if k < 0:
            return None
        i = sources[k]
        return i if self.starts[i] >= self._paragraph_start(position) else None

    def resolved(self, i: int) -> Resolved:
        """Period i resolved; one that stands on the period carried to it (當月, 去年同期) takes
        the nearest earlier one's, followed back without recursion."""
        chain: list[int] = []
        j: int | None = i
        while j is not None and j not in self._resolved:
            reading = self._reading(j)
            if "carried" not in reading.anchors:
                self._resolved[j] = resolve(reading, self.date, forward=self._forward[j])
                break
            chain.append(j)
            j = self._source_before(self.starts[j], None)  # always an earlier one: no cycle
        carried = self._resolved.get(j) if j is not None else None
        for k in reversed(chain):
            carried = self._resolved[k] = resolve(self._reading(k), self.date, carried)
        return self._resolved[i]

    def own(self, d: RawClaim, sentence: Span) -> int | None:
        """The index of the claim's own period in its clause, if it has one."""
        clause_start, clause_end = self._clauses.of(d.span)
        clause_start, clause_end = max(clause_start, sentence[0]), min(clause_end, sentence[1])
        after = bisect_left(self.starts, d.end)
        link, link_figure = frame_rules().after_link, frame_rules().baseline_figure_link
        if after < len(self.spans) and self.starts[after] < clause_end:  # "Dec. 2" may run past a stop
            gap_end = self.starts[after]
            if gap_end - d.end <= _LINK_REACH and link.fullmatch(self.clean, d.end, gap_end):
                return after
        last = bisect_right(self.ends, d.start) - 1
        for i in range(last, max(-1, last - _LOOK_BACK), -1):
            if self.starts[i] < clause_start:
                break
            if not self._cued[i]:
                return i
            if i == last and d.kind != "comparison" and link_figure.fullmatch(self.clean, self.ends[i], d.start):
                return i  # the baseline's own figure: 較1月的9,280輛
        for i in range(after, min(len(self.spans), after + _LOOK_BACK)):
            if self.starts[i] >= clause_end:
                break
            cue_at = self._cue_at[i]
            if cue_at is None or cue_at < d.start:  # "compared with 4,100 units a year ago": its own
                return i
        return None

    def of(self, d: RawClaim, sentence: Span) -> FramePeriod | None:
        if not self.spans:
            return None
        i = self.own(d, sentence)
        carried = i is None
        if carried:
            i = self._source_before(d.start, sentence[0])
            if i is None:
                return None
        key = (i, carried)
        if key not in self._made:
            resolved = self.resolved(i)
            how = "carried" if carried and resolved.known else resolved.how
            self._made[key] = FramePeriod.trusted(
                span=self.span(self.spans[i]), start=resolved.start, end=resolved.end, how=how
            )
        return self._made[key]

    def lead(self, reach: int, head: str = "") -> tuple[FramePeriod, int] | None:
        """The first period of the text's headline (its first line with words, within its first
        `reach` characters) that names months or years and resolves, and where it ends. A
        year the lede mentions in passing (founded in 2018) is not the story's period. `head`:
        the text of the parts before this one, of a text read in parts (where its headline
        and lede may have been)."""
        text = head + self.clean[:reach]
        first = _WORD_START.search(text)
        if first is None:
            return None
        line_end = text.find("\n", first.start())
        headline_end = (line_end if line_end >= 0 else len(text)) - len(head)  # in this part
        sources, _ = self._sources_of(True)
        for i in sources:
            if self.starts[i] >= reach:
                return None
            lede_from, at = headline_end + len(head), self.starts[i] + len(head)
            if self.starts[i] >= headline_end and not _in_lede(text, lede_from, at):
                return None
            if self.resolved(i).known:
                resolved = self.resolved(i)
                made = FramePeriod.trusted(
                    span=self.span(self.spans[i]), start=resolved.start, end=resolved.end, how="carried"
                )
                return made, self.ends[i]
        return None

    def after_baseline_cue(self, position: int) -> bool:
        """Whether a baseline cue stands right before `position` ("up from 36 cents")."""
        return frame_rules().baseline_cue.search(self.clean, max(0, position - _CUE_REACH), position) is not None

    def basis_against(self, baseline: Span, period: FramePeriod | None) -> str | None:
        """yoy, mom or qoq when the claim's baseline (or the words before it in its clause)
        names the period a year, a month or a
        quarter before the claim's own (較10月 for a figure of November); None otherwise.
        The baseline's period is read as of the claim's: 10月 is the latest October up to it."""
        if period is None or period.start is None or period.end is None:
            return None
        first, last = _month_number(period.start), _month_number(period.end)
        i = bisect_right(self._every_starts, baseline[1]) - 1  # the period nearest the figure
        if i < 0 or self._every[i][0] < baseline[0] or self._every[i][1] > baseline[1]:
            return None
        as_of = datetime.date(last // 12, last % 12 + 1, 28)
        own = Resolved(first, last, None, "written")
        against = resolve(read(self.clean[slice(*self._every[i])]), as_of, own)
        if not against.known or against.last - against.first != last - first:
            return None
        size, step = last - first + 1, first - against.first
        return {(1, 12): "yoy", (3, 12): "yoy", (1, 1): "mom", (3, 3): "qoq"}.get((size, step))


def _in_lede(text: str, headline_end: int, position: int) -> bool:
    """Whether `position` is in the lede: the first lines after a headline that names no
    period (a byline may stand between); wire copy sets its period there."""
    lines = [line for line in text[headline_end:position].split("\n") if line.strip()]
    return len(lines) <= _LEDE_LINES


_LEDE_LINES = 3  # lines of the lede a headline period may be taken from: a byline, a dateline, the lede


def _month_number(written: str) -> int:
    """2025-11 or 2025-11-10 → months counted from year 0."""
    year, month = written.split("-")[:2]
    return int(year) * 12 + int(month) - 1
