"""Compile the [frame] tables of rules/<lang>/relations.toml into the patterns that fill a
claim's frame (claimcheck.engine.frame). Nothing language-specific is written here."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from claimcheck import rules
from claimcheck.rules.word_patterns import NamedLists, alternatives, any_word, back_words

BASES = ("yoy", "mom", "qoq")
OWNER_HAN_MAX = 12  # the longest owner name, in Han characters, that owner_before reads
# When cues of several modalities govern a figure, the first of these wins: an analyst's
# forecast is an estimate, a company's forecast beside a guidance word is guidance.
MODALITIES = ("estimate", "guidance", "target", "forecast")


@dataclass(frozen=True, slots=True)
class Cues:
    """Cue words found by one pattern (a set lookup: fast over whole sentences), and what each
    says: a basis or a modality, or None for a word that holds a cue and is none (將近)."""

    pattern: regex.Pattern[str]
    said: dict[str, str | None]  # the word, folded to lower case → its name

    def name(self, match: regex.Match[str]) -> str | None:
        return self.said.get(match.group().lower())

    def finditer(self, text: str, start: int, end: int):
        """(match, name) of each cue word in text[start:end]."""
        for m in self.pattern.finditer(text, start, end):
            yield m, self.said.get(m.group().lower())

    def last(self, text: str, start: int, end: int) -> tuple[regex.Match[str] | None, str | None]:
        found = (None, None)
        for m, name in self.finditer(text, start, end):
            found = (m, name)
        return found


def _cues(groups: dict[str, list[str]], names: tuple[str, ...], not_cues: list[str], prefix: str = "") -> Cues:
    said: dict[str, str | None] = {}
    for name in reversed(names):  # where two lists hold a word, the first name wins
        for word in groups.get(name, []):
            said[word.lower()] = name
    for word in not_cues:
        said[word.lower()] = None
    listed = NamedLists()
    words = listed("cues", list(said)) if said else "(?!)"
    return Cues(listed.compile(prefix + words), said)


@dataclass(frozen=True, slots=True)
class FrameGrammar:
    anaphors: frozenset[str]  # folded to lower case
    baseline_intro: regex.Pattern[str]  # 較, 比: a baseline the comparison rules did not read (較10月)
    person_title_before: regex.Pattern[str]  # matched (right to left) where a name starts
    title_inside: regex.Pattern[str]
    possessive_end: regex.Pattern[str]
    owner_before: regex.Pattern[str]  # matched (ending where a figure starts): whose figure it is
    owner_reach: int  # no match of owner_before spans more, before its trailing spaces
    not_in_names: regex.Pattern[str]
    not_name_start: regex.Pattern[str]
    not_name_end: regex.Pattern[str]
    byline_start: regex.Pattern[str]
    headline_mark: regex.Pattern[str]
    dateline: regex.Pattern[str]  # matched where a line starts
    openers: str
    closers: str
    basis_cue: Cues
    basis_after: Cues  # matched where a figure ends
    level_reached: frozenset[str]  # folded to lower case
    modality_cue: Cues
    modality_next: Cues
    modality_before: Cues  # matched where a figure ends
    noun_words: regex.Pattern[str]
    noun_modifiers: frozenset[str]
    noun_stops: frozenset[str]
    adjective_endings: tuple[str, ...]
    plurals: dict[str, str]
    metric_modifiers: frozenset[str]  # folded to lower case: Net in "Net income"


def _merged(tables, pick) -> dict[str, list[str]]:
    merged: dict[str, list[str]] = {}
    for table in tables:
        for name, words in pick(table).items():
            merged.setdefault(name, []).extend(words)
    return merged


@cache
def frame_grammar(languages: tuple[str, ...]) -> FrameGrammar:
    tables = [rules.relations(lang).frame for lang in languages]

    def words(pick) -> list[str]:
        return [w for t in tables for w in pick(t)]

    not_cues = words(lambda t: t.not_cues)
    brackets = words(lambda t: t.brackets)
    titles = words(lambda t: t.person_titles)
    return FrameGrammar(
        anaphors=frozenset(w.lower() for w in words(lambda t: t.anaphors)),
        baseline_intro=regex.compile(
            any_word([w for lang in languages for w in rules.relations(lang).comparison.baseline_before])
        ),
        person_title_before=regex.compile(f"(?r)(?:{back_words(titles)})[\\s,]{{0,2}}\\Z"),
        title_inside=regex.compile(any_word(titles)),
        possessive_end=regex.compile(f"(?:{alternatives(words(lambda t: t.possessives))})\\Z"),
        owner_before=regex.compile(
            f"(?:{any_word(words(lambda t: t.owner_intros))})(?P<owner>\\p{{Han}}{{2,{OWNER_HAN_MAX}}}?)"
            f"(?:{alternatives(words(lambda t: t.possessives))})\\s*\\Z"
            if words(lambda t: t.owner_intros)
            else "(?!)"
        ),
        owner_reach=_longest(words(lambda t: t.owner_intros + t.possessives)) * 2 + OWNER_HAN_MAX,
        not_in_names=regex.compile(any_word(words(lambda t: t.not_in_names))),
        not_name_start=regex.compile(f"\\A(?:{any_word(words(lambda t: t.not_name_starts))})"),
        not_name_end=regex.compile(f"(?:{any_word(words(lambda t: t.not_name_ends))})\\Z"),
        byline_start=regex.compile(f"(?:{alternatives(words(lambda t: t.byline_starts))})"),
        headline_mark=regex.compile(
            "|".join(f"(?:{p})" for p in dict.fromkeys(words(lambda t: t.headline_marks))) or "(?!)"
        ),
        dateline=regex.compile("|".join(f"(?:{p})" for p in dict.fromkeys(words(lambda t: t.datelines))) or "(?!)"),
        openers="".join(b[0] for b in brackets if len(b) == 2),
        closers="".join(b[1] for b in brackets if len(b) == 2),
        basis_cue=_cues(_merged(tables, lambda t: t.basis), BASES, not_cues),
        basis_after=_cues(_merged(tables, lambda t: t.basis_after), BASES, [], prefix="[ \\t,]{0,2}"),
        level_reached=frozenset(w.lower() for w in words(lambda t: t.level_reached)),
        modality_cue=_cues(_merged(tables, lambda t: t.modality), MODALITIES, not_cues),
        modality_next=_cues(_merged(tables, lambda t: t.modality_next), MODALITIES, []),
        modality_before=_cues(
            _merged(tables, lambda t: t.modality_before), MODALITIES, [], prefix="[^\\d\\s，,。；;！!？?]{0,4}?"
        ),
        noun_words=regex.compile(r"(?:[ \t][a-z][a-z'-]*){1,4}"),
        noun_modifiers=frozenset(words(lambda t: t.noun_modifiers)),
        noun_stops=frozenset(words(lambda t: t.noun_stops)),
        adjective_endings=tuple(words(lambda t: t.adjective_endings)),
        plurals={k: v for t in tables for k, v in t.plurals.items()},
        metric_modifiers=frozenset(
            w.lower() for lang in languages for w in rules.relations(lang).context.metric_modifiers
        ),
    )


def _longest(words: list[str]) -> int:
    return max((len(w) for w in words), default=0)
