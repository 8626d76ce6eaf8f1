"""Prose only: blank what a reader of a Markdown or HTML draft never reads as text.

`mask` returns a copy of the text of exactly the same length in which code, front matter,
comments, tags with their attributes and URLs are blanked, so that extraction on the copy
finds only claims in the prose and every offset is an offset into the original file.

Each construct is a row of the tables below: a pattern and how its characters are blanked.
- "space": spaces (words on each side stay apart);
- "gap": zero-width spaces, which the normalizer removes, so the neighbours join
  (超過<b>50萬</b>臺 reads 超過50萬臺);
- "break": a line break, then spaces: a block element ends a sentence.
Line breaks of the original are kept in every case. A group named `keep` stays prose (the
text of a link). Entities (&nbsp;, &#37;) become their character followed by gaps.
"""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import PurePath
from typing import Literal

import regex

Blank = Literal["space", "gap", "break"]
Format = Literal["markdown", "html", "text", "docx"]  # docx: the text read from a Word draft
GAP = "\u200b"

FORMATS_BY_SUFFIX: dict[str, Format] = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}

_BLOCK_TAGS = (
    "address|article|aside|blockquote|body|br|caption|dd|details|div|dl|dt|figcaption|figure|footer|"
    "h[1-6]|header|hr|html|li|main|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|title|tr|ul"
)
_ATTRIBUTES = r"""(?:\s+[^\s"'=<>/`]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*/?"""
_URL = r"""(?i)\b(?:https?://|ftp://|www\.)[^\s<>"'\]\[(){}]+"""

_HTML_RULES: tuple[tuple[str, str, Blank], ...] = (
    ("comment", r"(?s)<!--.*?(?:-->|\Z)", "space"),
    ("declaration or CDATA", r"(?s)<![^>]*>|<\?.*?\?>", "space"),
    (
        "element that is not prose",
        r"(?si)<(head|script|style|pre|code|template|svg|math|noscript|textarea)\b"
        r"[^>]*>.*?(?:</\1\s*>|\Z)",
        "space",
    ),
    (
        "page furniture: navigation, footers, asides, a header without a heading",
        r"(?si)<(nav|footer|aside)\b[^>]*>.*?(?:</\1\s*>|\Z)"
        r"|<header\b[^>]*>(?:(?!<h[1-6]\b|</header\s*>).)*</header\s*>",
        "space",
    ),
    ("block tag", rf"(?i)</?(?:{_BLOCK_TAGS})\b{_ATTRIBUTES}>", "break"),
    ("inline tag", rf"</?[A-Za-z][A-Za-z0-9-]*{_ATTRIBUTES}>", "gap"),
    ("URL", _URL, "space"),
)

_MARKDOWN_RULES: tuple[tuple[str, str, Blank], ...] = (
    ("front matter", r"(?s)\A(---|\+\+\+)[ \t]*\n.*?\n\1[ \t]*(?=\n|\Z)", "space"),
    ("fenced code", r"(?sm)^[ ]{0,3}(`{3,}|~{3,})[^\n]*(?:\n.*?)??(?:\n[ ]{0,3}\1[`~]*[ \t]*(?=\n|\Z)|\Z)", "space"),
    ("HTML comment", r"(?s)<!--.*?(?:-->|\Z)", "space"),
    ("code span", r"(?<!`)(`+)(?!`)(?:[^\n]|\n(?![ \t]*\n))+?(?<!`)\1(?!`)", "space"),
    ("image", r"!\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])", "space"),
    (
        "link",
        r"(?<!!)\[(?P<keep>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\](?:\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\))?"
        r"[^()\s]*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\)|\[[^\]\n]*\])",
        "gap",
    ),
    (
        "reference definition",
        r"(?m)^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S+(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?"
        r"[ \t]*$",
        "space",
    ),
    ("autolink", r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>", "space"),
    *_HTML_RULES[2:],
)

# A line break inside a paragraph is a space to a reader: the lines around it are one
# sentence. It stays a break after a heading, a table row or a hard break (two spaces,
# a backslash), and before a line that starts a block (heading, list item, quote, table,
# setext underline, HTML). In HTML every line break is a space; block tags end sentences.
_NOT_CONTINUED = regex.compile(r"[ ]{0,3}#{1,6}(?:[ \t]|$)|[ ]{0,3}\||.*(?:  |\\)$")
_STARTS_A_BLOCK = regex.compile(
    r"[ ]{0,3}(?:#{1,6}(?:[ \t]|$)|[-*+](?:[ \t]|$)|[0-9]{1,9}[.)](?:[ \t]|$)|>|\||=+[ \t]*$|-+[ \t]*$|<)"
)
_ENTITY = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_LIST_ITEM = regex.compile(r"[ ]{0,3}(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]|$)")


@dataclass(frozen=True, slots=True)
class Masked:
    """The prose-only copy, and the spans (entities) that must be kept whole when sliced."""

    text: str
    atoms: tuple[tuple[int, int], ...] = ()


def format_of(path: str) -> Format:
    return FORMATS_BY_SUFFIX.get(PurePath(path).suffix.lower(), "text")


@cache
def _compiled(fmt: Format) -> tuple[tuple[regex.Pattern[str], Blank], ...]:
    rules = _MARKDOWN_RULES if fmt == "markdown" else _HTML_RULES
    return tuple((regex.compile(pattern), blank) for _, pattern, blank in rules)


def _blanked(piece: str, blank: Blank) -> str:
    if blank == "gap":
        return "".join("\n" if ch == "\n" else GAP for ch in piece)
    spaces = "".join("\n" if ch == "\n" else " " for ch in piece)
    if blank == "break" and spaces and spaces[0] != "\n":
        return "\n" + spaces[1:]
    return spaces


def _apply(text: str, pattern: regex.Pattern[str], blank: Blank) -> str:
    def replace(match: regex.Match[str]) -> str:
        if "keep" not in pattern.groupindex or match.start("keep") < 0:
            return _blanked(match.group(), blank)
        start, end = match.span("keep")
        whole = match.group()
        offset = match.start()
        return _blanked(whole[: start - offset], blank) + match.group("keep") + _blanked(whole[end - offset :], blank)

    return pattern.sub(replace, text)


def _indented_code(text: str) -> str:
    """Blank indented code blocks: lines indented four spaces after a blank line, outside lists."""
    out: list[str] = []
    previous_blank, in_list, in_code = True, False, False
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if not body.strip():
            previous_blank = True
            out.append(line)
            continue
        indented = body.startswith(("    ", "\t"))
        if indented and (in_code or (previous_blank and not in_list)):
            in_code = True
            out.append(" " * len(body) + line[len(body) :])
        else:
            in_code = False
            if _LIST_ITEM.match(body):
                in_list = True
            elif previous_blank and not body[0].isspace():
                in_list = False
            out.append(line)
        previous_blank = False
    return "".join(out)


def _soft_breaks(text: str) -> str:
    """Markdown: a line break between two lines of one paragraph becomes a space."""
    lines = text.split("\n")
    out = []
    for current, following in zip(lines, lines[1:], strict=False):
        joined = (
            current.strip()
            and following.strip()
            and not _NOT_CONTINUED.match(current.rstrip("\r"))
            and not _STARTS_A_BLOCK.match(following)
        )
        out.append(current[:-1] + "  " if joined and current.endswith("\r") else current + (" " if joined else "\n"))
    out.append(lines[-1])
    return "".join(out)


def _decode_entities(text: str) -> Masked:
    atoms: list[tuple[int, int]] = []

    def replace(match: regex.Match[str]) -> str:
        entity = match.group()
        char = html.unescape(entity)
        if char == entity:
            return entity
        atoms.append(match.span())
        # A format character (&shy;, &rlm;, &#x202e;) as well: the normalizer removes it as it
        # does in plain text, and a bidirectional control flags the figure it reaches.
        if len(char) == 1 and (char.isprintable() or char.isspace() or unicodedata.category(char) == "Cf"):
            return char + GAP * (len(entity) - 1)
        return " " * len(entity)

    return Masked(_ENTITY.sub(replace, text), tuple(atoms))


def mask(text: str, fmt: Format) -> Masked:
    """The prose of `text` in a copy of the same length; plain text is returned as it is."""
    if fmt in ("text", "docx"):
        return Masked(text)
    masked = text.replace("\r", " ").replace("\n", " ") if fmt == "html" else text
    for index, (pattern, blank) in enumerate(_compiled(fmt)):
        masked = _apply(masked, pattern, blank)
        if fmt == "markdown" and index == 1:  # after front matter and fences, before inline rules
            masked = _indented_code(masked)
    if fmt == "markdown":
        masked = _soft_breaks(masked)
    return _decode_entities(masked)


def blanked_runs(text: str, masked: Masked) -> list[tuple[int, int]]:
    """The runs of `text` that `masked` blanked (tags, code, front matter), its own spaces aside."""
    runs: list[tuple[int, int]] = []
    start = None
    for i, (kept, original) in enumerate(zip(masked.text, text, strict=True)):
        blanked = kept != original and not original.isspace()
        if blanked and start is None:
            start = i
        elif not blanked and start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, len(text)))
    return runs
