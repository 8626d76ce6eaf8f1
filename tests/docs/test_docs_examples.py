"""Every example in README.md and docs/*.md runs, and prints what the page shows.

How a page writes an example (README.md, "Examples are tests"):

- A ```console block is a shell session. Each `$ ` line is a command, run by bash from the
  repository root in a scratch copy of fixtures/ (what it writes is thrown away; a `cd` holds
  for the commands after it); a line ending in `\\` goes on on the next. The lines after a
  command, up to the next `$ `, are what it prints, stdout and stderr together. `…` alone on a
  line stands for lines left out, a line ending in `…` for a line cut short, and the time at
  the end of `check`'s summary (`in 0.27 s`) is not compared. A command exits 0, unless the
  command after it is `echo $?`, which shows its code.
- A ```python block runs as a script from the same place; its `# → ` comments are the lines it
  prints, in order.
- `<!-- not run: REASON -->` on the line before a fence keeps that block out and says why.
- Other fences show a file or a listing (toml, yaml, csv, json, text) and are not run. A fence
  spelled ```sh, ```bash, ```py or with no language is refused, so that no example slips out of
  the test by its spelling, and so is a `$ ` session in a ```text block.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from places import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
RUN = {"console", "python"}
SHOWN = {"toml", "yaml", "csv", "json", "text", "lua"}  # lua: an editor's config (docs/lsp.md)
NOT_RUN = re.compile(r"<!-- not run: (?P<reason>\S.*?) -->")
ELIDED = "…"
_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>```+)(?P<info>[^`]*)$")  # no backtick in an info string
_TIME = re.compile(r" in \d+(?:\.\d+)? s$")
_STATUS = "\x1f"


@dataclass(frozen=True)
class Block:
    page: Path
    line: int  # of the opening fence, 1-based
    lang: str
    body: list[str]
    not_run: str | None  # the reason, when the page keeps the block out

    @property
    def name(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def blocks(page: Path) -> list[Block]:
    found, lines = [], page.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if not opening:
            i += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        end = next((j for j in range(i + 1, len(lines)) if lines[j].strip() == fence), None)
        assert end is not None, f"{page.name}:{i + 1}: a fence that is never closed"
        body = [line.removeprefix(indent) for line in lines[i + 1 : end]]
        marker = NOT_RUN.fullmatch(lines[i - 1].strip()) if i else None
        found.append(Block(page, i + 1, opening["info"].strip().split(" ")[0], body, marker and marker["reason"]))
        i = end + 1
    return found


ALL = [block for page in PAGES for block in blocks(page)]
EXAMPLES = [block for block in ALL if block.lang in RUN and not block.not_run]


def matches(expected: list[str], actual: list[str]) -> bool:
    """Lines as a page shows them against lines printed: `…` alone for any lines (none too), a
    line ending in `…` for a line that starts so; the rest equal, trailing spaces aside."""
    expected = [_TIME.sub(" in … s", line.rstrip()) for line in expected]
    actual = [_TIME.sub(" in … s", line.rstrip()) for line in actual]
    # can[j]: expected[i:] matches actual[j:], filled from the last expected line back.
    can = [j == len(actual) for j in range(len(actual) + 1)]
    for want in reversed(expected):
        if want == ELIDED:
            for j in range(len(actual) - 1, -1, -1):
                can[j] = can[j] or can[j + 1]
            continue
        prefix = want.endswith(ELIDED)
        can = [
            j < len(actual) and (actual[j].startswith(want[:-1]) if prefix else actual[j] == want) and can[j + 1]
            for j in range(len(actual) + 1)
        ]
    return can[0]


@pytest.mark.parametrize(
    ("expected", "actual", "result"),
    [
        (["a", "b"], ["a", "b  "], True),
        (["a", "b"], ["a", "b", "c"], False),
        (["a", ELIDED], ["a"], True),
        (["a", ELIDED, "d"], ["a", "b", "c", "d"], True),
        (["a", ELIDED, "d"], ["a", "b", "c"], False),
        (['{"id": …'], ['{"id": "c4", "kind": "money"}'], True),
        (['{"id": …'], ['{"kind": "money"}'], False),
        (["5 files — 8 failing in 0.27 s"], ["5 files — 8 failing in 1.10 s"], True),
        (["5 files — 7 failing in 0.27 s"], ["5 files — 8 failing in 1.10 s"], False),
        ([], [""], False),
    ],
)
def test_shown_output_is_matched_as_the_convention_says(expected, actual, result):
    assert matches(expected, actual) is result


def sessions(body: list[str]) -> list[tuple[str, list[str]]]:
    """(command, what the page shows it prints) for each `$ ` line of a console block."""
    found: list[tuple[str, list[str]]] = []
    lines = iter(body)
    for line in lines:
        if line.startswith("$ "):
            command = line[2:]
            while command.endswith("\\"):
                command += "\n" + next(lines)
            found.append((command, []))
        else:
            assert found, f"output before any command: {line!r}"
            found[-1][1].append(line)
    return found


def environment() -> dict[str, str]:
    """As under a CI runner: no colour, no progress bar, no terminal width; this interpreter's
    `claimcheck` first on the PATH."""
    env = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "LINES", "FORCE_COLOR"}}
    bin_dir = str(Path(sys.executable).parent)
    return {**env, "CI": "true", "NO_COLOR": "1", "PATH": f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"}


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "fixtures", tmp_path / "fixtures", symlinks=True)
    return tmp_path


def run_console(block: Block, where: Path) -> None:
    steps = sessions(block.body)
    script = "".join(
        f'{{ {command}\n}} 2>&1\nstatus=$?\nprintf \'{_STATUS}%d{_STATUS}\\n\' "$status"\n(exit "$status")\n'
        for command, _ in steps
    )
    done = subprocess.run(
        ["bash", "-c", script], cwd=where, env=environment(), stdin=subprocess.DEVNULL, capture_output=True, timeout=600
    )
    printed = re.split(f"{_STATUS}(\\d+){_STATUS}\n", done.stdout.decode("utf-8"))
    outputs, codes = printed[0:-1:2], [int(code) for code in printed[1::2]]
    assert len(codes) == len(steps), f"{block.name}: the session stopped early\n{done.stderr.decode()}"
    for n, ((command, shown), output, code) in enumerate(zip(steps, outputs, codes, strict=True)):
        shows_code = n + 1 < len(steps) and steps[n + 1][0] == "echo $?"
        assert code == 0 or shows_code, f"{block.name}: `{command}` exited {code}:\n{output}"
        assert matches(shown, output.splitlines()), (
            f"{block.name}: `{command}` printed\n{output}\nwhere the page shows\n" + "\n".join(shown)
        )


def imports(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def run_python(block: Block, where: Path) -> None:
    source = "\n".join(block.body) + "\n"
    missing = {name for name in imports(source) if importlib.util.find_spec(name) is None}
    if missing:
        if os.environ.get("CLAIMCHECK_REQUIRE_DASK") and missing & {"dask", "distributed"}:
            pytest.fail(f"{block.name} needs {sorted(missing)}, and CLAIMCHECK_REQUIRE_DASK is set")
        pytest.skip(f"{block.name} needs {', '.join(sorted(missing))}")
    (where / "example.py").write_text(source, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "example.py"],
        cwd=where,
        env=environment(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=600,
    )
    stdout = done.stdout.decode("utf-8")
    assert done.returncode == 0, f"{block.name} failed:\n{done.stderr.decode()}"
    shown = [line.strip()[4:] for line in block.body if line.strip().startswith("# → ")]
    assert matches(shown, stdout.splitlines()), f"{block.name} printed\n{stdout}\nwhere the page shows\n" + "\n".join(
        shown
    )


@pytest.mark.parametrize("block", EXAMPLES, ids=[block.name for block in EXAMPLES])
def test_example_prints_what_the_page_shows(block: Block, scratch: Path):
    (run_console if block.lang == "console" else run_python)(block, scratch)


def test_every_fence_is_an_example_or_a_file_shown():
    for block in ALL:
        assert block.lang in RUN | SHOWN, (
            f"{block.name}: ```{block.lang} is neither run nor shown: write ```console for a shell "
            "session, ```python for Python, or toml, yaml, csv, json, text, lua for a file"
        )
        if block.lang not in RUN:
            assert not any(line.startswith("$ ") for line in block.body), (
                f"{block.name}: a session in a ```{block.lang} block: write it as ```console, so that it runs"
            )
            assert not block.not_run, f"{block.name}: a `not run` marker on a block that is never run"


def test_pages_hold_examples_and_few_are_kept_out():
    assert len(EXAMPLES) >= 20
    kept_out = [block.name for block in ALL if block.not_run]
    assert len(kept_out) <= 8, kept_out


SETUP = "## Set-up"


def _setup_commands() -> list[str]:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index(SETUP)
    end = next((n for n in range(start + 1, len(lines)) if lines[n].startswith("## ")), len(lines))
    return [
        command
        for block in blocks(ROOT / "README.md")
        if start < block.line <= end and block.lang == "console"
        for command, _ in sessions(block.body)
    ]


def test_ci_runs_the_two_setup_commands_as_readme_writes_them():
    commands = _setup_commands()
    assert len(commands) == 2
    install, test = commands
    assert "[test]" not in install and "claimcheck extract fixtures/" in install  # running needs no test extra
    assert "[test]" in test and "pytest" in test
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert install in ci and test in ci and ci.index(install) < ci.index(test)


SHOWN_COMMANDS = {
    "README.md": ["extract", "verify", "check", "report", "refs check", "schema"],
    "docs/check.md": ["check", "check --format github", "check --baseline"],
    "docs/verify.md": ["verify"],
    "docs/report.md": ["report", "check --format html"],
    "docs/claimreview.md": ["verify"],
}


@pytest.mark.parametrize(("page", "commands"), SHOWN_COMMANDS.items())
def test_page_runs_the_commands_it_is_about(page, commands):
    run = [
        command
        for block in EXAMPLES
        if block.name.startswith(f"{page}:") and block.lang == "console"
        for command, _ in sessions(block.body)
    ]
    for command in commands:
        assert any(f"claimcheck {command} " in f"{line} " for line in run), f"{page} runs no `claimcheck {command}`"


def test_readme_is_a_page_a_newcomer_reads():
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) < 350, "move the detail to docs/"


def test_no_page_narrates_a_session():
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"this session|last session", text, re.I), page.name


_LINK = re.compile(r"\]\((?P<target>[^)#\s]*)(?:#(?P<anchor>[^)\s]+))?\)")
_PATH = re.compile(r"`(?P<path>(?:src|tests|scripts|fixtures|docs|fuzz|\.ci)/[^`\s]*)`")


def _anchors(page: Path) -> set[str]:
    """The ids GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens."""
    headings = re.findall(r"^#+ (.+)$", page.read_text(encoding="utf-8"), re.M)
    return {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_links_and_paths_on_the_page_exist(page: Path):
    text = page.read_text(encoding="utf-8")
    for link in _LINK.finditer(text):
        if link["target"].startswith(("http:", "https:")):
            continue
        target = (page.parent / link["target"]).resolve() if link["target"] else page
        assert target.exists(), f"{page.name}: a link to {link['target']}, which is not there"
        if link["anchor"] and target.suffix == ".md":
            assert link["anchor"] in _anchors(target), f"{page.name}: no heading {link['anchor']} in {target.name}"
    for named in _PATH.finditer(text):  # `src/claimcheck/render/<command>/`: any command
        pattern = re.sub(r"<[^>]+>", "*", named["path"])
        assert list(ROOT.glob(pattern.rstrip("/"))), f"{page.name} names {named['path']}, which is not there"


def test_every_draft_of_the_verify_examples_is_a_case():
    """docs/verify.md's table of drafts and verdicts is taken from the verifier's case file."""
    cases = (ROOT / "tests" / "cases" / "verify" / "matching.toml").read_text(encoding="utf-8")
    page = (ROOT / "docs" / "verify.md").read_text(encoding="utf-8")
    drafts = re.findall(r"^\| ([^|]*[\u4e00-\u9fff][^|]*?) \| .* \| .* \|$", page, re.M)
    assert len(drafts) >= 8
    for draft in drafts:
        assert draft.replace("'", "") in cases, draft
