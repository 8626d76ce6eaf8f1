"""The language server (`claimcheck lsp`): findings in the editor as the draft is written."""
