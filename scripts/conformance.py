"""Score claimcheck against the peer projects' conformance data (a report, not a test).

    python scripts/conformance.py                     # table per file, zh and en totals
    python scripts/conformance.py --show-misses 10    # plus up to 10 misses per file
    python scripts/conformance.py --file duckling_zh --json
    python scripts/conformance.py --engine            # every number read, claim or not

The data (../shared/conformance relative to the repo root, or --data DIR) is read at run
time and never copied here; its README.md documents the fields. An expected entity is
matched by the best claim whose span overlaps it. It is a *value hit* when the values agree
(relative tolerance 1e-6) after converting units with claimcheck.rules.canonical_units();
ordinals are skipped. A negative case (`expected: []`) scores a false positive when any
claim falls in its scope. Exit status: 0 always, 2 when the data is missing.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import claimcheck
from claimcheck.engine.extract import readings
from claimcheck.rules import canonical_units

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "conformance"
PERCENT_UNITS = frozenset({"percent", "percentage_point"})
SCORED_KINDS = {"number", "percent", "money", "dimension", "duration", "age", "temperature", "count"}
SKIPPED_KINDS = {"ordinal"}  # claimcheck does not report ranks yet
# The data's unit names where they differ from canonical.toml's (and age_year, which is a year).
UNIT_ALIASES = {
    "%": "percent",
    "age_year": "year",
    "pence": "penny",
    "sq mi": "mi2",
    "cm3": "mL",
    "megawatt hour": "MWh",
    "watt hour": "Wh",
    "centilitre": "cL",
    "electronvolt": "eV",
    "gray": "Gy",
    "milligray": "mGy",
}
GENERIC_MONEY = {"dollar", "pound", "franc", "rupee"}  # names that do not fix one currency
MONEY_SUBUNITS = {"cent": 0.01, "penny": 0.01}  # a hundredth of whichever main currency
TEMPERATURES = {"degC", "degF", "K", "degree"}
# Units that leave the scale open: they agree with any of these units, number for number.
UNSPECIFIED = {"degree": TEMPERATURES, "ton": {"t", "ton"}}
UNITS = canonical_units()
COLUMNS = [
    ("cases", "cases"),
    ("scored", "entities"),
    ("value hits", "value_hits"),
    ("acc %", "value_accuracy"),
    ("span exact", "span_exact"),
    ("neg", "negatives"),
    ("FP", "false_positives"),
    ("ordinals skipped", "skipped_ordinals"),
]


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-12)


def dimension(unit: str | None) -> str:
    return UNITS[unit][0] if unit in UNITS else ""


def expected_in_claim_unit(value: float, unit: str | None, claim_unit: str | None) -> float | None:
    """The expected value expressed in the claim's unit, or None if the units are incompatible."""
    unit, claim_unit = UNIT_ALIASES.get(unit, unit), UNIT_ALIASES.get(claim_unit, claim_unit)
    if unit is None or unit == claim_unit:
        return value
    if claim_unit is None:
        return None
    if any(vague in (unit, claim_unit) and {unit, claim_unit} <= units for vague, units in UNSPECIFIED.items()):
        return value
    if dimension(unit) and dimension(unit) == dimension(claim_unit):
        return value * UNITS[unit][1] / UNITS[claim_unit][1]
    money = dimension(unit).startswith("money") or unit in GENERIC_MONEY
    loose = GENERIC_MONEY | set(MONEY_SUBUNITS)  # disagree only when both sides name one currency
    if money and dimension(claim_unit).startswith("money") and (unit in loose or claim_unit in loose):
        return value * MONEY_SUBUNITS.get(unit, 1) / MONEY_SUBUNITS.get(claim_unit, 1)
    return None


def claim_values(claim) -> list[float]:
    return [v for v in (claim.value, claim.value_max) if v is not None]


def value_hit(claim, entity: dict) -> bool:
    if entity["kind"] == "percent":  # the data and claimcheck both give percent units
        # a percentage as claimcheck reads it: a percent, or a change in percent or in points
        wanted = entity["value"] if claim.unit_canonical in PERCENT_UNITS else None
    elif entity["unit"] is None and claim.unit_canonical == "percent":
        wanted = entity["value"] * 100  # 三分之一 as a number (0.333…) is 33.3… percent
    else:
        wanted = expected_in_claim_unit(entity["value"], entity["unit"], claim.unit_canonical)
    return wanted is not None and any(close(v, wanted) for v in claim_values(claim))


def exact_span(claim, entity: dict) -> bool:
    return (claim.start, claim.end) == (entity["start"], entity["end"])


def best_claim(claims: list, entity: dict):
    """Among the claims overlapping the entity's span, the one that agrees best (or None)."""
    overlapping = [c for c in claims if c.start < entity["end"] and entity["start"] < c.end]

    def rank(c):
        overlap = min(c.end, entity["end"]) - max(c.start, entity["start"])
        same_number = any(close(v, entity["value"]) for v in claim_values(c))
        return (value_hit(c, entity), same_number, exact_span(c, entity), overlap)

    return max(overlapping, key=rank, default=None)


def in_scope(claim, scope: list[str]) -> bool:
    """Whether a claim is of a kind that a negative case says is absent."""
    unit = claim.unit_canonical
    checks = {
        "all": True,
        "number": True,
        "percent": claim.kind == "percent",
        "money": claim.kind == "money",
        "dimension": claim.kind == "quantity" and unit is not None,
        "duration": claim.kind == "duration",
        "age": unit == "age_year",
        "temperature": unit in TEMPERATURES,
    }
    return any(checks.get(s, False) for s in scope)


def claim_record(claim) -> dict:
    return {
        "kind": claim.kind,
        "text": claim.text,
        "value": claim.value,
        "value_max": claim.value_max,
        "unit": claim.unit_canonical,
    }


def score_case(case: dict, tally: dict, engine: bool) -> None:
    """Add one case's counts (and its misses) to the file's tally.

    With `engine`, every number the engine read counts, also those it then drops as no
    claim (a lone 十, a year, "one"): that scores the number and unit reading itself.
    False positives on negative cases are always counted on the claims reported.
    """
    tally["cases"] += 1
    read = readings if engine else claimcheck.extract
    claims = read(case["input"], lang=case["lang"])
    reported = claimcheck.extract(case["input"], lang=case["lang"]) if engine else claims
    miss = {"id": case["id"], "input": case["input"], "expected": None}
    if not case["expected"]:
        tally["negatives"] += 1
        wrong = [claim_record(c) for c in reported if in_scope(c, case["scope"])]
        tally["false_positives"] += bool(wrong)
        if wrong:
            tally["misses"].append({**miss, "got": wrong})
    for entity in case["expected"]:
        tally["skipped_ordinals"] += entity["kind"] in SKIPPED_KINDS
        if entity["kind"] not in SCORED_KINDS:
            continue
        tally["entities"] += 1
        claim = best_claim(claims, entity)
        hit = claim is not None and value_hit(claim, entity)
        tally["value_hits"] += hit
        tally["span_exact"] += claim is not None and exact_span(claim, entity)
        if not hit:
            expected = {key: entity[key] for key in ("kind", "text", "value", "unit")}
            tally["misses"].append({**miss, "expected": expected, "got": [claim_record(c) for c in claims]})


def score_file(path: Path, engine: bool) -> dict:
    tally = {"file": path.stem, "lang": None, "misses": []}
    tally.update({key: 0 for _, key in COLUMNS if key != "value_accuracy"})
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            case = json.loads(line)
            tally["lang"] = tally["lang"] or case["lang"]
            score_case(case, tally, engine)
    return tally


def with_totals(results: list[dict]) -> list[dict]:
    """The per-file rows, a total row per language, and each row's value accuracy in %."""
    rows = list(results)
    for lang in ("zh", "en"):
        same = [r for r in results if r["lang"] == lang]
        if len(same) > 1:
            counts = {key: sum(r[key] for r in same) for _, key in COLUMNS if key != "value_accuracy"}
            rows.append({"file": f"total {lang}", "lang": lang, **counts})
    for r in rows:
        r["value_accuracy"] = round(100 * r["value_hits"] / r["entities"], 1) if r["entities"] else 0.0
    return rows


def print_table(rows: list[dict]) -> None:
    header = f"{'file':<16}" + "".join(f"{title:>{len(title) + 4}}" for title, _ in COLUMNS)
    print(header + "\n" + "-" * len(header))
    for r in rows:
        print(f"{r['file']:<16}" + "".join(f"{r[key]:>{len(title) + 4}}" for title, key in COLUMNS))


def describe(item: dict) -> str:
    upper = "" if item.get("value_max") is None else f"..{item['value_max']:.12g}"
    value = "-" if item["value"] is None else f"{item['value']:.12g}"  # a comparison may have no value
    return f"{item['kind']} {item['text']!r}={value}{upper} {item['unit'] or '-'}"


def print_misses(results: list[dict], limit: int) -> None:
    for r in results:
        if r["misses"] and limit > 0:
            print(f"\n== {r['file']}: {len(r['misses'])} misses (first {min(limit, len(r['misses']))})")
        for miss in r["misses"][:limit]:
            print(f"  {miss['id']}: {miss['input']!r}")
            print(f"    expected: {describe(miss['expected']) if miss['expected'] else 'nothing (negative case)'}")
            print(f"    got:      {'; '.join(describe(c) for c in miss['got']) or 'nothing'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="conformance data directory")
    parser.add_argument("--file", help="score one file only (e.g. duckling_zh)")
    parser.add_argument("--show-misses", type=int, default=0, metavar="N", help="show up to N misses per file")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--engine", action="store_true", help="score every number read, not only claims")
    args = parser.parse_args(argv)

    paths = sorted(args.data.glob("*.jsonl")) if args.data.is_dir() else []
    if args.file:
        paths = [p for p in paths if p.stem == args.file.removesuffix(".jsonl")]
    if not paths:
        wanted = f"{args.file.removesuffix('.jsonl')}.jsonl" if args.file else "*.jsonl"
        print(f"conformance: no {wanted} in data directory {args.data}", file=sys.stderr)
        return 2
    results = [score_file(p, args.engine) for p in paths]
    rows = with_totals(results)
    if args.json:
        for r in results:
            r["misses"] = r["misses"][: args.show_misses]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print_table(rows)
        print_misses(results, args.show_misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
