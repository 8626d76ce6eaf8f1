"""What a count counts: its Chinese measure word (輛, 座) as read with the figure, or the English
noun after it ("23 new stores" → stores), modifiers skipped (rules [frame] noun_modifiers, and a
hyphened word or one with an adjective's ending when a noun follows) and
folded to its PLURAL form, as counts are mostly written ("1 store" → stores, "1 person" →
people, irregular plurals as data)."""

from __future__ import annotations

from claimcheck.engine.raw_claim import RawClaim
from claimcheck.rules.frame_grammar import FrameGrammar

_SIBILANT_ENDS = ("s", "x", "z", "ch", "sh")


def of(clean: str, d: RawClaim, fg: FrameGrammar) -> str | None:
    if d.kind not in ("quantity", "comparison") or d.unit_canonical is not None or d.value is None:
        return None
    if d.unit:
        return plural(d.unit.lower(), fg) if d.unit.isascii() and d.unit.isalpha() else d.unit
    words = fg.noun_words.match(clean, d.end)
    if words is None:
        return None
    listed = words.group().split()
    for i, word in enumerate(listed):
        if word in fg.noun_stops:
            return None
        if word in fg.noun_modifiers:
            continue
        following = listed[i + 1] if i + 1 < len(listed) else None
        if following is not None and following not in fg.noun_stops and _adjective(word, fg):
            continue  # high-power chargers, hospital beds: the noun comes last
        return plural(word, fg)
    return None


def _adjective(word: str, fg: FrameGrammar) -> bool:
    return "-" in word or word.endswith(fg.adjective_endings)


def plural(word: str, fg: FrameGrammar) -> str:
    if word in fg.plurals:
        return fg.plurals[word]
    if word in fg.plurals.values() or (word.endswith("s") and not word.endswith(("ss", "us", "is"))):
        return word
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(_SIBILANT_ENDS) else "s")
