"""`check --format html --output DIR`: the editor's report of every draft checked, and an index
page linking them with the counts of each, in DIR (created if missing, pages written as
claimcheck.files.outputs writes every output: never half written, never over a draft).

Each page shows its draft's text as the gate read it (a run with `keep_text`), with the
gate's claims and verdicts, silenced ones included (their record says why). A draft from
standard input has no file to name its page after: name the drafts as files.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePath
from urllib.parse import quote

from claimcheck.checking.results import Checked, CheckReport, FileResult, summary_line
from claimcheck.errors import InputError
from claimcheck.files.outputs import write_output
from claimcheck.files.read import STDIN
from claimcheck.names import shown
from claimcheck.render.report import html as report_page
from claimcheck.render.report.html import VERIFIED_STATUSES
from claimcheck.render.report.page import esc, page
from claimcheck.render.report.record import Marked

INDEX = "index.html"
_NOTES = {"inline": "silenced by a marker in the draft", "baseline": "accepted in the baseline"}


def page_names(paths: list[str]) -> list[str]:
    """One flat, distinct file name per draft path: drafts/metro-line.md → drafts__metro-line.md.html."""
    names: list[str] = []
    for path in paths:
        parts = [part for part in PurePath(path).parts if part not in (".", "..") and part != PurePath(path).anchor]
        stem = re.sub(r"[^\w.-]+", "_", "__".join(parts)).strip("._") or "draft"
        name, k = f"{stem}.html", 2
        while name in names or name == INDEX:
            name, k = f"{stem}-{k}.html", k + 1
        names.append(name)
    return names


def _note(checked: Checked) -> str | None:
    notes = [_NOTES[checked.suppressed]] if checked.suppressed else []
    return "; ".join(notes + (["fails the build"] if checked.fails else [])) or None


def draft_page(result: FileResult) -> str:
    if result.path == STDIN:
        raise InputError("--format html: standard input cannot be reported; name the drafts as files")
    if result.text is None:
        raise ValueError(f"{result.path}: checked without keeping its text; a page needs it")
    marked = [Marked(c.claim, c.verdict, _note(c)) for c in result.claims]
    failing = sum(c.fails for c in result.claims)
    subtitle = f"claimcheck check, failing on {result.fail_on}: " + (f"{failing} failing" if failing else "passed")
    return report_page.render(
        result.text,
        marked,
        title=shown(result.path),
        subtitle=subtitle,
        verified=True,
        dimmed=result.dimmed,
        back=INDEX,
    )


def index_page(report: CheckReport, names: list[str]) -> str:
    head = "".join(f'<th scope="col">{s}</th>' for s in ("claims", *VERIFIED_STATUSES, "silenced", "failing"))
    rows = []
    for result, name in zip(report.files, names, strict=True):
        statuses = [c.verdict.status for c in result.claims]
        counts = [len(statuses), *(statuses.count(s) for s in VERIFIED_STATUSES)]
        counts += [sum(c.suppressed is not None for c in result.claims), sum(c.fails for c in result.claims)]
        cells = "".join(f'<td class="n">{n}</td>' for n in counts)
        rows.append(f'<tr><th scope="row"><a href="{esc(quote(name))}">{esc(shown(result.path))}</a></th>{cells}</tr>')
    body = (
        '<main class="index"><h1>claimcheck check</h1>'
        f"<p>{esc(summary_line(report.summary))}</p>"
        f'<table><caption class="visually-hidden">Drafts checked</caption>'
        f'<thead><tr><th scope="col">draft</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></main>'
    )
    return page("claimcheck check — drafts", body, script=False)


def write(report: CheckReport, directory: str) -> str:
    """Write the index and one page per draft into `directory`; return the index's path."""
    folder = Path(directory)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{directory}: cannot create the folder: {exc.strerror}") from None
    drafts = [result.path for result in report.files]
    names = page_names(drafts)
    for result, name in zip(report.files, names, strict=True):
        write_output(str(folder / name), draft_page(result), inputs=drafts)
    write_output(str(folder / INDEX), index_page(report, names), inputs=drafts)
    return str(folder / INDEX)


def render(report: CheckReport, *, folder: str) -> str:
    """Write the pages into `folder`; the line to print names the index."""
    return write(report, folder) + "\n"
