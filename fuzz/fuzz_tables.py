"""Coverage-guided fuzzing of reference-table loading with atheris.

    python fuzz/fuzz_tables.py /tmp/claimcheck-tables-corpus -max_total_time=300

Each input is written as a .csv, .tsv, .json or .jsonl file and loaded. A table is either
read whole or refused with one line (ClaimcheckError); anything else is a finding, and so
is a loaded row whose value is not a finite number.
"""

from __future__ import annotations

import atexit
import math
import shutil
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["claimcheck"]):
    from claimcheck.errors import ClaimcheckError
    from claimcheck.references.tables import load_references

FOLDER = Path(tempfile.mkdtemp(prefix="claimcheck-fuzz-tables-"))
atexit.register(shutil.rmtree, FOLDER, True)
SUFFIXES = (".csv", ".tsv", ".json", ".jsonl")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    path = FOLDER / f"table{SUFFIXES[data[0] % len(SUFFIXES)]}"  # the first byte picks the format
    path.write_bytes(data[1:])
    try:
        table = load_references(path)
    except ClaimcheckError as exc:
        assert "\n" not in str(exc), str(exc)
        return
    for row in table.rows:
        assert math.isfinite(row.value) and (row.value_max is None or math.isfinite(row.value_max)), row


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
