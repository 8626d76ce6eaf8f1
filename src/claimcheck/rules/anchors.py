"""What a rule pattern needs to be tried only where it can match, read from its regex.

Its anchors: literal strings one of which lies inside every match (the 號 of `\\d+號線`, the
小時 or 小时 of `(?:小時|小时)`), so a text without any of them has no match, and a line
without one has none either when the pattern never matches across a line break. Its reach:
how far past the end of a match's line its lookaheads may read, so that a search confined to
one line can stop a little after it. Anything the analysis does not understand (a syntax of the
`regex` module that Python's own parser lacks, a conditional, a case-insensitive letter)
leaves the pattern without anchors: it is then run over the whole text, as before. A back
reference is read as any text at all.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from dataclasses import dataclass

from claimcheck.rules.line_reach import ANYTHING, Unknown, may_consume_newline, reach_past_line, starts_a_line
from claimcheck.rules.line_reach import REPEATS as _REPEATS

try:
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - an interpreter without the 3.11 layout
    _p = _c = None

_SET_LIMIT = 64  # a character class of more literals than this is no anchor
# \p{Han} and other properties of the regex module: a class Python's parser cannot read;
# stood in for by characters no anchor may contain.
_PROPERTY = re.compile(r"\\\\|\\([pP])(?:\{[^}]*\}|[A-Za-z])|\\(L)<[^>]*>")
# `regex` lets two groups share a name ((?P<up>rose)|continued to (?P<up>rise)), Python's parser
# does not; a name changes no anchor, so such groups are read unnamed.
_GROUP_NAME = re.compile(r"\\.|\(\?P<(\w+)>")
_STAND_INS = {"p": "\U0010fffd", "P": ANYTHING, "L": ANYTHING}  # \L<list>: any text at all
_ESCAPED = re.compile(r"\\[pPNx]\{[^}]*\}|\\.")
_NOT_A_REPEAT = re.compile(r"\{(?!\d*,?\d*\})")


Anchor = tuple[str, bool]  # a string, and whether it is compared in either case (lower-cased)


@dataclass(frozen=True, slots=True)
class Anchoring:
    anchors: frozenset[Anchor]  # empty: none known, the pattern is tried everywhere
    one_line: bool  # its matches never contain a line break
    reach: int | None  # how far past the end of a match's line its lookaheads read; None: no bound known
    starts_a_line: bool = False  # every match starts where a line does


NONE = Anchoring(frozenset(), False, None)


def anchoring(pattern: str) -> Anchoring:
    """The anchors, line-boundedness and reach of `pattern` (NONE if it cannot be read)."""
    tree = _tree(pattern)
    if tree is None:
        return NONE
    heads = starts_a_line(list(tree))
    try:
        anchors = _required(list(tree), False) or frozenset()
        one_line = not may_consume_newline(list(tree))
        reach = reach_past_line(list(tree))
    except Unknown:
        return Anchoring(frozenset(), False, None, heads)
    if any(c in anchor for c in _STAND_INS.values() for anchor, _ in anchors) or not all(map(_rare, anchors)):
        anchors = frozenset()
    return Anchoring(frozenset(anchors), one_line, reach, heads)


def _tree(pattern: str):
    """Python's parse of the pattern, or None: a syntax of `regex` it lacks, a global flag, or
    a pattern that can match nothing at all."""
    if _p is None:
        return None
    if _NOT_A_REPEAT.search(_ESCAPED.sub("", pattern)):
        return None  # a fuzzy match (?:…){e<=1} of `regex`, which Python's parser reads as text
    source = _PROPERTY.sub(lambda m: _STAND_INS[m.group(1) or m.group(2)] if m.lastindex else m.group(), pattern)
    names = [name for name in _GROUP_NAME.findall(source) if name]
    if len(names) != len(set(names)):
        source = _GROUP_NAME.sub(lambda m: "(?:" if m.group(1) else m.group(), source)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            tree = _p.parse(source)
    except Exception:  # noqa: BLE001 - any pattern Python's parser rejects or doubts
        return None
    if tree.state.flags & ~_c.SRE_FLAG_UNICODE or tree.getwidth()[0] == 0:
        return None
    return tree


def _required(items, icase: bool) -> frozenset[Anchor] | None:
    """Strings one of which every match of the sequence contains (the best found), or None.

    Items that match exact strings (a literal, [號号], (?:com|org)) join into longer ones."""
    best: frozenset[Anchor] | None = None
    joined: frozenset[Anchor] | None = None

    def consider(found):
        nonlocal best
        if found and (best is None or _score(found) > _score(best)):
            best = found

    for op, av in items:
        exact = _exact(op, av, icase)
        if exact is not None:
            longer = None if joined is None else _join(joined, exact)
            if longer is None:
                consider(joined)
            joined = longer or exact
            continue
        consider(joined)
        joined = None
        consider(_required_of(op, av, icase))
    consider(joined)
    return best


def _join(first: frozenset[Anchor], second: frozenset[Anchor], limit: int = _SET_LIMIT) -> frozenset[Anchor] | None:
    if len(first) * len(second) > limit:
        return None
    return frozenset((a + b, fa or fb) for a, fa in first for b, fb in second)


def _score(anchors: frozenset[Anchor]) -> tuple[bool, int, int]:
    return all(map(_rare, anchors)), min(len(a) for a, _ in anchors), -len(anchors)


def _exact(op, av, icase: bool) -> frozenset[Anchor] | None:
    """The strings an item matches, when it matches only fixed strings."""
    if op is _c.LITERAL:
        return _letter(av, icase)
    if op is _c.IN:
        codes = _members(av)
        if codes is None:
            return None
        found = [_letter(code, icase) for code in codes]
        return None if None in found else frozenset().union(*found)
    if op in _REPEATS and av[0] == av[1] and 0 < av[0] <= 8:
        return _exact_sequence(list(av[2]) * av[0], icase)  # [ab]{2}: aa, ab, ba and bb
    if op is _c.SUBPATTERN:
        return _exact_sequence(list(av[3]), _icase(icase, av[1], av[2]))
    if op is _c.BRANCH:
        branches = [_exact_sequence(list(b), icase) for b in av[1]]
        if None in branches or sum(map(len, branches)) > _SET_LIMIT:
            return None
        return frozenset().union(*branches)
    return None


def _members(av) -> list[int] | None:
    """The characters of a class of literals and short ranges ([號号], [0-8]), or None."""
    codes: list[int] = []
    for op, a in av:
        if op is _c.LITERAL:
            codes.append(a)
        elif op is _c.RANGE and a[1] - a[0] < _SET_LIMIT:
            codes.extend(range(a[0], a[1] + 1))
        else:
            return None
    return codes if 0 < len(codes) <= _SET_LIMIT else None


def _exact_sequence(items, icase: bool) -> frozenset[Anchor] | None:
    joined = frozenset([("", False)])
    for op, av in items:
        exact = _exact(op, av, icase)
        if exact is None:
            return None
        joined = _join(joined, exact)
        if joined is None:
            return None
    return joined


def _letter(code: int, icase: bool) -> frozenset[Anchor] | None:
    """One character: compared in either case under (?i), which only ASCII letters may be here
    (the anchor scan folds ASCII case; the regex module folds more)."""
    char = chr(code)
    if char in _STAND_INS.values():
        return None
    if not icase or not char.isalpha():
        return frozenset([(char, False)])
    return frozenset([(char.lower(), True)]) if char.isascii() else None


def _required_of(op, av, icase: bool) -> frozenset[Anchor] | None:
    if op is _c.SUBPATTERN:
        _, add, remove, sub = av
        return _required(list(sub), _icase(icase, add, remove))
    if op is _c.ATOMIC_GROUP:
        return _required(list(av), icase)
    if op in _REPEATS:
        return _required(list(av[2]), icase) if av[0] >= 1 else None
    if op is _c.BRANCH:
        found: set[Anchor] = set()
        for branch in av[1]:
            strings = _required(list(branch), icase)
            if strings is None:
                return None
            found |= strings
        return frozenset(found)
    if op is _c.ASSERT and not may_consume_newline(list(av[1])):
        # What a lookaround reads is on the same line as the match when it reads no line break.
        return _required(list(av[1]), icase)
    return None


def _icase(icase: bool, add: int, remove: int) -> bool:
    return (icase or bool(add & _c.SRE_FLAG_IGNORECASE)) and not remove & _c.SRE_FLAG_IGNORECASE


def _rare(anchor: Anchor) -> bool:
    """Whether a string is worth looking for: three characters of ASCII (a digit, "of" or "th"
    is in nearly every line), or one outside ASCII that is not a numeral (圖, 號 or § alone
    spares a pass over every text without it; 一 or 萬 is in nearly every line of figures);
    no line break (a line is where it is); no letter that has a case outside ASCII (the
    anchor scan reads the text in lower case)."""
    text = anchor[0].strip()
    cased = any(c.isalpha() and not c.isascii() and unicodedata.category(c) != "Lo" for c in text)
    if cased or "\n" in text or not text:
        return False
    if text.isascii():
        return len(text) >= 3
    return len(text) >= 2 or unicodedata.numeric(text, None) is None
