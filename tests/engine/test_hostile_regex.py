"""Inputs made to make a pattern backtrack finish, and give the claims they should.

The inputs are in tests/data/hostile/adversarial.toml; scripts/bench_adversarial.py times
them at 1 MB each. Here they are 100,000 characters, run in a worker process. What is
measured is the worker's CPU time, which other processes on a busy machine hardly inflate:
the heaviest input takes a few seconds of it for its 50,000 claims, a pattern gone quadratic
takes minutes, so CPU_BUDGET lies well between. GUARD, in wall-clock seconds, only stops a
worker that never returns.
"""

from __future__ import annotations

import tomllib
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as Timeout
from contextlib import contextmanager

import pytest
from places import DATA

CASES = tomllib.loads((DATA / "hostile" / "adversarial.toml").read_text(encoding="utf-8"))
SIZE = 100_000
CPU_BUDGET = 30.0
GUARD = 120.0


def adversarial_text(case: dict, size: int) -> tuple[str, int]:
    """The input of `case` at about `size` characters, and how many times it repeats."""
    times = size // len(case["repeat"])
    return case.get("before", "") + case["repeat"] * times + case.get("after", ""), times


def _claims(case: dict, read_data: bool = False) -> tuple[list[tuple[str, int, int]], bool, float]:
    """The claims of the input, whether it was found to be data, and the CPU seconds taken;
    `read_data` makes the engine read every number even so (the patterns then meet the
    whole input)."""
    import time

    import claimcheck
    from claimcheck.text import data_blocks

    text, _ = adversarial_text(case, SIZE)
    started = time.process_time()
    is_data = bool(data_blocks.find(text))
    if read_data:
        data_blocks.find = lambda text: []  # a worker process of its own: nothing else sees this
    claims = [(claim.text, claim.start, claim.end) for claim in claimcheck.extract(text)]
    return claims, is_data, time.process_time() - started


@contextmanager
def _one_worker():
    pool = ProcessPoolExecutor(max_workers=1)
    try:
        yield pool
    finally:
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()  # a worker stuck in a pattern does not stop by itself
        pool.shutdown(wait=False, cancel_futures=True)


@pytest.fixture(scope="module")
def worker():
    with _one_worker() as pool:
        yield pool


@pytest.fixture
def reader():
    """A worker of its own for each call: the engine is changed in it."""
    with _one_worker() as pool:
        yield pool


def _result(pool, case: dict, read_data: bool = False) -> tuple[list[tuple[str, int, int]], bool]:
    try:
        claims, is_data, cpu = pool.submit(_claims, case, read_data).result(timeout=GUARD)
    except Timeout:
        pytest.fail(f"{case['name']}: no result in {GUARD} s for {SIZE:,} characters")
    assert cpu < CPU_BUDGET, f"{case['name']}: {cpu:.1f} CPU seconds for {SIZE:,} characters"
    return claims, is_data


def _check_spans(text: str, claims: list[tuple[str, int, int]]) -> None:
    for claim, start, end in claims:
        assert text[start:end] == claim
    assert all(first[2] <= second[1] for first, second in zip(claims, claims[1:], strict=False))


@pytest.mark.hostile
@pytest.mark.parametrize("case", CASES["input"], ids=lambda case: case["name"])
def test_each_adversarial_input_finishes_as_shipped(worker, case):
    claims, is_data = _result(worker, case)
    text, times = adversarial_text(case, SIZE)
    assert is_data == case.get("data", False)
    expected = 0 if is_data else case.get("claims", case.get("claims_per_repeat", 0) * times)
    assert len(claims) == expected
    _check_spans(text, claims)


@pytest.mark.hostile
@pytest.mark.parametrize("case", [c for c in CASES["input"] if c.get("data")], ids=lambda case: case["name"])
def test_each_data_input_read_number_by_number_finishes_with_its_claims(reader, case):
    claims, _ = _result(reader, case, read_data=True)
    text, times = adversarial_text(case, SIZE)
    assert len(claims) == case.get("claims", case.get("claims_per_repeat", 0) * times)
    _check_spans(text, claims)


def test_a_campaign_after_a_run_of_scale_characters_is_still_a_trap(monkeypatch):
    """The trap 百億補貼 now matches only from the start of a run of scale characters."""
    import claimcheck
    from claimcheck.text import data_blocks

    monkeypatch.setattr(data_blocks, "find", lambda text: [])  # the run alone would be a data paragraph

    assert [c.text for c in claimcheck.extract("萬" * 5000 + "百億補貼,補貼3000元。")] == ["3000元"]
    assert [c.text for c in claimcheck.extract("推出千億補貼")] == []


def test_a_version_number_is_a_trap_and_a_trailing_full_stop_ends_it():
    import claimcheck

    assert [c.text for c in claimcheck.extract("Upgrade to 1.2.3 or v2.0.1 now.")] == []
    assert [c.text for c in claimcheck.extract("分數是三分之一。")] == ["三分之一"]


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # found by fuzz/fuzz_extract.py, each a traceback or a broken promise before its fix
        ("sales 2 up 12%", [("2 up", "comparison"), ("12%", "percent")]),  # both took "up": overlapping
        ("Kestrel was No. 1 in sales.", [("No. 1", "rank")]),  # its sentence ended at "No."
        ("1e999999999 billion", [("1e999999999 billion", "quantity")]),  # decimal.Overflow
        ("9e999999999999 km", [("9e999999999999 km", "quantity")]),
        ("一" + "萬" * 300_000 + "元", [("一" + "萬" * 300_000 + "元", "money")]),
        ("abc 5\udc80萬輛 3 km", [("5", "quantity"), ("3 km", "quantity")]),  # a lone surrogate in the id
        ("Sales were up\n 12.4% in 2025.", [("12.4%", "percent")]),  # claims reached across a line break
        ("It ranked\nthird.", []),
        ("It was the\nlargest.", []),
        ("是特斯拉的\n兩倍", [("兩倍", "quantity")]),
        ("It was No.\n5 and 2025\n年交付了50萬臺", [("5", "quantity"), ("50萬臺", "quantity")]),  # traps, dates
    ],
    ids=[
        "comparison overlap",
        "No. 1 sentence",
        "overflow billion",
        "overflow km",
        "萬萬萬",
        "surrogate",
        "change word on the line before",
        "rank word on the line before",
        "determiner on the line before",
        "multiple on the line before",
        "trap and date on the line before",
    ],
)
def test_fuzz_findings_stay_fixed(text, claims, monkeypatch):
    import claimcheck
    from claimcheck.text import data_blocks

    monkeypatch.setattr(data_blocks, "find", lambda text: [])  # 萬萬萬… is read, not skipped as data

    found = claimcheck.extract(text)
    assert [(c.text, c.kind) for c in found] == claims
    for claim in found:
        assert claim.sentence.start <= claim.start <= claim.end <= claim.sentence.end
