"""Reference tables on the command line: several tables taken together in `check` as in
`verify`, `--refs-encoding` in `check`, and units the rules lack added by the config's
`[units]` table (claimcheck.toml or [tool.claimcheck]) for `check`, `verify`, `report` and
`refs check`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import claimcheck as run

DRAFT = "The north line is 12 km long. Ridership rose 4% this year.\n"
WAFERS = "台積電南科廠上月出貨5000片晶圓。\nThe chain now has 120 locations across 50 states.\n"
UNITS_TABLE = "subject,metric,value,unit\n台積電,出貨,5000,片\nchain,,120,locations\n,,50,states\n"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    write(tmp_path / "draft.txt", DRAFT)
    write(tmp_path / "length.csv", "subject,value,unit\nnorth line,12,km\n")
    write(tmp_path / "ridership.csv", "metric,value,unit\nridership,4,%\n")
    return tmp_path


def statuses(stdout: str) -> list[str]:
    return [c["verdict"]["status"] for f in json.loads(stdout)["files"] for c in f["claims"]]


def test_check_takes_every_refs_given_together(desk):
    result = run("check", "draft.txt", "--refs", "length.csv", "--refs", "ridership.csv", "-f", "json", cwd=desk)
    assert result.returncode == 0, result.stdout + result.stderr
    assert statuses(result.stdout) == ["sourced", "sourced"]


def test_check_and_verify_agree_on_two_tables(desk):
    verify = run("verify", "draft.txt", "--refs", "length.csv", "--refs", "ridership.csv", "-f", "json", cwd=desk)
    verdicts = [c["verdict"]["status"] for d in json.loads(verify.stdout)["documents"] for c in d["claims"]]
    check = run("check", "draft.txt", "--refs", "length.csv", "--refs", "ridership.csv", "-f", "json", cwd=desk)
    assert verdicts == statuses(check.stdout) == ["sourced", "sourced"]


def test_the_config_may_name_several_tables(desk):
    write(desk / "claimcheck.toml", 'refs = ["length.csv", "ridership.csv"]\n')
    result = run("check", "draft.txt", "-f", "json", cwd=desk)
    assert result.returncode == 0 and statuses(result.stdout) == ["sourced", "sourced"]


def test_check_reads_a_table_in_the_encoding_given(tmp_path):
    write(tmp_path / "draft.txt", "Zürich's tram network is 74 km long.\n")
    write(tmp_path / "refs.csv", "subject,value,unit\nZürich,74,km\n", encoding="cp1252")
    result = run("check", "draft.txt", "--refs", "refs.csv", "--refs-encoding", "cp1252", "-f", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert statuses(result.stdout) == ["sourced"]


# Units the rules lack, added by the config.
@pytest.fixture
def wafers(tmp_path: Path) -> Path:
    write(tmp_path / "draft.txt", WAFERS)
    write(tmp_path / "units.csv", UNITS_TABLE)
    return tmp_path


def test_without_units_the_table_is_refused_with_a_hint_that_stays_outside_the_package(wafers):
    result = run("refs", "check", "units.csv", cwd=wafers)
    assert result.returncode == 2
    assert result.stderr == (
        "claimcheck: units.csv: row 2, column unit: unknown unit '片': add it under [units] in claimcheck.toml\n"
    )
    assert "rules/" not in result.stderr and "site-packages" not in result.stderr


UNITS = '[units]\n"片" = "count"\nlocations = "count"\nstates = "count"\n'


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("claimcheck.toml", UNITS),
        ("pyproject.toml", "[tool.claimcheck]\n" + UNITS.replace("[units]", "[tool.claimcheck.units]")),
    ],
)
def test_units_from_the_config_let_every_command_read_the_table(wafers, name, text):
    write(wafers / name, text)
    refs = run("refs", "check", "units.csv", "-f", "json", cwd=wafers)
    assert refs.returncode == 0, refs.stderr
    assert [row["unit"] for row in json.loads(refs.stdout)["rows"]] == ["片", "locations", "states"]
    verify = run("verify", "draft.txt", "--refs", "units.csv", "-f", "json", cwd=wafers)
    assert verify.returncode == 0, verify.stderr
    claims = [c for d in json.loads(verify.stdout)["documents"] for c in d["claims"]]
    assert {c["text"]: c["verdict"]["status"] for c in claims} == {"5000": "sourced", "120": "sourced", "50": "sourced"}
    check = run("check", "draft.txt", "--refs", "units.csv", cwd=wafers, in_ci=True)
    assert check.returncode == 0, check.stdout + check.stderr
    report = run("report", "draft.txt", "--refs", "units.csv", "-o", "page.html", cwd=wafers)
    assert report.returncode == 0, report.stderr


def test_a_counted_unit_counts_apart_from_other_measure_words(wafers):
    write(wafers / "claimcheck.toml", UNITS)
    write(wafers / "draft.txt", "台積電南科廠上月出貨5000輛汽車。\n")
    verify = run("verify", "draft.txt", "--refs", "units.csv", "-f", "json", cwd=wafers)
    [claim] = json.loads(verify.stdout)["documents"][0]["claims"]
    assert claim["verdict"]["status"] == "unsourced"  # 5000 cars are not 5000 wafers


def test_a_unit_may_be_another_name_of_one_the_rules_know(tmp_path):
    write(tmp_path / "claimcheck.toml", '[units]\n"英哩" = "mi"\n')
    write(tmp_path / "refs.csv", "subject,value,unit\n跨海大橋,2,英哩\n")
    write(tmp_path / "draft.txt", "跨海大橋全長3.2公里。\n")  # 2 miles are 3.22 km
    result = run("verify", "draft.txt", "--refs", "refs.csv", "-f", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    [claim] = json.loads(result.stdout)["documents"][0]["claims"]
    assert claim["verdict"]["status"] == "sourced"


def test_verify_and_refs_check_take_a_config_named_with_config(wafers):
    settings = write(wafers / "units.toml", UNITS)
    nested = wafers / "elsewhere"
    nested.mkdir()
    verify = run("verify", "../draft.txt", "--refs", "../units.csv", "--config", str(settings), cwd=nested)
    assert verify.returncode == 0, verify.stderr
    refs = run("refs", "check", "../units.csv", "--config", str(settings), cwd=nested)
    assert refs.returncode == 0, refs.stderr


@pytest.mark.parametrize(
    ("units", "line"),
    [
        (
            '[units]\n"片" = "wafers"\n',
            'claimcheck.toml: key \'units\': 片 = "wafers": write "count" for a noun that is counted, '
            "or a unit claimcheck knows (t, km, USD, 輛)",
        ),
        ('[units]\n"片" = 3\n', "claimcheck.toml: key 'units': Input should be a valid string"),
        ('units = "片"\n', "claimcheck.toml: key 'units': Input should be a valid dictionary"),
    ],
)
def test_a_bad_units_table_is_one_line_naming_the_key(wafers, units, line):
    write(wafers / "claimcheck.toml", units)
    for args in (("refs", "check", "units.csv"), ("verify", "draft.txt", "--refs", "units.csv"), ("check",)):
        result = run(*args, cwd=wafers, in_ci=True)
        assert (result.returncode, result.stderr) == (2, f"claimcheck: {wafers}/{line}\n"), args


def test_a_table_without_a_value_column_names_the_names_it_may_have(tmp_path):
    write(tmp_path / "refs.csv", "id,unit\na,km\n")
    result = run("refs", "check", "refs.csv", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("claimcheck: refs.csv: no `value` column (headers: 'id', 'unit'): name the column")
    assert "rules/" not in result.stderr
