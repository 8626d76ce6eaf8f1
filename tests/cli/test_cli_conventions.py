"""What every command shares (docs/cli.md): --version, --color with NO_COLOR and FORCE_COLOR,
--quiet, shell completion, --stdin-filename, help that names its values, an example per
command, and usage errors as one plain line with exit code 2."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from cli_run import claimcheck as run
from cli_run import claimcheck_on_a_terminal
from places import ROOT

NEWSROOM = ROOT / "fixtures" / "newsroom"
ESCAPE = "\x1b["
COMMANDS = ("extract", "schema", "verify", "check", "report", "refs check")


def plain_env(**extra: str) -> dict:
    env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR")}
    return {**env, **extra}


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text("The firm raised $3.2bn.\n", encoding="utf-8")
    return path


def test_version_alone_prints_the_version():
    from claimcheck import __version__

    result = run("--version")
    assert (result.returncode, result.stdout, result.stderr) == (0, f"{__version__}\n", "")


def test_check_on_a_terminal_prints_colour_not_escape_text():
    code, shown, stderr = claimcheck_on_a_terminal("check", "drafts/metro-line.md", cwd=NEWSROOM, env=plain_env())
    assert code == 1, stderr
    assert "\x1b[1;31mmismatch\x1b[0m" in shown
    assert "\\x1b" not in shown  # the colour codes are not written out as text


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        ((), {"NO_COLOR": "1"}, False),
        (("--color", "never"), {}, False),
        (("--color", "NEVER"), {"FORCE_COLOR": "1"}, False),
        ((), {"NO_COLOR": ""}, True),  # set but empty: not asked for
        ((), {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
    ],
    ids=["NO_COLOR", "--color never", "--color over FORCE_COLOR", "empty NO_COLOR", "NO_COLOR wins"],
)
def test_colour_on_a_terminal_follows_the_flag_and_the_environment(args, env, coloured):
    code, shown, _ = claimcheck_on_a_terminal(
        "check", "drafts/metro-line.md", *args, cwd=NEWSROOM, env=plain_env(**env)
    )
    assert code == 1
    assert (ESCAPE in shown) is coloured
    assert "\\x1b" not in shown


@pytest.mark.parametrize(
    ("args", "env"),
    [(("--color", "always"), {}), ((), {"FORCE_COLOR": "1"}), (("--color=always",), {"NO_COLOR": "1"})],
    ids=["--color always", "FORCE_COLOR", "--color over NO_COLOR"],
)
def test_colour_can_be_forced_into_a_pipe(args, env):
    result = run("check", "drafts/metro-line.md", *args, cwd=NEWSROOM, env=plain_env(**env))
    assert result.returncode == 1
    assert "\x1b[1;31mmismatch\x1b[0m" in result.stdout


def test_color_given_before_the_command_counts_too():
    result = run("--color", "always", "check", "drafts/metro-line.md", cwd=NEWSROOM, env=plain_env())
    assert "\x1b[1;31m" in result.stdout


def test_a_pipe_gets_no_colour_by_default():
    result = run("check", "drafts/metro-line.md", cwd=NEWSROOM, env=plain_env())
    assert ESCAPE not in result.stdout


@pytest.mark.parametrize("where", ["after", "before"])
def test_quiet_check_prints_the_findings_only(where):
    args = ["check", "drafts/metro-line.md", "-q"] if where == "after" else ["-q", "check", "drafts/metro-line.md"]
    result = run(*args, cwd=NEWSROOM, in_ci=True)
    assert result.returncode == 1 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("drafts/metro-line.md:") for line in lines)


def test_quiet_json_check_says_nothing_on_stderr():
    result = run("check", "drafts/metro-line.md", "-f", "json", "--quiet", cwd=NEWSROOM, in_ci=True)
    assert result.returncode == 1 and result.stderr == ""
    assert json.loads(result.stdout)["summary"]["files"] == 1


def test_quiet_leaves_out_the_notes_not_the_errors(tmp_path):
    from claimcheck import rules

    draft = tmp_path / "data.txt"
    draft.write_text("Sales rose 5%.\n\n" + "1," * rules.data_blocks().min_chars + "\n", encoding="utf-8")
    loud = run("extract", str(draft), "-f", "json")
    assert "characters not read" in loud.stderr
    quiet = run("extract", str(draft), "-f", "json", "-q")
    assert quiet.returncode == 0 and quiet.stderr == "" and quiet.stdout == loud.stdout
    missing = run("extract", str(tmp_path / "gone.txt"), "-q")
    assert missing.returncode == 2 and missing.stderr.startswith("claimcheck: ")


def test_shell_completion_is_offered_and_answers():
    assert "--install-completion" in run("--help").stdout
    env = {**os.environ, "_CLAIMCHECK_COMPLETE": "complete_bash", "COMP_WORDS": "claimcheck ch", "COMP_CWORD": "1"}
    assert "check" in run(env=env).stdout.split()
    env |= {"COMP_WORDS": "claimcheck extract draft.md --format j", "COMP_CWORD": "4"}
    assert run(env=env).stdout.split() == ["json", "jsonl"]


def test_the_root_does_not_load_completion_or_the_commands_for_help():
    """`claimcheck --help` stays fast: the commands' modules are loaded when a command runs."""
    result = run("--help", env={**os.environ, "PYTHONPROFILEIMPORTTIME": "1"})
    loaded = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "claimcheck.cli.app" in loaded
    assert not loaded & {"claimcheck.checking.config", "claimcheck.run.stream", "claimcheck.render", "openpyxl"}


def test_stdin_filename_names_the_draft_in_extract_output():
    for fmt in ("jsonl", "json"):
        result = run("extract", "-", "-f", fmt, "--stdin-filename", "desk/story.txt", stdin="Sales rose 5%.\n")
        assert result.returncode == 0, result.stderr
        assert '"source": "desk/story.txt"' in result.stdout.replace('"source":"', '"source": "')


def test_stdin_filename_gives_check_the_name_format_and_overrides():
    story = "---\ntitle: 12萬人次 in the front matter\n---\n捷運日運量達12萬人次。\n"
    args = ("check", "-", "-f", "json", "--stdin-filename", "drafts/archive/old.md")
    report = json.loads(run(*args, cwd=NEWSROOM, stdin=story, in_ci=True).stdout)
    [result] = report["files"]
    assert (result["path"], result["format"], result["fail_on"]) == ("drafts/archive/old.md", "markdown", "none")
    assert [(c["claim"]["text"], c["claim"]["line"]) for c in result["claims"]] == [("12萬人次", 4)]


def test_stdin_filename_in_verify_masks_markdown_by_its_name():
    story = "---\nriders: 12萬人次\n---\n捷運日運量達12萬人次。\n"
    table = str(NEWSROOM / "references.csv")
    result = run("verify", "-", "--refs", table, "-f", "json", "--stdin-filename", "story.md", stdin=story)
    [document] = json.loads(result.stdout)["documents"]
    assert document["source"] == "story.md"
    assert [claim["line"] for claim in document["claims"]] == [4]


# Help names each value as a reader would, and shows an example.
@pytest.mark.parametrize("command", COMMANDS)
def test_help_names_values_not_python_types(command):
    result = run(*command.split(), "--help", env={**os.environ, "COLUMNS": "200"})
    assert result.returncode == 0
    assert not re.search(r"<(?:list|bool|str|int|float|table|text)\b", result.stdout), result.stdout
    assert f"Example: claimcheck {command}" in result.stdout


def test_help_of_check_shows_its_metavars():
    shown = run("check", "--help", env={**os.environ, "COLUMNS": "200"}).stdout
    for option, metavar in [("--format", "FORMAT"), ("--jobs", "N"), ("--lang", "LANG"), ("--max-bytes", "SIZE")]:
        assert re.search(rf"{option}\b.*\b{metavar}\b", shown), option
    assert "--encoding" in shown and " ENC " in shown and " FILE " in shown


# Usage errors: one plain line on stderr, exit code 2, nothing on stdout.
@pytest.mark.parametrize(
    ("args", "line"),
    [
        (("extract", "{draft}", "-f", "xml"), "claimcheck: --format xml: choose one of table, json, jsonl, csv"),
        (("check", "-f", "yaml"), "claimcheck: --format yaml: choose one of text, json, github, sarif, junit, html"),
        (("refs", "check", "t.csv", "-f", "csv"), "claimcheck: --format csv: choose one of table, json"),
        (("check", "--fail-on", "some"), "claimcheck: --fail-on some: choose one of mismatch, unsourced, any, none"),
        (("extract", "{draft}", "--lang", "fr"), "claimcheck: --lang fr: choose one of auto, zh, en"),
        (("--color", "sometimes", "schema"), "claimcheck: --color sometimes: choose one of auto, always, never"),
        (("extract",), "claimcheck: extract: missing argument 'PATH...'; see 'claimcheck extract --help'"),
        (("verify", "{draft}"), "claimcheck: verify: missing option '--refs'; see 'claimcheck verify --help'"),
        (
            ("extract", "{draft}", "--frmat", "json"),
            "claimcheck: extract: no such option: --frmat (Possible options: --date, --format); "
            "see 'claimcheck extract --help'",
        ),
        (("chek",), "claimcheck: no such command 'chek'. Did you mean 'check', 'schema'?; see 'claimcheck --help'"),
    ],
)
def test_a_usage_error_is_one_plain_line(args, line, draft):
    result = run(*(arg.replace("{draft}", str(draft)) for arg in args))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == line + "\n"


@pytest.mark.parametrize(("flag", "value"), [("-f", "JSON"), ("--format", "Json"), ("--lang", "EN")])
def test_choices_are_read_in_any_case(flag, value, draft):
    args = ["extract", str(draft), flag, value] + (["-f", "json"] if flag == "--lang" else [])
    result = run(*args)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["documents"][0]["claims"][0]["text"] == "$3.2bn"


def test_check_format_is_read_in_any_case():
    result = run("check", "drafts/metro-line.md", "-f", "JSON", cwd=NEWSROOM, in_ci=True)
    assert result.returncode == 1 and json.loads(result.stdout)["summary"]["files"] == 1


def test_help_follows_color_given_before_it():
    assert ESCAPE in run("--color", "always", "--help", env=plain_env()).stdout
    assert ESCAPE not in run("--color", "never", "--help", env=plain_env(FORCE_COLOR="1")).stdout


def test_stdin_filename_names_the_draft_of_a_report(tmp_path):
    story = "---\nriders: 12萬人次\n---\n捷運日運量達12萬人次。\n"
    page = tmp_path / "page.html"
    result = run("report", "-", "--stdin-filename", "story.md", "-o", str(page), stdin=story)
    assert result.returncode == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert "story.md" in html and html.count('class="claim') == 1
