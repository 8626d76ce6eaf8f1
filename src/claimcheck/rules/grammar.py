"""Compile the rule tables of one or more languages into the patterns the engine runs.

Everything here is derived from rules/*.toml; nothing language-specific is written in code.
Alternations are built longest form first, so 超過 is tried before 超 and km² before km.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import regex

from claimcheck import rules
from claimcheck.rules import EnNumerals, LanguageRules, Trap, Unit, ZhNumerals
from claimcheck.rules.one_line import same_line

# Arabic numbers: 33,662.5 / 10 000 / 33662 / 1.5e3 / .75
ARABIC = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:[ ]\d{3})+(?:\.\d+)?(?![\d,]|\.\d)"
    r"|\d+(?:\.\d+)?(?:[eE][-+]?\d+(?![A-Za-z]))?"
    r"|(?<![\d.])\.\d+)"
)
SIGN = r"(?:(?<![A-Za-z0-9.\-/])[-+](?=\.?\d))?"
GAP = r"[ ]{0,2}"


def alternation(words, *, ascii_boundary: bool = True, case_insensitive_words: bool = False) -> str:
    """One regex alternative per word, longest first.

    Words that start or end with an ASCII letter get a guard on that side, so "over" is
    not found inside "cover" and "m" not inside "men". Lower-case words of three or more
    letters match in any case when asked.
    """
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        piece = regex.escape(word)
        if case_insensitive_words and len(word) >= 3 and word.islower():
            piece = f"(?i:{piece})"
        if ascii_boundary and word[:1].isascii() and word[:1].isalpha():
            piece = r"(?<![A-Za-z])" + piece
        if ascii_boundary and word[-1:].isascii() and word[-1:].isalpha():
            piece += r"(?![A-Za-z])"
        parts.append(piece)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


@dataclass(frozen=True)
class UnitInfo:
    form: str
    kind: str
    canonical: str | None
    factor: float
    factor_below: float | None
    add: float
    classifier: bool
    tenths: bool = False
    digits_one_by_one: bool = False
    position: str = "any"


@dataclass(frozen=True)
class Grammar:
    """The compiled rules for a set of languages."""

    languages: tuple[str, ...]
    scan: regex.Pattern[str]
    tail: regex.Pattern[str]
    tail_between: regex.Pattern[str]
    range_after_unit: regex.Pattern[str]
    before: regex.Pattern[str]
    before_ends: frozenset[str]
    traps: tuple[regex.Pattern[str], ...]
    times: tuple[regex.Pattern[str], ...]
    unit_at: regex.Pattern[str]
    tail_first_chars: frozenset[str]
    units: dict[str, UnitInfo]
    units_folded: dict[str, UnitInfo]
    qualifier_of: dict[str, str]
    percent_prefixes: dict[str, float]
    currency_of: dict[str, str]
    scale_of: dict[str, int]
    currency_scales: frozenset[str]
    zh: ZhNumerals | None
    en: EnNumerals | None
    zh_scales: dict[str, int]
    halves: frozenset[str]
    not_figures_alone: frozenset[str]
    single_digits: dict[str, Decimal]
    and_a_half: regex.Pattern[str]
    compound_joiners: frozenset[str]
    money_subunits: dict[str, Decimal]
    fraction_denominators: dict[str, int]
    compound_ordinals: dict[str, int]
    bare_subunits: dict[str, int]
    ratio_after: regex.Pattern[str]
    placed_units: frozenset[str]
    phrase_end: regex.Pattern[str]
    unit_cue: regex.Pattern[str]
    unit_label: regex.Pattern[str]
    bracketed_unit: regex.Pattern[str]
    negative_after: regex.Pattern[str]
    negative_after_unit: dict[str, str]
    unit_before: regex.Pattern[str]
    unit_before_of: dict[str, str]
    money_when_scaled: dict[str, str]
    vulgar_fractions: dict[str, Decimal]
    superscripts: dict[str, str]
    superscript_power: regex.Pattern[str]
    bare_count: regex.Pattern[str]
    en_tens: frozenset[str]
    denominator_after: regex.Pattern[str]
    mixed_fraction: regex.Pattern[str]
    of_before_unit: regex.Pattern[str]
    between_words: frozenset[str]
    duration_cues: tuple[str, ...]
    not_qualifiers: frozenset[str]
    number_pattern: str
    unit_parts: dict[str, dict[str, PartInfo]]
    part_at: regex.Pattern[str]
    tenths_not_before: frozenset[str]
    fraction_after_whole: regex.Pattern[str]
    fraction_whole_starts: frozenset[str]
    half_percent_words: dict[str, float]

    def unit(self, written: str) -> UnitInfo | None:
        return self.units.get(written) or self.units_folded.get(written.lower())


def _numeral_tables(tables: list[LanguageRules]) -> tuple[ZhNumerals | None, EnNumerals | None]:
    zh = next((t.numerals for t in tables if isinstance(t.numerals, ZhNumerals)), None)
    en = next((t.numerals for t in tables if isinstance(t.numerals, EnNumerals)), None)
    return zh, en


def _zh_number(zh: ZhNumerals | None) -> str:
    if zh is None:
        return SIGN + ARABIC
    digit = "".join(zh.digits)
    scale = "".join([*zh.small_scales, *zh.large_scales])
    tens = "".join(zh.tens)
    point = "|".join(map(regex.escape, zh.decimal_points))
    han = f"[{digit}{scale}{tens}]"
    han_run = f"{han}+(?:(?:{point})(?:[{digit}]+|\\d+)[{scale}]*)?"
    # Digits and scale characters may alternate: 5万4千6百, 3万4000, 200亿零四千230.
    return f"(?:{SIGN}{ARABIC}(?:[ ]?[{scale}]+(?:[{digit}{tens}]*\\d+|[{digit}{tens}]+)?)*|{han_run})"


def _number_starts(zh: ZhNumerals | None, en: EnNumerals | None) -> list[str]:
    """What a number of _zh_number or _en_number can start with, as one-character strings
    (a sign, a point, a Chinese digit or scale) and words (whose first letter counts)."""
    starts = ["+", "-", ".", *"0123456789"]
    if zh:
        starts += [*zh.digits, *zh.small_scales, *zh.large_scales, *zh.tens]
    if en:
        starts += [*en.words, *en.small_scales, *en.large_scales, *en.article]
    return starts


def _en_number(en: EnNumerals | None) -> str:
    if en is None:
        return "(?!)"
    words = [*en.words, *en.small_scales, *en.large_scales]
    word = alternation(words, ascii_boundary=False)
    article = alternation(en.article, ascii_boundary=False)
    joiner = alternation([*en.joiners, *en.decimal_points], ascii_boundary=False)
    scales = alternation([*en.small_scales, *en.large_scales, "dozen"], ascii_boundary=False)
    between = rf"(?:[ ]{{1,3}}|[ ]{{0,2}}-[ ]{{0,2}}|[ ]{{1,3}}{joiner}[ ]{{1,3}})"
    return rf"(?i:\b(?:{article}[ ](?={scales}\b))?{word}(?:{between}{word})*\b)"


def _units(tables: list[LanguageRules]) -> dict[str, UnitInfo]:
    units: dict[str, UnitInfo] = {}
    for table in tables:
        for unit in table.unit:
            for form in unit.forms:
                units.setdefault(form, _unit_info(form, unit))
    return units


def _unit_info(form: str, unit: Unit) -> UnitInfo:
    return UnitInfo(
        form,
        unit.kind,
        unit.canonical,
        unit.factor,
        unit.factor_below,
        unit.add,
        unit.classifier,
        unit.tenths,
        unit.digits_one_by_one,
        unit.position,
    )


@dataclass(frozen=True)
class PartInfo:
    unit: UnitInfo
    ends_phrase: bool


def _unit_parts(tables: list[LanguageRules], units: dict[str, UnitInfo]) -> dict[str, dict[str, PartInfo]]:
    """unit form → {word of the next part: the unit that part stands for}."""
    parts: dict[str, dict[str, PartInfo]] = {}
    for table in tables:
        for part in table.unit_part:
            read = {word: PartInfo(units[unit], part.ends_phrase) for word, unit in part.parts.items()}
            for form in part.after:
                parts.setdefault(form, {}).update(read)
    return parts


def _qualifiers(tables: list[LanguageRules], section: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for table in tables:
        qualifiers = getattr(table, section)
        for name in ("over", "under", "approx", "at_least", "at_most"):
            for word in getattr(qualifiers, name):
                found.setdefault(word, name)
    return found


def led(words, *, digits: bool = False) -> str:
    """A lookahead for the first characters of the words (and any digit when asked). A
    pattern that opens with one lets the engine skip every position no word can start at
    (several times faster on long text)."""
    firsts = _first_chars(words)
    if not firsts:
        return ""
    any_digit = r"\d" if digits else ""
    return f"(?=[{regex.escape(''.join(sorted(firsts)))}{any_digit}])"


def _trap_patterns_of(trap: Trap) -> list[str]:
    parts = []
    if trap.literals:
        parts.append(led(trap.literals) + alternation(trap.literals))
    parts.extend(f"(?:{p})" for p in trap.patterns)
    if trap.words_before_number:
        words = alternation(trap.words_before_number, ascii_boundary=False)
        # Only the number is matched, the word looked for behind it: that runs twice as fast
        # (the engine skips to digits) and a trap only has to cover numbers. Letters and digits
        # only after the number (iPhone 15Pro), not the Chinese text that runs on from it
        # (iPhone 15銷量); a Chinese word may stand before (特斯拉Model 3).
        parts.append(rf"(?<=(?<![A-Za-z])(?i:{words})[ ]?#?)\d[A-Za-z0-9.]*")
    return parts


def _trap_patterns(tables: list[LanguageRules]) -> list[str]:
    """The traps that are not periods: those are run with the time patterns, and a number
    inside a period is set aside before any trap is looked at."""
    found = [p for table in tables for trap in table.traps.values() if not trap.time for p in _trap_patterns_of(trap)]
    return list(dict.fromkeys(found))


def _last_chars(words: list[str]) -> frozenset[str]:
    """Characters the words end with, in either case, and the space a gap ends with."""
    return frozenset([" ", *(c for w in words if w for c in (w[-1], w[-1].lower(), w[-1].upper()))])


def _first_chars(words) -> frozenset[str]:
    """Characters the words start with, in either case (what a tail can start with: anything
    else means the number stands alone)."""
    return frozenset(c for w in words if w for c in (w[0], w[0].lower(), w[0].upper()))


def _word_fractions(en: EnNumerals | None, denominators: dict[str, int], tables) -> dict:
    """The patterns of claimcheck.engine.word_fractions: denominators after a number, mixed numbers."""
    ordinals = {k: v for t in tables for k, v in t.compound_ordinals.items()}
    words = en.words if en else {}
    tens = [w for w, v in words.items() if 20 <= v < 100 and v % 10 == 0]
    small = [w for w, v in words.items() if 0 < v < 10] + list(en.article if en else [])
    den = alternation(denominators, ascii_boundary=False)
    return {
        "compound_ordinals": ordinals,
        "en_tens": frozenset(tens),
        "denominator_after": regex.compile(
            rf"(?P<sep>[ ]{{1,3}}|[ ]?-[ ]?)(?i:(?P<tens>{alternation(tens, ascii_boundary=False)})[ -]"
            rf"(?P<unit>{alternation(ordinals, ascii_boundary=False)})|(?P<den>{den}))(?![A-Za-z])"
        ),
        "mixed_fraction": regex.compile(
            rf"(?i:[ ]and[ ](?:(?P<num>{alternation(small, ascii_boundary=False)})[ -])?(?P<den>{den}))(?![A-Za-z])"
        ),
        "of_before_unit": regex.compile(r"(?i:[ ]of[ ](?:an?[ ])?)"),
    }


def _superscript_power(superscripts: dict[str, str]) -> regex.Pattern[str]:
    """A superscript exponent after digits (10³), or times ten to one (×10⁶): digit_forms.py."""
    digits = "".join(regex.escape(k) for k, v in superscripts.items() if v.isdigit())
    signs = "".join(regex.escape(k) for k, v in superscripts.items() if not v.isdigit())
    if not digits:
        return regex.compile("(?!)")
    sign = f"[{signs}]?" if signs else ""
    return regex.compile(rf"(?P<times>[ ]?[×xX*][ ]?10)?(?P<exp>{sign}[{digits}]{{1,3}})(?![{digits}])")


@cache
def grammar(languages: tuple[str, ...] = rules.LANGUAGES) -> Grammar:
    tables = [rules.language(lang) for lang in (*languages, "common")]
    zh, en = _numeral_tables(tables)
    units = _units(tables)
    unit_parts = _unit_parts(tables, units)
    before_q = _qualifiers(tables, "qualifiers")
    infix_q = _qualifiers(tables, "qualifiers_infix")
    after_q = _qualifiers(tables, "qualifiers_after")
    percent_prefixes = {k: v for t in tables for k, v in t.percent_prefixes.items()}
    currency_of = {k: v for t in tables for k, v in t.currency_prefixes.items()}
    short_scales = {k: v for t in tables for k, v in t.scales.short.items()}
    currency_scales = {k: v for t in tables for k, v in t.scales.needs_currency.items()}
    word_scales = {**(en.small_scales if en else {}), **(en.large_scales if en else {})}
    multipliers = {w: en.words[w] for w in en.multipliers} if en else {}
    zh_scales = {**(zh.small_scales if zh else {}), **(zh.large_scales if zh else {})}
    separators = [s for t in tables for s in t.ranges.separators]
    between = [s for t in tables for s in t.ranges.between]
    between_separators = [s for t in tables for s in t.ranges.between_separators]
    denominators = {k: v for t in tables if t.fractions for k, v in t.fractions.denominators.items()}
    fraction_infix = [s for t in tables for s in t.fraction.infix]
    fraction_whole = [s for t in tables for s in t.fraction.whole]

    number = _zh_number(zh)
    en_number = _en_number(en)
    any_number = f"(?:{number}|{en_number})"
    # Units are matched from named lists (longest first, much faster than an alternation
    # of hundreds of forms); a unit ending in a letter may not run on into another letter.
    # A list costs in proportion to its length at every position it is tried, so the forms
    # that begin with an ASCII character are kept apart and tried only where one stands:
    # after a Chinese number only the non-ASCII forms (公里, 元, ℃) are looked up.
    words = [f for f in units if len(f) >= 3 and f.islower()]
    unit_lists = {
        "ascii_units": [f for f in units if f[0].isascii()],
        "other_units": [f for f in units if not f[0].isascii()],
        "ascii_unit_words": [f for f in words if f[0].isascii()],
        "other_unit_words": [f for f in words if not f[0].isascii()],
    }
    # Words first: in an alternation the first branch that matches wins, and the word
    # list holds the long forms (degrees celsius) whose prefixes are symbols too.
    other_words = r"(?i:\L<other_unit_words>)|" if unit_lists["other_unit_words"] else ""
    unit_alt = (
        r"(?:(?=[\x00-\x7f])(?:(?i:\L<ascii_unit_words>)|\L<ascii_units>)"
        rf"|{other_words}\L<other_units>)(?!(?<=[A-Za-z])[A-Za-z])"
    )

    def compile_(pattern: str) -> regex.Pattern[str]:
        return regex.compile(pattern, ignore_unused=True, **unit_lists)

    modifiers = [w for t in tables for w in t.unit_modifiers]
    modifier = f"(?:{alternation(modifiers, case_insensitive_words=True)}[ ])?" if modifiers else ""

    scan_parts = []
    scan_starts = [*_number_starts(zh, en), *percent_prefixes]
    if percent_prefixes:
        scan_parts.append(f"(?P<pct>{alternation(percent_prefixes)})(?P<pctn>{number})")
    if fraction_infix:
        scan_parts.append(f"(?P<den>(?>{number}))(?:{alternation(fraction_infix)})(?P<numr>{number})")
    if denominators:
        numerators = alternation([*(en.words if en else {}), *(en.article if en else [])])
        denominator = alternation(denominators, ascii_boundary=False)
        alone = alternation(
            [w for t in tables if t.fractions for w in t.fractions.alone_before_of], ascii_boundary=False
        )
        scan_starts += [w for t in tables if t.fractions for w in t.fractions.alone_before_of]
        scan_parts.append(rf"(?P<frac>(?i:\b{numerators}[ -]{{1,3}}{denominator}\b|\b{alone}\b(?=[ ]of\b|-[^\W\d_])))")
    halves = [w for t in tables for w in t.half]
    pairs = [w for t in tables for w in t.pairs]
    vulgar = {k: v for t in tables for k, v in t.vulgar_fractions.items()}
    superscripts = {k: v for t in tables for k, v in t.superscripts.items()}
    scan_starts += [*halves, *pairs, *vulgar]
    if halves:
        scan_parts.append(f"(?P<half>(?i:{alternation(halves)})(?:[ ]an?(?=[ ]))?)")
    if pairs:
        scan_parts.append(f"(?P<pair>(?i:{alternation(pairs)}))")
    if en:
        articles = alternation(en.article)
        scan_parts.append(f"(?P<article>(?i:{articles}))(?=[ ](?=[^\\W\\d_]){unit_alt})")
    negative_after = {k: v for t in tables for k, v in t.negative_after.items()}
    units_before = {k: v for t in tables for k, v in t.units_before.items()}
    measure_words = [w for t in tables for w in t.measure_words]
    if vulgar:  # a lone ¾; after digits (1½) it is read with them
        scan_parts.append(f"(?P<vulgar>[{''.join(vulgar)}])")
    # A denominator of four digits only before a unit (2/1000 kilograms, 1/4000 sec), and
    # none that reads as a year: 3/2021 is a month.
    slash_denominator = rf"(?:\d{{1,3}}|(?!19\d\d|20\d\d)\d{{4}}(?=[ ]?{unit_alt}))"
    scan_parts.append(rf"(?P<slash>(?<![\d/.])(?:\d{{1,3}}[ ]{{1,2}})?\d{{1,3}}/{slash_denominator}(?![\d/]))")
    scan_parts.append(f"(?P<num>{number})")
    if en:
        scan_parts.append(f"(?P<words>{en_number})")

    # Scale abbreviations of two letters or more may also stand after a space: 12 bln.
    spaced = [s for s in short_scales if len(s) >= 2 and s.islower()]
    spelled = alternation({**word_scales, **multipliers}, case_insensitive_words=True)
    scale_words = f"(?:{spelled}|{alternation(spaced)})"
    short_scale_letters = alternation([*short_scales, *currency_scales])
    zh_scale_run = f"[{''.join(zh_scales)}]+" if zh_scales else "(?!)"
    infix = alternation(infix_q, ascii_boundary=False) if infix_q else "(?!)"
    after = alternation(after_q, case_insensitive_words=True) if after_q else "(?!)"
    currency = alternation(currency_of) if currency_of else "(?!)"

    def tail(range_separators: list[str]) -> str:
        sep = alternation(range_separators) if range_separators else "(?!)"
        return (
            f"(?:{GAP}(?P<rsep>{sep}){GAP}(?:{currency}[ ]?)?(?P<n2>{any_number}))?"
            f"(?P<infix>{infix})?"
            f"(?:(?P<scale>{zh_scale_run}|{short_scale_letters})|[ ]{{1,2}}(?P<scale>{scale_words}))?"
            f"(?P<infix2>{infix})?"
            f"(?:(?:{GAP}|-){modifier}(?P<unit>{unit_alt}))?"
            f"(?:{GAP}(?P<post>{after})(?![\\d]))?"
        )

    # After a unit (5000元至8000元, 10%-15%) only symbols and Chinese separators join a
    # range: "rose 5% to 8%" is a change, not a range.
    unit_range_separators = [s for s in separators if not (s[:1].isascii() and s[:1].isalpha())]
    qualifier_before = alternation([*before_q, *between], case_insensitive_words=True)
    # Matched backwards from the number (REVERSE), so only text touching it is read.
    negatives = [w for t in tables for w in t.negative_prefixes]
    negative = alternation(negatives, case_insensitive_words=True)
    before = f"(?r)(?:(?P<q>{qualifier_before}){GAP})?(?:(?P<cur>{currency})[ ]?)?(?:(?P<neg>{negative})[ ]?)?"
    # Each trap and time pattern is compiled on its own: one big alternation would lose
    # the engine's first-character skip and run several times slower.
    times = [p for t in tables for p in t.time.patterns]
    times += [p for t in tables for trap in t.traps.values() if trap.time for p in _trap_patterns_of(trap)]
    times = list(dict.fromkeys(times))  # a pattern two tables share is run once
    not_qualifiers = frozenset(w for t in tables for w in t.qualifiers.not_qualifiers)

    return Grammar(
        languages=languages,
        # The lookahead of every character a scan part can start with lets the engine skip
        # the rest at once: without it, regex 2026.12 tries each branch at every character
        # (a mix of (?i:) and plain branches defeats its own skip): 14 times as long on Chinese text.
        # No number starts inside a word: one test there instead of every alternative's own.
        scan=compile_(f"{led(scan_starts, digits=True)}(?:(?<![A-Za-z])|(?![A-Za-z]))(?:{'|'.join(scan_parts)})"),
        tail=compile_(tail(separators)),
        tail_between=compile_(tail(separators + between_separators)),
        range_after_unit=regex.compile(
            f"{GAP}(?:{alternation(unit_range_separators)}){GAP}(?P<n2>{number})(?P<scale>{zh_scale_run})?"
        ),
        before=regex.compile(before),
        # What `before` can end with, right against the number: anything else, and it is empty.
        before_ends=_last_chars([*before_q, *between, *currency_of, *negatives]),
        traps=tuple(regex.compile(same_line(p)) for p in _trap_patterns(tables)),
        times=tuple(regex.compile(same_line(p)) for p in times),
        unit_at=compile_(unit_alt),
        tail_first_chars=_first_chars(
            [
                *units,
                *infix_q,
                *after_q,
                *separators,
                *between_separators,
                *word_scales,
                *short_scales,
                *currency_scales,
                *zh_scales,
                " ",
            ]
        ),
        units=units,
        units_folded={f.lower(): u for f, u in units.items() if len(f) >= 3 and f.islower()},
        qualifier_of={**after_q, **infix_q, **before_q, **{w: "range" for w in between}},
        percent_prefixes=percent_prefixes,
        currency_of=currency_of,
        scale_of={**short_scales, **currency_scales, **word_scales, **multipliers, **zh_scales},
        currency_scales=frozenset(currency_scales),
        zh=zh,
        en=en,
        zh_scales=zh_scales,
        halves=frozenset(halves),
        not_figures_alone=frozenset([*(zh.not_figures_alone if zh else ()), *(en.not_figures_alone if en else ())]),
        single_digits={
            **{str(d): Decimal(d) for d in range(10)},
            **{c: Decimal(v) for c, v in (zh.digits.items() if zh else ())},
        },
        and_a_half=regex.compile(
            alternation([w for t in tables if t.fractions for w in t.fractions.and_a_half], case_insensitive_words=True)
        ),
        compound_joiners=frozenset(w for t in tables for w in t.compound_joiners),
        money_subunits={k: Decimal(str(v)) for t in tables for k, v in t.money_subunits.items()},
        fraction_denominators=denominators,
        bare_subunits={k: v for t in tables for k, v in t.bare_subunits.items()},
        ratio_after=regex.compile(
            f"[ ](?:{alternation([w for t in tables for w in t.ratio_words], case_insensitive_words=True)})[ ]"
            f"(?P<n2>{any_number})"
        ),
        money_when_scaled={k: v for t in tables for k, v in t.money_when_scaled.items()},
        placed_units=frozenset(f for f, u in units.items() if u.position != "any"),
        bracketed_unit=compile_(
            "[ ]?(?:" + "|".join(rf"\{o}(?P<unit>{unit_alt})\{c}" for o, c in ("()", "[]", "{}", "<>")) + ")"
        ),
        unit_cue=regex.compile(
            alternation([w for t in tables for w in t.cued_units.cues], case_insensitive_words=True)
        ),
        unit_label=regex.compile(
            alternation([w for t in tables for w in t.cued_units.labels], case_insensitive_words=True) + r"[ ]?\Z"
        ),
        phrase_end=regex.compile(
            r"[ ]*(?:[.,;:!?)\]]|\Z)"
            + (f"|[ ]{alternation(measure_words, case_insensitive_words=True)}" if measure_words else "")
        ),
        negative_after=regex.compile(f"[ ](?P<words>{alternation(negative_after, case_insensitive_words=True)})"),
        negative_after_unit=negative_after,
        unit_before=regex.compile(f"(?P<w>{alternation(units_before)})[ ]\\Z"),
        unit_before_of=units_before,
        vulgar_fractions={k: Decimal(str(v)) for k, v in vulgar.items()},
        superscripts=superscripts,
        superscript_power=_superscript_power(superscripts),
        bare_count=regex.compile(
            r"(?:[ ]and[ ]|,[ ]and[ ]|[ ]|,[ ])(?P<n>\d{1,2}|(?i:[a-z]+(?:[ -][a-z]+)?))"
            r"(?=[ ]*(?:[.;:!?)\]]|,(?!\d)|\Z))(?![.,]\d)"
        ),
        **_word_fractions(en, denominators, [t.fractions for t in tables if t.fractions]),
        between_words=frozenset(w.lower() for w in between),
        duration_cues=tuple(w for t in tables for w in t.duration_cues.words),
        not_qualifiers=not_qualifiers,
        number_pattern=any_number,
        unit_parts=unit_parts,
        tenths_not_before=frozenset(w for t in tables for w in t.tenths_not_before),
        # Read after a whole number (三又四分之一) rather than scanned for: cheaper per position.
        fraction_after_whole=regex.compile(
            f"{alternation(fraction_whole)}(?P<den>(?>{number}))(?:{alternation(fraction_infix)})(?P<numr>{number})"
        ),
        fraction_whole_starts=_first_chars(fraction_whole),
        half_percent_words={k: v for t in tables for k, v in t.half_percent_words.items()},
        part_at=regex.compile(f"(?P<n>{number})(?P<w>{alternation({w for p in unit_parts.values() for w in p})})"),
    )
