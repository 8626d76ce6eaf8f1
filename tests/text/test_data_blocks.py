"""Long paragraphs of bare figures are data, not prose: not read for claims, and listed as skipped."""

from __future__ import annotations

import json

import pytest
from cli_run import claimcheck as run_cli
from places import ROOT

import claimcheck
from claimcheck import rules
from claimcheck.engine.extract import extract_document
from claimcheck.run.stream import extract_stream
from claimcheck.text import data_blocks

MIN = rules.data_blocks().min_chars
PROSE = "電池廠去年出貨42萬組，比前年多兩成；工廠在3個城市擴建。"
PROSE_EN = "The port handled 4.2 million containers in 2024, up 8% on the year before. "


def repeated(piece: str, at_least: int) -> str:
    return piece * (at_least // len(piece) + 1)


@pytest.mark.parametrize(
    ("paragraph", "is_data"),
    [
        (repeated("1,", MIN), True),  # a serial dump
        (repeated("7 ", MIN), True),
        (repeated("$3$", MIN), True),
        (repeated("三萬五千輛二十公里", MIN), True),  # numerals and units with no words between
        (repeated("北京,1204,3310,18.5%\n", MIN), True),  # a table pasted without a blank line
        (repeated("1e", MIN), False),  # half letters
        (repeated(PROSE, MIN), False),  # news: a claim every 20 characters is still prose
        (repeated(PROSE_EN, MIN), False),
        (repeated("1,", MIN)[: MIN - 1], False),  # too short to be judged: read
    ],
    ids=[
        "1,1,1",
        "7 7 7",
        "$3$3",
        "numerals and units",
        "table",
        "1e1e",
        "zh prose",
        "en prose",
        "short",
    ],
)
def test_a_paragraph_is_data_when_long_and_made_of_numerals_and_punctuation(paragraph, is_data):
    assert (data_blocks.find(paragraph) == [(0, len(paragraph))]) is is_data
    assert bool(data_blocks.find(paragraph)) is is_data


def test_only_the_data_paragraph_is_skipped_and_the_prose_around_it_keeps_its_claims():
    dump = repeated("1,", MIN)
    text = f"{PROSE}\n\n{dump}\n  \n{PROSE}\n"
    claims = claimcheck.extract(text)
    first = claimcheck.extract(PROSE)
    assert [c.text for c in claims] == [c.text for c in first] * 2
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
    start = len(PROSE) + 2
    assert data_blocks.find(text) == [(start, start + len(dump))]


def test_the_document_lists_what_it_skipped_with_its_line():
    dump = repeated("1,", MIN)
    text = f"{PROSE}\n\n{dump}\n\n{PROSE}"
    document = extract_document(text, source="draft.txt")
    [skipped] = document.skipped
    assert (skipped.start, skipped.end, skipped.line) == (len(PROSE) + 2, len(PROSE) + 2 + len(dump), 3)
    assert skipped.reason == rules.data_blocks().reason
    assert extract_document(PROSE).skipped == []


def test_reading_in_blocks_skips_the_same_paragraph(tmp_path):
    dump = repeated("1,", MIN)
    text = f"{PROSE}\n\n{dump}\n\n{PROSE}"
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    whole = extract_document(text, source=str(path))
    skipped: list = []
    for _ in extract_stream(str(path), skipped=skipped):
        pass
    assert skipped == whole.skipped


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_the_command_line_says_on_stderr_what_it_did_not_read_and_exits_0(tmp_path, fmt):
    path = tmp_path / "draft.txt"
    path.write_text(f"{PROSE}\n\n{repeated('1,', MIN)}\n", encoding="utf-8")
    run = run_cli("extract", str(path), "-f", fmt)
    assert run.returncode == 0
    [line] = run.stderr.splitlines()
    assert line.startswith(f"claimcheck: {path}:3: ") and "not read" in line
    if fmt == "json":
        [document] = json.loads(run.stdout)["documents"]
        assert [s["line"] for s in document["skipped"]] == [3]
        assert len(document["claims"]) == len(claimcheck.extract(PROSE))


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_directory_run_says_it_for_each_file(tmp_path, fmt):
    (tmp_path / "a.txt").write_text(f"{repeated('7 ', MIN)}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(PROSE, encoding="utf-8")
    run = run_cli("extract", str(tmp_path), "-f", fmt, "--jobs", "1")
    assert run.returncode == 0
    assert [line.split(": ")[1] for line in run.stderr.splitlines()] == [f"{tmp_path / 'a.txt'}:1"]


def test_check_lists_the_data_paragraphs_it_did_not_read_and_counts_them_in_the_summary(tmp_path):
    refs = ROOT / "fixtures" / "refs" / "zh-hant-ev-market.csv"
    path = tmp_path / "draft.md"
    path.write_text(f"{PROSE}\n\n{repeated('1,', MIN)}\n", encoding="utf-8")
    run = run_cli("check", str(path), "--refs", str(refs), "-f", "json", "--fail-on", "none")
    assert run.returncode == 0
    report = json.loads(run.stdout)
    assert report["summary"]["not_read"] == 1
    assert [(part["line"], part["start"]) for part in report["files"][0]["not_read"]] == [(3, len(PROSE) + 2)]
    assert run.stderr.strip().endswith("; 1 data paragraph not read")
