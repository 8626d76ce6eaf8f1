"""Compile the rule tables of one or more languages into the patterns the engine runs.

Everything here is derived from the rule files; nothing language-specific is written in code.
Alternations are built longest form first, so 超過 is tried before 超 and km² before km.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import regex

from claimcheck import rules
from claimcheck.rules import unit_tables
from claimcheck.rules.compiled import Grammar
from claimcheck.rules.numeral_patterns import (
    han_number,
    number_starts,
    numeral_table,
    superscript_power,
    word_fractions,
    word_number,
)
from claimcheck.rules.one_line import same_line
from claimcheck.rules.pattern_family import PatternFamily
from claimcheck.rules.patterns import GAP, alternation, first_chars, last_chars, led, trap_entries, word_trie
from claimcheck.rules.rule_pattern import RulePattern
from claimcheck.rules.schema import HanNumerals, WordNumerals
from claimcheck.rules.word_patterns import alternatives

__all__ = ["DATE", "Grammar", "alternation", "grammar"]

DATE = "date or period"  # the class of what the time patterns match


def grammar(languages: tuple[str, ...] | None = None) -> Grammar:
    """The grammar of the languages given, or of every language."""
    return _grammar(languages or rules.languages())


def _once(named: str) -> regex.Pattern[str] | None:
    """The words a trap waits for (its `once_named`), compiled; None for a trap without them."""
    return regex.compile(named) if named else None


@cache
def _grammar(languages: tuple[str, ...]) -> Grammar:
    tables = [rules.language(lang) for lang in (*languages, "common")]
    han = numeral_table(tables, HanNumerals)
    spelled = numeral_table(tables, WordNumerals)
    units = unit_tables.units(tables)
    unit_parts = unit_tables.unit_parts(tables, units)
    before_q = unit_tables.qualifiers(tables, "qualifiers")
    infix_q = unit_tables.qualifiers(tables, "qualifiers_infix")
    after_q = unit_tables.qualifiers(tables, "qualifiers_after")
    percent_prefixes = {k: v for t in tables for k, v in t.percent_prefixes.items()}
    currency_of = {k: v for t in tables for k, v in t.currency_prefixes.items()}
    short_scales = {k: v for t in tables for k, v in t.scales.short.items()}
    currency_scales = {k: v for t in tables for k, v in t.scales.needs_currency.items()}
    word_scales = {**(spelled.small_scales if spelled else {}), **(spelled.large_scales if spelled else {})}
    multipliers = {w: spelled.words[w] for w in spelled.multipliers} if spelled else {}
    han_scales = {**(han.small_scales if han else {}), **(han.large_scales if han else {})}
    separators = [s for t in tables for s in t.ranges.separators]
    between = [s for t in tables for s in t.ranges.between]
    between_separators = [s for t in tables for s in t.ranges.between_separators]
    denominators = {k: v for t in tables if t.fractions for k, v in t.fractions.denominators.items()}
    fraction_infix = [s for t in tables for s in t.fraction.infix]
    and_words = list(spelled.joiners) if spelled else []
    of_words = [w for t in tables if t.fractions for w in t.fractions.of]
    fraction_whole = [s for t in tables for s in t.fraction.whole]

    number = han_number(han)
    spelled_number = word_number(spelled)
    any_number = f"(?:{number}|{spelled_number})"
    # Units: tries of their forms where a number is read on (the tail, a unit at a place),
    # named lists where a pattern only looks ahead for one (a name compiles faster than a
    # trie). A unit ending in a letter may not run on into another; the ASCII forms are tried
    # only where an ASCII character stands (after 五 only 公里, 元, ℃ … are looked up).
    words = [f for f in units if len(f) >= 3 and f.islower()]
    unit_lists = {
        "ascii_units": [f for f in units if f[0].isascii()],
        "other_units": [f for f in units if not f[0].isascii()],
        "ascii_unit_words": [f for f in words if f[0].isascii()],
        "other_unit_words": [f for f in words if not f[0].isascii()],
    }

    unit_alt = unit_tables.units_pattern(unit_lists, lambda name: word_trie(unit_lists[name]))
    unit_named = unit_tables.units_pattern(unit_lists, lambda name: f"\\L<{name}>")

    def compile_(pattern: str) -> regex.Pattern[str]:
        return regex.compile(pattern, ignore_unused=True, **unit_lists)

    modifiers = [w for t in tables for w in t.unit_modifiers]
    modifier = f"(?:{alternation(modifiers, case_insensitive_words=True)}[ ])?" if modifiers else ""

    scan_parts = []
    scan_starts = [*number_starts(han, spelled), *percent_prefixes]
    if percent_prefixes:
        scan_parts.append(f"(?P<pct>{alternation(percent_prefixes)})(?P<pctn>{number})")
    if fraction_infix:
        scan_parts.append(f"(?P<den>(?>{number}))(?:{alternation(fraction_infix)})(?P<numr>{number})")
    if denominators:
        numerators = alternation([*(spelled.words if spelled else {}), *(spelled.article if spelled else [])])
        denominator = alternation(denominators, ascii_boundary=False)
        alone = alternation(
            [w for t in tables if t.fractions for w in t.fractions.alone_before_of], ascii_boundary=False
        )
        scan_starts += [w for t in tables if t.fractions for w in t.fractions.alone_before_of]
        of = alternatives(of_words)
        scan_parts.append(
            rf"(?P<frac>(?i:\b{numerators}[ -]{{1,3}}{denominator}\b|\b{alone}\b(?=[ ](?:{of})\b|-[^\W\d_])))"
        )
    halves = [w for t in tables for w in t.half]
    pairs = [w for t in tables for w in t.pairs]
    vulgar = {k: v for t in tables for k, v in t.vulgar_fractions.items()}
    superscripts = {k: v for t in tables for k, v in t.superscripts.items()}
    scan_starts += [*halves, *pairs, *vulgar]
    if halves:
        scan_parts.append(f"(?P<half>(?i:{alternation(halves)})(?:[ ]an?(?=[ ]))?)")
    if pairs:
        scan_parts.append(f"(?P<pair>(?i:{alternation(pairs)}))")
    if spelled:
        articles = alternation(spelled.article)
        scan_parts.append(f"(?P<article>(?i:{articles}))(?=[ ](?=[^\\W\\d_]){unit_named})")
    negative_after = {k: v for t in tables for k, v in t.negative_after.items()}
    units_before = {k: v for t in tables for k, v in t.units_before.items()}
    measure_words = [w for t in tables for w in t.measure_words]
    if vulgar:  # a lone ¾; after digits (1½) it is read with them
        scan_parts.append(f"(?P<vulgar>[{''.join(vulgar)}])")
    # A denominator of four digits only before a unit (2/1000 kilograms, 1/4000 sec), and
    # none that reads as a year: 3/2021 is a month.
    slash_denominator = rf"(?:\d{{1,3}}|(?!19\d\d|20\d\d)\d{{4}}(?=[ ]?{unit_named}))"
    scan_parts.append(rf"(?P<slash>(?<![\d/.])(?:\d{{1,3}}[ ]{{1,2}})?\d{{1,3}}/{slash_denominator}(?![\d/]))")
    scan_parts.append(f"(?P<num>{number})")
    if spelled:
        scan_parts.append(f"(?P<words>{spelled_number})")

    # Scale abbreviations of two letters or more may also stand after a space: 12 bln.
    spaced = [s for s in short_scales if len(s) >= 2 and s.islower()]
    scale_names = alternation({**word_scales, **multipliers}, case_insensitive_words=True)
    scale_words = f"(?:{scale_names}|{alternation(spaced)})"
    short_scale_letters = alternation([*short_scales, *currency_scales])
    han_scale_run = f"[{''.join(han_scales)}]+" if han_scales else "(?!)"
    infix = alternation(infix_q, ascii_boundary=False) if infix_q else "(?!)"
    after = alternation(after_q, case_insensitive_words=True) if after_q else "(?!)"
    currency = alternation(currency_of) if currency_of else "(?!)"

    def tail(range_separators: list[str]) -> str:
        sep = alternation(range_separators) if range_separators else "(?!)"
        return (
            f"(?:{GAP}(?P<rsep>{sep}){GAP}(?:{currency}[ ]?)?(?P<n2>{any_number}))?"
            f"(?P<infix>{infix})?"
            f"(?:(?P<scale>{han_scale_run}|{short_scale_letters})|[ ]{{1,2}}(?P<scale>{scale_words}))?"
            f"(?P<infix2>{infix})?"
            f"(?:(?:{GAP}|-){modifier}(?P<unit>{unit_alt}))?"
            f"(?:{GAP}(?P<post>{after})(?![\\d]))?"
        )

    # After a unit (5000元至8000元, 10%-15%) only symbols and Chinese separators join a
    # range: "rose 5% to 8%" is a change, not a range.
    unit_range_separators = [s for s in separators if not (s[:1].isascii() and s[:1].isalpha())]
    qualifier_before = alternation([*before_q, *between], case_insensitive_words=True, reverse=True)
    # Matched backwards from the number (REVERSE), so only text touching it is read.
    negatives = [w for t in tables for w in t.negative_prefixes]
    negative = alternation(negatives, case_insensitive_words=True, reverse=True)
    currency_before = alternation(currency_of, reverse=True) if currency_of else "(?!)"
    before = f"(?r)(?:(?P<q>{qualifier_before}){GAP})?(?:(?P<cur>{currency_before})[ ]?)?(?:(?P<neg>{negative})[ ]?)?"
    # Each trap and time pattern is compiled on its own: one big alternation would lose
    # the engine's first-character skip and run several times slower. Each keeps the file
    # and entry it was written in, to name it where it sets a number aside.
    codes = (*languages, "common")
    labelled = [(t, rules.folder(code).file("traps.toml").label) for t, code in zip(tables, codes, strict=True)]
    times: dict[str, RulePattern] = {}  # a pattern two tables share is run once
    for t, code in zip(tables, codes, strict=True):
        label = rules.folder(code).file("periods.toml").label
        for i, p in enumerate(t.time.patterns):
            times.setdefault(p, RulePattern(regex.compile(same_line(p)), label, f"time.patterns.{i}", DATE, trap=False))
    for p, label, entry, name, named, _ in trap_entries(labelled, time=True):
        times.setdefault(p, RulePattern(regex.compile(same_line(p)), label, entry, name, after=_once(named)))
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
            f"{GAP}(?:{alternation(unit_range_separators)}){GAP}(?P<n2>{number})(?P<scale>{han_scale_run})?"
        ),
        before=regex.compile(before),
        # What `before` can end with, right against the number: anything else, and it is empty.
        before_ends=last_chars([*before_q, *between, *currency_of, *negatives]),
        traps=PatternFamily(
            (
                RulePattern(regex.compile(same_line(p)), label, entry, name, after=_once(named), hides_words=words)
                for p, label, entry, name, named, words in trap_entries(labelled, time=False)
            ),
            languages,
        ),
        times=PatternFamily(times.values(), languages),
        unit_at=compile_(unit_alt),
        tail_first_chars=first_chars(
            [
                *units,
                *infix_q,
                *after_q,
                *separators,
                *between_separators,
                *word_scales,
                *short_scales,
                *currency_scales,
                *han_scales,
                " ",
            ]
        ),
        units=units,
        units_folded={f.lower(): u for f, u in units.items() if len(f) >= 3 and f.islower()},
        qualifier_of={**after_q, **infix_q, **before_q, **{w: "range" for w in between}},
        percent_prefixes=percent_prefixes,
        currency_of=currency_of,
        scale_of={**short_scales, **currency_scales, **word_scales, **multipliers, **han_scales},
        currency_scales=frozenset(currency_scales),
        han_numerals=han,
        word_numerals=spelled,
        han_scales=han_scales,
        halves=frozenset(halves),
        not_figures_alone=frozenset(
            [*(han.not_figures_alone if han else ()), *(spelled.not_figures_alone if spelled else ())]
        ),
        single_digits={
            **{str(d): Decimal(d) for d in range(10)},
            **{c: Decimal(v) for c, v in (han.digits.items() if han else ())},
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
        difference_units=frozenset(u.canonical for t in tables for u in t.unit if u.difference and u.canonical),
        bracketed_unit=compile_(
            "[ ]?(?:" + "|".join(rf"\{o}(?P<unit>{unit_named})\{c}" for o, c in ("()", "[]", "{}", "<>")) + ")"
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
        money_nouns=unit_tables.money_nouns([t.money_nouns for t in tables]),
        vulgar_fractions={k: Decimal(str(v)) for k, v in vulgar.items()},
        superscripts=superscripts,
        superscript_power=superscript_power(superscripts),
        bare_count=regex.compile(
            rf"(?:[ ](?:{alternatives(and_words)})[ ]|,[ ](?:{alternatives(and_words)})[ ]|[ ]|,[ ])"
            r"(?P<n>\d{1,2}|(?i:[a-z]+(?:[ -][a-z]+)?))"
            r"(?=[ ]*(?:[.;:!?)\]]|,(?!\d)|\Z))(?![.,]\d)"
        ),
        **word_fractions(spelled, denominators, [t.fractions for t in tables if t.fractions]),
        between_words=frozenset(w.lower() for w in between),
        and_words=tuple(f" {w} " for w in and_words),
        of_words=tuple(f" {w} " for w in of_words),
        duration_cues=tuple(w for t in tables for w in t.day_of_month.span_cues),
        duration_cues_after=tuple(w for t in tables for w in t.day_of_month.span_cues_after),
        month_forms=tuple(w for t in tables for w in t.day_of_month.month_forms),
        day_of_month_forms=frozenset(w for t in tables for w in t.day_of_month.forms),
        not_qualifiers=not_qualifiers,
        number_pattern=any_number,
        unit_parts=unit_parts,
        tenths_not_before=frozenset(w for t in tables for w in t.tenths_not_before),
        # Read after a whole number (三又四分之一) rather than scanned for: cheaper per position.
        fraction_after_whole=regex.compile(
            f"{alternation(fraction_whole)}(?P<den>(?>{number}))(?:{alternation(fraction_infix)})(?P<numr>{number})"
        ),
        fraction_whole_starts=first_chars(fraction_whole),
        half_percent_words={k: v for t in tables for k, v in t.half_percent_words.items()},
        part_at=regex.compile(f"(?P<n>{number})(?P<w>{alternation({w for p in unit_parts.values() for w in p})})"),
    )
