"""Where a claim of a Word draft stands in the document, so that an editor can find it in Word.
Part of the JSON contract, as claimcheck.models is: extend, do not break."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from claimcheck.records import Record as _Record

Part = Literal["body", "footnote", "endnote", "header", "footer"]


class Location(_Record):
    """A paragraph of a .docx, counted as Word counts: every paragraph of its part in order,
    the empty ones and those in table cells included."""

    absent_when_none: ClassVar[tuple[str, ...]] = ("number", "table", "row", "cell")

    part: Part = Field(default="body", description="body, or a footnote, endnote, header or footer.")
    number: int | None = Field(
        default=None,
        ge=1,
        exclude_if=lambda number: number is None,
        description="Which footnote, endnote, header or footer: 1-based, in the order the body refers to them "
        "(a footnote's number as Word shows it); absent in the body.",
    )
    paragraph: int = Field(ge=1, description="1-based paragraph of the part (the body's ¶12).")
    table: int | None = Field(
        default=None,
        ge=1,
        exclude_if=lambda table: table is None,
        description="In a table: which, 1-based in the part's order (nested tables counted); absent otherwise.",
    )
    row: int | None = Field(default=None, ge=1, exclude_if=lambda row: row is None, description="1-based row.")
    cell: int | None = Field(default=None, ge=1, exclude_if=lambda cell: cell is None, description="1-based cell.")

    def label(self) -> str:
        """As `check` writes it after the file's name: ¶12, ¶14 table 1 row 2 cell 3, footnote 2 ¶1."""
        where = f"¶{self.paragraph}" if self.part == "body" else f"{self.part} {self.number} ¶{self.paragraph}"
        if self.table is not None:
            where += f" table {self.table} row {self.row} cell {self.cell}"
        return where
