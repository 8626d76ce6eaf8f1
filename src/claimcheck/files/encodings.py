"""What an input's bytes are: a binary format, refused by name, or text in an encoding decided
by rule — a byte-order mark first, then strict UTF-8, then a detector that may only answer
GB18030 or Big5 — unless the caller forces one.

Only the head of the input (HEAD bytes) is looked at; the whole input is decoded strictly
afterwards, so a later byte the decision does not fit still stops the run with its offset.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from claimcheck.errors import InputError, quoted

HEAD = 64 * 1024

# (offset, signature, what the file looks like). Each signature holds bytes no text has,
# or text no draft starts with (%PDF-, {\rtf).
_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"%PDF-", "a PDF document"),
    (0, b"{\\rtf", "an RTF document (save it as plain text)"),
    (0, b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (0, b"\xff\xd8\xff", "a JPEG image"),
    (0, b"GIF87a", "a GIF image"),
    (0, b"GIF89a", "a GIF image"),
    (0, b"II*\x00", "a TIFF image"),
    (0, b"MM\x00*", "a TIFF image"),
    (0, b"PK\x03\x04", "a ZIP archive (or a .docx, .xlsx, .epub)"),
    (0, b"PK\x05\x06", "a ZIP archive (empty)"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc, .xls, .ppt)"),
    (0, b"\x1f\x8b", "a gzip archive"),
    (0, b"\xfd7zXZ\x00", "an xz archive"),
    (0, b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (0, b"Rar!\x1a\x07", "a RAR archive"),
    (0, b"BZh", "a bzip2 archive"),
    (257, b"ustar", "a tar archive"),
    (0, b"\x7fELF", "an ELF executable"),
    (0, b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
    (0, b"\xca\xfe\xba\xbe", "a Java class or Mach-O file"),
    (0, b"\x00asm", "a WebAssembly module"),
    (0, b"SQLite format 3\x00", "an SQLite database"),
    (0, b"OggS", "an Ogg audio file"),
    (0, b"\x1a\x45\xdf\xa3", "a Matroska/WebM video"),
    (4, b"ftyp", "an MP4/MOV video or a HEIC image"),
)
_RIFF = {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Control bytes no text file is made of (tab, line feed, form feed, carriage return and
# escape are left out: they turn up in real text).
_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27)) + b"\x7f"
# What the detector may answer, and the codec each answer is read with: GB18030 reads
# GB2312 and GBK; cp950 is the Big5 Windows writes (Big5 and its extensions).
_DETECTABLE = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "big5": "cp950", "cp950": "cp950"}
_MAX_CHAOS = 0.2


class NotText(InputError):
    """The input is a binary file: a document, an image, an archive or a program."""


@dataclass(frozen=True, slots=True)
class Decision:
    encoding: str  # a Python codec name
    how: str  # "given", "byte-order mark", "UTF-8" or "detected"


def _signature(head: bytes) -> str | None:
    for offset, signature, what in _SIGNATURES:
        if head.startswith(signature, offset) and (signature != b"BZh" or head[4:10] == b"1AY&SY"):
            return what
    if head.startswith(b"RIFF") and head[8:12] in _RIFF:
        return _RIFF[head[8:12]]
    return None


def binary_kind(head: bytes) -> str | None:
    """What the input looks like when it is not text, from its first bytes; None for text."""
    what = _signature(head)
    if what is not None:
        return what
    if b"\x00" in head:
        return _nul_kind(head)
    controls = len(head) - len(head.translate(None, _CONTROLS))
    if controls * 16 > len(head):
        return "binary data (control bytes)"
    return None


def _nul_kind(head: bytes) -> str:
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if (even + odd) * 4 >= len(head) and min(even, odd) * 10 <= max(even, odd):
        order = "le" if odd > even else "be"
        return f"UTF-16 text without a byte-order mark (give --encoding utf-16-{order})"
    return "binary data (NUL bytes)"


def not_text(head: bytes, forced: str | None = None) -> str | None:
    """What an input is when it is not text, by the rules `decide` applies first; else None."""
    what = _signature(head)
    if what is not None or forced or any(head.startswith(bom) for bom, _ in _BOMS):
        return what
    return binary_kind(head)


def text_codec(name: str) -> str:
    """The Python codec `name` stands for, if it turns bytes into text; else ValueError.
    rot13, hex, base64 and zlib are codecs too, but of text to text or bytes to bytes."""
    try:
        codec = codecs.lookup(name)
    except LookupError:
        raise ValueError(f"unknown encoding {quoted(name)}") from None
    try:
        b"a".decode(codec.name)  # not b"": decoding nothing skips the check
    except UnicodeDecodeError:
        pass  # a text encoding that wants more bytes (UTF-16)
    except (LookupError, UnicodeError):
        raise ValueError(f"{quoted(name)} is not an encoding of text: give one such as gb18030, big5, cp1252") from None
    return codec.name


def decide(head: bytes, name: str, *, forced: str | None = None, complete: bool = False) -> Decision:
    """The encoding to read an input in, from its head; `complete` when the head is all of it.

    Raises NotText for a binary file and InputError when no rule decides.
    """
    what = _signature(head)
    if what is not None:
        raise NotText(f"{name}: not text: it looks like {what}")
    if forced:
        try:
            return Decision(text_codec(forced), "given")
        except ValueError as exc:
            raise InputError(f"{name}: {exc}") from None
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return Decision(encoding, "byte-order mark")
    what = binary_kind(head)
    if what is not None:
        raise NotText(f"{name}: not text: it looks like {what}")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=complete)
        return Decision("utf-8", "UTF-8")
    except UnicodeDecodeError as exc:
        offset = exc.start
    detected = _detect(head, complete)
    if detected is not None:
        return Decision(detected, "detected")
    raise InputError(
        f"{name}: not valid UTF-8 at byte {offset}, nor recognisably GB18030 or Big5: "
        "give --encoding (cp1252, shift_jis, …)"
    )


def _detect(head: bytes, complete: bool) -> str | None:
    """GB18030 or Big5 when the detector is confident, or when the text reads in one of them
    as Chinese in common characters (a short headline), else None. The sample ends at a line
    break, which no GB18030 or Big5 character contains, so no character is cut in two."""
    from charset_normalizer import from_bytes

    sample = head
    if not complete and b"\n" in head:
        sample = head[: head.rindex(b"\n") + 1]
    best = from_bytes(sample).best()
    if best is not None and best.chaos <= _MAX_CHAOS and best.encoding in _DETECTABLE:
        return _DETECTABLE[best.encoding]
    from claimcheck.files.common_han import common_han_codec  # a short text: too little for the detector

    return common_han_codec(sample)


def describe(decision: Decision) -> str:
    """The encoding as a person names it, for messages: UTF-8, GB18030, Big5 (cp950)."""
    names = {"utf-8": "UTF-8", "gb18030": "GB18030", "cp950": "Big5 (cp950)"}
    return names.get(decision.encoding, decision.encoding)
