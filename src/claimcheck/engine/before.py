"""What stands before a number: a qualifier (超過, more than), a currency sign (US$), a negative
word (minus, 零下) or a word that gives a bare number its unit (aged 87)."""

from __future__ import annotations

import regex

from claimcheck.engine.quantity import LOOK_BACK, Quantity, qualify
from claimcheck.engine.tail import add_bare_subunit, read_after
from claimcheck.rules.grammar import Grammar


def read_before(text: str, q: Quantity, g: Grammar, floor: int) -> None:
    """Extend q leftwards over a qualifier (超過, more than) and a currency sign (US$)."""
    if text[q.start - 1 : q.start] in g.before_ends:
        before = g.before.match(text, max(floor, q.start - LOOK_BACK), q.start)
        if before is not None and before.start() < q.start:
            _read_before(text, q, g, before)
    if q.unit is None and q.currency is None and not q.percent:
        scaled = q.scaled or any(c in g.scale_of for c in q.number_text)
        if not scaled:
            _unit_before(text, q, g, floor)
        elif (m := g.money_nouns).currency and (
            text.startswith(m.after, q.end) or m.before.search(text, max(floor, q.start - LOOK_BACK), q.start)
        ):
            q.currency = m.currency  # 票房9.7億, 農損逾28億, 150萬獎金: money, its 元 unwritten


def _unit_before(text: str, q: Quantity, g: Grammar, floor: int) -> None:
    """aged 87, ages 5 to 11: a word before the number that gives it its unit."""
    if text[q.start - 1 : q.start] != " ":
        return  # the word and a space stand right before the number
    word = g.unit_before.search(text, max(floor, q.start - LOOK_BACK), q.start)
    if word is None:
        return
    q.unit_text = word.group("w")
    q.unit = g.unit(g.unit_before_of[q.unit_text])
    q.start = word.start()


def _read_before(text: str, q: Quantity, g: Grammar, before: regex.Match[str]) -> None:
    if before.group("neg"):
        q.value, q.number_value = -q.value, -q.number_value
        q.value_max = -q.value_max if q.value_max is not None else None
        q.start = before.start("neg")
    if before.group("cur"):
        q.currency_text = before.group("cur")
        q.currency = g.currency_of[q.currency_text]
        q.start = before.start("cur")
        if q.unit is None and q.end == q.number_end and not q.scaled and text.startswith((" ", ","), q.end):
            add_bare_subunit(text, q, g)
    qualifier = before.group("q")
    if qualifier and text[before.start("q") - 1 : before.end("q")] not in g.not_qualifiers:
        q.start = before.start("q")
        qualify(q, qualifier, g)
        if qualifier.lower() in g.between_words and q.value_max is None and not q.percent:
            _reread_after(text, q, g)


def _reread_after(text: str, q: Quantity, g: Grammar) -> None:
    """After "between", read the tail again: now "and" joins the two ends of a range."""
    q.value, q.end = q.number_value, q.number_end
    q.unit = q.unit_text = None
    q.scaled = False
    read_after(text, q, g)
