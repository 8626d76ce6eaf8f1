"""Score `claimcheck verify` on the newsroom wire set against what a fact-checker expects.

    python scripts/newsroom.py              # the totals, and every claim whose verdict differs
    python scripts/newsroom.py --json       # the same as JSON

fixtures/newsroom/wire/ holds wire-copy drafts, the desk's table (desk.csv) and, per draft,
e2e_<draft>.toml: the expected verdict of every claim (status, and the row for sourced and
mismatch), with `planted = true` on the errors written into a draft on purpose. The drafts
are verified in one run of the command line, as a desk runs it. Counted:

- false mismatch: reported `mismatch` where the expected verdict is not a mismatch;
- planted caught: planted errors reported `mismatch` against the expected row;
- other-frame sourcing: reported `sourced` where the expected verdict is not that row;
- agreement: claims whose status (and row) are the expected ones.

A claim reported but not expected, or expected but not reported, is listed too: the set
must say what it expects of every claim. Exit status 0; 2 when the set cannot be read.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIRE = ROOT / "fixtures" / "newsroom" / "wire"


@dataclass
class Expected:
    draft: str
    line: int
    text: str
    status: str
    row: str | None = None
    planted: bool = False
    note: str = ""
    xfail: str | None = None


@dataclass
class Outcome:
    expected: Expected | None
    status: str | None  # what claimcheck said; None when the claim was not reported
    row: str | None
    reason: str = ""
    draft: str = ""
    line: int = 0
    text: str = ""

    @property
    def agrees(self) -> bool:
        if self.expected is None or self.status != self.expected.status:
            return False
        return self.status == "unsourced" or self.row == self.expected.row


@dataclass
class Score:
    outcomes: list[Outcome] = field(default_factory=list)

    def _reported(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status is not None]

    @property
    def claims(self) -> int:
        return len(self._reported())

    @property
    def false_mismatches(self) -> list[Outcome]:
        return [
            o
            for o in self._reported()
            if o.status == "mismatch" and (o.expected is None or o.expected.status != "mismatch")
        ]

    @property
    def other_frame_sourced(self) -> list[Outcome]:
        return [
            o
            for o in self._reported()
            if o.status == "sourced"
            and (o.expected is None or (o.expected.status, o.expected.row) != ("sourced", o.row))
        ]

    @property
    def planted(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.expected is not None and o.expected.planted]

    @property
    def planted_caught(self) -> list[Outcome]:
        return [o for o in self.planted if o.status == "mismatch" and o.row == o.expected.row]

    @property
    def unexpected(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.expected is None]

    @property
    def not_reported(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status is None]

    @property
    def disagreeing(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.agrees]

    def totals(self) -> dict[str, object]:
        statuses = [o.status for o in self._reported()]
        return {
            "drafts": len({o.draft for o in self.outcomes}),
            "claims": self.claims,
            "sourced": statuses.count("sourced"),
            "mismatch": statuses.count("mismatch"),
            "unsourced": statuses.count("unsourced"),
            "false mismatches": len(self.false_mismatches),
            "false mismatches per 100 claims": round(100 * len(self.false_mismatches) / max(self.claims, 1), 2),
            "planted errors": len(self.planted),
            "planted caught": len(self.planted_caught),
            "other-frame sourcing": len(self.other_frame_sourced),
            "agreeing": len(self.outcomes) - len(self.disagreeing),
            "expected but not reported": len(self.not_reported),
            "reported but not expected": len(self.unexpected),
        }


def expectations(wire: Path = WIRE) -> dict[str, list[Expected]]:
    """The expected verdicts, per draft file name."""
    found: dict[str, list[Expected]] = {}
    for path in sorted(wire.glob("e2e_*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        found[data["draft"]] = [Expected(draft=data["draft"], **entry) for entry in data["claim"]]
    return found


def verified(drafts: list[str], table: str, wire: Path = WIRE) -> dict:
    """`claimcheck verify -f json` on the drafts, run from the set's folder."""
    command = [sys.executable, "-m", "claimcheck", "verify", *drafts, "--refs", table, "-f", "json"]
    run = subprocess.run(command, cwd=wire, capture_output=True, text=True, encoding="utf-8", timeout=300)
    if run.returncode not in (0, 1):
        raise RuntimeError(f"claimcheck verify exited {run.returncode}: {run.stderr.strip()}")
    return json.loads(run.stdout)


def score(wire: Path = WIRE) -> Score:
    expected = expectations(wire)
    report = verified(list(expected), "desk.csv", wire)
    result = Score()
    for document in report["documents"]:
        draft = Path(document["source"]).name
        waiting = {(e.line, e.text): e for e in expected.get(draft, [])}
        for claim in document["claims"]:
            verdict = claim.get("verdict") or {}
            row = (verdict.get("reference") or {}).get("id")
            entry = waiting.pop((claim["line"], claim["text"]), None)
            result.outcomes.append(
                Outcome(
                    entry, verdict.get("status"), row, verdict.get("reason", ""), draft, claim["line"], claim["text"]
                )
            )
        for entry in waiting.values():
            result.outcomes.append(Outcome(entry, None, None, "", draft, entry.line, entry.text))
    return result


def _describe(o: Outcome) -> str:
    want = "not expected" if o.expected is None else f"{o.expected.status} {o.expected.row or ''}".strip()
    got = "not reported" if o.status is None else f"{o.status} {o.row or ''}".strip()
    return f"{o.draft}:{o.line} {o.text!r}: expected {want}, got {got}. {o.reason}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
    try:
        result = score()
    except (OSError, RuntimeError, tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        print(f"newsroom: {exc}", file=sys.stderr)
        return 2
    totals = result.totals()
    if args.json:
        print(
            json.dumps(
                {"totals": totals, "differing": [_describe(o) for o in result.disagreeing]},
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    for name, value in totals.items():
        print(f"{name:>32}: {value}")
    for outcome in result.disagreeing:
        print(_describe(outcome))
    return 0


if __name__ == "__main__":
    sys.exit(main())
