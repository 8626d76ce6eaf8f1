"""`claimcheck extract --explain`: every format that lists claims lists the numbers read and
not reported too, each with what set it aside and the rule; without --explain nothing of it
is printed. One file, many files (read in workers), and the JSON Schema."""

from __future__ import annotations

import csv
import io
import json

import pytest
from cli_run import claimcheck as run

from claimcheck.formats import EXTRACT_FORMATS

DRAFT = "618大促期間,銷量達618.5萬輛。\nThe plant employs 4,618 workers; see page 12.\n"
CLAIMS = ["618.5萬輛", "4,618 workers"]
REJECTED = [
    ("618", "named_days", "rules/zh/traps.toml", "traps.named_days.patterns.0", 1, 1),
    ("12", "references", "rules/en/traps.toml", "traps.references.patterns.1", 2, 43),
]


def _from_json(out: str) -> list[tuple]:
    (document,) = json.loads(out)["documents"]
    rows = document["rejected"]
    return [(r["text"], r["reason"], r["rule_file"], r["rule_entry"], r["line"], r["column"]) for r in rows]


def _from_jsonl(out: str) -> list[tuple]:
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["text"] for r in records if "rejected" not in r] == CLAIMS
    rows = [r["rejected"] for r in records if "rejected" in r]
    return [(r["text"], r["reason"], r["rule_file"], r["rule_entry"], r["line"], r["column"]) for r in rows]


def _from_csv(out: str) -> list[tuple]:
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["text"] for r in rows if not r["rejected_because"]] == CLAIMS
    return [
        (r["text"], r["rejected_because"], r["rule_file"], r["rule_entry"], int(r["line"]), int(r["column"]))
        for r in rows
        if r["rejected_because"]
    ]


def _from_table(out: str) -> list[tuple]:
    _, rejected = out.split("rejected because")
    found = []
    for line in rejected.splitlines():
        cells = [cell.strip() for cell in line.split("│")[1:-1]]
        if len(cells) == 4 and cells[0][:1].isdigit():
            line_col, text, reason, rule = cells
            file, entry = rule.split(" ")
            found.append((text, reason, file, entry, *map(int, line_col.split(":"))))
    return found


READ = {"json": _from_json, "jsonl": _from_jsonl, "csv": _from_csv, "table": _from_table}


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", EXTRACT_FORMATS)
def test_every_format_lists_the_numbers_not_reported(draft, fmt):
    result = run("extract", str(draft), "--explain", "-f", fmt)
    assert result.returncode == 0, result.stderr
    assert READ[fmt](result.stdout) == REJECTED


@pytest.mark.parametrize("fmt", EXTRACT_FORMATS)
def test_without_explain_no_format_lists_them(draft, fmt):
    out = run("extract", str(draft), "-f", fmt).stdout
    assert "rejected" not in out and "not reported" not in out and "traps.toml" not in out


@pytest.mark.parametrize("fmt", EXTRACT_FORMATS)
def test_many_files_are_explained_each(tmp_path, fmt):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(DRAFT, encoding="utf-8")
    result = run("extract", str(tmp_path), "--explain", "-f", fmt, "--jobs", "2", in_ci=True)
    assert result.returncode == 0, result.stderr
    if fmt == "json":
        assert [len(d["rejected"]) for d in json.loads(result.stdout)["documents"]] == [2, 2]
    else:
        assert result.stdout.count("traps.named_days.patterns.0") == 2


def test_the_schema_describes_the_numbers_not_reported():
    schema = json.loads(run("schema").stdout)
    assert "rejected" in schema["$defs"]["Document"]["properties"]
    assert {"text", "start", "end", "line", "column", "reason", "rule_file", "rule_entry"} == set(
        schema["$defs"]["Rejected"]["properties"]
    )
