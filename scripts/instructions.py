"""Instructions per extraction, counted by valgrind (callgrind): a measure of the engine's
work that other processes on the machine cannot inflate, as CPU time on a shared VM can.

    python scripts/instructions.py                       # this checkout's src, every corpus
    python scripts/instructions.py /tmp/old /tmp/new     # each a directory holding src/
    python scripts/instructions.py --corpus seed --repeat 20

For each build and corpus the Python process is counted twice under callgrind: once loading
the rules and extracting the corpus once (the grammar and the pattern families are compiled
then), once doing the same and then `--repeat` more extractions. The difference divided by
`--repeat` is one extraction's instructions. Corpora: `zh`, `en` (the fixture articles
repeated to 100 KB of UTF-8, as scripts/bench.py builds its corpora), `zh-seed` (the shared
seed article repeated to 100 KB, where present) and `seed` (the seed article once). Under
callgrind a run is about 50 times slower than natively.

Every process runs with PYTHONHASHSEED=0: string hashes are otherwise drawn anew for each
process, and the order they give to sets and dicts of words moves one seed extraction's count
by up to 3 % from one process to the next. Each build is run once natively before it is
counted, so that neither counted process compiles the build's modules to bytecode.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_WORK = """
import sys
sys.path.insert(0, sys.argv[1])
sys.path.insert(1, sys.argv[2])
import bench, claimcheck
which, repeat = sys.argv[3], int(sys.argv[4])
if which == "seed":
    text, lang = "\\n".join(p.read_text(encoding="utf-8") for p in bench.sources("zh-seed")), "zh"
else:
    text, lang = bench.corpus(which, 100_000 / bench.MIB), which.split("-")[0]
claimcheck.extract(text, lang=lang)
for _ in range(repeat):
    claimcheck.extract(text, lang=lang)
"""


_FIXED_HASHES = {**os.environ, "PYTHONHASHSEED": "0"}


def _work(src: Path, corpus: str, repeat: int) -> list[str]:
    return [sys.executable, "-c", _WORK, str(src), str(ROOT / "scripts"), corpus, str(repeat)]


def counted(src: Path, corpus: str, repeat: int) -> int:
    """Instructions of a process that loads the rules and extracts `corpus` 1 + `repeat` times."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *_work(src, corpus, repeat)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=_FIXED_HASHES)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        sys.exit(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("builds", nargs="*", type=Path, help="directories holding src/ (default: this checkout)")
    ap.add_argument("--corpus", default="zh,en,seed", help="comma-separated: zh, en, zh-seed, seed")
    ap.add_argument("--repeat", type=int, default=4, help="extractions counted beyond the first (default 4)")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed: instructions cannot be counted here")
    builds = args.builds or [ROOT]
    corpora = [c for c in args.corpus.split(",") if c]
    print("| build | " + " | ".join(f"{c} (instructions per extraction)" for c in corpora) + " |")
    print("|---|" + "---:|" * len(corpora))
    for build in builds:
        src = build / "src"
        subprocess.run(_work(src, corpora[0], 0), check=True, env=_FIXED_HASHES)  # bytecode written
        cells = [(counted(src, c, args.repeat) - counted(src, c, 0)) // args.repeat for c in corpora]
        print(f"| {build} | " + " | ".join(f"{n:,}" for n in cells) + " |", flush=True)


if __name__ == "__main__":
    main()
