"""The series workload of scripts/bench_verify.py (--series): a table of monthly level rows
and drafts whose changes have no row of their own, so that every change is computed.

The table: level rows of many entities and metrics, one a month from 2021-01 to 2025-12
(counts, money and percentages; a third of the series carry a group, some a tolerance; about
one month in fifty is left out, so that some changes lack their base). The drafts, 1 MiB of
UTF-8 each, state a month's level with its change on a year earlier (同比, "from a year
earlier"), on the month before (环比, "from the previous month"), the absolute change, and
for percentages the change in points (个百分点, "percentage points"); one in four changes is
planted wrong. Everything is seeded: every run reads the same table and drafts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

MIB = 1024 * 1024
FIRST_YEAR, LAST_YEAR = 2021, 2025
MONTHS = [(year, month) for year in range(FIRST_YEAR, LAST_YEAR + 1) for month in range(1, 13)]
MONTH_NAMES = "January February March April May June July August September October November December".split()
ZH_FIRST = list("星藍紅金海山雲北南東西華中新天長安永泰恆")
ZH_SECOND = list("瀾峰杉川港灣林江河湖岳源嶺橋城")
ZH_KINDS = ["汽车", "电池", "集团", "能源", "物流", "航空"]
EN_FIRST = [
    "Kestrel",
    "Harbour",
    "Northgate",
    "Vale",
    "Eastport",
    "Riverton",
    "Ashford",
    "Millbrook",
    "Larch",
    "Osprey",
]
EN_KINDS = ["Motors", "Freight", "Energy", "Air", "Transit", "Foods"]
# (metric, unit in the table, level, kind): kind says how the drafts write it
ZH_METRICS = [("交付", "辆", 30000, "count"), ("营收", "亿元", 120.0, "money"), ("毛利率", "%", 18.0, "percent")]
EN_METRICS = [
    ("deliveries", "vehicles", 14000, "count"),
    ("revenue", "million dollars", 450.0, "money"),
    ("gross margin", "%", 21.0, "percent"),
]
GROUPS = {"zh": ["新势力", "A股汽车板块"], "en": ["the Nasdaq 100", "the FTSE 250"]}


@dataclass
class Series:
    lang: str
    subject: str
    metric: str
    unit: str
    kind: str
    values: dict[tuple[int, int], float]


def _walk(rng: random.Random, level: float, kind: str) -> dict[tuple[int, int], float]:
    values, value = {}, level * rng.uniform(0.5, 1.5)
    for month in MONTHS:
        value *= rng.uniform(0.95, 1.07) if kind != "percent" else 1
        if kind == "percent":
            value = min(60.0, max(2.0, value + rng.uniform(-1.5, 1.5)))
        values[month] = round(value) if kind == "count" else round(value, 1)
    return values


def series_rows(count: int, seed: int = 17) -> tuple[list[dict[str, str]], list[Series]]:
    """`count` table rows (as CSV cells) and the series they hold."""
    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    made: list[Series] = []
    names: set[str] = set()
    while len(rows) < count:
        lang = "zh" if len(made) % 2 == 0 else "en"
        if lang == "zh":
            subject = rng.choice(ZH_FIRST) + rng.choice(ZH_SECOND) + rng.choice(ZH_KINDS)
        else:
            subject = f"{rng.choice(EN_FIRST)} {rng.choice(EN_KINDS)}"
        metric, unit, level, kind = rng.choice(ZH_METRICS if lang == "zh" else EN_METRICS)
        if (subject, metric) in names:
            continue
        names.add((subject, metric))
        series = Series(lang, subject, metric, unit, kind, _walk(rng, level, kind))
        group = rng.choice(GROUPS[lang]) if rng.random() < 1 / 3 else ""
        tolerance = "0.1%" if kind == "money" and rng.random() < 0.5 else ""
        for year, month in MONTHS:
            if rng.random() < 0.02:  # a month the desk has not filed
                del series.values[(year, month)]
                continue
            rows.append(
                {
                    "id": f"s{len(made)}-{year}-{month:02d}",
                    "subject": subject,
                    "metric": metric,
                    "as_of": f"{year}-{month:02d}",
                    "group": group,
                    "value": str(series.values[(year, month)]),
                    "unit": unit,
                    "tolerance": tolerance,
                }
            )
        made.append(series)
    return rows[:count], made


def _previous(month: tuple[int, int], back: int) -> tuple[int, int]:
    index = month[0] * 12 + month[1] - 1 - back
    return index // 12, index % 12 + 1


def _figure(value: float, kind: str) -> str:
    return f"{value:,.0f}" if kind == "count" else f"{value:,.1f}"


def _change(rng: random.Random, now: float, before: float | None) -> float | None:
    """The relative change in %, one in four planted 2–9 points off; None without a base."""
    if before is None or before <= 0:
        return None
    change = (now / before - 1) * 100
    return round(change + (rng.uniform(2, 9) if rng.random() < 0.25 else 0), 1)


def _zh(rng: random.Random, s: Series, month: tuple[int, int]) -> str:
    year, m = month
    now, year_ago, month_ago = s.values[month], s.values.get((year - 1, m)), s.values.get(_previous(month, 1))
    head = f"{s.subject}{year}年{m}月{s.metric}"
    if s.kind == "percent":
        points = round(now - year_ago + (rng.uniform(1, 3) if rng.random() < 0.25 else 0), 1) if year_ago else 0.5
        return f"{head}为{now:.1f}%，同比{'提高' if points >= 0 else '下降'}{abs(points):.1f}个百分点。"
    parts = [f"{head}{_figure(now, s.kind)}{s.unit}"]
    for word, change in (("同比", _change(rng, now, year_ago)), ("环比", _change(rng, now, month_ago))):
        if change is not None:
            parts.append(f"{word}{'增长' if change >= 0 else '下降'}{abs(change):.1f}%")
    if month_ago is not None and s.kind == "count":
        difference = now - month_ago
        parts.append(f"比上月{'增加' if difference >= 0 else '减少'}{_figure(abs(difference), s.kind)}{s.unit}")
    return "，".join(parts) + "。"


def _en(rng: random.Random, s: Series, month: tuple[int, int]) -> str:
    year, m = month
    now, year_ago, month_ago = s.values[month], s.values.get((year - 1, m)), s.values.get(_previous(month, 1))
    when = f"in {MONTH_NAMES[m - 1]} {year}"
    if s.kind == "percent":
        points = round(now - year_ago + (rng.uniform(1, 3) if rng.random() < 0.25 else 0), 1) if year_ago else 0.5
        way = "up" if points >= 0 else "down"
        return f"{s.subject}'s {s.metric} was {now:.1f}% {when}, {way} {abs(points):.1f} percentage points from a year earlier."
    shown = f"${now:,.1f} million" if s.kind == "money" else f"{_figure(now, s.kind)} {s.unit}"
    parts = []
    for words, change in (
        ("from a year earlier", _change(rng, now, year_ago)),
        ("from the previous month", _change(rng, now, month_ago)),
    ):
        if change is not None:
            parts.append(f"{'up' if change >= 0 else 'down'} {abs(change):.1f}% {words}")
    tail = f", {' and '.join(parts)}" if parts else ""
    return f"{s.subject}'s {s.metric} came to {shown} {when}{tail}."


def series_draft(series: list[Series], lang: str, mb: float, seed: int = 23) -> str:
    """Paragraphs of four sentences on months of `lang`'s series, to at least `mb` MiB of UTF-8."""
    rng = random.Random(seed)
    own = [s for s in series if s.lang == lang]
    write = _zh if lang == "zh" else _en
    paragraphs, sentences, size = [], [], 0
    while size < mb * MIB:
        s = rng.choice(own)
        month = rng.choice([month for month in MONTHS[12:] if month in s.values])
        sentence = write(rng, s, month)
        sentences.append(sentence)
        size += len(sentence.encode("utf-8")) + 1
        if len(sentences) == 4:
            paragraphs.append(("" if lang == "zh" else " ").join(sentences))
            sentences = []
    paragraphs.append(("" if lang == "zh" else " ").join(sentences))
    return "\n\n".join(paragraphs)
