"""Values of written numbers: Arabic, Chinese numerals, mixed (2.61億) and English words.

Every parser returns a Decimal, or None when the text is not a well-formed number
(零百, 一一, "one two"), so that a caller can drop it rather than guess.
"""

from __future__ import annotations

from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal, DivisionByZero, InvalidOperation, localcontext

from claimcheck.rules import EnNumerals, ZhNumerals

_ASCII_DIGITS = frozenset("0123456789")
# Arithmetic on written numbers: the default precision, but no exponent limit, so that
# 1e999999999 billion or a run of 萬萬萬… is a (huge) number rather than a decimal.Overflow.
_UNBOUNDED = Context(Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[InvalidOperation, DivisionByZero])


def number_arithmetic():
    """A context for reading numbers in: `with number_arithmetic(): ...`."""
    return localcontext(_UNBOUNDED)


def parse_arabic(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "").replace(" ", ""))
    except InvalidOperation:
        return None


def _zh_tokens(text: str, zh: ZhNumerals) -> list[tuple[str, Decimal]] | None:
    """Split into (type, value): d digit(s), t tens (廿), s small scale, l large scale, p point."""
    tokens: list[tuple[str, Decimal]] = []
    i = 0
    while i < len(text):
        char = text[i]
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
        if char in zh.digits:
            tokens.append(("d", Decimal(zh.digits[char])))
        elif char in zh.tens:
            tokens.append(("t", Decimal(zh.tens[char])))
        elif char in zh.small_scales:
            tokens.append(("s", Decimal(zh.small_scales[char])))
        elif char in zh.large_scales:
            tokens.append(("l", Decimal(zh.large_scales[char])))
        elif char in zh.decimal_points:
            tokens.append(("p", Decimal(0)))
        else:
            return None
        i += 1
    return tokens


def _zh_integer(tokens: list[tuple[str, Decimal]]) -> Decimal | None:
    if not tokens:
        return None
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


def parse_zh(text: str, zh: ZhNumerals) -> Decimal | None:
    """Chinese numerals, Arabic digits, or both mixed: 兩萬三千, 2.61億, 100万三千, 一點五."""
    tokens = _zh_tokens(text, zh)
    if not tokens:
        return None
    if ("p", Decimal(0)) not in tokens:
        return _zh_integer(tokens)
    point = tokens.index(("p", Decimal(0)))
    whole = _zh_integer(tokens[:point])
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


def _en_decimals(words: list[tuple[str, int]], en: EnNumerals) -> tuple[Decimal, int] | None:
    """The part after "point": digit words one by one ("zero three" → .03), or one number."""
    digits = []
    used = 0
    for word, end in words:
        if word in en.words and en.words[word] < 10:
            digits.append(str(en.words[word]))
            used = end
        else:
            break
    if digits:
        return Decimal("0." + "".join(digits)), used
    if not words:
        return None
    read = parse_en(" ".join(word for word, _ in words), en)
    if read is None:
        return None
    whole = str(int(read[0]))
    return Decimal("0." + whole), words[0][1] - len(words[0][0]) + read[1]


def parse_en(text: str, en: EnNumerals) -> tuple[Decimal, int] | None:
    """English number words. Returns the value and how many characters of text it used.

    Reads as far as the words form one number: "two hundred and five" → 205;
    "one two" stops after "one".
    """
    words: list[tuple[str, int]] = []
    position = 0
    for piece in text.replace("-", " ").split(" "):
        if piece:
            words.append((piece.lower(), position + len(piece)))
        position += len(piece) + 1
    total = Decimal(0)
    current: Decimal | None = None
    last_kind: str | None = None
    used = 0
    value: Decimal | None = None
    since_hundred = Decimal(0)
    for index, (word, end) in enumerate(words):
        if word in en.joiners and last_kind in ("hundred", "large"):
            continue
        if word in en.decimal_points and value is not None:
            fraction = _en_decimals(words[index + 1 :], en)
            if fraction is None:
                break
            digits, used = fraction
            value = total + (current or 0) + digits
            return value, used
        if word in en.article and index == 0:
            current = Decimal(1)
            last_kind = "article"
            continue
        if word in en.words:
            number = Decimal(en.words[word])
            if word in en.multipliers:
                # three hundred and two dozen: the dozens are the last group's, 300 + 24
                group = since_hundred if last_kind in ("unit", "tens") else (current or Decimal(1))
                current = (current or Decimal(0)) - (group if current else 0) + group * number
                last_kind = "large"
            elif current is None or last_kind in ("hundred", "large"):
                current = (current or Decimal(0)) + number
                since_hundred = number
                last_kind = "tens" if number >= 20 and number % 10 == 0 else "unit"
            elif last_kind == "tens" and number < 10:
                current += number
                since_hundred += number
                last_kind = "unit"
            else:
                break
        elif word in en.small_scales:
            if last_kind == "hundred":
                break
            current = (current or Decimal(1)) * en.small_scales[word]
            last_kind = "hundred"
        elif word in en.large_scales and last_kind == "large" and current is None:
            total *= en.large_scales[word]  # "three thousand millions", "three lakh crore"
        elif word in en.large_scales:
            total += (current or Decimal(1)) * en.large_scales[word]
            current = None
            last_kind = "large"
        else:
            break
        value = total + (current or 0)
        used = end
    if value is None:
        return None
    return value, used
