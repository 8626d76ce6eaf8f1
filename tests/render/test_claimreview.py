"""`verify --format claimreview`: one schema.org ClaimReview a claim, read as a JSON-LD processor
reads it (pyld, against the bundled entries of schema.org's context: tests/data/README.md) and
held to what the published ClaimReview guidelines require and recommend."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from cli_run import claimcheck as run
from places import DATA, ROOT

jsonld = pytest.importorskip("pyld.jsonld")

NEWSROOM = ROOT / "fixtures" / "newsroom"
LEVELS = ROOT / "fixtures" / "levels"
PAGE = "https://ledger.example/checks/riverton"
PUBLISH = ["--review-url", PAGE, "--date-published", "2025-12-02"]
CONTEXT = json.loads((DATA / "schema.org-context.jsonld").read_text(encoding="utf-8"))
SCHEMA = "http://schema.org/"  # the context's @vocab: schema.org's terms are http IRIs
DEFINED = {SCHEMA + term for term in CONTEXT["@context"] if not term.startswith("@") and term[:1].isalpha()}

# schema.org's types and the properties each may carry (its own and those it inherits), for
# the ones the output uses.
THING = {"name", "url", "alternateName"}
CREATIVE_WORK = THING | {"author", "datePublished", "citation", "position"}
REVIEW = CREATIVE_WORK | {"itemReviewed", "reviewRating", "reviewAspect"}
PROPERTIES = {
    "ClaimReview": REVIEW | {"claimReviewed"},
    "Claim": CREATIVE_WORK | {"appearance", "firstAppearance"},
    "CreativeWork": CREATIVE_WORK,
    "Rating": THING | {"author", "bestRating", "worstRating", "ratingValue", "ratingExplanation", "reviewAspect"},
    "Organization": THING,
}


def load_schema_org(url: str, options: dict | None = None) -> dict:
    """pyld's document loader: schema.org's context, from the bundled copy; nothing else."""
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise AssertionError(f"the output asked for a context other than schema.org's: {url}")
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": CONTEXT}


def expand(review: dict) -> dict:
    [node] = jsonld.expand(review, {"documentLoader": load_schema_org})
    return node


def claimreview(*args: str, cwd: Path = NEWSROOM) -> list[dict]:
    result = run("verify", *args, "-f", "claimreview", cwd=cwd)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def newsroom() -> list[dict]:
    return claimreview("drafts", "--refs", "references.csv", *PUBLISH)


@pytest.fixture(scope="module")
def verdicts() -> list[tuple[str, dict]]:
    """(draft, claim) of the same run as JSON, in order."""
    result = run("verify", "drafts", "--refs", "references.csv", "-f", "json", cwd=NEWSROOM)
    report = json.loads(result.stdout)
    return [(document["source"], claim) for document in report["documents"] for claim in document["claims"]]


def nodes(node: dict):
    """The node and every node inside it."""
    yield node
    for key, values in node.items():
        if not key.startswith("@"):
            for value in values:
                if isinstance(value, dict) and "@value" not in value and set(value) != {"@id"}:
                    yield from nodes(value)


def one(node: dict, term: str) -> object:
    [value] = node[SCHEMA + term]
    return value.get("@value", value.get("@id", value))


def test_one_review_a_claim_in_order_with_its_verdict(newsroom, verdicts):
    assert len(newsroom) == len(verdicts) > 20
    names = {"sourced": "Matches its source", "mismatch": "Differs from its source", "unsourced": "No source found"}
    values = {"sourced": 3, "mismatch": 1, "unsourced": 2}
    for review, (draft, claim) in zip(newsroom, verdicts, strict=True):
        status = claim["verdict"]["status"]
        if draft.endswith(".txt"):
            assert review["claimReviewed"] == " ".join(claim["sentence"]["text"].split())
            assert review["reviewAspect"] == claim["text"]
        assert review["reviewAspect"] in review["claimReviewed"]
        assert review["url"] == f"{PAGE}#claim-{claim['id']}"
        assert review["reviewRating"]["alternateName"] == names[status]
        assert review["reviewRating"]["ratingValue"] == values[status]
        assert review["reviewRating"]["ratingExplanation"] == claim["verdict"]["reason"]
        appearance = review["itemReviewed"]["appearance"]
        assert appearance["name"] == draft
        assert appearance["url"] == f"https://cms.ledger.example/{draft}"
        assert appearance["position"] == (
            f"line {claim['line']}, column {claim['column']}, characters {claim['start']}–{claim['end']}"
        )
        source = (claim["verdict"].get("reference") or {}).get("source")
        assert review.get("citation") == source


@pytest.mark.parametrize(
    ("span", "fmt", "read"),
    [
        (
            "The port handled <b>2.4 million</b> containers in 2024,\n  up 9%",
            "html",
            "The port handled 2.4 million containers in 2024, up 9%",
        ),
        ("超過<b>50萬</b>臺", "html", "超過50萬臺"),
        ("a line 40&nbsp;km long &amp; straight", "html", "a line 40 km long & straight"),
        ("# 星河汽车11月交付再创新高", "markdown", "星河汽车11月交付再创新高"),
        ("据[公告](https://x.example/a)，**4.2万辆**", "markdown", "据公告，4.2万辆"),
        ("- Sales rose 12%.", "markdown", "Sales rose 12%."),
        ("# not a heading in text,\n2 lines", "text", "# not a heading in text, 2 lines"),
    ],
)
def test_the_sentence_reviewed_is_its_words_as_a_reader_reads_them(span, fmt, read):
    from claimcheck.render.verify.claimreview import as_read

    assert as_read(span, fmt) == read


def test_the_newsroom_html_and_markdown_sentences_are_read_without_markup(newsroom):
    sentences = {review["claimReviewed"] for review in newsroom}
    eastbay = "The port of Eastbay handled 2.4 million containers in 2024, up 9% from a year earlier, the port"
    assert f"{eastbay} authority said on Monday." in sentences
    assert "星河汽车11月交付再创新高" in sentences
    assert not any("<" in sentence or "\n" in sentence or sentence.startswith("#") for sentence in sentences)


def test_every_status_is_among_the_reviews(newsroom):
    assert {review["reviewRating"]["ratingValue"] for review in newsroom} == {1, 2, 3}


def test_each_review_expands_to_terms_schema_org_defines(newsroom):
    for review in newsroom:
        for node in nodes(expand(review)):
            used = {key for key in node if not key.startswith("@")} | set(node.get("@type", []))
            assert used <= DEFINED, used - DEFINED


def test_each_property_is_one_its_type_carries(newsroom):
    for review in newsroom:
        for node in nodes(expand(review)):
            [kind] = node["@type"]
            allowed = {SCHEMA + term for term in PROPERTIES[kind.removeprefix(SCHEMA)]}
            assert {key for key in node if not key.startswith("@")} <= allowed, kind


def test_the_guidelines_required_and_recommended_properties_are_there(newsroom):
    """Required: claimReviewed, reviewRating with its alternateName, url; author (an Organization
    with a name). Recommended: datePublished, itemReviewed (a Claim with its appearance), the
    rating's numbers with its scale."""
    for review in newsroom:
        node = expand(review)
        assert node["@type"] == [SCHEMA + "ClaimReview"]
        assert one(node, "claimReviewed").strip()
        assert one(node, "url").startswith(PAGE + "#")
        author = one(node, "author")
        assert author["@type"] == [SCHEMA + "Organization"] and one(author, "name") == "Riverton Ledger"
        assert one(author, "url") == "https://ledger.example/"
        assert node[SCHEMA + "datePublished"] == [{"@value": "2025-12-02", "@type": SCHEMA + "Date"}]
        rating = one(node, "reviewRating")
        assert rating["@type"] == [SCHEMA + "Rating"] and one(rating, "alternateName").strip()
        assert one(rating, "worstRating") <= one(rating, "ratingValue") <= one(rating, "bestRating")
        claim = one(node, "itemReviewed")
        assert claim["@type"] == [SCHEMA + "Claim"]
        appearance = one(claim, "appearance")
        assert appearance["@type"] == [SCHEMA + "CreativeWork"]
        assert one(appearance, "url").startswith("https://cms.ledger.example/drafts/")


def test_the_rating_scale_is_the_desks(tmp_path):
    (tmp_path / "claimcheck.toml").write_text(
        '[claimreview]\nauthor = "星河日報"\nurl = "https://news.example/check"\nbest-rating = 5\nworst-rating = 0\n'
        '[claimreview.ratings]\nsourced = { name = "有據", value = 5 }\nmismatch = { name = "不符", value = 0 }\n'
        'unsourced = { name = "查無出處", value = 2.5 }\n',
        encoding="utf-8",
    )
    refs = str(NEWSROOM / "references.csv")
    reviews = claimreview(str(NEWSROOM / "drafts" / "xinghe-deliveries.md"), "--refs", refs, cwd=tmp_path)
    ratings = {(r["reviewRating"]["alternateName"], r["reviewRating"]["ratingValue"]) for r in reviews}
    assert ratings == {("有據", 5), ("不符", 0), ("查無出處", 2.5)}
    assert {(r["reviewRating"]["worstRating"], r["reviewRating"]["bestRating"]) for r in reviews} == {(0, 5)}
    assert {r["author"]["name"] for r in reviews} == {"星河日報"} and "url" not in reviews[0]["author"]
    assert "url" not in reviews[0]["itemReviewed"]["appearance"]  # no drafts-url: the path alone


def test_flags_win_over_the_config_and_the_date_defaults_to_today(newsroom):
    before = datetime.date.today().isoformat()
    reviews = claimreview(
        "drafts/council-budget.txt", "--refs", "references.csv", "--author", "Wire", "--review-url", PAGE
    )
    after = datetime.date.today().isoformat()
    assert {review["author"]["name"] for review in reviews} == {"Wire"}
    assert {review["datePublished"] for review in reviews} <= {before, after}


def test_a_draft_from_standard_input_has_an_address_only_when_named():
    refs = ["--refs", "references.csv", "--review-url", PAGE]
    text = "Riverton's council approved a budget of $1.2 billion for 2026.\n"
    unnamed = run("verify", "-", *refs, "-f", "claimreview", stdin=text, cwd=NEWSROOM)
    named = run("verify", "-", *refs, "--stdin-filename", "budget.txt", "-f", "claimreview", stdin=text, cwd=NEWSROOM)
    [unnamed_review], [named_review] = json.loads(unnamed.stdout), json.loads(named.stdout)
    assert unnamed_review["itemReviewed"]["appearance"]["name"] == "-"
    assert "url" not in unnamed_review["itemReviewed"]["appearance"]
    assert named_review["itemReviewed"]["appearance"]["url"] == "https://cms.ledger.example/budget.txt"
    assert named_review["citation"] == "Riverton budget book 2026"


def test_a_computed_figure_cites_the_source_of_each_row_it_used():
    reviews = claimreview(
        "deliveries.md", "--refs", "deliveries.csv", "--date", "2025-12-05", *PUBLISH, "--author", "x", cwd=LEVELS
    )
    citations = {review["reviewAspect"]: review.get("citation") for review in reviews}
    assert citations == {
        "41,238辆": "远航汽车交付公告 2025-12-01",
        "同比增长56.3%": ["远航汽车交付公告 2025-12-01", "远航汽车交付公告 2024-12-01"],
        "环比增长8.7%": ["远航汽车交付公告 2025-12-01", "远航汽车交付公告 2025-11-01"],
        "第二": ["远航汽车交付公告 2025-12-01", "星驰汽车交付公告 2025-12-01", "蓝桥汽车交付公告 2025-12-01"],
    }


def test_no_claim_is_an_empty_array(tmp_path):
    (tmp_path / "empty.txt").write_text("Nothing to check here.\n", encoding="utf-8")
    (tmp_path / "refs.csv").write_text("id,subject,value,unit\nline,line,5,km\n", encoding="utf-8")
    assert claimreview("empty.txt", "--refs", "refs.csv", "--author", "x", *PUBLISH, cwd=tmp_path) == []
