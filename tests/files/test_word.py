"""Reading a Word draft's text (claimcheck.files.word): what is text and what is not, in which
order, and where each paragraph stands in the document."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx_drafts import DRAFTS, desk_drafts
from places import ROOT

from claimcheck.files.word import word_text
from claimcheck.files.word_text import Place

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def package(body: str, parts: dict[str, str] | None = None) -> bytes:
    """A .docx holding `body` (the inside of w:body) and other members by name."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
        for name, xml in (parts or {}).items():
            archive.writestr(name, xml)
    return out.getvalue()


def run(text: str) -> str:
    return f"<w:r><w:t>{text}</w:t></w:r>"


# (what, the body's XML, the text read)
CASES = [
    ("runs of a paragraph joined", f"<w:p>{run('交付')}{run('12.8萬輛')}</w:p>", "交付12.8萬輛"),
    ("paragraphs joined by a blank line", f"<w:p>{run('a')}</w:p><w:p>{run('b')}</w:p>", "a\n\nb"),
    ("an empty paragraph left out", f"<w:p>{run('a')}</w:p><w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>", "a"),
    (
        "a tracked insertion kept, a deletion left out",
        f'<w:p>{run("sold ")}<w:del w:id="1"><w:r><w:delText>47,900</w:delText></w:r></w:del>'
        f'<w:ins w:id="2">{run("48,210")}</w:ins>{run(" vans")}</w:p>',
        "sold 48,210 vans",
    ),
    (
        "a move: read where it went, not where it was",
        f'<w:p><w:moveFrom w:id="1">{run("old ")}</w:moveFrom>{run("x")}'
        f'<w:moveTo w:id="2">{run(" new")}</w:moveTo></w:p>',
        "x new",
    ),
    (
        "a field: its result, not its code",
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{run("3")}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
        "3",
    ),
    ("a simple field's result", f'<w:p><w:fldSimple w:instr="DATE">{run("2025")}</w:fldSimple></w:p>', "2025"),
    ("tab and line break", "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r></w:p>", "a\tb\nc"),
    ("a link's text", f'<w:p><w:hyperlink w:history="1">{run("12%")}</w:hyperlink></w:p>', "12%"),
    (
        "a content control around a paragraph",
        f"<w:sdt><w:sdtPr><w:alias w:val='x'/></w:sdtPr>"
        f"<w:sdtContent><w:p>{run('50萬臺')}</w:p></w:sdtContent></w:sdt>",
        "50萬臺",
    ),
    (
        "comment marks leave no text",
        f'<w:p><w:commentRangeStart w:id="0"/>{run("30萬輛")}<w:commentRangeEnd w:id="0"/>'
        '<w:r><w:commentReference w:id="0"/></w:r></w:p>',
        "30萬輛",
    ),
    (
        "a text box is not the flow",
        f"<w:p>{run('a')}<w:r><w:pict><w:txbxContent><w:p>{run('99%')}</w:p></w:txbxContent></w:pict></w:r></w:p>",
        "a",
    ),
    (
        "a deleted paragraph mark changes nothing read",
        f'<w:p><w:pPr><w:rPr><w:del w:id="1"/></w:rPr></w:pPr>{run("a")}</w:p>',
        "a",
    ),
    (
        "a tracked-deleted table row left out",
        f"<w:tbl><w:tr><w:tc><w:p>{run('kept')}</w:p></w:tc></w:tr>"
        f"<w:tr><w:trPr><w:del w:id='1'/></w:trPr><w:tc><w:p>{run('gone')}</w:p></w:tc></w:tr></w:tbl>",
        "kept",
    ),
]


@pytest.mark.parametrize(("what", "body", "text"), CASES, ids=[case[0] for case in CASES])
def test_what_is_text(what, body, text):
    assert word_text(package(body), "x.docx", None).text == text


def test_places_count_every_paragraph_as_word_does():
    body = (
        f"<w:p>{run('head')}</w:p><w:p/>"
        f"<w:tbl><w:tr><w:tc><w:p>{run('a')}</w:p></w:tc><w:tc><w:p/><w:p>{run('b')}</w:p></w:tc></w:tr>"
        f"<w:tr><w:tc><w:tbl><w:tr><w:tc><w:p>{run('inner')}</w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>"
        f"<w:p>{run('after')}</w:p>"
    )
    read = word_text(package(body), "x.docx", None)
    assert [(read.text[p.start : p.end], p.place) for p in read.paragraphs] == [
        ("head", Place(1)),
        ("a", Place(3, table=1, row=1, cell=1)),
        ("b", Place(5, table=1, row=1, cell=2)),
        ("inner", Place(6, table=2, row=1, cell=1)),
        ("after", Place(7)),
    ]


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    return desk_drafts(tmp_path_factory.mktemp("desk"))


@pytest.mark.parametrize("name", [draft.name for draft in DRAFTS])
def test_a_desk_draft_reads_as_its_text(drafts, name):
    """Body with its table in place, changes accepted, the comment left out, then the
    footnote, the header and the footer (its page field's result)."""
    path, text = drafts[name]
    assert word_text(path.read_bytes(), str(path), None).text == text


def test_each_paragraph_knows_its_part(drafts):
    path, _ = drafts["zh-hant-desk"]
    read = word_text(path.read_bytes(), str(path), None)
    where = [(p.part, p.number, p.place, read.text[p.start : p.end]) for p in read.paragraphs]
    assert where[3] == ("body", None, Place(4), "公司主力車型QX7累計銷量已突破30萬輛。")
    assert where[11] == ("body", None, Place(12, table=1, row=4, cell=2), "4.7萬輛")
    assert [w[:3] for w in where[13:]] == [("footnote", 1, Place(1)), ("header", 1, Place(1)), ("footer", 1, Place(1))]
    assert read.paragraph_at(read.text.index("4.7萬輛") + 2) == read.paragraphs[11]
    assert read.paragraph_at(read.paragraphs[0].end + 1) is None  # between two paragraphs


@pytest.mark.parametrize("name", [draft.name for draft in DRAFTS])
def test_the_drafts_in_fixtures_are_the_scripts(drafts, name):
    """fixtures/word/ holds what `python tests/docx_drafts.py fixtures/word` writes."""
    committed = ROOT / "fixtures" / "word" / f"{name}.docx"
    assert word_text(committed.read_bytes(), str(committed), None).text == drafts[name][1]


def test_the_headers_of_every_section_once_in_order_then_the_footers():
    kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    relationships = "".join(
        f'<Relationship Id="{rid}" Type="{kind}{what}" Target="{target}"/>'
        for rid, what, target in (
            ("rId1", "header", "header1.xml"),
            ("rId2", "header", "header2.xml"),
            ("rId3", "footer", "/word/footer1.xml"),  # an absolute target
            ("rId4", "hyperlink", "https://example.org"),
        )
    )
    r = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

    def section(*references: str) -> str:
        return (
            "<w:sectPr>"
            + "".join(f'<w:{ref} {r} r:id="{rid}"/>' for ref, rid in map(str.split, references))
            + "</w:sectPr>"
        )

    def part(root: str, text: str) -> str:
        return f"<w:{root} {W}><w:p>{run(text)}</w:p></w:{root}>"

    body = (
        f"<w:p><w:pPr>{section('headerReference rId1', 'footerReference rId3')}</w:pPr>{run('a')}</w:p>"
        f"<w:p>{run('b')}</w:p>{section('headerReference rId2', 'headerReference rId1', 'footerReference rId3')}"
    )
    read = word_text(
        package(
            body,
            {
                "word/_rels/document.xml.rels": f'<Relationships xmlns="x">{relationships}</Relationships>',
                "word/header1.xml": part("hdr", "First 1"),
                "word/header2.xml": part("hdr", "Second 2"),
                "word/footer1.xml": part("ftr", "Foot 3"),
            },
        ),
        "x.docx",
        None,
    )
    assert read.text == "a\n\nb\n\nFirst 1\n\nSecond 2\n\nFoot 3"
    assert [(p.part, p.number) for p in read.paragraphs] == [
        ("body", None),
        ("body", None),
        ("header", 1),
        ("header", 2),
        ("footer", 1),
    ]
