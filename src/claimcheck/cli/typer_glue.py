"""How the command line talks, on top of typer: help that names each value as a reader would
(FILE, FORMAT, N) rather than by its Python type (<list[str]>, <bool>), a usage error as one
line on stderr with exit code 2 rather than a boxed panel, and choices read in any case.

The commands (`app.command(cls=Command)`) and groups (`typer.Typer(cls=Group)`) of
claimcheck.cli.app and claimcheck.cli.refs use these classes; only the root group's `main`
runs, so it alone turns usage errors into lines.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

from typer import Abort
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
from typer.core import TyperCommand, TyperGroup

PROGRAM = "claimcheck"


class ChoiceError(ValueError):
    """A value outside an option's choices; the message is the line to print."""


def choice(option: str, value: str, choices: Iterable[str]) -> str:
    """`value` as one of `choices`, in any case (-f JSON is -f json)."""
    allowed = list(choices)
    folded = value.strip().lower()
    if folded not in allowed:
        raise ChoiceError(f"{option} {value}: choose one of {', '.join(allowed)}")
    return folded


def completion_of(choices: Iterable[str]):
    """A completion callback offering `choices` (typer's `autocompletion=`)."""
    allowed = tuple(choices)
    return lambda incomplete: [name for name in allowed if name.startswith(incomplete.lower())]


def _plain(param: Any) -> None:
    """Help shows an option's metavar and nothing more; an argument's metavar is its name,
    and a flag has no value to name."""
    is_argument = param.param_type_name == "argument"
    shown = None if is_argument or getattr(param, "is_flag", False) else param.metavar
    param.display_type_rich = lambda ctx: shown
    if is_argument and param.metavar:
        param.get_usage_pieces = lambda ctx: [param.metavar]


class _PlainHelp:
    def get_params(self, ctx: Any) -> Any:
        params = super().get_params(ctx)  # type: ignore[misc]
        for param in params:
            _plain(param)
        return params


class Command(_PlainHelp, TyperCommand):
    pass


def usage_line(error: UsageError) -> str:
    """The error as one line: `check: no such option: --frmat; see 'claimcheck check --help'`."""
    message = " ".join(error.format_message().split()).rstrip(".")
    message = message[:1].lower() + message[1:]
    ctx = error.ctx
    if ctx is None:
        return message
    command = ctx.command_path.partition(" ")[2]
    where = f"{command}: " if command else ""
    return f"{where}{message}; see '{ctx.command_path} --help'"


class Group(_PlainHelp, TyperGroup):
    def main(self, args: Any = None, prog_name: str | None = None, *rest: Any, **extra: Any) -> Any:
        standalone = extra.pop("standalone_mode", True)
        prog_name = prog_name or PROGRAM
        if not standalone:
            return super().main(args, prog_name, *rest, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, *rest, standalone_mode=False, **extra)
        except NoArgsIsHelpError:  # the help is printed already
            sys.exit(2)
        except UsageError as error:
            print(f"{PROGRAM}: {usage_line(error)}", file=sys.stderr)
            sys.exit(2)
        except ClickException as error:
            print(f"{PROGRAM}: {' '.join(error.format_message().split())}", file=sys.stderr)
            sys.exit(error.exit_code)
        except Abort:
            print(f"{PROGRAM}: aborted", file=sys.stderr)
            sys.exit(2)
        sys.exit(code if isinstance(code, int) else 0)
