"""Side by side: claimcheck and peer extractors on the same corpora, one pinned core each.

    pip install -e '.[bench]'                       # the peers; never a runtime dependency
    python scripts/bench_peers.py                   # Markdown table + docs/bench-peers.png
    python scripts/bench_peers.py --mb 0.1 --chart ''   # quick look, no chart
    python scripts/bench_peers.py --json

Each (extractor, corpus) runs in a fresh subprocess pinned to the same core, one after the
other, each once the machine is quiet (bench_batch.wait_quiet): start-up (import, model
set-up and a first call), chars/s over the corpus fed one article per call, peak RSS; then
the conformance accuracy of that extractor on the ../shared/conformance files of the
corpus's language, scored by scripts/conformance.py's matching code (bench_peer_scoring.py)
through the adapters in bench_peer_adapters.py.
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
MIB = 2**20
SEEDS = ROOT.parent / "shared" / "seeds"
DATA = ROOT.parent / "shared" / "conformance"
CORPORA = {"zh": "zh", "en": "en", "zh-seed": "zh"}  # corpus -> language


def sources(corpus: str) -> list[Path]:
    if corpus == "zh-seed":
        return sorted(SEEDS.glob("*.txt"))
    return sorted((ROOT / "fixtures").glob(f"{corpus}-*.txt"))


def articles(corpus: str, mb: float) -> list[str]:
    """The corpus's articles repeated, as in scripts/bench.py, to at least `mb` MiB of UTF-8."""
    texts = [p.read_text(encoding="utf-8") for p in sources(corpus)]
    out, size = [], 0
    for text in itertools.cycle(texts):
        if size >= mb * MIB:
            return out
        out.append(text)
        size += len(text.encode("utf-8")) + 1


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child(name: str, corpus: str, mb: float, score: bool) -> dict:
    """Runs in a fresh process; nothing heavy is imported before the clock starts."""
    import warnings

    warnings.simplefilter("ignore")  # quantulum3 warns about its optional classifier on import
    texts = articles(corpus, mb)
    lang = CORPORA[corpus]
    sys.path.insert(0, str(HERE))
    from bench_peer_adapters import PEERS

    peer = PEERS[name]
    start = time.perf_counter()
    parse, find = peer.load(lang)
    parse(texts[0][:200])
    startup = time.perf_counter() - start
    found, start = 0, time.perf_counter()
    for text in texts:
        out = parse(text)
        found = found + len(out) if isinstance(out, list) and found is not None else None  # cn2an gives text
    seconds = time.perf_counter() - start
    chars = sum(len(text) for text in texts)
    result = {
        "peer": name,
        "corpus": corpus,
        "chars": chars,
        "articles": len(texts),
        "found": found,
        "seconds": seconds,
        "chars_per_s": chars / seconds,
        "startup_s": startup,
        "rss_peak_mb": peak_rss_mb(),
    }
    if score:
        from bench_peer_scoring import score_language

        result["conformance"] = score_language(find, lang, DATA, peer.own_file)
    return result


def run_child(name: str, corpus: str, mb: float, score: bool) -> dict:
    """The child's measurements, and the CPU other processes of the machine took meanwhile."""
    import resource

    from bench_batch import busy_seconds, wait_quiet

    wait_quiet()
    cmd = [sys.executable, __file__, "--child", name, corpus, str(mb)] + (["--score"] if score else [])
    before, busy, start = resource.getrusage(resource.RUSAGE_CHILDREN), busy_seconds(), time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    after, wall = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter() - start
    own = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return {**json.loads(out.stdout), "others_pct": 100 * (busy_seconds() - busy - own) / wall}


def markdown(r: dict) -> str:
    notes = ["", "*others' CPU*: what other processes of the machine took during the run, in % of one core."]
    lines = [
        f"{r['cpu']}, Python {r['python']}, {r['pinning']}; corpora of {r['mb']:g} MiB, one article a call",
        "",
        "| corpus | extractor | chars/s | claimcheck ÷ extractor | start-up (s) | peak RSS (MiB) | found | accuracy, all files | accuracy, not its own file | others' CPU |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for corpus in r["corpora"]:
        rows = [x for x in r["runs"] if x["corpus"] == corpus]
        ours = next(x["chars_per_s"] for x in rows if x["peer"] == "claimcheck")
        for x in rows:
            c = r["scores"].get((x["peer"], CORPORA[corpus]), {})
            own = f"{c['others']:.1f} %" if c.get("others") is not None else "—"
            found = "—" if x["found"] is None else f"{x['found']:,}"
            lines.append(
                f"| {corpus} | {r['labels'][x['peer']]} | {x['chars_per_s']:,.0f} | {ours / x['chars_per_s']:.2f} "
                f"| {x['startup_s']:.2f} | {x['rss_peak_mb']:.0f} | {found} | {c.get('all', 0):.1f} % | {own} | {max(0, x['others_pct']):.0f} % |"
            )
    return "\n".join(lines + notes)


def chart(r: dict, path: Path) -> None:
    """Two bar panels sharing one row per (language, extractor): speed, and accuracy beside it."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = [x for corpus in ("zh", "en") for x in r["runs"] if x["corpus"] == corpus]
    y = [i + (x["corpus"] == "en") for i, x in enumerate(rows)]  # a gap between the languages
    colors = ["tab:red" if x["peer"].startswith("claimcheck") else "tab:blue" for x in rows]
    scores = [r["scores"][(x["peer"], x["corpus"])] for x in rows]
    fig, (speed, accuracy) = plt.subplots(
        1, 2, figsize=(9, 4.4), dpi=100, sharey=True, gridspec_kw={"width_ratios": [3, 2]}
    )
    speed.barh(y, [x["chars_per_s"] for x in rows], color=colors)
    speed.set_xscale("log")
    speed.set_xlabel("chars/s on one core (log scale)", fontsize=8)
    for yi, x in zip(y, rows, strict=True):
        speed.text(x["chars_per_s"] * 1.08, yi, f"{x['chars_per_s'] / 1000:,.0f}k", va="center", fontsize=7)
    speed.set_xlim(3e3, max(x["chars_per_s"] for x in rows) * 4)
    speed.set_yticks(y, [f"{x['corpus']} · {r['labels'][x['peer']]}" for x in rows], fontsize=8)
    speed.invert_yaxis()
    accuracy.barh(y, [s["all"] for s in scores], color=colors, alpha=0.45, label="all files of the language")
    others = [(yi, s["others"]) for yi, s in zip(y, scores, strict=True) if s["others"] is not None]
    accuracy.scatter(
        [o for _, o in others],
        [yi for yi, _ in others],
        marker="|",
        s=120,
        color="black",
        label="not its own test file",
    )
    accuracy.set_xlim(0, 100)
    accuracy.set_xlabel("conformance value accuracy, %", fontsize=8)
    for yi, score in zip(y, scores, strict=True):
        accuracy.text(score["all"] + 1.5, yi, f"{score['all']:.0f}", va="center", fontsize=7)
    accuracy.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=2, frameon=False)
    for ax in (speed, accuracy):
        ax.tick_params(labelsize=8)
        ax.grid(True, axis="x", alpha=0.3)
    fig.suptitle(f"Same corpora ({r['mb']:g} MiB of fixture news per language), one core each", fontsize=10)
    fig.tight_layout()
    fig.savefig(path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=1, help="corpus size in MiB of UTF-8 (default 1)")
    ap.add_argument("--only", help="comma-separated extractor names (default: all installed)")
    ap.add_argument("--chart", default=str(ROOT / "docs" / "bench-peers.png"), help="PNG to write; '' for none")
    ap.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    ap.add_argument("--score", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        name, corpus, mb = args.child
        print(json.dumps(child(name, corpus, float(mb), args.score)))
        return

    import platform

    import bench  # for the same pinning and CPU name as scripts/bench.py
    from bench_peer_adapters import PEERS, installed

    names = args.only.split(",") if args.only else [n for n in PEERS if installed(n)]
    missing = [n for n in PEERS if n not in names]
    result = {
        "cpu": bench.cpu_model(),
        "python": platform.python_version(),
        "pinning": bench.pin_one_core(),
        "mb": args.mb,
        "corpora": [c for c in CORPORA if sources(c)],
        "runs": [],
        "scores": {},
        "labels": {n: PEERS[n].label for n in PEERS},
        "not_run": missing,
    }
    for corpus in result["corpora"]:
        scored = {CORPORA[c] for c in result["corpora"][: result["corpora"].index(corpus)]}
        for name in (n for n in names if CORPORA[corpus] in PEERS[n].langs):
            run = run_child(name, corpus, args.mb, score=CORPORA[corpus] not in scored)
            if "conformance" in run:
                result["scores"][(name, CORPORA[corpus])] = run.pop("conformance")
            result["runs"].append(run)
            print(f"{corpus} {name}: {run['chars_per_s']:,.0f} chars/s", file=sys.stderr)
    if args.chart:
        chart(result, Path(args.chart))
    if args.json:
        result["scores"] = [{"peer": p, "lang": lang, **s} for (p, lang), s in result["scores"].items()]
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(markdown(result))
        if missing:
            print(f"\nnot installed, not run: {', '.join(missing)}")


if __name__ == "__main__":
    main()
