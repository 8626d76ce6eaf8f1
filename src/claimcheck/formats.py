"""The output formats of each command, by name. Each maps to its renderer in
claimcheck.render.<command>, whose dispatch ends in assert_never: a name added here and not
there fails the type check, and tests/render/test_formats.py fails on a name without a renderer or a
renderer module without a name. The command line offers the names; it loads no renderer to
list them."""

from __future__ import annotations

from typing import Literal, get_args

ExtractFormat = Literal["table", "json", "jsonl", "csv"]
VerifyFormat = Literal["table", "json", "jsonl", "csv", "claimreview"]
CheckFormat = Literal["text", "json", "github", "sarif", "junit", "html"]
RefsFormat = Literal["table", "json"]

EXTRACT_FORMATS: tuple[ExtractFormat, ...] = get_args(ExtractFormat)
VERIFY_FORMATS: tuple[VerifyFormat, ...] = get_args(VerifyFormat)
CHECK_FORMATS: tuple[CheckFormat, ...] = get_args(CheckFormat)
REFS_FORMATS: tuple[RefsFormat, ...] = get_args(RefsFormat)
HUMAN_CHECK_FORMATS: tuple[CheckFormat, ...] = ("text", "github")  # the summary line goes with them, on stdout
