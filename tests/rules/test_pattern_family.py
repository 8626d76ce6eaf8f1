"""The traps and the periods run as a family (claimcheck.rules.pattern_family: one scan for the
anchors of every pattern, then each pattern only on the lines that hold one of its anchors)
find exactly what each pattern finds alone over the whole text: the same spans, for the same
entries, in the same order. Checked over every trap sample and trap class case, alone, in
either case, with letters that fold to ASCII under (?i), and all together in a text long
enough for the family to leave out anchors it finds too often. The same for the patterns of
ranks, superlatives, figureless changes and claims (relations.toml), over every case text."""

from __future__ import annotations

import tomllib

import pytest
import regex
from places import CASES, DATA

from claimcheck import rules
from claimcheck.rules.anchor_scan import Finder
from claimcheck.rules.anchors import anchoring
from claimcheck.rules.grammar import grammar
from claimcheck.rules.pattern_family import family_of
from claimcheck.rules.relations_grammar import relation_grammar
from claimcheck.rules.rule_pattern import RulePattern

_SAMPLES = tomllib.loads((DATA / "trap_samples.toml").read_text(encoding="utf-8"))["sample"]
_CASES = [
    case["text"]
    for path in sorted((CASES / "trap_classes").glob("*.toml"))
    for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]
]
TEXTS = sorted({s.get("before", "") + s["match"] + s.get("after", "") for s in _SAMPLES} | set(_CASES))
LANGUAGES = [(lang,) for lang in rules.languages()] + [tuple(rules.languages())]


def _variants(text: str) -> list[str]:
    # The long s and the Kelvin sign match s and k under (?i); a dotted capital I lowers to
    # two characters, which sends the anchor scan down its other path.
    folded = [text.replace("s", "\u017f"), text.replace("k", "\u212a"), "\u0130 " + text]
    return [text, text.upper(), text.title(), *folded]


def _each_alone(family, text: str) -> list[list[tuple[int, int]]]:
    return [list(pattern.spans(text)) for pattern in family]


@pytest.mark.parametrize("languages", LANGUAGES, ids="+".join)
@pytest.mark.parametrize("family", ["traps", "times"])
def test_family_finds_what_each_pattern_finds_alone(languages, family):
    patterns = getattr(grammar(languages), family)
    for text in TEXTS:
        for variant in _variants(text):
            assert patterns.spans(variant) == _each_alone(patterns, variant), variant


@pytest.mark.parametrize("languages", LANGUAGES, ids="+".join)
@pytest.mark.parametrize("family", ["traps", "times"])
def test_family_on_a_long_text(languages, family):
    patterns = getattr(grammar(languages), family)
    document = "\n".join(TEXTS + [" ".join(TEXTS)])
    while len(document) < 100_000:  # past the sample the family judges anchors by
        document += "\n\n" + document
    assert patterns.spans(document) == _each_alone(patterns, document)


_RELATION_TEXTS = sorted(
    {case["text"] for path in sorted(CASES.glob("*.toml")) for case in tomllib.loads(path.read_text("utf-8"))["case"]}
)


@pytest.mark.parametrize("languages", LANGUAGES, ids="+".join)
@pytest.mark.parametrize("family", ["ranks", "superlative_patterns", "changes_without_figure", "claim_patterns"])
def test_relation_patterns_find_what_each_finds_alone(languages, family):
    patterns = tuple(p if isinstance(p, regex.Pattern) else p[0] for p in getattr(relation_grammar(languages), family))
    together = family_of(patterns)
    document = "\n".join(_RELATION_TEXTS)
    for text in [*_RELATION_TEXTS, document, document.upper()]:
        found = [[m.span() for m in matches] for matches in together.finditer(text)]
        assert found == [[m.span() for m in p.finditer(text)] for p in patterns], text


@pytest.mark.parametrize("pattern", [r"(?:quarter){e<=1}", r"\X+年度", r"(?|(a)|(b))年度"])
def test_what_the_analysis_cannot_read_has_no_anchors(pattern):
    # Syntax of `regex` that Python's parser rejects or reads otherwise (a fuzzy match allows
    # letters the pattern does not write): the pattern runs over the whole text.
    assert anchoring(pattern).anchors == frozenset()


@pytest.mark.parametrize(
    "pattern, anchors",
    [
        (r"[ab]{2}c", {"aac", "abc", "bac", "bbc"}),  # each place of a repeated class chooses anew
        (r"(?:xy){2}", {"xyxy"}),
        (r"二[○〇]{2}", {"二○○", "二○〇", "二〇○", "二〇〇"}),
    ],
)
def test_a_repeat_anchors_every_string_it_matches(pattern, anchors):
    assert {anchor for anchor, _ in anchoring(pattern).anchors} == anchors


@pytest.mark.parametrize(
    "pattern, anchors",
    [
        (r"(?<=§[ \t]?)\d{1,2}", {"§"}),  # a character outside ASCII is looked for alone
        (r"(?<=[(（][ ]?(?:圖|图)[ ]?)\d{1,2}", {"圖", "图"}),
        (r"\d+[號号]", {"號", "号"}),
        (r"\d+萬", set()),  # a numeral is on nearly every line of figures
        (r"\d+[萬元]", set()),
        (r"\d+[號号]線", {"號線", "号線"}),  # the longer string where there is one
        (r"\d+ [a-z]{2}s", set()),  # ASCII: three characters or none
        (r"(?<!\d)7[0-8]7(?=客機)", {f"7{d}7" for d in range(9)}),  # a short range is its characters
        (r"[0-9]{2}年", {"年"}),  # a hundred strings are too many to look for
        # A back reference may be any text: none of its own, the lookahead's still
        (r"(?P<n>\d{1,3})(?=[ ]?[名位])(?<=(?P=n)[名位][^\n]{1,40}?(?P=n))", {"名", "位"}),
        (r"(?P<n>\d)號(?P=n)", {"號"}),
    ],
)
def test_which_strings_anchor_a_pattern(pattern, anchors):
    assert {anchor for anchor, _ in anchoring(pattern).anchors} == anchors


@pytest.mark.parametrize(
    "pattern, reach",
    [
        (r"\d+篇(?=[ \t]*(?m:$))", 2),  # reads to the end of its line, however far: no further
        (r"\d+篇(?![ \t]*頁)", 2),
        (r"\d+篇(?=\n{1,3}下)", 6),  # across a line break: as far as it may read, and a margin
        (r"\d+篇(?=[ \t]*\n下)", None),
    ],
)
def test_how_far_past_its_line_a_pattern_reads(pattern, reach):
    assert anchoring(pattern).reach == reach


@pytest.mark.parametrize(
    "pattern, starts",
    [
        (r"(?m:^[ \t]*\d{1,2}[、.)])", True),  # a line's start, its blanks read by the pattern
        (r"(?<![^\n])\(\d{1,2}\)", True),  # nothing but a line break before it
        (r"(?=\d)(?m:^)\d+、", True),  # a lookahead first decides nothing
        (r"^\d+篇", True),  # the text's start, a line's too
        (r"(?:(?m:^)\d+、|(?m:^)[(]\d+[)])", True),  # every branch at a line's start
        (r"(?:(?m:^)\d+、|第\d+)", False),  # one branch anywhere
        (r"(?m:(?<=^[ \t]*))\(\d{1,2}\)", False),  # after blanks: anywhere in a line's opening
        (r"(?<![^\n ])\d+", False),  # after a space too
        (r"(?<![^\n])?\d+", False),
        (r"[ \t]*(?m:^)\d+", False),  # something read before the line's start
        (r"\d+(?m:$)", False),
    ],
)
def test_which_patterns_start_only_where_a_line_does(pattern, starts):
    assert anchoring(pattern).starts_a_line is starts


@pytest.mark.parametrize(
    "text",
    [
        "1. 首先\n  2) 其次\n\t3、再次說明\n  (4) 最後\n \t十、附錄\n" * 3,
        "  1. the first item\n\n2) the second item\n   (3) the third, indented\n" * 2,
        "1.\n2.\n3.\n\n\n",
        "\t \t1. 開頭的空白與跳格\n\t\t\n  \n12. 3 4. 5\n",  # a match that could cut a number
    ],
)
def test_a_pattern_tried_only_behind_line_breaks_finds_what_it_finds_alone(text, monkeypatch):
    tried = []
    from_line_starts = RulePattern.spans_from_line_starts
    monkeypatch.setattr(
        RulePattern, "spans_from_line_starts", lambda self, *a: tried.append(self) or from_line_starts(self, *a)
    )
    for languages in LANGUAGES:
        for family in (grammar(languages).traps, grammar(languages).times):
            assert family.spans(text) == _each_alone(family, text), (languages, text)
    assert tried


def test_a_pattern_tried_behind_line_breaks_goes_on_where_a_search_would():
    # A match that cuts a number (the 10 of 10 618) is left and the search goes on inside its
    # line; a pattern that counts only after a heading starts where the heading ends, in the
    # middle of a line or where one starts.
    cut = RulePattern(regex.compile(r"(?m:^)[ \t]*\d+(?!\d)"), "f", "e", "n")
    opening = regex.compile(r"\n\K(?:" + cut.pattern.pattern + ")")
    text = "3 x\n 10 618 and 5\n7 ok\n  \t 42\n"
    assert list(cut.spans_from_line_starts(text, opening)) == list(cut.spans(text)) == [(0, 1), (18, 19), (23, 29)]
    for heading in ("5", r"\n[ ]", "ok\n"):
        after = RulePattern(cut.pattern, "f", "e", "n", after=regex.compile(heading))
        assert list(after.spans_from_line_starts(text, opening)) == list(after.spans(text)), heading
    assert list(after.spans(text)) == [(23, 29)]


def test_groups_that_share_a_name_are_read_as_any_other():
    # `regex` allows two groups of one name (the up of a change verb in two branches); Python's
    # parser, which reads the anchors, does not.
    found = anchoring(r"(?P<up>rose|grew)|continued\sto\s(?P<up>rise)").anchors
    assert {anchor for anchor, _ in found} == {"rose", "grew", "continued"}


def _lines_of(text: str, places) -> set[int]:
    return {text.count("\n", 0, place) for place in places}


@pytest.mark.parametrize("languages", LANGUAGES, ids="+".join)
def test_the_anchor_scan_finds_each_anchor_on_the_lines_that_hold_it_and_no_other(languages):
    group = grammar(languages).traps._group  # the traps, the periods and the relations' families
    assert group is grammar(languages).times._group
    document = "\n".join(TEXTS).lower()
    finder = group.finder_of(group.keys)
    found = finder.places(document)
    for anchor in finder.strings:
        held = [m.start() for m in regex.finditer(regex.escape(anchor), document, overlapped=True)]
        assert _lines_of(document, found.get(anchor, ())) == _lines_of(document, held), anchor


def test_an_anchor_that_could_run_on_past_a_longer_one_counts_only_where_it_does():
    # "no." is found first; "..." could begin at its dot, but is in the text only on the last line.
    family = family_of((regex.compile(r"[Nn]o\.[ ]?\d+"), regex.compile(r"\w+\.\.\.")))
    text = "No. 5 is here\n" + "filler " * 40
    assert family._where(text)[1] == []
    assert family._where(text + "\nno... not here")[1] == [(len(text) + 1, len(text) + 15, len(text) + 15)]


def test_anchors_of_many_first_characters_are_found_by_several_scans_each_where_it_is():
    # Forty first characters: the anchors are looked for by several scans, each of those that
    # start with a few of them; one that overlaps another's is still found where it is.
    strings = sorted({chr(0x4E00 + i) + "年度" for i in range(40)} | {"年度報告", "度報"})
    finder = Finder(strings)
    assert len(finder.scans) > 1
    text = "一年度報告\n" + "丁年度\n" + "度報"
    found = finder.places(text)
    assert found == {"一年度": [0], "年度報告": [1], "度報": [2, 10], "丁年度": [6]}


def test_a_pattern_that_runs_over_the_whole_text_once_its_anchor_is_seen_is_not_looked_for_further():
    # `\s` may cross a line: seen at the start of a long text, "world's" is not looked for in
    # the rest, and its pattern runs over the whole text, as it would anyway.
    across, lined = regex.compile(r"world's\s(?:best|worst)"), regex.compile(r"[Nn]o\.[ ]?\d+")
    family = family_of((across, lined), ("a family of its own",))
    text = "the world's\nbest\n" + ("filler " * 20 + "\n") * 700 + "No. 5\n"
    assert family._where(text) == [None, [(len(text) - 6, len(text) - 1, len(text))]]
    assert [sorted(keys) for keys in family._group.finders] == [["no.", "world's"], ["no."]]
    assert [[m.span() for m in found] for found in family.finditer(text)] == [
        [m.span() for m in pattern.finditer(text)] for pattern in (across, lined)
    ]


def test_families_of_one_group_share_a_scan_and_each_finds_what_it_finds_alone(monkeypatch):
    # Two families whose anchors overlap ("no." inside "no. of"): scanned together, each
    # family's lines are those it gets alone, and each text is scanned once for both.
    ranks = (regex.compile(r"[Nn]o\.[ ]?\d+"),)
    counts = (regex.compile(r"(?i:no\.[ ]of[ ]\w+)"), regex.compile(r"\w+\.\.\."))
    short = "filler " * 30 + "\nNo. of cars: 5\nNo. 7 and more...\n" + "filler " * 30
    long = short + ("\nfiller" * 20_000)  # past the sample a long text's scan is judged by
    together = [family_of(p, ("together",)) for p in (ranks, counts)]
    scanned: list[int] = []
    places = Finder.places
    monkeypatch.setattr(Finder, "places", lambda finder, text: scanned.append(len(text)) or places(finder, text))
    for text in (short, long):
        alone = [family_of(p, ("alone", str(i)))._where(text) for i, p in enumerate((ranks, counts))]
        scanned.clear()
        assert [family._where(text) for family in together] == alone
        assert scanned.count(len(text)) == 1, text[:20]
