"""The text of a Word part (WordprocessingML: the body, a header, a footer, the footnotes), as
it reads once its tracked changes are accepted, with where each paragraph stands.

What is text: runs (`w:t`), tabs, line breaks, non-breaking hyphens, wherever they are nested
(insertions `w:ins`, links, fields' results, content controls, smart tags). What is not:
tracked deletions (`w:del`, `w:moveFrom`), field codes (`w:instrText`), comments (marks only
here; their text is a part of its own, never read), drawings and text boxes, the paragraph's
properties. A footnote or endnote reference leaves no mark in the text; its id is kept, so
that the notes are read in the order the text cites them.

Paragraphs are counted as Word counts them, every `w:p` of the part in order, the empty ones
and those in table cells included, whether or not they hold text; tables, their rows and
cells likewise (a tracked-deleted row is counted, and not read). The walk keeps its own stack:
a part nested thousands of elements deep is walked like a flat one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

MAIN = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
)
RELATIONSHIPS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)

# What each element of a run gives the text.
_CHARACTERS = {"tab": "\t", "ptab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
# Elements whose whole content is not the draft's text once its changes are accepted.
_NOT_TEXT = frozenset(
    {
        "del",  # a tracked deletion
        "moveFrom",  # text moved away (it is read where it was moved to, w:moveTo)
        "pPr",  # the paragraph's properties (a deleted paragraph mark among them)
        "rPr",
        "sdtPr",
        "tblPr",
        "tblGrid",
        "trPr",
        "tcPr",
        "instrText",  # a field's code (PAGE, HYPERLINK "…"); its result is read
        "delText",
        "delInstrText",
        "drawing",  # pictures, charts, text boxes
        "pict",
        "object",
        "AlternateContent",
        "oMath",  # equations
        "oMathPara",
        "sectPr",  # read for its header and footer references only
    }
)
_NOTE_REFERENCES = {"footnoteReference": "footnote", "endnoteReference": "endnote"}
_SKIPPED_NOTES = frozenset({"separator", "continuationSeparator", "continuationNotice"})


@dataclass(frozen=True, slots=True)
class Place:
    """Where a paragraph stands in its part, 1-based, as Word counts."""

    paragraph: int
    table: int | None = None
    row: int | None = None
    cell: int | None = None


@dataclass(slots=True)
class PartText:
    """A part's paragraphs that hold text, in order, and what it refers to."""

    paragraphs: list[tuple[str, Place]] = field(default_factory=list)
    notes: dict[str, list[str]] = field(default_factory=lambda: {"footnote": [], "endnote": []})
    headers: list[str] = field(default_factory=list)  # relationship ids, in the order of the sections
    footers: list[str] = field(default_factory=list)


def local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _attribute(element: Element, name: str, namespaces: tuple[str, ...] = MAIN) -> str | None:
    for namespace in namespaces:
        value = element.get(f"{{{namespace}}}{name}")
        if value is not None:
            return value
    return None


def _is_deleted(row: Element) -> bool:
    properties = next((child for child in row if local(child.tag) == "trPr"), None)
    return properties is not None and any(local(child.tag) == "del" for child in properties)


class _Walk:
    """One part walked: the counters of paragraphs, tables, rows and cells as they open."""

    def __init__(self, found: PartText) -> None:
        self.found = found
        self.paragraphs = 0
        self.tables = 0
        self.cells: list[list[int]] = []  # for each open table: its number, the row, the cell

    def paragraph(self, element: Element) -> None:
        self.paragraphs += 1
        pieces = list(self._pieces(element))
        text = "".join(pieces)
        if text.strip():
            table = self.cells[-1] if self.cells else None
            place = Place(self.paragraphs, *table) if table else Place(self.paragraphs)
            self.found.paragraphs.append((text, place))

    def _pieces(self, paragraph: Element) -> Iterator[str]:
        stack = list(reversed(paragraph))
        while stack:
            element = stack.pop()
            name = local(element.tag)
            if name in _NOT_TEXT:
                continue
            if name == "t":
                yield element.text or ""
            elif name in _CHARACTERS:
                yield _CHARACTERS[name]
            elif name in _NOTE_REFERENCES:
                note = _attribute(element, "id")
                if note is not None:
                    self.found.notes[_NOTE_REFERENCES[name]].append(note)
            elif name != "p":  # a paragraph inside a paragraph is a text box's: not the flow
                stack.extend(reversed(element))

    def section(self, properties: Element) -> None:
        for child in properties:
            name = local(child.tag)
            target = {"headerReference": self.found.headers, "footerReference": self.found.footers}.get(name)
            rid = _attribute(child, "id", RELATIONSHIPS)
            if target is not None and rid is not None and rid not in target:
                target.append(rid)

    def blocks(self, container: Element) -> None:
        """The paragraphs and tables of a body, cell, header or note, in order."""
        stack: list[Element | None] = list(reversed(container))  # None: the end of a table
        while stack:
            element = stack.pop()
            if element is None:
                self.cells.pop()
                continue
            name = local(element.tag)
            if name == "p":
                self.paragraph(element)
                properties = next((c for c in element if local(c.tag) == "pPr"), ())
                for section in (c for c in properties if local(c.tag) == "sectPr"):  # a section ends here
                    self.section(section)
            elif name == "sectPr":
                self.section(element)
            elif name == "tbl":
                self.tables += 1
                self.cells.append([self.tables, 0, 0])
                stack.append(None)
                stack.extend(reversed(element))
            elif name == "tr":
                self.cells[-1][1:] = [self.cells[-1][1] + 1, 0]
                if not _is_deleted(element):
                    stack.extend(reversed(element))
            elif name == "tc":
                self.cells[-1][2] += 1
                stack.extend(reversed(element))
            elif name not in _NOT_TEXT:  # content controls, custom XML, insertions around blocks
                stack.extend(reversed(element))


def part_text(root: Element) -> PartText:
    """The paragraphs of a part with a body (`w:document`), or of a header or footer."""
    found = PartText()
    body = next((child for child in root if local(child.tag) == "body"), root)
    _Walk(found).blocks(body)
    return found


def notes_text(root: Element) -> dict[str, PartText]:
    """Each footnote (or endnote) of a notes part by its id, the separators left out."""
    notes = {}
    for note in root:
        if local(note.tag) not in ("footnote", "endnote") or _attribute(note, "type") in _SKIPPED_NOTES:
            continue
        note_id = _attribute(note, "id")
        if note_id is not None:
            found = PartText()
            _Walk(found).blocks(note)
            notes[note_id] = found
    return notes
