"""Reading a Word draft (.docx) into text, without trusting the file.

A .docx is a ZIP archive of XML parts, read here with the standard library (zipfile and
ElementTree): the body, the footnotes and endnotes the body cites, and the headers and
footers its sections use (claimcheck.files.word_text walks each). The text is the body in
reading order, its tables in place, then the notes in the order the body cites them, then
the headers and footers, which stand outside the flow and repeat on every page (last, so
that the headline stays the first line). Paragraphs are joined by a blank line, as in a
plain-text draft, but the cells of a table row by tabs, on one line, so that a figure in a
cell is read with the row's label; the empty ones are left out of the text but counted in
each location.

Nothing in the file is trusted. Before a part is inflated, the sizes the parts to be read
declare are added up and held to the size limit: Python's ZIP reader never inflates a member
past its declared size (it stops and fails on the checksum), so a ZIP bomb costs nothing to
refuse. A part with a document type declaration (which Word never writes, and entity bombs
need) is refused before it is parsed. A password-protected .docx is no ZIP but an OLE
compound file holding an `EncryptedPackage`, as a Word 97–2003 .doc is one without it:
each is refused with what to do.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import PurePath
from xml.etree import ElementTree

from claimcheck.errors import InputError
from claimcheck.files.read import too_large
from claimcheck.files.word_text import PartText, Place, notes_text, part_text

WORD_SUFFIXES = (".docx", ".doc")
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")  # streams, named in the OLE file's directory
_WORD_97 = "WordDocument".encode("utf-16-le")
_KINDS = ("footnotes", "endnotes", "header", "footer")
JOIN = "\n\n"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the text: where it is in the text and in the document."""

    start: int
    end: int
    part: str  # body, footnote, endnote, header, footer
    number: int | None  # which note, header or footer (1-based, in the order the body refers to it)
    place: Place


@dataclass(frozen=True, slots=True)
class WordText:
    text: str
    paragraphs: tuple[Paragraph, ...]
    starts: tuple[int, ...]

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph holding `offset` (None: between paragraphs, or past the text)."""
        i = bisect_right(self.starts, offset) - 1
        return self.paragraphs[i] if i >= 0 and offset < self.paragraphs[i].end else None


def is_word(name: str) -> bool:
    """Whether a draft of this name is read as a Word document."""
    return PurePath(name).suffix.lower() in WORD_SUFFIXES


def _refused_ole(name: str, data: bytes) -> InputError:
    if _ENCRYPTED in data:
        return InputError(
            f"{name}: password-protected: remove the password in Word "
            "(File › Info › Protect Document › Encrypt with Password) and save it again"
        )
    if _WORD_97 in data:
        return InputError(f"{name}: a Word 97–2003 document (.doc): open it in Word and save it as .docx")
    return InputError(f"{name}: an old Office document (.xls, .ppt), not a Word draft")


def word_text(data: bytes, name: str, max_bytes: int | None) -> WordText:
    """The text of a .docx given as bytes; `name` is what messages call it."""
    if data.startswith(OLE):
        raise _refused_ole(name, data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError(f"{name}: not a Word document: not a ZIP archive, as a .docx is") from None
    with archive:
        return _Package(archive, name, max_bytes).read()


class _Package:
    def __init__(self, archive: zipfile.ZipFile, name: str, max_bytes: int | None) -> None:
        self.archive, self.name, self.max_bytes = archive, name, max_bytes
        self.members = {info.filename: info for info in archive.infolist()}

    def _xml(self, member: str) -> ElementTree.Element:
        try:
            data = self.archive.read(self.members[member])
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
            raise InputError(f"{self.name}: not a Word document: a damaged ZIP archive ({exc})") from None
        if b"<!DOCTYPE" in data:
            raise InputError(f"{self.name}: refused: {member} declares a document type, which Word never writes")
        try:
            return ElementTree.fromstring(data)
        except ElementTree.ParseError as exc:
            raise InputError(f"{self.name}: not a Word document: {member} is not well-formed XML ({exc})") from None

    def _relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """A part's relationships: id → (kind, the target part's name)."""
        folder, base = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        if rels not in self.members:
            return {}
        found = {}
        for element in self._xml(rels):
            kind, target, rid = element.get("Type", ""), element.get("Target", ""), element.get("Id", "")
            if element.get("TargetMode") == "External" or not target:
                continue
            resolved = (
                target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            )
            found[rid] = (kind.rpartition("/")[2], resolved)
        return found

    def _main(self) -> str:
        for element in self._xml("_rels/.rels") if "_rels/.rels" in self.members else ():
            if element.get("Type", "").endswith("/officeDocument"):
                target = element.get("Target", "").lstrip("/")
                if target in self.members:
                    return target
        if "word/document.xml" in self.members:
            return "word/document.xml"
        raise InputError(f"{self.name}: not a Word document: the archive holds no word/document.xml")

    def _check_size(self, parts: list[str]) -> None:
        if self.max_bytes is None:
            return
        inflated = sum(self.members[part].file_size for part in parts)
        if inflated > self.max_bytes:
            raise InputError(too_large(f"{self.name}: once uncompressed", inflated, self.max_bytes))

    def read(self) -> WordText:
        main = self._main()
        relationships = self._relationships(main)
        wanted = [main] + sorted({p for kind, p in relationships.values() if kind in _KINDS and p in self.members})
        self._check_size(wanted)
        body = part_text(self._xml(main))
        notes = {kind: self._notes(relationships, kind + "s") for kind in ("footnote", "endnote")}
        pieces: list[tuple[str, str, int | None, Place]] = [(t, "body", None, place) for t, place in body.paragraphs]
        for kind in ("footnote", "endnote"):
            cited = list(dict.fromkeys(note for note in body.notes[kind] if note in notes[kind]))
            for number, note in enumerate(cited, 1):
                pieces += [(t, kind, number, place) for t, place in notes[kind][note].paragraphs]
        for kind, rids in (("header", body.headers), ("footer", body.footers)):
            parts = [relationships[rid][1] for rid in rids if rid in relationships]
            for number, part in enumerate(p for p in dict.fromkeys(parts) if p in self.members):
                pieces += [(t, kind, number + 1, place) for t, place in part_text(self._xml(part)).paragraphs]
        return _joined(pieces)

    def _notes(self, relationships: dict[str, tuple[str, str]], kind: str) -> dict[str, PartText]:
        part = next((p for k, p in relationships.values() if k == kind and p in self.members), None)
        return notes_text(self._xml(part)) if part is not None else {}


def _row(piece: tuple[str, str, int | None, Place]) -> tuple | None:
    _, part, number, place = piece
    return None if place.table is None else (part, number, place.table, place.row)


def _joined(pieces: list[tuple[str, str, int | None, Place]]) -> WordText:
    """The paragraphs joined by a blank line, but those of a table row of several cells by
    tabs, on one line: a figure in a cell is read with its row's label (Kestrel → 48,210)."""
    cells: dict[tuple, set[int | None]] = {}
    for piece in pieces:
        if (row := _row(piece)) is not None:
            cells.setdefault(row, set()).add(piece[3].cell)
    paragraphs, texts, start = [], [], 0
    for i, piece in enumerate(pieces):
        text, part, number, place = piece
        if i:
            row = _row(piece)
            same_row = row is not None and row == _row(pieces[i - 1]) and len(cells[row]) > 1
            texts.append("\t" if same_row else JOIN)
            start += len(texts[-1])
        paragraphs.append(Paragraph(start, start + len(text), part, number, place))
        texts.append(text)
        start += len(text)
    return WordText("".join(texts), tuple(paragraphs), tuple(p.start for p in paragraphs))
