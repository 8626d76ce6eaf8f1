"""Reading a large input in blocks gives the claims of the whole, with offsets into the whole."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from places import ROOT

import claimcheck
from claimcheck.errors import InputError
from claimcheck.run.document import Source, read_document
from claimcheck.run.stream import blocks, extract_stream

FIXTURES = ROOT / "fixtures"
ARTICLES = "\n\n".join(
    (FIXTURES / name).read_text(encoding="utf-8")
    for name in ("zh-hant-ev-market.txt", "en-transport.txt", "zh-hans-economy.txt", "en-rankings.txt")
)


def pieces(text: str, size: int = 777) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


@pytest.mark.parametrize(
    ("text", "size", "hard", "expected"),
    [
        ("aaa\nbbb\nccc\n", 5, 10, ["aaa\n", "bbb\n", "ccc\n"]),  # the last line break before the size
        ("aaaaaaa\nbb\n", 5, 10, ["aaaaaaa\n", "bb\n"]),  # else the first after it
        ("one. two. three. four", 4, 8, ["one.", " two.", " three.", " four"]),  # no break: a sentence end
        ("一二三。四五六七八九", 4, 8, ["一二三。", "四五六七八九"]),
        ("aaaaa bbbbbbbbbb", 4, 8, ["aaaaa ", "bbbbbbbb", "bb"]),  # no sentence end: a space, else anywhere
        ("萬" * 20, 5, 10, ["萬" * 10, "萬" * 10]),
        ("", 5, 10, []),
        ("short", 5, 10, ["short"]),
    ],
)
def test_blocks_end_at_line_breaks_then_sentence_ends_then_spaces(text, size, hard, expected):
    assert [block.text for block in blocks(pieces(text, 3), size, hard)] == expected


def test_blocks_know_their_place_in_the_whole():
    text = "ab\ncd\nef gh ij kl\n"
    found = list(blocks([text], 3, 6))
    assert [(b.text, b.start, b.lines, b.column) for b in found] == [
        ("ab\n", 0, 0, 0),
        ("cd\n", 3, 1, 0),
        ("ef gh ", 6, 2, 0),
        ("ij kl\n", 12, 2, 6),
    ]
    assert "".join(b.text for b in found) == text


@pytest.mark.parametrize("block_size", [300, 2_000, 50_000])
def test_claims_of_the_blocks_are_those_of_the_whole(block_size):
    text = (ARTICLES + "\n") * 3  # repeated paragraphs: ids count their occurrences across blocks
    whole = claimcheck.extract(text)
    assert len(whole) > 600
    assert list(extract_stream(pieces(text), block_size=block_size)) == whole


def test_a_later_block_takes_no_headline_period_from_its_own_first_line():
    """The headline is the text's first line: a block that starts after it looks for the
    lead period in the lede of the whole, not in its own first lines."""
    lede = "\n\nBy A. Writer\n\nfirst lede line\n\nsecond lede line, with more words\n\nthird line\n\n"
    text = "Kestrel Transit annual report for riders and staff" + lede + "2024年1月\n7 buses"
    whole = claimcheck.extract(text)
    assert whole[-1].frame.period is None
    assert list(extract_stream(pieces(text, 5), block_size=40)) == whole


def test_a_line_cut_in_blocks_keeps_offsets_lines_and_columns():
    line = "Sales rose 5% to 12 km. " * 400  # one line of 9,600 characters, cut at sentence ends
    text = "head\n" + line + "\ntail 7 km\n"
    claims = list(extract_stream(pieces(text), block_size=1000))
    whole = claimcheck.extract(text)
    assert [(c.text, c.start, c.end, c.line, c.column) for c in claims] == [
        (c.text, c.start, c.end, c.line, c.column) for c in whole
    ]
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        assert text[claim.sentence.start : claim.sentence.end] == claim.sentence.text


def test_a_file_and_standard_input_give_the_document(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes(ARTICLES.encode("gb18030", "replace"))
    text = path.read_bytes().decode("gb18030")
    expected = claimcheck.extract_document(text, source=str(path))
    assert read_document(Source.file(str(path))).document == expected
    result = subprocess.run(
        [sys.executable, "-m", "claimcheck", "extract", "-", "-f", "jsonl"],
        input=path.read_bytes(),
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [c.id for c in expected.claims]


def test_a_bad_input_stops_before_any_claim(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Sales rose 5%.\n" * 20_000 + b"\xff")
    stream = extract_stream(str(path))
    with pytest.raises(InputError, match=r"not valid UTF-8 at byte 300000"):
        next(stream)


def test_max_bytes_refuses_a_larger_input(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"Sales rose 5%.\n" * 1000)
    with pytest.raises(InputError, match=r"big\.txt: 14\.6 KB, over the limit of 1000 bytes"):
        list(extract_stream(str(path), max_bytes=1000))
    assert len(list(extract_stream(str(path), max_bytes=None))) == 1000


def test_max_bytes_counts_what_standard_input_gives():
    result = subprocess.run(
        [sys.executable, "-m", "claimcheck", "extract", "-", "--max-bytes", "1k"],
        input=b"Sales rose 5%.\n" * 100,
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr == b"claimcheck: <stdin>: more than the limit of 1.0 KB: raise --max-bytes (0 for no limit)\n"
