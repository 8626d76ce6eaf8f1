"""A verification reads once what its claims share (a figure's interval, a sentence's context,
a row's bounds, a series' rows, the rows of a period by look-up): no claim's verdict may depend
on which claims were verified before it, nor differ from the rows' period read one by one."""

from __future__ import annotations

import datetime
import itertools

import pytest
from places import ROOT

import claimcheck
from claimcheck.verification.alike import AlikeRows, context_groups, in_period
from claimcheck.verification.index import ReferenceIndex
from claimcheck.verification.intervals import ClaimIntervals, claim_interval
from claimcheck.verification.slots import ClaimSlots

DATE = datetime.date(2025, 12, 1)
DRAFTS = [
    ("fixtures/levels/deliveries.md", "fixtures/levels/deliveries.csv"),
    ("fixtures/series-demo/drafts/yuanhang-deliveries.md", "fixtures/series-demo/references.csv"),
    ("fixtures/series-demo/drafts/harbor-pine-revenue.md", "fixtures/series-demo/references.csv"),
    ("fixtures/newsroom/series/chiyuan-deliveries.md", "fixtures/newsroom/series/series.csv"),
    ("fixtures/newsroom/series/quillon-q3.md", "fixtures/newsroom/series/series.csv"),
    ("fixtures/newsroom/series/yuchen-revenue.md", "fixtures/newsroom/series/series.csv"),
]


def _dumped(verdicts):
    return [verdict.model_dump(mode="json") for verdict in verdicts]


@pytest.mark.parametrize("explain", [False, True], ids=["plain", "explain"])
@pytest.mark.parametrize(("draft", "table"), DRAFTS, ids=[draft.split("/")[-1] for draft, _ in DRAFTS])
def test_a_draft_verified_whole_as_one_sentence_at_a_time(draft, table, explain):
    claims = claimcheck.extract((ROOT / draft).read_text(encoding="utf-8"), date=DATE)
    references = claimcheck.load_references(ROOT / table)  # each verify call indexes it afresh
    whole = claimcheck.verify(claims, references, explain=explain)
    sentences = itertools.groupby(claims, key=lambda claim: (claim.sentence.start, claim.sentence.text))
    alone = [v for _, group in sentences for v in claimcheck.verify(list(group), references, explain=explain)]
    assert len(claims) > 2
    assert _dumped(whole) == _dumped(alone)


_TABLE = """id,subject,metric,as_of,value,unit
a-2024-11,远航汽车,交付,2024-11,20000,辆
a-2025-11,远航汽车,交付,2025-11,30000,辆
b-2024-11,星驰汽车,交付,2024-11,25000,辆
b-2025-11,星驰汽车,交付,2025-11,30000,辆
"""


def test_the_same_change_written_of_two_entities_is_judged_for_each(tmp_path):
    """同比增长50% twice, the same figure as written: right for one entity, wrong for the other."""
    table = tmp_path / "levels.csv"
    table.write_text(_TABLE, encoding="utf-8")
    text = (
        "远航汽车11月交付30,000辆，同比增长50%。星驰汽车11月交付30,000辆，同比增长50%。"
        "星驰汽车11月交付30,000辆，同比增长20%。"
    )
    claims = claimcheck.extract(text, date=DATE)
    changes = [(claim.frame.entity.text, claim.text) for claim in claims if claim.kind == "comparison"]
    assert changes == [("远航汽车", "同比增长50%"), ("星驰汽车", "同比增长50%"), ("星驰汽车", "同比增长20%")]
    verdicts = claimcheck.verify(claims, claimcheck.load_references(table))
    changed = [v for claim, v in zip(claims, verdicts, strict=True) if claim.kind == "comparison"]
    assert [v.status for v in changed] == ["sourced", "mismatch", "sourced"]
    assert [row.id for row in changed[1].computation.rows] == ["b-2025-11", "b-2024-11"]


@pytest.mark.parametrize(
    "update",
    [
        {},
        {"qualifier": "approx"},
        {"qualifier": "over"},
        {"qualifier": "range", "value_max": 60},
        {"value": 50.0},
        {"value": 51},
    ],
    ids=["as-written", "approx", "over", "range", "float", "other-value"],
)
def test_a_figure_read_once_is_the_interval_of_each_claim_writing_it(update):
    """Claims written alike but for one field each get the interval claim_interval gives them,
    whatever the verification read before."""
    claim = next(c for c in claimcheck.extract("远航汽车11月交付同比增长50%。", date=DATE) if c.kind == "comparison")
    variant = claim.model_copy(update=update)
    intervals = ClaimIntervals(0.05)
    for first, second in ((claim, variant), (variant, claim)):
        assert intervals.of(first) == claim_interval(first, 0.05)
        assert intervals.of(second) == claim_interval(second, 0.05)
        intervals = ClaimIntervals(0.05)


# The rows of one group at every kind of period, and claims of every kind of period: the rows a
# look-up finds are the rows whose period does not conflict with the claim's, read one by one.
_PERIODS = [
    "",
    "2025",
    "2024",
    "2025-11",
    "2025-10",
    "2024-11",
    "2025-11-02",
    "2025-11-03",
    "2025Q4",
    "11月",
    "2025-01/2025-11",
]
_CLAIMS = [
    ("远航汽车2025年11月交付3万辆。", DATE),  # a month
    ("远航汽车2025年11月2日交付3万辆。", DATE),  # a day
    ("远航汽车2025年第四季度交付3万辆。", DATE),  # a quarter
    ("远航汽车2025年交付3万辆。", DATE),  # a year
    ("远航汽车2025年1-11月交付3万辆。", DATE),  # months to date
    ("远航汽车11月交付3万辆。", DATE),  # by the document's date
    ("远航汽车去年交付3万辆。", DATE),
    ("远航汽车11月交付3万辆。", None),  # unresolved: a month of any year
    ("Yuanhang had previously delivered 30,000 cars.", DATE),  # an earlier figure
    ("远航汽车交付3万辆。", DATE),  # no period
]


@pytest.mark.parametrize(("text", "date"), _CLAIMS)
def test_the_rows_of_a_claims_period_are_found_as_read_one_by_one(text, date):
    rows = [
        claimcheck.models.ReferenceRow(
            id=f"r{n}",
            table="t.csv",
            row=n + 2,
            value=30000,
            value_text="30000",
            unit="辆",
            subject="远航汽车",
            metric="交付",
            as_of=as_of or None,
        )
        for n, as_of in enumerate(_PERIODS)
    ]
    index = ReferenceIndex(rows)
    (group,) = context_groups(index, index.dimensions, set(index.keys))
    assert isinstance(group, AlikeRows) and len(group.rows) == len(rows)
    (claim,) = claimcheck.extract(text, date=date)
    slots = ClaimSlots.of(claim)
    expected = [row.ref.id for row in group.rows if not slots.period_conflict(row)]
    assert sorted(row.ref.id for row in in_period(slots, group)) == sorted(expected)
