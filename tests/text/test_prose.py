"""Prose-only extraction from Markdown and HTML: claims in the prose, none in code, front
matter, tags, attributes, comments or URLs; positions point into the original file."""

from __future__ import annotations

import pytest

from claimcheck import extract
from claimcheck.run.anchor import anchor
from claimcheck.text.prose import format_of, mask


def claims_in(text: str, fmt: str):
    masked = mask(text, fmt)
    assert len(masked.text) == len(text)
    return anchor(extract(masked.text), text, masked)


# (name, format, draft, claim texts found in it)
FOUND = [
    ("front matter is not prose", "markdown", "---\ntitle: Profit up 80%\n---\nThe margin is 6%.\n", ["6%"]),
    ("toml front matter", "markdown", "+++\nshare = '70%'\n+++\nShare fell to 15%.\n", ["15%"]),
    ("fenced code", "markdown", "A route of 90 km.\n\n```\nlimit = 400 km\n```\nDone.\n", ["90 km"]),
    ("tilde fence", "markdown", "~~~python\nx = 25%\n~~~\n佔比為8%。\n", ["8%"]),
    ("unclosed fence runs to the end", "markdown", "Rent is $900.\n```\ncost $55\n", ["$900"]),
    ("inline code", "markdown", "Run `scale 300 km` before the 12 km ride.\n", ["12 km"]),
    ("indented code after a blank line", "markdown", "Intro.\n\n    total 640 km\n\nThe road is 3 km.\n", ["3 km"]),
    ("indented list continuation is prose", "markdown", "- first 4 km\n\n    then 7 km on foot\n", ["4 km", "7 km"]),
    ("link text is prose, its URL is not", "markdown", "A [grant of $5m](https://x.org/55km) came.\n", ["$5m"]),
    ("link inside a Chinese sentence joins up", "markdown", "共交付[超過5萬臺](http://a.b/9)。\n", ["超過5萬臺"]),
    ("image and its alt text", "markdown", "![chart: 44% share](c.png) The share is 2%.\n", ["2%"]),
    ("reference definition", "markdown", "See the [report][r], 6 km.\n\n[r]: https://x.org/700km\n", ["6 km"]),
    ("autolink", "markdown", "Source <https://x.org/30%> says 5%.\n", ["5%"]),
    ("bare URL", "markdown", "See https://x.org/page-40km-now for 9 km.\n", ["9 km"]),
    ("comment", "markdown", "<!-- draft said 70 km -->\nThe line is 60 km.\n", ["60 km"]),
    ("inline HTML tags join the figure", "markdown", "Profit of <b>$7m</b> today.\n", ["$7m"]),
    ("HTML attributes", "html", '<p data-size="500 km" title="40%">Route of 20 km.</p>', ["20 km"]),
    (
        "script, style and head",
        "html",
        "<html><head><title>Up 9%</title></head><style>p{margin:30px}</style><body><p>Up 3%.</p>"
        "<script>var n = '80 km';</script></body></html>",
        ["3%"],
    ),
    ("pre and code", "html", "<pre>width 90 km</pre><p>Width <code>70 km</code> is 5 km.</p>", ["5 km"]),
    ("inline tag inside a figure", "html", "<p>超過<b>50萬</b>臺</p>", ["超過<b>50萬</b>臺"]),
    (
        "entity inside a figure is kept whole",
        "html",
        "<p>Trips of 40&nbsp;km and a 12&#37; share.</p>",
        ["40&nbsp;km", "12&#37;"],
    ),
    ("a block tag ends the sentence", "html", "<p>Budget $4m</p><p>2 km</p>", ["$4m", "2 km"]),
    ("a soft hyphen entity does not split a figure", "html", "<p>A route of 1&shy;200 km.</p>", ["1&shy;200 km"]),
    ("bidirectional controls as entities", "html", "<p>星河汽车交付&#x202e;42000&#x202c;辆。</p>", ["42000&#x202c;辆"]),
    ("link URL in an attribute", "html", '<a href="https://x.org/?n=300km">Walk 8 km</a>', ["8 km"]),
    ("plain text is untouched", "text", "`code 5 km` and <b>4 km</b>\n", ["5 km", "4 km"]),
]


@pytest.mark.parametrize(("name", "fmt", "draft", "expected"), FOUND, ids=[case[0] for case in FOUND])
def test_only_prose_claims_are_found(name, fmt, draft, expected):
    assert [claim.text for claim in claims_in(draft, fmt)] == expected


@pytest.mark.parametrize(
    ("fmt", "draft"),
    [
        ("html", "<p>星河汽车交付&#x202e;42000&#x202c;辆。</p>"),
        ("html", "<p>星河汽车交付&rlm;4&rlm;2000辆。</p>"),
        ("markdown", "星河汽车交付&#8238;42000&#8236;辆。\n"),
    ],
)
def test_an_entity_of_a_bidirectional_control_flags_the_figure_it_reaches(fmt, draft):
    """A browser shows the control the entity stands for: the figure is flagged as in plain text."""
    (claim,) = claims_in(draft, fmt)
    assert claim.value == 42000 and claim.deceptive == "bidi"


@pytest.mark.parametrize(("name", "fmt", "draft", "expected"), FOUND, ids=[case[0] for case in FOUND])
def test_positions_point_into_the_original(name, fmt, draft, expected):
    lines = draft.split("\n")
    for claim in claims_in(draft, fmt):
        assert draft[claim.start : claim.end] == claim.text
        assert draft[claim.sentence.start : claim.sentence.end] == claim.sentence.text
        assert lines[claim.line - 1][claim.column - 1 :].startswith(claim.text.split("\n")[0])


def test_line_and_column_count_the_original_lines():
    draft = "<html>\n<body>\n  <p class='lead'>The share of <em>rail</em> is 14%.</p>\n</body>\n</html>\n"
    [claim] = claims_in(draft, "html")
    assert (claim.text, claim.line, claim.column) == ("14%", 3, 49)


def test_masking_keeps_every_line_break():
    draft = "---\na: 1\n---\n```\nx\n```\n<!--\nnote\n-->\ntext\n"
    assert [i for i, ch in enumerate(mask(draft, "markdown").text) if ch == "\n"] == [
        i for i, ch in enumerate(draft) if ch == "\n"
    ]


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("a.md", "markdown"),
        ("b.MARKDOWN", "markdown"),
        ("c.html", "html"),
        ("d.htm", "html"),
        ("e.txt", "text"),
        ("notes", "text"),
    ],
)
def test_format_follows_the_file_extension(path, fmt):
    assert format_of(path) == fmt


# (name, format, draft, a claim, the sentence it must get)
SENTENCES = [
    (
        "a wrapped Markdown line is one sentence",
        "markdown",
        "The north line,\nbuilt in 2024, is 12 km long.\n",
        "12 km",
        "The north line,\nbuilt in 2024, is 12 km long.",
    ),
    (
        "CRLF wrapped",
        "markdown",
        "The north line,\r\nbuilt in 2024, is 12 km long.\r\n",
        "12 km",
        "The north line,\r\nbuilt in 2024, is 12 km long.",
    ),
    (
        "a heading is its own sentence",
        "markdown",
        "# Share at 5%\nThe share is 6% today\n",
        "6%",
        "The share is 6% today",
    ),
    ("list items are their own sentences", "markdown", "- first 4 km\n- then 5 km\n", "5 km", "- then 5 km"),
    ("a hard break ends the line", "markdown", "First 4 km  \nthen 5 km\n", "5 km", "then 5 km"),
    (
        "a wrapped HTML paragraph is one sentence",
        "html",
        "<p>The north line,\n  built in 2024, is 12 km.</p>",
        "12 km",
        "The north line,\n  built in 2024, is 12 km.",
    ),
    (
        "block elements are separate sentences",
        "html",
        "<li>A walk of 4 km</li><li>A walk of 5 km</li>",
        "5 km",
        "A walk of 5 km",
    ),
]


@pytest.mark.parametrize(("name", "fmt", "draft", "text", "sentence"), SENTENCES, ids=[c[0] for c in SENTENCES])
def test_sentences_follow_what_a_reader_sees(name, fmt, draft, text, sentence):
    [found] = [claim for claim in claims_in(draft, fmt) if claim.text == text]
    assert found.sentence.text == sentence
