"""Archive scale on Dask: two worker processes of a LocalCluster write the claims, and the
verdicts against a table broadcast to both, that the command line prints, byte for byte.

Skipped only when the dask extra is absent and CLAIMCHECK_REQUIRE_DASK is unset (CI sets it).
docs/dask.md's example runs in tests/docs/test_docs_examples.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from places import ROOT

pytestmark = pytest.mark.dask

try:
    from distributed import Client, LocalCluster, get_task_stream

    from claimcheck.integrations.dask import _broadcast, extract_to_jsonl, list_files, read_claims
except ImportError:
    if os.environ.get("CLAIMCHECK_REQUIRE_DASK"):
        raise
    pytest.skip("the dask extra is not installed: pip install -e '.[dask]'", allow_module_level=True)

FIXTURES = ROOT / "fixtures"
ARTICLES = str(FIXTURES / "*.txt")
TABLE = str(FIXTURES / "refs" / "zh-hant-ev-market.csv")


@pytest.fixture(scope="module")
def client():
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        yield client


def cli(*args: str) -> str:
    result = subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def parts(out: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(out.glob("part-*.jsonl")))


@pytest.mark.parametrize(
    ("refs", "command"),
    [(None, ["extract", "-f", "jsonl"]), (TABLE, ["verify", "--refs", TABLE, "-f", "jsonl"])],
    ids=["extract", "verify"],
)
def test_the_cluster_writes_what_the_command_line_prints(client, tmp_path, refs, command):
    files = sorted(str(p) for p in FIXTURES.glob("*.txt"))
    expected = cli(*command[:1], *files, *command[1:])
    with get_task_stream(client) as tasks:
        summary = extract_to_jsonl(ARTICLES, str(tmp_path / "out"), refs=refs, files_per_task=1)
    written = parts(tmp_path / "out")
    assert sorted(written.splitlines()) == sorted(expected.splitlines())  # byte for byte after sorting
    assert written == expected  # and the parts, in order, in the command line's order
    assert [s["files"] for s in summary] == [1] * len(files)
    assert sum(s["claims"] for s in summary) == expected.count("\n") > 200
    assert len({task["worker"] for task in tasks.data}) == 2  # both worker processes took files
    if refs:
        assert '"status": "mismatch"' in written and '"status": "sourced"' in written


def test_the_reference_index_is_on_every_worker(client):
    from claimcheck.references.tables import load_references
    from claimcheck.verification.verifier import index_references

    future = _broadcast(index_references(load_references(TABLE)))
    assert len(client.who_has(future)[future.key]) == 2


def test_claims_read_back_as_records(client, tmp_path):
    extract_to_jsonl([str(FIXTURES / "zh-hant-ev-market.txt")], str(tmp_path / "out"))
    claims = read_claims(str(tmp_path / "out")).compute()
    assert {c["source"] for c in claims} == {str(FIXTURES / "zh-hant-ev-market.txt")}
    assert all(c["text"] and c["end"] > c["start"] for c in claims)


def test_local_files_are_listed_as_the_command_line_lists_them(tmp_path, monkeypatch):
    monkeypatch.chdir(FIXTURES)
    assert list_files("*.txt") == sorted(p.name for p in FIXTURES.glob("*.txt"))
    assert list_files(["newsroom/drafts"])[0] == "newsroom/drafts/archive/2019-port-review.md"
    remote = f"file://{FIXTURES}/newsroom"  # a URL goes through fsspec: directories searched for drafts
    assert [Path(p).name for p in list_files(remote)] == [
        "2019-port-review.md",
        "council-budget.txt",
        "eastbay-port.html",
        "metro-line.md",
        "xinghe-deliveries.md",
        "chiyuan-deliveries.md",
        "quillon-q3.md",
        "yuchen-revenue.md",
        "harbor-pine-q3.md",
        "hongjing-revenue.md",
        "lakeshore-jobs.html",
        "qinghe-gdp.html",
        "yuanhang-deliveries.md",
        "yuanxiang-passengers.html",
    ]


def test_a_folder_at_a_url_gives_the_drafts_a_local_folder_gives(tmp_path):
    (tmp_path / "drafts").mkdir()
    for name in ("a.txt", "b.md", ".draft.txt", "notes.docx"):
        (tmp_path / "drafts" / name).write_text("The line is 6 km long.\n", encoding="utf-8")
    local = [Path(p).name for p in list_files([str(tmp_path / "drafts")])]
    assert [Path(p).name for p in list_files(f"file://{tmp_path}/drafts")] == local == ["a.txt", "b.md", "notes.docx"]


def test_a_file_at_a_url_is_decoded_as_a_local_file_is(client, tmp_path):
    """A URL's bytes were taken as UTF-8 only: GB18030 stopped the run."""
    draft = tmp_path / "drafts" / "gb.txt"
    draft.parent.mkdir()
    draft.write_bytes((FIXTURES / "zh-hans-economy.txt").read_text(encoding="utf-8").encode("gb18030"))
    extract_to_jsonl(f"file://{draft}", str(tmp_path / "out"))
    written = [json.loads(line) for line in parts(tmp_path / "out").splitlines()]
    printed = [json.loads(line) for line in cli("extract", str(draft), "-f", "jsonl").splitlines()]
    assert [claim["text"] for claim in written] == [claim["text"] for claim in printed] != []
