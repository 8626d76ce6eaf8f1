"""A stand-in verifier for the gate's tests, so they do not depend on the real one's rules.

The fake reference table is a JSON object from claim text to status; a claim whose text is
not in it is unsourced. `install` puts the fake in place of claimcheck.references.tables and
claimcheck.verification.verifier (worker processes forked afterwards inherit it).
"""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

from claimcheck.errors import ClaimcheckError
from claimcheck.models import Claim, ReferenceRow, Verdict


class FakeTableError(ClaimcheckError):
    pass


def load_references(path, encoding=None, units=(), **limits) -> dict[str, str]:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FakeTableError(f"{path}: not a reference table ({type(exc).__name__})") from None


def index_references(tables: dict[str, str] | list[dict[str, str]]) -> dict[str, str]:
    """One table, or several whose entries add up (the later wins on the same text)."""
    if isinstance(tables, dict):
        return tables
    return {text: status for table in tables for text, status in table.items()}


def verify(claims: list[Claim], references: dict[str, str], *, approximation=None, explain=False) -> list[Verdict]:
    verdicts = []
    for claim in claims:
        status = references.get(claim.text, "unsourced")
        row = None
        if status != "unsourced":
            row = ReferenceRow(id=f"row-{claim.text}", table="fake", row=2, value=1, value_text="1")
        verdicts.append(Verdict(claim_id=claim.id, status=status, reason=f"fake says {status}", reference=row))
    return verdicts


def install(monkeypatch) -> None:
    from claimcheck.checking import jobs as run

    references = types.ModuleType("claimcheck.references.tables")
    references.load_references = load_references
    verifier = types.ModuleType("claimcheck.verification.verifier")
    verifier.verify = verify
    verifier.index_references = index_references
    monkeypatch.setitem(sys.modules, "claimcheck.references.tables", references)
    monkeypatch.setitem(sys.modules, "claimcheck.verification.verifier", verifier)
    monkeypatch.setattr(run, "_tables", {})


def write_table(path: Path, statuses: dict[str, str]) -> Path:
    path.write_text(json.dumps(statuses, ensure_ascii=False), encoding="utf-8")
    return path
