"""`claimcheck lsp`: a language server over stdio (pygls) for Markdown, HTML and plain-text
drafts. A draft is read when opened and again a moment after the last edit (`debounce`);
each finding not silenced is a diagnostic, an error when it fails the draft's fail-on policy,
else a warning. Hover shows a claim's record and verdict; quick fixes write a suppression
marker or add the finding to the baseline. docs/lsp.md: setting it up in editors."""

from __future__ import annotations

import asyncio
import logging
import os

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from claimcheck.lsp import actions
from claimcheck.lsp.drafts import Draft, collector_paused, columns, needs_units, offset_of
from claimcheck.lsp.findings import Found, claim_at
from claimcheck.lsp.hover import hover_text
from claimcheck.version import __version__

DEBOUNCE = 0.3  # seconds after the last edit before the draft is read again
SOURCE = "claimcheck"
_SEVERITY = {True: types.DiagnosticSeverity.Error, False: types.DiagnosticSeverity.Warning}


def diagnostics_of(draft: Draft, text: str, groups: list[list[Found]], encoding: str) -> list[types.Diagnostic]:
    """A diagnostic per finding; columns in the client's `encoding`. A unit's findings kept
    from the last read (unchanged, on the same lines) keep their diagnostics."""
    if draft.desk.problem or draft.desk.table is None:
        why = draft.desk.problem or "no reference table: set refs in claimcheck.toml (docs/check.md)"
        at = types.Range(types.Position(0, 0), types.Position(0, 0))
        severity = types.DiagnosticSeverity.Error if draft.desk.problem else types.DiagnosticSeverity.Information
        return [types.Diagnostic(at, f"claimcheck: {why}", severity=severity, source=SOURCE)]
    convert = needs_units(text, encoding)
    shown = {} if convert else draft.shown
    lines = text.split("\n") if convert else []
    out: list[types.Diagnostic] = []
    kept = {}
    for group in groups:
        made = shown.get(id(group))
        if made is None:
            made = (group, [_diagnostic(each, columns(lines, each, encoding) if convert else None) for each in group])
        kept[id(group)] = made
        out += made[1]
    draft.shown = kept
    return out


def _diagnostic(found: Found, span: tuple[int, int] | None) -> types.Diagnostic:
    start, end = span or (found.column, found.end_column)
    return types.Diagnostic(
        types.Range(types.Position(found.line, start), types.Position(found.end_line, end)),
        f"{found.finding}: {found.reason}",
        severity=_SEVERITY[found.fails],
        code=found.finding,
        source=SOURCE,
        data={"id": found.claim.id, "finding": found.finding},
    )


class ClaimcheckServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(SOURCE, __version__)
        self.drafts: dict[str, Draft] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.debounce = DEBOUNCE

    def draft(self, uri: str) -> Draft:
        if uri not in self.drafts:
            document = self.workspace.get_text_document(uri)
            self.drafts[uri] = Draft.open(to_fs_path(uri) or uri, document.language_id)
        return self.drafts[uri]

    def check(self, uri: str) -> None:
        """Reads the draft as the editor holds it and publishes its diagnostics."""
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        draft = self.draft(uri)
        draft.refresh()
        document = self.workspace.get_text_document(uri)
        text = document.source
        with collector_paused():
            found = draft.read(text)
            diagnostics = diagnostics_of(draft, text, found, str(self.workspace.position_encoding or "utf-16"))
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=document.version)
        )

    def check_later(self, uri: str) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        self.pending[uri] = asyncio.get_running_loop().call_later(self.debounce, self.check, uri)

    def current(self, uri: str) -> Draft:
        """The draft read up to date: an edit still waiting, or a table changed on disk, is read now."""
        draft = self.draft(uri)
        if uri in self.pending or draft.reading is None or draft.refresh():
            self.check(uri)
        return draft


server = ClaimcheckServer()


@server.feature(types.INITIALIZE)
def _initialize(ls: ClaimcheckServer, params: types.InitializeParams) -> None:
    options = params.initialization_options
    if isinstance(options, dict) and isinstance(options.get("debounce"), int | float):
        ls.debounce = max(0.0, options["debounce"] / 1000)  # milliseconds


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def _did_open(ls: ClaimcheckServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.check(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def _did_change(ls: ClaimcheckServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.check_later(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def _did_save(ls: ClaimcheckServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.check(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def _did_close(ls: ClaimcheckServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    handle = ls.pending.pop(uri, None)
    if handle is not None:
        handle.cancel()
    ls.drafts.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.TEXT_DOCUMENT_HOVER)
def _hover(ls: ClaimcheckServer, params: types.HoverParams) -> types.Hover | None:
    uri = params.text_document.uri
    draft = ls.current(uri)
    document = ls.workspace.get_text_document(uri)
    if draft.reading is None:
        return None
    found = claim_at(draft.reading, document.offset_at_position(params.position))
    if found is None:
        return None
    content = types.MarkupContent(kind=types.MarkupKind.Markdown, value=hover_text(*found))
    return types.Hover(contents=content)


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def _code_action(ls: ClaimcheckServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    draft = ls.current(uri)
    document = ls.workspace.get_text_document(uri)
    ours = {(d.data.get("id"), d.data.get("finding")) for d in params.context.diagnostics if isinstance(d.data, dict)}
    low, high = params.range.start, params.range.end

    def touches(f: Found) -> bool:
        return (f.line, f.column) <= (high.line, high.character) and (low.line, low.character) <= (
            f.end_line,
            f.end_column,
        )

    chosen = [f for f in draft.found if (f.claim.id, f.finding) in ours or (not ours and touches(f))]
    out: list[types.CodeAction] = []
    markers: set[int] = set()
    for found in chosen:
        at = actions.marker_offset(document.source, draft.format, offset_of(document.source, found))
        if at not in markers:
            markers.add(at)
            position = document.client_position_at_offset(at)
            edit = types.TextEdit(types.Range(position, position), actions.marker(draft.format) + "\n")
            out.append(
                types.CodeAction(
                    f"claimcheck: ignore this paragraph ({found.claim.text})",
                    kind=types.CodeActionKind.QuickFix,
                    edit=types.WorkspaceEdit(changes={uri: [edit]}),
                )
            )
        if draft.desk.baseline:
            entries = [entry.model_dump() for entry in actions.baseline_entries(found, draft.desk)]
            command = types.Command("Accept in the baseline", actions.ACCEPT, arguments=[uri, entries])
            title = f"claimcheck: accept {found.finding} {found.claim.text} in the baseline"
            out.append(types.CodeAction(title, kind=types.CodeActionKind.QuickFix, command=command))
    return out


@server.command(actions.ACCEPT)
def _accept(ls: ClaimcheckServer, *arguments) -> None:
    from claimcheck.checking.baseline import Entry
    from claimcheck.errors import ClaimcheckError

    uri, entries = arguments
    draft = ls.draft(uri)
    try:
        actions.accept(draft.desk, [Entry.model_validate(entry) for entry in entries])
    except ClaimcheckError as exc:
        ls.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"claimcheck: {exc}"))
        return
    for other, each in list(ls.drafts.items()):
        if each.desk.baseline == draft.desk.baseline:
            ls.check(other)


def serve() -> None:
    """Serves over copies of the standard streams: pygls closes its own on exit, and the
    command line still flushes the real ones."""
    logging.getLogger("pygls").setLevel(logging.WARNING)
    with os.fdopen(os.dup(0), "rb") as stdin, os.fdopen(os.dup(1), "wb") as stdout:
        server.start_io(stdin, stdout)
