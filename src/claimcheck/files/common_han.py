"""A short Chinese text in GB18030 or Big5, told by the share of common Han characters.

A headline of a dozen characters is too short for the statistical detector, which then
answers Korean or nothing. Decoded strictly in the right encoding, nearly every Han
character of a Chinese text is one the standard lists among those in daily use; decoded in
the wrong one, about half are rare, or the bytes do not decode. The thresholds and the
ranges of common characters are data, in rules/legacy_encodings.toml.
"""

from __future__ import annotations

from functools import cache

import regex

from claimcheck import rules

_HAN = regex.compile(r"\p{Han}")
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
_SPACED_HAN = regex.compile(r"(?<=\p{Han}[ \t\u3000]+)\p{Han}")


def _codes(span: str) -> range:
    first, _, last = span.partition("-")
    return range(int(first, 16), int(last or first, 16) + 1)


@cache
def _common(standard: str, spans: tuple[str, ...]) -> dict[int, None]:
    """The common characters of a standard, as a table str.translate deletes them by."""
    found: dict[int, None] = {}
    for span in spans:
        for code in _codes(span):
            try:
                char = code.to_bytes(2, "big").decode(standard)
            except UnicodeDecodeError:
                continue  # a code the standard leaves empty
            if _HAN.fullmatch(char):
                found[ord(char)] = None
    return found


def _share(text: str, common: dict[int, None], limits: rules.LegacyEncodingRules) -> float | None:
    """The share of common characters among the Han ones, or None when the text is not
    Chinese enough to tell (too few Han, Korean spacing, Japanese kana)."""
    han = len(_HAN.findall(text))
    if han < limits.min_han:
        return None
    if len(_SPACED_HAN.findall(text)) > han * limits.max_spaced_share:
        return None
    if len(_KANA.findall(text)) > han * limits.max_kana_share:
        return None
    rare = len(_HAN.findall(text.translate(common)))
    return (han - rare) / han


def _foreign(sample: bytes, limits: rules.LegacyEncodingRules) -> bool:
    """Whether the sample is another language whose bytes could pass for Chinese."""
    for foreign in limits.foreign:
        try:
            text = sample.decode(foreign.codec)
        except UnicodeDecodeError:
            continue
        beyond_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
        found = len(regex.findall(rf"\p{{{foreign.script}}}", text))
        if beyond_ascii and found >= beyond_ascii * foreign.min_share:
            return True
    return False


def common_han_codec(sample: bytes) -> str | None:
    """The codec (gb18030, cp950) in which `sample` reads as Chinese made mostly of common
    characters, or None. `sample` holds whole characters (it ends at a line break)."""
    limits = rules.legacy_encodings()
    if _foreign(sample, limits):
        return None
    best: tuple[float, str] | None = None
    for reading in limits.reading:
        try:
            text = sample.decode(reading.codec)
        except UnicodeDecodeError:
            continue
        share = _share(text, _common(reading.standard, tuple(reading.common)), limits)
        if share is not None and share >= limits.min_common_share and (best is None or share > best[0]):
            best = (share, reading.codec)
    return best[1] if best else None
