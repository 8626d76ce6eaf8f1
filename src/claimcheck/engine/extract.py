"""The pipeline: normalize, scan, read, classify, place in context, build records.

Guarantees `text[claim.start:claim.end] == claim.text` for every claim, because every
span is mapped back through the normalizer's offset map and sliced from the input.
"""

from __future__ import annotations

import datetime
import gc
from bisect import bisect_right

from claimcheck.engine import checkworthy
from claimcheck.engine.claim_ids import ClaimIds
from claimcheck.engine.classify import classify
from claimcheck.engine.context import Context, Vocabulary
from claimcheck.engine.frame import Frames
from claimcheck.engine.frame.entity import LEAD_REACH
from claimcheck.engine.numbers import number_arithmetic
from claimcheck.engine.quantity import Quantity
from claimcheck.engine.raw_claim import Clauses, RawClaim, Spans, line_starts
from claimcheck.engine.readings import Reading, readings
from claimcheck.engine.rejections import in_order, left_out
from claimcheck.engine.rejections import rejected as rejected_readings
from claimcheck.engine.relations import relate
from claimcheck.engine.scan import languages_of, read_pass
from claimcheck.engine.sentences import Sentences, nearest_time
from claimcheck.models import Claim, Document, Rejected, TextSpan
from claimcheck.rules.grammar import grammar
from claimcheck.rules.relations_grammar import relation_grammar
from claimcheck.rules.scripts import scripts
from claimcheck.text import data_blocks
from claimcheck.text.bidi import BidiReach

# Readings and ids are their own modules; they are taken from here as well.
__all__ = ["ClaimIds", "Reading", "document_language", "extract", "extract_document", "readings"]


def _as_date(value: datetime.date | str | None) -> datetime.date | None:
    """The document's date as given: a date, a datetime (its day) or an ISO string (2025-11-05)."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if value is None or isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"date: {value!r} is not a date written YYYY-MM-DD") from None
    raise TypeError(f"date: expected a datetime.date or a YYYY-MM-DD string, not {type(value).__name__}")


def extract(
    text: str,
    *,
    lang: str | None = None,
    figures_only: bool = False,
    ids: ClaimIds | None = None,
    vocabulary: Vocabulary | None = None,
    date: datetime.date | str | None = None,
    rejected: list[Rejected] | None = None,
) -> list[Claim]:
    """Every checkable claim in `text`, in document order.

    figures_only: numbers with their units alone — no ranks, comparisons or superlatives,
    no subject or metric — for callers that want the figures fast.
    ids, vocabulary: for a text read in parts (claimcheck.run.stream), the id counter the parts
    share and the vocabulary of the whole text, so that each part gives the claims the
    whole would.
    date: the document's date (a date, or YYYY-MM-DD), against which relative periods (今年,
    last month) resolve.
    rejected: a list to which every number read and not reported as a claim is added, with
    what set it aside (explain: the pass then reads the numbers it would skip unread).
    """
    date = _as_date(date)
    collecting = gc.isenabled()
    gc.disable()  # the pass allocates many small objects and no cycles: skip the rescans
    try:
        with number_arithmetic():
            return _extract(text, lang, figures_only, ids, vocabulary, date, rejected)
    finally:
        if collecting:
            gc.enable()


def _figure(q: Quantity) -> RawClaim:
    record = classify(q)
    return RawClaim(
        record.kind,
        q.start,
        q.end,
        value=record.value,
        value_max=record.value_max,
        unit=record.unit,
        unit_canonical=record.unit_canonical,
        qualifier=q.qualifier if q.qualifier != "range" or q.value_max is not None else "exact",
        qualifier_text=q.qualifier_text,
    )


def _extract(
    text: str,
    lang: str | None,
    figures_only: bool = False,
    ids: ClaimIds | None = None,
    vocabulary: Vocabulary | None = None,
    date: datetime.date | None = None,
    rejected: list[Rejected] | None = None,
) -> list[Claim]:
    claim_ids = ids or ClaimIds()
    claim_ids.new_text(len(text))  # before any return: the parts of a text count every part
    scan = read_pass(text, lang, every=rejected is not None)
    norm, times, clean = scan.norm, scan.times, scan.norm.text
    if claim_ids.offset < LEAD_REACH:  # where a later part's lead period is looked for
        claim_ids.read = clean[: LEAD_REACH - claim_ids.offset]
    times.sort()
    time_spans = Spans(times)
    sentences = Sentences(clean)
    figures = [_figure(q) for q in scan.claims]
    languages = languages_of(lang)
    if figures_only:
        drafts, context = figures, None
    else:
        rg = relation_grammar(languages)
        clauses = Clauses(clean, rg.clause_break)
        drafts = relate(clean, figures, grammar(languages), rg, time_spans, clauses, sentences.span_at, scan.hidden)
        context = Context(clean, rg, clauses, time_spans, vocabulary)
    if not drafts:
        if context is not None and ids is not None and ids.lead is None:
            # a part without claims may still hold the lead entity of the parts after it
            frames = Frames(
                clean, date, lambda at: _span(text, norm.to_original(*at)), context, sentences, languages, ids
            )
            frames.lead()
        if rejected is not None:
            rejected += rejected_readings(text, scan, [], grammar(languages), line_starts(text))
        return []
    baselines = Spans(d.baseline for d in drafts if d.baseline is not None)
    every_time = times  # the frame's periods read the baselines' too
    times = [t for t in times if not baselines.overlaps(*t)]  # "from last year" is not when a claim holds
    time_starts = [start for start, _ in times]
    sentence_spans: dict[tuple[int, int], TextSpan] = {}
    lines_at = line_starts(text)
    ids_of: dict[int, str] = {}
    built = []
    for d in drafts:
        sentence = sentences.span_at(d.start)
        if d.end > sentence[1]:  # a claim across a full stop (No. 1): its sentence runs on
            sentence = (sentence[0], sentences.span_at(d.end - 1)[1])
        if sentence not in sentence_spans:
            sentence_spans[sentence] = _span(text, norm.to_original(*sentence))
        d.time = nearest_time(clean, times, time_starts, d.span, sentence)
        if context is not None:
            context.place(d)
        start, end = norm.to_original(d.start, d.end)
        ids_of[id(d)] = claim_ids.of(d.kind, clean, sentence, clean[d.start : d.end])
        built.append((d, sentence, start, end))

    made: dict[tuple[int, int], TextSpan] = {}

    def span(clean_span):  # subjects, metrics and times repeat from claim to claim: build each once
        if clean_span is None:
            return None
        if clean_span not in made:
            made[clean_span] = _span(text, norm.to_original(*clean_span))
        return made[clean_span]

    reach = BidiReach(text, norm.bidi) if norm.bidi else None

    def deceptive(d: RawClaim, start: int, end: int) -> str | None:
        """`bidi` when a bidirectional control reaches the claim or its figure (readers may
        see the digits in another order than they are read)."""
        figure = norm.to_original(*d.figure) if d.figure is not None else None
        return "bidi" if reach.touches(start, end) or (figure and reach.touches(*figure)) else None

    frames = (
        Frames(clean, date, span, context, sentences, languages, claim_ids, every_time, baselines)
        if context is not None
        else None
    )
    claims = []
    for d, sentence, start, end in built:
        line = bisect_right(lines_at, start)
        worth, reason = checkworthy.score(d, clean[slice(*(d.figure or d.span))])
        # Every field is built here from checked parts: construct without re-validating.
        claims.append(
            Claim.trusted(
                id=ids_of[id(d)],
                kind=d.kind,
                text=text[start:end],
                start=start,
                end=end,
                line=line,
                column=start - lines_at[line - 1] + 1,
                value=d.value,
                value_max=d.value_max,
                unit=d.unit,
                unit_canonical=d.unit_canonical,
                qualifier=d.qualifier,
                qualifier_text=d.qualifier_text,
                time=span(d.time),
                sentence=sentence_spans[sentence],
                lang=lang if lang not in (None, "auto") else sentences.language(sentence),
                figure=span(d.figure),
                subject=span(d.subject),
                metric=span(d.metric),
                direction=d.direction,
                baseline=span(d.baseline),
                related=[ids_of[id(r)] for r in d.related if id(r) in ids_of],
                checkworthy=worth,
                checkworthy_reason=reason,
                frame=frames.of(d, sentence) if frames else None,
                deceptive=deceptive(d, start, end) if reach else None,
                location=None,
            )
        )
    if rejected is not None:
        rejected += rejected_readings(text, scan, drafts, grammar(languages), lines_at)
    return claims


def _span(text: str, span: tuple[int, int]) -> TextSpan:
    return TextSpan.trusted(text=text[span[0] : span[1]], start=span[0], end=span[1])


_SAMPLE = 20_000


def document_language(text: str, claims: list[Claim]) -> str:
    """The claims' language, "mixed" when they have several; without claims, the language
    whose script weighs most in the text's first characters ("unknown" with none)."""
    languages = {claim.lang for claim in claims}
    if len(languages) == 1:
        return languages.pop()
    if languages:
        return "mixed"
    return scripts().language(text[:_SAMPLE]) or "unknown"


def extract_document(
    text: str,
    *,
    source: str = "<text>",
    lang: str | None = None,
    min_checkworthy: float = 0.0,
    date: datetime.date | str | None = None,
    explain: bool = False,
) -> Document:
    """The claims of `text` as a document; explain: with every number read and not reported
    as a claim (`Document.rejected`), a claim below `min_checkworthy` among them."""
    rejected: list[Rejected] | None = [] if explain else None
    claims = extract(text, lang=lang, date=date, rejected=rejected)
    if min_checkworthy > 0:
        kept = [claim for claim in claims if claim.checkworthy >= min_checkworthy]
        if rejected is not None and len(kept) < len(claims):
            rejected = in_order(rejected, [left_out(c, "min_checkworthy") for c in claims if c not in kept])
        claims = kept
    language = document_language(text, claims)
    skipped = data_blocks.skipped(text)
    return Document(source=source, language=language, claims=claims, skipped=skipped, rejected=rejected)
