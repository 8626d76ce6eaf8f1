"""The suite runs whole by default (`python -m pytest`, as README and .ci/run say), and
`python -m pytest -m "not slow"` is the quick run, which leaves out what is marked slow,
browser, dask or hostile (docs/testing.md)."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

from places import ROOT


def test_ci_and_a_plain_run_select_every_test():
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert not re.search(r"(^|\s)-m\b", options["addopts"])
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.findall(r"python -m pytest[^\n&|;]*", ci) == ["python -m pytest"]


def test_the_quick_run_leaves_out_the_browser_the_cluster_and_the_signals():
    modules = [
        "tests/render/test_report_browser.py",
        "tests/integrations/test_integration_dask.py",
        "tests/run/test_worker_signals.py",
    ]
    quick = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--collect-only", "-q", *modules]
    whole = subprocess.run(quick, cwd=ROOT, capture_output=True, text=True, timeout=120)
    kept = subprocess.run([*quick, "-m", "not slow"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert whole.returncode == 0 and "test_worker_signals.py" in whole.stdout, whole.stdout + whole.stderr
    assert kept.returncode == 5, kept.stdout + kept.stderr  # 5: every test deselected
