"""The pipeline: normalize, scan, read, classify, place in context, build records.

Guarantees `text[claim.start:claim.end] == claim.text` for every claim, because every
span is mapped back through the normalizer's offset map and sliced from the input.
"""

from __future__ import annotations

import gc
import hashlib
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cache

import regex

from claimcheck import rules
from claimcheck.engine import checkworthy
from claimcheck.engine.attach import read_quantity
from claimcheck.engine.before import read_before
from claimcheck.engine.classify import ONE_WITH_A_DURATION, classify, late_rejection, rejection
from claimcheck.engine.compound import join_compounds
from claimcheck.engine.context import Context, Vocabulary
from claimcheck.engine.numbers import number_arithmetic
from claimcheck.engine.quantity import Quantity
from claimcheck.engine.raw_claim import Clauses, RawClaim, Spans
from claimcheck.engine.relations import relate
from claimcheck.engine.sentences import Sentences, nearest_time
from claimcheck.engine.tail import currency_glued
from claimcheck.models import Claim, Document, TextSpan
from claimcheck.rules.grammar import grammar
from claimcheck.rules.relations_grammar import relation_grammar
from claimcheck.rules.scripts import scripts
from claimcheck.text import data_blocks
from claimcheck.text.bidi import BidiReach
from claimcheck.text.normalize import Normalized, normalize

_NEWLINE = regex.compile("\n")


def _languages(lang: str | None) -> tuple[str, ...]:
    known = rules.languages()
    if lang in (None, "auto"):
        return known
    if lang not in known:
        raise ValueError(f"unknown language {lang!r}: use auto, {', '.join(known)}")
    return (lang,)


def extract(
    text: str,
    *,
    lang: str | None = None,
    figures_only: bool = False,
    ids: ClaimIds | None = None,
    vocabulary: Vocabulary | None = None,
) -> list[Claim]:
    """Every checkable claim in `text`, in document order.

    figures_only: numbers with their units alone — no ranks, comparisons or superlatives,
    no subject or metric — for callers that want the figures fast.
    ids, vocabulary: for a text read in parts (claimcheck.run.stream), the id counter the parts
    share and the vocabulary of the whole text, so that each part gives the claims the
    whole would.
    """
    collecting = gc.isenabled()
    gc.disable()  # the pass allocates many small objects and no cycles: skip the rescans
    try:
        with number_arithmetic():
            return _extract(text, lang, figures_only, ids, vocabulary)
    finally:
        if collecting:
            gc.enable()


@dataclass(slots=True)
class _Pass:
    """One pass of the engine over a text: every reading, and the claims among them."""

    norm: Normalized
    times: list[tuple[int, int]]
    readings: list[tuple[Quantity, str | None]]
    claims: list[Quantity]


def _read(text: str, lang: str | None, every: bool = False) -> _Pass:
    g = grammar(_languages(lang))
    data = data_blocks.find(text)
    norm = normalize(data_blocks.blank(text, data) if data else text)
    times = [m.span() for pattern in g.times for m in pattern.finditer(norm.text)]
    pairs = list(_readings(norm.text, g, times, every=every))
    joinable = [(q, reason) for q, reason in pairs if reason in (None, ONE_WITH_A_DURATION)]
    return _Pass(norm, times, pairs, join_compounds(norm.text, joinable, g))


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
) -> list[Claim]:
    scan = _read(text, lang)
    norm, times, clean = scan.norm, scan.times, scan.norm.text
    times.sort()
    time_spans = Spans(times)
    sentences = Sentences(clean)
    figures = [_figure(q) for q in scan.claims]
    if figures_only:
        drafts, context = figures, None
    else:
        rg = relation_grammar(_languages(lang))
        clauses = Clauses(clean, rg.clause_break)
        drafts = relate(clean, figures, grammar(_languages(lang)), rg, time_spans, clauses, sentences.span_at)
        context = Context(clean, rg, clauses, time_spans, vocabulary)
    if not drafts:
        return []
    baselines = Spans(d.baseline for d in drafts if d.baseline is not None)
    times = [t for t in times if not baselines.overlaps(*t)]  # "from last year" is not when a claim holds
    time_starts = [start for start, _ in times]
    sentence_spans: dict[tuple[int, int], TextSpan] = {}
    line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    claim_ids = ids or ClaimIds()
    claim_ids.new_text()
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

    claims = []
    for d, sentence, start, end in built:
        line = bisect_right(line_starts, start)
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
                column=start - line_starts[line - 1] + 1,
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
                deceptive=deceptive(d, start, end) if reach else None,
            )
        )
    return claims


def _readings(clean: str, g, times: list[tuple[int, int]], every: bool = True):
    """Every number the scanner finds, with the reason it is not a claim (None if it is).

    Years and days of the month found on the way are added to `times`. every=False leaves
    out, unread, the numbers that a trap covers or a letter touches (codes) when no currency
    code stands against them: a megabyte of `1e1e1e…` is then a pass of the scanner, not half
    a million readings.
    """
    traps = Spans(m.span() for pattern in g.traps for m in pattern.finditer(clean))
    time_spans = Spans(times)
    glue = _glue_words(g.languages)
    position = floor = 0
    while (match := g.scan.search(clean, position)) is not None:
        position = match.end()
        if not every and match.lastgroup in _PLAIN and time_spans.overlaps(match.start(), match.start() + 1):
            continue  # its reading would start inside a date: "inside a date or period"
        if not every and _left_unread(clean, match.start(), position, traps, glue):
            # So is every number later in the same run of letters and digits: a letter
            # stands against each.
            position = _ALPHANUMERIC_RUN.match(clean, position).end()
            continue
        q = read_quantity(clean, match, g)
        if q is None:
            continue
        if time_spans.overlaps(q.number_start, q.number_end):
            yield q, "inside a date or period"
            continue
        if traps.overlaps(q.number_start, q.number_end) and not currency_glued(clean, q, g):
            yield q, "inside a trap (code, idiom, phone, URL, enumeration…)"
            continue
        rejected = rejection(clean, q, g)
        if rejected is not None:
            if rejected.is_time:
                times.append((q.start, q.end))
            yield q, rejected.reason
            continue
        read_before(clean, q, g, floor=floor)
        rejected = late_rejection(q, g)
        if rejected is not None:
            yield q, rejected.reason
            continue
        yield q, None
        position = floor = max(q.end, match.end())


_DIGITS = frozenset("0123456789")
_PLAIN = frozenset({"num", "words"})  # scan branches whose number starts where the match does
_ALPHANUMERIC_RUN = regex.compile("[A-Za-z0-9]*+")
_LETTER = regex.compile("[A-Za-z]")
_GLUE_REACH = 12


def _left_unread(text: str, start: int, end: int, traps: Spans, glue: tuple[str, ...]) -> bool:
    """Whether reading the number at text[start:end] would end in a trap or a code (A320,
    1e1e…, 百分之百): a trap covers it, or a letter touches it when it begins with a digit,
    and no currency code or negative word (USD3) can stand against it."""
    if text[start] in _DIGITS:
        if not (traps.covers(start, end) or _glued(text, start)):
            return False
    elif not traps.covers(start, end) or _LETTER.search(text, max(0, start - 1), end):
        return False
    return not text.endswith(glue, max(0, start - _GLUE_REACH), start)


def _glued(text: str, start: int) -> bool:
    """A letter (or a letter and a hyphen) against the number: classify calls it a code."""
    before = text[start - 1 : start]
    if before == "-":
        before = text[start - 2 : start - 1]
    return before.isascii() and before.isalpha()


@cache
def _glue_words(languages: tuple[str, ...]) -> tuple[str, ...]:
    """Words that may stand against a number in a trap and still make it a figure (USD3)."""
    words = [*grammar(languages).currency_of]
    words += [w for lang in languages for w in rules.language(lang).negative_prefixes]
    return tuple(w for w in words if w[-1:].isascii() and w[-1:].isalpha())


@dataclass(frozen=True, slots=True)
class Reading:
    """A number as the engine read it, claim or not (for debugging and scoring)."""

    text: str
    start: int
    end: int
    kind: str
    value: int | float
    value_max: int | float | None
    unit_canonical: str | None
    not_a_claim_because: str | None


def readings(text: str, *, lang: str | None = None) -> list[Reading]:
    """Every number found, including those dropped as not claims, with the reason."""
    with number_arithmetic():
        return _readings_of(text, lang)


def _readings_of(text: str, lang: str | None) -> list[Reading]:
    scan = _read(text, lang, every=True)
    joined = {id(q) for q in scan.claims}
    out = []
    for q, reason in scan.readings:
        if id(q) in joined:
            reason = None
        elif reason is None:
            continue  # the second part of a compound, read into the first
        record = classify(q)
        start, end = scan.norm.to_original(q.start, q.end)
        out.append(
            Reading(
                text[start:end], start, end, record.kind, record.value, record.value_max, record.unit_canonical, reason
            )
        )
    return out


def _span(text: str, span: tuple[int, int]) -> TextSpan:
    return TextSpan.trusted(text=text[span[0] : span[1]], start=span[0], end=span[1])


class ClaimIds:
    """Stable ids: a hash of the claim's kind, its sentence, its text and which occurrence of
    that triple it is. Each sentence is hashed once (a long sentence with many claims stays
    linear), and one instance may span the blocks of a text read in parts."""

    def __init__(self) -> None:
        self.seen: Counter[bytes] = Counter()
        self._prefixes: dict[tuple[str, int, int], hashlib.blake2b] = {}

    def new_text(self) -> None:
        self._prefixes.clear()

    def of(self, kind: str, clean: str, sentence: tuple[int, int], claim: str) -> str:
        prefix = self._prefixes.get((kind, *sentence))
        if prefix is None:
            sentence_text = clean[sentence[0] : sentence[1]]
            prefix = hashlib.blake2b(_utf8(f"{kind}\x1f{sentence_text}\x1f"), digest_size=8)
            self._prefixes[(kind, *sentence)] = prefix
        digest = prefix.copy()
        digest.update(_utf8(claim))
        key = digest.digest()  # the triple, in 8 bytes
        self.seen[key] += 1
        digest.update(f"\x1f{self.seen[key]}".encode())
        return digest.hexdigest()


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a str from Python may hold lone surrogates


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
    text: str, *, source: str = "<text>", lang: str | None = None, min_checkworthy: float = 0.0
) -> Document:
    claims = extract(text, lang=lang)
    if min_checkworthy > 0:
        claims = [claim for claim in claims if claim.checkworthy >= min_checkworthy]
    language = document_language(text, claims)
    return Document(source=source, language=language, claims=claims, skipped=data_blocks.skipped(text))
