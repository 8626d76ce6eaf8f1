"""Loading reference tables: formats, encodings, column names, cells, and refusal of a bad table."""

from __future__ import annotations

import json
import math
import sys
import tomllib

import pytest
from places import CASES

import claimcheck
from claimcheck.errors import InputError

CASES = tomllib.loads((CASES / "verify" / "tables.toml").read_text(encoding="utf-8"))
HEADER = ["id", "subject", "metric", "keywords", "value", "unit", "as_of", "source", "tolerance", "note", "desk"]
ROWS = [
    ["xm-1", "小米汽車", "交付", "新車;累計", "50萬", "輛", "2025-12-02", "https://example.org/a", "", "", "autos"],
    ["xm-2", "小米汽車", "里程", "", "2.61億", "公里", "2025-10", "", "1%", "rounded", "autos"],
]


def _delimited(separator: str) -> str:
    return "".join(separator.join(cells) + "\n" for cells in [HEADER, *ROWS])


def _understood(table: claimcheck.ReferenceTable) -> list[tuple]:
    return [
        (r.id, r.row, r.value, r.unit, r.unit_canonical, r.subject, r.keywords, r.as_of, r.tolerance, r.note, r.extra)
        for r in table.rows
    ]


EXPECTED = [
    ("xm-1", 2, 500000, "輛", None, "小米汽車", ["新車", "累計"], "2025-12-02", None, None, {"desk": "autos"}),
    ("xm-2", 3, 261000000, "公里", "km", "小米汽車", [], "2025-10", "1%", "rounded", {"desk": "autos"}),
]


@pytest.mark.parametrize(
    ("name", "data", "encoding"),
    [
        ("refs.csv", _delimited(",").encode("utf-8"), None),
        ("refs.csv", b"\xef\xbb\xbf" + _delimited(",").encode("utf-8"), None),
        ("refs.tsv", _delimited("\t").encode("utf-8"), None),
        ("refs.csv", _delimited(",").encode("big5"), "big5"),
        ("refs.csv", _delimited(",").encode("big5"), None),
        ("refs.csv", _delimited(",").replace("小米汽車", "小米汽车").encode("gb18030"), None),
    ],
    ids=["csv", "csv with BOM", "tsv", "big5 given", "big5 detected", "gb18030 detected"],
)
def test_delimited_tables_in_every_encoding(tmp_path, name, data, encoding):
    path = tmp_path / name
    path.write_bytes(data)
    table = claimcheck.load_references(path, encoding=encoding)
    expected = EXPECTED
    if "gb18030" in str(table.encoding):
        expected = [(*row[:5], "小米汽车", *row[6:]) for row in EXPECTED]
    assert _understood(table) == expected
    assert table.columns["desk"] == "extra" and table.columns["value"] == "value"


def test_json_and_json_lines_give_the_same_rows(tmp_path):
    objects = [dict(zip(HEADER, row, strict=True)) for row in ROWS]
    (tmp_path / "refs.json").write_text(json.dumps(objects, ensure_ascii=False), encoding="utf-8")
    lines = "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects)
    (tmp_path / "refs.jsonl").write_text("\n" + lines, encoding="utf-8")
    from_json = claimcheck.load_references(tmp_path / "refs.json")
    from_lines = claimcheck.load_references(tmp_path / "refs.jsonl")
    assert [row[0] for row in _understood(from_json)] == ["xm-1", "xm-2"]
    assert [r.row for r in from_json.rows] == [1, 2]  # a JSON row is its place in the list
    assert [r.row for r in from_lines.rows] == [2, 3]  # a JSON Lines row is its line
    assert [r.value for r in from_lines.rows] == [r.value for r in from_json.rows] == [500000, 261000000]


def test_json_numbers_and_keyword_lists(tmp_path):
    path = tmp_path / "refs.json"
    path.write_text(json.dumps([{"value": 33662, "unit": "辆", "keywords": ["YU7", "10月"]}]), encoding="utf-8")
    [row] = claimcheck.load_references(path).rows
    assert (row.value, row.value_text, row.keywords, row.id) == (33662, "33662", ["YU7", "10月"], "refs.json:1")


def test_xlsx(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    sheet.append([None] * len(HEADER))
    sheet.append(["xm-3", "小米汽車", "城市", None, 368, "個", None, None, None, None, None])
    workbook.save(tmp_path / "refs.xlsx")
    table = claimcheck.load_references(tmp_path / "refs.xlsx")
    assert _understood(table)[:2] == EXPECTED
    assert (table.rows[2].row, table.rows[2].value, table.rows[2].value_text) == (5, 368, "368")


def test_xlsx_without_openpyxl_says_what_to_install(tmp_path, monkeypatch):
    (tmp_path / "refs.xlsx").write_bytes(b"PK\x03\x04")
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(InputError, match=r"install claimcheck\[xlsx\]"):
        claimcheck.load_references(tmp_path / "refs.xlsx")


def test_chinese_and_upper_case_column_names(tmp_path):
    path = tmp_path / "refs.csv"
    path.write_text("編號,主體,指標,关键词,VALUE,單位,日期,來源,容差,備註\nr1,小米,交付,新車,5,萬輛,2025,官網,1%,x\n")
    table = claimcheck.load_references(path)
    assert set(table.columns.values()) == {
        "id",
        "subject",
        "metric",
        "keywords",
        "value",
        "unit",
        "as_of",
        "source",
        "tolerance",
        "note",
    }
    [row] = table.rows
    assert (row.id, row.value, row.unit, row.source, row.keywords) == ("r1", 50000, "萬輛", "官網", ["新車"])


@pytest.mark.parametrize("case", CASES["cell"], ids=lambda case: f"{case['value']} {case.get('unit', '')}".strip())
def test_cells_are_read_by_the_number_engine(tmp_path, case):
    path = tmp_path / "refs.json"
    cells = {"value": case["value"], "unit": case.get("unit", ""), "subject": "藍峰汽車"}
    path.write_text(json.dumps([cells], ensure_ascii=False), encoding="utf-8")
    [row] = claimcheck.load_references(path).rows
    expected = {"value_max": None, "unit": None, "unit_canonical": None, **case["expect"]}
    for field, value in expected.items():
        actual = getattr(row, field)
        if isinstance(value, float):
            assert math.isclose(actual, value), field
        else:
            assert actual == value, f"{field}: {actual!r}"


@pytest.mark.parametrize("case", CASES["slots"], ids=lambda case: f"{case['basis']}|{case['modality']}")
def test_basis_and_modality_cells_are_read_from_their_aliases(tmp_path, case):
    path = tmp_path / "refs.json"
    cells = {"value": "3%", "subject": "x", "basis": case["basis"], "modality": case["modality"]}
    path.write_text(json.dumps([{**cells, "as_of": case.get("as_of", "")}], ensure_ascii=False), encoding="utf-8")
    [row] = claimcheck.load_references(path).rows
    assert [row.basis, row.modality] == case["expect"]
    assert {"basis", "modality"} <= set(json.loads(row.model_dump_json()))


def test_a_table_without_the_columns_leaves_basis_and_modality_unknown_and_out_of_the_json(tmp_path):
    path = tmp_path / "refs.csv"
    path.write_text("id,value,unit,subject\na,3,%,x\n", encoding="utf-8")
    [row] = claimcheck.load_references(path).rows
    assert (row.basis, row.modality) == (None, None)
    assert not {"basis", "modality"} & set(json.loads(row.model_dump_json()))


@pytest.mark.parametrize("case", CASES["bad"], ids=lambda case: case["name"])
def test_a_bad_table_is_refused_with_its_row_and_column(tmp_path, case):
    path = tmp_path / "refs.csv"
    path.write_text(case["csv"], encoding="utf-8")
    with pytest.raises(claimcheck.ClaimcheckError, match=case["error"]) as raised:
        claimcheck.load_references(path)
    message = str(raised.value)
    assert message.startswith(f"{path}: ") and "\n" not in message


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("refs.txt", "value\n1\n", "unknown table format '.txt'"),
        ("refs.json", '{"value": 1}', "a JSON table is a list of objects"),
        ("refs.json", "[1, 2]", "row 1: not an object with named columns"),
        ("refs.json", '[{"value": {"n": 1}}]', "row 1, column value: a nested value"),
        ("refs.jsonl", '{"value": 1}\n{"value": \n', "row 2: not JSON"),
    ],
)
def test_a_malformed_file_is_refused(tmp_path, name, content, error):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(claimcheck.ClaimcheckError, match=error):
        claimcheck.load_references(path)


def test_undecodable_bytes_ask_for_an_encoding(tmp_path):
    path = tmp_path / "refs.csv"
    path.write_bytes(b"value\n\xff\xfe\xff\n")
    with pytest.raises(claimcheck.ClaimcheckError, match="not valid UTF-8 at byte 6.*give --refs-encoding"):
        claimcheck.load_references(path)


def test_a_missing_file(tmp_path):
    with pytest.raises(claimcheck.ClaimcheckError, match="no such file"):
        claimcheck.load_references(tmp_path / "nowhere.csv")
