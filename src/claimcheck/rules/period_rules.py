"""How periods are read (periods.toml [reading]) and how a claim's own period is found and
resolved (periods.toml [frame]): every language's tables and the common one, compiled once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from claimcheck.errors import RulesError
from claimcheck.rules.folding import fold
from claimcheck.rules.languages import COMMON, folder, language, languages

_FILE = "periods.toml"
_SPACE = r"[^\S\n]"  # a blank that is not a line break: no period reaches across lines


def _compile(pattern: str, where: str) -> regex.Pattern[str]:
    try:
        return regex.compile(pattern)
    except regex.error as exc:
        raise RulesError(f"{where}: {exc}") from None


def _label(code: str) -> str:
    return folder(code).file(_FILE).label


def _codes() -> tuple[str, ...]:
    return (COMMON, *languages())


def _words(words: list[str]) -> str:
    """An alternation of words, longest first; words that start or end with a letter are whole words."""
    pieces = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        piece = regex.escape(word)
        if word[:1].isascii() and word[:1].isalnum():
            piece = r"\b" + piece
        if word[-1:].isascii() and word[-1:].isalnum():
            piece += r"\b"
        pieces.append(piece)
    return "|".join(pieces) or "(?!)"


@cache
def reading_patterns() -> tuple[regex.Pattern[str], ...]:
    """The common patterns, each language's, then the common last ones: the first to set a field wins."""
    common = language(COMMON).reading
    found = [_compile(p, f"{_label(COMMON)}: entry reading.patterns.{i}") for i, p in enumerate(common.patterns)]
    for code in languages():
        patterns = language(code).reading.patterns
        found += [_compile(p, f"{_label(code)}: entry reading.patterns.{i}") for i, p in enumerate(patterns)]
    last = common.last_patterns
    found += [_compile(p, f"{_label(COMMON)}: entry reading.last_patterns.{i}") for i, p in enumerate(last)]
    return tuple(found)


@cache
def reading_words() -> dict[str, int]:
    return {k: v for code in _codes() for k, v in language(code).reading.words.items()}


@cache
def span_separator() -> regex.Pattern[str]:
    """Between the two ends of a span: 2025-01/2025-11, 2025年1月至11月, "January to March"."""
    tables = [language(code).reading for code in _codes()]
    for code, table in zip(_codes(), tables, strict=True):
        for i, pattern in enumerate(table.span_patterns):
            _compile(pattern, f"{_label(code)}: entry reading.span_patterns.{i}")
    words = [w for t in tables for w in t.span_words]
    latin = [rf"\b{regex.escape(w)}\b" for w in words if w[:1].isascii() and w[:1].isalpha()]
    other = [regex.escape(w) for w in words if not (w[:1].isascii() and w[:1].isalpha())]
    pieces = [p for t in tables for p in t.span_patterns] + other + latin
    return _compile(rf"\s*(?:{'|'.join(pieces) or '(?!)'})\s*(?=\S)", "span of a period")


@dataclass(frozen=True)
class Relative:
    """What a relative word stands for: an anchor (year, half, quarter, month, day, carried,
    to date, unknown) and an offset (in years for `carried`)."""

    anchor: str
    offset: int = 0


@dataclass(frozen=True)
class FrameRules:
    phrases: regex.Pattern[str]  # periods the time patterns miss, on the clean text
    relative: regex.Pattern[str]  # relative words, on folded text
    meaning: dict[str, Relative]  # folded word → what it stands for
    joiner: regex.Pattern[str]  # matches the whole gap between two pieces of one period
    baseline_cue: regex.Pattern[str]  # ends where a baseline time begins (search with endpos)
    after_link: regex.Pattern[str]  # matches the whole gap between a figure and its period after it
    baseline_figure_link: regex.Pattern[str]  # the whole gap between a baseline time and its own figure
    forward_cue: regex.Pattern[str]  # ends where a period looked forward to begins ("by" December)


def _meaning(written: str) -> Relative:
    for sign in "+-":
        anchor, found, offset = written.partition(sign)
        if found:
            return Relative(anchor, int(sign + offset))
    return Relative(written)


@cache
def frame_rules() -> FrameRules:
    tables = {code: language(code).frame for code in _codes()}
    phrases = []
    for code, table in tables.items():
        for i, pattern in enumerate(table.patterns):
            phrases.append(_compile(pattern, f"{_label(code)}: entry frame.patterns.{i}").pattern)
    meaning: dict[str, Relative] = {}
    for table in tables.values():
        for word, written in table.words.items():
            meaning[fold(word)] = _meaning(written)
    joiners = [w for t in tables.values() for w in t.joiners]
    cues = [w for t in tables.values() for w in t.baseline_cues]
    links = [w for t in tables.values() for w in t.after_links]
    figure_links = [w for t in tables.values() for w in t.baseline_figure_links]
    forward = [w for t in tables.values() for w in t.forward_cues]
    # A figure may stand between a cue and its time ("from 30,000 last year"): up to two
    # words, each after a space, so that a language written without spaces takes the time
    # right after the cue only.
    between = r"(?:[^\S\n]+(?:[^\s,;:，；：。]|(?<=\d),(?=\d))+){0,2}"
    return FrameRules(
        phrases=regex.compile("|".join(f"(?:{p})" for p in phrases) or "(?!)"),
        relative=regex.compile(_words(list(meaning))),
        meaning=meaning,
        joiner=regex.compile(rf"(?i:{_SPACE}*(?:(?:{_words(joiners)}){_SPACE}*)?\Z)"),
        baseline_cue=regex.compile(rf"(?i:(?:{_words(cues)}){between}{_SPACE}*\Z)"),
        after_link=regex.compile(rf"(?i:{_SPACE}*(?:{_words(links)}){_SPACE}+\Z)"),
        baseline_figure_link=regex.compile(rf"(?i:{_SPACE}*(?:{_words(figure_links)}){_SPACE}*\Z)"),
        forward_cue=regex.compile(rf"(?i:(?:{_words(forward)}){_SPACE}*\Z)"),
    )
