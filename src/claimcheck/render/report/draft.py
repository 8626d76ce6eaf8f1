"""A draft to its editor's report: read its prose as `check` does, extract, verify against the
tables when there are any, and render the page."""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.models import Document
from claimcheck.names import shown
from claimcheck.render.report.html import render
from claimcheck.render.report.record import Marked
from claimcheck.run.document import anchor
from claimcheck.text.prose import Masked, format_of, mask


def markup_spans(text: str, masked: Masked) -> list[tuple[int, int, str]]:
    """Runs of `text` that prose masking blanked (tags, code, front matter), to show dimmed."""
    spans: list[tuple[int, int, str]] = []
    start = None
    for i, (kept, original) in enumerate(zip(masked.text, text, strict=True)):
        blanked = kept != original and not original.isspace()
        if blanked and start is None:
            start = i
        elif not blanked and start is not None:
            spans.append((start, i, "markup"))
            start = None
    if start is not None:
        spans.append((start, len(text), "markup"))
    return spans


def draft_report(
    path: str,
    text: str,
    *,
    tables: Sequence = (),
    table_paths: Sequence[str] = (),
    lang: str | None = None,
    approximation: float | None = None,
) -> str:
    """The report page of the draft `text` read from `path`; without tables nothing is verified."""
    from claimcheck.engine.extract import document_language, extract
    from claimcheck.verification.report import verify_documents

    masked = mask(text, format_of(path))
    claims = anchor(extract(masked.text, lang=lang), text, masked)
    if tables:
        document = Document(source=path, language=document_language(text, claims), claims=claims)
        report = verify_documents([document], list(tables), table_paths=list(table_paths), approximation=approximation)
        marked = [Marked(claim, claim.verdict) for claim in report.documents[0].claims]
        subtitle = "Checked against " + ", ".join(shown(path) for path in table_paths)
    else:
        marked = [Marked(claim) for claim in claims]
        subtitle = "Not verified: no reference table was given (claimcheck report DRAFT --refs TABLE)"
    dimmed = markup_spans(text, masked) if masked.text != text else []
    return render(text, marked, title=shown(path), subtitle=subtitle, verified=bool(tables), dimmed=dimmed)
