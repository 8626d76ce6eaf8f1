"""A level or a change (basis), and whose figure: actual, or an estimate, forecast, target
or guidance (modality), from the cue words of rules/<lang>/relations.toml [frame].

Basis: a comparison (or a figure right after a cue such as 年增, or right before one such as
"year on year") is a change; its cue, in the claim, its baseline, right after it or earlier in
its clause, says yoy, mom or qoq; without one, a change against a named baseline (較10月) is
"baseline", else "change". Any other figure is a level, whatever the rest of its sentence says.

Modality: a cue governs the figures after it in its sentence; a cue of one figure ("estimate
of", 目標為) only the next, a cue after a figure (45萬輛交付目標) only that one. Where several
govern, estimate wins over guidance, target and forecast (frame_grammar.MODALITIES).
"""

from __future__ import annotations

from claimcheck.engine.raw_claim import RawClaim, Span
from claimcheck.rules.frame_grammar import MODALITIES, FrameGrammar

_AGAINST = 2  # characters that may stand between a cue and the figure it governs (年增為, 月增了)


class Cues:
    def __init__(self, clean: str, fg: FrameGrammar) -> None:
        self.clean, self.fg = clean, fg
        self._governing: dict[int, list[tuple[int, str]]] = {}

    def basis(self, d: RawClaim, clause: Span, previous_end: int) -> str:
        clean, cue = self.clean, self.fg.basis_cue
        after = self.fg.basis_after.pattern.match(clean, d.end)
        after_basis = self.fg.basis_after.said.get(after.group().lstrip(" ,\t\r\n\u3000").lower()) if after else None
        if d.kind != "comparison" and d.direction is None:
            return self._right_before(d, clause, previous_end) or after_basis or "level"
        for window in (d.span, d.baseline):
            if window is not None and (found := cue.last(clean, *window)[1]):
                return found
        if after_basis:
            return after_basis
        if d.baseline is not None and d.baseline[0] >= d.end:  # its own baseline (up 5.7% from August)
            return "baseline"
        found = cue.last(clean, clause[0], d.start)[1]
        if found:
            return found
        if d.baseline is not None or self.fg.baseline_intro.search(clean, max(clause[0], previous_end), d.start):
            return "baseline"
        return "change"

    def _right_before(self, d: RawClaim, clause: Span, previous_end: int) -> str | None:
        """The basis of a cue written against the figure (年增32.1%, 季增1.2個百分點)."""
        found, name = self.fg.basis_cue.last(self.clean, max(clause[0], previous_end), d.start)
        if found is None or name is None:
            return None
        between = self.clean[found.end() : d.start].strip()
        if len(between) > _AGAINST or any(c.isdigit() for c in between) or between.lower() in self.fg.level_reached:
            return None
        return name

    def modality(self, d: RawClaim, sentence: Span, previous_end: int) -> str:
        said = {name for end, name in self._cues_of(sentence) if end <= d.start}
        scoped = self.fg.modality_next.last(self.clean, max(sentence[0], previous_end), d.start)[1]
        if scoped:
            said.add(scoped)
        before = self.fg.modality_before.pattern.match(self.clean, d.end, sentence[1])
        if before is not None:
            said.add(self._before_name(before))
        return next((name for name in MODALITIES if name in said), "actual")

    def _cues_of(self, sentence: Span) -> list[tuple[int, str]]:
        if sentence[0] not in self._governing:
            found = self.fg.modality_cue.finditer(self.clean, *sentence)
            self._governing[sentence[0]] = [(m.end(), name) for m, name in found if name]
        return self._governing[sentence[0]]

    def _before_name(self, match) -> str | None:
        """The cue word at the end of a match of modality_before (交付目標 → 目標)."""
        written = match.group().lower()
        said = self.fg.modality_before.said
        return next((said[w] for w in sorted(said, key=len, reverse=True) if written.endswith(w)), None)
