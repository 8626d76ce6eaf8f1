"""The shape of a language's relations.toml: ranks, comparisons, superlatives and the words
that say what a claim is about. claimcheck.rules.relations_grammar compiles it."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from claimcheck.rules.schema import Table


class RankPattern(Table):
    pattern: str
    qualifier: Literal["exact", "at_most"] = "exact"
    # The place of a pattern without an `n` group (龍頭 is first); none for the last place (墊底).
    position: int | None = None


class RankRules(Table):
    cues: list[str] = []
    ordinals: dict[str, int] = {}
    titles: dict[str, int] = {}
    streak_before: list[str] = []
    streak_inside: list[str] = []
    streak_after: list[str] = []
    # After digits, what makes an ordinal of them (3rd): `{ordinal}` in a pattern reads them.
    ordinal_suffixes: list[str] = []
    patterns: list[RankPattern] = []


class ComparisonRules(Table):
    up: list[str] = []
    down: list[str] = []
    not_changes: list[str] = []
    up_after_baseline: list[str] = []
    down_after_baseline: list[str] = []
    up_after: list[str] = []
    down_after: list[str] = []
    more_after: list[str] = []
    less_after: list[str] = []
    self_baselines: list[str] = []
    baseline_before: list[str] = []
    baseline_open: list[str] = []
    baseline_closers: list[str] = []
    baseline_after: list[str] = []
    more_than: list[str] = []
    # Patterns of a year a loose baseline may open with (超越2025年全年成績): a period, not a figure.
    baseline_years: list[str] = []
    less_than: list[str] = []
    # Words of judgement that make "less than", "more than" an idiom: less than impressive.
    judged_bases: list[str] = []
    equal: list[str] = []
    # Patterns of a change stated without a figure (呈下降, 高出一截), direction in a named
    # group: up, down, more or less.
    without_figure: list[str] = []
    # What joins a figure to the change figure before it, which it continues (分別增長10.6%和9.1%),
    # or opens a figure that restates it (增加5199戶（+0.05%）).
    continuation_joiners: list[str] = []
    # What joins a figure in other units to the change figure before it, which it restates:
    # "rose 8%, or $1.2 billion", "grew 2.1%, or by about 12,600 jobs".
    restating_joiners: list[str] = []
    # Patterns read right after a percentage: a noun of change it is the size of (1.8%的同比涨幅),
    # direction in a named group (up, down).
    change_nouns_after: list[str] = []
    doubling: dict[str, float] = {}
    multiples: dict[str, float] = {}
    multiple_of: list[str] = []
    multiple_as: list[str] = []
    # Between a change verb and its figure: a word (rose by 12%) or a particle (增長了12%).
    after_change: list[str] = []
    # A baseline read after the figure ends before one of these words (… from last year and …).
    baseline_stops: list[str] = []
    # A baseline read after "more than", "behind" … ends before one of these words.
    loose_baseline_stops: list[str] = []
    # Words that introduce the baseline after an equal word: unchanged from last year.
    equal_baseline_after: list[str] = []
    # Words of a margin after a figure: a relation that needs no baseline (3 points clear).
    margins: dict[str, Literal["more", "less"]] = {}
    # What introduces a margin's baseline ("clear of his rival"); after the words of
    # margins_direct it follows with none ("above the average").
    margin_links: list[str] = []
    margins_direct: list[str] = []
    # A word between the figure and its margin word is its noun, unless it is one of these ("65 and above").
    margin_not_between: list[str] = []
    # A figure against a fixed datum is a level, not a margin: "5 degrees below zero", "300 m above sea level".
    margin_datums: list[str] = []
    # A percentage continues the change before it in its sentence unless one of these stands between.
    continuation_stops: list[str] = []
    # A noun of change and a link before a figure (the change was 2.1 percent): noun → direction.
    change_nouns: dict[str, str] = {}
    change_noun_links: list[str] = []
    # What changed may stand between the noun and its link after one of these: "the change in prices was".
    change_noun_objects: list[str] = []
    # A percentage written with one of these signs states a change: "+1.1 percent" → up.
    signed_changes: dict[str, Literal["up", "down"]] = {}


class SuperlativeRules(Table):
    adjectives: list[str] = []
    determiners: list[str] = []
    after_adjective: list[str] = []
    most: list[str] = []
    after_most: list[str] = []
    words: list[str] = []
    patterns: list[str] = []
    figure_links: list[str] = []
    # A copula after which a short name may stand before the superlative's figure (最高為雲林縣6.25‰).
    figure_holders: list[str] = []
    # Brackets (an opening and a closing one) around a figure that closes the superlative's
    # clause: "the highest share was among those aged 55-64 (19%)".
    figure_brackets: list[str] = []
    not_superlatives: list[str] = []


class ContextRules(Table):
    metrics: list[str] = []
    metric_modifiers: list[str] = []
    subject_stops: list[str] = []
    subject_openers: list[str] = []
    subject_patterns: list[str] = []
    subject_max: int = Field(default=8, ge=1)


Basis = Literal["yoy", "mom", "qoq"]
Modality = Literal["estimate", "forecast", "target", "guidance"]


class FrameRules(Table):
    """The words that fill a claim's frame (claimcheck.engine.frame): whose figure, which noun,
    a level or a change, actual or not."""

    # Words that stand for an entity named elsewhere: never the entity themselves.
    anaphors: list[str] = []
    # A name after one of these is a person's (Chief Executive Maria Ortega).
    person_titles: list[str] = []
    # Written after a name that owns what follows (Lakeshore County's): left out of the entity.
    possessives: list[str] = []
    # Before "name + possessive + figure", the figure is that name's (仅次于华辰汽车的52,300辆).
    owner_intros: list[str] = []
    # A run of Han characters is cut before one of these (宏晶預估 → 宏晶).
    not_in_names: list[str] = []
    # A run of Han characters that starts or ends with one of these is no name (第一产业, 貨運量).
    not_name_starts: list[str] = []
    not_name_ends: list[str] = []
    # Lines that open with one of these are a byline, never the document's lead entity.
    byline_starts: list[str] = []
    # A dateline where a line starts (regexes): the place it names is no entity.
    datelines: list[str] = []
    # Markup before a headline (# , title:, <h1>): regexes matched where a line starts.
    headline_marks: list[str] = []
    # Brackets: a name inside them (a ticker, a tag) is not an entity. Each entry: opening and closing.
    brackets: list[str] = []
    # Cue words of a change's basis before the figure (or in its baseline) and after it.
    basis: dict[Basis, list[str]] = {}
    basis_after: dict[Basis, list[str]] = {}
    # Written between a basis cue and a figure, the figure is the level the change reached
    # (rose from a year earlier to 412,000; 年增至54億元), not the change.
    level_reached: list[str] = []
    # Cue words that govern the figures after them in the sentence; the next figure only;
    # the figure right before them.
    modality: dict[Modality, list[str]] = {}
    modality_next: dict[Modality, list[str]] = {}
    modality_before: dict[Modality, list[str]] = {}
    # Words that hold a cue word but are none (將近 is "nearly", not "will").
    not_cues: list[str] = []
    # English nouns after a count: modifiers skipped, stops end the look, irregular plurals.
    noun_modifiers: list[str] = []
    noun_stops: list[str] = []
    # A word with one of these endings before another noun is taken for an adjective (hospital beds).
    adjective_endings: list[str] = []
    plurals: dict[str, str] = {}


class ClaimPattern(Table):
    """A claim read whole by one pattern (a run, a race time, a comparison with no figure).

    Named groups: `n` the number or ordinal that is the value (else `value`); `h`, `m`, `s`
    a clock reading in seconds (`f` the fraction of a second, when written apart); `unit`
    the unit as written; `q` a qualifier word; `base` the baseline; `up`, `down`, `more`,
    `less`, `equal` the direction (else `direction`)."""

    pattern: str
    kind: Literal["quantity", "duration", "comparison"]
    value: float | None = None
    direction: Literal["up", "down", "more", "less", "equal"] | None = None
    unit_canonical: str | None = None
    # A unit written (in lower case) as a key here makes the claim a duration in that unit.
    duration_units: dict[str, str] = {}
    # Words one of which every match holds: the pattern is tried only around them (one scan
    # finds the words of every pattern). Empty: the pattern is tried all through the text.
    anchors: list[str] = []
    # The match stands only where its figure `n`, in digits, was read as a number: a trap that
    # sets the number aside (Photo 3 of 12) sets the match aside too.
    figure_read: bool = False


class RateRules(Table):
    # "42 cases per 10,000 residents": a figure after one of these is the rate's denominator.
    per: list[str] = []
    # "3p a litre": a unit of one after one of these, right after a figure, is no claim.
    per_one: list[str] = []


class RelationRules(Table):
    """rules/<lang>/relations.toml: ranks, comparisons, superlatives and claim context."""

    scan_common_first: str = ""
    rank: RankRules = RankRules()
    comparison: ComparisonRules = ComparisonRules()
    superlative: SuperlativeRules = SuperlativeRules()
    context: ContextRules = ContextRules()
    frame: FrameRules = FrameRules()
    # Claims read whole by a pattern: runs, race times, placings and comparisons without a figure.
    claims: list[ClaimPattern] = []
    rates: RateRules = RateRules()
