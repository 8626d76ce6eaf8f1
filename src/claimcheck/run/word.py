"""A Word draft on its way through claimcheck.run.document: its bytes read, its text taken
out (claimcheck.files.word), and each claim found in that text given its location in the
document, for an editor to find it in Word."""

from __future__ import annotations

from pathlib import PurePath

from claimcheck.errors import InputError
from claimcheck.files.read import decode, read_raw, too_large
from claimcheck.files.word import OLE, WordText, is_word, word_text
from claimcheck.models import Claim, Location


def read_word(
    name: str, path: str | None, data: bytes | None, encoding: str | None, max_bytes: int | None
) -> tuple[WordText | None, str | None]:
    """The text of a Word draft, or, for a .doc that is neither an OLE file (Word 97–2003,
    refused) nor a ZIP (a .docx misnamed), the text it holds (Word saves RTF and HTML as .doc
    too), decoded as any draft is: (WordText, None) or (None, text)."""
    if data is None:
        assert path is not None
        name, data = read_raw(path, max_bytes)
    elif max_bytes is not None and len(data) > max_bytes:
        raise InputError(too_large(name, None, max_bytes))
    if PurePath(name).suffix.lower() == ".doc" and not data.startswith((OLE, b"PK\x03\x04")):
        return None, decode(data, name, encoding=encoding, max_bytes=max_bytes)
    return word_text(data, name, max_bytes), None


def _location(word: WordText, offset: int) -> Location | None:
    paragraph = word.paragraph_at(offset)
    if paragraph is None:
        return None
    place = paragraph.place
    return Location(
        part=paragraph.part,
        number=paragraph.number,
        paragraph=place.paragraph,
        table=place.table,
        row=place.row,
        cell=place.cell,
    )


def located(claims: list[Claim], word: WordText) -> list[Claim]:
    """Each claim with the location of the paragraph it starts in."""
    return [claim.model_copy(update={"location": _location(word, claim.start)}) for claim in claims]


__all__ = ["WordText", "is_word", "located", "read_word"]
