"""Suppression markers: which claims of a draft they silence, in Markdown, HTML and plain text."""

from __future__ import annotations

import pytest

from claimcheck.checking.suppress import Silenced, suppressed_spans
from claimcheck.engine.extract import extract
from claimcheck.run.anchor import anchor
from claimcheck.text.prose import mask


def silenced_claims(draft: str, fmt: str) -> list[str]:
    masked = mask(draft, fmt)
    silenced = Silenced(suppressed_spans(draft, fmt))
    return [c.text for c in anchor(extract(masked.text), draft, masked) if c.start in silenced]


# (name, format, draft, claims silenced)
CASES = [
    (
        "marker alone silences the next paragraph",
        "markdown",
        "A 1 km walk.\n\n<!-- claimcheck: ignore -->\nA 2 km walk,\nthen 3 km.\n\nA 4 km walk.\n",
        ["2 km", "3 km"],
    ),
    (
        "blank lines between marker and paragraph",
        "markdown",
        "<!-- claimcheck: ignore -->\n\n\nA 5 km walk.\n\nA 6 km walk.\n",
        ["5 km"],
    ),
    (
        "marker beside text silences its line only",
        "markdown",
        "A 1 km walk. <!-- claimcheck: ignore -->\nA 2 km walk.\n",
        ["1 km"],
    ),
    ("spacing and case in the marker", "markdown", "<!--claimcheck:IGNORE-->\n共有50萬臺。\n", ["50萬臺"]),
    (
        "off and on",
        "markdown",
        "A 1 km walk.\n<!-- claimcheck: off -->\nA 2 km walk.\n\nA 3 km walk.\n<!-- claimcheck: on -->\nA 4 km walk.\n",
        ["2 km", "3 km"],
    ),
    ("off without on runs to the end", "markdown", "A 1 km walk.\n<!-- claimcheck: off -->\nA 2 km walk.\n", ["2 km"]),
    ("another comment does nothing", "markdown", "<!-- todo: ignore -->\nA 7 km walk.\n", []),
    (
        "HTML: the next element, nested ones included",
        "html",
        "<p>1 km</p>\n<!-- claimcheck: ignore -->\n"
        "<div><p>2 km</p><div><p>3 km</p></div><p>4 km</p></div>\n<p>5 km</p>",
        ["2 km", "3 km", "4 km"],
    ),
    (
        "HTML: the element on the same line",
        "html",
        "<p>1 km</p><!-- claimcheck: ignore --><p>2 km</p><p>3 km</p>",
        ["2 km"],
    ),
    (
        "HTML: off and on",
        "html",
        "<!-- claimcheck: off --><p>1 km</p><p>2 km</p><!-- claimcheck: on --><p>3 km</p>",
        ["1 km", "2 km"],
    ),
    ("text: marker in brackets beside text", "text", "A 1 km walk. [claimcheck: ignore]\nA 2 km walk.\n", ["1 km"]),
    (
        "text: marker alone silences the paragraph",
        "text",
        "[claimcheck: ignore]\nA 1 km walk\nand 2 km.\n\nA 3 km walk.\n",
        ["1 km", "2 km"],
    ),
    ("text: off and on", "text", "[claimcheck: off]\nA 1 km walk.\n[claimcheck: on]\nA 2 km walk.\n", ["1 km"]),
    ("text: comments are not markers there", "text", "<!-- claimcheck: ignore -->\nA 1 km walk.\n", []),
]


@pytest.mark.parametrize(("name", "fmt", "draft", "expected"), CASES, ids=[case[0] for case in CASES])
def test_markers_silence_what_they_say(name, fmt, draft, expected):
    assert silenced_claims(draft, fmt) == expected


def test_markers_are_found_in_the_original_and_never_become_claims():
    draft = "<!-- claimcheck: ignore -->\n<p>3 km</p>"
    assert [c.text for c in extract(mask(draft, "html").text)] == ["3 km"]
