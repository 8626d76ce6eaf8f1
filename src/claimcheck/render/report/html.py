"""The editor's report: one self-contained HTML page of a draft, the article itself with every
claim highlighted by its verdict, and the claim's record one click away.

The article is the original text cut at claim boundaries, every piece escaped. Nothing is
dropped: what the caller was told was not read (what the normalizer removes before
extraction, such as pinyin glosses and image placeholders; markup) stays on the page, dimmed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence

from claimcheck.models import Claim
from claimcheck.render.report.page import esc, language_of, page
from claimcheck.render.report.record import STATUS_LABELS, STATUS_MEANINGS, Marked, record

VERIFIED_STATUSES = ("sourced", "mismatch", "unsourced")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n(?:[ \t\r\f\v]*\n)*")


def paragraphs(text: str, claims: Sequence[Claim]) -> list[tuple[int, int]]:
    """Spans of text between blank lines, trimmed; a blank line inside a claim does not split it."""
    starts, ends = [c.start for c in claims], [c.end for c in claims]
    spans, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        i = bisect_right(starts, match.start()) - 1
        if i < 0 or ends[i] <= match.start():
            spans.append((start, match.start()))
            start = match.end()
    spans.append((start, len(text)))
    trimmed = []
    for start, end in spans:
        while start < end and text[start] in "\r\n":
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            trimmed.append((start, end))
    return trimmed


def _claim_open(n: int, m: Marked) -> str:
    s, kind = m.status, m.claim.kind
    return (
        f'<button type="button" class="claim s-{s}" id="claim-{n}" data-n="{n}" data-status="{s}" '
        f'data-kind="{kind}" aria-controls="record-{n}" aria-expanded="false" '
        f'aria-describedby="status-{s} kind-{kind}">'
    )


def _article(text: str, marked: Sequence[Marked], dimmed: Sequence[tuple[int, int, str]]) -> str:
    by_start = {m.claim.start: (n, m) for n, m in enumerate(marked, 1)}
    dims = sorted(dimmed)
    dim_starts = [start for start, _, _ in dims]
    reach: list[tuple[int, str]] = []  # reach[i]: the furthest end among dims[: i + 1], with its class
    for _, end, cls in dims:
        reach.append(max(reach[-1], (end, cls)) if reach else (end, cls))
    cuts = sorted({p for m in marked for p in (m.claim.start, m.claim.end)} | {p for s, e, _ in dims for p in (s, e)})
    out = []
    for start, end in paragraphs(text, [m.claim for m in marked]):
        points = [start, *cuts[bisect_right(cuts, start) : bisect_left(cuts, end)], end]
        pieces, open_until = [], None
        for a, b in zip(points, points[1:], strict=False):
            if a in by_start:
                pieces.append(_claim_open(*by_start[a]))
                open_until = by_start[a][1].claim.end
            piece = esc(text[a:b])
            i = bisect_right(dim_starts, a) - 1
            if i >= 0 and reach[i][0] >= b:
                piece = f'<span class="{reach[i][1]}" aria-hidden="true">{piece}</span>'
            pieces.append(piece)
            if open_until == b:
                pieces.append("</button>")
                open_until = None
        words = text[start:end]
        lang = f' lang="{language_of(words)}"' if any(ch.isalpha() for ch in words) else ""
        out.append(f"<p{lang}>{''.join(pieces)}</p>")
    return "".join(out)


def _filters(marked: Sequence[Marked], statuses: Iterable[str]) -> str:
    status_boxes = "".join(
        f'<label><input type="checkbox" name="status" value="{s}" checked> {STATUS_LABELS[s]}</label>' for s in statuses
    )
    kind_boxes = "".join(
        f'<label><input type="checkbox" name="kind" value="{k}" checked> '
        f'<span class="kind-mark" data-kind="{k}"></span>{k}</label>'
        for k in dict.fromkeys(m.claim.kind for m in marked)
    )
    return (
        f'<form id="filters" aria-label="Filters"><h2>Filters</h2>'
        f"<fieldset><legend>Status</legend>{status_boxes}</fieldset>"
        f"<fieldset><legend>Kind</legend>{kind_boxes}</fieldset>"
        f'<p id="shown" role="status">{len(marked)} of {len(marked)} claims shown</p></form>'
    )


def _claim_list(marked: Sequence[Marked]) -> str:
    items = "".join(
        f'<li value="{n}" data-status="{m.status}" data-kind="{m.claim.kind}"><a href="#claim-{n}">'
        f'<span class="badge s-{m.status}">{STATUS_LABELS[m.status]}</span> '
        f'<span class="text" lang="{language_of(m.claim.text)}">{esc(m.claim.text)}</span> '
        f'<span class="kind-mark" data-kind="{m.claim.kind}"></span>'
        f'<span class="visually-hidden">{m.claim.kind}</span></a></li>'
        for n, m in enumerate(marked, 1)
    )
    heading = '<nav id="claim-nav" aria-label="Claims in document order"><h2>Claims</h2>'
    return f'{heading}<ol id="claim-list">{items}</ol></nav>'


def _panel(marked: Sequence[Marked], statuses: Iterable[str]) -> str:
    hint = '<p id="record-empty" class="hint" hidden>Choose a claim in the text or in the list to see its record.</p>'
    records = "".join(record(n, m, language_of(m.claim.text)) for n, m in enumerate(marked, 1))
    return (
        '<aside class="panel" aria-label="Claims">'
        f'<section id="records" aria-label="Selected claim" aria-live="polite">{hint}{records}</section>'
        f"{_filters(marked, statuses)}{_claim_list(marked)}</aside>"
    )


def render(
    text: str,
    marked: Sequence[Marked],
    *,
    title: str,
    subtitle: str,
    verified: bool,
    dimmed: Iterable[tuple[int, int, str]] = (),
    back: str | None = None,
) -> str:
    """The report page of one draft. `marked`: its claims, each fitting `text` exactly, none
    overlapping; `dimmed`: spans (start, end, CSS class) to show dimmed; `back`: a
    relative link to an index page."""
    marked = sorted(marked, key=lambda m: m.claim.start)
    for previous, m in zip([None, *marked], marked, strict=False):
        if text[m.claim.start : m.claim.end] != m.claim.text or (previous and previous.claim.end > m.claim.start):
            raise ValueError(f"claim {m.claim.id} does not fit the text or overlaps the one before it")
    counts = Counter(dict.fromkeys(VERIFIED_STATUSES if verified else ("unverified",), 0))
    counts.update(m.status for m in marked)
    count_items = "".join(
        f'<li class="s-{s}"><strong data-count="{s}">{n}</strong> {STATUS_LABELS[s]}</li>' for s, n in counts.items()
    )
    hidden = "".join(f'<span id="status-{s}">{STATUS_LABELS[s]}: {STATUS_MEANINGS[s]}</span>' for s in counts)
    hidden += "".join(f'<span id="kind-{k}">{k}</span>' for k in dict.fromkeys(m.claim.kind for m in marked))
    dims = list(dimmed)
    back_link = f'<p><a href="{esc(back)}">All drafts</a></p>' if back else ""
    body = (
        '<a class="skip" href="#article">Skip to the article</a>'
        f'<header class="top">{back_link}<h1>{esc(title)}</h1><p>{esc(subtitle)}</p>'
        '<ul class="counts" aria-label="Claims by status">'
        f'<li><strong data-count="all">{len(marked)}</strong> claims</li>{count_items}</ul></header>'
        '<div class="layout"><main id="article" tabindex="-1" aria-label="Article">'
        f"{_article(text, marked, dims)}</main>{_panel(marked, counts)}</div><div hidden>{hidden}</div>"
    )
    return page(f"{title} — claimcheck report", body)
