"""What `verify --format claimreview` refuses: a missing publisher or page, a bad flag, a bad
[claimreview] table, its flags with another format. Each is one line on stderr and exit 2,
with nothing on stdout and no file written."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_run import claimcheck as run

PUBLISH = ["--author", "Ledger", "--review-url", "https://ledger.example/check"]
MISSING_AUTHOR = "--format claimreview needs the publisher: give --author NAME or author under [claimreview]"
MISSING_PAGE = (
    "--format claimreview needs the page that publishes the reviews: give --review-url URL or url under [claimreview]"
)
SCALE_OUTSIDE = "[claimreview]: ratings.sourced.value 3 is outside the scale 1 to 2"

# (the config's [claimreview] table, the flags, the line on stderr; {config} is the config's path)
CASES = [
    ("", ["--review-url", "https://ledger.example/check"], MISSING_AUTHOR),
    ("", ["--author", "Ledger"], MISSING_PAGE),
    (
        "",
        [*PUBLISH[:2], "--review-url", "ledger.example/check"],
        "--review-url: 'ledger.example/check' is not a web address: write it as https://…",
    ),
    (
        "",
        [*PUBLISH[:2], "--review-url", "https://ledger.example/check#top"],
        "--review-url: 'https://ledger.example/check#top': leave out the #…, each review adds its own",
    ),
    ("", [*PUBLISH, "--author", " "], "--author: the name is empty"),
    (
        "",
        [*PUBLISH, "--date-published", "12/02/2025"],
        "--date-published: '12/02/2025' is not a date: write it as YYYY-MM-DD",
    ),
    ('autor = "Ledger"', PUBLISH, "{config}: unknown key 'autor' in [claimreview] (did you mean 'author'?)"),
    (
        'author-url = "ledger.example"',
        PUBLISH,
        "{config}: key 'author-url' in [claimreview]: 'ledger.example' is not a web address: write it as https://…",
    ),
    (
        'date-published = "soon"',
        PUBLISH,
        "{config}: key 'date-published' in [claimreview]: Input should be a valid date or datetime, input is too short",
    ),
    ("best-rating = 2", PUBLISH, "{config}: " + SCALE_OUTSIDE),
    (
        "best-rating = 1\nworst-rating = 1",
        PUBLISH,
        "{config}: [claimreview]: worst-rating 1 is not below best-rating 1",
    ),
    (
        'ratings.sourced = { name = "True", value = "high" }',
        PUBLISH,
        "{config}: key 'ratings.sourced.value' in [claimreview]: 'high' is not a number: write 1, 3 or 0.5",
    ),
    (
        'ratings.sourced = { name = " ", value = 3 }',
        PUBLISH,
        "{config}: key 'ratings.sourced.name' in [claimreview]: a rating's name is empty",
    ),
    (
        'ratings.unknown = { name = "?", value = 3 }',
        PUBLISH,
        "{config}: unknown key 'ratings.unknown' in [claimreview] (did you mean 'ratings'?)",
    ),
]


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    (tmp_path / "line.txt").write_text("The line is 5 km long.\n", encoding="utf-8")
    (tmp_path / "refs.csv").write_text("id,subject,value,unit\nline,line,5,km\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("table", "flags", "error"), CASES, ids=[" ".join([c[0], *c[2:]])[:60] for c in CASES])
def test_a_bad_setting_of_claimreview_is_one_line(desk, table, flags, error):
    config = desk / "claimcheck.toml"
    config.write_text(f"[claimreview]\n{table}\n", encoding="utf-8")
    result = run("verify", "line.txt", "--refs", "refs.csv", "-f", "claimreview", *flags, "-o", "out.json", cwd=desk)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"claimcheck: {error.format(config=config)}\n"
    assert not (desk / "out.json").exists()


@pytest.mark.parametrize("flag", ["--author", "--review-url", "--date-published"])
def test_its_flags_go_with_claimreview_only(desk, flag):
    result = run("verify", "line.txt", "--refs", "refs.csv", "-f", "json", flag, "x", cwd=desk)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"claimcheck: {flag} goes with --format claimreview\n"


def test_a_config_named_with_config_is_read(desk):
    (desk / "desk.toml").write_text(
        '[claimreview]\nauthor = "Ledger"\nurl = "https://ledger.example/c"\n', encoding="utf-8"
    )
    result = run("verify", "line.txt", "--refs", "refs.csv", "-f", "claimreview", "--config", "desk.toml", cwd=desk)
    assert result.returncode == 0, result.stderr
    assert '"url": "https://ledger.example/c#claim-' in result.stdout
