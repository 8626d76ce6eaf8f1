"""Written precision: how finely a figure was written, read from the claim's own text.

33,662 is written to the unit (step 1); 50萬 to the 萬 (step 10000); 2.61億 to the
hundredth of an 億 (step 1000000); "1.5 million" to a tenth of a million. The step is the
place of the last written digit times the scale words after it. Small scales inside a
number written in words are its zeros: 二十 is twenty as exactly as 20 (step 1), 三千萬 is
3000萬 (step 1萬). A digit after a scale is shorthand for the next place down: 三千五 is
3500 written to the hundred, 兩萬三 23000 to the thousand.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from claimcheck.engine.han_numerals import parse_han
from claimcheck.engine.numbers import parse_arabic
from claimcheck.engine.word_numerals import parse_words
from claimcheck.rules.grammar import Grammar, grammar

_CORE_GROUPS = ("pctn", "num", "words")
_TOLERANCE = Decimal("1e-9")


def _arabic_run(text: str, i: int) -> int:
    j = i + 1
    while j < len(text) and (text[j].isdigit() or text[j] in ".,eE+- "):
        j += 1
    return j


def _han_tokens(core: str, g: Grammar) -> list[tuple[str, Decimal, str]]:
    """(kind, value, as written): a Arabic run, d digit, s small scale, l large scale, p point."""
    han = g.han_numerals
    tokens = []
    i = 0
    while i < len(core):
        char = core[i]
        if char.isdigit() and char.isascii() or char in "+-.":
            j = _arabic_run(core, i)
            tokens.append(("a", Decimal(0), core[i:j].strip()))
            i = j
            continue
        if han is not None and (char in han.digits or char in han.tens):
            tokens.append(("d", Decimal(han.digits.get(char, 0) or han.tens.get(char, 0)), char))
        elif han is not None and char in han.small_scales:
            tokens.append(("s", Decimal(han.small_scales[char]), char))
        elif han is not None and char in han.large_scales:
            tokens.append(("l", Decimal(han.large_scales[char]), char))
        elif han is not None and char in han.decimal_points:
            tokens.append(("p", Decimal(0), char))
        i += 1
    return tokens


def _arabic_place(written: str) -> Decimal:
    digits = written.replace(",", "").replace(" ", "").lower().split("e")[0]
    return Decimal(1).scaleb(-len(digits.partition(".")[2]))


def _han_step(core: str, g: Grammar) -> Decimal:
    tokens = _han_tokens(core, g)
    kinds = [kind for kind, _, _ in tokens]
    if "p" in kinds:
        point = kinds.index("p")
        decimals = 0
        last = point
        while last + 1 < len(tokens) and kinds[last + 1] in "ad":
            last += 1
            decimals += len(tokens[last][2].replace(",", ""))
        return Decimal(1).scaleb(-decimals) * _product(tokens[last + 1 :], small_too=True)
    digits = [i for i, kind in enumerate(kinds) if kind in "ad"]
    if not digits:
        return _product(tokens, small_too=False)  # 十萬: a one before the scales, unwritten
    last = digits[-1]
    kind, value, written = tokens[last]
    after = tokens[last + 1 :]
    place = _arabic_place(written) if kind == "a" else Decimal(1)
    single_digit = (kind == "d" and value < 10) or (kind == "a" and len(written) == 1)
    if not after and single_digit and last >= 1 and kinds[last - 1] in "sl":
        place = tokens[last - 1][1] / 10  # 三千五, 兩萬三
    return place * _product(after, small_too=kind == "a")


def _product(tokens: list[tuple[str, Decimal, str]], *, small_too: bool) -> Decimal:
    factor = Decimal(1)
    for kind, value, _ in tokens:
        if kind == "l" or (kind == "s" and small_too):
            factor *= value
    return factor


def _words_step(core: str, g: Grammar) -> Decimal:
    spelled = g.word_numerals
    words = core.lower().replace("-", " ").split()
    if spelled is None:
        return Decimal(1)
    if any(word in spelled.decimal_points for word in words):
        point = next(i for i, word in enumerate(words) if word in spelled.decimal_points)
        decimals = [w for w in words[point + 1 :] if w in spelled.words]
        following = words[point + 1 + len(decimals) :]
        return Decimal(1).scaleb(-len(decimals)) * _word_scales(following, g)
    numbers = [i for i, word in enumerate(words) if word in spelled.words]
    following = words[numbers[-1] + 1 :] if numbers else words
    return _word_scales(following, g)


def _word_scales(words: list[str], g: Grammar) -> Decimal:
    factor = Decimal(1)
    for word in words:
        if g.word_numerals is not None and word in g.word_numerals.large_scales:
            factor *= g.word_numerals.large_scales[word]
    return factor


def _scale_value(written: str | None, g: Grammar) -> Decimal:
    if not written:
        return Decimal(1)
    for form in (written, written.lower()):
        if form in g.scale_of:
            return Decimal(g.scale_of[form])
    factor = Decimal(1)
    for char in written:
        factor *= g.scale_of.get(char, 1)
    return factor


@dataclass(frozen=True)
class _Simple:
    pattern: re.Pattern[str]
    number_words: frozenset[str]


@cache
def _simple_figure() -> _Simple:
    """One run of digits, Chinese scales right after it, and words that are no numbers
    around it (33,662輛, 超2.61億公里, about 2,300 jobs): most figures, read without the
    whole grammar. Anything else (1.5 million, 兩萬三, 10至15萬) takes the grammar's way."""
    g = grammar()
    scales = "".join(g.han_scales)
    numerals = "".join(
        [
            *(g.han_numerals.digits if g.han_numerals else ()),
            *(g.han_numerals.tens if g.han_numerals else ()),
            *g.han_scales,
        ]
    )
    # Standard syntax only: the stdlib engine, quicker to call for a figure this short.
    pattern = re.compile(
        rf"(?P<before>[^\d{numerals}]*?)(?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
        rf"(?P<scale>[{scales}]*)(?P<after>(?:[^\d{numerals}.,]|[.,](?!\d))*)"
    )
    words = [*g.scale_of]
    if g.word_numerals is not None:
        words += [
            *g.word_numerals.words,
            *g.word_numerals.small_scales,
            *g.word_numerals.large_scales,
            *g.word_numerals.decimal_points,
        ]
    return _Simple(pattern, frozenset(word.lower() for word in words))


_WORD = re.compile(r"[a-z]+")


def _simple(clean: str, g: Grammar) -> tuple[Decimal, Decimal] | None:
    simple = _simple_figure()
    match = simple.pattern.fullmatch(clean)
    if match is None:
        return None
    around = f"{match.group('before')} {match.group('after')}".lower()
    if any(word in simple.number_words for word in _WORD.findall(around)):
        return None
    scale = Decimal(1)
    for char in match.group("scale"):
        scale *= g.han_scales[char]
    number = match.group("number")
    value = parse_arabic(number)
    return (_arabic_place(number) * scale, value * scale) if value is not None else None


def written_precision(text: str) -> tuple[Decimal, Decimal] | None:
    """(step, value) of the last number written in `text`, both with the scale words after it
    (超2.61億公里 → (1000000, 261000000)); None when no digits or number words are written
    (三分之一, a third, a couple), whose value is taken as exact."""
    g = grammar()
    clean = unicodedata.normalize("NFKC", text)
    simple = _simple(clean, g)
    return simple if simple is not None else _by_grammar(clean, g)


def _by_grammar(clean: str, g: Grammar) -> tuple[Decimal, Decimal] | None:
    """The last number the grammar reads in `clean`, with its scale: step and value."""
    found = None
    position = 0
    # The last number read with its tail (scale, unit): "million" after 1.5 is no number
    # of its own, and 半 after 三斤 no figure of its own.
    while (match := g.scan.search(clean, position)) is not None:
        group = next((name for name in _CORE_GROUPS if match.group(name)), None)
        end = match.end()
        if group is not None:
            tail = g.tail.match(clean, match.end(group))
            found = (match.group(group), tail.group("scale") if tail else None)
            end = max(end, tail.end() if tail else end)
        position = max(end, match.start() + 1)
    if found is None:
        return None
    core, scale_text = found
    scale = _scale_value(scale_text, g)
    if core[:1].isascii() and core[:1].isalpha():
        read = parse_words(core, g.word_numerals) if g.word_numerals else None
        step, value = _words_step(core, g), read[0] if read else None
    else:
        step, value = _han_step(core, g), parse_han(core, g.han_numerals) if g.han_numerals else parse_arabic(core)
    if value is None:
        return None
    return step * scale, value * scale


def claim_step(text: str, value: int | float | None) -> Decimal | None:
    """The step of a claim in the units of its value. A unit that multiplies the written
    number by a power of ten (兩成 → 20 percent, 3千米 → 3 km) scales the step with it."""
    written = written_precision(text)
    if written is None or value is None:
        return None
    step, written_value = written
    if written_value == 0:
        return step
    ratio = abs(Decimal(str(value)) / written_value)
    power = Decimal(1).scaleb(ratio.adjusted())
    if abs(ratio - power) <= power * _TOLERANCE:
        return step * power
    return step  # 三斤半, 一個小時三十分鐘: the figure is not the written number times a scale
