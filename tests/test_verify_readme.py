"""README's section on verifying: its Python example prints what it says, and its tables of
rules match the case files (so the documentation cannot drift from the behaviour)."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Verify against a reference table")
    return readme[start : readme.index("\n## ", start + 1)]


def test_the_python_example_prints_its_comments():
    [block] = re.findall(r"```py\n(.*?)```", _section(), re.S)
    expected = [line[2:] for line in block.splitlines() if line.startswith("# ")]
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.chdir(ROOT):
        exec(compile(block, "README.md", "exec"), {})
    assert out.getvalue().splitlines() == expected


def test_the_section_comes_before_where_does_my_change_go():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.index("## Verify against a reference table") < readme.index("## Where does my change go?")


def test_every_draft_in_the_examples_is_a_case():
    cases = (ROOT / "tests" / "cases" / "verify" / "matching.toml").read_text(encoding="utf-8")
    drafts = re.findall(r"^\| ([^|]*[\u4e00-\u9fff][^|]*?) \| .* \| .* \|$", _section(), re.M)
    assert len(drafts) >= 8
    for draft in drafts:
        assert draft.replace("'", "") in cases, draft
