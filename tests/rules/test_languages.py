"""Languages are data: a rule folder of one's own, named by CLAIMCHECK_RULES_PATH, is read as the
shipped ones are. The folder is the example of docs/adding-a-language.md, built from that page:
a toy language `xx` that writes Arabic digits, has one unit and is found by its Cyrillic letters."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import claimcheck
from places import ROOT

DOC = ROOT / "docs" / "adding-a-language.md"
# `xx/units.toml`: followed by a ```toml block: one file of the example folder.
FILE_BLOCK = re.compile(r"^`(?P<path>[\w-]+/[\w.]+\.toml)`:\n\n```toml\n(?P<body>.*?)^```", re.M | re.S)
TOY = "Дорога длиной 120 километров открыта."
MIXED = "Sales rose 12% in March.\nДорога длиной 120 километров открыта.\n交付了50萬臺。"


@pytest.fixture(scope="module")
def toy_rules(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("my-rules")
    for block in FILE_BLOCK.finditer(DOC.read_text(encoding="utf-8")):
        target = root / block["path"]
        target.parent.mkdir(exist_ok=True)
        target.write_text(block["body"], encoding="utf-8")
    assert sorted(p.name for p in (root / "xx").iterdir()) == ["language.toml", "units.toml"]
    return root


def _with_rules(path: Path | str) -> dict:
    return {**os.environ, "CLAIMCHECK_RULES_PATH": str(path)}


def _claims(code: str, env: dict) -> list:
    """What a Python program prints for `code`, a JSON expression over claimcheck."""
    program = f"import json, claimcheck\nprint(json.dumps({code}, ensure_ascii=False))"
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_language_reads_its_figure_with_its_unit(toy_rules):
    claims = _claims(
        f"[c.model_dump(mode='json') for c in claimcheck.extract({TOY!r}, lang='xx')]", _with_rules(toy_rules)
    )
    assert [(c["text"], c["value"], c["unit"], c["unit_canonical"], c["lang"]) for c in claims] == [
        ("120 километров", 120, "километров", "km", "xx")
    ]


def test_auto_finds_the_language_of_each_sentence_by_its_script(toy_rules):
    expression = f"[(c.text, c.lang) for c in claimcheck.extract({MIXED!r})]"
    assert _claims(expression, _with_rules(toy_rules)) == [
        ["rose 12%", "en"],
        ["120 километров", "xx"],
        ["50萬臺", "zh"],
    ]
    document = f"claimcheck.extract_document({TOY!r}).language"
    assert _claims(document, _with_rules(toy_rules)) == "xx"


def test_a_verdict_on_its_claim_gives_the_fallback_language_reasons(toy_rules, tmp_path):
    table = tmp_path / "roads.csv"
    table.write_text("id,value,unit,subject\nroad,120,km,Дорога\n", encoding="utf-8")
    expression = (
        f"[v.reason for v in claimcheck.verify(claimcheck.extract({TOY!r}), "
        f"claimcheck.load_references({str(table)!r}))]"
    )
    assert _claims(expression, _with_rules(toy_rules)) == ["backed by road: 120 km"]


def test_the_command_line_offers_the_language(toy_rules, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(TOY + "\n", encoding="utf-8")
    done = claimcheck("extract", str(draft), "--lang", "xx", "-f", "json", env=_with_rules(toy_rules))
    assert done.returncode == 0, done.stderr
    assert [c["lang"] for c in json.loads(done.stdout)["documents"][0]["claims"]] == ["xx"]
    refused = claimcheck("extract", str(draft), "--lang", "fr", env=_with_rules(toy_rules))
    assert (refused.returncode, refused.stderr) == (2, "claimcheck: --lang fr: choose one of auto, zh, en, xx\n")


def test_a_trap_of_its_own_is_named_by_its_file_and_kept_out_of_larger_numbers(toy_rules, tmp_path):
    rules = tmp_path / "rules"
    (rules / "xx").mkdir(parents=True)
    for file in (toy_rules / "xx").iterdir():
        (rules / "xx" / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    (rules / "xx" / "traps.toml").write_text('[traps.roads]\npatterns = ["120"]\n', encoding="utf-8")
    text = "Дорога длиной 120 километров открыта. Дорога длиной 4,120 километров."
    expression = (
        f"[[(c.text, c.value) for c in d.claims], [(r.text, r.reason, r.rule_file, r.rule_entry) for r in d.rejected]]"
        f" for d in [claimcheck.extract_document({text!r}, lang='xx', explain=True)]"
    )
    (found,) = _claims(f"[{expression}]", _with_rules(rules))
    assert found == [
        [["4,120 километров", 4120]],
        [["120 километров", "roads", f"{rules}/xx/traps.toml", "traps.roads.patterns.0"]],
    ]


def test_without_the_folder_the_language_is_unknown(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(TOY + "\n", encoding="utf-8")
    done = claimcheck("extract", str(draft), "--lang", "xx")
    assert (done.returncode, done.stderr) == (2, "claimcheck: --lang xx: choose one of auto, zh, en\n")
    # Read without the folder, the Cyrillic sentence is in no language's script: English.
    assert _claims(f"[c.lang for c in claimcheck.extract({TOY!r})]", dict(os.environ)) == ["en"]


TOY_MANIFEST = 'code = "xx"\nname = "X"\nnumerals = "digits"\norder = 3\n[script]\ncharacters = "x"\n'
# A bad CLAIMCHECK_RULES_PATH (the files written under it) and the one line it gives.
BAD_PATHS = {
    "missing directory": ({}, "missing", "claimcheck: CLAIMCHECK_RULES_PATH: {root}/missing: no such directory"),
    "no language folder": (
        {"xx/units.toml": ""},
        "",
        "claimcheck: CLAIMCHECK_RULES_PATH: {root}: holds no language folder (a folder with a language.toml)",
    ),
    "bad numeral system": (
        {"xx/language.toml": 'code = "xx"\nname = "X"\nnumerals = "roman"\norder = 3\n[script]\ncharacters = "x"\n'},
        "",
        "claimcheck: {root}/xx/language.toml: entry numerals: Input should be 'han', 'words' or 'digits'",
    ),
    "code not the folder's": (
        {"xy/language.toml": 'code = "xx"\nname = "X"\nnumerals = "digits"\norder = 3\n[script]\ncharacters = "x"\n'},
        "",
        "claimcheck: {root}/xy/language.toml: entry code: 'xx' is not the folder's name",
    ),
    "a shipped language again": (
        {"zh/language.toml": 'code = "zh"\nname = "X"\nnumerals = "han"\norder = 3\n[script]\ncharacters = "x"\n'},
        "",
        "claimcheck: {root}/zh/language.toml: language 'zh' is also in rules/zh",
    ),
    "a script that is no regex": (
        {"xx/language.toml": 'code = "xx"\nname = "X"\nnumerals = "digits"\norder = 3\n[script]\ncharacters = "[x"\n'},
        "",
        "claimcheck: {root}/xx/language.toml: entry script.characters: not a regular expression "
        "(unterminated character set at position 2)",
    ),
    "a second fallback language": (
        {"xx/language.toml": TOY_MANIFEST + "fallback = true\n"},
        "",
        "claimcheck: {root}/xx/language.toml: entry script.fallback: en is the fallback language already",
    ),
    "a trap that is no regex": (
        {"xx/language.toml": TOY_MANIFEST, "xx/traps.toml": '[traps.codes]\npatterns = ["(ab"]\n'},
        "",
        "claimcheck: {root}/xx/traps.toml: entry traps.codes.patterns.0: not a regular expression "
        "(missing ) at position 3)",
    ),
    "a run of number lines whose number is no regex": (
        {
            "xx/language.toml": TOY_MANIFEST,
            "xx/traps.toml": "[traps.axes.number_runs]\nnumber = '(\\d'\nlabel = 'x'\n"
            "min_lines = 3\nblank_lines = 1\nwithin = 0\n",
        },
        "",
        "claimcheck: {root}/xx/traps.toml: entry traps.axes.number_runs.number: not a regular expression "
        "(missing ) at position 3)",
    ),
    "a rank pattern that is no regex": (
        {"xx/language.toml": TOY_MANIFEST, "xx/relations.toml": "[[rank.patterns]]\npattern = '#(?P<n>{number}'\n"},
        "",
        "claimcheck: {root}/xx/relations.toml: entry rank.patterns.0.pattern: not a regular expression "
        "(missing ) at position 15)",
    ),
    "a unit with no canonical unit": (
        {
            "xx/language.toml": 'code = "xx"\nname = "X"\nnumerals = "digits"\norder = 3\n[script]\ncharacters = "x"\n',
            "xx/units.toml": '[[unit]]\nkind = "quantity"\ncanonical = "furlong"\nforms = ["f"]\n',
        },
        "",
        "claimcheck: {root}/xx/units.toml: entry unit.0 (f): canonical unit 'furlong' is not in canonical.toml",
    ),
}


@pytest.mark.parametrize(("files", "entry", "message"), BAD_PATHS.values(), ids=BAD_PATHS)
def test_a_bad_rules_path_is_one_line_and_exit_2(files, entry, message, tmp_path):
    root = tmp_path / "rules"
    root.mkdir()
    for name, text in files.items():
        (root / name).parent.mkdir(exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("Sales rose 12%.\n", encoding="utf-8")
    done = claimcheck("extract", str(draft), env=_with_rules(root / entry if entry else root))
    assert (done.returncode, done.stderr, done.stdout) == (2, message.format(root=root) + "\n", "")


# The report page's HTML lang attributes (zh-Hant, en) are tags for the browser, not rule folders.
NAMES_LANGUAGES = {"render/report/page.py", "render/report/record.py"}


def test_no_module_names_a_language_code():
    """Which languages there are is the rule folders' business: a code written in a module
    (if lang == "zh") is a language the folders cannot add or change."""
    import ast

    source = ROOT / "src" / "claimcheck"
    named = []
    for path in sorted(source.rglob("*.py")):
        if path.relative_to(source).as_posix() in NAMES_LANGUAGES:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        examples = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.keyword) and n.arg == "examples"}
        inside = {id(c) for n in ast.walk(tree) if id(n) in examples for c in ast.walk(n)}
        named += [
            f"{path.relative_to(source)}:{node.lineno}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and node.value in ("zh", "en") and id(node) not in inside
        ]
    assert not named
