"""Path patterns on deep paths and names made to backtrack: each answers at once, and as
.gitignore would; cases in data/hostile/globs.toml. "At once" is measured in the CPU time of
the worker that answers (a busy machine hardly inflates it): under CPU_BUDGET, where a
backtracking pattern takes minutes. GUARD, in wall-clock seconds, only stops a worker that
never answers."""

from __future__ import annotations

import time
import tomllib
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as Timeout
from pathlib import Path, PurePosixPath

import pytest
from cli_run import claimcheck as run
from places import DATA

from claimcheck.files.globs import Patterns

CASES = tomllib.loads((DATA / "hostile" / "globs.toml").read_text(encoding="utf-8"))["glob"]
CPU_BUDGET = 5.0
GUARD = 120.0
BASE = Path("/newsroom")


def relative(case: dict) -> str:
    return str(PurePosixPath(*(["a"] * case.get("deep", 0)), case["path"]))


def answer(case: dict) -> tuple[bool, float]:
    """Whether the pattern matches the case's path, and the CPU seconds taken to tell."""
    started = time.process_time()
    matched = Patterns((case["pattern"],), BASE).matches(BASE / relative(case))
    return matched, time.process_time() - started


@pytest.fixture
def worker():
    """One per case, so that a case stuck in its pattern fails alone."""
    pool = ProcessPoolExecutor(max_workers=1)
    yield pool
    for process in list(getattr(pool, "_processes", {}).values()):
        process.kill()  # a worker stuck in a pattern does not stop by itself
    pool.shutdown(wait=False, cancel_futures=True)


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case['pattern']} {case.get('deep', 0)}")
def test_each_pattern_answers_at_once_and_right(worker, case):
    try:
        matched, cpu = worker.submit(answer, case).result(timeout=GUARD)
    except Timeout:
        pytest.fail(f"{case['pattern']}: no answer in {GUARD} s")
    assert cpu < CPU_BUDGET, f"{case['pattern']}: {cpu:.1f} CPU seconds"
    assert matched is case["matched"]


def test_an_override_on_a_deep_draft(tmp_path):
    """As `check` meets it: the config's override does not apply, and the run ends."""
    config = '[[overrides]]\npaths = ["**/**/**/**/**/**/**/*.zzz"]\nfail-on = "none"\n'
    (tmp_path / "claimcheck.toml").write_text(config, encoding="utf-8")
    (tmp_path / "refs.csv").write_text("id,subject,value,unit\nline,line,5,km\n", encoding="utf-8")
    folder = tmp_path.joinpath(*["a"] * 80)
    folder.mkdir(parents=True)
    (folder / "draft.md").write_text("The tunnel is 7 km long.\n", encoding="utf-8")
    result = run("check", "--refs", "refs.csv", cwd=tmp_path, in_ci=True, timeout=60)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[-1].startswith("1 files, 1 claims: 0 sourced, 0 mismatch, 1 unsourced")
