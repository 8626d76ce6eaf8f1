"""The one-line reason of a verdict, in the language and script of the claim's sentence.

The sentences are data (rules/<lang>/reasons.toml); this module fills them in.
"""

from __future__ import annotations

from claimcheck.models import Claim, ReferenceRow
from claimcheck.references.values import RANK
from claimcheck.rules.folding import is_traditional
from claimcheck.rules.reference_rules import Reasons, reference_rules


def language_of(lang: str, sentence: str) -> str:
    """Whose reasons a claim gets: its language's (the fallback language's when its own has
    none), in traditional characters when they are written so and the sentence is in them."""
    compiled = reference_rules()
    own = lang if lang in compiled.reasons else compiled.fallback
    traditional = f"{own}/traditional"
    return traditional if traditional in compiled.reasons and is_traditional(sentence) else own


def _reasons(language: str) -> Reasons:
    return reference_rules().reasons[language]


def signed(number: float) -> str:
    """+3,000, −0.25: a difference as an editor reads it."""
    if float(number).is_integer():
        return f"{int(number):+,}"
    digits = 2 if abs(number) >= 1 else 4
    return f"{number:+,.{digits}f}".rstrip("0").rstrip(".")


def _with_unit(number: str, unit: str | None) -> str:
    """12 km, 3,000輛, 12%, and a currency sign before the digits: +$10,000,000."""
    if not unit:
        return number
    if not any(char.isalnum() for char in unit) and unit != "%":
        sign = number[:1] if number[:1] in "+-" else ""
        return f"{sign}{unit}{number.removeprefix(sign)}"
    joiner = " " if unit[:1].isascii() and unit[:1].isalpha() else ""
    return f"{number}{joiner}{unit}"


def row_value(row: ReferenceRow) -> str:
    """The row's value as the table writes it, with its unit (2.61億 公里, 2671公里)."""
    if not row.unit or row.unit in row.value_text:
        return row.value_text
    if row.unit_canonical == RANK:
        return f"{row.unit} {row.value_text}"
    return _with_unit(row.value_text, row.unit)


def _parts(reasons: Reasons, row: ReferenceRow) -> dict[str, str]:
    return {
        "row": row.id,
        "value": row_value(row),
        "as_of_part": reasons.as_of_part.format(as_of=row.as_of) if row.as_of else "",
        "source_part": reasons.source_part.format(source=row.source) if row.source else "",
    }


def sourced(language: str, row: ReferenceRow) -> str:
    reasons = _reasons(language)
    return reasons.sourced.format(**_parts(reasons, row))


def mismatch(language: str, claim: Claim, row: ReferenceRow, difference: float, relative: float | None) -> str:
    reasons = _reasons(language)
    unit = claim.unit or claim.unit_canonical
    relative_text = f"{relative * 100:+.1f}%" if relative is not None else "—"
    return reasons.mismatch.format(
        **_parts(reasons, row), difference=_with_unit(signed(difference), unit), relative=relative_text
    )


def no_value(language: str) -> str:
    return _reasons(language).no_value


def no_row(language: str) -> str:
    return _reasons(language).no_row


def deceptive(claim: Claim) -> str:
    """Why a figure readers may see otherwise than claimcheck reads it is a finding."""
    reasons = _reasons(language_of(claim.lang, claim.sentence.text))
    value = f"{claim.value:,}" if claim.value is not None else claim.text
    return getattr(reasons, claim.deceptive).format(value=value)


def other_period(language: str, rows: list[ReferenceRow]) -> str:
    periods = ", ".join(dict.fromkeys(row.as_of or "" for row in rows))
    return _reasons(language).other_period.format(count=len(rows), as_of=periods)


def other_slot(language: str, slot: str, claim: Claim, claim_side: dict[str, str | None], row: ReferenceRow) -> str:
    """Why a row of another frame does not back or contradict the claim, naming the slot.
    `claim_side`: the claim's entity, basis, modality, noun and period label, as read."""
    reasons = _reasons(language)
    none = "—"
    if slot == "period":
        return reasons.other_period_of_row.format(as_of=row.as_of or none, period=claim_side["period"] or none)
    if slot == "basis":
        return reasons.other_basis.format(
            row_basis=getattr(reasons, f"basis_{row.basis or 'level'}"),
            claim_basis=getattr(reasons, f"basis_{claim_side['basis']}"),
        )
    if slot == "modality":
        return reasons.other_modality.format(
            claim_modality=getattr(reasons, f"modality_{claim_side['modality']}"),
            row_modality=getattr(reasons, f"modality_{row.modality or 'actual'}"),
        )
    if slot == "noun":
        noun = claim_side["noun"] or claim.unit or none
        return reasons.other_noun.format(row_noun=row.unit or row.metric or none, noun=noun)
    framed = row.basis is not None or row.modality is not None  # its subject names an entity
    if slot == "entity" and claim_side["entity"] and framed:
        return reasons.other_entity.format(subject=row.subject or none, entity=claim_side["entity"])
    if slot in ("entity", "metric"):
        terms = [row.subject] if slot == "entity" else [row.metric, *row.keywords]
        return reasons.other_metric.format(terms="; ".join(term for term in terms if term))
    return reasons.other_unit.format(unit=row.unit or none, claim_unit=claim.unit or claim.unit_canonical or none)


def far(language: str, row: ReferenceRow, times: float, larger: bool) -> str:
    """The nearest row of the claim's frame is ten times off or more: another figure."""
    reasons = _reasons(language)
    sentence = reasons.far_larger if larger else reasons.far_smaller
    return sentence.format(**_parts(reasons, row), times=f"{round(times):,}")


def series(language: str, count: int, unresolved: str | None) -> str:
    """The table holds the figure for several periods and the claim names none of them."""
    reasons = _reasons(language)
    if unresolved:
        return reasons.series_unresolved.format(count=count, period=unresolved)
    return reasons.series.format(count=count)


def computed(
    language: str,
    outcome: str,
    working: str,
    *,
    claim: Claim | None = None,
    difference: float | None = None,
    relative: float | None = None,
    missing: str = "",
    times: int = 0,
) -> str:
    """The reason of a verdict computed from the table's rows; `working`: the arithmetic and rows."""
    reasons = _reasons(language)
    sentence = getattr(reasons, f"computed_{outcome}")
    unit = (claim.unit or claim.unit_canonical) if claim is not None else None
    return sentence.format(
        working=working,
        difference=_with_unit(signed(difference), unit) if difference is not None else "—",
        relative=f"{relative * 100:+.1f}%" if relative is not None else "—",
        missing=missing,
        times=f"{times:,}",
    )


def no_group(language: str, groups: list[str]) -> str:
    return _reasons(language).no_group.format(groups=", ".join(groups))


def levels_disagree(language: str, working: str) -> str:
    return _reasons(language).levels_disagree.format(working=working)


def working(language: str, name: str, **fields: object) -> str:
    """The working of a rank, record or streak, in the claim's language."""
    return getattr(_reasons(language), f"working_{name}").format(**fields)


def no_baseline(language: str, row_basis: str, against: str) -> str:
    """A change with no baseline said, against a row of one baseline: not shown wrong."""
    reasons = _reasons(language)
    return reasons.no_baseline.format(row_basis=getattr(reasons, f"basis_{row_basis}"), against=against)
