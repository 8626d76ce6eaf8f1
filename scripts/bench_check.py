"""Benchmark `claimcheck check` on a folder of generated drafts, serial and in parallel.

    python scripts/bench_check.py                     # 1,000 drafts of ~3,000 characters, --jobs 1 and 2
    python scripts/bench_check.py --drafts 200 --jobs 1,2,4 --repeat 5

The drafts are cut from the fixture articles (Chinese and English), each starting at a
different paragraph, and written as Markdown, HTML and plain text in turn; they are checked
against fixtures/newsroom/references.csv. Each run is a fresh `claimcheck check` process
(start-up included), timed as wall-clock; the median of --repeat runs is reported, and the
reports of every --jobs value must be identical.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "fixtures" / "newsroom" / "references.csv"


def paragraphs() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt"))]
    found = [block.strip() for text in texts for block in text.split("\n\n") if len(block.strip()) > 40]
    if not found:
        sys.exit("no fixture articles found in fixtures/*.txt")
    return found


def draft(index: int, pool: list[str], chars: int) -> tuple[str, str]:
    """The draft's file suffix and text: paragraphs from `pool`, starting at a different one each time."""
    chosen, size, i = [], 0, index
    while size < chars:
        chosen.append(pool[i % len(pool)])
        size += len(chosen[-1]) + 2
        i += 7
    kind = ("md", "html", "txt")[index % 3]
    if kind == "md":
        return kind, f"# Draft {index}\n\n" + "\n\n".join(chosen) + "\n"
    if kind == "html":
        body = "\n".join(f"<p>{p}</p>" for p in chosen)
        return kind, f"<html><body><h1>Draft {index}</h1>\n{body}\n</body></html>\n"
    return kind, f"Draft {index}\n\n" + "\n\n".join(chosen) + "\n"


def write_drafts(folder: Path, count: int, chars: int) -> int:
    pool = paragraphs()
    total = 0
    for index in range(count):
        suffix, text = draft(index, pool, chars)
        (folder / f"draft-{index:04}.{suffix}").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def run_check(folder: Path, jobs: int, out: Path) -> float:
    command = [
        sys.executable,
        "-m",
        "claimcheck",
        "check",
        str(folder),
        "--refs",
        str(TABLE),
        "--jobs",
        str(jobs),
        "--format",
        "json",
        "--output",
        str(out),
        "--fail-on",
        "none",
    ]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CI": "true"})
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"claimcheck check failed ({result.returncode}): {result.stderr.strip()}")
    return elapsed


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--drafts", type=int, default=1000)
    parser.add_argument("--chars", type=int, default=3000, help="about this many characters per draft")
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    jobs_values = [int(j) for j in args.jobs.split(",")]
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as temporary:
        folder = Path(temporary) / "drafts"
        folder.mkdir()
        chars = write_drafts(folder, args.drafts, args.chars)
        rows, reports = [], {}
        for jobs in jobs_values:
            out = Path(temporary) / f"report-{jobs}.json"
            times = [run_check(folder, jobs, out) for _ in range(args.repeat)]
            report = json.loads(out.read_text(encoding="utf-8"))
            reports[jobs] = report["files"]
            rows.append((jobs, statistics.median(times), min(times), report["summary"]))
        if any(files != reports[jobs_values[0]] for files in reports.values()):
            sys.exit("the reports differ between --jobs values")

    print(
        f"claimcheck check, {args.drafts:,} drafts, {chars:,} characters; Python {platform.python_version()}, "
        f"{cpu_name()}, {cores} cores; median of {args.repeat} runs; "
        f"1-minute load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after\n"
    )
    print("| --jobs | wall s (median) | wall s (best) | drafts/s | claims | speed-up |")
    print("|---:|---:|---:|---:|---:|---:|")
    base = rows[0][1]
    for jobs, median, best, summary in rows:
        print(
            f"| {jobs} | {median:.2f} | {best:.2f} | {args.drafts / median:,.0f} | {summary['claims']:,} | "
            f"{base / median:.2f}× |"
        )


if __name__ == "__main__":
    main()
