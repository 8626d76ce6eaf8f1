"""A lead: a lookahead of the strings every match of a rule pattern starts with, set before
a pattern that opens with a lookbehind. The regex module reads such a lookbehind at every
position of the text; behind a lead, only where a match can start. Read from the pattern's
parse, as its anchors are (claimcheck.rules.anchors); the matches are the same."""

from __future__ import annotations

import re

from claimcheck.rules.anchors import _REPEATS, Anchor, _c, _exact, _icase, _join, _tree
from claimcheck.rules.patterns import word_trie

_LEAD_LIMIT = 256  # strings a lead may hold, at most
_LEAD_LENGTH = 8  # a lead stops growing once its shortest string is this long
# What a pattern that opens with a lookbehind starts with, as written: groups, lookarounds and
# boundaries before it (read by the parse; this only spares parsing the others).
_OPENS_BEHIND = re.compile(r"(?:\(\?[a-zA-Z]*[:)]|\(\?=|\(\?!|\\b|\(\?:)*\(\?<[=!]")
_NO_TEXT = "\U0010fffb"  # what a lookbehind stands in for: a character no text holds


def lead(pattern: str) -> str:
    """A lookahead of the strings every match of `pattern` starts with, to set before a pattern
    that opens with a lookbehind ("" if none is known, or one is a single character). The
    regex module reads such a lookbehind at every position; behind a lead, only where a match
    can start."""
    if not _OPENS_BEHIND.match(pattern):
        return ""  # before a word or a boundary, the engine is as quick without
    tree = _tree(_lookbehinds_stood_in(pattern))
    if tree is None or not _opens_behind(list(tree)):
        return ""  # unread, or a lookbehind only after something the pattern consumes
    starts = _starts(list(tree), False)
    if not starts or min(len(s) for s, _ in starts) < 2:
        return ""
    folded = sorted({s for s, either in starts if either})
    exact = sorted({s for s, either in starts if not either})
    parts = ([f"(?i:{word_trie(folded)})"] if folded else []) + ([word_trie(exact)] if exact else [])
    return f"(?=(?:{'|'.join(parts)}))"


def _lookbehinds_stood_in(pattern: str) -> str:
    """The pattern with each lookbehind reading one character no text holds: Python's parser
    reads no lookbehind of varying width, and what a lookbehind reads is no part of a lead."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith(("(?<=", "(?<!"), i):
            out.append(pattern[i : i + 4] + _NO_TEXT + ")")
            i = _closing(pattern, i) + 1
            continue
        step = _class_end(pattern, i) if pattern[i] == "[" else i + (2 if pattern[i] == "\\" else 1)
        out.append(pattern[i:step])
        i = step
    return "".join(out)


def _class_end(pattern: str, start: int) -> int:
    """Where the character class opened at `start` ends (after its "]")."""
    i = start + 1
    if pattern.startswith("^", i):
        i += 1
    if pattern.startswith("]", i):
        i += 1  # a "]" first in a class is one of its characters
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return min(len(pattern), i + 1)


def _closing(pattern: str, start: int) -> int:
    """Where the group opened at `start` closes (len(pattern) if it does not)."""
    depth, i = 0, start
    while i < len(pattern):
        char = pattern[i]
        if char == "[":
            i = _class_end(pattern, i)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 2 if char == "\\" else 1
    return len(pattern)


def _opens_behind(items) -> bool:
    """Whether a lookbehind comes before anything the pattern consumes."""
    for op, av in items:
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            if av[0] < 0:
                return True
        elif op is _c.SUBPATTERN:
            return _opens_behind(list(av[3]))
        elif op is not _c.AT:
            return False
    return False


def _starts(items, icase: bool) -> frozenset[Anchor] | None:
    """Strings one of which every match of the sequence starts with, or None."""
    joined: frozenset[Anchor] | None = None
    for op, av in items:
        if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            continue  # reads, consumes nothing
        exact = _exact(op, av, icase)
        if exact is not None:
            longer = exact if joined is None else _join(joined, exact, _LEAD_LIMIT)
            if longer is None:
                return joined
            joined = longer
            if min(len(s) for s, _ in joined) >= _LEAD_LENGTH:
                return joined
            continue
        starts = _starts_of(op, av, icase)
        if joined is None or starts is None:
            return joined or starts
        return _join(joined, starts, _LEAD_LIMIT) or joined  # what comes after it is not known
    return joined


def _starts_of(op, av, icase: bool) -> frozenset[Anchor] | None:
    if op is _c.SUBPATTERN:
        _, add, remove, sub = av
        return _starts(list(sub), _icase(icase, add, remove))
    if op is _c.ATOMIC_GROUP:
        return _starts(list(av), icase)
    if op in _REPEATS and av[0] >= 1:
        return _starts(list(av[2]), icase)
    if op is _c.BRANCH:
        found: set[Anchor] = set()
        for branch in av[1]:
            strings = _starts(list(branch), icase)
            if strings is None:
                return None
            found |= strings
        return frozenset(found) if len(found) <= _LEAD_LIMIT else None
    return None


def with_lead(pattern: str) -> str:
    """The pattern with its lead (`lead`) set before it: the same matches."""
    return lead(pattern) + pattern
