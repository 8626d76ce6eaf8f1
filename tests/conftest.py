"""Options of this test suite: `--update-golden` (tests/test_golden.py) writes the golden
files from the current output instead of comparing with them. Case rows marked `xfail` are
known gaps (tests/known_gaps.py). A test marked browser, dask or hostile is slow too, so that
the quick run (`python -m pytest -m "not slow"`) leaves it out."""

from __future__ import annotations

import pytest

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
