"""Options of this test suite: `--update-golden` (tests/test_golden.py) writes the golden
files from the current output instead of comparing with them. Case rows marked `xfail` are
known gaps (tests/known_gaps.py)."""

from __future__ import annotations

import pytest

pytest_plugins = ["known_gaps", "pytester"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="write tests/golden/ from the current output of claimcheck instead of comparing",
    )
