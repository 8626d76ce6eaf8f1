"""The editor's report in a real browser: Debian's Chromium (/usr/bin/chromium) driven by
Playwright's Python client, each page opened from disk (file://) as an editor would.

Skipped only when Chromium or Playwright is missing and CLAIMCHECK_REQUIRE_BROWSER is unset;
CI sets it, so there the tests fail rather than vanish. The English report's screenshot is
saved to docs/report.png, which README shows.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from places import ROOT

import claimcheck
from claimcheck.verification.report import verify_documents

pytestmark = pytest.mark.browser

FIXTURES = ROOT / "fixtures"
CHROMIUM = Path(os.environ.get("CLAIMCHECK_CHROMIUM", "/usr/bin/chromium"))
# As this machine's notes say: without the networking flags Chromium keeps calling home, and
# the closed network refuses it.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOT = ROOT / "docs" / "report.png"
DRAFTS = {
    "zh": (FIXTURES / "zh-hant-ev-market.txt", FIXTURES / "refs" / "zh-hant-ev-market.csv"),
    "en": (FIXTURES / "en-rankings.txt", FIXTURES / "refs" / "en-rankings.csv"),
    "hostile": (FIXTURES / "hostile" / "draft.txt", FIXTURES / "hostile" / "refs.csv"),
}


def _missing() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed (pip install -e '.[test]')"
    if not CHROMIUM.exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    missing = _missing()
    if missing:
        if os.environ.get("CLAIMCHECK_REQUIRE_BROWSER"):
            pytest.fail(f"browser tests required (CLAIMCHECK_REQUIRE_BROWSER) but {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("profile")),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1280, "height": 900},
        )
        yield context
        context.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    """Each fixture's report, made by the one command README shows."""
    folder = tmp_path_factory.mktemp("reports")
    made = {}
    for name, paths in DRAFTS.items():
        draft, table = (str(path.relative_to(ROOT)) for path in paths)
        target = folder / f"{name}.html"
        result = subprocess.run(
            [sys.executable, "-m", "claimcheck", "report", draft, "--refs", table, "-o", str(target)],
            cwd=ROOT,  # relative paths, as the page shows them
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        made[name] = target
    return made


def verified(name: str):
    draft, table = DRAFTS[name]
    document = claimcheck.extract_document(draft.read_text(encoding="utf-8"), source=str(draft))
    report = verify_documents([document], [claimcheck.load_references(str(table))], table_paths=[str(table)])
    return report.summary, report.documents[0].claims


@pytest.fixture
def open_page(browser):
    """Open a file in a new tab; fail the test on a script error or on any request off the disk."""
    pages, problems = [], []

    def open_(path: Path):
        page = browser.new_page()
        page.set_default_timeout(60_000)  # a hang guard: a busy machine may be slow to draw
        page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
        page.on("request", lambda request: request.url.startswith("file://") or problems.append(request.url))
        page.goto(path.as_uri())
        pages.append(page)
        return page

    yield open_
    for page in pages:
        page.close()
    assert problems == []


def shown_counts(page) -> dict[str, int]:
    return page.eval_on_selector_all(
        "[data-count]", "els => Object.fromEntries(els.map(e => [e.dataset.count, Number(e.textContent)]))"
    )


@pytest.mark.parametrize("name", ["zh", "en"])
def test_counts_match_the_verifier(open_page, reports, name):
    summary, claims = verified(name)
    page = open_page(reports[name])
    assert shown_counts(page) == {
        "all": summary.claims,
        "sourced": summary.sourced,
        "mismatch": summary.mismatch,
        "unsourced": summary.unsourced,
    }
    assert page.locator("#article .claim").count() == len(claims)
    assert page.locator("#claim-list li").count() == len(claims)
    assert page.locator("#article .claim").all_inner_texts() == [c.text for c in claims]


def test_a_record_is_hidden_until_a_claim_is_chosen(open_page, reports):
    page = open_page(reports["zh"])
    assert page.locator("#record-empty").is_visible()
    assert page.locator("#records .record:visible").count() == 0


def test_clicking_a_mismatch_shows_its_reason_and_source_link(open_page, reports):
    _, claims = verified("en")
    [expected] = [c for c in claims if c.text == "51,900 vehicles"]
    page = open_page(reports["en"])
    claim = page.locator("#article .claim", has_text="51,900 vehicles")
    assert claim.get_attribute("data-status") == "mismatch"
    claim.click()
    record = page.locator("#records .record:visible")
    assert record.count() == 1
    assert record.locator(".reason").inner_text() == expected.verdict.reason
    link = record.locator("a[href]")
    assert link.get_attribute("href") == "https://registry.example.org/vans/2026-02#orbis"
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert "orbis-feb-sales" in record.inner_text()
    assert claim.get_attribute("aria-expanded") == "true"


def test_clicking_a_chinese_mismatch_shows_its_reason_and_source(open_page, reports):
    _, claims = verified("zh")
    mismatches = [c for c in claims if c.verdict.status == "mismatch"]
    page = open_page(reports["zh"])
    page.locator('#article .claim[data-status="mismatch"]').first.click()
    record = page.locator("#records .record:visible")
    text = record.inner_text()
    assert mismatches[0].text in text
    assert record.locator(".reason").inner_text() == mismatches[0].verdict.reason
    assert mismatches[0].verdict.reference.source in text  # a citation, shown as text
    assert record.locator("a[href]").count() == 0


def test_filtering_by_status_and_kind(open_page, reports):
    summary, claims = verified("zh")
    page = open_page(reports["zh"])
    for status in ("sourced", "unsourced"):
        page.locator(f'#filters input[name="status"][value="{status}"]').uncheck()
    listed = page.locator("#claim-list li:visible")
    assert listed.count() == summary.mismatch
    assert set(listed.evaluate_all("items => items.map(i => i.dataset.status)")) == {"mismatch"}
    assert page.locator("#article .claim.muted").count() == summary.claims - summary.mismatch
    assert page.locator("#shown").inner_text() == f"{summary.mismatch} of {summary.claims} claims shown"
    page.locator('#filters input[name="status"][value="sourced"]').check()
    page.locator('#filters input[name="kind"][value="quantity"]').uncheck()
    expected = [c for c in claims if c.verdict.status in ("sourced", "mismatch") and c.kind != "quantity"]
    assert page.locator("#claim-list li:visible .text").all_inner_texts() == [c.text for c in expected]


def test_the_list_jumps_to_its_claim(open_page, reports):
    page = open_page(reports["en"])
    page.locator("#claim-list a", has_text="dropped 11%").click()
    claim = page.locator("#article .claim", has_text="dropped 11%")
    assert claim.evaluate("el => document.activeElement === el")
    assert page.locator("#records .record:visible h2").inner_text().endswith("“dropped 11%”")


def test_keyboard_alone_tab_to_a_claim_and_enter(open_page, reports):
    page = open_page(reports["en"])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the article"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "claim-1"
    assert page.locator("#record-1").is_visible()  # focusing a claim shows its record
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "claim-2"
    assert page.locator("#record-2").is_visible() and page.locator("#record-1").is_hidden()
    page.keyboard.press("Escape")
    assert page.locator("#record-2").is_hidden()
    assert page.evaluate("document.activeElement.id") == "claim-2"
    page.keyboard.press("Enter")
    assert page.locator("#record-2").is_visible()
    assert page.locator("#claim-2").get_attribute("aria-expanded") == "true"


def test_keyboard_skips_claims_filtered_out(open_page, reports):
    page = open_page(reports["en"])
    page.locator('#filters input[name="status"][value="sourced"]').uncheck()
    page.locator("#article").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.dataset.status")
    assert focused in ("mismatch", "unsourced")


def test_a_hostile_draft_and_table_run_nothing(open_page, reports, tmp_path):
    page = open_page(reports["hostile"])
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#article img, #article svg, #article script").count() == 0
    for claim in page.locator("#article .claim").all():
        claim.click()
        page.locator("#records .record:visible").hover()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert "<script>window.__pwned=1</script>" in page.locator("#article p").first.inner_text()
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
    assert all(href.startswith("#") for href in hrefs), hrefs
    # The same draft as HTML, through `check --format html`: its index and its page.
    html_draft = tmp_path / "draft.html"
    html_draft.write_bytes(DRAFTS["hostile"][0].read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "claimcheck", "check", str(html_draft), "--refs", str(DRAFTS["hostile"][1])]
        + ["--format", "html", "-o", str(tmp_path / "site")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    index = open_page(tmp_path / "site" / "index.html")
    index.locator("tbody a").click()
    index.wait_for_load_state()
    assert index.locator("#article .claim").count() == 3
    assert index.evaluate("typeof window.__pwned") == "undefined"


def test_printing_hides_the_panel_chrome_and_lists_every_record(open_page, reports):
    summary, _ = verified("en")
    page = open_page(reports["en"])
    page.emulate_media(media="print")
    assert page.locator("#filters").is_hidden() and page.locator("#claim-nav").is_hidden()
    assert page.locator("#records .record:visible").count() == summary.claims
    style = page.locator('#article .claim[data-status="mismatch"]').first.evaluate(
        "el => getComputedStyle(el).textDecorationStyle"
    )
    assert style == "wavy"  # status shown by the underline, not by colour alone


def test_screenshot_for_readme(open_page, reports):
    page = open_page(reports["en"])
    page.locator("#article .claim", has_text="51,900 vehicles").click()
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert 20_000 < SCREENSHOT.stat().st_size < 1_000_000
    assert SCREENSHOT.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
