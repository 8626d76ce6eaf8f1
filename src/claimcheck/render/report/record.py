"""A claim's record in the editor's report: what was read (value, unit, qualifier, subject,
metric, time), the verdict and its reason, the reference row with its source, and the working
of a figure computed from other rows (the operation, the expression, the interval, the rows)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from claimcheck.models import Claim, UsedRow, Verdict
from claimcheck.names import shown
from claimcheck.render.report.page import esc, language_of, safe_url
from claimcheck.render.working import interval_text
from claimcheck.verification.compute.working import figure

STATUS_LABELS = {"sourced": "sourced", "mismatch": "mismatch", "unsourced": "unsourced", "unverified": "not verified"}
STATUS_MEANINGS = {
    "sourced": "the reference table backs it",
    "mismatch": "the reference table contradicts it",
    "unsourced": "nothing in the reference table backs it",
    "unverified": "no reference table was given",
}
NOT_VERIFIED = "No reference table was given: run claimcheck report with --refs TABLE."
DECEPTIONS = {
    "bidi": "bidirectional control characters in or around the figure: readers may see it in another order "
    "than the value read here",
}


@dataclass(frozen=True, slots=True)
class Marked:
    """A claim on the page, its verdict (None: no table was given) and a note (why it is silenced)."""

    claim: Claim
    verdict: Verdict | None = None
    note: str | None = None

    @property
    def status(self) -> str:
        return self.verdict.status if self.verdict else "unverified"


def number(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.6g}"


def _dl(rows: Iterable[tuple[str, str | None]]) -> str:
    """A definition list of (label, HTML) rows, leaving out the empty ones."""
    return "<dl>" + "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows if value) + "</dl>"


def source_html(source: str | None) -> str | None:
    """A link when the source is an http(s) URL, else its text: never a javascript: or data: link."""
    url = safe_url(source)
    if url:
        return f'<a href="{esc(url)}" rel="noopener noreferrer" target="_blank">{esc(url)}</a>'
    return esc(source) if source else None


def _claim_rows(m: Marked) -> list[tuple[str, str | None]]:
    c, v = m.claim, m.verdict
    value = None if c.value is None else number(c.value)
    if value and c.value_max is not None:
        value += f" – {number(c.value_max)}"
    unit = c.unit and (c.unit + (f" ({c.unit_canonical})" if c.unit_canonical not in (None, c.unit) else ""))
    qualifier = c.qualifier + (f" ({c.qualifier_text})" if c.qualifier_text else "")
    rows = [("Value", value), ("Unit", unit), ("Qualifier", qualifier)]
    rows += [("Subject", c.subject and c.subject.text), ("Metric", c.metric and c.metric.text)]
    rows += [("Time", c.time and c.time.text), ("Direction", c.direction)]
    where = c.location.label() if c.location is not None else f"line {c.line}, column {c.column}"
    rows += [("Compared with", c.baseline and c.baseline.text), ("Where", where)]
    rows += [("Verdict", STATUS_LABELS[m.status]), ("Deceptive", c.deceptive and DECEPTIONS[c.deceptive])]
    reason = v.reason if v else NOT_VERIFIED
    lang = language_of(reason) if c.lang == "zh" else "en"
    reason_html = f'<span class="reason" lang="{lang}">{esc(reason)}</span>'
    return [(label, esc(text) if text else None) for label, text in rows] + [
        ("Reason", reason_html),
        ("Note", m.note and esc(m.note)),
    ]


def _difference(v: Verdict) -> str | None:
    if v.difference is None:
        return None
    difference = ("+" if v.difference > 0 else "") + number(v.difference)
    return difference + (f" ({v.relative_difference:+.1%})" if v.relative_difference else "")


def _reference_rows(v: Verdict) -> list[tuple[str, str | None]]:
    r = v.reference
    assert r is not None
    context = " · ".join(term for term in (r.subject, r.metric, *r.keywords) if term)
    difference = _difference(v)
    unit = r.unit and (r.unit + (f" ({r.unit_canonical})" if r.unit_canonical not in (None, r.unit) else ""))
    rows = [("Row", f"{r.id} ({shown(r.table)}, row {r.row})"), ("Value", r.value_text), ("Unit", unit)]
    rows += [("As of", r.as_of), ("Context", context), ("Tolerance", r.tolerance), ("Difference", difference)]
    rows.append(("Note", r.note))
    return [(label, esc(text) if text else None) for label, text in rows] + [("Source", source_html(r.source))]


def _used(row: UsedRow) -> str:
    """A row a computation used, named as the reference row is (id, table, row number), with its value."""
    about = [f"as of {row.as_of}"] if row.as_of else []
    about += [row.subject] if row.subject else []
    return f"{row.id} ({shown(row.table)}, row {row.row}): " + ", ".join([row.value_text, *about])


def _working_rows(v: Verdict) -> list[tuple[str, str | None]]:
    """The computation: what was done, to what result, within what interval, from which rows."""
    w = v.computation
    assert w is not None
    rows = [("Operation", w.operation), ("Expression", w.expression)]
    if w.missing:  # nothing could be computed
        rows.append(("No row for", ", ".join(w.missing)))
    else:
        rows += [("Result", figure(w.result)), ("Rows allow", interval_text(w))]
    rows.append(("Difference", None if v.reference else _difference(v)))
    rows += [(f"Row {k}", _used(row)) for k, row in enumerate(w.rows, 1)]
    return [(label, esc(text) if text else None) for label, text in rows]


def record(n: int, m: Marked, lang: str) -> str:
    """The record of claim `n`, an <article> the page shows when the claim is chosen."""
    badge = f'<span class="badge s-{m.status}">{STATUS_LABELS[m.status]}</span>'
    title = f'{n}. {badge} {m.claim.kind} “<span lang="{lang}">{esc(m.claim.text)}</span>”'
    parts = [
        f'<article class="record" id="record-{n}" aria-labelledby="record-{n}-title">',
        f'<h2 id="record-{n}-title">{title}</h2>{_dl(_claim_rows(m))}',
    ]
    if m.verdict and m.verdict.reference:
        parts.append(f'<h3 class="reference">Reference row</h3>{_dl(_reference_rows(m.verdict))}')
    if m.verdict and m.verdict.computation:
        parts.append(f'<h3 class="working">Working</h3>{_dl(_working_rows(m.verdict))}')
    return "".join(parts) + "</article>"
