"""Chinese numerals (numerals = "han"), alone or mixed with Arabic digits: 兩萬三千, 2.61億,
100万三千, 一點五. The characters and their values are the language's numerals.toml."""

from __future__ import annotations

from decimal import Decimal

from claimcheck.engine.numbers import parse_arabic
from claimcheck.rules.schema import HanNumerals

_ASCII_DIGITS = frozenset("0123456789")


def _tokens(text: str, han: HanNumerals) -> list[tuple[str, Decimal]] | None:
    """Split into (type, value): d digit(s), t tens (廿), s small scale, l large scale, p point."""
    tokens: list[tuple[str, Decimal]] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char in han.digit_points and i + 1 < len(text) and text[i + 1] in han.digits:
            tokens.append(("p", Decimal(0)))
            i += 1
            continue
        if char in _ASCII_DIGITS or char == "." or (char in "+-" and i == 0):
            j = i + 1
            while j < len(text) and (
                text[j] in _ASCII_DIGITS or text[j] in ".,eE " or (text[j] in "+-" and text[j - 1] in "eE")
            ):
                j += 1
            value = parse_arabic(text[i:j])
            if value is None:
                return None
            tokens.append(("d", value))
            i = j
            continue
        if char in han.digits:
            tokens.append(("d", Decimal(han.digits[char])))
        elif char in han.tens:
            tokens.append(("t", Decimal(han.tens[char])))
        elif char in han.small_scales:
            tokens.append(("s", Decimal(han.small_scales[char])))
        elif char in han.large_scales:
            tokens.append(("l", Decimal(han.large_scales[char])))
        elif char in han.decimal_points:
            tokens.append(("p", Decimal(0)))
        else:
            return None
        i += 1
    return tokens


def _digit_runs(tokens: list[tuple[str, Decimal]]) -> list[tuple[str, Decimal]]:
    """Runs of three or more single digits between large scales, read digit by digit (the
    language's digits_one_by_one: 一八九四萬四四三六 is 1894萬4436). With a small scale anywhere
    the numeral is read as said."""
    if any(kind in "stp" for kind, _ in tokens) or not any(kind == "l" for kind, _ in tokens):
        return tokens
    out: list[tuple[str, Decimal]] = []
    run: list[Decimal] = []
    for kind, value in [*tokens, ("l", Decimal(0))]:
        if kind == "d" and value < 10 and value == int(value):
            run.append(value)
            continue
        if len(run) >= 3:
            out.append(("d", Decimal("".join(str(int(digit)) for digit in run))))
        else:
            out += [("d", digit) for digit in run]
        run = []
        out.append((kind, value))
    return out[:-1]


def _integer(tokens: list[tuple[str, Decimal]], one_by_one: bool = False) -> Decimal | None:
    if not tokens:
        return None
    if one_by_one:
        tokens = _digit_runs(tokens)
    kinds = [kind for kind, _ in tokens]
    if all(kind == "d" for kind in kinds):
        if len(tokens) == 1:
            return tokens[0][1]
        if len(tokens) == 2 and tokens[0][1] == 0:
            return tokens[1][1]  # 兩年零三個月: the 零 only joins
        # 二〇二五: digit by digit, only for runs of single digits long enough to be read so.
        if len(tokens) >= 3 and all(value < 10 and value == int(value) for _, value in tokens):
            return Decimal("".join(str(int(value)) for _, value in tokens))
        return None
    total = Decimal(0)
    section = Decimal(0)
    number: Decimal | None = None
    previous: str | None = None
    for index, (kind, value) in enumerate(tokens):
        if kind == "d":
            if previous == "d" and number != 0:
                return None
            number = value
        elif kind == "t":
            if number:  # 卅 after a digit is malformed; after 零 (一萬零卌) it is fine
                return None
            number = None
            section += value
        elif kind == "s":
            if number is None:
                if previous not in (None, "l") and not _tens_after_larger(tokens, index):
                    return None
                number = Decimal(1)
            elif number == 0:
                if index == 1 and value != 10:
                    return None  # 零百: a zero cannot lead a scale (零十五 is fifteen)
                number = Decimal(1)  # 一千零十: the zero only marks a gap
            section += number * value
            number = None
        elif kind == "l":
            if number is not None:
                if previous == "d" and index >= 2 and tokens[index - 2][0] == "s":
                    number *= tokens[index - 2][1] / 10  # 百二萬: the 二 is 二十
                section += number
                number = None
            if section == 0 and total == 0:
                return None
            if total < value or previous == "l":  # 萬億, 萬萬: scales in a row multiply
                total = (total + section) * value
            else:
                total += section * value
            section = Decimal(0)
        previous = kind
    if number is not None:
        before = tokens[-2] if len(tokens) >= 2 else None
        if before is not None and before[0] in "sl" and number < 10:
            number *= before[1] / 10  # 三千五 is 3500, 兩萬五 is 25000
        section += number
    return total + section


def _tens_after_larger(tokens: list[tuple[str, Decimal]], index: int) -> bool:
    """一百十一: 十 straight after a counted larger scale is 一十 (111), as it is said.
    百十 alone is "a hundred or so" and stays unread."""
    kind, value = tokens[index - 1]
    return kind == "s" and value > 10 and tokens[index][1] == 10 and index >= 2 and tokens[index - 2][0] == "d"


def parse_han(text: str, han: HanNumerals) -> Decimal | None:
    """Chinese numerals, Arabic digits, or both mixed: 兩萬三千, 2.61億, 100万三千, 一點五."""
    tokens = _tokens(text, han)
    if not tokens:
        return None
    if ("p", Decimal(0)) not in tokens:
        one_by_one = all(char in han.digits_one_by_one for char in text if char in han.digits)
        return _integer(tokens, one_by_one)
    point = tokens.index(("p", Decimal(0)))
    whole = _integer(tokens[:point])
    rest = tokens[point + 1 :]
    digits = []
    while rest and rest[0][0] == "d":
        digits.append(rest.pop(0)[1])
    if whole is None or not digits or any(kind != "l" and kind != "s" for kind, _ in rest):
        return None
    fraction = Decimal("0." + "".join(str(int(d)) if d < 10 else str(d) for d in digits))
    value = whole + fraction
    for _, scale in rest:
        value *= scale
    return value


def parse_han_span(text: str, han: HanNumerals) -> tuple[Decimal, Decimal] | None:
    """Two digits in a row, the second one more than the first, are an approximate span:
    五六十億 is 50億 to 60億, 三四 (成) 3 to 4, 十七八 17 to 18. Not from 一 (略知一二)."""
    for i in range(len(text) - 1):
        low, high = han.digits.get(text[i]), han.digits.get(text[i + 1])
        if low is not None and high is not None and low >= 2 and high == low + 1 and text[i + 1] not in "兩两":
            first = parse_han(text[: i + 1] + text[i + 2 :], han)
            second = parse_han(text[:i] + text[i + 1 :], han)
            if first is not None and second is not None and first < second:
                return first, second
            return None
    return None
