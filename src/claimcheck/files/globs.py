"""Path patterns as in .gitignore: `*.md` matches a name anywhere, `drafts/**/*.md` a path
relative to the directory the pattern was written for (`**` as a whole part of the path
spans any number of directories, `*` stays within one name).

A pattern is matched part by part, never as one regular expression over the whole path:
the parts between `**` are looked for at their first place, as in matching `*` in a name,
so the time is linear in the depth of the path whatever the pattern (a regular expression
with a `(?:.*/)?` for each `**` backtracks exponentially on a deep path that fails).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

_TOKENS = re.compile(r"\*+|\?|\[[^\]/]+\]|[^*?\[]+|\[")
_ANY_DEPTH = "**"


def _piece(token: str) -> str:
    if token == "?":
        return "."
    if token.startswith("[") and len(token) > 1:
        body = token[1:-1].replace("\\", "\\\\")
        return "[" + ("^" + body[1:] if body.startswith("!") else body) + "]"
    return re.escape(token)


@cache
def _name(pattern: str) -> re.Pattern[str]:
    """One part of a path: `*` is any run of characters. Each stretch between two stars is
    matched at its first place and kept (an atomic group), which is always a right choice
    for a star and leaves nothing to backtrack into."""
    stretches: list[list[str]] = [[]]
    for token in _TOKENS.findall(pattern):
        if token.startswith("*"):
            stretches.append([])
        else:
            stretches[-1].append(_piece(token))
    head, *middle = ["".join(stretch) for stretch in stretches]
    if not middle:
        return re.compile(head + r"\Z", re.DOTALL)
    *between, tail = middle
    found = "".join(f"(?>.*?{stretch})" for stretch in between)
    return re.compile(f"{head}{found}.*{tail}\\Z", re.DOTALL)


@dataclass(frozen=True)
class PathPattern:
    """A pattern cut into its parts; `**` parts split it into runs of ordinary parts."""

    runs: tuple[tuple[re.Pattern[str], ...], ...]  # one more than the `**` parts
    open_end: bool  # ends with `**`: at least one part more

    def match(self, path: str) -> bool:
        parts = path.split("/")
        first, last = self.runs[0], self.runs[-1]
        if len(self.runs) == 1:
            return len(parts) == len(first) and _fits(first, parts, 0)
        end = len(parts) - len(last)
        if end < len(first) or not _fits(first, parts, 0) or not _fits(last, parts, end):
            return False
        place = len(first)
        for run in self.runs[1:-1]:
            place = next((p for p in range(place, end - len(run) + 1) if _fits(run, parts, p)), -1)
            if place < 0:
                return False
            place += len(run)
        return end > place if self.open_end else True


def _fits(run: tuple[re.Pattern[str], ...], parts: list[str], start: int) -> bool:
    return all(name.match(parts[start + i]) for i, name in enumerate(run))


@cache
def compiled(pattern: str) -> PathPattern:
    parts = pattern.strip("/").split("/")
    runs: list[list[re.Pattern[str]]] = [[]]
    for i, part in enumerate(parts):
        if part != _ANY_DEPTH:
            runs[-1].append(_name(part))
        elif i == 0 or parts[i - 1] != _ANY_DEPTH:  # `**/**` spans what one `**` spans
            runs.append([])
    return PathPattern(tuple(tuple(run) for run in runs), open_end=parts[-1] == _ANY_DEPTH)


def _is_path_pattern(pattern: str) -> bool:
    return "/" in pattern.strip("/")


@dataclass(frozen=True)
class Patterns:
    """Patterns written relative to `base` (the config file's directory, or the current one)."""

    patterns: tuple[str, ...]
    base: Path = field(default_factory=Path.cwd)

    def matches(self, path: Path, *, any_part: bool = True) -> bool:
        """Whether `path` is matched: a name pattern by its name (by any of its parts when
        `any_part`), a path pattern by its path under `base`."""
        absolute = Path(os.path.abspath(path))
        try:
            relative = absolute.relative_to(self.base).as_posix()
        except ValueError:
            relative = None
        parts = (relative or absolute.as_posix()).split("/") if any_part else [absolute.name]
        for pattern in self.patterns:
            if _is_path_pattern(pattern):
                if relative is not None and compiled(pattern).match(relative):
                    return True
            elif any(compiled(pattern).match(part) for part in parts):
                return True
        return False
