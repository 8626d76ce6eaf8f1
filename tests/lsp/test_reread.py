"""The language server's incremental reading gives what a full read gives: the same claims
(ids, offsets, lines, frames) and verdicts as claimcheck.run.document, after each edit of a
sequence, while re-extracting only the units that changed."""

from __future__ import annotations

import random

import pytest
from places import ROOT

from claimcheck.checking.jobs import reference_table
from claimcheck.lsp.reread import Reader
from claimcheck.run.document import Source, read_document
from claimcheck.text.prose import format_of
from claimcheck.verification.verifier import verify

WIRE = ROOT / "fixtures" / "newsroom" / "wire"
DRAFTS = sorted(p for p in WIRE.iterdir() if p.suffix in (".md", ".html")) + [
    ROOT / "fixtures" / "zh-hant-ev-market.txt",
    ROOT / "fixtures" / "en-transport.txt",
]
EDITS = ["7", "x", " 12%", "Tesla ", "。", "\n\n", "\n", "", "<!-- -->", "&amp;"]


def _table():
    return reference_table(((str(WIRE / "desk.csv"),), None, (), None))


def _same(reader: Reader, text: str, name: str, table) -> None:
    reading = reader.read(text, lambda claims: verify(claims, table), 1)
    whole = read_document(Source.of_text(text, name), prose=True, references=table)
    assert [c.model_dump() for c in reading.claims()] == [c.model_dump() for c in whole.document.claims]
    assert [v.model_dump() for p in reading.placed for v in p.verdicts] == [v.model_dump() for v in whole.verdicts]


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: p.name)
def test_edits_read_as_a_full_read_does(draft):
    table, rng = _table(), random.Random(draft.name)
    text = draft.read_text(encoding="utf-8") * 2  # a draft twice: its claims' ids count repeats
    reader = Reader(format_of(draft.name))
    _same(reader, text, draft.name, table)
    for _ in range(12):
        at = rng.randrange(len(text))
        cut = rng.choice([0, 0, 1, 15])
        text = text[:at] + rng.choice(EDITS) + text[at + cut :]
        _same(reader, text, draft.name, table)


def test_an_edit_re_extracts_only_its_paragraph():
    draft = WIRE / "harbor-pine-q3.md"
    text = draft.read_text(encoding="utf-8") * 6
    reader = Reader("markdown")
    first = reader.read(text)
    assert len(first.placed) > 40 and first.extracted > 10  # the copies' paragraphs are read once
    at = text.rindex("rose 2.9%")
    edited = text[:at] + "rose 3.9%" + text[at + 9 :]
    assert reader.read(edited).extracted == 1
    assert reader.read(edited).extracted == 0


def test_a_new_name_re_reads_the_paragraphs_that_write_it():
    """ "Store Comparable": a capital after a lower-case word makes Comparable a name in the
    whole text, so every paragraph that opens a sentence with it is read again."""
    draft = WIRE / "harbor-pine-q3.md"
    text = draft.read_text(encoding="utf-8") * 6
    reader = Reader("markdown")
    reader.read(text)
    at = text.rindex("Comparable sales rose")
    assert reader.read(text[:at] + "Store " + text[at:]).extracted == 3  # its own, the head, the copies' one


def test_an_edit_in_the_head_re_reads_what_the_lead_decides():
    """The headline's entity frames figures further down: renaming it re-reads them."""
    draft = WIRE / "harbor-pine-q3.md"
    text = draft.read_text(encoding="utf-8")
    reader = Reader("markdown")
    first = reader.read(text)
    renamed = text.replace("Harbor & Pine", "Harbour & Pine", 1)
    second = reader.read(renamed)
    assert second.extracted == len(second.placed) == len(first.placed)


CHART = "Thousands of Units\n\n2,100\n\n(Annual Rate)\n\n1,800\n\n1,500\n\n1,200\n\n900\n\nPermits\n\n300\n\n0\n\n"


def test_a_chart_axis_of_bare_number_lines_reads_as_a_full_read_does():
    """The lines of a chart's axis are page furniture only seen together: the lines of bare
    numbers and the labels among them are one unit, whatever the edit."""
    table = _table()
    prose = (ROOT / "fixtures" / "en-transport.txt").read_text(encoding="utf-8")
    text = prose + "\n\n" + CHART + prose
    reader = Reader("text")
    _same(reader, text, "chart.txt", table)
    for edited in (text.replace("\n\n900\n", "\n\n900\n\n600\n"), text.replace("Permits", "Starts rose 3%.")):
        _same(reader, edited, "chart.txt", table)
