"""Peak memory and time of `claimcheck extract` on inputs too large to hold twice.

    python scripts/bench_hostile.py                  # 200 MiB of articles, and a 10 MiB line
    python scripts/bench_hostile.py --mib 20 --line-mib 2

The inputs are generated under the system's temporary folder (never in the repository) from
the fixture articles: the large one repeats them whole, Chinese and English, line breaks
kept; the long line is the same text with every line break made a space. Each copy opens
every sentence with a word of its own (letters, no figure), so that no sentence repeats: a
claim's id is counted per sentence, and repeated sentences would hide that memory. Each runs as its
own process, `claimcheck extract FILE -f jsonl -o OUT --max-bytes 0`, and its peak resident
memory is the process's own maximum (getrusage through wait4).
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIB = 2**20


def articles() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt"))]


def marked(article: str, copy: int) -> str:
    """The article with a word made of `copy` (in letters) at the start of each sentence."""
    word = "".join(chr(ord("a") + int(digit)) for digit in str(copy)).capitalize()
    for end in ("。", "！", "？", ". ", "\n"):
        article = article.replace(end, f"{end}{word} " if end != ". " else f". {word} ")
    return f"{word} {article}"


def generate(path: Path, mib: float, one_line: bool) -> int:
    """Write about `mib` MiB of articles to `path`; returns the size in bytes."""
    size = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        for copy, article in enumerate(itertools.cycle(articles())):
            article = marked(article, copy)
            text = (article.replace("\n", " ") + " ") if one_line else article + "\n"
            out.write(text)
            size += len(text.encode("utf-8"))
            if size >= mib * MIB:
                return size
    return size


def run(path: Path, out: Path) -> dict:
    command = [sys.executable, "-m", "claimcheck", "extract", str(path), "-f", "jsonl", "-o", str(out)]
    started = time.perf_counter()
    process = subprocess.Popen([*command, "--max-bytes", "0"], stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if status != 0:
        sys.exit(f"claimcheck failed ({status}): {stderr}")
    with out.open(encoding="utf-8") as lines:
        claims = sum(1 for _ in lines)
    return {"seconds": seconds, "peak": usage.ru_maxrss * 1024, "claims": claims}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mib", type=float, default=200, help="size of the large input")
    parser.add_argument("--line-mib", type=float, default=10, help="size of the input that is one line")
    args = parser.parse_args()
    print(f"claimcheck, Python {platform.python_version()}, {platform.machine()}; wall-clock seconds\n")
    print("| input | bytes | claims | seconds | MB/s | peak RSS | peak ÷ input |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as folder:
        for name, mib, one_line in (("articles", args.mib, False), ("one line", args.line_mib, True)):
            path, out = Path(folder) / f"{name}.txt", Path(folder) / "out.jsonl"
            size = generate(path, mib, one_line)
            row = run(path, out)
            path.unlink()
            out.unlink()
            print(
                f"| {name} | {size:,} | {row['claims']:,} | {row['seconds']:.0f} | {size / MIB / row['seconds']:.2f} "
                f"| {row['peak'] / MIB:,.0f} MiB | {row['peak'] / size:.2f}× |",
                flush=True,
            )


if __name__ == "__main__":
    main()
