"""`claimcheck lsp` driven as an editor drives it (pytest-lsp starts the real server over
stdio): diagnostics for the newsroom's wire drafts equal to what `claimcheck check` finds,
hover, quick fixes, an edit, and a table changed on disk."""

from __future__ import annotations

import asyncio
import json
import shutil
import sys
import typing
from pathlib import Path

import pytest
from places import ROOT

pytest_lsp = pytest.importorskip("pytest_lsp")
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

from claimcheck.checking.gate import Request, gate  # noqa: E402
from claimcheck.checking.results import problems  # noqa: E402

WIRE = ROOT / "fixtures" / "newsroom" / "wire"
DRAFTS = sorted(p.name for p in WIRE.iterdir() if p.suffix in (".md", ".html"))
LANGUAGE = {".md": "markdown", ".html": "html", ".txt": "plaintext"}
WAIT = 120  # seconds: a guard against a hang, not a measure

pytestmark = pytest.mark.asyncio(loop_scope="function")


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "claimcheck", "lsp"]))
async def client(lsp_client: LanguageClient):
    _tell_actions_from_commands(lsp_client)
    capabilities = types.ClientCapabilities()
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=capabilities, initialization_options={"debounce": 20})
    )
    yield
    await lsp_client.shutdown_session()


def _tell_actions_from_commands(client: LanguageClient) -> None:
    """A code action that runs a command has a `command` too, an object where a bare command's
    is a string; editors tell them apart so, lsprotocol's client by the key alone."""
    converter = client.protocol._converter

    def structure(data: dict, _: type) -> types.Command | types.CodeAction:
        kind = types.Command if isinstance(data.get("command"), str) else types.CodeAction
        return converter.structure(data, kind)

    converter.register_structure_hook(types.Command | types.CodeAction, structure)
    converter.register_structure_hook(typing.Union[types.Command, types.CodeAction], structure)  # noqa: UP007


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """The wire drafts and the desk's table in a folder whose claimcheck.toml names them."""
    for name in [*DRAFTS, "desk.csv"]:
        shutil.copy(WIRE / name, tmp_path / name)
    (tmp_path / "claimcheck.toml").write_text('refs = "desk.csv"\nbaseline = "baseline.json"\n', encoding="utf-8")
    (tmp_path / "baseline.json").write_text('{"claimcheck_baseline": 1, "findings": []}\n', encoding="utf-8")
    return tmp_path


def _uri(path: Path) -> str:
    return path.resolve().as_uri()


async def _published(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """The next diagnostics published for `uri` (asked for before the client reads on, so
    none is missed)."""

    async def wait() -> list[types.Diagnostic]:
        while True:
            params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if params.uri == uri:
                return list(params.diagnostics)

    return await asyncio.wait_for(wait(), WAIT)


async def _open(client: LanguageClient, path: Path) -> list[types.Diagnostic]:
    uri = _uri(path)
    item = types.TextDocumentItem(uri, LANGUAGE[path.suffix], 1, path.read_text(encoding="utf-8"))
    client.text_document_did_open(types.DidOpenTextDocumentParams(item))
    return await _published(client, uri)


def _checked(path: Path) -> set[tuple]:
    """What `claimcheck check` finds in the file: line and column from 0, finding, whether it fails."""
    report = gate(Request(paths=[str(path)], config=str(path.parent / "claimcheck.toml"), jobs=1))
    (result,) = report.files
    return {
        (c.claim.line - 1, c.claim.column - 1, p.finding, p.fails)
        for c in result.claims
        if c.is_finding and c.suppressed is None
        for p in problems(c, result.fail_on)
    }


def _shown(diagnostics: list[types.Diagnostic]) -> set[tuple]:
    error = types.DiagnosticSeverity.Error
    return {(d.range.start.line, d.range.start.character, d.code, d.severity == error) for d in diagnostics}


async def test_diagnostics_of_the_wire_drafts_are_what_check_finds(client, desk):
    for name in DRAFTS:
        diagnostics = await _open(client, desk / name)
        assert diagnostics, name
        assert _shown(diagnostics) == _checked(desk / name), name
        assert all(d.source == "claimcheck" and d.message.startswith(d.code + ": ") for d in diagnostics)


async def _hover(client: LanguageClient, path: Path, needle: str) -> str:
    text = path.read_text(encoding="utf-8")
    before = text[: text.index(needle) + 1]
    position = types.Position(before.count("\n"), len(before) - before.rfind("\n") - 1)
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(_uri(path)), position)
    )
    assert hover is not None
    return hover.contents.value


async def test_hover_shows_the_record_the_row_and_the_working(client, desk):
    await _open(client, desk / "yuanhang-deliveries.md")
    shown = await _hover(client, desk / "yuanhang-deliveries.md", "85%")
    assert "**percent**" in shown and "sourced" in shown
    assert "computed (share)" in shown and "row " in shown and "desk.csv" in shown
    await _open(client, desk / "hongjing-revenue.md")
    shown = await _hover(client, desk / "hongjing-revenue.md", "2,650")
    assert "source: 宏晶月營收公告 2025-12-10" in shown and "2025-11" in shown


async def _change(client: LanguageClient, path: Path, text: str, version: int) -> list[types.Diagnostic]:
    uri = _uri(path)
    old = path.read_text(encoding="utf-8")
    end = types.Position(old.count("\n"), len(old) - old.rfind("\n") - 1)
    change = types.TextDocumentContentChangePartial(types.Range(types.Position(0, 0), end), text)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(types.VersionedTextDocumentIdentifier(version=version, uri=uri), [change])
    )
    path.write_text(text, encoding="utf-8")  # what `check` reads to compare
    return await _published(client, uri)


async def test_an_edit_updates_the_diagnostics(client, desk):
    path = desk / "harbor-pine-q3.md"
    first = await _open(client, path)
    text = path.read_text(encoding="utf-8")
    edited = text.replace("rose 2.9%", "rose 2.9%, while 41 stores closed", 1)
    after = await _change(client, path, edited, 2)
    assert len(after) == len(first) + 1
    assert _shown(after) == _checked(path)


async def _actions(client: LanguageClient, path: Path, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
    params = types.CodeActionParams(
        types.TextDocumentIdentifier(_uri(path)), diagnostic.range, types.CodeActionContext([diagnostic])
    )
    return await client.text_document_code_action_async(params)


@pytest.mark.parametrize("name", ["harbor-pine-q3.md", "lakeshore-jobs.html"])
async def test_the_marker_a_quick_fix_writes_silences_the_finding(client, desk, name):
    path = desk / name
    diagnostics = await _open(client, path)
    target = diagnostics[len(diagnostics) // 2]
    actions = await _actions(client, path, target)
    (marker,) = [a for a in actions if getattr(a, "edit", None) is not None]
    (edit,) = marker.edit.changes[_uri(path)]
    lines = path.read_text(encoding="utf-8").split("\n")
    at = edit.range.start
    lines[at.line] = lines[at.line][: at.character] + edit.new_text + lines[at.line][at.character :]
    after = await _change(client, path, "\n".join(lines), 2)
    assert target.message not in {d.message for d in after if d.range.start.line == target.range.start.line + 1}
    assert len(after) < len(diagnostics)
    assert _shown(after) == _checked(path)


async def test_accepting_a_finding_writes_the_baseline_check_reads(client, desk):
    """The config names a baseline not written yet: accepting makes it."""
    (desk / "baseline.json").unlink()
    path = desk / "lakeshore-jobs.html"
    diagnostics = await _open(client, path)
    target = diagnostics[0]
    actions = await _actions(client, path, target)
    (accept,) = [a for a in actions if getattr(a, "command", None) is not None]
    published = asyncio.ensure_future(_published(client, _uri(path)))
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(accept.command.command, accept.command.arguments)
    )
    after = await published
    assert len(after) == len(diagnostics) - 1
    written = json.loads((desk / "baseline.json").read_text(encoding="utf-8"))
    assert [entry["path"] for entry in written["findings"]] == ["lakeshore-jobs.html"]
    assert _shown(after) == _checked(path)


async def test_a_table_changed_on_disk_is_read_again(client, desk):
    path = desk / "harbor-pine-q3.md"
    first = await _open(client, path)
    (desk / "desk.csv").write_text("id,subject,metric,as_of,basis,modality,value,unit,source,note\n", encoding="utf-8")
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(_uri(path))))
    after = await _published(client, _uri(path))
    assert len(after) > len(first)  # every figure unsourced now
    assert {d.code for d in after} == {"unsourced"}


async def test_a_draft_without_a_config_says_so_once(client, tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text("Sales rose 4% in May.\n", encoding="utf-8")
    (diagnostic,) = await _open(client, path)
    assert diagnostic.message.startswith("claimcheck: no reference table")
    assert diagnostic.severity == types.DiagnosticSeverity.Information


async def test_a_bad_config_is_one_error_at_the_top_then_read_again_when_fixed(client, desk):
    (desk / "claimcheck.toml").write_text('refs = "desk.csv"\nfail_on = "any"\n', encoding="utf-8")
    path = desk / "harbor-pine-q3.md"
    (diagnostic,) = await _open(client, path)
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert diagnostic.message.endswith("claimcheck.toml: unknown key 'fail_on' (did you mean 'fail-on'?)")
    (desk / "claimcheck.toml").write_text('refs = "desk.csv"\nfail-on = "mismatch"\n', encoding="utf-8")
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(_uri(path))))
    after = await _published(client, _uri(path))
    assert after and _shown(after) == _checked(path)
    assert {d.severity for d in after if d.code == "unsourced"} == {types.DiagnosticSeverity.Warning}


async def test_a_table_that_cannot_be_read_is_one_error_until_it_is_fixed(client, desk):
    table = desk / "desk.csv"
    good = table.read_bytes()
    table.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    path = desk / "lakeshore-jobs.html"
    (diagnostic,) = await _open(client, path)
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert diagnostic.message.startswith("claimcheck: ") and "desk.csv" in diagnostic.message
    table.write_bytes(good)
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(_uri(path))))
    assert _shown(await _published(client, _uri(path))) == _checked(path)
