"""The pieces every compiled pattern is built from: Arabic numbers, alternations of words
(longest first, guarded against running into a word), first-character lookaheads and traps."""

from __future__ import annotations

import regex

from claimcheck.rules.schema import LanguageRules, NumberRuns, Trap

# Arabic numbers: 33,662.5 / 10 000 / 33662 / 1.5e3 / .75
ARABIC = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:[ ]\d{3})+(?:\.\d+)?(?![\d,]|\.\d)"
    r"|\d+(?:\.\d+)?(?:[eE][-+]?\d+(?![A-Za-z]))?"
    r"|(?<![\d.])\.\d+)"
)
SIGN = r"(?:(?<![A-Za-z0-9.\-/])[-+](?=\.?\d))?"
GAP = r"[ ]{0,2}"


def alternation(
    words, *, ascii_boundary: bool = True, case_insensitive_words: bool = False, reverse: bool = False
) -> str:
    """The words as one alternation that takes the longest word at a place.

    Words that start or end with an ASCII letter get a guard on that side, so "over" is
    not found inside "cover" and "m" not inside "men". Lower-case words of three or more
    letters match in any case when asked. The words are factored by their common beginnings
    (by their endings when `reverse`: for a pattern the regex module reads right to left,
    (?r)), which the engine tries at a place in one step rather than word by word.
    """
    words = set(words)
    folded = {w for w in words if case_insensitive_words and len(w) >= 3 and w.islower()}
    exact = words - folded
    if not words:
        return "(?!)"
    if "" in words or folded and exact and any(_nested(f, e.lower()) for f in folded for e in exact):
        # A word of each kind could be the longest at one place: the words one by one.
        return _one_by_one(words, ascii_boundary, folded)
    parts = [f"(?i:{_factored(folded, ascii_boundary, reverse)})"] if folded else []
    if exact:
        parts.append(_factored(exact, ascii_boundary, reverse))
    return "(?:" + "|".join(parts) + ")"


def _nested(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a)


def _one_by_one(words: set[str], ascii_boundary: bool, folded: set[str]) -> str:
    parts = []
    for word in sorted(words, key=lambda w: (-len(w), w)):
        piece = regex.escape(word)
        if word in folded:
            piece = f"(?i:{piece})"
        parts.append(_guard_before(word, ascii_boundary) + piece + _guard_after(word, ascii_boundary))
    return "(?:" + "|".join(parts) + ")"


def _guard_before(word: str, ascii_boundary: bool) -> str:
    return r"(?<![A-Za-z])" if ascii_boundary and word[:1].isascii() and word[:1].isalpha() else ""


def _guard_after(word: str, ascii_boundary: bool) -> str:
    return r"(?![A-Za-z])" if ascii_boundary and word[-1:].isascii() and word[-1:].isalpha() else ""


def _factored(words: set[str], ascii_boundary: bool, reverse: bool) -> str:
    """A trie of the words, read in the direction the engine reads: at each step the longer
    words first, the word that ends there (with its guard) last. The guard of the side the
    trie starts from is shared by every word that starts (or ends) with that character."""
    guard = _guard_before if reverse else _guard_after
    root = _trie(words, lambda word: guard(word, ascii_boundary), reverse)
    tops = []
    for char, child in sorted(root.items()):
        if reverse:
            tops.append(_branches_of(child, reverse) + regex.escape(char) + _guard_after(char, ascii_boundary))
        else:
            tops.append(_guard_before(char, ascii_boundary) + regex.escape(char) + _branches_of(child, reverse))
    return tops[0] if len(tops) == 1 else "(?:" + "|".join(tops) + ")"


def _trie(words, end_of, reverse: bool) -> dict:
    """Each word's characters as a path (last first when `reverse`), ending in "": end_of(word)."""
    root: dict = {}
    for word in words:
        node = root
        for char in reversed(word) if reverse else word:
            node = node.setdefault(char, {})
        node[""] = end_of(word)
    return root


def _branches_of(node: dict, reverse: bool) -> str:
    steps = []
    for char, child in sorted(node.items()):
        if char:
            rest = _branches_of(child, reverse)
            steps.append(rest + regex.escape(char) if reverse else regex.escape(char) + rest)
    if "" in node:
        steps.append(node[""])  # the word that ends here, after every longer one
    if len(steps) < 2:
        return steps[0] if steps else ""
    return "(?:" + "|".join(steps) + ")"


def led(words, *, digits: bool = False) -> str:
    """A lookahead for the first characters of the words (and any digit when asked). A
    pattern that opens with one lets the engine skip every position no word can start at
    (several times faster on long text)."""
    firsts = first_chars(words)
    if not firsts:
        return ""
    any_digit = r"\d" if digits else ""
    return f"(?=[{regex.escape(''.join(sorted(firsts)))}{any_digit}])"


def first_chars(words) -> frozenset[str]:
    """Characters the words start with, in either case (what a tail can start with: anything
    else means the number stands alone)."""
    return frozenset(c for w in words if w for c in (w[0], w[0].lower(), w[0].upper()))


def last_chars(words: list[str]) -> frozenset[str]:
    """Characters the words end with, in either case, and the space a gap ends with."""
    return frozenset([" ", *(c for w in words if w for c in (w[-1], w[-1].lower(), w[-1].upper()))])


def trap_patterns_of(trap: Trap) -> list[tuple[str, str]]:
    """A trap's patterns, each with the key it is written under (literals, patterns.0, …)."""
    parts = []
    if trap.literals:
        parts.append(("literals", led(trap.literals) + alternation(trap.literals)))
    parts.extend((f"patterns.{i}", f"(?:{p})") for i, p in enumerate(trap.patterns))
    if trap.words_before_number:
        words = alternation(trap.words_before_number, ascii_boundary=False)
        # Only the number is matched, the word looked for behind it: that runs twice as fast
        # (the engine skips to digits) and a trap only has to cover numbers. Letters and digits
        # only after the number (iPhone 15Pro), not the Chinese text that runs on from it
        # (iPhone 15銷量); a Chinese word may stand before (特斯拉Model 3).
        parts.append(("words_before_number", rf"(?<=(?<![A-Za-z])(?i:{words})[ ]?#?)\d[A-Za-z0-9.]*"))
    if trap.number_runs is not None:
        parts.append(("number_runs", number_runs_pattern(trap.number_runs)))
    return parts


_LINE_START = r"(?<![^\n])"
_LINE_END = r"(?![^\n])"
LINE_SPACES = "[ ]{0,8}"  # bounded: a lookbehind over a line of spaces is not read again at each one


def number_runs_pattern(runs: NumberRuns) -> str:
    """The number of a line that holds nothing else, in a run of at least `min_lines` such lines
    (blank lines between them allowed), or at most `within` label or number lines from one.
    Only the number is matched; the lines around it are looked for on either side."""
    number = f"(?:{runs.number})"
    bare = f"{LINE_SPACES}{number}{LINE_SPACES}"  # a whole line: it is read between line breaks
    other = f"(?:{bare}|{LINE_SPACES}(?:{runs.label}))"
    gap = rf"\n(?:{LINE_SPACES}\n){{0,{runs.blank_lines}}}"
    run = f"{bare}(?:{gap}{bare}){{{runs.min_lines - 1}}}"
    alone = f"{number}{LINE_SPACES}{_LINE_END}"
    # The number as the i-th line of a run: i lines before it, the rest after.
    places = [
        rf"(?<={_LINE_START}(?:{bare}{gap}){{{i}}}{LINE_SPACES})(?={alone}(?:{gap}{bare}){{{after}}}{_LINE_END})"
        for i, after in zip(range(runs.min_lines), reversed(range(runs.min_lines)), strict=True)
    ]
    places.append(rf"(?<={_LINE_START}{run}(?:{gap}{other}){{0,{runs.within}}}{gap}{LINE_SPACES})(?={alone})")
    places.append(rf"(?={alone}(?:{gap}{other}){{0,{runs.within}}}{gap}{run}{_LINE_END})")
    # Where no line starts, one test of a character rules the position out.
    return rf"(?<![^\n ])(?<={_LINE_START}{LINE_SPACES})(?:{'|'.join(places)}){number}(?={LINE_SPACES}{_LINE_END})"


def trap_entries(tables: list[tuple[LanguageRules, str]], *, time: bool) -> list[tuple[str, str, str, str, str, bool]]:
    """The traps of the tables (each given with the label of its traps file) that are periods
    (`time`) or are not, as (pattern, file, entry, name, once named, hides words): a pattern
    two tables share once, under the first. A number inside a period is set aside before any
    trap is looked at, so those are run with the time patterns. `once named` is the pattern
    of the words that must come first in the text ("" for a trap that counts anywhere)."""
    found: dict[tuple[str, str], tuple[str, str, str, str, str, bool]] = {}
    for table, label in tables:
        for name, trap in table.traps.items():
            if trap.time != time:
                continue
            named = alternation(trap.once_named) if trap.once_named else ""
            for key, pattern in trap_patterns_of(trap):
                entry = (pattern, label, f"traps.{name}.{key}", name, named, trap.hides_words)
                found.setdefault((pattern, named), entry)
    return list(found.values())


def word_trie(words) -> str:
    """The words as one alternation factored by their common beginnings (rise|rose|row →
    r(?:ise|o(?:se|w))), the longest word at a place first, without guards: the re module
    scans it several times faster than a flat one."""
    return _branches_of(_trie(words, lambda word: "", False), False) or "(?!)"
