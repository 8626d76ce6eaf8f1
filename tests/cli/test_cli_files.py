"""Which drafts the commands read: quoted globs in every command, the prose of Markdown and
HTML in `verify` as in `check` (front matter is not a claim), and in `check` the config's
include/exclude on the files named (pre-commit) and a run that matches nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cli_run import claimcheck as run
from places import ROOT

NEWSROOM = ROOT / "fixtures" / "newsroom"
FRONT_MATTER = (
    "---\ntitle: 捷運環東線\nviews: 12000\nbudget: 650億元\n---\n"
    "# 捷運環東線\n\n捷運環東線全長15.4公里,設有14座車站。\n"
)


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    copy = tmp_path / "newsroom"
    shutil.copytree(NEWSROOM, copy)
    return copy


def claim_texts(stdout: str) -> list[str]:
    return [claim["text"] for document in json.loads(stdout)["documents"] for claim in document["claims"]]


@pytest.mark.parametrize(
    "args",
    [
        ("extract", "drafts/*.md", "-f", "json"),
        ("verify", "drafts/*.md", "--refs", "references.csv", "-f", "json"),
        ("check", "drafts/*.md", "-f", "json"),
        ("report", "drafts/metro*.md", "-o", "page.html"),
    ],
    ids=lambda args: args[0],
)
def test_a_quoted_glob_works_in_every_command(newsroom, args):
    result = run(*args, cwd=newsroom, in_ci=True)
    assert result.returncode in (0, 1), result.stderr
    if args[0] == "check":
        paths = [f["path"] for f in json.loads(result.stdout)["files"]]
        assert paths == ["drafts/metro-line.md", "drafts/xinghe-deliveries.md"]
    elif args[0] == "report":
        assert result.stdout == "page.html\n" and (newsroom / "page.html").is_file()
    else:
        sources = [d["source"] for d in json.loads(result.stdout)["documents"]]
        assert sources == ["drafts/metro-line.md", "drafts/xinghe-deliveries.md"]


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (("check", "drafts/*.mdx"), "claimcheck: drafts/*.mdx: no file matches\n"),
        (("verify", "drafts/*.mdx", "--refs", "references.csv"), "claimcheck: drafts/*.mdx: no file matches\n"),
        (("report", "drafts/*.md"), "claimcheck: drafts/*.md: matches 2 drafts; report writes the page of one\n"),
    ],
)
def test_a_glob_that_cannot_be_used_is_one_line(newsroom, args, line):
    result = run(*args, cwd=newsroom, in_ci=True)
    assert (result.returncode, result.stderr, result.stdout) == (2, line, "")


def test_verify_does_not_read_front_matter_and_keeps_offsets_in_the_file(tmp_path):
    draft = tmp_path / "story.md"
    draft.write_text(FRONT_MATTER, encoding="utf-8")
    result = run("verify", str(draft), "--refs", str(NEWSROOM / "references.csv"), "-f", "json")
    assert result.returncode == 0, result.stderr
    [document] = json.loads(result.stdout)["documents"]
    assert [c["text"] for c in document["claims"]] == ["15.4公里", "14座"]
    for claim in document["claims"]:
        assert FRONT_MATTER[claim["start"] : claim["end"]] == claim["text"]
        assert claim["line"] == 8
    assert [c["verdict"]["status"] for c in document["claims"]] == ["sourced", "sourced"]


def test_verify_and_check_read_the_same_claims_of_markdown_and_html():
    drafts = ["drafts/metro-line.md", "drafts/xinghe-deliveries.md", "drafts/eastbay-port.html"]
    verify = run("verify", *drafts, "--refs", "references.csv", "-f", "json", cwd=NEWSROOM)
    check = run("check", *drafts, "-f", "json", cwd=NEWSROOM, in_ci=True)
    verified = {
        (d["source"], c["start"], c["text"]) for d in json.loads(verify.stdout)["documents"] for c in d["claims"]
    }
    checked = {
        (f["path"], c["claim"]["start"], c["claim"]["text"])
        for f in json.loads(check.stdout)["files"]
        for c in f["claims"]
    }
    assert verified == checked and len(checked) > 10


# check: the files named, and a run that matches nothing.
def test_a_typo_in_include_stops_the_run_with_one_line(newsroom):
    config = newsroom / "claimcheck.toml"
    config.write_text(
        config.read_text(encoding="utf-8")
        .replace('"drafts/**/*.md",', '"drafts/**/*.mdx",')
        .replace('"drafts/**/*.html", "drafts/**/*.txt"', '"drafts/**/*.htm"'),
        encoding="utf-8",
    )
    result = run("check", cwd=newsroom, in_ci=True)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "claimcheck: no draft to check in .: no file matches include (drafts/**/*.mdx, drafts/**/*.htm); "
        "--allow-empty lets such a run pass\n"
    )
    allowed = run("check", "--allow-empty", cwd=newsroom, in_ci=True)
    assert allowed.returncode == 0 and allowed.stdout.startswith("0 files, 0 claims")


def test_an_empty_folder_stops_the_run(tmp_path):
    (tmp_path / "drafts").mkdir()
    result = run("check", "drafts", "--refs", str(NEWSROOM / "references.csv"), cwd=tmp_path, in_ci=True)
    assert result.returncode == 2 and result.stderr.startswith("claimcheck: no draft to check in drafts: ")


def test_a_named_file_the_config_does_not_include_is_left_out_with_a_note(newsroom):
    (newsroom / "README.md").write_text("The port moved 9.9 million containers.\n", encoding="utf-8")
    result = run("check", "README.md", "drafts/metro-line.md", "-f", "json", cwd=newsroom, in_ci=True)
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == ["drafts/metro-line.md"]
    assert result.stderr.splitlines()[0] == (
        "claimcheck: README.md: left out: not among the files the config's include takes (--force checks it)"
    )
    alone = run("check", "README.md", cwd=newsroom, in_ci=True)  # pre-commit on a commit of README alone
    assert alone.returncode == 0, alone.stderr
    forced = run("check", "README.md", "--force", "-f", "json", cwd=newsroom, in_ci=True)
    assert forced.returncode == 1 and [f["path"] for f in json.loads(forced.stdout)["files"]] == ["README.md"]


def test_a_named_file_the_config_excludes_is_left_out_unless_forced(newsroom):
    config = newsroom / "claimcheck.toml"
    config.write_text('exclude = ["drafts/archive/**"]\n' + config.read_text(encoding="utf-8"), encoding="utf-8")
    old = "drafts/archive/2019-port-review.md"
    result = run("check", old, cwd=newsroom, in_ci=True)
    assert result.returncode == 0
    assert (
        result.stderr.splitlines()[0]
        == f"claimcheck: {old}: left out: the config's exclude matches it (--force checks it)"
    )
    quiet = run("check", old, "-q", cwd=newsroom, in_ci=True)
    assert quiet.stderr == ""
    forced = run("check", old, "--force", "-f", "json", cwd=newsroom, in_ci=True)
    assert [f["path"] for f in json.loads(forced.stdout)["files"]] == [old]


def test_without_an_include_in_the_config_a_named_file_is_checked(tmp_path):
    draft = tmp_path / "story.rst"
    draft.write_text("The north line is 12 km long.\n", encoding="utf-8")
    result = run(
        "check", "story.rst", "--refs", str(NEWSROOM / "references.csv"), "-f", "json", cwd=tmp_path, in_ci=True
    )
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == ["story.rst"]
