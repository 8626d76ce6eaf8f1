"""Keep a rule pattern on one line of the text.

The engine ends every sentence at a line break, so no claim, and nothing that hides a
number (a date, a trap), may run across one: `No.\\n5` is no enumeration and `2025\\n年` no
date. Rule tables write `\\s` for "a space of any kind"; `same_line` makes each `\\s` that
consumes text (outside character classes and lookarounds) a space that is not a line break.
"""

from __future__ import annotations

_NOT_A_LINE_BREAK = r"[^\S\n]"
_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")


def same_line(pattern: str) -> str:
    out: list[str] = []
    groups: list[bool] = []  # for each open group: is it a lookaround?
    in_class = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            pair = pattern[i : i + 2]
            consuming = not in_class and not any(groups)
            out.append(_NOT_A_LINE_BREAK if pair == r"\s" and consuming else pair)
            i += 2
            continue
        if in_class:
            closes = char == "]" and pattern[i - 1] != "[" and pattern[i - 2 : i] != "[^"
            in_class = not closes
        elif char == "[":
            in_class = True
        elif char == "(":
            groups.append(pattern.startswith(_LOOKAROUNDS, i))
        elif char == ")" and groups:
            groups.pop()
        out.append(char)
        i += 1
    return "".join(out)
