"""The editor's report as HTML, without a browser: every piece of text escaped, the article's
text all there, one highlighted span per claim, counts that agree with the verifier, links
only to http(s), a policy that forbids loads, colours that pass WCAG AA, and the commands."""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from cli_run import claimcheck as run_cli
from places import ROOT

import claimcheck
from claimcheck.models import Claim, TextSpan
from claimcheck.render.check.html import page_names
from claimcheck.render.report.draft import draft_page
from claimcheck.render.report.html import paragraphs, render
from claimcheck.render.report.page import asset, safe_url
from claimcheck.render.report.record import Marked
from claimcheck.run.document import Source, read_document
from claimcheck.text.normalize import removed_spans
from claimcheck.verification.report import verify_documents

FIXTURES = ROOT / "fixtures"
ZH, ZH_REFS = FIXTURES / "zh-hant-ev-market.txt", FIXTURES / "refs" / "zh-hant-ev-market.csv"
EN, EN_REFS = FIXTURES / "en-rankings.txt", FIXTURES / "refs" / "en-rankings.csv"
HOSTILE, HOSTILE_REFS = FIXTURES / "hostile" / "draft.txt", FIXTURES / "hostile" / "refs.csv"


class Page(HTMLParser):
    """What a test needs of a report: every tag with its attributes, the scripts, the text of
    each paragraph of the article, and the text of each claim."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.paragraphs: list[str] = []
        self.claims: list[tuple[dict[str, str | None], str]] = []
        self.languages: list[str | None] = []  # of the article's paragraphs
        self.source = source
        self._in_script = self._in_main = False
        self._paragraph: list[str] | None = None
        self._claim: tuple[dict[str, str | None], list[str]] | None = None
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")
        elif tag == "main":
            self._in_main = True
        elif tag == "p" and self._in_main:
            self._paragraph = []
            self.languages.append(attributes.get("lang"))
        elif tag == "button" and "claim" in (attributes.get("class") or ""):
            self._claim = (attributes, [])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False
        elif tag == "main":
            self._in_main = False
        elif tag == "p" and self._paragraph is not None:
            self.paragraphs.append("".join(self._paragraph))
            self._paragraph = None
        elif tag == "button" and self._claim is not None:
            self.claims.append((self._claim[0], "".join(self._claim[1])))
            self._claim = None

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        if self._paragraph is not None:
            self._paragraph.append(data)
        if self._claim is not None:
            self._claim[1].append(data)

    def counts(self) -> dict[str, int]:
        return {name: int(n) for name, n in re.findall(r'data-count="(\w+)">(\d+)<', self.source)}


def verified(draft: Path, table: Path):
    text = draft.read_text(encoding="utf-8")
    document = claimcheck.extract_document(text, source=str(draft))
    report = verify_documents([document], [claimcheck.load_references(str(table))], table_paths=[str(table)])
    return text, report


def report_of(draft: Path, table: Path | None) -> str:
    text = draft.read_text(encoding="utf-8")
    index = claimcheck.load_references(str(table)) if table else None
    read = read_document(Source.of_text(text, str(draft)), prose=True, references=index, keep_text=True)
    return draft_page(read, [str(table)] if table else [])


@pytest.fixture(scope="module")
def zh_page() -> Page:
    return Page(report_of(ZH, ZH_REFS))


@pytest.fixture(scope="module")
def hostile_source() -> str:
    return report_of(HOSTILE, HOSTILE_REFS)


# --- the article and its claims ---------------------------------------------------------


@pytest.mark.parametrize(("draft", "table"), [(ZH, ZH_REFS), (EN, EN_REFS)], ids=["zh", "en"])
def test_every_claim_is_one_span_with_its_verdict_and_the_counts_agree(draft, table):
    text, report = verified(draft, table)
    page = Page(report_of(draft, table))
    claims = report.documents[0].claims
    assert [body for _, body in page.claims] == [c.text for c in claims]
    assert [attrs["data-status"] for attrs, _ in page.claims] == [c.verdict.status for c in claims]
    assert [attrs["data-kind"] for attrs, _ in page.claims] == [c.kind for c in claims]
    summary = report.summary
    expected = {"all": summary.claims, "sourced": summary.sourced, "mismatch": summary.mismatch}
    assert page.counts() == expected | {"unsourced": summary.unsourced}
    assert summary.mismatch > 0 and summary.sourced > 0


@pytest.mark.parametrize("draft", [ZH, EN, HOSTILE], ids=["zh", "en", "hostile"])
def test_the_article_text_is_all_there_paragraph_by_paragraph(draft):
    text = draft.read_text(encoding="utf-8")
    page = Page(report_of(draft, None))
    expected = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    assert page.paragraphs == expected


def test_what_the_normalizer_removes_is_shown_dimmed_not_dropped(zh_page):
    text = ZH.read_text(encoding="utf-8")
    removed = [text[s:e] for s, e in removed_spans(text)]
    assert "(xù)" in removed and "![]()" in removed
    source = zh_page.source
    assert '<span class="removed" aria-hidden="true">(xù)</span>' in source
    assert '<span class="removed" aria-hidden="true">![]()</span>' in source


def test_without_a_table_every_claim_is_not_verified():
    page = Page(report_of(EN, None))
    n = len(claimcheck.extract(EN.read_text(encoding="utf-8")))
    assert {attrs["data-status"] for attrs, _ in page.claims} == {"unverified"}
    assert page.counts() == {"all": n, "unverified": n}
    assert "not verified" in page.source and "--refs TABLE" in page.source


def test_paragraphs_split_at_blank_lines_but_never_inside_a_claim():
    text = "First 12 vans.\n\nSecond 3\n\nvans here.\n  \n\nThird."
    start = text.index("3")
    claim = Claim(
        id="x",
        kind="quantity",
        text=text[start : start + 11],
        start=start,
        end=start + 11,
        line=3,
        column=8,
        value=3,
        sentence=TextSpan(text="Second 3", start=start - 7, end=start + 1),
        lang="en",
    )
    spans = paragraphs(text, [claim])
    assert [text[s:e] for s, e in spans] == ["First 12 vans.", "Second 3\n\nvans here.", "Third."]


def test_a_claim_that_does_not_fit_the_text_is_refused():
    claim = claimcheck.extract("Sales rose 12% in May.")[0]
    with pytest.raises(ValueError, match="does not fit"):
        render("Sales fell 12% in May.", [Marked(claim)], title="t", subtitle="s", verified=False)


# --- escaping, links, policy --------------------------------------------------------------


def test_text_from_the_draft_and_the_table_is_escaped(hostile_source):
    page = Page(hostile_source)
    assert page.scripts == [asset("report.js")]
    for tag, attrs in page.tags:
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        assert tag not in ("img", "svg", "iframe", "object", "embed")
    for raw in ("<script>window", "<img src=x", "<svg onload", '<a href="javascript'):
        assert raw not in hostile_source
    assert "<script>window.__pwned=1</script>" in page.paragraphs[0]  # text, not a tag
    assert "workers&lt;img src=x onerror=window.__pwned=5&gt;" in hostile_source  # a row id, in a reason


def test_only_http_and_https_sources_become_links(hostile_source):
    hrefs = [attrs.get("href") for tag, attrs in Page(hostile_source).tags if tag == "a"]
    external = [href for href in hrefs if not href.startswith("#")]
    assert external == []  # every source in the hostile table is javascript: or data:
    assert "javascript:window.__pwned=6" in hostile_source  # shown as text
    en = Page(report_of(EN, EN_REFS))
    links = [attrs for tag, attrs in en.tags if tag == "a" and not attrs["href"].startswith("#")]
    assert links and all(attrs["href"].startswith("https://registry.example.org/") for attrs in links)
    assert all(attrs["rel"] == "noopener noreferrer" for attrs in links)


@pytest.mark.parametrize(
    ("source", "link"),
    [
        ("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&c=2"),
        ("  http://example.org/  ", "http://example.org/"),
        ("HTTPS://EXAMPLE.ORG", "HTTPS://EXAMPLE.ORG"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox", None),
        ("https:javascript:alert(1)", None),
        ("//example.org/x", None),
        ("https://exa mple.org", None),
        ("星澜汽车三季度业绩公告 2025-11-03", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_url(source, link):
    assert safe_url(source) == link


def test_the_policy_forbids_loads_and_pins_the_inline_script_and_style():
    source = report_of(EN, EN_REFS)
    [policy] = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', source)
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'none'"

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    [script] = re.findall(r"<script>(.*?)</script>", source, re.S)
    [style] = re.findall(r"<style>(.*?)</style>", source, re.S)
    assert directives["script-src"] == digest(script)
    assert directives["style-src"] == digest(style)
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", source.split("</head>")[0])


def test_roles_and_labels_for_assistive_technology(zh_page):
    buttons = [attrs for tag, attrs in zh_page.tags if tag == "button"]
    assert buttons and all(b["type"] == "button" and b["aria-controls"].startswith("record-") for b in buttons)
    ids = {attrs.get("id") for _, attrs in zh_page.tags}
    for b in buttons:
        assert b["aria-controls"] in ids
        assert all(part in ids for part in b["aria-describedby"].split())
    assert ("main", {"id": "article", "tabindex": "-1", "aria-label": "Article"}) in zh_page.tags
    assert set(zh_page.languages) == {"zh-Hant", None}  # None: a placeholder alone, ![]()
    for tag, attrs in zh_page.tags:
        if tag == "input":
            assert attrs["type"] == "checkbox"  # each sits inside its <label>


# --- colours ------------------------------------------------------------------------------


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_colours_pass_wcag_aa():
    colours = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", asset("report.css")))
    statuses = ("sourced", "mismatch", "unsourced", "unverified")
    text_pairs = [("ink", f"{s}-bg") for s in statuses]  # a claim's text on its highlight
    text_pairs += [(fg, bg) for fg in ("ink", "dim", "link") for bg in ("paper", "panel")]
    for fg, bg in text_pairs:
        assert contrast(colours[fg], colours[bg]) >= 4.5, (fg, bg)
    # Underlines, borders and the focus ring are not text: 3:1 against what they sit on.
    graphic_pairs = [(f"{s}-line", bg) for s in statuses for bg in ("paper", "panel", f"{s}-bg")]
    graphic_pairs += [("focus", "paper"), ("focus", "panel"), ("rule", "paper")]
    for fg, bg in graphic_pairs:
        assert contrast(colours[fg], colours[bg]) >= 3, (fg, bg)


# --- the commands -------------------------------------------------------------------------


def run(*args: str, cwd: Path = ROOT, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, cwd=cwd, stdin=stdin, in_ci=True)


def test_report_command_writes_the_page(tmp_path):
    target = tmp_path / "report.html"
    result = run("report", str(EN), "--refs", str(EN_REFS), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(target)
    page = Page(target.read_text(encoding="utf-8"))
    assert page.counts()["mismatch"] == 3


def test_report_command_defaults_to_the_drafts_path_plus_html(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Sales rose 12% in May.\n", encoding="utf-8")
    result = run("report", str(draft))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "draft.txt.html").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "fixtures/missing.txt", "-o", "x.html"], "claimcheck: fixtures/missing.txt: no such file"),
        (["report", str(EN), "--refs", "fixtures/missing.csv", "-o", "x.html"], "missing.csv: no such file"),
        (["report", "-"], "needs --output FILE"),
        (["report", str(EN), "--approx", "200%", "-o", "x.html"], "--approx"),
        (["report", str(EN), "-o", "/nonexistent-dir/x.html"], "cannot write"),
    ],
)
def test_report_command_bad_input_is_one_line_and_exit_2(args, message):
    result = run(*args, stdin="")
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_check_format_html_writes_an_index_linking_one_page_per_draft(tmp_path):
    newsroom = FIXTURES / "newsroom"
    result = run("check", "--format", "html", "-o", str(tmp_path / "site"), cwd=newsroom)
    assert result.returncode == 1, result.stderr  # the gate still fails on findings
    assert result.stdout.strip() == str(tmp_path / "site" / "index.html")
    index = Page((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    links = [attrs["href"] for tag, attrs in index.tags if tag == "a"]
    assert len(links) == 5 and index.scripts == []
    pages = {link: Page((tmp_path / "site" / link).read_text(encoding="utf-8")) for link in links}
    assert sum(page.counts()["all"] for page in pages.values()) == 28
    assert sum(page.counts()["mismatch"] for page in pages.values()) == 4
    metro = pages["drafts__metro-line.md.html"]
    assert ("a", {"href": "index.html"}) in metro.tags
    assert any(text == "12萬人次" and attrs["data-status"] == "mismatch" for attrs, text in metro.claims)


def test_check_format_html_shows_markup_dimmed_and_escaped(tmp_path):
    table = tmp_path / "refs.csv"
    table.write_bytes(HOSTILE_REFS.read_bytes())
    result = run("check", str(HOSTILE.with_suffix(".html")), "--refs", str(table), "-f", "html", "-o", str(tmp_path))
    assert result.returncode == 1, result.stderr
    [name] = [p for p in tmp_path.glob("*.html") if p.name != "index.html"]
    source = name.read_text(encoding="utf-8")
    assert "<script>window" not in source and "<img src=x" not in source
    assert '<span class="markup" aria-hidden="true">&lt;script&gt;window.__pwned=1&lt;/script&gt;</span>' in source
    # From the <svg> on, an HTML draft is not prose: its last claim is left out, its text dimmed.
    assert [text for _, text in Page(source).claims] == ["120 workers", "3.4 million passengers", "up 8%"]


def test_check_format_html_needs_a_folder_and_real_files(tmp_path):
    result = run("check", str(EN), "--refs", str(EN_REFS), "-f", "html")
    assert result.returncode == 2 and "--output DIR" in result.stderr
    result = run("check", "-", "--refs", str(EN_REFS), "-f", "html", "-o", str(tmp_path), stdin="Sales rose 12%.")
    assert result.returncode == 2 and "standard input cannot be reported" in result.stderr
    assert "Traceback" not in result.stderr


def test_page_names_are_flat_and_distinct():
    names = page_names(["drafts/a.md", "drafts_a.md", "../up/b.txt", "/abs/c.html", "index", "草稿/新聞.md"])
    assert names == [
        "drafts__a.md.html",
        "drafts_a.md.html",
        "up__b.txt.html",
        "abs__c.html.html",
        "index-2.html",
        "草稿__新聞.md.html",
    ]


def test_each_paragraph_of_a_mixed_draft_carries_its_language():
    text = "小米汽車交付了50萬臺。\n\n小米汽车交付了50万台。\n\nRevenue rose 12 percent."
    claims = claimcheck.extract(text)
    page = Page(render(text, [Marked(c) for c in claims], title="m", subtitle="s", verified=False))
    assert page.languages == ["zh-Hant", "zh-Hans", "en"]
