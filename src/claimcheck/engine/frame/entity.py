"""Who a figure belongs to: a name in the claim's clause, else in an earlier clause of its
sentence, else in an earlier sentence of its paragraph (its line), else the document's lead entity (the
first name of its headline, title line or first paragraph; a byline is skipped).

A name is read by the subject rules of claimcheck.engine.context (codes, capitalised names, the
Han run that opens a clause); the frame then keeps only what can own a figure: never a metric
word (Net income), an anaphor (the company, 該公司), a lower-case phrase, a ticker or tag in
brackets, a person named with a title or set off by commas (…, Luis Herrera, said) or a Han
run that is a period, a cue or a measure (年增, 第一产业, 貨運量). A Han run that opens with a
name known in the document (the lead entity, or one its line writes before a ticker in
brackets) is cut to that name (宏晶董事 → 宏晶).
"""

from __future__ import annotations

import regex

from claimcheck.engine.context import Context
from claimcheck.engine.raw_claim import RawClaim, Span, line_starts
from claimcheck.engine.sentences import Sentences
from claimcheck.rules.frame_grammar import FrameGrammar

_CARRY_SENTENCES = 8
CLAUSES_BACK = 16  # earlier clauses of its sentence a figure looks through (a list of figures is one sentence)
LEAD_REACH = 3000  # the headline and first paragraph stand in the text's first characters
_HAN = regex.compile(r"\p{Han}")
_LATIN_LETTER = regex.compile(r"[A-Za-z]")
_NAME_MOST = 8  # characters of a name before its ticker: a line is read from this far before its first bracket
_DECLARED = regex.compile(rf"(\p{{Han}}{{2,{_NAME_MOST}}})[（(][^）)\n]{{1,16}}[）)]")  # 宏晶半導體（6488）


_BLANK_REACH = 64  # the blanks a tag of a prose-only copy leaves before a sentence
_DATELINE_REACH = 60  # how far into its line a dateline's place may start


class Entities:
    """The entities of one text's claims; clauses and sentences are read once. `lead_text`
    gives the document's lead entity as written in the cleaned text (None without one)."""

    def __init__(self, clean: str, context: Context, sentences: Sentences, fg: FrameGrammar) -> None:
        self.clean, self.context, self.sentences, self.fg = clean, context, sentences, fg
        self._clause: dict[tuple[int, int], Span | None] = {}
        self._sentence: dict[int, Span | None] = {}
        self._declared: dict[int, list[str]] = {}
        self._known_at: dict[int, list[str]] = {}
        self._cuts: dict[str, str] = {}
        self._names_of: dict[Span, list[tuple[Span, Span | None]]] = {}
        self.lead_text: str | None = None
        # Where the lead is known from: the start of its line (a claim before it has none, as
        # when the text is read in parts); before any part found it, nowhere.
        self.lead_from = len(clean) + 1
        self._lead_pending = True  # cleared by the caller once the lead is settled

    def of(self, d: RawClaim, sentence: Span) -> tuple[Span | None, str | None]:
        """The entity's span and where it was found; ("headline") the lead entity's, which
        the caller holds (it may stand in another part of the text)."""
        clauses = self.context.clauses
        clause = clauses.of(d.span)
        owner = self.fg.owner_before.search(self.clean, self._owner_window(clause[0], d.start), d.start)
        if owner is not None:
            found = self._han_entity(*owner.span("owner"))
            if found is not None:
                return found, "clause"
        found = self._in_clause(clause, d.end, d.baseline)
        if found is not None:
            return found, "clause"
        start = clause[0]
        for _ in range(CLAUSES_BACK):
            if start <= sentence[0]:
                break
            previous = clauses.of((start - 1, start - 1))
            found = self._clause_entity(previous)
            if found is not None:
                return found, "sentence"
            start = previous[0]
        found = self._in_paragraph(sentence)
        if found is not None:
            return found, "paragraph"
        return None, "headline" if self.lead_text is not None and d.start >= self.lead_from else None

    def _owner_window(self, clause_start: int, figure: int) -> int:
        """Where an owner ending at the figure can start: a bounded reach back, so that a clause
        of many figures is not searched from its start for each one."""
        end = figure
        while end > clause_start and self.clean[end - 1].isspace():
            end -= 1
        return max(clause_start, end - self.fg.owner_reach)

    def _clause_entity(self, clause: Span) -> Span | None:
        """The entity a whole earlier clause names; none in an appositive (, Luis Herrera,)."""
        key = (clause[0], -1)
        if key not in self._clause:
            found = self._in_clause(clause, clause[1], None)
            if found is not None and self._appositive(clause, found):
                found = None
            self._clause[key] = found
        return self._clause[key]

    def _appositive(self, clause: Span, name: Span) -> bool:
        """A name alone between two commas: the person a sentence names beside its subject."""
        commas = self.clean[clause[0] - 1 : clause[0]] in ",，" and self.clean[clause[1] : clause[1] + 1] in ",，"
        return commas and clause[0] > 0 and self.clean[clause[0] : clause[1]].strip() == self.clean[slice(*name)]

    def _in_clause(self, clause: Span, limit: int, baseline: Span | None) -> Span | None:
        """The last name before `limit` in the clause that can own a figure."""
        for name, kept in self._candidates(clause):
            if name[1] > limit or kept is None:
                continue
            if baseline and baseline[0] <= name[0] < baseline[1]:
                continue  # a name in the baseline is what the claim is compared with
            return kept
        return None

    def _candidates(self, clause: Span) -> list[tuple[Span, Span | None]]:
        """The clause's names, the last first, each with what it gives as an entity (None:
        it cannot own a figure); read once per clause, as its claims ask in turn."""
        if clause not in self._names_of:
            names = [*self.context._names(clause), *self._known_in(clause, clause[1])]
            opener = self.context._opening_run(clause)
            if opener is not None:
                names.append(opener)
            self._names_of[clause] = [(n, self._entity(n)) for n in sorted(set(names), reverse=True)]
        return self._names_of[clause]

    def _known_in(self, clause: Span, limit: int) -> list[Span]:
        """Known Han names written in the clause before `limit` (宏晶 in 宏晶半導體（6488）公布…)."""
        found = []
        for name in self._known(clause[0]):
            at = self.clean.rfind(name, clause[0], limit)
            if at >= 0:
                found.append((at, at + len(name)))
        return found

    def _known(self, position: int) -> list[str]:
        """Han names known at `position`: the lead's, and those its line writes before a ticker
        in brackets (宏晶半導體（6488）); the shorter of two that share a start (宏晶)."""
        line = self.clean.rfind("\n", 0, position) + 1
        if line in self._known_at:
            return self._known_at[line]
        if line not in self._declared:
            end = self.clean.find("\n", line)
            end = end if end >= 0 else len(self.clean)
            first = min((at for b in "（(" if (at := self.clean.find(b, line, end)) >= 0), default=end)
            found = {self._cut(m.group(1)) for m in _DECLARED.finditer(self.clean, max(line, first - _NAME_MOST), end)}
            self._declared[line] = [n for n in found if len(n) >= 2]
        names = set(self._declared[line])
        if self.lead_text and _HAN.match(self.lead_text) and line >= self.lead_from:
            names.add(self._cut(self.lead_text))
        known = sorted((n for n in names if not any(o != n and n.startswith(o) for o in names)), key=len, reverse=True)
        if self.lead_text is not None or not self._lead_pending:
            self._known_at[line] = known  # while the lead is looked for, the lead is not known yet
        return known

    def _in_paragraph(self, sentence: Span) -> Span | None:
        """The entity of an earlier sentence of the paragraph: of its line, as every line break
        ends the context a claim is read in (a text read in parts is cut at line breaks)."""
        start = sentence[0]
        for _ in range(_CARRY_SENTENCES):
            last = start - 1
            while last > 0 and self.clean[last] in " \t\u3000":
                last -= 1
            if last < 0 or self.clean[last] == "\n":
                return None
            previous = self.sentences.span_at(last)
            if previous[1] <= previous[0] or previous[0] >= start:
                return None
            found = self._sentence_entity(previous)
            if found is not None:
                return found
            start = previous[0]
        return None

    def _sentence_entity(self, sentence: Span) -> Span | None:
        """The first entity a sentence names, clause by clause."""
        if sentence[0] not in self._sentence:
            found, start = None, sentence[0]
            while found is None and start < sentence[1]:
                clause = self.context.clauses.of((start, start))
                found = self._clause_entity(clause)
                start = clause[1] + 1
            self._sentence[sentence[0]] = found
        return self._sentence[sentence[0]]

    def settle_lead(self) -> None:
        """The lead is looked for no more: what was read while it was unknown is read again."""
        self._lead_pending = False
        self._names_of.clear()
        self._clause.clear()
        self._sentence.clear()

    def first_name(self, reach: int) -> Span | None:
        """The first name of the text's first `reach` characters, line by line: a headline's
        markup (# , title:, <h1>) skipped, a byline passed over."""
        clean, fg = self.clean, self.fg
        limit = min(len(clean), reach)
        starts = line_starts(clean[:limit])
        ends = [*(s - 1 for s in starts[1:]), limit]
        for start, end in zip(starts, ends, strict=True):
            mark = fg.headline_mark.match(clean, start, end)
            body = mark.end() if mark and mark.end() > start else start
            if body >= end or fg.byline_start.match(clean, body, end):
                continue
            position = body
            while position < end:
                clause = self.context.clauses.of((position, position))
                clause = (max(clause[0], position), min(clause[1], end))
                marked = fg.headline_mark.match(clean, *clause)
                if marked and marked.end() > clause[0]:
                    clause = (marked.end(), clause[1])
                found = self._in_clause(clause, clause[1], None) if clause[0] < clause[1] else None
                if found is not None:
                    return found
                position = max(clause[1] + 1, position + 1)
        return None

    def _cut(self, name: str) -> str:
        """A Han run up to its first cue or verb word (宏晶預估 → 宏晶, 公司財測 → 公司)."""
        if name not in self._cuts:
            fg = self.fg
            patterns = (fg.not_in_names, fg.modality_cue.pattern, fg.basis_cue.pattern)
            cuts = [m.start() for p in patterns if (m := p.search(name))]
            self._cuts[name] = name[: min(cuts)] if cuts else name
        return self._cuts[name]

    def _entity(self, span: Span) -> Span | None:
        """The span as an entity, trimmed, or None when it cannot own a figure."""
        start, end = span
        text = self.clean[start:end]
        if self._in_brackets(start) or not text.strip() or self._in_dateline(start):
            return None
        if _HAN.match(text) and not _LATIN_LETTER.search(text):
            return self._han_entity(start, end)
        possessive = self.fg.possessive_end.search(text)
        if possessive is not None:
            end -= len(possessive.group())
            text = self.clean[start:end]
        if not text or text.lower() in self.fg.anaphors:
            return None
        if not any(c.isupper() or c.isdigit() for c in text):
            return None  # a lower-case phrase
        first = text.split()[0].lower()
        if first in self.context.rg.metric_words or text.lower() in self.context.rg.metric_words:
            return None
        if first in self.fg.metric_modifiers:
            return None
        if self._titled(start, text):
            return None
        if " " not in text and self._opens(start) and not self._proper(text, start):
            return None  # Employers, Comparable: capitals because the sentence starts
        return start, end

    def _han_entity(self, start: int, end: int) -> Span | None:
        text = self.clean[start:end]
        for name in self._known(start):
            if text.startswith(name):
                return start, start + len(name)
        text = self._cut(text)
        end = start + len(text)
        if len(text) < 2 or text in self.fg.anaphors or self.fg.not_name_start.match(text):
            return None
        if self.fg.modality_cue.pattern.match(text) or self.fg.basis_cue.pattern.match(text):
            return None  # 法人, 分析師: who estimates, not whose figure
        if self.fg.not_name_end.search(text) or self.context.rg.metrics.search(text):
            return None
        if self.fg.title_inside.search(text):
            return None
        return start, end

    def _opens(self, position: int) -> bool:
        """Whether a sentence, a line or an element (<p>, or its blanks in a prose-only copy)
        starts at `position`."""
        if self.context._opens_sentence(position) or self.clean[position - 1 : position] == ">":
            return True
        before = self.clean[max(0, position - _BLANK_REACH) : position].rstrip(" ")
        return len(before) < _BLANK_REACH - 1 and (not before or before[-1] in "\n.!?>")

    def _in_dateline(self, position: int) -> bool:
        line = self.clean.rfind("\n", 0, position) + 1
        if position - line > _DATELINE_REACH:
            return False
        dateline = self.fg.dateline.match(self.clean, line, min(len(self.clean), line + 2 * _DATELINE_REACH))
        return dateline is not None and position < dateline.end()

    def _in_brackets(self, position: int) -> bool:
        line = self.clean.rfind("\n", 0, position) + 1
        before = self.clean[max(line, position - 80) : position]
        for opener, closer in zip(self.fg.openers, self.fg.closers, strict=True):
            if before.rfind(opener) > before.rfind(closer):
                return True
        return False

    def _titled(self, start: int, text: str) -> bool:
        return bool(self.fg.title_inside.match(text)) or bool(
            self.fg.person_title_before.search(self.clean, max(0, start - 40), start)
        )

    def _proper(self, word: str, position: int) -> bool:
        if self.lead_text is not None and position >= self.lead_from and word in self.lead_text:
            return True
        return word in self.context._proper or word.isupper()
