"""The one way from a source to its document (claimcheck.run.document.read_document): the same
document from a file, bytes or text; prose only when asked; blocks for a long text; verdicts
with references; the text kept for a page. That the commands read with it, whatever the
format: tests/cli/test_read_once.py."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from places import ROOT

import claimcheck
from claimcheck.errors import InputError
from claimcheck.run.document import BATCH, Source, read_document
from claimcheck.run.stream import BLOCK

FIXTURES = ROOT / "fixtures"
NEWSROOM = FIXTURES / "newsroom"
ARTICLE = (FIXTURES / "en-transport.txt").read_text(encoding="utf-8")
MARKDOWN = (
    "---\ntitle: 9 things\n---\n# Budget\n\nSales rose 5% to [3 million](https://x.io/7) units.\n\n```\n42 km\n```\n"
)
# The claims of its prose: the link's text is read, its target is not.
PROSE_CLAIMS = ["rose 5%", "3 million](https://x.io/7) units"]
CP1252 = "# Café\n\nSales rose 5% to €3 million in 2024, *up* from 2%.\n"


def long_text() -> str:
    copies = -(-2 * BLOCK // len(ARTICLE))
    return "\n".join([ARTICLE] * copies)


def texts(document) -> list[str]:
    return [claim.text for claim in document.claims]


@pytest.mark.parametrize("given", ["file", "bytes", "text"])
def test_a_file_bytes_and_text_give_one_document(tmp_path, given):
    path = tmp_path / "draft.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    source = {
        "file": Source.file(str(path)),
        "bytes": Source.of_bytes(path.read_bytes(), str(path)),
        "text": Source.of_text(ARTICLE, str(path)),
    }[given]
    assert read_document(source).document == claimcheck.extract_document(ARTICLE, source=str(path))


@pytest.mark.parametrize("given", ["file", "text"])
def test_a_text_longer_than_a_block_gives_the_claims_of_the_whole(tmp_path, given):
    """A file is read in blocks; text in memory is extracted whole."""
    text = long_text()
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    source = Source.file(str(path)) if given == "file" else Source.of_text(text, str(path))
    document = read_document(source).document
    whole = claimcheck.extract_document(text, source=str(path))
    assert len(text) > BLOCK and document == whole


def test_a_long_file_asked_whole_is_not_read_in_blocks(tmp_path, monkeypatch):
    path = tmp_path / "long.txt"
    path.write_text(long_text(), encoding="utf-8")
    in_blocks = read_document(Source.file(str(path))).document
    monkeypatch.setattr("claimcheck.run.document.extract_stream", None)  # blocks would fail
    assert read_document(Source.file(str(path)), whole=True).document == in_blocks


def test_claims_handed_over_in_batches_are_those_of_the_document(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(long_text(), encoding="utf-8")
    batches: list[list] = []
    read = read_document(Source.file(str(path)), each=batches.append)
    assert read.document.claims == [] and 1 < len(batches) and max(len(batch) for batch in batches) <= BATCH
    assert [claim for batch in batches for claim in batch] == read_document(Source.file(str(path))).document.claims
    assert read.document.language == "en"


def test_standard_input_is_named_as_asked(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from claimcheck.run.document import Source, read_document; "
            "print(read_document(Source.file('-', stdin_name='desk/a.md'), prose=True).document.model_dump_json())",
        ],
        input=MARKDOWN.encode(),
        capture_output=True,
        timeout=120,
    )
    document = json.loads(result.stdout)
    assert document["source"] == "desk/a.md" and [c["text"] for c in document["claims"]] == PROSE_CLAIMS


def test_prose_only_when_asked_and_by_the_name_of_the_source():
    plain = read_document(Source.of_text(MARKDOWN, "draft.md")).document
    prose = read_document(Source.of_text(MARKDOWN, "draft.md"), prose=True)
    assert "42 km" in texts(plain) and texts(prose.document) == PROSE_CLAIMS
    assert prose.format == "markdown" and prose.text is None
    claim = prose.document.claims[1]
    assert MARKDOWN[claim.start : claim.end] == claim.text and (claim.line, claim.column) == (6, 19)
    as_text = read_document(Source.of_text(MARKDOWN, "draft.txt"), prose=True)
    assert as_text.format == "text" and texts(as_text.document) == texts(plain)


def test_the_text_is_kept_with_what_was_not_read_in_it():
    read = read_document(Source.of_text(MARKDOWN, "draft.md"), prose=True, keep_text=True)
    assert read.text == MARKDOWN
    runs = [MARKDOWN[start:end] for start, end, why in read.dimmed() if why == "markup"]
    assert runs[0].startswith("---") and "](https://x.io/7)" in runs
    assert read_document(Source.of_text(ARTICLE), keep_text=True).dimmed() == []
    glossed = "續(xù)航620公里,![]()比舊款增加了45公里。"
    removed = read_document(Source.of_text(glossed), keep_text=True).dimmed()
    assert [(glossed[start:end], why) for start, end, why in removed] == [("(xù)", "removed"), ("![]()", "removed")]


def test_the_encoding_given_holds_for_prose(tmp_path):
    path = tmp_path / "draft.md"
    path.write_bytes(CP1252.encode("cp1252"))
    with pytest.raises(InputError, match="not valid UTF-8"):
        read_document(Source.file(str(path)), prose=True)
    read = read_document(Source.file(str(path), encoding="cp1252"), prose=True, keep_text=True)
    assert read.text == CP1252 and texts(read.document) == ["rose 5%", "€3 million", "2%"]


def test_only_the_claims_wanted():
    document = read_document(Source.of_text(ARTICLE), kinds=("percent",)).document
    assert document.claims and {claim.kind for claim in document.claims} == {"percent"}
    every = read_document(Source.of_text(ARTICLE)).document.claims
    worthy = read_document(Source.of_text(ARTICLE), min_checkworthy=0.6).document.claims
    assert worthy == [claim for claim in every if claim.checkworthy >= 0.6] != every


def test_references_give_a_verdict_to_each_claim():
    table = claimcheck.load_references(str(NEWSROOM / "references.csv"))
    draft = NEWSROOM / "drafts" / "metro-line.md"
    source = Source.file(str(draft))
    read = read_document(source, prose=True, references=table)
    assert read.verdicts == claimcheck.verify(read.document.claims, table)
    assert len(read.verdicts) == len(read.document.claims) > 0
    assert read_document(source, prose=True).verdicts is None


def test_a_size_limit_holds_for_every_source(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"Sales rose 5%.\n" * 100)
    for source in (Source.file(str(path), max_bytes=1000), Source.of_bytes(path.read_bytes(), "big", max_bytes=1000)):
        with pytest.raises(InputError, match="(over|more than) the limit of 1000 bytes"):
            read_document(source)


def test_explain_in_prose_places_each_number_in_the_original():
    draft = "# Desk\n\nRevenue hit 5 million&nbsp;dollars in 2024 (see page&nbsp;12).\n"
    read = read_document(Source.of_text(draft, "draft.md"), prose=True, explain=True)
    found = [(r.text, r.reason, r.line, r.column) for r in read.document.rejected]
    assert found == [("2024", "date or period", 3, 39), ("12", "references", 3, 59)]
    assert all(draft[r.start : r.end] == r.text for r in read.document.rejected)


def test_explain_reads_a_long_file_whole_with_the_claims_of_the_blocks(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(long_text(), encoding="utf-8")
    in_blocks = read_document(Source.file(str(path))).document
    explained = read_document(Source.file(str(path)), explain=True).document
    assert explained.claims == in_blocks.claims and explained.rejected
    assert in_blocks.rejected is None


def test_explain_names_the_option_that_left_a_claim_out():
    every = read_document(Source.of_text(ARTICLE), explain=True).document
    percent = read_document(Source.of_text(ARTICLE), kinds=("percent",), explain=True).document
    left = [(r.text, r.reason) for r in percent.rejected if r.reason == "kinds"]
    assert left == [(claim.text, "kinds") for claim in every.claims if claim.kind != "percent"]
    assert [r for r in percent.rejected if r.reason != "kinds"] == every.rejected
