"""The real-text development and held-out sets' annotations (fixtures/realtext and its holdout/,
docs/realtext.md) are well formed: every file names its source and licence, its claims and traps are in order with the
allowed kinds and trap classes, and — where the articles are on this machine — every span
is the annotated text of the article whose sha256 the file records."""

from __future__ import annotations

import hashlib
import os
import tomllib
import typing
from pathlib import Path

import pytest
from places import ROOT

from claimcheck.models import ClaimKind

ANNOTATIONS = ROOT / "fixtures" / "realtext"
TEXTS = Path(os.environ.get("CLAIMCHECK_REALTEXT", ROOT.parent / "realtext"))
SETS = {"zh-hans": 15, "zh-hant": 10, "en": 15}
KINDS = set(typing.get_args(ClaimKind))
TRAP_CLASSES = set(
    "date time_of_day phone stock_code model_number brand_name work_title page_furniture road_route_line "
    "form_or_index process_node event_name age_band list_label law_article festival_day pointing_back "
    "not_a_record url_or_email version other".split()
)
FILES = sorted(ANNOTATIONS.glob("*/*.toml")) + sorted(ANNOTATIONS.glob("holdout/*/*.toml"))


def _load(path):
    return tomllib.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("set_name, least", SETS.items())
def test_each_set_has_its_articles(set_name, least):
    assert len(list((ANNOTATIONS / set_name).glob("*.toml"))) >= least


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ANNOTATIONS).with_suffix("")))
def test_an_annotation_is_well_formed(path):
    data = _load(path)
    article = data["article"]
    assert article["slug"] == path.stem and article["set"] == path.parent.name
    for key in ("genre", "source", "licence", "sha256", "chars"):
        assert article.get(key), key
    claims, traps = data.get("claim", []), data.get("trap", [])
    assert claims or traps  # a release may hold only figures that are not claims
    for claim in claims:
        assert claim["kind"] in KINDS, claim
        assert 0 <= claim["start"] < claim["end"] <= article["chars"], claim
        assert claim["end"] - claim["start"] == len(claim["text"]), claim
    for trap in traps:
        assert trap["class"] in TRAP_CLASSES, trap
        assert trap["end"] - trap["start"] == len(trap["text"]), trap
    starts = [claim["start"] for claim in claims]
    assert starts == sorted(starts)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ANNOTATIONS).with_suffix("")))
def test_spans_are_the_articles_text(path):
    text_path = TEXTS / path.parent.relative_to(ANNOTATIONS) / f"{path.stem}.txt"
    if not text_path.is_file():
        pytest.skip("the article's text is kept outside the repository and is not on this machine")
    data = _load(path)
    raw = text_path.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == data["article"]["sha256"]
    text = raw.decode("utf-8")
    assert len(text) == data["article"]["chars"]
    for entry in data.get("claim", []) + data.get("trap", []):
        assert text[entry["start"] : entry["end"]] == entry["text"], entry
