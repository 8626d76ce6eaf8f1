"""Word files that cannot be read as drafts: each gives one line on stderr and exit 2 in every
command that reads drafts, never a traceback (docs/bad-input.md, "Word drafts")."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest
from cli_run import claimcheck
from docx_drafts import from_text, variant

ZH = "星瀾汽車第三季度交付新車12.8萬輛,同比增長百分之四十二。\n"


def _ole(*streams: str) -> bytes:
    """An OLE compound file (what Word 97–2003 and password-protected Office files are): its
    header, then a directory sector naming the streams."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
    header = header.ljust(512, b"\x00")
    entries = b""
    for name in ("Root Entry", *streams):
        encoded = (name + "\x00").encode("utf-16-le")
        entries += (encoded.ljust(64, b"\x00") + struct.pack("<H", len(encoded))).ljust(128, b"\x00")
    return header + entries.ljust(512, b"\x00")


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _lying_sizes(data: bytes, size: int) -> bytes:
    """The archive with every member declaring `size` bytes once inflated (a bomb that lies)."""
    out = bytearray(data)
    for signature, at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = out.find(signature)
        while start >= 0:
            out[start + at : start + at + 4] = struct.pack("<I", size)
            start = out.find(signature, start + 4)
    return bytes(out)


def _docx(tmp: Path) -> Path:
    return from_text(ZH, tmp / "good.docx")


_DOCUMENT = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
_BOMB = _DOCUMENT + b" " * (40 * 1024 * 1024) + b"</w:body></w:document>"
_ENTITIES = (
    b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
    + _DOCUMENT
    + b"<w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
)

# (what, file name, how the bytes are made from a good .docx, the line after "claimcheck: FILE: ")
CASES = [
    (
        "password-protected",
        "draft.docx",
        lambda good: _ole("EncryptionInfo", "EncryptedPackage"),
        "password-protected: remove the password in Word (File › Info › Protect Document › Encrypt with Password) "
        "and save it again",
    ),
    (
        "a Word 97–2003 .doc",
        "draft.doc",
        lambda good: _ole("WordDocument", "1Table"),
        "a Word 97–2003 document (.doc): open it in Word and save it as .docx",
    ),
    (
        "a .doc renamed .docx",
        "draft.docx",
        lambda good: _ole("WordDocument", "1Table"),
        "a Word 97–2003 document (.doc): open it in Word and save it as .docx",
    ),
    (
        "another old Office file renamed .docx",
        "draft.docx",
        lambda good: _ole("Workbook"),
        "an old Office document (.xls, .ppt), not a Word draft",
    ),
    (
        "a .docx cut short (a download that broke off)",
        "draft.docx",
        lambda good: good.read_bytes()[:2000],
        "not a Word document: not a ZIP archive, as a .docx is",
    ),
    (
        "text named .docx",
        "draft.docx",
        lambda good: ZH.encode(),
        "not a Word document: not a ZIP archive, as a .docx is",
    ),
    (
        "a ZIP with no document (an .xlsx renamed)",
        "draft.docx",
        lambda good: _zip({"xl/workbook.xml": b"<workbook/>"}),
        "not a Word document: the archive holds no word/document.xml",
    ),
    (
        "a ZIP bomb renamed .docx",
        "draft.docx",
        lambda good: _zip({"word/document.xml": _BOMB}),
        "once uncompressed: 40.0 MB, over the limit of 32.0 MB: raise --max-bytes (0 for no limit)",
    ),
    (
        "a ZIP bomb whose members lie about their size",
        "draft.docx",
        lambda good: _lying_sizes(_zip({"word/document.xml": _BOMB}), 1000),
        "not a Word document: a damaged ZIP archive (Bad CRC-32 for file 'word/document.xml')",
    ),
    (
        "XML that is not well-formed",
        "draft.docx",
        lambda good: _zip({"word/document.xml": _DOCUMENT + b"<w:p>"}),
        "not a Word document: word/document.xml is not well-formed XML (no element found: line 1, column 96)",
    ),
    (
        "XML with entities (a billion laughs)",
        "draft.docx",
        lambda good: _zip({"word/document.xml": _ENTITIES}),
        "refused: word/document.xml declares a document type, which Word never writes",
    ),
    (
        "a damaged part inside a good .docx",
        "draft.docx",
        lambda good: variant(
            good, good.with_name("v.docx"), lambda n, d: d[:-40] if n == "word/document.xml" else d
        ).read_bytes(),
        "not a Word document: word/document.xml is not well-formed XML",
    ),
]


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    return _docx(tmp_path_factory.mktemp("good"))


@pytest.mark.parametrize(("what", "name", "make", "error"), CASES, ids=[case[0] for case in CASES])
def test_a_word_file_that_cannot_be_read_gives_one_line(tmp_path, good, what, name, make, error):
    path = tmp_path / name
    path.write_bytes(make(good))
    result = claimcheck("extract", str(path), "-f", "json")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"claimcheck: {path}: {error}") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "command",
    [("verify", "--refs", "REFS"), ("check", "--refs", "REFS"), ("report", "-o", "OUT")],
    ids=lambda command: command[0],
)
def test_every_command_says_the_same_line(tmp_path, command):
    path = tmp_path / "draft.docx"
    path.write_bytes(_ole("EncryptionInfo", "EncryptedPackage"))
    refs = tmp_path / "refs.csv"
    refs.write_text("id,value,unit,subject,metric\na,12.8萬,輛,星瀾汽車,交付\n", encoding="utf-8")
    args = [str(refs) if a == "REFS" else str(tmp_path / "page.html") if a == "OUT" else a for a in command[1:]]
    result = claimcheck(command[0], str(path), *args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"claimcheck: {path}: password-protected: ")
    assert result.stderr.count("\n") == 1


def test_the_size_limit_applies_to_the_inflated_parts(tmp_path, good):
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(_zip({"word/document.xml": _BOMB}))
    assert claimcheck("extract", str(bomb), "--max-bytes", "0").returncode == 0  # no limit: read, nothing found
    result = claimcheck("extract", str(good), "--max-bytes", "1k")
    assert result.returncode == 2 and "over the limit of 1.0 KB" in result.stderr
