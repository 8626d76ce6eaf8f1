"""Batch extraction: wall time and peak memory of `claimcheck extract DIR --jobs N -f jsonl`.

    python scripts/bench_batch.py                      # 1,000 files, --jobs 1 and 2, best of 3
    python scripts/bench_batch.py --files 1000,4000    # memory does not grow with the count
    python scripts/bench_batch.py --named              # also: the files named one by one, no --jobs

The files (~3,000 characters each) are cut from the fixture articles' paragraphs, cycled, and
written under a temporary directory. Memory is the peak, sampled every 20 ms, of the RSS of
the claimcheck process and its workers added up (pages the workers share with the parent
count once per process, so this is an upper bound). Each run also shows the CPU that other
processes took while it ran, as a share of one core: on a shared machine, a run beside a busy
neighbour is not a measurement of claimcheck, so each run first waits (up to 15 minutes) for
the others to take under 10 % of a core for 3 s.
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLAIMCHECK = str(Path(sys.executable).parent / "claimcheck")


def write_files(directory: Path, count: int, size: int = 3000) -> int:
    paragraphs = [p for f in sorted((ROOT / "fixtures").glob("*.txt")) for p in f.read_text().splitlines() if p.strip()]
    cycle, chars = itertools.cycle(paragraphs), 0
    for i in range(count):
        chunk, n = [], 0
        while n < size:
            chunk.append(next(cycle))
            n += len(chunk[-1]) + 1
        (directory / f"{i:05d}.txt").write_text("\n".join(chunk) + "\n", encoding="utf-8")
        chars += n
    return chars


def tree(pid: int) -> list[int]:
    pids, out = [pid], []
    while pids:
        p = pids.pop()
        out.append(p)
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                pids += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                pass
    return out


def rss_mb(pid: int) -> float:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, IndexError):
        return 0.0


def busy_seconds() -> float:
    """CPU seconds the whole machine has been busy since boot, all cores (from /proc/stat)."""
    ticks = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")  # less idle and iowait


def wait_quiet(limit_pct: float = 10, window: float = 3, timeout: float = 900) -> float:
    """Wait until other processes take under `limit_pct` % of a core over `window` seconds
    (at most `timeout`); the share last seen."""
    deadline = time.monotonic() + timeout
    while True:
        busy = busy_seconds()
        time.sleep(window)
        share = 100 * (busy_seconds() - busy) / window
        if share < limit_pct or time.monotonic() > deadline:
            return share


def measure(cmd: list[str]) -> dict:
    """Wall time, peak RSS of the whole process tree and of its largest process, and the CPU
    that other processes of the machine took meanwhile (the run's own and this script's excluded)."""
    busy, mine = busy_seconds(), time.process_time()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    total = largest = 0.0
    while not (ended := os.wait4(proc.pid, os.WNOHANG))[0]:
        sizes = [rss_mb(p) for p in tree(proc.pid)]
        total, largest = max(total, sum(sizes)), max(largest, max(sizes, default=0))
        time.sleep(0.02)
    wall = time.perf_counter() - start
    _, status, usage = ended
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.exit(f"{' '.join(cmd[:4])}…: exit {proc.returncode}: {proc.stderr.read().decode()}")
    others = busy_seconds() - busy - (usage.ru_utime + usage.ru_stime) - (time.process_time() - mine)
    return {"seconds": wall, "rss_total_mb": total, "rss_largest_mb": largest, "others_pct": 100 * others / wall}


def best(cmd: list[str], repeat: int) -> dict:
    runs = []
    for _ in range(repeat):
        wait_quiet()
        runs.append(measure(cmd))
    return {
        **min(runs, key=lambda r: r["seconds"]),
        "all": [f"{r['seconds']:.2f} ({r['others_pct']:.0f} %)" for r in runs],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", default="1000", help="comma-separated file counts (default 1000)")
    ap.add_argument("--jobs", default="1,2", help="comma-separated --jobs values (default 1,2)")
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    ap.add_argument("--named", action="store_true", help="also run the files named on the command line, no --jobs")
    args = ap.parse_args()
    print(
        "| files | chars | run | wall (s), best of runs | all runs: s (other processes' CPU, % of a core) | speed-up | peak RSS, all processes (MiB) | largest process (MiB) |"
    )
    print("|---:|---:|---|---:|---|---:|---:|---:|")
    for count in (int(n) for n in args.files.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            drafts = Path(tmp) / "drafts"
            drafts.mkdir()
            chars = write_files(drafts, count)
            out = str(Path(tmp) / "claims.jsonl")
            runs = {
                f"--jobs {j}": [CLAIMCHECK, "extract", str(drafts), "--jobs", j, "-f", "jsonl", "-o", out]
                for j in args.jobs.split(",")
            }
            if args.named:
                runs["named, no --jobs"] = [
                    CLAIMCHECK,
                    "extract",
                    *sorted(map(str, drafts.iterdir())),
                    "-f",
                    "jsonl",
                    "-o",
                    out,
                ]
            base = None
            for name, cmd in runs.items():
                r = best(cmd, args.repeat)
                base = base or r["seconds"]
                print(
                    f"| {count:,} | {chars:,} | `{name}` | {r['seconds']:.2f} | {', '.join(r['all'])} "
                    f"| {base / r['seconds']:.2f} | {r['rss_total_mb']:.0f} | {r['rss_largest_mb']:.0f} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
