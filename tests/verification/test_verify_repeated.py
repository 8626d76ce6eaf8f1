"""What a verification reads once and shares (a sentence's context by its text, a row's entry in
a working, a claim's interval, the look-up a computed verdict replaces) must not carry one
claim's verdict to another written alike: the same sentence in two documents, the same change
in two sentences, a verdict with and without --explain."""

from __future__ import annotations

import datetime

import pytest
from places import ROOT

import claimcheck

_TABLE = """id,subject,metric,as_of,value,unit
a-2024-11,远航汽车,交付,2024-11,20000,辆
a-2025-11,远航汽车,交付,2025-11,30000,辆
a-sales-2024-11,远航汽车,销量,2024-11,24000,辆
a-sales-2025-11,远航汽车,销量,2025-11,30000,辆
b-2024-11,星驰汽车,交付,2024-11,25000,辆
b-2025-11,星驰汽车,交付,2025-11,30000,辆
"""
# The second sentence is the same text in each document (so are its claims' ids); whose
# figures they are and which year comes from the first sentence and the document's date.
_DOCUMENTS = [
    ("远航汽车公布了11月数据。11月交付30,000辆，同比增长50%。", datetime.date(2025, 12, 1)),
    ("星驰汽车公布了11月数据。11月交付30,000辆，同比增长50%。", datetime.date(2025, 12, 1)),
    ("远航汽车公布了11月数据。11月交付30,000辆，同比增长50%。", datetime.date(2026, 12, 1)),
]


def _dumped(verdicts):
    return [verdict.model_dump(mode="json") for verdict in verdicts]


@pytest.fixture
def table(tmp_path):
    path = tmp_path / "levels.csv"
    path.write_text(_TABLE, encoding="utf-8")
    return claimcheck.load_references(path)


@pytest.mark.parametrize("explain", [False, True], ids=["plain", "explain"])
def test_the_same_sentence_in_three_documents_is_judged_in_each(table, explain):
    documents = [claimcheck.extract(text, date=date) for text, date in _DOCUMENTS]
    ids = [[claim.id for claim in claims] for claims in documents]
    assert ids[0] == ids[1] == ids[2] and len(ids[0]) == 2  # written alike, as the ids say
    together = claimcheck.verify([claim for claims in documents for claim in claims], table, explain=explain)
    alone = [verdict for claims in documents for verdict in claimcheck.verify(claims, table, explain=explain)]
    assert _dumped(together) == _dumped(alone)
    changes = together[1::2]
    assert [verdict.status for verdict in changes] == ["sourced", "mismatch", "unsourced"]
    assert [row.id for row in changes[1].computation.rows] == ["b-2025-11", "b-2024-11"]
    levels = together[0::2]
    assert [verdict.status for verdict in levels] == ["sourced", "sourced", "unsourced"]
    assert [levels[0].reference.id, levels[1].reference.id] == ["a-2025-11", "b-2025-11"]


def test_the_same_figures_in_two_sentences_are_explained_by_each_sentences_rows(table):
    """The same level and change of one entity and month twice; the second sentence also names
    销量, so its rows of 销量 are in the context there and back the level, and only there."""
    text = "远航汽车11月交付30,000辆，同比增长50%。远航汽车11月交付30,000辆，同比增长50%，销量另计。"
    claims = claimcheck.extract(text, date=datetime.date(2025, 12, 1))
    assert [claim.text for claim in claims] == ["30,000辆", "同比增长50%"] * 2
    whole = claimcheck.verify(claims, table, explain=True)
    alone = [claimcheck.verify([claim], table, explain=True)[0] for claim in claims]
    assert _dumped(whole) == _dumped(alone)
    assert [verdict.status for verdict in whole] == ["sourced"] * 4
    assert whole[0].reason == whole[2].reason and whole[1].reason == whole[3].reason
    sales = [{row.id: row.outcome for row in verdict.considered}["a-sales-2025-11"] for verdict in whole[0::2]]
    assert sales == ["ruled out", "backs"]


DRAFTS = [
    ("fixtures/levels/deliveries.md", "fixtures/levels/deliveries.csv"),
    ("fixtures/series-demo/drafts/yuanhang-deliveries.md", "fixtures/series-demo/references.csv"),
    ("fixtures/newsroom/series/chiyuan-deliveries.md", "fixtures/newsroom/series/series.csv"),
    ("fixtures/newsroom/series/quillon-q3.md", "fixtures/newsroom/series/series.csv"),
    ("fixtures/newsroom/series/yuchen-revenue.md", "fixtures/newsroom/series/series.csv"),
]


@pytest.mark.parametrize(("draft", "table_file"), DRAFTS, ids=[draft.split("/")[-1] for draft, _ in DRAFTS])
def test_a_verdict_is_the_same_with_explain_but_for_the_rows_considered(draft, table_file):
    """Without --explain a computed verdict skips what only the explanation reads (the reason
    a direct look-up would give before the computation replaces it): nothing else may differ."""
    claims = claimcheck.extract((ROOT / draft).read_text(encoding="utf-8"), date=datetime.date(2025, 12, 1))
    references = claimcheck.load_references(ROOT / table_file)
    plain = claimcheck.verify(claims, references)
    told = claimcheck.verify(claims, references, explain=True)
    assert sum(verdict.computation is not None for verdict in plain) >= 3
    assert all(verdict.considered is None for verdict in plain)
    assert [v.model_dump(mode="json", exclude={"considered"}) for v in plain] == [
        v.model_dump(mode="json", exclude={"considered"}) for v in told
    ]
