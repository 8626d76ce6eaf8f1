"""The date a draft gives itself: Markdown front matter (date: 2025-12-10), an HTML page's
<meta property="article:published_time" …> or first <time datetime=…>. Plain text has none.
Which keys and meta names count is data (rules/common/periods.toml [document_date]).

A date that cannot be read (2025-13-40, "yesterday") is no date: relative periods then stay
unresolved, as without one. Nothing here raises on what a draft holds.
"""

from __future__ import annotations

import datetime
import html
from functools import cache

import regex

from claimcheck.rules.languages import COMMON, language
from claimcheck.text.prose import Format

_ISO_DATE = regex.compile(r"\s*[\"']?\s*(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_FRONT_MATTER = regex.compile(r"\A\ufeff?(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n\1[ \t]*(?:\r?\n|\Z)", regex.S)
_ATTRIBUTE = regex.compile(r"""([^\s"'=<>/`]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_META = regex.compile(r"<meta\b([^>]*)>", regex.I)
_TIME = regex.compile(r"<time\b([^>]*)>", regex.I)
_HEAD_REACH = 200_000  # a page states its date near its top: look no further


def read_date(value: str) -> datetime.date | None:
    """The date at the start of `value` (2025-12-10, "2025-12-10", 2025-12-10T08:00:00+08:00), if valid."""
    match = _ISO_DATE.match(value)
    if match is None:
        return None
    try:
        return datetime.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


@cache
def _key_line() -> regex.Pattern[str]:
    keys = language(COMMON).document_date.front_matter_keys
    names = "|".join(regex.escape(k) for k in keys) or "(?!)"
    return regex.compile(rf"(?im)^[ \t]*(?:{names})[ \t]*[:=][ \t]*(.*?)[ \t]*\r?$")


def _front_matter_date(text: str) -> datetime.date | None:
    found = _FRONT_MATTER.match(text)
    if found is None:
        return None
    line = _key_line().search(found[2])
    return read_date(line[1]) if line else None


def _attributes(inside: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(inside):
        value = next((v for v in match.groups()[1:] if v is not None), "")
        found.setdefault(match[1].lower(), html.unescape(value))
    return found


def _html_date(text: str) -> datetime.date | None:
    head = text[:_HEAD_REACH]
    rules = language(COMMON).document_date
    wanted = [name.lower() for name in rules.meta_names]
    best: tuple[int, datetime.date] | None = None
    for match in _META.finditer(head):
        attributes = _attributes(match[1])
        name = (attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or "").lower()
        if name in wanted and (best is None or wanted.index(name) < best[0]):
            date = read_date(attributes.get("content", ""))
            if date is not None:
                best = (wanted.index(name), date)
    if best is not None:
        return best[1]
    if rules.time_tag:
        for match in _TIME.finditer(head):
            date = read_date(_attributes(match[1]).get("datetime", ""))
            if date is not None:
                return date
    return None


def document_date(text: str, fmt: Format | str) -> datetime.date | None:
    """The date the draft gives itself, or None (plain text, no date, a date that cannot be read)."""
    if fmt == "markdown":
        return _front_matter_date(text)
    if fmt == "html":
        return _html_date(text)
    return None


def date_of(text: str, fmt: Format | str, given: datetime.date | None = None) -> datetime.date | None:
    """The date periods resolve against: the one the user gave, else the draft's own."""
    return given if given is not None else document_date(text, fmt)
