"""How a file's name is written in reports and messages, so that it still names the file.

A name on Linux is bytes. Python reads one that is not UTF-8 with each stray byte as a lone
surrogate (U+DC80–U+DCFF, PEP 383), which no UTF-8 output can hold: writing it was a
UnicodeEncodeError. The rule, the same in every format:

- `shown`: each byte that is not UTF-8 is written `\\xNN` (the bytes decoded with Python's
  backslashreplace); the rest of the name is as it is. To find the file, replace each
  `\\xNN` (NN from 80 to FF) by the byte NN. Used by JSON, JSON Lines, CSV, the baseline,
  GitHub annotations (which escape a line break as %0A themselves) and HTML.
- `one_line`: `shown`, with control characters (a line break, a tab, an escape) written
  `\\xNN` too, where a name must stay on its line: the text format, tables, JUnit, messages.
- `uri`: the name's bytes percent-encoded (`%FF`, `%0A`), as RFC 3986 says; SARIF.
"""

from __future__ import annotations

from urllib.parse import quote

_CONTROLS = {code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7F, 0xA0))}


def os_bytes(name: str) -> bytes:
    """The bytes the name stands for (a lone surrogate that is no escaped byte stays escaped)."""
    try:
        return name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return name.encode("utf-8", "backslashreplace")


def shown(name: str) -> str:
    if name.isascii():
        return name
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os_bytes(name).decode("utf-8", "backslashreplace")


def one_line(name: str) -> str:
    return shown(name).translate(_CONTROLS)


def uri(name: str, safe: str = "/") -> str:
    return quote(os_bytes(name), safe=safe)
