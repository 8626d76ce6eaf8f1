"""Coverage-guided fuzzing of reading and extraction with atheris.

    pip install -e '.[fuzz]'
    python fuzz/fuzz_extract.py fuzz/corpus -dict=fuzz/claimcheck.dict -max_total_time=600

Each input is either bytes read as a file would be (encoding decided, then decoded) or a
string given to `extract`. Any exception but claimcheck's own one-line errors is a finding,
and so is a broken promise: a claim whose text is not its slice of the input, claims out of
order or overlapping, a sentence that does not hold its claim, a different result when the
text is read in blocks, output a renderer cannot write, a verdict the verifier cannot give
(against the fixture tables).
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["claimcheck"]):
    import claimcheck
    from claimcheck.errors import ClaimcheckError
    from claimcheck.files.encodings import decide
    from claimcheck.render import render
    from claimcheck.run.stream import extract_stream

BLOCK = 256  # small blocks, so that short inputs are read in several
TABLES = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "refs").glob("*.csv"))
REFERENCES = [claimcheck.load_references(path) for path in TABLES]


def text_of(data: bytes) -> str | None:
    """The text a file of these bytes holds, or None when claimcheck refuses it (one line)."""
    try:
        decision = decide(data, "fuzz", complete=True)
        return data.decode(decision.encoding)
    except UnicodeDecodeError:
        return None
    except ClaimcheckError as exc:
        assert "\n" not in str(exc)
        return None


def check(text: str) -> None:
    claims = claimcheck.extract(text)
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text, claim
        assert claim.sentence.start <= claim.start <= claim.end <= claim.sentence.end, claim
        assert text[claim.sentence.start : claim.sentence.end] == claim.sentence.text, claim
        line_start = text.rfind("\n", 0, claim.start) + 1
        assert (claim.line, claim.column) == (text.count("\n", 0, claim.start) + 1, claim.start - line_start + 1)
    for first, second in zip(claims, claims[1:], strict=False):
        assert first.end <= second.start, (first, second)
    if max(map(len, text.split("\n")), default=0) < 2 * BLOCK:  # longer lines are cut, documented
        pieces = [text[i : i + 97] for i in range(0, len(text), 97)]
        assert list(extract_stream(pieces, block_size=BLOCK)) == claims
    document = claimcheck.extract_document(text)
    for fmt in ("json", "jsonl", "csv", "table"):
        render([document], fmt)
    assert len(claimcheck.verify(claims, REFERENCES)) == len(claims)


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    as_file = provider.ConsumeBool()
    if as_file:
        text = text_of(provider.ConsumeBytes(len(data)))
    else:
        text = provider.ConsumeUnicodeNoSurrogates(len(data))
    if text is not None:
        check(text)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
