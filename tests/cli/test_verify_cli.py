"""`claimcheck verify` and `claimcheck refs check`: formats, exit codes, one-line errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_run import claimcheck as run
from places import ROOT

ARTICLE = str(ROOT / "fixtures" / "zh-hant-ev-market.txt")
TABLE = str(ROOT / "fixtures" / "refs" / "zh-hant-ev-market.csv")


@pytest.fixture(scope="module")
def report() -> dict:
    result = run("verify", ARTICLE, "--refs", TABLE, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_json_adds_a_verdict_to_each_claim_and_a_summary(report):
    [document] = report["documents"]
    assert document["source"] == ARTICLE and report["references"] == [TABLE]
    statuses = [claim["verdict"]["status"] for claim in document["claims"]]
    summary = report["summary"]
    assert summary["claims"] == len(statuses) > 50
    assert [summary[s] for s in ("sourced", "mismatch", "unsourced")] == [
        statuses.count(s) for s in ("sourced", "mismatch", "unsourced")
    ]
    loss = next(claim for claim in document["claims"] if claim["text"] == "3.5億元")
    assert loss["value"] == 350000000 and loss["verdict"]["status"] == "mismatch"
    assert loss["verdict"]["reference"]["id"] == "xl-q3-loss"
    assert loss["verdict"]["reference"]["source"].startswith("星澜汽车三季度业绩公告")
    assert loss["verdict"]["difference"] == -30000000


def test_jsonl_is_one_verified_claim_a_line(report):
    result = run("verify", ARTICLE, "--refs", TABLE, "-f", "jsonl")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == report["summary"]["claims"]
    assert {line["source"] for line in lines} == {ARTICLE}
    assert all(line["verdict"]["claim_id"] == line["id"] for line in lines)


def test_csv_has_a_status_and_a_reference_for_each_claim(report):
    rows = list(csv.DictReader(io.StringIO(run("verify", ARTICLE, "--refs", TABLE, "-f", "csv").stdout)))
    assert len(rows) == report["summary"]["claims"]
    chargers = next(row for row in rows if row["text"] == "1,200座")
    assert (chargers["status"], chargers["reference_id"], chargers["difference"]) == (
        "mismatch",
        "xl-chargers",
        "-50.0",
    )


def test_table_shows_status_reference_and_summary(report):
    result = run("verify", ARTICLE, "--refs", TABLE)
    assert result.returncode == 0
    summary = report["summary"]
    assert f"{summary['claims']} claims: {summary['sourced']} sourced, {summary['mismatch']} mismatch" in result.stdout
    assert "xl-q3-loss: 3.8亿元" in result.stdout and "-30,000,000 (-7.9%)" in result.stdout


def test_rows_may_come_from_several_tables(tmp_path, report):
    lines = Path(TABLE).read_text(encoding="utf-8").splitlines(keepends=True)
    first, second = tmp_path / "a.csv", tmp_path / "b.tsv"
    first.write_text("".join(lines[:8]), encoding="utf-8")
    second.write_text("".join(line.replace(",", "\t") for line in [lines[0], *lines[8:]]), encoding="utf-8")
    result = run("verify", ARTICLE, "--refs", str(first), "--refs", str(second), "-f", "json")
    split = json.loads(result.stdout)
    assert [s for s in split["summary"].values()] == [s for s in report["summary"].values()]


def test_approx_changes_what_an_approximate_claim_covers():
    def revenue(*flags: str) -> str:
        document = json.loads(run("verify", ARTICLE, "--refs", TABLE, "-f", "json", *flags).stdout)["documents"][0]
        return next(c["verdict"]["status"] for c in document["claims"] if c["text"] == "約為86.4億元人民幣")

    assert revenue() == "sourced"
    assert revenue("--approx", "0.5%") == "mismatch"


def test_output_file(tmp_path):
    out = tmp_path / "verdicts.json"
    result = run("verify", ARTICLE, "--refs", TABLE, "-f", "json", "-o", str(out))
    assert result.returncode == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["claims"] > 50


@pytest.mark.parametrize(
    ("table", "args", "message"),
    [
        ("id,value,unit\na,12,km\nb,twelve-ish,km\n", [], r"refs\.csv: row 3, column value: cannot read 'twelve-ish'"),
        ("id,unit\na,km\n", [], r"no `value` column"),
        ("value\n12\n", ["--approx", "lots"], r"--approx: approximation 'lots'"),
        ("value\n12\n", ["--refs-encoding", "klingon"], r"unknown encoding 'klingon'"),
    ],
    ids=["bad value", "no value column", "bad approximation", "unknown encoding"],
)
def test_a_bad_table_or_flag_is_one_line_and_exit_2(tmp_path, table, args, message):
    path = tmp_path / "refs.csv"
    path.write_text(table, encoding="utf-8")
    result = run("verify", ARTICLE, "--refs", str(path), *args)
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert __import__("re").search(message, result.stderr), result.stderr


def test_refs_are_required():
    result = run("verify", ARTICLE)
    assert result.returncode == 2 and "--refs" in result.stderr


def test_refs_check_shows_what_it_read():
    result = run("refs", "check", TABLE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("columns: id → id, subject → subject")
    assert "kept as they are: note" not in result.stdout  # `note` is a known column
    assert "12.8万" in result.stdout and "128,000" in result.stdout
    assert "2025Q3 → 2025," in result.stdout and "months 7–9" in result.stdout
    assert "5.3亿" in result.stdout and "公里 → km (length)" in result.stdout


def test_refs_check_as_json():
    table = json.loads(run("refs", "check", TABLE, "--format", "json").stdout)
    assert table["format"] == "csv" and table["encoding"] == "utf-8"
    assert [row["id"] for row in table["rows"]][:2] == ["xl-q3-deliveries", "xl-q3-deliveries-2024"]


def test_refs_check_refuses_a_bad_table_with_exit_2(tmp_path):
    path = tmp_path / "refs.csv"
    path.write_bytes("數值,單位\n12,公里\n3,光年\n".encode("big5"))
    result = run("refs", "check", str(path))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"claimcheck: {path}: row 3, column 單位: unknown unit '光年': add it under [units] in claimcheck.toml"
    )
