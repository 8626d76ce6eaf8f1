"""Compile rules/<lang>/relations.toml into the patterns of ranks, comparisons,
superlatives and claim context. Like grammar.py, nothing language-specific is written here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import regex

from claimcheck import rules
from claimcheck.rules import RankPattern
from claimcheck.rules.grammar import grammar
from claimcheck.rules.lead import with_lead
from claimcheck.rules.patterns import word_trie
from claimcheck.rules.relation_schema import ClaimPattern
from claimcheck.rules.word_patterns import (
    NamedLists,
    after_change_words,
    alternatives,
    anchor_index,
    any_word,
    back_words,
    ending,
    flat,
    is_latin,
    scan_words,
    searched,
)

# Where a clause ends: punctuation, a dash, a line break; not a comma between digits (33,662).
CLAUSE_BREAK = r"[，；：。！？!?;:\n—]|,(?!\d{3})|\.(?=\s|$)"


@dataclass(frozen=True, slots=True)
class RelationGrammar:
    languages: tuple[str, ...]  # its pattern families scan a text for their anchors together
    triggers: tuple[regex.Pattern[str] | re.Pattern[str], ...]  # Latin words, the others, the others late
    roles: dict[str, frozenset[str]]
    ranks: tuple[tuple[regex.Pattern[str], str, int | None], ...]
    claim_patterns: tuple[tuple[regex.Pattern[str], ClaimPattern], ...]
    claim_anchor: re.Pattern[str]  # the anchor words, in lower case, matched in the lower-cased text
    anchored: dict[str, tuple[int, ...]]  # an anchor word → the claim patterns it opens
    title_position: dict[str, int]
    ordinals: dict[str, int]
    streak_before: regex.Pattern[str]
    streak_inside: regex.Pattern[str]
    streak_after: regex.Pattern[str]
    change_before: regex.Pattern[str]
    change_after: regex.Pattern[str]
    change_last_chars: frozenset[str]
    not_change: regex.Pattern[str]
    change_inside: regex.Pattern[str]
    multiple_before: regex.Pattern[str]
    multiple_after: regex.Pattern[str]
    more_or_less: regex.Pattern[str]
    margin_after: regex.Pattern[str]
    has_rates: bool
    rate_per: regex.Pattern[str]
    rate_per_one: regex.Pattern[str]
    change_word: regex.Pattern[str]
    continuation_stop: regex.Pattern[str]
    change_noun_before: regex.Pattern[str]
    signed_changes: dict[str, str]
    continuation_joiner: regex.Pattern[str]
    restating_joiner: regex.Pattern[str]  # a figure in other units after a change (rose 8%, or $1.2 billion)
    change_noun_after: regex.Pattern[str]
    change_noun_direction: dict[str, str]
    equal_before: regex.Pattern[str]
    equal_after: regex.Pattern[str]
    doubling_factor: dict[str, float]
    superlative_patterns: tuple[regex.Pattern[str], ...]
    changes_without_figure: tuple[regex.Pattern[str], ...]
    determiner_before: regex.Pattern[str]
    after_adjective: regex.Pattern[str]
    figure_gap: regex.Pattern[str]
    metrics: regex.Pattern[str]
    metric_word: regex.Pattern[str]
    subject_codes: regex.Pattern[str]
    subject_stops: regex.Pattern[str]
    subject_end: regex.Pattern[str]
    subject_openers: regex.Pattern[str]
    stop_words: frozenset[str]
    metric_words: frozenset[str]
    subject_max: int
    clause_break: regex.Pattern[str]
    number_at: regex.Pattern[str]


def _words(tables, pick, template: str) -> regex.Pattern[str]:
    """A pattern of the words the tables list, set in `template`; one that never matches without any."""
    words = [w for table in tables for w in pick(table)]
    return regex.compile(template.format(any_word(words)) if words else "(?!)")


@cache
def relation_grammar(languages: tuple[str, ...]) -> RelationGrammar:
    tables = [rules.relations(lang) for lang in languages]
    number = grammar(languages).number_pattern
    listed = NamedLists()
    ordinals = {k.lower(): v for t in tables for k, v in t.rank.ordinals.items()}
    suffixes = flat(tables, lambda t: t.rank.ordinal_suffixes)
    adjectives = flat(tables, lambda t: t.superlative.adjectives)
    metrics = flat(tables, lambda t: t.context.metrics)
    fill = {
        "number": number,
        "ordinal": f"(?:{any_word(list(ordinals))}|\\d{{1,3}}(?:{alternatives(suffixes)}))" if ordinals else "(?!)",
        "adjective": listed("adjectives", adjectives),
        "metric": listed("metrics", metrics),
        "rank_cue": listed("rank_cues", flat(tables, lambda t: t.rank.cues)),
    }

    def expand(pattern: str) -> str:
        for name, piece in fill.items():
            pattern = pattern.replace("{" + name + "}", piece)
        return pattern

    ranks = tuple(
        (listed.compile(expand(p.pattern)), p.qualifier, p.position)
        for t in tables
        for p in t.rank.patterns
        if isinstance(p, RankPattern)
    )
    # tried around each anchor: a lead spares reading a lookbehind at every position there
    claim_patterns = tuple((listed.compile(with_lead(expand(p.pattern))), p) for t in tables for p in t.claims)
    anchored = anchor_index(p.anchors for _, p in claim_patterns)
    titles = {k.lower(): v for t in tables for k, v in t.rank.titles.items()}
    c = [t.comparison for t in tables]
    up, down = [w for x in c for w in x.up], [w for x in c for w in x.down]
    up_short, down_short = [w for x in c for w in x.up_after_baseline], [w for x in c for w in x.down_after_baseline]
    self_baselines = [w for x in c for w in x.self_baselines]
    intro = [w for x in c for w in x.baseline_before]
    opening = [w for x in c for w in x.baseline_open]
    closers = [w for x in c for w in x.baseline_closers]
    after_change = [w for x in c for w in x.after_change]
    change_words = [*up, *down, *up_short, *down_short, *after_change]
    base = r"[^，,。；;！!？?\d\n]{1,12}?"
    # Read right to left from the figure ((?r)), so only the text touching it is tried.
    change_before = (
        f"(?r)(?:(?:(?P<self>{back_words(self_baselines)})\\s?"
        f"|(?P<intro>{back_words(intro)})(?P<base>{base})\\s?"
        f"|(?P<intro>{back_words(opening)})(?P<base>{base})(?:{back_words(closers)})[，,]?[^，,。；;\\d\\n]{{0,6}}?)?"
        f"(?:(?P<up>{back_words(up)})|(?P<down>{back_words(down)}))"
        f"|(?P<intro>{back_words(intro)})(?P<base>{base})(?:(?P<more>{back_words(up_short)})|(?P<less>{back_words(down_short)}))"
        f"|(?P<self>{back_words(self_baselines)})\\s?(?:(?P<up>{back_words(up_short)})|(?P<down>{back_words(down_short)})))"
        + after_change_words(after_change)
        + r"\Z"
    )
    up_after = [w for x in c for w in x.up_after]
    down_after = [w for x in c for w in x.down_after]
    more_after = [w for x in c for w in x.more_after]
    less_after = [w for x in c for w in x.less_after]
    after_intro = [w for x in c for w in x.baseline_after]
    change_after = (
        f"\\A(?:\\s(?:(?P<up>{any_word(up_after)})|(?P<down>{any_word(down_after)})"
        f"|(?P<more>{any_word(more_after)})|(?P<less>{any_word(less_after)})))?"
        f"(?:,?\\s?(?P<self>{any_word(self_baselines)})"
        f"|\\s(?:{any_word(after_intro)})\\s(?P<base>[^,.;:!?\\n]{{1,40}}?)"
        f"(?=[,.;:!?\\n]|\\s(?:{alternatives([w for x in c for w in x.baseline_stops])})\\b|\\Z))?"
    )
    loose_stops = [w for x in c for w in x.loose_baseline_stops]
    more, judged = [w for x in c for w in x.more_than], any_word([w for x in c for w in x.judged_bases]) or "(?!)"
    less, equal = [w for x in c for w in x.less_than], [w for x in c for w in x.equal]
    year = "|".join(f"(?:{p})" for x in c for p in x.baseline_years) or "(?!)"  # a period, not a figure
    more_or_less = (
        f"(?:(?P<more>{listed('more_than', more)})|(?P<less>{listed('less_than', less)}))\\s?"
        f"(?!(?:{judged})\\b)(?P<base>(?:[^\\s，,。；;！!？?\\d]|(?P<year>{year}))[^，,。；;！!？?\\d\\n]{{0,29}}?)"
        f"(?=[，,。；;:！!？?\\n]|\\.(?=\\s|\\Z)|\\s(?:{alternatives(loose_stops)})\\b|\\Z)"
    )
    margins = {k: v for x in c for k, v in x.margins.items()}
    margin_links = any_word([w for x in c for w in x.margin_links]) or "(?!)"
    margins_direct = any_word([w for x in c for w in x.margins_direct]) or "(?!)"
    not_between = any_word([w for x in c for w in x.margin_not_between]) or "(?!)"
    datums = any_word([w for x in c for w in x.margin_datums]) or "(?!)"
    margin_after = (  # a bracket may stand before the margin word: "3.0 percent (±10.5 percent)* above"
        f"\\A(?:\\s?\\([^()\\n]{{1,30}}\\)\\*?)?(?:\\s(?!(?:{not_between})\\b)[a-z]+(?:-[a-z]+)?)??"
        f"\\s(?:(?P<more>{any_word([k for k, v in margins.items() if v == 'more'])})"
        f"|(?P<less>{any_word([k for k, v in margins.items() if v == 'less'])}))(?!\\s(?:{datums})\\b)"
        f"(?:(?:\\s(?:{margin_links})|(?<=\\b(?:{margins_direct})))\\s(?P<base>[^,.;:!?\\n]{{1,40}}?)"
        f"(?=[,.;:!?\\n]|\\s(?:{alternatives(loose_stops)})\\b|\\Z))?"
        if margins
        else "(?!)"
    )
    change_nouns = {k.lower(): v for x in c for k, v in x.change_nouns.items()}
    links = back_words([w for x in c for w in x.change_noun_links])
    objects = back_words([w for x in c for w in x.change_noun_objects]) or "(?!)"
    change_noun_before = (
        f"(?r)(?i:\\b(?P<noun>{back_words(list(change_nouns))})(?:\\s(?:{objects})(?:\\s[\\w\x27’-]+){{1,6}}?)?"
        f"\\s(?:{links})\\s)\\Z"
        if change_nouns
        else "(?!)"
    )
    # Latin words only: the continuation of a change is an English rule (continuation_stops).
    latin_up, latin_down = [w for w in up if is_latin(w)], [w for w in down if is_latin(w)]
    change_word = f"(?r)(?i:(?P<up>{back_words(latin_up)})|(?P<down>{back_words(latin_down)}))"
    # 與去年持平, 同比持平, "unchanged from last year": the equal word is found first, then
    # its baseline is read to the left or to the right.
    intros = back_words([*intro, *opening])
    equal_before = f"(?r)(?:(?P<self>{back_words(self_baselines)})|(?P<intro>{intros})(?P<ebase>{base}))\\s?\\Z"
    equal_after = (
        f"\\s(?:{alternatives([w for x in c for w in x.equal_baseline_after])})"
        r"\s(?P<ebase>[^,;:!?\n]{1,30}?)(?=[,;:!?\n]|\.(?=\s|\Z)|\Z)"
    )
    doubling = {k: v for x in c for k, v in x.doubling.items()}
    multiples = {k: v for x in c for k, v in x.multiples.items()}
    multiple_of = [p for x in c for p in x.multiple_of]
    multiple_as = [p for x in c for p in x.multiple_as]
    s = [t.superlative for t in tables]
    most_words = [w for x in s for w in x.most]
    after_most = [w for x in s for w in x.after_most]
    # Every word a title, superlative, loose comparison or doubling starts with is found in
    # one pass; each hit is then sent to the finders by its roles.
    roles: dict[str, set[str]] = {}
    for role, words in (
        ("title", titles),
        ("superlative", [*(w for x in s for w in x.words), *(m + a for m in most_words for a in after_most)]),
        ("adjective", adjectives),
        ("not_superlative", [w for x in s for w in x.not_superlatives]),
        ("more", more),
        ("less", less),
        ("equal", equal),
        ("doubling", list(doubling)),
        ("multiple", list(multiples)),
    ):
        for word in words:
            roles.setdefault(word.lower(), set()).add(role)
    common_first = "".join(t.scan_common_first for t in tables)
    plain = [w for w in roles if not (len(w) > 1 and w[0] in common_first)]
    triggers = (
        listed.compile(listed("triggers", [w for w in plain if is_latin(w)])),
        scan_words([w for w in plain if not is_latin(w)]),
        listed.compile(listed.anchored_late("triggers_late", list(roles), common_first)),
    )
    k = [t.context for t in tables]
    holders = any_word([w for x in s for w in x.figure_holders]) or "(?!)"
    modifiers = [w for x in k for w in x.metric_modifiers]
    stops = [w for x in k for w in x.subject_stops]
    return RelationGrammar(
        languages=languages,
        ranks=ranks,
        claim_patterns=claim_patterns,
        claim_anchor=re.compile(f"\\b{word_trie(list(anchored))}\\b"),
        anchored={word: tuple(found) for word, found in anchored.items()},
        triggers=triggers,
        roles={word: frozenset(r) for word, r in roles.items()},
        title_position=titles,
        ordinals=ordinals,
        streak_before=ending(flat(tables, lambda t: t.rank.streak_before)),
        streak_inside=regex.compile(any_word(flat(tables, lambda t: t.rank.streak_inside))),
        streak_after=regex.compile(f"\\A\\s?(?:{any_word(flat(tables, lambda t: t.rank.streak_after))})"),
        change_before=regex.compile(change_before),  # small alternations: named lists do not pay here
        change_after=regex.compile(change_after),
        # The character before a figure that a change verb can end on: most figures have none.
        change_last_chars=frozenset([*(w[-1].lower() for w in change_words), " "]),
        not_change=ending([w for x in c for w in x.not_changes]),
        change_inside=regex.compile(f"(?P<more>{any_word(more_after)})|(?P<less>{any_word(less_after)})"),
        multiple_before=regex.compile(f"(?r)(?:{'|'.join(multiple_of) or '(?!)'})\\Z"),
        multiple_after=regex.compile(
            f"\\A(?:{'|'.join(multiple_as) or '(?!)'})(?P<base>[^,.;:!?\\n]{{1,40}}?)(?=[,.;:!?\\n]|\\Z)"
        ),
        more_or_less=listed.compile(more_or_less),
        margin_after=regex.compile(margin_after),
        has_rates=any(t.rates.per or t.rates.per_one for t in tables),
        rate_per=regex.compile(f"\\s(?:{any_word(flat(tables, lambda t: t.rates.per))})\\s\\Z"),
        rate_per_one=regex.compile(f"(?:{any_word(flat(tables, lambda t: t.rates.per_one))})\\s"),
        change_word=regex.compile(change_word),
        continuation_stop=_words(c, lambda x: x.continuation_stops, "(?i:{})"),
        change_noun_before=regex.compile(change_noun_before),
        change_noun_after=regex.compile("|".join(f"(?:{p})" for x in c for p in x.change_nouns_after) or "(?!)"),
        continuation_joiner=_words(c, lambda x: x.continuation_joiners, "\\s?(?:{})\\s?"),
        restating_joiner=_words(c, lambda x: x.restating_joiners, "(?i:{})\\s?"),
        change_noun_direction=change_nouns,
        signed_changes={k: v for x in c for k, v in x.signed_changes.items()},
        equal_before=regex.compile(equal_before),
        equal_after=regex.compile(equal_after),
        doubling_factor={k.lower(): v for k, v in {**doubling, **multiples}.items()},
        superlative_patterns=tuple(listed.compile(expand(p)) for x in s for p in x.patterns),
        changes_without_figure=tuple(regex.compile(expand(p)) for x in c for p in x.without_figure),
        determiner_before=regex.compile(f"(?r)(?:{back_words([w for x in s for w in x.determiners])})\\s\\Z"),
        after_adjective=regex.compile(f"\\s(?:{any_word([w for x in s for w in x.after_adjective])})\\b"),
        figure_gap=listed.compile(
            f"(?:\\s|{any_word([w for x in s for w in x.figure_links])}|{listed('metrics', metrics)})*"
            # one word of its own: the noun the superlative qualifies ("the longest route is"),
            # or a name after a copula (最高為雲林縣6.25‰)
            f"(?:[A-Za-z-]+|\\p{{Han}}{{1,2}}|(?<={holders})\\p{{Han}}{{1,4}})?"
            f"(?:\\s|{any_word([w for x in s for w in x.figure_links])}|{listed('metrics', metrics)})*"
        ),
        metrics=listed.compile(f"(?:{listed('modifiers', modifiers)}\\s?)?{listed('metrics', metrics)}"),
        metric_word=listed.compile(listed("metrics", metrics)),
        subject_codes=regex.compile("|".join(f"(?:{p})" for x in k for p in x.subject_patterns) or "(?!)"),
        subject_stops=regex.compile(searched(stops)),
        subject_end=regex.compile(f"[^\\p{{Han}}]|{searched(stops)}"),
        subject_openers=regex.compile(any_word([w for x in k for w in x.subject_openers])),
        stop_words=frozenset(w for w in stops if w[:1].isascii()),
        metric_words=frozenset(m.lower() for m in metrics),
        subject_max=min((x.subject_max for x in k), default=8),
        clause_break=regex.compile(CLAUSE_BREAK),
        number_at=regex.compile(number),
    )
