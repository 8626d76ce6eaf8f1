"""Benchmark claimcheck: throughput, peak memory and start-up time on one core.

    python scripts/bench.py                 # 1 MiB Chinese + 1 MiB English corpus
    python scripts/bench.py --scale 1,10    # Chinese corpus at 1 and 10 MiB
    python scripts/bench.py --json          # machine-readable output

Corpora repeat the articles in fixtures/zh-*.txt and fixtures/en-*.txt, joined by "\\n",
until they reach the requested size in UTF-8 bytes (MiB = 2**20 bytes).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import claimcheck

ROOT = Path(__file__).resolve().parent.parent
MIB = 2**20


SEEDS = ROOT.parent / "shared" / "seeds"  # read where present, never copied here


def sources(lang: str) -> list[Path]:
    """zh, en: the fixture articles (dense: written to exercise every rule);
    zh-seed: the shared seed article, a real news page, where it is present."""
    if lang == "zh-seed":
        return sorted(SEEDS.glob("*.txt"))
    return sorted((ROOT / "fixtures").glob(f"{lang}-*.txt"))


def corpora() -> list[str]:
    return ["zh", "en"] + (["zh-seed"] if sources("zh-seed") else [])


def corpus(lang: str, mb: float) -> str:
    """The articles for `lang`, repeated to at least `mb` MiB of UTF-8."""
    articles = [p.read_text(encoding="utf-8") for p in sources(lang)]
    if not articles:
        sys.exit(f"no fixtures/{lang}-*.txt found under {ROOT}")
    copies, size = [], 0
    for article in itertools.cycle(articles):
        if size >= mb * MIB:
            return "\n".join(copies)
        copies.append(article)
        size += len(article.encode("utf-8")) + 1  # +1 for the joining "\n"


def proc_field(path: str, key: str) -> str | None:
    """The value of `key: value` in a /proc file, or None off Linux."""
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def max_rss_mb() -> float:
    """Peak RSS of this process. On Linux ru_maxrss survives fork+exec, so a child of a big
    parent reports the parent's peak; VmHWM belongs to this process image only."""
    hwm = proc_field("/proc/self/status", "VmHWM:")
    if hwm:
        return int(hwm.split()[0]) / 1024
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / MIB if sys.platform == "darwin" else rss / 1024  # bytes on macOS, KiB elsewhere


def throughput(text: str, repeat: int, lang: str) -> dict:
    """Best of `repeat` in-process runs, after one warm-up call on a small piece; also with
    figures_only=True (no ranks, comparisons, superlatives, subject or metric), for the cost,
    and with the corpus's language given (`--lang zh`: the other language's rules not run)."""
    claimcheck.extract(text[:2000])
    best, claims = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        claims = len(claimcheck.extract(text))
        best = min(best, time.perf_counter() - start)
    figures_best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        claimcheck.extract(text, figures_only=True)
        figures_best = min(figures_best, time.perf_counter() - start)
    given_best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        claimcheck.extract(text, lang=lang)
        given_best = min(given_best, time.perf_counter() - start)
    nbytes = len(text.encode("utf-8"))
    return {
        "chars": len(text),
        "bytes": nbytes,
        "claims": claims,
        "seconds": best,
        "chars_per_s": len(text) / best,
        "mb_per_s": nbytes / MIB / best,
        "figures_only_chars_per_s": len(text) / figures_best,
        "language_given_chars_per_s": len(text) / given_best,
    }


def child(lang: str, mb: float) -> dict:
    """Runs in a fresh process: one timed untraced extract (RSS), then one under tracemalloc."""
    text = corpus(lang, mb)
    claimcheck.extract(text[:2000])
    rss_before = max_rss_mb()
    start = time.perf_counter()
    claims = len(claimcheck.extract(text))
    seconds = time.perf_counter() - start
    rss_peak = max_rss_mb()
    tracemalloc.start()
    claimcheck.extract(text)
    traced_peak = tracemalloc.get_traced_memory()[1] / MIB
    tracemalloc.stop()
    return {
        "lang": lang,
        "mb": mb,
        "chars": len(text),
        "claims": claims,
        "seconds": seconds,
        "chars_per_s": len(text) / seconds,
        "rss_before_mb": rss_before,
        "rss_peak_mb": rss_peak,
        "tracemalloc_peak_mb": traced_peak,
    }


def in_subprocess(lang: str, mb: float) -> dict:
    snippet = (
        f"import json, sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import bench; "
        f"print(json.dumps(bench.child({lang!r}, {mb!r})))"
    )
    out = subprocess.run([sys.executable, "-c", snippet], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def startup() -> dict:
    cli = Path(sys.executable).parent / "claimcheck"
    help_s = statistics.median(wall([str(cli), "--help"]) for _ in range(10))
    bare_s = statistics.median(wall([sys.executable, "-c", "pass"]) for _ in range(10))
    return {"claimcheck_help_s": help_s, "python_pass_s": bare_s, "difference_s": help_s - bare_s}


def pin_one_core() -> str:
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (os.sched_setaffinity unavailable)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})  # inherited by every subprocess started below
    return f"pinned to CPU {cpu}"


def cpu_model() -> str:
    return proc_field("/proc/cpuinfo", "model name") or platform.processor() or "unknown"


def markdown(r: dict) -> str:
    lines = [
        f"claimcheck {r['claimcheck']}, Python {r['python']}, {r['cpu']}, {r['pinning']}",
        "",
        "| corpus | chars | claims | chars per claim | chars/s | MiB/s | chars/s, figures only "
        "| chars/s, language given | peak RSS (MiB) | tracemalloc peak (MiB) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for lang in r["throughput"]:
        t, m = r["throughput"][lang], r["memory"][lang]
        lines.append(
            f"| {lang} | {t['chars']:,} | {t['claims']:,} | {t['chars'] / max(t['claims'], 1):.0f} "
            f"| {t['chars_per_s']:,.0f} | {t['mb_per_s']:.2f} | {t['figures_only_chars_per_s']:,.0f} "
            f"| {t['language_given_chars_per_s']:,.0f} | {m['rss_peak_mb']:.0f} (before extract: {m['rss_before_mb']:.0f}) | {m['tracemalloc_peak_mb']:.0f} |"
        )
    s = r["startup"]
    lines += [
        "",
        "| start-up (median of 10) | seconds |",
        "|---|---:|",
        f"| `claimcheck --help` | {s['claimcheck_help_s']:.3f} |",
        f"| `python -c pass` | {s['python_pass_s']:.3f} |",
        f"| difference | {s['difference_s']:.3f} |",
    ]
    if r.get("scale"):
        lines += [
            "",
            "| zh corpus (MiB), one run in a fresh process | chars | claims | chars/s | peak RSS (MiB) | tracemalloc peak (MiB) |",
            "|---:|---:|---:|---:|---:|---:|",
        ]
        lines += [
            f"| {s['mb']:g} | {s['chars']:,} | {s['claims']:,} | {s['chars_per_s']:,.0f} "
            f"| {s['rss_peak_mb']:.0f} | {s['tracemalloc_peak_mb']:.0f} |"
            for s in r["scale"]
        ]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=1, help="corpus size in MiB of UTF-8 (default 1)")
    ap.add_argument("--repeat", type=int, default=3, help="throughput: best of N runs (default 3)")
    ap.add_argument("--scale", help="comma-separated zh corpus sizes in MiB, e.g. 1,10,100")
    ap.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    args = ap.parse_args()

    result = {
        "claimcheck": claimcheck.__version__,
        "python": platform.python_version(),
        "cpu": cpu_model(),
        "pinning": pin_one_core(),
        "mb": args.mb,
    }
    result["throughput"] = {lang: throughput(corpus(lang, args.mb), args.repeat, lang[:2]) for lang in corpora()}
    result["memory"] = {lang: in_subprocess(lang, args.mb) for lang in corpora()}
    result["startup"] = startup()
    if args.scale:
        result["scale"] = [in_subprocess("zh", float(mb)) for mb in args.scale.split(",")]
    print(json.dumps(result, indent=2) if args.json else markdown(result))


if __name__ == "__main__":
    main()
