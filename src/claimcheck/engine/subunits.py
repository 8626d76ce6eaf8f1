"""A bare count after money or hours, in the next smaller unit: "$12 50", "2 hours 15".

Read only when the count ends the phrase (a full stop, a comma, the end of the text) and
fits the smaller unit (below 100 cents, below 60 minutes), so that "$20 and 43 people"
and "$12 50 and 60" stay apart.
"""

from __future__ import annotations

from decimal import Decimal

from claimcheck.engine.word_numerals import parse_words
from claimcheck.rules.grammar import Grammar


def bare_subunit(text: str, end: int, canonical: str | None, money: bool, g: Grammar) -> tuple[Decimal, int] | None:
    """The count after `end` as a part of the main unit (50 cents → 0.5), and where it ends."""
    per = g.bare_subunits.get("money") if money else g.bare_subunits.get(canonical or "")
    if per is None or not text.startswith((" ", ","), end):
        return None
    match = g.bare_count.match(text, end)
    if match is None:
        return None
    written = match.group("n")
    if written[0].isdigit():
        count = Decimal(written)
    else:
        read = parse_words(written, g.word_numerals) if g.word_numerals else None
        if read is None or read[1] != len(written):
            return None
        count = read[0]
    if not 0 < count < per:
        return None
    return count / per, match.end()
