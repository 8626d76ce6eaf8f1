"""One pass of the scanner over a normalized text: every number it finds, read, with the reason
it is not a claim (None if it is), and the claims among them with their compounds joined."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from claimcheck import rules
from claimcheck.engine.attach import read_quantity
from claimcheck.engine.before import read_before
from claimcheck.engine.classify import ONE_WITH_A_DURATION, late_rejection, rejection
from claimcheck.engine.compound import join_compounds
from claimcheck.engine.quantity import Quantity
from claimcheck.engine.ranges import join_ranges
from claimcheck.engine.raw_claim import Spans
from claimcheck.engine.tail import currency_glued
from claimcheck.rules.grammar import grammar
from claimcheck.text import data_blocks
from claimcheck.text.normalize import Normalized, normalize


def languages_of(lang: str | None) -> tuple[str, ...]:
    known = rules.languages()
    if lang in (None, "auto"):
        return known
    if lang not in known:
        raise ValueError(f"unknown language {lang!r}: use auto, {', '.join(known)}")
    return (lang,)


INSIDE_A_DATE = "inside a date or period"
INSIDE_A_TRAP = "inside a trap (code, idiom, phone, URL, enumeration…)"


@dataclass(slots=True)
class Pass:
    """One pass of the engine over a text: every reading, and the claims among them."""

    norm: Normalized
    times: list[tuple[int, int]]
    hidden: Spans  # where a trap hides words as well as numbers (the first step, a top-10 list)
    readings: list[tuple[Quantity, str | None]]
    claims: list[Quantity]


def read_pass(text: str, lang: str | None, every: bool = False) -> Pass:
    g = grammar(languages_of(lang))
    data = data_blocks.find(text)
    norm = normalize(data_blocks.blank(text, data) if data else text)
    times = [span for spans in g.times.spans(norm.text) for span in spans]
    trap_spans = zip(g.traps.patterns, g.traps.spans(norm.text), strict=True)
    found = [(pattern.hides_words, span) for pattern, spans in trap_spans for span in spans]
    traps = Spans(span for _, span in found)
    pairs = list(_readings(norm.text, g, times, traps, every=every))
    joinable = [(q, reason) for q, reason in pairs if reason in (None, ONE_WITH_A_DURATION)]
    claims = join_ranges(norm.text, join_compounds(norm.text, joinable, g), g)
    return Pass(norm, times, Spans(span for words, span in found if words), pairs, claims)


def _readings(clean: str, g, times: list[tuple[int, int]], traps: Spans, every: bool = True):
    """Every number the scanner finds, with the reason it is not a claim (None if it is).

    Years and days of the month found on the way are added to `times`. every=False leaves
    out, unread, the numbers that a trap covers or a letter touches (codes) when no currency
    code stands against them: a megabyte of `1e1e1e…` is then a pass of the scanner, not half
    a million readings.
    """
    time_spans = Spans(times)
    glue = _glue_words(g.languages)
    position = floor = 0
    unread_to = 0  # the end of a run of letters and digits left unread
    while (match := g.scan.search(clean, position)) is not None:
        position = match.end()
        unread = None
        if match.lastgroup in _PLAIN and time_spans.overlaps(match.start(), match.start() + 1):
            unread = INSIDE_A_DATE  # its reading would start inside a date
        elif match.start() < unread_to or _left_unread(clean, match.start(), position, traps, glue):
            # So is every number later in the same run of letters and digits: a letter
            # stands against each.
            unread_to = max(unread_to, _ALPHANUMERIC_RUN.match(clean, position).end())
            unread = INSIDE_A_TRAP
        if unread is not None:
            if unread == INSIDE_A_TRAP:
                position = min(position, unread_to) if every else unread_to
            if every and (q := read_quantity(clean, match, g)) is not None:
                yield q, unread  # listed with why it is left unread; never a claim, as without `every`
            continue
        q = read_quantity(clean, match, g)
        if q is None:
            if _word_before_numeral(clean, match, g):
                position = match.start() + 1  # 中國大陸三二三萬: read again after 陸
            continue
        if time_spans.overlaps(q.number_start, q.number_end):
            yield q, INSIDE_A_DATE
            continue
        if traps.overlaps(q.number_start, q.number_end) and not currency_glued(clean, q, g):
            yield q, INSIDE_A_TRAP
            continue
        rejected = rejection(clean, q, g)
        if rejected is not None:
            if rejected.is_time:
                times.append((q.start, q.end))
            yield q, rejected.reason
            continue
        read_before(clean, q, g, floor=floor)
        rejected = late_rejection(clean, q, g)
        if rejected is not None:
            yield q, rejected.reason
            continue
        yield q, None
        position = floor = max(q.end, match.end())


_DIGITS = frozenset("0123456789")
_PLAIN = frozenset({"num", "words"})  # scan branches whose number starts where the match does
# A run of letters and digits, with the digit groups of a number in it (the ,000 of 第一1,000).
_ALPHANUMERIC_RUN = regex.compile("(?:[A-Za-z0-9]|[,.](?=[0-9]))*+")
_LETTER = regex.compile("[A-Za-z]")
_GLUE_REACH = 12


def _word_before_numeral(clean: str, match, g) -> bool:
    """Whether an unread numeral starts with a formal digit, no figure alone and never one of
    digits written one by one: it ends a word (大陸, 隊伍) and the numeral after it is read on
    its own. (一六年 of 二○一四、一六年 stays unread: 一 is an ordinary digit.)"""
    han = g.han_numerals
    if han is None or match.end() - match.start() < 2:
        return False
    first = clean[match.start()]
    return first in han.not_figures_alone and first not in han.digits_one_by_one


def _left_unread(text: str, start: int, end: int, traps: Spans, glue: tuple[str, ...]) -> bool:
    """Whether reading the number at text[start:end] would end in a trap or a code (A320,
    1e1e…, 百分之百): a trap covers it, or a letter touches it when it begins with a digit,
    and no currency code or negative word (USD3) can stand against it."""
    if text[start] in _DIGITS:
        if not (traps.covers(start, end) or _glued(text, start)):
            return False
    elif not traps.covers(start, end) or _LETTER.search(text, max(0, start - 1), end):
        return False
    return not text.endswith(glue, max(0, start - _GLUE_REACH), start)


def _glued(text: str, start: int) -> bool:
    """A letter (or a letter and a hyphen) against the number: classify calls it a code."""
    before = text[start - 1 : start]
    if before == "-":
        before = text[start - 2 : start - 1]
    return before.isascii() and before.isalpha()


@cache
def _glue_words(languages: tuple[str, ...]) -> tuple[str, ...]:
    """Words that may stand against a number in a trap and still make it a figure (USD3)."""
    words = [*grammar(languages).currency_of]
    words += [w for lang in languages for w in rules.language(lang).negative_prefixes]
    return tuple(w for w in words if w[-1:].isascii() and w[-1:].isalpha())
