"""`claimcheck lsp`: the language server (claimcheck.lsp.server), which needs the `lsp` extra
(pygls); imported only when the command runs, so that other commands start as fast."""

from __future__ import annotations

from typing import Annotated

import typer

from claimcheck.cli.shared import fail


def lsp(
    stdio: Annotated[
        bool, typer.Option("--stdio", help="Talk over standard input and output (the only way; editors pass it).")
    ] = True,
) -> None:
    """Run the language server: findings in the editor as a draft is written (docs/lsp.md)."""
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        raise fail("the language server needs pygls: pip install 'claimcheck[lsp]'") from None
    from claimcheck.lsp.server import serve

    serve()
