"""Score `claimcheck verify` on a newsroom set against what a fact-checker expects.

    python scripts/newsroom.py              # the wire set: the totals, and every claim whose verdict differs
    python scripts/newsroom.py --json       # the same as JSON
    python scripts/newsroom.py --set series # another set: fixtures/newsroom/series/

A set is a folder of fixtures/newsroom/: wire-copy drafts, the desk's table and, per draft,
e2e_<draft>.toml: the table's file name (`table`) and the expected verdict of every claim
(status, and the row for sourced and mismatch), with `planted = true` on the errors written
into a draft on purpose. A figure with no row of its own, checked by arithmetic on rows the
table does hold, is expected with `operation` and `rows` (the ids of the rows used): the
verdict agrees when its `computation` has that operation and that set of rows. The drafts
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
SETS = ROOT / "fixtures" / "newsroom"
WIRE = SETS / "wire"


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
    operation: str | None = None  # a computed figure: the computation's operation
    rows: list[str] | None = None  # and the ids of the rows it uses, in any order

    def computed_by(self, operation: str | None, rows: list[str]) -> bool:
        """Whether a verdict's computation is the expected one (true when none is expected)."""
        return self.operation is None or (operation == self.operation and set(rows) == set(self.rows or ()))


@dataclass
class Outcome:
    expected: Expected | None
    status: str | None  # what claimcheck said; None when the claim was not reported
    row: str | None
    reason: str = ""
    draft: str = ""
    line: int = 0
    text: str = ""
    operation: str | None = None  # the verdict's computation, when it has one
    rows: list[str] = field(default_factory=list)

    @property
    def agrees(self) -> bool:
        if self.expected is None or self.status != self.expected.status:
            return False
        if self.status == "unsourced":
            return True
        return self.row == self.expected.row and self.expected.computed_by(self.operation, self.rows)

    @property
    def same_figure(self) -> bool:
        """Backed or contradicted by the expected row, or, for a figure expected computed from
        levels alone, by the expected computation (a direct row's cross-check does not count)."""
        if self.row != self.expected.row:
            return False
        return self.expected.row is not None or self.expected.computed_by(self.operation, self.rows)


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
            if o.status == "sourced" and (o.expected is None or o.expected.status != "sourced" or not o.same_figure)
        ]

    @property
    def planted(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.expected is not None and o.expected.planted]

    @property
    def planted_caught(self) -> list[Outcome]:
        return [o for o in self.planted if o.status == "mismatch" and o.same_figure]

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
    return {draft: entries for draft, (_, entries) in _read(wire).items()}


def _read(wire: Path) -> dict[str, tuple[str, list[Expected]]]:
    """Per draft file name: the table it is checked against and the expected verdicts."""
    found: dict[str, tuple[str, list[Expected]]] = {}
    for path in sorted(wire.glob("e2e_*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        entries = [Expected(draft=data["draft"], **entry) for entry in data["claim"]]
        found[data["draft"]] = (data.get("table", "desk.csv"), entries)
    return found


def table_of(wire: Path = WIRE) -> str:
    """The one table every draft of the set is checked against."""
    tables = {table for table, _ in _read(wire).values()}
    if len(tables) != 1:
        raise RuntimeError(f"{wire}: the e2e files must name one table, not {sorted(tables) or 'none'}")
    return tables.pop()


def verified(drafts: list[str], table: str, wire: Path = WIRE) -> dict:
    """`claimcheck verify -f json` on the drafts, run from the set's folder."""
    command = [sys.executable, "-m", "claimcheck", "verify", *drafts, "--refs", table, "-f", "json"]
    run = subprocess.run(command, cwd=wire, capture_output=True, text=True, encoding="utf-8", timeout=300)
    if run.returncode not in (0, 1):
        raise RuntimeError(f"claimcheck verify exited {run.returncode}: {run.stderr.strip()}")
    return json.loads(run.stdout)


def score(wire: Path = WIRE) -> Score:
    expected = expectations(wire)
    report = verified(list(expected), table_of(wire), wire)
    result = Score()
    for document in report["documents"]:
        draft = Path(document["source"]).name
        waiting = {(e.line, e.text): e for e in expected.get(draft, [])}
        for claim in document["claims"]:
            verdict = claim.get("verdict") or {}
            row = (verdict.get("reference") or {}).get("id")
            computation = verdict.get("computation") or {}
            entry = waiting.pop((claim["line"], claim["text"]), None)
            result.outcomes.append(
                Outcome(
                    entry,
                    verdict.get("status"),
                    row,
                    verdict.get("reason", ""),
                    draft,
                    claim["line"],
                    claim["text"],
                    computation.get("operation"),
                    [used["id"] for used in computation.get("rows", [])],
                )
            )
        for entry in waiting.values():
            result.outcomes.append(Outcome(entry, None, None, "", draft, entry.line, entry.text))
    return result


def _describe(o: Outcome) -> str:
    want = "not expected" if o.expected is None else f"{o.expected.status} {o.expected.row or ''}".strip()
    if o.expected is not None and o.expected.operation:
        want += _computation(o.expected.operation, o.expected.rows or [])
    got = "not reported" if o.status is None else f"{o.status} {o.row or ''}".strip()
    if o.operation:
        got += _computation(o.operation, o.rows)
    return f"{o.draft}:{o.line} {o.text!r}: expected {want}, got {got}. {o.reason}"


def _computation(operation: str, rows: list[str]) -> str:
    shown = rows if len(rows) <= 4 else [*rows[:2], "…", rows[-1], f"{len(rows)} rows"]
    return f" [{operation} of {', '.join(shown)}]"


def set_folder(name: str) -> Path:
    """fixtures/newsroom/<name>, a set with at least one e2e file."""
    folder = SETS / name
    if "/" in name or "\\" in name or name in ("", ".", "..") or not any(folder.glob("e2e_*.toml")):
        raise RuntimeError(f"no set named {name!r} in {SETS.relative_to(ROOT)} (a folder with e2e_*.toml files)")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--set", default="wire", help="the set: a folder of fixtures/newsroom/ (default: wire)")
    args = parser.parse_args(argv)
    try:
        result = score(set_folder(args.set))
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
