"""What hovering on a claim shows: its record (kind, value, unit, period, subject) and its
verdict (the reason, the row and where it comes from, the working of a computed figure), as
Markdown."""

from __future__ import annotations

from claimcheck.models import Claim, Verdict
from claimcheck.verdicts import ReferenceRow


def _code(text: str) -> str:
    return "`" + text.replace("`", "'").replace("\n", " ") + "`"


def _number(value: float | int | None) -> str:
    if value is None:
        return "?"
    return f"{value:,}" if isinstance(value, int) or float(value).is_integer() else f"{value:,.6g}"


def _period(claim: Claim) -> str | None:
    period = claim.frame.period if claim.frame else None
    if period is None or period.start is None:
        return claim.time.text if claim.time else None
    span = period.start if period.end in (None, period.start) else f"{period.start} – {period.end}"
    return f"{span} ({period.how})"


def _record(claim: Claim) -> list[str]:
    value = _number(claim.value) + (f" – {_number(claim.value_max)}" if claim.value_max is not None else "")
    unit = claim.unit_canonical or claim.unit
    lines = [f"**{claim.kind}** {_code(claim.text)}: {value}" + (f" {unit}" if unit else "")]
    facts = [
        ("period", _period(claim)),
        ("subject", (claim.frame.entity.text if claim.frame and claim.frame.entity else None) or _text(claim.subject)),
        ("metric", (claim.frame.metric.text if claim.frame and claim.frame.metric else None) or _text(claim.metric)),
        ("qualifier", claim.qualifier if claim.qualifier != "exact" else None),
    ]
    lines += [f"- {name}: {value}" for name, value in facts if value]
    return lines


def _text(span) -> str | None:
    return span.text if span is not None else None


def _row(row: ReferenceRow) -> str:
    what = " · ".join(part for part in (row.subject, row.metric, row.as_of) if part)
    unit = f" {row.unit}" if row.unit else ""
    source = f"; source: {row.source}" if row.source else ""
    return (
        f"row {row.row} of {_code(row.table)} ({_code(row.id)}): {row.value_text}{unit}"
        + (f" — {what}" if what else "")
        + source
    )


def hover_text(claim: Claim, verdict: Verdict | None) -> str:
    lines = _record(claim)
    if verdict is None:
        return "\n".join([*lines, "", "_No reference table: the claim is not verified._"])
    lines += ["", f"**{verdict.status}**: {verdict.reason}"]
    if verdict.reference is not None:
        lines.append(f"- {_row(verdict.reference)}")
    if verdict.computation is not None:
        computed = verdict.computation
        lines.append(f"- computed ({computed.operation}): {_code(computed.expression)}")
        lines += [
            f"  - row {used.row} of {_code(used.table)} ({_code(used.id)}): {used.value_text}"
            + (f" — {used.subject}" if used.subject else "")
            + (f", {used.as_of}" if used.as_of else "")
            for used in computed.rows
        ]
        if computed.missing:
            lines.append(f"  - missing: {', '.join(computed.missing)}")
    return "\n".join(lines)
