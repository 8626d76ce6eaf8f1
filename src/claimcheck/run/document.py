"""From a source to its document: the one way that `extract`, `verify`, `check`, `report` and
the Dask integration take a draft to its claims.

    read → mask (Markdown, HTML: prose only) → extract → anchor → verify (given references)

A Word draft (.docx) is read for its text (claimcheck.run.word), whatever `prose` says, and
each of its claims gains the location of its paragraph in the document.

A plain-text file (or standard input) is read in blocks (claimcheck.run.stream): memory holds a
block and the claims, not the text, however large the input; a file shorter than a block is one
block, extracted in one pass. Text or bytes given in memory are extracted whole, as blocks
would save nothing, and so is a file when asked (`whole`). Markdown and HTML are read whole,
since masking needs the whole file, and so is any text whose page is to be shown (`keep_text`).
Offsets, lines and columns are those of the source as read (claimcheck.run.anchor), a
byte-order mark counting as a character.
"""

from __future__ import annotations

import datetime
import itertools
import os
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass

from claimcheck.files.read import DEFAULT_MAX_BYTES, STDIN, decode, read_text, text_chunks
from claimcheck.models import Claim, Document, Rejected, Skipped, Verdict
from claimcheck.run.anchor import anchor, anchor_rejected, not_read
from claimcheck.run.stream import BLOCK, extract_stream
from claimcheck.run.word import WordText, is_word, located, read_word
from claimcheck.text.document_date import date_of
from claimcheck.text.normalize import removed_spans
from claimcheck.text.prose import Format, Masked, blanked_runs, format_of, mask

BATCH = 1000  # claims handed to `each` at a time


@dataclass(frozen=True, slots=True)
class Source:
    """What a document is read from: a file (STDIN: standard input), bytes or text, and the
    name the document goes by. Build one with `file`, `of_bytes` or `of_text`."""

    name: str
    path: str | None = None
    data: bytes | None = None
    text: str | None = None
    encoding: str | None = None  # of a file or bytes; None: UTF-8, GB18030 or Big5, detected
    max_bytes: int | None = DEFAULT_MAX_BYTES  # a larger file is refused; None: no limit

    @classmethod
    def file(
        cls,
        path: str,
        *,
        stdin_name: str = STDIN,
        encoding: str | None = None,
        max_bytes: int | None = DEFAULT_MAX_BYTES,
    ) -> Source:
        """A file by its path, or standard input (STDIN), called `stdin_name`."""
        name = stdin_name if path == STDIN else path
        return cls(name, path=path, encoding=encoding, max_bytes=max_bytes)

    @classmethod
    def of_bytes(cls, data: bytes, name: str, *, encoding: str | None = None, max_bytes: int | None = None) -> Source:
        return cls(name, data=data, encoding=encoding, max_bytes=max_bytes)

    @classmethod
    def of_text(cls, text: str, name: str = "<text>") -> Source:
        return cls(name, text=text)

    def read(self) -> str:
        """The whole text."""
        if self.text is not None:
            return self.text
        if self.data is not None:
            return decode(self.data, self.name, encoding=self.encoding, max_bytes=self.max_bytes)
        assert self.path is not None
        return read_text(self.path, encoding=self.encoding, max_bytes=self.max_bytes)

    def chunks(self) -> Iterator[str]:
        """A file's text piece by piece, decoded as it is read."""
        assert self.path is not None
        return text_chunks(self.path, encoding=self.encoding, max_bytes=self.max_bytes)


@dataclass(frozen=True, slots=True)
class Read:
    """A source once read: its document, the verdict of each claim when references were
    given, and, when kept, the text with its prose-only copy."""

    document: Document
    format: Format = "text"
    verdicts: list[Verdict] | None = None
    text: str | None = None
    masked: Masked | None = None

    def dimmed(self) -> list[tuple[int, int, str]]:
        """The runs of the kept text that were not read for claims, to show dimmed, each with
        why: `removed` by the normalizer (pinyin glosses, image placeholders), `markup` blanked
        by masking (tags, code, front matter)."""
        if self.text is None:
            return []
        runs = [(start, end, "removed") for start, end in removed_spans(self.text)]
        if self.masked is not None and self.masked.text != self.text:
            runs += [(start, end, "markup") for start, end in blanked_runs(self.text, self.masked)]
        return runs


def read_document(
    source: Source,
    *,
    prose: bool = False,
    lang: str | None = None,
    min_checkworthy: float = 0.0,
    kinds: Collection[str] | None = None,
    references: object | None = None,
    approximation: float | str | None = None,
    keep_text: bool = False,
    whole: bool = False,
    each: Callable[[list[Claim]], None] | None = None,
    date: datetime.date | None = None,
    explain: bool = False,
) -> Read:
    """The document of `source`: its claims with offsets, lines and columns in it.

    prose: a Markdown or HTML source (by its name's suffix) is read for its prose only, the
        rest blanked; otherwise every source is read as plain text.
    lang: the language rules to apply (None or "auto": each sentence decides).
    min_checkworthy, kinds: only the claims at least this checkable, of these kinds.
    references: an index of reference tables (or the tables): each claim gets its verdict.
    keep_text: the text (and its prose copy) is kept in the result, for a page that shows it.
    whole: a long plain-text file is read whole rather than in blocks: faster (placing each
        block's claims in the whole costs about a fifth), for a run that keeps every claim
        anyway, whose memory they take far more of than the text.
    each: the claims are handed to it as they are found, a batch at a time, and the document
        holds none: memory holds a batch however many there are.
    date: the document's date, against which relative periods resolve; without it, the date
        a Markdown or HTML draft gives itself (front matter, published time).
    explain: the document lists every number read and not reported as a claim, with what set
        it aside (`Document.rejected`; the text is then read whole), and each verdict the rows
        considered and what ruled each out.
    """
    fmt: Format = format_of(source.name) if prose else "text"
    leaves_out = _leaves_out(min_checkworthy, kinds)
    text = masked = word = None
    rejected: list[Rejected] | None = [] if explain else None
    if source.text is None and is_word(source.name):
        word, text = read_word(source.name, source.path, source.data, source.encoding, source.max_bytes)
        fmt = "docx" if word is not None else "text"
    if word is not None:
        text, masked = word.text, Masked(word.text)
        claims, language, skipped = _whole(text, masked, lang, leaves_out, each, date, rejected, word)
    elif fmt == "text" and text is None and not (keep_text or whole or explain) and source.path is not None:
        claims, language, skipped = _in_blocks(source, lang, leaves_out, each, date)
    else:
        text = source.read() if text is None else text
        masked = mask(text, fmt)
        when = date_of(text, fmt, date)
        claims, language, skipped = _whole(text, masked, lang, leaves_out, each, when, rejected)
    document = Document(source=source.name, language=language, claims=claims, skipped=skipped, rejected=rejected)
    verdicts = None
    if references is not None:
        from claimcheck.verification.verifier import verify

        verdicts = verify(claims, references, approximation=approximation, explain=explain) if claims else []
    kept = {"text": text, "masked": masked} if keep_text else {}
    return Read(document, fmt, verdicts, **kept)


def _leaves_out(min_checkworthy: float, kinds: Collection[str] | None) -> Callable[[Claim], str | None] | None:
    """What leaves a claim out (the option that does, by its name), or None to keep every claim."""
    if min_checkworthy <= 0 and kinds is None:
        return None

    def why(claim: Claim) -> str | None:
        if kinds is not None and claim.kind not in kinds:
            return "kinds"
        return "min_checkworthy" if claim.checkworthy < min_checkworthy else None

    return why


_Found = tuple[list[Claim], str, list[Skipped]]


def _whole(
    text: str,
    masked: Masked,
    lang: str | None,
    leaves_out: Callable | None,
    each: Callable | None,
    date: datetime.date | None = None,
    rejected: list[Rejected] | None = None,
    word: WordText | None = None,
) -> _Found:
    """`rejected`, when given, receives the numbers read and not reported, in document order."""
    from claimcheck.engine.extract import document_language, extract
    from claimcheck.engine.rejections import in_order, left_out

    found: list[Rejected] | None = [] if rejected is not None else None
    claims = anchor(extract(masked.text, lang=lang, date=date, rejected=found), text, masked)
    if word is not None:
        claims = located(claims, word)
    if found is not None:
        found = anchor_rejected(found, text, masked)
    if leaves_out is not None:
        kept = []
        for claim in claims:
            if (why := leaves_out(claim)) is None:
                kept.append(claim)
            elif found is not None:
                found.append(left_out(claim, why))
        claims = kept
    if rejected is not None and found is not None:
        rejected += in_order(found)
    language = document_language(masked.text, claims)
    if each is not None:
        _hand_over(iter(claims), each)
        claims = []
    return claims, language, not_read(text, masked)


def _in_blocks(
    source: Source, lang: str | None, leaves_out: Callable | None, each: Callable | None, date: datetime.date | None
) -> _Found:
    """A plain-text file: whole when it is shorter than a block, else in blocks."""
    head, rest = _head(source.chunks())
    if rest is None:
        text = "".join(head)
        return _whole(text, Masked(text), lang, leaves_out, each, date)
    from claimcheck.engine.extract import document_language

    sample: list[str] = []
    skipped: list[Skipped] = []
    whole: str | Iterable[str]
    if source.path != STDIN and os.path.isfile(source.path):
        whole = source.path  # a file is read again rather than copied
        rest.close()
    else:
        whole = itertools.chain(head, rest)  # standard input, a pipe: copied as it is read
    limits = {"encoding": source.encoding, "max_bytes": source.max_bytes}
    found = extract_stream(whole, lang=lang, date=date, sample=sample, skipped=skipped, **limits)
    if leaves_out is not None:
        found = (claim for claim in found if not leaves_out(claim))
    if each is None:
        claims = list(found)
        return claims, document_language("".join(sample), claims), skipped
    firsts: dict[str, Claim] = {}  # a claim of each language, which is all the language needs
    _hand_over(found, each, firsts)
    return [], document_language("".join(sample), list(firsts.values())), skipped


def _head(chunks: Iterator[str]) -> tuple[list[str], Iterator[str] | None]:
    """The first chunks, up to a block's length, and the rest (None: there is no more)."""
    head, size = [], 0
    for chunk in chunks:
        head.append(chunk)
        size += len(chunk)
        if size >= BLOCK:
            return head, chunks
    return head, None


def _hand_over(claims: Iterator[Claim], each: Callable[[list[Claim]], None], firsts: dict | None = None) -> None:
    while batch := list(itertools.islice(claims, BATCH)):
        if firsts is not None:
            for claim in batch:
                firsts.setdefault(claim.lang, claim)
        each(batch)
