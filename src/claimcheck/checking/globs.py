"""Path patterns as in .gitignore: `*.md` matches a name anywhere, `drafts/**/*.md` a path
relative to the directory the pattern was written for (`**` spans directories, `*` does not)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

_TOKENS = re.compile(r"\*\*/|\*\*|\*|\?|\[[^\]/]+\]|[^*?\[]+|\[")


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    parts = []
    for token in _TOKENS.findall(pattern.strip("/")):
        if token == "**/":
            parts.append("(?:.*/)?")
        elif token == "**":
            parts.append(".*")
        elif token == "*":
            parts.append("[^/]*")
        elif token == "?":
            parts.append("[^/]")
        elif token.startswith("[") and len(token) > 1:
            body = token[1:-1].replace("\\", "\\\\")
            parts.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
        else:
            parts.append(re.escape(token))
    return re.compile("".join(parts) + r"\Z")


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
                if relative is not None and _compiled(pattern).match(relative):
                    return True
            elif any(_compiled(pattern).match(part) for part in parts):
                return True
        return False
