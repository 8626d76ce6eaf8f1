"""Which language a piece of text is in, by the scripts the language manifests declare."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from claimcheck.rules.languages import languages, manifest


@dataclass(frozen=True)
class Scripts:
    """Each language's script as runs of its characters, with the weight of one character."""

    runs: tuple[tuple[str, regex.Pattern[str], float], ...]

    def language(self, text: str, start: int = 0, end: int | None = None) -> str | None:
        """The language whose characters weigh most in text[start:end]; in a tie, the earlier
        language; None when no language's character is there."""
        end = len(text) if end is None else end
        best, most = None, 0.0
        for code, run, weight in self.runs:
            weighed = sum(map(len, run.findall(text, start, end))) * weight
            if weighed > most:
                best, most = code, weighed
        return best


@cache
def scripts() -> Scripts:
    runs = []
    for code in languages():
        script = manifest(code).script
        runs.append((code, regex.compile(f"(?:{script.characters})+"), script.weight))
    return Scripts(tuple(runs))
