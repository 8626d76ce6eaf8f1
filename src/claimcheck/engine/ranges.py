"""Two figures with their scale or unit written twice make one range: "$12.1 billion to
$12.4 billion", "between 4% and 4.3%", 150億美元至158億美元. (A figure whose second end carries
the unit alone, 12.1 to 12.4 billion dollars, 150億至158億美元, is read as one by tail.py; so
are two ends scaled, with or without a unit after the second: 2 million to 3 million tonnes,
48.6 billion to 49.0 billion, as a table's cell writes a range.)

Between the two only a separator of rules/<lang>/qualifiers.toml [ranges] may stand, "and"
only after "between"; both ends have the same currency, unit and percent sign. "X to Y" after
a change verb or a word of `moves_before` is a move from one level to another ("rose from 4.1%
to 4.3%"), not a range, unless a word of `earlier` follows ("from $11.8 billion to $12.2 billion
previously": the earlier range of a revised forecast, one range claim of its own).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import regex

from claimcheck import rules
from claimcheck.engine.quantity import Quantity
from claimcheck.rules.grammar import Grammar
from claimcheck.rules.word_patterns import any_word, back_words, is_latin

_REACH = 24  # how far before the first end a move word is looked for
_SENTENCE_REACH = 200  # how far back in its sentence a change is looked for before "from"
_SENTENCE_STOP = regex.compile(r"(?r)[.;!?](?=\s)|\n")


@dataclass(frozen=True, slots=True)
class RangeWords:
    separators: frozenset[str]
    between_separators: frozenset[str]
    between: frozenset[str]
    move_before: regex.Pattern[str]
    earlier_after: regex.Pattern[str]
    from_before: regex.Pattern[str]
    change_word: regex.Pattern[str]


@cache
def range_words(languages: tuple[str, ...]) -> RangeWords:
    tables = [rules.language(lang).ranges for lang in languages]
    relations = [rules.relations(lang).comparison for lang in languages]
    moves = [w for t in tables for w in t.moves_before] + [w for c in relations for w in (*c.up, *c.down)]
    earlier = [w for t in tables for w in t.earlier]
    froms = [w for t in tables for w in t.moves_before if is_latin(w)]
    changes = [w for c in relations for w in (*c.up, *c.down) if is_latin(w)]
    return RangeWords(
        separators=frozenset(s for t in tables for s in t.separators),
        between_separators=frozenset(s for t in tables for s in t.between_separators),
        between=frozenset(w.lower() for t in tables for w in t.between),
        move_before=regex.compile(f"(?r)(?:{back_words(moves)})\\s?\\Z" if moves else "(?!)"),
        earlier_after=regex.compile(f"\\s?(?:{any_word(earlier)})" if earlier else "(?!)"),
        from_before=regex.compile(f"(?r)(?:{back_words(froms)})\\s\\Z" if froms else "(?!)"),
        change_word=regex.compile(f"(?:{any_word(changes)})" if changes else "(?!)"),
    )


def _same_measure(a: Quantity, b: Quantity) -> bool:
    if a.value_max is not None or b.value_max is not None or b.qualifier != "exact":
        return False
    if a.percent != b.percent or a.currency != b.currency or a.scaled != b.scaled:
        return False
    if a.unit is None and not a.percent and a.currency is None:
        # bare numbers: tail.py reads "5 to 10" already, with its guards; two scaled ones
        # (48.6 billion to 49.0 billion) are a range, with the unit written after the second
        return a.scaled and b.scaled and not b.percent and b.currency is None
    return (a.unit.canonical if a.unit else None) == (b.unit.canonical if b.unit else None)


def _separator(text: str, a: Quantity, b: Quantity, words: RangeWords) -> str | None:
    gap = text[a.end : b.start]
    if len(gap) > 12 or "\n" in gap:
        return None
    sep = gap.strip()
    between = a.qualifier_text is not None and a.qualifier_text.lower() in words.between
    if sep in words.separators or (between and sep in words.between_separators):
        return sep
    return None


def join_ranges(text: str, claims: list[Quantity], g: Grammar) -> list[Quantity]:
    """The claims, each pair of neighbours that is one range joined into the first."""
    words = range_words(g.languages)
    joined: list[Quantity] = []
    for q in claims:
        a = joined[-1] if joined else None
        sep = _separator(text, a, q, words) if a is not None else None
        if sep is not None and _same_measure(a, q) and not _moves(text, a, q, sep, words):
            a.value_max = q.value
            a.qualifier, a.qualifier_text = "range", sep
            if a.unit is None:
                a.unit, a.unit_text = q.unit, q.unit_text
            a.end = q.end
            continue
        joined.append(q)
    return joined


def _moves(text: str, a: Quantity, b: Quantity, sep: str, words: RangeWords) -> bool:
    """Whether "a to b" is a move from one level to another, not a range."""
    if not is_latin(sep) or (a.qualifier_text or "").lower() in words.between:
        return False
    if words.move_before.search(text, max(0, a.start - _REACH), a.start) is None:
        return False
    return words.earlier_after.match(text, b.end) is None


def moves_from(text: str, start: int, sep: str, languages: tuple[str, ...]) -> bool:
    """Whether bare "from X to Y" at `start` follows a change stated earlier in its sentence
    ("a rise of 8% this year, from 41,200 to 44,496"): the change's two levels, not a range."""
    words = range_words(languages)
    if not is_latin(sep) or words.from_before.search(text, max(0, start - _REACH), start) is None:
        return False
    stop = _SENTENCE_STOP.search(text, max(0, start - _SENTENCE_REACH), start)
    return words.change_word.search(text, stop.end() if stop else max(0, start - _SENTENCE_REACH), start) is not None


def moves_to(text: str, start: int, sep: str, languages: tuple[str, ...]) -> bool:
    """Whether "X to $Y" at `start`, the currency written again, follows a change verb ("faded
    $7.40 to $1,839.80"): the change and the level it reached, not a range."""
    words = range_words(languages)
    while start > 0 and unicodedata.category(text[start - 1]) == "Sc":
        start -= 1  # the first figure's currency sign, not yet read into it
    return is_latin(sep) and words.move_before.search(text, max(0, start - _REACH), start) is not None
