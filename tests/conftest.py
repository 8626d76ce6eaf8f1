"""Options of this test suite: `--update-golden` (tests/render/test_golden.py) writes the golden
files from the current output instead of comparing with them. Case rows marked `xfail` are
known gaps (tests/known_gaps.py). A test marked browser, dask or hostile is slow too, so that
the quick run (`python -m pytest -m "not slow"`) leaves it out."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The test modules sit in a folder per stage of the package (tests/engine/, tests/cli/, …) and
# import the helpers at the top of tests/ (cli_run, check_fakes, places, known_gaps) by name.
sys.path.insert(0, str(Path(__file__).resolve().parent))

pytest_plugins = ["known_gaps", "pytester"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="write tests/golden/ from the current output of claimcheck instead of comparing",
    )


SLOW_KINDS = ("browser", "dask", "hostile")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if any(item.get_closest_marker(kind) for kind in SLOW_KINDS):
            item.add_marker(pytest.mark.slow)
