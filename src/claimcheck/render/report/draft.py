"""A draft's editor's report page, from the draft as claimcheck.run.document read it (its
text kept): verified when it was read against reference tables."""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.names import shown
from claimcheck.render.report.html import render
from claimcheck.render.report.record import Marked
from claimcheck.run.document import Read

NOT_VERIFIED = "Not verified: no reference table was given (claimcheck report DRAFT --refs TABLE)"


def draft_page(read: Read, table_paths: Sequence[str] = ()) -> str:
    """The page of `read` (read with keep_text); `table_paths`: the tables it was verified against."""
    if read.text is None:
        raise ValueError(f"{read.document.source}: read without keeping its text; a page needs it")
    claims = read.document.claims
    if read.verdicts is None:
        marked = [Marked(claim) for claim in claims]
        subtitle = NOT_VERIFIED
    else:
        marked = [Marked(claim, verdict) for claim, verdict in zip(claims, read.verdicts, strict=True)]
        subtitle = "Checked against " + ", ".join(shown(path) for path in table_paths)
    title = shown(read.document.source)
    verified = read.verdicts is not None
    return render(read.text, marked, title=title, subtitle=subtitle, verified=verified, dimmed=read.dimmed())
