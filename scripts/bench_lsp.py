"""How fast the language server answers an edit of a long draft, measured in-process.

    python scripts/bench_lsp.py                  # a 200 KB Markdown draft, 40 edits
    python scripts/bench_lsp.py --kb 500 --edits 100 --format html

The draft is built from the newsroom's wire drafts (fixtures/newsroom/wire, Chinese and
English), their paragraphs repeated with the first figure of each copy changed so that no two
paragraphs are the same; it is checked against the desk's table (desk.csv) through a
claimcheck.toml in a temporary folder, as `claimcheck lsp` finds it. The first full read is
timed, then each edit: one figure of one paragraph changed, chosen at random, applied to the
document as the editor sends it (an incremental didChange) and timed until the diagnostics
are built (the JSON sent to the editor aside), as wall-clock time and as the process's CPU
time (which other work on a shared machine disturbs less). The debounce delay is not counted.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import regex
from lsprotocol import types
from pygls.workspace import TextDocument

ROOT = Path(__file__).resolve().parents[1]
WIRE = ROOT / "fixtures" / "newsroom" / "wire"
FIGURE = regex.compile(r"\d+")


def paragraphs() -> list[str]:
    found = []
    for path in sorted(WIRE.glob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        found += [block.strip() for block in body.split("\n\n") if FIGURE.search(block) and len(block.strip()) > 40]
    return found


def draft(size: int, fmt: str) -> str:
    pool, out, total, copy = paragraphs(), [], 0, 0
    head = (WIRE / "harbor-pine-q3.md").read_text(encoding="utf-8").split("\n\n")[0] + "\n\n"
    while total < size:
        copy += 1
        for block in pool:
            block = FIGURE.sub(lambda m, copy=copy: str(int(m.group()) + copy), block, count=1)
            block = f"<p>{block}</p>" if fmt == "html" else block
            out.append(block)
            total += len(block.encode("utf-8")) + 2
            if total >= size:
                break
    return (head if fmt == "markdown" else "") + "\n\n".join(out) + "\n"


def edit(document: TextDocument, rng: random.Random) -> types.TextDocumentContentChangePartial:
    """One figure of a paragraph chosen at random, written one higher."""
    text = document.source
    figures = list(FIGURE.finditer(text, len(text) // 50))
    figure = rng.choice(figures)
    start = document.client_position_at_offset(figure.start())
    end = document.client_position_at_offset(figure.end())
    return types.TextDocumentContentChangePartial(types.Range(start, end), str(int(figure.group()) + 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kb", type=int, default=200, help="size of the draft in KB (default 200)")
    parser.add_argument("--edits", type=int, default=40, help="edits to time (default 40)")
    parser.add_argument("--format", choices=["markdown", "html", "text"], default="markdown")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    from claimcheck.lsp.drafts import Draft, collector_paused
    from claimcheck.lsp.server import diagnostics_of

    suffix = {"markdown": ".md", "html": ".html", "text": ".txt"}[args.format]
    folder = Path(tempfile.mkdtemp(prefix="bench-lsp-"))
    try:
        shutil.copy(WIRE / "desk.csv", folder / "desk.csv")
        (folder / "claimcheck.toml").write_text('refs = "desk.csv"\n', encoding="utf-8")
        path = folder / f"draft{suffix}"
        text = draft(args.kb * 1000, args.format)
        path.write_text(text, encoding="utf-8")
        document = TextDocument(path.as_uri(), text, version=1)
        opened = Draft.open(str(path))
        started = time.perf_counter()
        with collector_paused():
            shown = diagnostics_of(opened, document.source, opened.read(document.source), "utf-16")
        first = time.perf_counter() - started
        reading = opened.reading
        assert reading is not None
        print(
            f"{len(text.encode('utf-8')) / 1000:.0f} KB {args.format} draft, {len(text):,} characters, "
            f"{sum(len(p.claims) for p in reading.placed):,} claims in {len(reading.placed):,} units, "
            f"{len(shown):,} diagnostics"
        )
        print(f"first full read: {first * 1000:.0f} ms")
        rng, times, cpu, extracted = random.Random(args.seed), [], [], []
        for version in range(2, args.edits + 2):
            change = edit(document, rng)
            started, started_cpu = time.perf_counter(), time.process_time()
            document.apply_change(change)
            document.version = version
            with collector_paused():
                shown = diagnostics_of(opened, document.source, opened.read(document.source), "utf-16")
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
            extracted.append(opened.reading.extracted)
        ms = sorted(t * 1000 for t in times)
        print(
            f"edit → diagnostics, {len(ms)} edits: median {statistics.median(ms):.1f} ms, "
            f"p90 {ms[int(len(ms) * 0.9) - 1]:.1f} ms, max {ms[-1]:.1f} ms; "
            f"units re-extracted per edit: median {statistics.median(extracted):.0f}"
        )
        print(f"CPU time of this process per edit: median {statistics.median(cpu) * 1000:.1f} ms")
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores, load {load:.2f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
