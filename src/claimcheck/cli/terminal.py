"""What a person at a terminal is shown: colour or not, notes or not.

Colour follows `--color` (auto, always, never), then NO_COLOR and FORCE_COLOR (set and not
empty; NO_COLOR wins when both are), then whether the stream is a terminal. `--color`
is passed on by setting those two variables, so rich (help, tables, progress bars) and
worker processes follow it too. `--quiet` keeps the notes off stderr: the summary line,
the parts not read, the files left out; findings and errors are still said.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

COLOR_CHOICES = ("auto", "always", "never")
_settings = {"quiet": False}


def set_color(choice: str) -> None:
    if choice == "always":
        os.environ.pop("NO_COLOR", None)
        os.environ["FORCE_COLOR"] = "1"
    elif choice == "never":
        os.environ.pop("FORCE_COLOR", None)
        os.environ["NO_COLOR"] = "1"


def colour(stream: TextIO | None = None) -> bool:
    """Whether output to `stream` (stdout) is coloured."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = stream or sys.stdout
    return stream.isatty() and os.environ.get("TERM") != "dumb"


def console():
    """A rich console for stdout that colours only when `colour()` says so."""
    from rich.console import Console

    if colour():
        return Console(highlight=False)
    return Console(highlight=False, color_system=None)


def set_quiet(quiet: bool) -> None:
    _settings["quiet"] = quiet


def quiet() -> bool:
    return _settings["quiet"]


def progress_wanted(output_shown: bool = False) -> bool:
    """A progress bar only for a person: stderr is a terminal, this is not CI, nor --quiet, and
    the output itself is not being printed on that terminal (`output_shown`)."""
    return sys.stderr.isatty() and not os.environ.get("CI") and not output_shown and not quiet()
