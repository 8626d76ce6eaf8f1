"""The seed article the tool was first built for (read from ../shared, not copied here).

Skipped where the shared folder is not beside the repository.
"""

from __future__ import annotations

from collections import Counter

import pytest
from places import ROOT

import claimcheck

SEED = ROOT.parent / "shared" / "seeds" / "xiaomi-500k.txt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="shared seed article not present")

# (claim text, value, qualifier, canonical unit, how many times)
EXPECTED = [
    ("50萬臺", 500000, "exact", None, 3),
    ("21個月", 21, "exact", "month", 2),
    ("不到兩年", 2, "under", "year", 1),
    ("33662輛", 33662, "exact", None, 1),
    ("9個月", 9, "exact", "month", 1),
    ("3年", 3, "exact", "year", 1),
    ("245mm", 245, "exact", "mm", 1),
    ("10000人", 10000, "exact", None, 1),
    ("24小時", 24, "exact", "hour", 1),
    ("500元", 500, "exact", "CNY", 1),
    ("超2.61億公里", 261000000, "over", "km", 1),
    ("368個", 368, "exact", None, 1),
    ("2671公里", 2671, "exact", "km", 1),
    ("28萬個", 280000, "exact", None, 1),
]
FIGURES = ("quantity", "money", "percent", "duration", "comparison")
NOT_CLAIMS = ["SU7", "YU7", "model Y", "M7", "一石", "八斗", "萬重山", "億萬", "百億補貼", "十一", "里三層外三層"]


@pytest.fixture(scope="module")
def seed():
    text = SEED.read_text(encoding="utf-8")
    return text, claimcheck.extract(text)


@pytest.mark.parametrize(("text", "value", "qualifier", "unit", "count"), EXPECTED, ids=[e[0] for e in EXPECTED])
def test_seed_claim(seed, text, value, qualifier, unit, count):
    _, claims = seed
    matching = [c for c in claims if (c.figure.text if c.figure else c.text) == text and c.kind in FIGURES]
    assert len(matching) == count
    for claim in matching:
        assert (claim.value, claim.qualifier, claim.unit_canonical) == (value, qualifier, unit)


@pytest.mark.parametrize("trap", NOT_CLAIMS)
def test_seed_trap_is_not_a_claim(seed, trap):
    text, claims = seed
    for position in [i for i in range(len(text)) if text.startswith(trap, i)]:
        span = (position, position + len(trap))
        figures = [c.figure for c in claims if c.figure]
        assert not [f.text for f in figures if f.start < span[1] and span[0] < f.end]
        assert trap not in [c.text for c in claims]


def test_seed_offsets_and_dates(seed):
    text, claims = seed
    assert all(text[c.start : c.end] == c.text for c in claims)
    dated = Counter(c.text for c in claims if c.time and c.time.text == "12月2日" and c.kind in FIGURES)
    assert dated == {"50萬臺": 1, "21個月": 1}
    assert not [c for c in claims if "2025" in c.text or c.text in ("12月2日", "10月")]


def _one(claims, text, kind):
    found = [c for c in claims if c.text == text and c.kind == kind]
    assert len(found) == 1, f"{text} ({kind}): {[c.text for c in claims if c.kind == kind]}"
    return found[0]


def test_seed_ranks_and_superlatives(seed):
    _, claims = seed
    by_id = {c.id: c for c in claims}
    first = _one(claims, "第一", "rank")
    assert (first.value, first.subject.text, first.metric.text) == (1, "SU7", "銷量")
    streak = _one(claims, "連冠", "rank")
    assert (streak.value, streak.subject.text) == (1, "特斯拉model Y")
    assert [by_id[i].text for i in streak.related] == ["9個月"]
    farthest = _one(claims, "最遠", "superlative")
    assert [by_id[i].text for i in farthest.related] == ["2671公里"]
    assert (farthest.value, farthest.unit_canonical) == (2671, "km")


def test_seed_discourse_words_are_not_relations(seed):
    text, claims = seed
    relations = [c for c in claims if c.kind in ("rank", "comparison", "superlative")]
    for word in ("最終", "最一開始", "最重要", "其一", "其二"):
        for position in [i for i in range(len(text)) if text.startswith(word, i)]:
            assert not [c.text for c in relations if c.start < position + len(word) and position < c.end], word


@pytest.mark.parametrize(
    ("text", "subject", "metric", "time"),
    [
        ("50萬臺", "小米汽車", "交付", "12月2日"),
        ("33662輛", "YU7", "銷量", "10月"),
        ("超2.61億公里", "小米車主", "累計里程", "十一假期"),
    ],
)
def test_seed_context(seed, text, subject, metric, time):
    _, claims = seed
    claim = next(c for c in claims if c.text == text)
    assert claim.subject.text == subject
    assert claim.metric.text == metric
    assert claim.time.text == time
