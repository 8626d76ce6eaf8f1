"""Word drafts end to end, as a user runs claimcheck on them: the fixture articles turned into
.docx give the claims of their .txt (offsets aside), the desk drafts (tables, footnotes,
tracked changes, a comment, header and footer) the claims of the text they hold, each claim
located in the document; and `verify`, `check` (text, SARIF, GitHub, JUnit), `report` and
folder walks take them."""

from __future__ import annotations

import json
import shutil

import jsonschema
import pytest
from cli_run import claimcheck
from docx_drafts import ARTICLES, DRAFTS, desk_drafts, fixture_articles
from places import DATA, ROOT

_OFFSETS = frozenset({"start", "end", "line", "column"})


def _offsets_aside(value):
    if isinstance(value, dict):
        return {key: _offsets_aside(item) for key, item in value.items() if key not in _OFFSETS | {"location"}}
    if isinstance(value, list):
        return [_offsets_aside(item) for item in value]
    return value


def _extract(path, *args) -> dict:
    result = claimcheck("extract", str(path), "-f", "json", *args)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return json.loads(result.stdout)["documents"][0]


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    return fixture_articles(tmp_path_factory.mktemp("articles"))


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    folder = tmp_path_factory.mktemp("desk")
    drafts = desk_drafts(folder)
    for path, text in drafts.values():
        path.with_suffix(".txt").write_text(text, encoding="utf-8")
    return drafts


@pytest.mark.parametrize("name", ARTICLES)
def test_a_fixture_article_as_docx_gives_the_claims_of_its_txt(articles, name):
    docx, txt = articles[name]
    from_word, from_text = _extract(docx), _extract(txt)
    assert len(from_word["claims"]) == len(from_text["claims"]) > 30
    assert from_word["language"] == from_text["language"]
    assert _offsets_aside(from_word["claims"]) == _offsets_aside(from_text["claims"])
    assert all(claim["location"]["part"] == "body" for claim in from_word["claims"])
    assert not any("location" in claim for claim in from_text["claims"])


@pytest.mark.parametrize("name", [draft.name for draft in DRAFTS])
def test_a_desk_draft_gives_the_claims_of_its_text_each_located(desk, name):
    docx, _ = desk[name]
    from_word, from_text = _extract(docx), _extract(docx.with_suffix(".txt"))
    assert [{k: v for k, v in c.items() if k != "location"} for c in from_word["claims"]] == from_text["claims"]
    parts = {claim["location"]["part"] for claim in from_word["claims"]}
    assert parts == {"body", "footnote"}
    in_table = [claim for claim in from_word["claims"] if "table" in claim["location"]]
    assert in_table and all(claim["location"]["table"] == 1 for claim in in_table)


def test_where_a_claim_stands_in_the_document(desk):
    claims = {c["text"]: c["location"] for c in _extract(desk["zh-hant-desk"][0])["claims"]}
    assert claims["12.8萬輛"] == {"part": "body", "paragraph": 3}  # the tracked insertion, not 11.9萬輛
    assert claims["4.7萬輛"] == {"part": "body", "paragraph": 12, "table": 1, "row": 4, "cell": 2}
    assert claims["約為86.4億元人民幣"] == {"part": "footnote", "number": 1, "paragraph": 1}
    assert "11.9萬輛" not in claims and "29萬輛" not in claims  # deleted; in the comment


def test_verify_gives_the_verdicts_of_the_txt(articles):
    docx, txt = articles["zh-hant-ev-market"]
    refs = ROOT / "fixtures" / "refs" / "zh-hant-ev-market.csv"
    runs = [claimcheck("verify", str(path), "--refs", str(refs), "-f", "json") for path in (docx, txt)]
    verdicts = [[c["verdict"] for c in json.loads(run.stdout)["documents"][0]["claims"]] for run in runs]
    assert verdicts[0] == verdicts[1] and {"sourced", "mismatch"} <= {v["status"] for v in verdicts[0]}


@pytest.fixture(scope="module")
def checked(articles, tmp_path_factory):
    """The English rankings article as .docx in a folder, checked against its table."""
    folder = tmp_path_factory.mktemp("checked")
    shutil.copy(articles["en-rankings"][0], folder / "en-rankings.docx")
    shutil.copy(ROOT / "fixtures" / "refs" / "en-rankings.csv", folder / "refs.csv")
    return folder


def test_check_names_the_paragraph(checked):
    result = claimcheck("check", ".", "--refs", "refs.csv", cwd=checked)
    assert result.returncode == 1
    mismatch = next(line for line in result.stdout.splitlines() if " mismatch " in line)
    assert mismatch.startswith('en-rankings.docx:¶4: mismatch quantity "51,900 vehicles" — ')
    assert result.stdout.splitlines()[-1].startswith("1 files, 32 claims: ")


def test_sarif_gives_a_logical_location(checked):
    result = claimcheck("check", ".", "--refs", "refs.csv", "-f", "sarif", cwd=checked)
    log = json.loads(result.stdout)
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema, cls=jsonschema.Draft4Validator)
    location = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "mismatch/quantity")["locations"][0]
    assert location == {
        "physicalLocation": {"artifactLocation": {"uri": "en-rankings.docx", "uriBaseId": "SRCROOT"}},
        "logicalLocations": [{"name": "¶4", "fullyQualifiedName": "¶4", "kind": "element"}],
    }


def test_github_and_junit_name_the_paragraph(checked):
    github = claimcheck("check", ".", "--refs", "refs.csv", "-f", "github", cwd=checked).stdout.splitlines()
    assert '::error file=en-rankings.docx,title=claimcheck%3A mismatch quantity::¶4: "51,900 vehicles"' in "\n".join(
        github
    )
    junit = claimcheck("check", ".", "--refs", "refs.csv", "-f", "junit", cwd=checked).stdout
    assert 'name="¶4 quantity 51,900 vehicles"' in junit and 'line="' not in junit


def test_a_table_cell_is_named_in_check(desk, tmp_path):
    refs = tmp_path / "refs.csv"
    refs.write_text("id,subject,metric,value,unit,as_of\nx,星瀾汽車,交付,4.9萬,輛,2025-09\n", encoding="utf-8")
    result = claimcheck("check", str(desk["zh-hant-desk"][0]), "--refs", str(refs), "--fail-on", "none")
    assert f'{desk["zh-hant-desk"][0]}:¶12 table 1 row 4 cell 2: unsourced quantity "4.7萬輛"' in result.stdout


def test_a_folder_walk_takes_docx(articles):
    folder = articles["en-transport"][0].parent
    result = claimcheck("extract", str(folder), "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    sources = {json.loads(line)["source"] for line in result.stdout.splitlines()}
    assert sources == {str(folder / f"{name}.docx") for name in ARTICLES}


def test_the_report_shows_the_documents_paragraphs(desk, tmp_path):
    page = tmp_path / "page.html"
    result = claimcheck("report", str(desk["en-desk"][0]), "-o", str(page))
    assert result.returncode == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert '<p lang="en">Maker\tFebruary</p>' in html and "<dd>¶8 table 1 row 2 cell 2</dd>" in html
    assert "47,900" not in html and "51,600" not in html  # the deletion, the comment


def test_standard_input_named_docx(desk):
    docx, _ = desk["en-desk"]
    with open(docx, "rb") as stream:
        import subprocess
        import sys

        result = subprocess.run(
            [sys.executable, "-m", "claimcheck", "extract", "-", "--stdin-filename", "d.docx", "-f", "jsonl"],
            stdin=stream,
            capture_output=True,
        )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[0])["location"] == {"part": "body", "paragraph": 1}
