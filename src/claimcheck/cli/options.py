"""The options several commands share, each with the metavar its help shows (FILE, FORMAT,
N, LANG, SIZE, ENC) and, for a choice, the completion of its values."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from claimcheck.cli.terminal import COLOR_CHOICES, set_color
from claimcheck.cli.typer_glue import ChoiceError, choice, completion_of

FAIL_ON = ("mismatch", "unsourced", "any", "none")


def lang_choices() -> tuple[str, ...]:
    """auto, then the languages of the rule folders (read when first asked, not at import)."""
    from claimcheck import rules

    return ("auto", *rules.languages())


def _one_of(choices: tuple[str, ...]) -> str:
    return ", ".join(choices[:-1]) + " or " + choices[-1]


def format_option(choices: tuple[str, ...]):
    help_text = f"Output format: {_one_of(choices)} (in any case)."
    return typer.Option("--format", "-f", metavar="FORMAT", help=help_text, autocompletion=completion_of(choices))


Encoding = Annotated[
    str | None,
    typer.Option("--encoding", metavar="ENC", help="The drafts' encoding (default: UTF-8, GB18030 or Big5, detected)."),
]
MaxBytes = Annotated[
    str, typer.Option("--max-bytes", metavar="SIZE", help="Refuse a draft larger than this (64k, 32M; 0: no limit).")
]
RefsMaxBytes = Annotated[
    str,
    typer.Option(
        "--refs-max-bytes",
        metavar="SIZE",
        help="Refuse a table larger than this, an .xlsx once uncompressed (0: no limit).",
    ),
]
Lang = Annotated[
    str,
    typer.Option(
        "--lang",
        metavar="LANG",
        help="Language rules: auto (decides per sentence), zh or en.",
        autocompletion=lambda incomplete: completion_of(lang_choices())(incomplete),
    ),
]
Output = Annotated[
    str | None, typer.Option("--output", "-o", metavar="FILE", help="Write here (atomically) instead of stdout.")
]
Refs = Annotated[
    list[str],
    typer.Option(
        "--refs", metavar="TABLE", help="A reference table (.csv .tsv .json .jsonl .xlsx); repeatable: rows add up."
    ),
]
RefsEncoding = Annotated[
    str | None,
    typer.Option("--refs-encoding", metavar="ENC", help="Encoding of the tables (gb18030, big5) if not UTF-8."),
]
Approx = Annotated[
    str | None,
    typer.Option(
        "--approx", metavar="SLACK", help="Slack of an approximate claim (約, nearly): 5% (the default) or 0.05."
    ),
]
Config = Annotated[
    str | None,
    typer.Option(
        "--config",
        metavar="FILE",
        help="Config file (default: the nearest claimcheck.toml, or pyproject.toml with a tool.claimcheck table).",
    ),
]
StdinFilename = Annotated[
    str | None,
    typer.Option(
        "--stdin-filename",
        metavar="NAME",
        help="Name of the draft read from standard input (-): shown in output; its suffix (.md, .html) is its format.",
    ),
]
Jobs = Annotated[
    int | None, typer.Option("--jobs", "-j", min=1, metavar="N", help="Worker processes (default: the cores).")
]
DocumentDate = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="YYYY-MM-DD",
        help="The drafts' date, against which 今年, 上月, last year resolve (default: the date a Markdown "
        "or HTML draft gives itself).",
    ),
]
Explain = Annotated[bool, typer.Option("--explain", help="For each claim, every row considered and what ruled it out.")]
ExplainNumbers = Annotated[
    bool,
    typer.Option(
        "--explain", help="Also list every number read and not reported as a claim, with the rule that set it aside."
    ),
]
Quiet = Annotated[
    bool, typer.Option("--quiet", "-q", help="Only findings and errors: no summary line, no notes, no progress bar.")
]


def _color(value: str | None) -> str | None:
    """--color takes effect as it is parsed, so that help and errors after it follow it too."""
    if value is not None:
        try:
            set_color(choice("--color", value, COLOR_CHOICES))
        except ChoiceError as exc:
            print(f"claimcheck: {exc}", file=sys.stderr)
            raise typer.Exit(2) from None
    return value


Color = Annotated[
    str | None,
    typer.Option(
        "--color",
        metavar="WHEN",
        is_eager=True,
        callback=_color,
        help="Colour: auto (a terminal, unless NO_COLOR is set; FORCE_COLOR forces it), always or never.",
        autocompletion=completion_of(COLOR_CHOICES),
    ),
]
