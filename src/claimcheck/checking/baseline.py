"""The baseline: findings a newsroom has accepted, so that only new ones fail.

An entry is a file (relative to the baseline file), a claim's stable id and its status. The
id depends on the claim and its sentence only, so editing another paragraph keeps it; a
claim whose status changes (an unsourced figure the table now contradicts) is new again.
A figure readers may see otherwise than claimcheck reads it has an entry of its own, status
`deceptive`: accepting a claim as unsourced does not accept bidirectional controls added to
it later. A claim is silenced only when each of its findings is in the baseline.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from claimcheck.checking.discover import STDIN
from claimcheck.errors import InputError
from claimcheck.files import write_atomically
from claimcheck.models import Status

Key = tuple[str, str, str]


class Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    id: str
    status: Status | Literal["deceptive"]
    kind: str
    text: str


class BaselineFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    claimcheck_baseline: Literal[1] = 1
    findings: list[Entry]


def file_key(path: str, baseline: str) -> str:
    """How `path` is written in the baseline: relative to the baseline's directory, with `/`."""
    if path == STDIN:
        return STDIN
    directory = Path(os.path.abspath(baseline)).parent
    return Path(os.path.relpath(os.path.abspath(path), directory)).as_posix()


def load_baseline(path: str) -> set[Key]:
    try:
        data = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such baseline file (write one with --update-baseline)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the baseline: {exc}") from None
    try:
        baseline = BaselineFile.model_validate(json.loads(data))
    except (json.JSONDecodeError, ValidationError) as exc:
        first = str(exc).splitlines()[0]
        raise InputError(f"{path}: not a claimcheck baseline: {first}") from None
    return {(entry.path, entry.id, entry.status) for entry in baseline.findings}


def write_baseline(path: str, entries: list[Entry]) -> None:
    """Sorted by file, then text, so that the file diffs well in review."""
    ordered = sorted(set(entries), key=lambda e: (e.path, e.text, e.id))
    write_atomically(path, BaselineFile(findings=ordered).model_dump_json(indent=2) + "\n")
