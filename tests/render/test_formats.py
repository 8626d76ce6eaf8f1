"""One registry of formats per command (claimcheck.formats, claimcheck.render.<command>): every
format a command offers has a renderer, every renderer module is a format's, and a name the
registry does not know stops at assert_never instead of loading a module by that name."""

from __future__ import annotations

import importlib
from functools import partial

import pytest
from cli_run import claimcheck as run
from places import ROOT

from claimcheck import formats

RENDER = ROOT / "src" / "claimcheck" / "render"
COMMANDS = {
    "extract": formats.EXTRACT_FORMATS,
    "verify": formats.VERIFY_FORMATS,
    "check": formats.CHECK_FORMATS,
    "refs": formats.REFS_FORMATS,
}


def renderers(command: str) -> dict[str, object]:
    registry = importlib.import_module(f"claimcheck.render.{command}")
    options = {"check": {"folder": "site"}, "verify": {"review": review_settings()}}.get(command, {})
    return {fmt: registry.renderer(fmt, **options) for fmt in COMMANDS[command]}


def review_settings():
    from claimcheck.checking.claimreview import ReviewConfig, review_settings

    return review_settings(ReviewConfig(author="Desk", url="https://desk.example/checks"))


def module_of(renderer: object) -> str:
    function = renderer.func if isinstance(renderer, partial) else renderer
    return function.__module__


@pytest.mark.parametrize("command", COMMANDS)
def test_every_format_has_a_renderer_and_every_renderer_module_a_format(command):
    found = renderers(command)
    assert all(callable(renderer) for renderer in found.values())
    modules = {f"claimcheck.render.{command}.{path.stem}" for path in (RENDER / command).glob("*.py")}
    assert {module_of(renderer) for renderer in found.values()} == modules - {f"claimcheck.render.{command}.__init__"}
    assert all(module_of(renderer).endswith(f".{fmt}") for fmt, renderer in found.items())


@pytest.mark.parametrize("command", COMMANDS)
def test_a_name_outside_the_registry_is_refused(command):
    registry = importlib.import_module(f"claimcheck.render.{command}")
    with pytest.raises(AssertionError):
        registry.renderer("yaml")


def test_html_needs_its_folder():
    from claimcheck.render.check import renderer

    with pytest.raises(ValueError, match="folder"):
        renderer("html")


def test_claimreview_needs_its_publisher():
    from claimcheck.render.verify import renderer

    with pytest.raises(ValueError, match="publisher"):
        renderer("claimreview")


@pytest.mark.parametrize(("command", "names"), [("extract", "EXTRACT"), ("verify", "VERIFY"), ("check", "CHECK")])
def test_each_command_offers_its_own_formats(command, names):
    """verify's formats are its own: a format added to extract does not need a verify renderer."""
    offered = getattr(formats, f"{names}_FORMATS")
    tables = [] if command == "extract" else ["--refs", "refs.csv"]
    result = run(command, "draft.txt", *tables, "-f", "yaml")
    assert result.returncode == 2
    assert result.stderr == f"claimcheck: --format yaml: choose one of {', '.join(offered)}\n"
