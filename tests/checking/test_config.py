"""Config of `claimcheck check`: which file is found, what wins, and errors that name the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.checking.config import ConfigError, Options, Resolver, discover, find_config
from claimcheck.files.globs import Patterns


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """newsroom/ with a pyproject table, a desk below it with its own claimcheck.toml."""
    write(tmp_path / "newsroom/pyproject.toml", '[project]\nname = "x"\n[tool.claimcheck]\nrefs = "tables/main.csv"\n')
    write(tmp_path / "newsroom/desk/claimcheck.toml", 'refs = "desk.csv"\nfail-on = "mismatch"\n')
    write(tmp_path / "newsroom/desk/stories/a.md", "")
    write(tmp_path / "newsroom/other/pyproject.toml", '[project]\nname = "y"\n')
    return tmp_path


@pytest.mark.parametrize(
    ("start", "found"),
    [
        ("newsroom", "newsroom/pyproject.toml"),
        ("newsroom/desk", "newsroom/desk/claimcheck.toml"),
        ("newsroom/desk/stories", "newsroom/desk/claimcheck.toml"),
        ("newsroom/other", "newsroom/pyproject.toml"),  # a pyproject without [tool.claimcheck] is passed over
    ],
)
def test_the_nearest_config_upwards_is_found(tree, start, found):
    assert find_config(tree / start) == tree / found


def test_no_config_means_defaults(tmp_path):
    config = discover(start=tmp_path)
    assert config.path is None
    settings = Resolver(config, Options()).settings_for(str(tmp_path / "a.md"))
    assert (settings.fail_on, settings.lang, settings.min_checkworthy, settings.refs) == ("any", "auto", 0.0, None)


def test_paths_in_the_config_are_relative_to_its_file(tree, monkeypatch):
    monkeypatch.chdir(tree / "newsroom/desk/stories")
    resolver = Resolver(discover(), Options())
    assert resolver.settings_for("a.md").refs == (str(tree / "newsroom/desk/desk.csv"),)


def test_flags_win_over_the_config(tree, monkeypatch):
    monkeypatch.chdir(tree / "newsroom/desk")
    flags = Options.model_validate({"fail-on": "none", "refs": "mine.csv"})
    settings = Resolver(discover(), flags).settings_for("stories/a.md")
    assert settings.fail_on == "none"
    assert settings.refs == (
        str(tree / "newsroom/desk/mine.csv"),
    )  # a flag's path is relative to the current directory


OVERRIDES = """
fail-on = "any"
min-checkworthy = 0.2
kinds = ["money", "percent"]

[[overrides]]
paths = ["archive/**"]
fail-on = "none"

[[overrides]]
paths = ["archive/2019/*.md", "*.html"]
min-checkworthy = 0.9
lang = "zh"
"""


@pytest.mark.parametrize(
    ("path", "fail_on", "min_checkworthy", "lang"),
    [
        ("today.md", "any", 0.2, "auto"),
        ("archive/2020/old.md", "none", 0.2, "auto"),
        ("archive/2019/old.md", "none", 0.9, "zh"),  # both overrides, in order
        ("archive/2019/deeper/old.md", "none", 0.2, "auto"),
        ("pages/front.html", "any", 0.9, "zh"),  # a name pattern matches in any directory
    ],
)
def test_overrides_apply_to_matching_paths_in_order(tmp_path, monkeypatch, path, fail_on, min_checkworthy, lang):
    write(tmp_path / "claimcheck.toml", OVERRIDES)
    monkeypatch.chdir(tmp_path)
    settings = Resolver(discover(), Options()).settings_for(path)
    assert (settings.fail_on, settings.min_checkworthy, settings.lang) == (fail_on, min_checkworthy, lang)
    assert settings.kinds == ("money", "percent")


def test_a_flag_wins_over_an_override(tmp_path, monkeypatch):
    write(tmp_path / "claimcheck.toml", OVERRIDES)
    monkeypatch.chdir(tmp_path)
    flags = Options.model_validate({"fail-on": "mismatch"})
    assert Resolver(discover(), flags).settings_for("archive/2020/old.md").fail_on == "mismatch"


# (name, file name, content, words the one-line error must contain)
BAD = [
    ("unknown key", "claimcheck.toml", 'colour = "red"\n', ["claimcheck.toml", "unknown key 'colour'"]),
    ("underscore spelling", "claimcheck.toml", "min_checkworthy = 0.5\n", ["'min_checkworthy'", "'min-checkworthy'"]),
    (
        "unknown key in pyproject",
        "pyproject.toml",
        "[tool.claimcheck]\nrefz = 'a.csv'\n",
        ["pyproject.toml", "unknown key 'refz' in [tool.claimcheck]", "did you mean 'refs'"],
    ),
    (
        "unknown key in an override",
        "claimcheck.toml",
        '[[overrides]]\npaths = ["a"]\nrefs_ = "x"\n',
        ["unknown key 'refs_' in [[overrides]] entry 1"],
    ),
    ("override without paths", "claimcheck.toml", '[[overrides]]\nlang = "zh"\n', ["'paths'", "entry 1"]),
    ("bad value", "claimcheck.toml", 'fail-on = "sometimes"\n', ["'fail-on'", "mismatch"]),
    ("a language with no rules", "claimcheck.toml", 'lang = "fr"\n', ["key 'lang'", "'auto', 'zh' or 'en'"]),
    ("bad kind", "claimcheck.toml", 'kinds = ["money", "weather"]\n', ["'kinds'"]),
    ("out of range", "claimcheck.toml", "min-checkworthy = 3\n", ["'min-checkworthy'", "less than or equal to 1"]),
    ("not TOML", "claimcheck.toml", "refs = \n", ["claimcheck.toml", "not valid TOML"]),
    ("approximation in words", "claimcheck.toml", 'approx = "lots"\n', ["'approx'", "write it as 5% or 0.05"]),
    ("approximation of 100%", "claimcheck.toml", 'approx = "100%"\n', ["'approx'", "below 1"]),
]


@pytest.mark.parametrize(("name", "filename", "content", "words"), BAD, ids=[case[0] for case in BAD])
def test_a_bad_config_is_one_line_naming_file_and_key(tmp_path, name, filename, content, words):
    write(tmp_path / filename, content)
    with pytest.raises(ConfigError) as caught:
        discover(start=tmp_path)
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message


def test_an_explicit_config_file_skips_discovery(tree, tmp_path):
    explicit = write(tmp_path / "elsewhere.toml", 'lang = "en"\n')
    config = discover(str(explicit), start=tree / "newsroom/desk")
    assert config.path == explicit.resolve()
    assert config.keys.lang == "en"


# (pattern, path relative to the base, matched)
GLOBS = [
    ("*.md", "a.md", True),
    ("*.md", "deep/down/a.md", True),
    ("*.md", "a.mdx", False),
    ("drafts/*.md", "drafts/a.md", True),
    ("drafts/*.md", "drafts/x/a.md", False),
    ("drafts/**/*.md", "drafts/x/y/a.md", True),
    ("drafts/**/*.md", "drafts/a.md", True),
    ("archive", "archive/2019/a.md", True),
    ("archive/**", "archive/2019/a.md", True),
    ("/archive/**", "archive/a.md", True),
    ("archive/**", "old/archive/a.md", False),
    ("draft-[0-9].txt", "draft-7.txt", True),
    ("draft-[!0-9].txt", "draft-7.txt", False),
    ("?.txt", "ab.txt", False),
]


@pytest.mark.parametrize(("pattern", "path", "matched"), GLOBS)
def test_patterns_match_like_gitignore(tmp_path, pattern, path, matched):
    assert Patterns((pattern,), tmp_path).matches(tmp_path / path) is matched


@pytest.mark.parametrize(("written", "fraction"), [('"5%"', 0.05), ("0.1", 0.1), ('"0.02"', 0.02), ("0", 0.0)])
def test_approx_is_written_as_a_percentage_or_a_fraction(tmp_path, written, fraction):
    write(tmp_path / "claimcheck.toml", f"approx = {written}\n")
    assert Resolver(discover(start=tmp_path), Options()).settings_for("a.md").approx == pytest.approx(fraction)
