"""Conformance accuracy of any extractor, scored by scripts/conformance.py's matching code
(the code that scores claimcheck) on the claim-like records that bench_peer_adapters makes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path


def score_file(find: Callable[[str], list], path: Path) -> dict:
    """conformance.py's score_case, with the extractor's records in place of claims."""
    from conformance import SCORED_KINDS, best_claim, in_scope, value_hit

    tally = {"cases": 0, "entities": 0, "value_hits": 0, "negatives": 0, "false_positives": 0, "errors": 0}
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        tally["cases"] += 1
        try:
            found = find(case["input"])
        except Exception:  # a peer that crashes on a case scores a miss there, counted
            found, tally["errors"] = [], tally["errors"] + 1
        if not case["expected"]:
            tally["negatives"] += 1
            tally["false_positives"] += any(in_scope(c, case["scope"]) for c in found)
        for entity in (e for e in case["expected"] if e["kind"] in SCORED_KINDS):
            tally["entities"] += 1
            best = best_claim(found, entity)
            tally["value_hits"] += best is not None and value_hit(best, entity)
    return tally


def score_language(find: Callable[[str], list], lang: str, data: Path, own: str | None) -> dict:
    """Value accuracy over every file of the language, and over the files not made from the
    extractor's own tests (None when there are none)."""
    files = {p.stem: score_file(find, p) for p in sorted(data.glob(f"*_{lang}.jsonl"))}

    def accuracy(stems: list[str]) -> float | None:
        entities = sum(files[s]["entities"] for s in stems)
        return 100 * sum(files[s]["value_hits"] for s in stems) / entities if entities else None

    others = [s for s in files if not (own and s.startswith(own + "_"))]
    return {"all": accuracy(list(files)), "others": accuracy(others) if own else None, "files": files}
