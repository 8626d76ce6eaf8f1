"""Adapters for scripts/bench_peers.py: each extractor's raw call (timed) and its results as
claim-like records (scored by scripts/conformance.py's matching code, the code that scores
claimcheck). The peers are imported only inside `load`, so that start-up is measured."""

from __future__ import annotations

import difflib
import importlib.util
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

Parse = Callable[[str], list]


@dataclass(frozen=True)
class Found:
    """The fields of a claim that the conformance scorer reads."""

    text: str
    start: int
    end: int
    kind: str
    value: float
    value_max: float | None
    unit_canonical: str | None


@dataclass(frozen=True)
class Peer:
    label: str
    langs: tuple[str, ...]
    module: str  # importable when the peer is installed
    load: Callable[[str], tuple[Parse, Callable[[str], list]]]
    own_file: str | None = None  # the conformance file made from this peer's own tests


# Unit names the peers give that their data files do not show, lower-cased, to the data's symbols.
NAMES = {
    "liter": "L",
    "litre": "L",
    "milliliter": "mL",
    "millilitre": "mL",
    "gram": "g",
    "milligram": "mg",
    "centimeter": "cm",
    "centimetre": "cm",
    "foot": "ft",
    "yard": "yd",
    "inch": "in",
    "mile": "mi",
    "ounce": "oz",
    "byte": "B",
    "square metre": "m2",
    "kelvin": "K",
    "united states dollar": "USD",
    "chinese yuan": "CNY",
    "japanese yen": "JPY",
    "swiss franc": "CHF",
    "indian rupee": "INR",
    "euro": "EUR",
}


def _units(stem: str) -> dict[tuple[str, str], str]:
    """The peer's unit names mapped to the data's units, read from the peer's own data file
    (unit names only: the conversion is the data converter's, not ours)."""
    from bench_peers import DATA

    table = {}
    for line in (DATA / f"{stem}.jsonl").read_text(encoding="utf-8").splitlines():
        for e in json.loads(line)["expected"]:
            if e.get("unit_raw") and e["unit"]:
                table[(e["kind"], e["unit_raw"])] = e["unit"]
    return table


def _claimcheck(figures_only: bool):
    def load(lang: str):
        import claimcheck

        def parse(text: str) -> list:
            return claimcheck.extract(text, lang=lang, figures_only=figures_only)

        return parse, parse

    return load


_RECOGNIZER_KINDS = {
    "number": "quantity",
    "percentage": "percent",
    "currency": "money",
    "dimension": "quantity",
    "age": "quantity",
    "temperature": "quantity",
}
_DATA_KINDS = {"currency": "money", "dimension": "dimension", "age": "age", "temperature": "temperature"}


def _recognizers(models: tuple[str, ...]):
    def load(lang: str):
        from recognizers_number import NumberRecognizer
        from recognizers_number_with_unit import NumberWithUnitRecognizer
        from recognizers_text import Culture

        culture = Culture.Chinese if lang == "zh" else Culture.English
        numbers, units = NumberRecognizer(culture), NumberWithUnitRecognizer(culture)
        chosen = [getattr(numbers if m in ("number", "percentage") else units, f"get_{m}_model")() for m in models]
        names = _units(f"recognizers_{lang}")

        def parse(text: str) -> list:
            return [r for model in chosen for r in model.parse(text)]

        def find(text: str) -> list[Found]:
            out = []
            for r in parse(text):
                resolution = r.resolution or {}
                try:
                    value = float(str(resolution.get("value")).rstrip("%"))
                except ValueError:
                    continue  # ranges and unresolved values
                unit = resolution.get("unit")
                if r.type_name == "percentage":
                    unit = "percent"
                elif resolution.get("isoCurrency"):
                    unit = resolution["isoCurrency"]
                elif unit:
                    unit = names.get((_DATA_KINDS[r.type_name], unit), NAMES.get(unit.lower(), unit.lower()))
                    unit = "age_year" if r.type_name == "age" and unit == "year" else unit
                end = r.end + 1  # Recognizers' end is inclusive
                out.append(Found(text[r.start : end], r.start, end, _RECOGNIZER_KINDS[r.type_name], value, None, unit))
            return out

        return parse, find

    return load


def _quantulum(lang: str):
    from quantulum3 import parser

    names = {raw: unit for (_, raw), unit in _units("quantulum3_en").items()}

    def parse(text: str) -> list:
        return parser.parse(text)

    def find(text: str) -> list[Found]:
        out = []
        for q in parse(text):
            entity, name = q.unit.entity.name, q.unit.name
            kind = {"currency": "money", "time": "duration"}.get(entity, "quantity")
            unit = None if name == "dimensionless" else names.get(name, NAMES.get(name, name))
            if name == "percentage":
                kind, unit = "percent", "percent"
            low, high = (q.value - q.uncertainty, q.value + q.uncertainty) if q.uncertainty else (q.value, None)
            out.append(Found(q.surface, q.span[0], q.span[1], kind, low, high, unit))
        return out

    return parse, find


_DIGITS = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?%?")


def _cn2an(lang: str):
    import cn2an

    def parse(text: str) -> str:
        return cn2an.transform(text, "cn2an")

    def find(text: str) -> list[Found]:
        """cn2an rewrites numerals as digits and gives no offsets: find the digits in its
        output and map them back to the input through a character alignment."""
        out = parse(text)
        blocks = difflib.SequenceMatcher(None, text, out, autojunk=False).get_opcodes()

        def back(pos: int, end: bool) -> int:
            for tag, i1, i2, j1, j2 in blocks:
                if j1 <= pos < j2 or (end and j1 < pos <= j2):
                    return i1 + pos - j1 if tag == "equal" else (i2 if end else i1)
            return len(text)

        found = []
        for m in _DIGITS.finditer(out):
            start, end = back(m.start(), False), back(m.end(), True)
            percent = m.group().endswith("%")
            value = float(m.group().rstrip("%"))
            found.append(
                Found(
                    text[start:end],
                    start,
                    end,
                    "percent" if percent else "quantity",
                    value,
                    None,
                    "percent" if percent else None,
                )
            )
        return found

    return parse, find


PEERS = {
    "claimcheck": Peer("claimcheck", ("zh", "en"), "claimcheck", _claimcheck(False)),
    "claimcheck-figures": Peer("claimcheck, figures only", ("zh", "en"), "claimcheck", _claimcheck(True)),
    "recognizers": Peer(
        "Recognizers-Text (6 models)",
        ("zh", "en"),
        "recognizers_number_with_unit",
        _recognizers(("number", "percentage", "currency", "dimension", "age", "temperature")),
        "recognizers",
    ),
    "recognizers-number": Peer(
        "Recognizers-Text number model", ("zh", "en"), "recognizers_number", _recognizers(("number",)), "recognizers"
    ),
    "cn2an": Peer("cn2an transform", ("zh",), "cn2an", _cn2an, "cn2an"),
    "quantulum3": Peer("quantulum3", ("en",), "quantulum3", _quantulum, "quantulum3"),
}


def installed(name: str) -> bool:
    return importlib.util.find_spec(PEERS[name].module) is not None
