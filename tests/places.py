"""Where the suite's files are, for a test module in any folder of tests/."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent  # the repository
CASES = TESTS / "cases"  # the case tables
DATA = TESTS / "data"  # samples and expected outputs
GOLDEN = TESTS / "golden"  # the golden files
