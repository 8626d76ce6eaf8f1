"""The pipeline's layering, read from the source (ast; the package is not imported): no module
imports from a stage above its own, and no modules import each other, however indirectly.
An import inside a function counts as one at the top: it runs all the same, only later.
And modules stay small enough to read at a sitting.

Stages, lowest first: the base modules at the top of the package (models, errors, names,
formats, version), rules, files, text, engine, references, verification, run, checking, render, lsp,
cli, integrations. claimcheck/__init__.py, the public API, may import from any stage."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from places import ROOT

PACKAGE = ROOT / "src" / "claimcheck"
STAGES = (
    "base",
    "rules",
    "files",
    "text",
    "engine",
    "references",
    "verification",
    "run",
    "checking",
    "render",
    "lsp",
    "cli",
    "integrations",
)
BASE = ("models", "records", "verdicts", "locations", "errors", "names", "formats", "version")
API = "claimcheck"  # the package's own __init__: above every stage
ENTRY = "claimcheck.__main__"  # `python -m claimcheck`: the command line's


def _name_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name_of(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def stage(module: str) -> int:
    if module == ENTRY:
        return STAGES.index("cli")
    if module == API:
        return len(STAGES)
    top = module.split(".")[1]
    return STAGES.index("base" if top in BASE else top)


def _resolved(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = module.split(".") if MODULES[module].name == "__init__.py" else module.split(".")[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def imports(module: str) -> dict[str, int]:
    """The package's modules that `module` imports, each with the line of its first import."""
    found: dict[str, int] = {}
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            origin = _resolved(module, node)
            # `from claimcheck.x import y`: the module y when there is one, else a name of x.
            names = [f"{origin}.{a.name}" if f"{origin}.{a.name}" in MODULES else origin for a in node.names]
        else:
            continue
        for name in names:
            while name and name not in MODULES:  # `import claimcheck.a.b` names the module a.b
                name = name.rpartition(".")[0]
            if name and name != module:
                found.setdefault(name, node.lineno)
    return found


GRAPH = {module: imports(module) for module in MODULES}


def test_the_stages_are_the_packages():
    tops = {name.split(".")[1] for name in MODULES if name.count(".") >= 1}
    assert tops == set(STAGES[1:]) | set(BASE) | {"__main__"}


def test_every_stage_is_a_package():
    for name in STAGES[1:]:
        assert (PACKAGE / name / "__init__.py").is_file(), name


MAX_LINES = 300


@pytest.mark.parametrize("module", list(MODULES))
def test_no_module_is_over_300_lines(module):
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{MODULES[module].relative_to(PACKAGE.parent)}: {lines} lines"


def _up_stage(module: str) -> list[str]:
    return [
        f"{MODULES[module].relative_to(PACKAGE.parent)}:{line} imports {target} "
        f"({STAGES[stage(module)]} < {STAGES[min(stage(target), len(STAGES) - 1)] if target != API else 'the API'})"
        for target, line in GRAPH[module].items()
        if stage(target) > stage(module)
    ]


@pytest.mark.parametrize("module", [m for m in MODULES if m != API])
def test_no_import_goes_up_a_stage(module):
    assert _up_stage(module) == []


def cycle(graph: dict[str, dict[str, int]]) -> list[str] | None:
    """A cycle of imports, as the modules in it in order, or None when there is none."""
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = "open"
        path.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                return path[path.index(target) :] + [target]
            if target not in state and (found := visit(target)):
                return found
        state[module] = "done"
        path.pop()
        return None

    for module in sorted(graph):
        if module not in state and (found := visit(module)):
            return found
    return None


def test_no_modules_import_each_other():
    # The API imports the stages and is imported by none of them (the stage test says so).
    assert cycle({module: targets for module, targets in GRAPH.items() if module != API}) is None


# The checker itself, on small inputs: it finds what it must.
def test_the_checker_reads_relative_and_lazy_imports(tmp_path, monkeypatch):
    source = "from . import parts\nfrom .raw_claim import RawClaim\ndef f():\n    from claimcheck.cli.app import main\n"
    module = "claimcheck.engine.attach"
    monkeypatch.setitem(MODULES, module, tmp_path / "attach.py")
    (tmp_path / "attach.py").write_text(source, encoding="utf-8")
    expected = {"claimcheck.engine.parts": 1, "claimcheck.engine.raw_claim": 2, "claimcheck.cli.app": 4}
    assert imports(module) == expected
    assert stage(module) < stage("claimcheck.cli.app")


def test_the_checker_finds_a_cycle():
    graph = {
        "claimcheck.a": {"claimcheck.b": 1},
        "claimcheck.b": {"claimcheck.c": 1},
        "claimcheck.c": {"claimcheck.a": 1},
    }
    assert cycle(graph) == ["claimcheck.a", "claimcheck.b", "claimcheck.c", "claimcheck.a"]
    assert cycle({"claimcheck.a": {"claimcheck.b": 1}, "claimcheck.b": {}}) is None
