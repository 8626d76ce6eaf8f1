"""Word drafts for the tests, made with python-docx: the fixture articles turned into .docx, and
drafts shaped as a desk hands them over — a headline, a byline, a table, footnotes, tracked
changes, a comment, a header and a footer, in Chinese (both scripts) and English.

python-docx writes no footnotes and no tracked changes: their XML is written here (a footnotes
part related to the document, `w:ins` and `w:del` around runs). Each draft comes with the text
claimcheck must read from it: its changes accepted, the comment left out, the notes after the
body, the header and footer last, paragraphs joined by a blank line, a table row's cells by tabs.

    python tests/docx_drafts.py OUTDIR    writes the desk drafts (fixtures/word/ holds them)
"""

from __future__ import annotations

import copy
import sys
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ARTICLES = ("zh-hans-economy", "zh-hant-ev-market", "en-transport", "en-rankings")
JOIN = "\n\n"
_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_CHANGE = {qn("w:author"): "Desk editor", qn("w:date"): "2025-11-03T10:00:00Z"}


def from_text(text: str, path: Path) -> Path:
    """A .txt draft as a writer would type it in Word: a paragraph per line, the first one the
    headline (Heading 1), no empty paragraphs."""
    document = docx.Document()
    lines = [line for line in text.split("\n") if line.strip()]
    document.add_heading(lines[0], level=1)
    for line in lines[1:]:
        document.add_paragraph(line)
    document.save(path)
    return path


def fixture_articles(folder: Path) -> dict[str, tuple[Path, Path]]:
    """Each fixture article as .docx, with its .txt."""
    made = {}
    for name in ARTICLES:
        txt = FIXTURES / f"{name}.txt"
        made[name] = (from_text(txt.read_text(encoding="utf-8"), folder / f"{name}.docx"), txt)
    return made


# A paragraph is a list of pieces: text, or (what, text) with what one of
# ins (a tracked insertion), del (a tracked deletion), note (a footnote), comment (the text
# commented on, with the comment's own text after a "|").
Piece = str | tuple[str, str]


@dataclass(frozen=True)
class Draft:
    name: str
    headline: str
    paragraphs: tuple[tuple[Piece, ...], ...]
    table: tuple[tuple[str, ...], ...]
    after_table: tuple[tuple[Piece, ...], ...]
    header: str
    footer: str  # the page number follows it, as a PAGE field


DRAFTS = (
    Draft(
        "zh-hant-desk",
        "星瀾汽車第三季度交付創新高",
        (
            ("南港財經網 記者 林曉舟 | 2025年11月3日",),
            (
                "星瀾汽車11月3日公布,今年第三季度共交付新車",
                ("del", "11.9萬輛"),
                ("ins", "12.8萬輛"),
                ",同比增長百分之四十二。",
                ("note", "數據來源:星瀾汽車第三季度財報,營收約為86.4億元人民幣。"),
            ),
            (("comment", "公司主力車型QX7累計銷量已突破30萬輛。|請核對:官網寫的是29萬輛"),),
        ),
        (("月份", "交付量"), ("7月", "3.9萬輛"), ("8月", "4.2萬輛"), ("9月", "4.7萬輛")),
        (("分析人士認為,星瀾", ("ins", "全年"), "營收將達到300億元以上。"),),
        "南港財經網 內部稿件",
        "第 ",
    ),
    Draft(
        "zh-hans-desk",
        "东岭市前三季度经济运行稳中有进",
        (
            ("东岭日报 记者 周明 2025年10月20日",),
            (
                "前三季度,东岭市地区生产总值达到",
                ("del", "4,800亿元"),
                ("ins", "5,126亿元"),
                ",同比增长5.8%。",
                ("note", "按可比价格计算,增速比上半年加快0.3个百分点。"),
            ),
            (("comment", "全市规模以上工业增加值增长7.2%。|统计局口径待确认"),),
        ),
        (("指标", "数值"), ("社会消费品零售总额", "1,860亿元"), ("城镇居民人均可支配收入", "48,600元")),
        (("其中,新能源汽车产量增长", ("del", "40%"), ("ins", "46%"), "。"),),
        "东岭日报 编辑部稿件",
        "第 ",
    ),
    Draft(
        "en-desk",
        "Kestrel Motors tops European van market",
        (
            ("By Ana Ruiz, March 4, 2025",),
            (
                "Kestrel registered ",
                ("del", "47,900"),
                ("ins", "48,210"),
                " vans in February, up 12.4% from a year earlier.",
                ("note", "Figures from the Continental Vehicle Registry; revenue was €2.3bn."),
            ),
            (("comment", "Orbis sold 51,900 vehicles in February.|Check: the registry says 51,600"),),
        ),
        (("Maker", "February"), ("Kestrel", "48,210 vans"), ("Orbis", "51,900 vans")),
        (
            (
                "Electric vans made up ",
                ("ins", "18%"),
                " of the market.",
            ),
        ),
        "Newsroom draft — not for publication",
        "Page ",
    ),
)


def _run(text: str, tag: str = "w:t") -> OxmlElement:
    run = OxmlElement("w:r")
    t = OxmlElement(tag)
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    return run


def _change(tag: str, text: str, number: int) -> OxmlElement:
    change = OxmlElement(tag, {**_CHANGE, qn("w:id"): str(number)})
    change.append(_run(text, "w:delText" if tag == "w:del" else "w:t"))
    return change


def _note_reference(number: int) -> OxmlElement:
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    properties.append(OxmlElement("w:vertAlign", {qn("w:val"): "superscript"}))
    run.append(properties)
    run.append(OxmlElement("w:footnoteReference", {qn("w:id"): str(number)}))
    return run


def _footnotes_part(document, notes: list[str]) -> None:
    """The footnotes part, as Word writes it: two separators, then each note."""
    xml = [f"<w:footnotes {nsdecls('w', 'r')}>"]
    xml.append('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>')
    xml.append(
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        "</w:footnote>"
    )
    for number, note in enumerate(notes, 1):
        xml.append(
            f'<w:footnote w:id="{number}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {note}</w:t></w:r></w:p></w:footnote>'
        )
    xml.append("</w:footnotes>")
    blob = "".join(xml).encode("utf-8")
    part = Part(PackURI("/word/footnotes.xml"), _FOOTNOTES, blob, document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


def _page_field(paragraph) -> None:
    """A PAGE field whose last result was 1: the code is not text, the result is."""
    for kind, code in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind is not None:
            run = OxmlElement("w:r")
            run.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): kind}))
        else:
            run = _run(code, "w:instrText" if code == " PAGE " else "w:t")
        paragraph._p.append(run)


class _Writer:
    def __init__(self) -> None:
        self.document = docx.Document()
        self.notes: list[str] = []
        self.changes = 0

    def paragraph(self, pieces: tuple[Piece, ...], container=None) -> str:
        """Writes the paragraph; returns its text as claimcheck reads it."""
        paragraph = (container or self.document).add_paragraph()
        read = []
        for piece in pieces:
            what, text = ("text", piece) if isinstance(piece, str) else piece
            if what == "text":
                paragraph.add_run(text)
                read.append(text)
            elif what in ("ins", "del"):
                self.changes += 1
                paragraph._p.append(_change(f"w:{what}", text, self.changes))
                read.append(text if what == "ins" else "")
            elif what == "note":
                self.notes.append(text)
                paragraph._p.append(_note_reference(len(self.notes)))
            else:
                commented, comment = text.split("|")
                self.document.add_comment(paragraph.add_run(commented), text=comment, author="Desk editor")
                read.append(commented)
        return "".join(read)

    def table(self, rows: tuple[tuple[str, ...], ...]) -> list[str]:
        table = self.document.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for row, cells in zip(table.rows, rows, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.paragraphs[0].add_run(text)
        return ["\t".join(cells) for cells in rows]  # a row is read as one line


def write_draft(draft: Draft, folder: Path) -> tuple[Path, str]:
    """The draft as .docx, and the text claimcheck must read from it."""
    writer = _Writer()
    document = writer.document
    document.add_heading(draft.headline, level=1)
    body = [draft.headline]
    body += [writer.paragraph(pieces) for pieces in draft.paragraphs]
    body += writer.table(draft.table)
    body += [writer.paragraph(pieces) for pieces in draft.after_table]
    document.add_paragraph()  # an empty paragraph, as drafts end with: counted, not read
    _footnotes_part(document, writer.notes)
    section = document.sections[0]
    section.header.paragraphs[0].text = draft.header
    footer = section.footer.paragraphs[0]
    footer.add_run(draft.footer)
    _page_field(footer)
    path = folder / f"{draft.name}.docx"
    document.save(path)
    text = JOIN.join([*body, *(f" {note}" for note in writer.notes), draft.header, f"{draft.footer}1"])
    return path, text


def desk_drafts(folder: Path) -> dict[str, tuple[Path, str]]:
    return {draft.name: write_draft(draft, folder) for draft in DRAFTS}


def variant(path: Path, out: Path, edit) -> Path:
    """A copy of the .docx at `path` with `edit(name, data) -> data` applied to each member."""
    import zipfile

    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(copy.copy(info), edit(info.filename, source.read(info)))
    return out


def main(folder: str) -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    desk_drafts(out)
    print(f"wrote {len(DRAFTS)} drafts to {out}")


if __name__ == "__main__":
    main(sys.argv[1])
