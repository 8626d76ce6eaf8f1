"""Claims of an input of any size in bounded memory: the text is decoded piece by piece, cut
into blocks at line breaks, and each block runs through `extract`; every claim comes out
with its offsets, line and column in the whole input.

The claims are those of the whole text: the engine ends every sentence at a line break and
carries a subject only within a paragraph, and the blocks share one id counter. A line
longer than HARD characters is the exception: it is cut at its last sentence end before
HARD, else at a space, else at HARD itself. A claim at such a cut may lose its subject or
carried context, and at a hard cut it may be split in two.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import regex

from claimcheck.engine.context import Vocabulary, words_of
from claimcheck.engine.extract import ClaimIds, extract
from claimcheck.files.read import CHUNK, DEFAULT_MAX_BYTES, STDIN, text_chunks
from claimcheck.models import Claim, Skipped, TextSpan
from claimcheck.run.anchor import Place, shifted
from claimcheck.text import data_blocks
from claimcheck.text.normalize import normalize

BLOCK = 128 * 1024  # characters: a block ends at the last line break before this…
HARD = 2 * BLOCK  # …or at the first one after it, but never later than this
_SAMPLE = 20_000  # characters kept to tell the language of a document without claims
_SENTENCE_END = regex.compile(r"(?r)(?:[。！？!?；;]|\.(?=\s))")
_SPACE = regex.compile(r"(?r)\s")


@dataclass(frozen=True, slots=True)
class Block(Place):
    text: str


def _cut(buffer: str, position: int, size: int, hard: int) -> int | None:
    """Where the block that starts at `position` ends, or None to wait for more text."""
    if len(buffer) - position < size:
        return None
    newline = buffer.rfind("\n", position, position + size)
    if newline < 0:
        newline = buffer.find("\n", position + size, position + hard)
    if newline >= 0:
        return newline + 1
    if len(buffer) - position < hard:
        return None
    end = _SENTENCE_END.search(buffer, position + 1, position + hard)
    if end is None:
        end = _SPACE.search(buffer, position + hard // 2, position + hard)
    return end.end() if end is not None else position + hard


def blocks(chunks: Iterable[str], size: int = BLOCK, hard: int = HARD) -> Iterator[Block]:
    """The text of `chunks` in blocks of about `size` characters, each ending at a line break."""
    buffer, position = "", 0
    start = lines = column = 0
    for chunk in _ended(chunks):
        if chunk is not None:
            buffer, position = buffer[position:] + chunk, 0
        while True:
            cut = _cut(buffer, position, size, hard)
            if cut is None:
                if chunk is not None or position == len(buffer):
                    break
                cut = len(buffer)  # the end of the text: the rest is the last block
            text = buffer[position:cut]
            yield Block(start, lines, column, text)
            breaks = text.count("\n")
            column = len(text) - text.rindex("\n") - 1 if breaks else column + len(text)
            lines += breaks
            start += len(text)
            position = cut


def _ended(chunks: Iterable[str]) -> Iterator[str | None]:
    yield from chunks
    yield None


def vocabulary(chunks: Iterable[str], block_size: int = BLOCK) -> Vocabulary:
    """The vocabulary of the whole text, gathered block by block (two characters of the
    block before are context for the words at the start of the next)."""
    proper: set[str] = set()
    lower: set[str] = set()
    tail = ""
    for block in blocks(chunks, block_size, 2 * block_size):
        clean = tail + normalize(block.text).text
        found_proper, found_lower = words_of(clean, len(tail))
        proper |= found_proper
        lower |= found_lower
        tail = clean[-2:]
    return Vocabulary(frozenset(proper), frozenset(lower))


def claims_of_parts(
    chunks: Iterable[str],
    *,
    lang: str | None = None,
    date: datetime.date | None = None,
    vocabulary: Vocabulary | None = None,
    block_size: int = BLOCK,
    sample: list[str] | None = None,
    skipped: list[Skipped] | None = None,
) -> Iterator[Claim]:
    """The claims of the text the chunks make up, in order; `sample` gets its first
    characters, `skipped` the parts not read for claims."""
    ids = ClaimIds()
    for block in blocks(chunks, block_size, 2 * block_size):
        if sample is not None and block.start < _SAMPLE:
            sample.append(block.text[: _SAMPLE - block.start])
        if skipped is not None:
            skipped += data_blocks.skipped(block.text, block.start, block.lines)
        found = extract(block.text, lang=lang, ids=ids, vocabulary=vocabulary, date=date)
        if block.start == 0:
            yield from found
            continue
        spans: dict[int, TextSpan] = {}
        for claim in found:
            yield shifted(claim, block, spans)


@contextlib.contextmanager
def _replayable(
    source: str | Iterable[str], encoding: str | None, max_bytes: int | None
) -> Iterator[Callable[[], Iterator[str]]]:
    """A way to read the text twice: a file again, anything else (standard input, a named
    pipe such as `<(command)` gives) from a spooled copy."""
    if isinstance(source, str) and source != STDIN and os.path.isfile(source):
        yield lambda: text_chunks(source, encoding=encoding, max_bytes=max_bytes)
        return
    if isinstance(source, str):
        chunks = text_chunks(source, encoding=encoding, max_bytes=max_bytes)
    else:
        chunks = source
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as spool:
        for chunk in chunks:
            spool.write(chunk)

        def replay() -> Iterator[str]:
            spool.seek(0)
            while piece := spool.read(CHUNK):
                yield piece

        yield replay


def extract_stream(
    source: str | Iterable[str],
    *,
    lang: str | None = None,
    date: datetime.date | None = None,
    encoding: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    block_size: int = BLOCK,
    sample: list[str] | None = None,
    skipped: list[Skipped] | None = None,
) -> Iterator[Claim]:
    """The claims of a file (a path, or - for standard input) or of text given in pieces (an
    open text file, a list of strings), one at a time: those `extract` finds in the whole.

    The text is read twice: once for its vocabulary, once for its claims; a bad input stops
    the first reading, before any claim comes out.
    """
    with _replayable(source, encoding, max_bytes) as chunks:
        words = vocabulary(chunks(), block_size)
        found = {"sample": sample, "skipped": skipped}
        yield from claims_of_parts(chunks(), lang=lang, date=date, vocabulary=words, block_size=block_size, **found)
