"""The command line: formats, exit codes, errors as one line on stderr."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import pytest
from cli_run import claimcheck as run

DRAFT = "12月2日,工廠交付了50萬臺,營收增長12%。\nThe firm raised $3.2bn.\n"


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_json_has_documents_and_claims(draft):
    result = run("extract", str(draft), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    [document] = report["documents"]
    assert document["source"] == str(draft)
    assert document["language"] == "mixed"
    assert [c["text"] for c in document["claims"]] == ["50萬臺", "增長12%", "$3.2bn"]
    assert [c["value"] for c in document["claims"]] == [500000, 12, 3200000000]
    for claim in document["claims"]:
        assert DRAFT[claim["start"] : claim["end"]] == claim["text"]


def test_jsonl_is_one_claim_a_line_with_its_source(draft):
    result = run("extract", str(draft), "--format", "jsonl")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["text"] for line in lines] == ["50萬臺", "增長12%", "$3.2bn"]
    assert {line["source"] for line in lines} == {str(draft)}


def test_csv_has_a_header_and_a_row_per_claim(draft):
    result = run("extract", str(draft), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["text"] for row in rows] == ["50萬臺", "增長12%", "$3.2bn"]
    assert rows[0]["time"] == "12月2日"


def test_csv_defuses_formula_cells(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text("=HYPERLINK(1) 共有50萬臺\n", encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(run("extract", str(path), "-f", "csv").stdout)))
    assert rows[0]["sentence"].startswith("'=")


def test_table_shows_position_text_and_value(draft):
    result = run("extract", str(draft))
    assert result.returncode == 0
    assert "1:12" in result.stdout and "50萬臺" in result.stdout and "500,000" in result.stdout


def test_stdin_is_read_with_a_dash():
    result = run("extract", "-", "-f", "jsonl", stdin="Nearly 40% of buses are electric.")
    [claim] = [json.loads(line) for line in result.stdout.splitlines()]
    assert claim["source"] == "-" and claim["qualifier"] == "approx"


def test_output_file_is_written(draft, tmp_path):
    out = tmp_path / "claims.json"
    result = run("extract", str(draft), "-f", "json", "-o", str(out))
    assert result.returncode == 0 and result.stdout == ""
    assert len(json.loads(out.read_text(encoding="utf-8"))["documents"][0]["claims"]) == 3
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_several_files_are_several_documents(draft, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Sales fell 3 percent.", encoding="utf-8")
    report = json.loads(run("extract", str(draft), str(other), "-f", "json").stdout)
    assert [d["source"] for d in report["documents"]] == [str(draft), str(other)]
    assert report["documents"][1]["language"] == "en"


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x00\x00"), "binary"),
        (lambda p: p.write_bytes("50萬".encode() + b"\xff\xfe"), "not valid UTF-8 at byte 5"),
    ],
    ids=["missing", "directory", "binary", "undecodable"],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, setup, message):
    path = tmp_path / "bad.txt"
    setup(path)
    result = run("extract", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr and "Traceback" not in result.stderr


def test_empty_file_gives_no_claims(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    result = run("extract", str(path), "-f", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["documents"][0]["claims"] == []


def test_unknown_format_is_a_usage_error(draft):
    assert run("extract", str(draft), "-f", "xml").returncode == 2


def test_schema_describes_the_json_output(draft):
    schema = json.loads(run("schema").stdout)
    claim = schema["$defs"]["Claim"]["properties"]
    for field in (
        "id",
        "kind",
        "text",
        "start",
        "end",
        "line",
        "column",
        "value",
        "value_max",
        "unit",
        "unit_canonical",
        "qualifier",
        "time",
        "sentence",
        "lang",
    ):
        assert field in claim


def test_lang_option_restricts_rules():
    result = run("extract", "-", "-f", "jsonl", "--lang", "en", stdin="共有50萬臺 and 5 km")
    assert [json.loads(line)["text"] for line in result.stdout.splitlines()] == ["50", "5 km"]


THIRDS = "A third of drivers chose EVs.\n三分之一的車主選擇電動車。\n"


def test_a_table_shows_a_value_as_a_reader_writes_it_and_json_keeps_it_whole(tmp_path):
    from cli_run import claimcheck_on_a_terminal

    path = tmp_path / "thirds.txt"
    path.write_text(THIRDS, encoding="utf-8")
    code, shown, _ = claimcheck_on_a_terminal("extract", str(path), env={**os.environ, "COLUMNS": "100"})
    piped = run("extract", str(path)).stdout
    for table in (shown, piped):
        assert code == 0 and table.count(" 33.33 ") == 2
        assert "33.333" not in table and "336 " not in table  # neither long nor wrapped over two lines
    values = [
        claim["value"] for claim in json.loads(run("extract", str(path), "-f", "json").stdout)["documents"][0]["claims"]
    ]
    assert values == [100 / 3, 100 / 3]


def test_refs_check_and_verify_tables_show_readable_values(tmp_path):
    table = tmp_path / "refs.csv"
    table.write_text("metric,value,unit\nshare,33.333333333333,%\n", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("The share rose to 33.3333333%.\n", encoding="utf-8")

    def cells(output: str, first: str) -> list[str]:
        [line] = [line for line in output.splitlines() if line.startswith(f"│ {first} ")]
        return [cell.strip() for cell in line.strip("│").split("│")]

    [row] = [line for line in run("refs", "check", str(table)).stdout.splitlines() if line.startswith("2 ")]
    assert re.split(r"\s{2,}", row)[2:4] == ["33.333333333333", "33.33"]  # as written, read
    assert cells(run("verify", str(draft), "--refs", str(table)).stdout, "1:19")[1:3] == ["33.3333333%", "33.33"]
    rows = json.loads(run("refs", "check", str(table), "-f", "json").stdout)["rows"]
    assert rows[0]["value"] == 33.333333333333
