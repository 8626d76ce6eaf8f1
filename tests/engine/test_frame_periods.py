"""The period of a claim's frame: tests/cases/periods/frames.toml, the document's date, and
the wire drafts of fixtures/newsroom/wire read as a reader would date their figures."""

from __future__ import annotations

import datetime
import tomllib

import pytest
from places import CASES, ROOT

import claimcheck
from claimcheck.models import FramePeriod
from claimcheck.text.document_date import date_of, document_date
from claimcheck.text.prose import format_of, mask
from claimcheck.verification.slots import frame_conflict

TABLE = tomllib.loads((CASES / "periods" / "frames.toml").read_text(encoding="utf-8"))
NONE = "__none__"
WIRE = ROOT / "fixtures" / "newsroom" / "wire"


def _claim(claims: list[claimcheck.Claim], text: str) -> claimcheck.Claim:
    found = [claim for claim in claims if claim.text == text]
    assert found, f"no claim {text!r} among {[c.text for c in claims]}"
    return found[0]


@pytest.mark.parametrize("case", TABLE["case"], ids=lambda case: case["name"])
def test_period_of_a_claim(case):
    text = case["text"]
    date = datetime.date.fromisoformat(case["date"]) if "date" in case else None
    claims = claimcheck.extract(text, date=date)
    for expected in case["expect"]:
        period = _claim(claims, expected["claim"]).frame.period
        if expected["span"] == NONE:
            assert period is None
            continue
        assert period is not None, f"{expected['claim']}: no period"
        assert period.span.text == expected["span"]
        assert text[period.span.start : period.span.end] == period.span.text
        for field in ("start", "end", "how"):
            want = None if expected.get(field) == NONE else expected.get(field)
            assert getattr(period, field) == want, f"{expected['claim']}: {field}"


def _conflicts():
    for row in TABLE["conflict"]:
        for as_of in row["as_of"]:
            name = f"{row['start']}..{row['end']} vs {as_of!r}"
            yield pytest.param(row["start"] or None, row["end"] or None, as_of, row["conflict"], id=name)


@pytest.mark.parametrize(("start", "end", "as_of", "conflict"), list(_conflicts()))
def test_frame_conflict(start, end, as_of, conflict):
    how = "unresolved" if start is None else "document date"
    period = FramePeriod(span=None, start=start, end=end, how=how)
    assert frame_conflict(period, as_of) is conflict


def test_no_period_never_conflicts():
    assert frame_conflict(None, "2025-11") is False


# ---- the document's date -------------------------------------------------------------

DATES = [
    ("markdown", "---\ntitle: x\ndate: 2025-12-10\n---\n\n# x\n", "2025-12-10"),
    ("markdown", '---\ndate: "2025-12-10"\n---\ntext', "2025-12-10"),
    ("markdown", "---\ndate: '2025-12-01T08:30:00+08:00'\n---\ntext", "2025-12-01"),
    ("markdown", "---\r\ndate: 2025-11-19 09:00\r\n---\r\ntext", "2025-11-19"),
    ("markdown", "+++\ndate = 2025-10-24\n+++\ntext", "2025-10-24"),
    ("markdown", "---\ntitle: no date here\n---\ntext", None),
    ("markdown", "---\ndate: 2025-13-40\n---\ntext", None),
    ("markdown", "---\ndate: yesterday\n---\ntext", None),
    ("markdown", "---\ndate: \n---\ntext", None),
    ("markdown", "text\ndate: 2025-12-10\n", None),
    ("markdown", "---\ndate: 2025-12-10\n", None),
    ("html", '<head><meta property="article:published_time" content="2025-11-21T09:30:00-05:00"></head>', "2025-11-21"),
    ("html", "<head><meta content='2025-11-12' property='article:published_time'/></head>", "2025-11-12"),
    ("html", '<meta name="date" content="2025-10-24">', "2025-10-24"),
    ("html", '<meta name="DC.date" content="2025-10-24">', "2025-10-24"),
    (
        "html",
        '<meta name="date" content="2024-01-01"><meta property="article:published_time" content="2025-11-21">',
        "2025-11-21",
    ),
    ("html", '<p>By X <time datetime="2025-11-12">Nov 12</time></p><time datetime="2020-01-01">', "2025-11-12"),
    ("html", '<meta property="article:published_time" content="not a date"><time datetime="2025-11-12">', "2025-11-12"),
    ("html", '<meta property="article:published_time" content="2025-02-30">', None),
    ("html", "<time>November 12</time><p>no date</p>", None),
    ("html", "<meta property=article:published_time content=2025-11-21>", "2025-11-21"),
    ("text", 'date: 2025-12-10\n<meta name="date" content="2025-12-10">', None),
]


@pytest.mark.parametrize(("fmt", "text", "expected"), DATES)
def test_document_date(fmt, text, expected):
    assert document_date(text, fmt) == (datetime.date.fromisoformat(expected) if expected else None)


def test_a_date_given_wins_over_the_drafts_own():
    text = "---\ndate: 2025-12-10\n---\n"
    assert date_of(text, "markdown") == datetime.date(2025, 12, 10)
    assert date_of(text, "markdown", datetime.date(2026, 1, 5)) == datetime.date(2026, 1, 5)
    assert claimcheck.document_date(text, "markdown") == datetime.date(2025, 12, 10)


def test_the_date_resolves_through_extract_document():
    doc = claimcheck.extract_document("宏晶今年資本支出約400億美元。", date=datetime.date(2025, 12, 10))
    assert (doc.claims[0].frame.period.start, doc.claims[0].frame.period.end) == ("2025-01", "2025-12")


# ---- the wire drafts: each figure with the period a reader gives it --------------------

WIRE_PERIODS = {
    "hongjing-revenue.md": [
        ("2,650.3億元", "2025-11", "2025-11"),
        ("增加3.2%", "2025-11", "2025-11"),
        ("較去年同期成長18.5%", "2025-11", "2025-11"),
        ("年增32.1%", "2025-01", "2025-11"),
        ("8,050億至8,350億元", "2025-10", "2025-12"),
        ("4.5元", "2025-07", "2025-09"),
        ("約400億美元", "2025-01", "2025-12"),
    ],
    "yuanhang-deliveries.md": [
        ("41,832辆", "2025-11", "2025-11"),
        ("环比增长8.1%", "2025-11", "2025-11"),
        ("26,380辆", None, None),  # 去年同期 opens its paragraph: no period before it to carry
        ("38,150辆", "2025-10", "2025-10"),
        ("38.2万辆", "2025-01", "2025-11"),
        ("45万辆", "2025-01", "2025-12"),
        ("2.3万辆", "2025-11", "2025-11"),
        ("1,286座", "2025-11", "2025-11"),
    ],
    "harbor-pine-q3.md": [
        ("$12.31 billion", "2025-07", "2025-09"),
        ("up 4.3%", "2025-07", "2025-09"),
        ("$12.1 billion", "2025-07", "2025-09"),
        ("gained 18%", "2025-01", "2025-11"),
    ],
    "lakeshore-jobs.html": [
        ("added 12,400 jobs", "2025-10", "2025-10"),
        ("612,300", "2025-10", "2025-10"),
        ("3.9%", "2024-10", "2024-10"),
        ("grew 2.1%", "2025-10", "2025-10"),
        ("4.0%", "2025-12", "2025-12"),
    ],
    "qinghe-gdp.html": [
        ("5,832.6亿元", "2025-01", "2025-09"),
        ("增长5.1%", "2025-07", "2025-09"),
        ("249.6亿元", "2025-09", "2025-09"),
        ("环比增长1.2%", "2025-09", "2025-09"),
        ("5.5%左右", "2025-01", "2025-12"),
    ],
    "yuanxiang-passengers.html": [
        ("較去年同期成長9.8%", "2025-10", "2025-10"),
        ("減少2.1%", "2025-10", "2025-10"),
        ("215.6億元", "2025-10", "2025-10"),
        ("1,468萬人次", "2025-01", "2025-10"),
        ("2,087億元", "2025-01", "2025-10"),
        ("2,500億元", "2025-01", "2025-12"),
        ("2.1元", "2025-10", "2025-12"),
        ("68.4元", "2025-11-12", "2025-11-12"),
    ],
}


@pytest.mark.parametrize("name", sorted(WIRE_PERIODS))
def test_wire_figures_get_the_period_a_reader_gives_them(name):
    path = WIRE / name
    text = path.read_text(encoding="utf-8")
    fmt = format_of(str(path))
    date = document_date(text, fmt)
    assert date is not None
    masked = mask(text, fmt)
    claims = claimcheck.extract(masked.text, date=date)
    for claim_text, start, end in WIRE_PERIODS[name]:
        period = _claim(claims, claim_text).frame.period
        assert period is not None and (period.start, period.end) == (start, end), f"{claim_text}: {period}"
    for claim in claims:
        period = claim.frame.period
        if period is not None and period.span is not None:
            assert masked.text[period.span.start : period.span.end] == period.span.text


@pytest.mark.parametrize(
    ("given", "month"),
    [
        (datetime.date(2025, 11, 5), "2025-11"),
        (datetime.datetime(2025, 11, 5, 9, 30), "2025-11"),
        ("2025-11-05", "2025-11"),
    ],
)
def test_the_document_date_may_be_a_date_a_datetime_or_an_iso_string(given, month):
    (claim,) = claimcheck.extract("Sales rose 4% this month.", lang="en", date=given)
    assert claim.frame is not None and claim.frame.period.start == month


@pytest.mark.parametrize(("given", "error"), [("5 November", ValueError), (20251105, TypeError)])
def test_a_document_date_of_another_kind_is_refused_with_a_clear_error(given, error):
    with pytest.raises(error, match="date"):
        claimcheck.extract("Sales rose 4% this month.", lang="en", date=given)
