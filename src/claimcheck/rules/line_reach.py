"""Whether a rule pattern's matches may hold a line break, and how far past the end of a
match's line its lookaheads may read: what confines a search for it to the lines of its
anchors (claimcheck.rules.anchors). Read from Python's parse of the pattern."""

from __future__ import annotations

try:
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - an interpreter without the 3.11 layout
    _p = _c = None

_UNBOUNDED = 65535  # widths above this count as unbounded
_MARGIN = 2  # a boundary test (\b, $) at the end of a lookahead reads one character more
_NEWLINE = ord("\n")
REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) if _c else ()
# What \P{…} and \L<…> of the regex module are read as: a character that stands for any text.
ANYTHING = "\U0010fffc"
_ANY_CODE = ord(ANYTHING)


class Unknown(Exception):
    """A construct the analysis does not read (a conditional)."""


_NO_NEWLINE_CATEGORIES = frozenset(["CATEGORY_DIGIT", "CATEGORY_WORD", "CATEGORY_NOT_SPACE"])


def may_consume_newline(items) -> bool:
    for op, av in items:
        if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            continue  # reads, consumes nothing
        if op is _c.LITERAL:
            if av in (_NEWLINE, _ANY_CODE):
                return True
        elif op is _c.NOT_LITERAL:
            if av != _NEWLINE:
                return True
        elif op is _c.ANY:
            continue  # `.` stops at a line break (no pattern here sets DOTALL: flags were checked)
        elif op is _c.IN:
            if _class_has_newline(av):
                return True
        elif op is _c.CATEGORY:
            if str(av) not in _NO_NEWLINE_CATEGORIES:
                return True
        elif op is _c.SUBPATTERN:
            if av[1] & _c.SRE_FLAG_DOTALL or may_consume_newline(list(av[3])):
                return True
        elif op is _c.ATOMIC_GROUP:
            if may_consume_newline(list(av)):
                return True
        elif op in REPEATS:
            if may_consume_newline(list(av[2])):
                return True
        elif op is _c.BRANCH:
            if any(may_consume_newline(list(b)) for b in av[1]):
                return True
        elif op is _c.GROUPREF:
            return True  # the text a group matched: taken to be anything
        else:
            raise Unknown(op)  # a conditional: not worth reading
    return False


def _class_has_newline(av) -> bool:
    negated = bool(av) and av[0][0] is _c.NEGATE
    members = av[1:] if negated else av
    has = False
    for op, a in members:
        if op is _c.LITERAL:
            has |= a in (_NEWLINE, _ANY_CODE)
        elif op is _c.RANGE:
            has |= a[0] <= _NEWLINE <= a[1]
        elif op is _c.CATEGORY:
            if str(a) == "CATEGORY_SPACE" or str(a) == "CATEGORY_NOT_DIGIT" or str(a) == "CATEGORY_NOT_WORD":
                has = True
            elif str(a) not in _NO_NEWLINE_CATEGORIES:
                raise Unknown(a)
        else:
            raise Unknown(op)
    if negated:
        # [^…] holds a line break unless the class lists one (or \s) among what it excludes.
        return not has
    return has


def reach_past_line(items) -> int | None:
    """How far past the end of a match's line its lookaheads may read: the sum of the widest
    reads of those that may read a line break (nested ones too), plus a margin. One that
    reads no line break stops at the end of the line, however far it reads ([ \t]*$)."""
    total = 0
    for op, av in _walk(items):
        if op in (_c.ASSERT, _c.ASSERT_NOT) and av[0] == 1 and _may_cross(list(av[1])):
            width = _p.SubPattern(_p.State(), list(av[1])).getwidth()[1] if av[1] else 0
            if width > _UNBOUNDED:
                return None
            total += width
    return total + _MARGIN


def _may_cross(items) -> bool:
    try:
        return may_consume_newline(items)
    except Unknown:
        return True


def _walk(items):
    for op, av in items:
        yield op, av
        if op is _c.SUBPATTERN:
            yield from _walk(list(av[3]))
        elif op is _c.ATOMIC_GROUP:
            yield from _walk(list(av))
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            yield from _walk(list(av[1]))
        elif op in REPEATS:
            yield from _walk(list(av[2]))
        elif op is _c.BRANCH:
            for branch in av[1]:
                yield from _walk(list(branch))


def starts_a_line(items) -> bool:
    """Whether every match starts where a line does ((?m:^)…, (?<![^\n])…, ^… at the text's
    start): such a pattern need be tried behind line breaks alone."""
    for op, av in items:
        if op is _c.AT:
            if av in (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING):
                return True  # a line's start, or the text's
            continue
        if op is _c.ASSERT_NOT and av[0] == -1 and list(av[1]) in _NOT_A_LINE_BREAK:
            return True  # (?<![^\n]): nothing but a line break before it
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            continue  # reads, consumes nothing: what follows still decides
        if op is _c.SUBPATTERN:
            return starts_a_line(list(av[3]))
        if op is _c.BRANCH:
            return all(starts_a_line(list(branch)) for branch in av[1])
        return False
    return False


# [^\n] as the parser reads it
_NOT_A_LINE_BREAK = ([(_c.NOT_LITERAL, _NEWLINE)], [(_c.IN, [(_c.NEGATE, None), (_c.LITERAL, _NEWLINE)])]) if _c else ()
