"""Word lists as patterns: guarded alternations, named lists of the regex module, and the
scans and endings the relation grammar is made of."""

from __future__ import annotations

import re

import regex

from claimcheck.rules.patterns import alternation, word_trie


class NamedLists:
    """Word lists as patterns: each list as a trie of its words (the longest word at a place
    first), which the regex module tries in one step where a named list (\\L<…>) of the same
    words costs a lookup per length; named lists remain for the words found from their
    second character (anchored_late)."""

    def __init__(self) -> None:
        self.lists: dict[str, list[str]] = {}

    def __call__(self, name: str, words: list[str]) -> str:
        return f"(?:{'|'.join(self.parts(name, words)) or '(?!)'})"

    def parts(self, name: str, words: list[str]) -> list[str]:
        """One pattern for the words in Latin letters, one for the others; scanning a text
        with each apart is faster than with their alternation."""
        latin = sorted({w.lower() for w in words if is_latin(w)})
        other = sorted({w for w in words if not is_latin(w)})
        parts = []
        if latin:
            parts.append(f"(?:\\b(?i:{word_trie(latin)})(?![A-Za-z]))")
        if other:
            parts.append(f"(?:{word_trie(other)})")
        return parts

    def anchored_late(self, name: str, words: list[str], common_first: str) -> str:
        """Words that begin with a common character, found from their second one:
        the match starts one character late and the caller moves it back."""
        late = sorted({w for w in words if len(w) > 1 and w[0] in common_first})
        if not late:
            return "(?!)"
        self.lists[name] = [w[1:] for w in late]
        firsts = regex.escape("".join(sorted({w[0] for w in late})))
        seconds = regex.escape("".join(sorted({w[1] for w in late})))
        return f"(?=[{seconds}])(?<=[{firsts}])\\L<{name}>"

    def compile(self, pattern: str) -> regex.Pattern[str]:
        return regex.compile(pattern, ignore_unused=True, **self.lists)


def is_latin(word: str) -> bool:
    return word[:1].isascii() and word[:1].isalpha()


def literal(words: list[str]) -> str:
    """The words as written, the longest first: what a named list matches at a place."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) or "(?!)"


def scan_words(words: list[str]) -> re.Pattern[str]:
    """Words written in no Latin letters (matched as written), for a pass over the whole text.
    The standard library's re scans a text for literal words at a third of the regex module's
    cost (but not when a lookbehind comes first, as in anchored_late), and faster still when
    they are factored by their beginnings: the longest word at a place, as `literal` finds it."""
    return re.compile(word_trie(sorted(set(words))) if words else "(?!)")


def any_word(words: list[str]) -> str:
    return alternation(words, case_insensitive_words=True)


def back_words(words: list[str]) -> str:
    """any_word for a pattern read right to left ((?r))."""
    return alternation(words, case_insensitive_words=True, reverse=True)


_FOLDS_TO_LATIN = regex.compile("(?i)[a-z]")


def searched(words: list[str]) -> str:
    """_any for a pattern searched left to right: the words in Latin letters and the others as
    two alternations, which the regex module scans several times faster than their mix. No
    position can start a word of each kind, so the matches are the same."""
    latin = [w for w in words if is_latin(w)]
    other = [w for w in words if not is_latin(w)]
    if not latin or not other or any(_FOLDS_TO_LATIN.match(w) for w in other):
        return any_word(words)
    return f"(?:{any_word(other)}|{any_word(latin)})"


def alternatives(words: list[str]) -> str:
    """The words as written, in their order, as one alternation (no guards, no case folding)."""
    return "|".join(regex.escape(w) for w in words) or "(?!)"


def after_change_words(words: list[str]) -> str:
    """What may stand between a change verb and its figure, read right to left from the figure:
    a word in Latin letters after a space (rose by 12%), then a particle (增長了12%)."""
    latin = [w for w in words if is_latin(w)]
    other = [w for w in words if not is_latin(w)]
    word = f"(?:\\s(?:{alternatives(latin)}))?\\s?" if latin else "\\s?"
    particle = f"(?:{alternatives(other)})?\\s?" if other else ""
    return word + particle


def ending(words: list[str]) -> regex.Pattern[str]:
    """Matches when the text ends with one of the words (read right to left)."""
    return regex.compile(f"(?r)(?:{back_words(words)})\\s?$") if words else regex.compile("(?!)")


def flat(tables: list, pick) -> list[str]:
    """The words `pick` lists in each table, all tables together."""
    return [word for table in tables for word in pick(table)]


def anchor_index(anchor_lists) -> dict[str, list[int]]:
    """Each anchor word, in lower case → the indexes of the patterns whose anchors list it."""
    index: dict[str, list[int]] = {}
    for i, anchors in enumerate(anchor_lists):
        for word in anchors:
            index.setdefault(word.lower(), []).append(i)
    return index
