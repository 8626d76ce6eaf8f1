"""The baseline: findings a newsroom has accepted, so that only new ones fail.

An entry is a file (relative to the baseline file), a claim's stable id and its status. The
id depends on the claim and its sentence only, so editing another paragraph keeps it; a
claim whose status changes (an unsourced figure the table now contradicts) is new again.
A figure readers may see otherwise than claimcheck reads it has an entry of its own, status
`deceptive`: accepting a claim as unsourced does not accept bidirectional controls added to
it later. A claim is silenced only when each of its findings is in the baseline.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from claimcheck.errors import InputError
from claimcheck.files.outputs import write_output
from claimcheck.files.read import STDIN, read_bytes
from claimcheck.files.structured import load_json
from claimcheck.names import shown

Key = tuple[str, str, str]


class Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    id: str
    status: Literal["sourced", "mismatch", "unsourced", "deceptive"]
    kind: str
    text: str


class BaselineFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    claimcheck_baseline: Literal[1] = 1
    findings: list[Entry]


def file_key(path: str, baseline: str) -> str:
    """How `path` is written in the baseline: relative to the baseline's directory, with `/`
    (a byte that is not UTF-8 as \\xNN, as in every report)."""
    if path == STDIN:
        return STDIN
    directory = Path(os.path.abspath(baseline)).parent
    return shown(Path(os.path.relpath(os.path.abspath(path), directory)).as_posix())


def _field(error: dict) -> str:
    """Where a validation error is, as a path into the JSON: findings[3].status."""
    where = ""
    for part in error["loc"]:
        where += f"[{part}]" if isinstance(part, int) else f".{part}" if where else str(part)
    return where or "the file"


def load_baseline(path: str) -> set[Key]:
    return {(entry.path, entry.id, entry.status) for entry in load_entries(path)}


def load_entries(path: str) -> list[Entry]:
    if not os.path.lexists(path):
        raise InputError(f"{path}: no such baseline file (write one with --update-baseline)")
    try:
        data = load_json(read_bytes(path, None, "").decode("utf-8-sig"))  # a BOM from Notepad is fine
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: cannot read the baseline: not valid UTF-8 at byte {exc.start}") from None
    except ValueError as exc:
        raise InputError(f"{path}: not a claimcheck baseline: {exc}") from None
    try:
        baseline = BaselineFile.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        message = error["msg"]
        if error["type"] == "missing":
            message = "missing"
        elif error["type"] == "extra_forbidden":
            message = "not a key of a baseline"
        elif error["type"] == "model_type":
            message = "should be an object with claimcheck_baseline and findings"
        raise InputError(f"{path}: not a claimcheck baseline: {_field(error)}: {message}") from None
    return baseline.findings


def write_baseline(path: str, entries: list[Entry]) -> None:
    """Sorted by file, then text, so that the file diffs well in review."""
    ordered = sorted(set(entries), key=lambda e: (e.path, e.text, e.id))
    write_output(path, BaselineFile(findings=ordered).model_dump_json(indent=2) + "\n")


def add_to_baseline(path: str, entries: list[Entry]) -> None:
    """The entries written beside those the file holds (a file not there yet is made)."""
    held = load_entries(path) if os.path.lexists(path) else []
    write_baseline(path, [*held, *entries])
