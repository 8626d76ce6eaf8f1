"""What the commands share besides their options (claimcheck.cli.options): a failure said in
one line with exit code 2, choices read in any case, the options of reading, the config's
units, and where output goes (stdout, cleaned for a terminal, or a file)."""

from __future__ import annotations

import sys
from typing import TextIO

import typer

from claimcheck.cli.typer_glue import ChoiceError, choice


def fail(message: str) -> typer.Exit:
    from claimcheck.files.read import terminal_safe
    from claimcheck.names import one_line

    print(f"claimcheck: {terminal_safe(one_line(message))}", file=sys.stderr)
    return typer.Exit(2)


def choose(option: str, value: str, choices: tuple[str, ...]) -> str:
    try:
        return choice(option, value, choices)
    except ChoiceError as exc:
        raise fail(str(exc)) from None


def display(quiet: bool) -> None:
    """--quiet of a command, over the one given before it (claimcheck --quiet check); --color
    took effect as it was parsed."""
    from claimcheck.cli.terminal import set_quiet

    if quiet:
        set_quiet(True)


def read_options(encoding: str | None, max_bytes: str) -> dict:
    """What --encoding and --max-bytes ask of the reading of drafts (claimcheck.run.document)."""
    from claimcheck.files.read import parse_size

    try:
        return {"encoding": encoding, "max_bytes": parse_size(max_bytes)}
    except ValueError as exc:
        raise fail(f"--max-bytes: {exc}") from None


def document_date(value: str | None):
    """--date as a date; one line and exit 2 when it is not one."""
    if value is None:
        return None
    from claimcheck.text.document_date import read_date

    found = read_date(value)
    if found is None:
        raise fail(f"--date: {value!r} is not a date: write it as YYYY-MM-DD")
    return found


def table_limit(max_bytes: str) -> int | None:
    from claimcheck.files.read import parse_size

    try:
        return parse_size(max_bytes)
    except ValueError as exc:
        raise fail(f"--refs-max-bytes: {exc}") from None


def approximation(approx: str | None) -> float | str | None:
    from claimcheck.verification.intervals import parse_approximation

    try:
        return parse_approximation(approx)
    except ValueError as exc:
        raise fail(f"--approx: {exc}") from None


def config_units(config: str | None) -> tuple[tuple[str, str], ...]:
    """The units the config's [units] table adds (the config named, else the nearest)."""
    from claimcheck.checking.config import discover

    return discover(config).keys.unit_pairs()


def drafts(paths: list[str]) -> list[str]:
    """The drafts the arguments name: a directory or a glob (in quotes) stands for the drafts in it."""
    from claimcheck.files.drafts import expand, names_many

    return expand(paths) if names_many(paths) else paths


class TerminalSafe:
    """stdout on a terminal: what a terminal would act on (escape sequences) is written out."""

    def write(self, text: str) -> None:
        from claimcheck.files.read import terminal_safe

        sys.stdout.write(terminal_safe(text))

    def flush(self) -> None:
        sys.stdout.flush()


def stdout() -> TerminalSafe | TextIO:
    return TerminalSafe() if sys.stdout.isatty() else sys.stdout


def write(text: str, output: str | None) -> None:
    """`text` to stdout, or to the file `output` (claimcheck.files.outputs)."""
    if output is None:
        stdout().write(text)
        return
    from claimcheck.files.outputs import write_output

    write_output(output, text)
