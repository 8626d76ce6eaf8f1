"""The shape of a language's rule files (rules/<lang>/*.toml and rules/common/*.toml). A
language's topic files are read together as one LanguageRules; TOPICS says which keys
each file holds, so that a unit is looked for in units.toml and nowhere else."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field


class Table(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Script(Table):
    characters: str = Field(description="A regex for one character of the language's script.")
    weight: float = Field(default=1, gt=0)
    fallback: bool = False


class Manifest(Table):
    """rules/<lang>/language.toml."""

    code: str = Field(pattern=r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
    name: str = Field(min_length=1)
    numerals: Literal["han", "words", "digits"]
    order: int
    script: Script


class HanNumerals(Table):
    """numerals = "han": Chinese numerals, digits and scales mixed with Arabic digits."""

    digits: dict[str, int]
    tens: dict[str, int]
    small_scales: dict[str, int]
    large_scales: dict[str, int]
    decimal_points: list[str]
    digit_points: list[str] = []
    lone_scales_not_numbers: list[str]
    # After these, a lone scale is a threshold passed (破百, 突破千億), a figure after all.
    lone_scales_after: list[str] = []
    # After these, a lone scale before a unit or a scale is about that many (上千名, 上百萬).
    lone_scales_about: list[str] = []
    not_figures_alone: list[str]
    digits_one_by_one: str = ""  # read digit by digit between large scales: 一八九四萬四四三六
    # After these, 一 before a span of time is a figure (提前一周, 為期一天), not the article.
    one_is_a_span_after: tuple[str, ...] = ()


class WordNumerals(Table):
    """numerals = "words": numbers written in words (two hundred and five)."""

    words: dict[str, int]
    small_scales: dict[str, int]
    large_scales: dict[str, int]
    article: list[str]
    multipliers: list[str] = []
    joiners: list[str]
    decimal_points: list[str] = []
    not_figures_alone: list[str]


NUMERAL_SYSTEMS: dict[str, type[Table] | None] = {"han": HanNumerals, "words": WordNumerals, "digits": None}


class ShortScales(Table):
    short: dict[str, int] = {}
    needs_currency: dict[str, int] = {}


class Unit(Table):
    kind: Literal["quantity", "money", "percent", "duration"]
    forms: list[str] = Field(min_length=1)
    canonical: str | None = None
    factor: float = 1
    factor_below: float | None = None
    add: float = 0
    classifier: bool = False
    tenths: bool = False
    digits_one_by_one: bool = False
    difference: bool = False  # the difference of two percentages (percentage points): a figure in it states a change
    # "glued": only written against the number (13"); "end": only where a phrase ends (4 in);
    # "cued": only in a sentence with a cue word of `cued_units`, or after a signed number (30C).
    position: Literal["any", "glued", "end", "cued"] = "any"


class CuedUnits(Table):
    """When a unit of position "cued" counts: a cue word in the sentence (or a sign on the
    number), and no label word right before the number (seat 12C, Flat 4C)."""

    cues: list[str] = []
    labels: list[str] = []


class UnitPart(Table):
    after: list[str] = Field(min_length=1)
    parts: dict[str, str] = Field(min_length=1)
    ends_phrase: bool = False


class DayOfMonth(Table):
    forms: list[str] = []
    span_cues: list[str] = []
    # Words right after the form that make it a span too (7日之內), unless a month stands before.
    span_cues_after: list[str] = []
    month_forms: list[str] = []


class MoneyNouns(Table):
    """Nouns of money (票房, 營收) before a scaled figure with no unit (票房9.7億): it is money,
    in the currency of `currency`; `links` may stand between (營收達320億). Or one of `after` follows."""

    currency: str = ""
    words: list[str] = []
    links: list[str] = []
    after: list[str] = []  # nouns right after the figure: 150萬獎金


class Qualifiers(Table):
    over: list[str] = []
    under: list[str] = []
    approx: list[str] = []
    at_least: list[str] = []
    at_most: list[str] = []
    not_qualifiers: list[str] = []


class Ranges(Table):
    separators: list[str] = []
    between: list[str] = []
    between_separators: list[str] = []
    # Two figures with their units written twice (12.1 billion dollars to 12.4 billion dollars)
    # make one range, except after one of these: a move from one figure to the other
    # ("rose from 4.1% to 4.3%") — unless one of `earlier` follows ("from X to Y previously").
    moves_before: list[str] = []
    earlier: list[str] = []


class NumberRuns(Table):
    """Lines that each hold a number and nothing else, several in a row: a chart's axis or a
    scale scraped as text (rules/common/traps.toml, page_furniture)."""

    number: str = Field(description="A regex for what such a line holds, the spaces around it aside.")
    label: str = Field(description="A regex for a line that may stand among them: a legend entry, an axis title.")
    min_lines: int = Field(ge=2, description="Lines in a row that make a run; blank lines between them allowed.")
    blank_lines: int = Field(ge=0, description="At most this many blank lines between two lines of a run.")
    within: int = Field(ge=0, description="A bare number line at most this many lines from a run is one too.")


class Trap(Table):
    time: bool = False
    literals: list[str] = []
    patterns: list[str] = []
    words_before_number: list[str] = []
    # The trap counts only after one of these words has been written earlier in the text:
    # "the 737" is a model once Boeing is named, a count before.
    once_named: list[str] = []
    # Its matches hide words that state no figure as well: the superlative of "the first
    # step", the rank of "a top-10 list". Other traps only set numbers aside.
    hides_words: bool = False
    # Numbers alone on their lines, several in a row, and those a few labels from them.
    number_runs: NumberRuns | None = None


class Fraction(Table):
    infix: list[str] = []
    whole: list[str] = []


class WordFractions(Table):
    denominators: dict[str, int]
    compound_ordinals: dict[str, int] = {}
    alone_before_of: list[str] = []
    of: list[str] = []
    and_a_half: list[str] = []


class TimeTable(Table):
    patterns: list[str] = []


class PeriodReading(Table):
    """How a row's as_of and a claim's time are read when a claim is verified."""

    patterns: list[str] = []
    last_patterns: list[str] = []
    words: dict[str, int] = {}
    span_words: list[str] = []
    span_patterns: list[str] = []


# What a relative word stands for: the document's year, half, quarter, month or day moved by
# an offset (year-1: the year before the document's), the period carried from the sentence
# moved by whole years (carried-1: a year earlier), "to date" (from the period written, or
# the document's year, to the document's month), "earlier" (previously, 此前: an earlier period
# the draft does not name, never a row's) or "unknown" (近日: never resolved).
RELATIVE = r"^(?:(?:year|half|quarter|month|day|carried)(?:[+-][1-9]\d?)?|to date|earlier|unknown)$"


class PeriodFrame(Table):
    """How the period of a claim's frame is found around it and resolved (engine/frame/period.py)."""

    patterns: list[str] = []  # regexes: a period the time patterns find in pieces or not at all
    words: dict[str, Annotated[str, Field(pattern=RELATIVE)]] = {}
    joiners: list[str] = []  # between two pieces of one period: "of" (third quarter of 2025)
    baseline_cues: list[str] = []  # right before a time, they make it a baseline (較10月, from)
    after_links: list[str] = []  # between a figure and its own period after it ("in" October)
    baseline_figure_links: list[str] = []  # between a baseline time and the figure it states (較1月的9,280輛)
    forward_cues: list[str] = []  # before a month without a year: the next one, not the last ("by" December)


class DocumentDate(Table):
    """Where a draft states its own date (text/document_date.py)."""

    front_matter_keys: list[str] = []  # Markdown front matter: date: 2025-12-10
    meta_names: list[str] = []  # HTML <meta property|name=… content=…>, the first listed wins
    time_tag: bool = False  # else the first <time datetime=…> of an HTML page


class LanguageRules(Table):
    """A language's topic files read together (rules/common/ has the same shape, without numerals)."""

    numerals: HanNumerals | WordNumerals | None = None
    negative_prefixes: list[str] = []
    negative_after: dict[str, str] = {}
    half: list[str] = []
    pairs: list[str] = []
    ratio_words: list[str] = []
    vulgar_fractions: dict[str, float] = {}
    superscripts: dict[str, str] = {}
    scales: ShortScales = ShortScales()
    percent_prefixes: dict[str, float] = {}
    half_percent_words: dict[str, float] = {}
    fraction: Fraction = Fraction()
    fractions: WordFractions | None = None
    qualifiers: Qualifiers = Qualifiers()
    qualifiers_infix: Qualifiers = Qualifiers()
    qualifiers_after: Qualifiers = Qualifiers()
    ranges: Ranges = Ranges()
    unit: list[Unit] = []
    unit_part: list[UnitPart] = []
    cued_units: CuedUnits = CuedUnits()
    currency_prefixes: dict[str, str] = {}
    money_subunits: dict[str, float] = {}
    bare_subunits: dict[str, int] = {}
    money_when_scaled: dict[str, str] = {}
    money_nouns: MoneyNouns = MoneyNouns()
    units_before: dict[str, str] = {}
    measure_words: list[str] = []
    unit_modifiers: list[str] = []
    compound_joiners: list[str] = []
    tenths_not_before: list[str] = []
    day_of_month: DayOfMonth = DayOfMonth()
    traps: dict[str, Trap] = {}
    time: TimeTable = TimeTable()
    reading: PeriodReading = PeriodReading()
    frame: PeriodFrame = PeriodFrame()
    document_date: DocumentDate = DocumentDate()


# Which file of a folder holds which keys of LanguageRules.
TOPICS: dict[str, tuple[str, ...]] = {
    "numerals.toml": (
        "numerals",
        "negative_prefixes",
        "negative_after",
        "half",
        "pairs",
        "ratio_words",
        "vulgar_fractions",
        "superscripts",
        "scales",
        "percent_prefixes",
        "half_percent_words",
        "fraction",
        "fractions",
    ),
    "qualifiers.toml": ("qualifiers", "qualifiers_infix", "qualifiers_after", "ranges"),
    "units.toml": (
        "unit",
        "unit_part",
        "cued_units",
        "currency_prefixes",
        "money_subunits",
        "bare_subunits",
        "money_when_scaled",
        "money_nouns",
        "units_before",
        "measure_words",
        "unit_modifiers",
        "compound_joiners",
        "tenths_not_before",
        "day_of_month",
    ),
    "traps.toml": ("traps",),
    "periods.toml": ("time", "reading", "frame", "document_date"),
}
