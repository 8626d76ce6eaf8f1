"""Numbers written in words (numerals = "words"): "two hundred and five", "three lakh",
"five point five". The words and their values are the language's numerals.toml."""

from __future__ import annotations

from decimal import Decimal

from claimcheck.rules.schema import WordNumerals


def _decimals(words: list[tuple[str, int]], numerals: WordNumerals) -> tuple[Decimal, int] | None:
    """The part after "point": digit words one by one ("zero three" → .03), or one number."""
    digits = []
    used = 0
    for word, end in words:
        if word in numerals.words and numerals.words[word] < 10:
            digits.append(str(numerals.words[word]))
            used = end
        else:
            break
    if digits:
        return Decimal("0." + "".join(digits)), used
    if not words:
        return None
    read = parse_words(" ".join(word for word, _ in words), numerals)
    if read is None:
        return None
    whole = str(int(read[0]))
    return Decimal("0." + whole), words[0][1] - len(words[0][0]) + read[1]


def parse_words(text: str, numerals: WordNumerals) -> tuple[Decimal, int] | None:
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
        if word in numerals.joiners and last_kind in ("hundred", "large"):
            continue
        if word in numerals.decimal_points and value is not None:
            fraction = _decimals(words[index + 1 :], numerals)
            if fraction is None:
                break
            digits, used = fraction
            value = total + (current or 0) + digits
            return value, used
        if word in numerals.article and index == 0:
            current = Decimal(1)
            last_kind = "article"
            continue
        if word in numerals.words:
            number = Decimal(numerals.words[word])
            if word in numerals.multipliers:
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
        elif word in numerals.small_scales:
            if last_kind == "hundred":
                break
            current = (current or Decimal(1)) * numerals.small_scales[word]
            last_kind = "hundred"
        elif word in numerals.large_scales and last_kind == "large" and current is None:
            total *= numerals.large_scales[word]  # "three thousand millions", "three lakh crore"
        elif word in numerals.large_scales:
            total += (current or Decimal(1)) * numerals.large_scales[word]
            current = None
            last_kind = "large"
        else:
            break
        value = total + (current or 0)
        used = end
    if value is None:
        return None
    return value, used
