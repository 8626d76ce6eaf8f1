"""The verify report as schema.org ClaimReview (JSON-LD): one review a claim, in a JSON array,
each with its own @context so that it can be pasted into a page alone. The sentence is what is
reviewed; the Claim appears in the draft (its path, its URL under drafts-url, the claim's line
and column); the verdict is the Rating, on the desk's scale; the rows' sources are the citation."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote

import regex

from claimcheck.checking.claimreview import ReviewSettings
from claimcheck.files.read import STDIN
from claimcheck.names import shown
from claimcheck.render import json_text
from claimcheck.text.prose import GAP, Format, format_of, mask
from claimcheck.verification.report import VerifiedClaim, VerifyReport

CONTEXT = "https://schema.org"
# Markdown that is prose to extraction but markup to a reader of the sentence: a heading's,
# a quote's or a list item's marker before it, strong emphasis inside it.
MARKDOWN_MARKS = regex.compile(r"\A[ ]{0,3}(?:#{1,6}|>|[-*+]|[0-9]{1,9}[.)])[ \t]+|\*\*|__")
# A row of a table by (table, row number) → its source: the rows a computation used carry no source.
Sources = Mapping[tuple[str, int], str]


def render(report: VerifyReport, *, settings: ReviewSettings, sources: Sources | None = None) -> str:
    reviews = [
        review(claim, shown(document.source), settings, sources or {})
        for document in report.documents
        for claim in document.claims
    ]
    return json_text(reviews, indent=2) + "\n"


def review(claim: VerifiedClaim, draft: str, settings: ReviewSettings, sources: Sources) -> dict:
    """One ClaimReview: the properties the published guidelines require (claimReviewed,
    reviewRating with alternateName, url, author) and those they recommend."""
    found = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": f"{settings.url}#claim-{claim.id}",
        "claimReviewed": as_read(claim.sentence.text, format_of(draft)),
        "reviewAspect": as_read(claim.text, format_of(draft)),
        "itemReviewed": {"@type": "Claim", "appearance": appearance(claim, draft, settings)},
        "reviewRating": rating(claim, settings),
        "author": author(settings),
        "datePublished": settings.date_published.isoformat(),
    }
    cited = citation(claim, sources)
    if cited:
        found["citation"] = cited[0] if len(cited) == 1 else cited
    return found


def as_read(text: str, fmt: Format) -> str:
    """The words of a span of the draft as a reader reads them: without the tags and entities
    of HTML or the link targets of Markdown, its line breaks and runs of spaces one space."""
    read = mask(text, fmt).text.replace(GAP, "")
    return " ".join((MARKDOWN_MARKS.sub("", read) if fmt == "markdown" else read).split())


def appearance(claim: VerifiedClaim, draft: str, settings: ReviewSettings) -> dict:
    """The draft the claim appears in, and where in it."""
    work: dict = {"@type": "CreativeWork", "name": draft}
    if settings.drafts_url and draft != STDIN:  # standard input has no address (--stdin-filename names it)
        base = settings.drafts_url if settings.drafts_url.endswith("/") else settings.drafts_url + "/"
        work["url"] = base + quote(draft.replace("\\", "/").lstrip("/"), safe="/")
    work["position"] = f"line {claim.line}, column {claim.column}, characters {claim.start}–{claim.end}"
    return work


def rating(claim: VerifiedClaim, settings: ReviewSettings) -> dict:
    scale = settings.ratings.of(claim.verdict.status)
    return {
        "@type": "Rating",
        "ratingValue": scale.value,
        "bestRating": settings.best,
        "worstRating": settings.worst,
        "alternateName": scale.name,
        "ratingExplanation": claim.verdict.reason,
    }


def author(settings: ReviewSettings) -> dict:
    found = {"@type": "Organization", "name": settings.author}
    if settings.author_url:
        found["url"] = settings.author_url
    return found


def citation(claim: VerifiedClaim, sources: Sources) -> list[str]:
    """The source of the row that backs or contradicts the claim, then those of the rows a
    computed figure used (each once, in order)."""
    verdict = claim.verdict
    found = [verdict.reference.source] if verdict.reference and verdict.reference.source else []
    if verdict.computation:
        found += [sources.get((row.table, row.row)) for row in verdict.computation.rows]
    return [source for source in dict.fromkeys(found) if source]
