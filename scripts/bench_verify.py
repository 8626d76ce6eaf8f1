"""Benchmark the verifier: how much `verify` adds to `extract` on a large draft and table.

    python scripts/bench_verify.py                  # 1 MiB drafts, a 10,000-row table
    python scripts/bench_verify.py --rows 50000     # a bigger table
    python scripts/bench_verify.py --json
    python scripts/bench_verify.py --series         # a table of monthly series, drafts of changes

The drafts repeat the fixture articles (zh, en: a claim every 26-70 characters) and the
shared seed article where present (zh-seed: a real news page, a claim every ~180 characters)
to 1 MiB of UTF-8, as scripts/bench.py does. The table is generated (seeded, so every run
is the same): the rows of fixtures/refs/zh-hant-ev-market.csv, so that claims find
candidates, then invented rows for other subjects, metrics, units, periods and tolerances;
one in a thousand has no context terms. Times are the best of --repeat in-process runs on
one pinned core, wall-clock and CPU (CPU time is what other processes cannot inflate).

With --series the table is monthly level rows of many entities and metrics over five years
and the drafts (series-zh, series-en) state changes on a year and a month earlier, absolute
changes and changes in points, none of which has a row of its own: each is computed from two
level rows (scripts/bench_series.py). The `computed` column counts the verdicts that carry
a computation.
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402  (the corpus builder and machine details of scripts/bench.py)
import bench_series  # noqa: E402  (the --series table and drafts)

import claimcheck  # noqa: E402
from claimcheck.verification.verifier import index_references  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_TABLE = ROOT / "fixtures" / "refs" / "zh-hant-ev-market.csv"
SUBJECT_FIRST = list("星藍紅金海山雲北南東西華中新天長安永泰恆")
SUBJECT_SECOND = list("瀾峰杉川港灣林江河湖岳源嶺橋城")
SUBJECT_KINDS = ["汽車", "電池", "集團", "能源", "物流", "航空", "港務", "銀行"]
ENGLISH_NAMES = ["Kestrel", "Harbour", "Northgate", "Vale", "Eastport", "Riverton", "Ashford", "Millbrook"]
ENGLISH_KINDS = ["Transit", "Freight", "Motors", "Energy", "Air", "Port Authority"]
METRICS = [
    "交付",
    "营收",
    "销量",
    "净利润",
    "产能",
    "出口",
    "融资",
    "员工",
    "门店",
    "里程",
    "毛利率",
    "同比增长",
    "revenue",
    "deliveries",
    "profit",
    "capacity",
    "passengers",
    "freight",
    "emissions",
]
UNITS = [
    "辆",
    "台",
    "元",
    "万元",
    "亿元",
    "公里",
    "km",
    "%",
    "个百分点",
    "人",
    "家",
    "USD",
    "t",
    "个月",
    "年",
    "",
    "名次",
]


def generated_rows(count: int, seed: int = 7) -> list[dict[str, str]]:
    rng = random.Random(seed)
    with FIXTURE_TABLE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    while len(rows) < count:
        n = len(rows)
        if rng.random() < 0.8:
            subject = rng.choice(SUBJECT_FIRST) + rng.choice(SUBJECT_SECOND) + rng.choice(SUBJECT_KINDS)
        else:
            subject = f"{rng.choice(ENGLISH_NAMES)} {rng.choice(ENGLISH_KINDS)}"
        bare = rng.random() < 0.001  # a few rows matched by unit and value alone
        period = rng.choice(["", "", f"2025-{rng.randrange(1, 13):02d}", f"2025Q{rng.randrange(1, 5)}", "2024"])
        rows.append(
            {
                "id": f"gen-{n}",
                "subject": "" if bare else subject,
                "metric": "" if bare else rng.choice(METRICS),
                "keywords": "" if bare or rng.random() < 0.7 else rng.choice(METRICS),
                "value": f"{rng.uniform(1, 100000):,.1f}" if rng.random() < 0.5 else f"{rng.randrange(1, 999)}万",
                "unit": rng.choice(UNITS[:-2] if bare else UNITS),  # a bare row needs a unit
                "as_of": period,
                "tolerance": rng.choice(["", "", "", "1%", "50"]),
                "source": f"generated source {n}",
                "note": "",
            }
        )
    return rows[:count]


def write_table(rows: list[dict[str, str]], directory: str) -> Path:
    """The rows as a CSV file in `directory`."""
    path = Path(directory) / "bench-refs.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def best_of(repeat: int, work) -> tuple[float, float, object]:
    """Best wall-clock and best CPU seconds of `repeat` runs (CPU time is what another
    process on the same core cannot inflate), and the last result."""
    wall = cpu = float("inf")
    result = None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = work()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return wall, cpu, result


def measure(lang: str, text: str, table_path: Path, repeat: int) -> dict:
    claimcheck.extract(text[:2000])  # warm-up: grammar compiled
    claimcheck.verify(claimcheck.extract(text[:3000]), claimcheck.load_references(table_path))  # rule files read
    times: dict[str, tuple[float, float]] = {}
    *times["load"], table = best_of(repeat, lambda: claimcheck.load_references(table_path))
    *times["index"], index = best_of(repeat, lambda: index_references(table))
    *times["extract"], claims = best_of(repeat, lambda: claimcheck.extract(text))
    *times["verify"], verdicts = best_of(repeat, lambda: claimcheck.verify(claims, index))

    def end_to_end():
        references = claimcheck.load_references(table_path)
        return claimcheck.verify(claimcheck.extract(text), references)

    *times["total"], _ = best_of(repeat, end_to_end)
    statuses = Counter(v.status for v in verdicts)
    return {
        "lang": lang,
        "chars": len(text),
        "bytes": len(text.encode("utf-8")),
        "claims": len(claims),
        "rows": len(table.rows),
        "rows_without_terms": sum(1 for r in table.rows if not (r.subject or r.metric or r.keywords)),
        **{f"{name}_s": wall for name, (wall, _) in times.items()},
        **{f"{name}_cpu_s": cpu for name, (_, cpu) in times.items()},
        "added_s": times["total"][0] - times["extract"][0],
        "added_cpu_s": times["total"][1] - times["extract"][1],
        "candidates": sum(v.candidates for v in verdicts),
        "computed": sum(v.computation is not None for v in verdicts),
        **{s: statuses[s] for s in ("sourced", "mismatch", "unsourced")},
    }


def markdown(result: dict) -> str:
    series = result.get("series", False)
    computed = " | computed" if series else ""
    lines = [
        f"claimcheck {result['claimcheck']}, Python {result['python']}, {result['cpu']}, {result['pinning']}, "
        f"best of {result['repeat']}; wall-clock seconds, CPU seconds in brackets",
        "",
        "| draft | chars | claims | table rows | extract | load table | index | verify | extract + load + verify | added to extract | sourced / mismatch / unsourced"
        + computed
        + " |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---" + ("|---:" if series else "") + "|",
    ]

    def both(r: dict, name: str) -> str:
        return f"{r[name + '_s']:.2f} ({r[name + '_cpu_s']:.2f})"

    for r in result["runs"]:
        lines.append(
            f"| {r['lang']} | {r['chars']:,} | {r['claims']:,} | {r['rows']:,} | {both(r, 'extract')} "
            f"| {both(r, 'load')} | {both(r, 'index')} | {both(r, 'verify')} | {both(r, 'total')} "
            f"| {both(r, 'added')} | {r['sourced']:,} / {r['mismatch']:,} / {r['unsourced']:,} |"
            + (f" {r['computed']:,} |" if series else "")
        )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=1, help="draft size in MiB of UTF-8 (default 1)")
    ap.add_argument("--rows", type=int, default=10_000, help="reference table rows (default 10000)")
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    ap.add_argument("--series", action="store_true", help="a table of monthly series and drafts of changes")
    args = ap.parse_args()
    result = {
        "claimcheck": claimcheck.__version__,
        "python": platform.python_version(),
        "cpu": bench.cpu_model(),
        "pinning": bench.pin_one_core(),
        "repeat": args.repeat,
        "series": args.series,
    }
    with tempfile.TemporaryDirectory() as directory:
        if args.series:
            rows, series = bench_series.series_rows(args.rows)
            table_path = write_table(rows, directory)
            drafts = {f"series-{lang}": bench_series.series_draft(series, lang, args.mb) for lang in ("zh", "en")}
        else:
            table_path = write_table(generated_rows(args.rows), directory)
            drafts = {lang: bench.corpus(lang, args.mb) for lang in bench.corpora()}
        result["runs"] = [measure(name, text, table_path, args.repeat) for name, text in drafts.items()]
    print(json.dumps(result, indent=2) if args.json else markdown(result))


if __name__ == "__main__":
    main()
