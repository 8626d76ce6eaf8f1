"""Properties that hold for any input: offsets point into the original text."""

from __future__ import annotations

import datetime

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import claimcheck
from claimcheck.text.normalize import normalize

# Characters that exercise the engine: digits of both widths, numerals, units, glosses.
_PIECES = st.sampled_from(
    list("0123456789０１２３４５６７８９,.，．%％ \n\r\t\u00a0\ufeff\u200b()（）")
    + list("萬億千百十一二兩三年個月元公里臺超約近多餘至-~$€")
    + ["(huán)", "![]()", "km", "million", " percent", "more than ", "between ", " and ", "SU7", "2025年", "12月2日"]
)
_TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=60).map("".join),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
@example("sales were more than\x1f")  # a separator the patterns' \s does not take and str.strip does
def test_claim_text_is_the_original_slice(text):
    for claim in claimcheck.extract(text):
        assert text[claim.start : claim.end] == claim.text
        assert claim.text
        assert text[claim.sentence.start : claim.sentence.end] == claim.sentence.text
        assert claim.sentence.start <= claim.start and claim.end <= claim.sentence.end
        if claim.time is not None:
            assert text[claim.time.start : claim.time.end] == claim.time.text


# Periods, relative words and baselines, so that frames carry and resolve periods.
_PERIOD_PIECES = st.sampled_from(
    ["今年", "去年同期", "當月", "上月", "前10月", "1-11月", "今（10）日", "第三季", "較", "10月", "2025年"]
    + ["last year", "a year earlier", "so far this year", "the third quarter of 2025", " from ", " in October"]
    + ["交付了50萬臺", "增長12%", "$5 billion", " rose 4.3%", "，", "。", ", ", ". ", "\n\n", " "]
)
_FRAMED_TEXT = st.lists(st.one_of(_PERIOD_PIECES, _PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_FRAMED_TEXT, st.sampled_from([None, datetime.date(2025, 12, 10), datetime.date(2026, 1, 1)]))
def test_frame_spans_are_original_slices(text, date):
    for claim in claimcheck.extract(text, date=date):
        frame = claim.frame
        period = frame.period
        for span in (frame.entity, frame.metric, period.span if period else None):
            if span is not None:
                assert text[span.start : span.end] == span.text
        if period is not None:
            assert (period.start is None) == (period.end is None) == (period.how == "unresolved")
            assert period.start is None or period.start[:7] <= period.end[:7]


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_claims_are_in_order_and_do_not_overlap(text):
    claims = claimcheck.extract(text)
    for first, second in zip(claims, claims[1:], strict=False):
        assert first.end <= second.start


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_offset_map_is_monotonic_and_in_range(text):
    norm = normalize(text)
    previous = 0
    for i in range(len(norm.text) + 1):
        start, end = norm.to_original(i, i)
        assert previous <= start <= len(text)
        previous = start


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_line_and_column_locate_the_start(text):
    for claim in claimcheck.extract(text):
        lines = text.split("\n")
        assert lines[claim.line - 1][claim.column - 1 :].startswith(claim.text.split("\n")[0])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_ids_do_not_change_when_another_paragraph_changes(paragraph, other):
    base = "交付了50萬臺,增長12%。"
    before = [c.id for c in claimcheck.extract(base + "\n" + paragraph)]
    after = [c.id for c in claimcheck.extract(base + "\n" + other)]
    assert len(before) >= 2
    assert before[:2] == after[:2]


def test_trusted_records_equal_validated_ones():
    """The fast constructor the engine uses builds what validation would have built."""
    for claim in claimcheck.extract("小米汽車12月2日交付了50萬臺,同比增長12%。Kestrel ranked third."):
        rebuilt = claimcheck.Claim.model_validate(claim.model_dump())
        assert rebuilt == claim
        assert rebuilt.model_dump_json() == claim.model_dump_json()
        assert rebuilt.model_fields_set == claim.model_fields_set
