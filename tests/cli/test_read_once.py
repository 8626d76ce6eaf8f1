"""Each command reads a draft once, through claimcheck.run.document, and its output formats are
given what was read: an option of reading (--encoding) holds for every format, and a page
shows the text that was checked, standard input's too."""

from __future__ import annotations

import pytest
from cli_run import claimcheck as run
from places import ROOT

NEWSROOM = ROOT / "fixtures" / "newsroom"
CP1252 = "# Café\n\nSales rose 5% to €3 million in 2024, *up* from 2%.\n"


@pytest.mark.parametrize(
    "command",
    [
        ["extract", "-f", "json"],
        ["verify", "--refs", "references.csv", "-f", "json"],
        *(["check", "--refs", "references.csv", "-f", fmt] for fmt in ("text", "json", "html")),
    ],
    ids=["extract", "verify", "check text", "check json", "check html"],
)
def test_every_command_and_format_reads_with_the_encoding_given(tmp_path, command):
    """`check --encoding cp1252 -f html` read each draft again in UTF-8: exit 2."""
    draft = tmp_path / "draft.md"
    draft.write_bytes(CP1252.encode("cp1252"))
    (tmp_path / "references.csv").write_bytes((NEWSROOM / "references.csv").read_bytes())
    extra = ["-o", str(tmp_path / "site")] if command[-1] == "html" else []
    result = run(*command[:1], "draft.md", *command[1:], "--encoding", "cp1252", *extra, cwd=tmp_path, in_ci=True)
    assert result.returncode in (0, 1), result.stderr
    if command[-1] == "html":
        page = (tmp_path / "site" / "draft.md.html").read_text(encoding="utf-8")
        assert "Café" in page and "€3 million" in page
    else:
        assert "€3 million" in result.stdout


def test_a_page_shows_the_text_from_standard_input_under_the_name_given(tmp_path):
    """The page read the file named by --stdin-filename (here: none) instead of what was checked."""
    (tmp_path / "references.csv").write_bytes((NEWSROOM / "references.csv").read_bytes())
    options = ["--refs", "references.csv", "--stdin-filename", "drafts/a.md", "-f", "html", "-o", "site"]
    result = run("check", "-", *options, cwd=tmp_path, stdin="# Sales\n\nSales rose 5% to 3 million units.\n")
    assert result.returncode in (0, 1), result.stderr
    page = (tmp_path / "site" / "drafts__a.md.html").read_text(encoding="utf-8")
    assert "<title>drafts/a.md — claimcheck report</title>" in page and "3 million units" in page
