"""How an input's encoding is decided and what a user sees for every sample in tests/data/hostile."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from places import DATA

from claimcheck.errors import InputError
from claimcheck.files.encodings import HEAD, decide, not_text
from claimcheck.files.read import read_text, text_chunks

HOSTILE = DATA / "hostile"
INPUTS = tomllib.loads((HOSTILE / "inputs.toml").read_text(encoding="utf-8"))["input"]
ZH = "小米汽車12月2日交付了50萬臺,同比增長12%。藍峰汽車十月售出33,662輛新車。\n" * 40


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True, timeout=120, env=env)


def claims_of(path: Path) -> list[dict]:
    result = run("extract", str(path), "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]


@pytest.mark.parametrize("case", INPUTS, ids=lambda case: case["file"])
def test_each_sample_gives_its_claims_or_one_line(case):
    path = HOSTILE / case["file"]
    result = run("extract", str(path), "-f", "jsonl")
    assert result.returncode == case["exit"]
    stderr = result.stderr.decode("utf-8")
    if case["exit"] == 2:
        assert result.stdout == b""
        assert stderr == f"claimcheck: {path}: {stderr.split(': ', 2)[2]}" and stderr.count("\n") == 1
        assert case["error"] in stderr
        return
    assert stderr == ""
    claims = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    if "claims" in case:
        assert [claim["text"] for claim in claims] == case["claims"]
    else:
        expected = claims_of(HOSTILE / case["same_as"])
        shift = case.get("shift", 0)
        assert len(claims) == len(expected) > 10
        for got, want in zip(claims, expected, strict=True):
            assert (got["id"], got["text"], got["start"], got["end"]) == (
                want["id"],
                want["text"],
                want["start"] + shift,
                want["end"] + shift,
            )


@pytest.mark.parametrize(
    ("data", "encoding", "how"),
    [
        (ZH.encode("utf-8"), "utf-8", "UTF-8"),
        (b"\xef\xbb\xbf" + ZH.encode("utf-8"), "utf-8", "byte-order mark"),
        (b"\xff\xfe" + ZH.encode("utf-16-le"), "utf-16-le", "byte-order mark"),
        (b"\xfe\xff" + ZH.encode("utf-16-be"), "utf-16-be", "byte-order mark"),
        (b"\xff\xfe\x00\x00" + ZH.encode("utf-32-le"), "utf-32-le", "byte-order mark"),
        (ZH.encode("gb18030"), "gb18030", "detected"),
        (ZH.replace("汽車", "汽车").encode("gbk"), "gb18030", "detected"),
        (ZH.replace(",", ",").encode("cp950"), "cp950", "detected"),
        (b"plain ASCII, 12 km\n", "utf-8", "UTF-8"),
    ],
    ids=["utf-8", "utf-8 bom", "utf-16 le", "utf-16 be", "utf-32 le", "gb18030", "gbk", "big5", "ascii"],
)
def test_the_encoding_is_decided_by_mark_then_utf8_then_detector(data, encoding, how):
    decision = decide(data[:HEAD], "draft.txt", complete=len(data) <= HEAD)
    assert (decision.encoding, decision.how) == (encoding, how)


@pytest.mark.parametrize("encoding", ["gb18030", "cp950"])
@pytest.mark.parametrize("cut", [120, 400, 1000, 4000])
def test_short_heads_of_real_articles_are_told_apart(encoding, cut):
    article = "zh-hans.txt" if encoding == "gb18030" else "zh-hant.txt"
    text = (HOSTILE / article).read_text(encoding="utf-8")
    data = text.encode(encoding)[:cut]
    data = data[: data.rfind(b"\n") + 1] or data[:cut]
    assert decide(data, "x", complete=False).encoding == encoding


# One-line headlines the statistical detector is too short for (it answers Korean or Thai):
# each is told by the share of common characters it has in one encoding and not the other.
HEADLINES = [
    ("国产大飞机首飞成功订单超过一千架", "gbk", "gb18030"),
    ("电动车补贴延长至明年底", "gbk", "gb18030"),
    ("世界杯决赛今晚开打", "gbk", "gb18030"),
    ("一季度GDP增长5.3%", "gbk", "gb18030"),
    ("小米汽车12月交付5万辆", "gbk", "gb18030"),
    ("黄金价格创历史新高", "gbk", "gb18030"),
    ("油價連三漲每公升漲兩角", "cp950", "cp950"),
    ("央行降息一碼", "cp950", "cp950"),
]
NOT_CHINESE = [
    ("서울 아파트 가격 3개월 연속 상승", "euc_kr"),
    ("한국 경제 성장률 하락", "euc_kr"),
    ("東京都の人口が3年ぶりに増加", "euc_jp"),
    ("日本の株価が大幅に下落", "shift_jis"),
    ("Caf\u00e9 \u201cquoted\u201d \u2013 na\u00efve r\u00e9sum\u00e9", "cp1252"),
    ("\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440", "cp1251"),
]


@pytest.mark.parametrize("ending", [b"", b"\n"], ids=["no line break", "a line break"])
@pytest.mark.parametrize(("headline", "codec", "encoding"), HEADLINES, ids=[h[0] for h in HEADLINES])
def test_a_short_headline_is_told_by_its_common_characters(headline, codec, encoding, ending):
    decision = decide(headline.encode(codec) + ending, "x", complete=True)
    assert (decision.encoding, decision.how) == (encoding, "detected")


@pytest.mark.parametrize(("text", "codec"), NOT_CHINESE, ids=[t[1] for t in NOT_CHINESE])
def test_text_of_other_languages_is_not_taken_for_chinese(text, codec):
    with pytest.raises(InputError, match="nor recognisably GB18030 or Big5: give --encoding"):
        decide(text.encode(codec) + b"\n", "x", complete=True)


def test_a_forced_encoding_wins_and_an_unknown_one_is_named(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9 prices rose 5%.\n".encode("cp1252"))
    assert read_text(str(path), encoding="cp1252") == "Caf\u00e9 prices rose 5%.\n"
    with pytest.raises(InputError, match=r"latin\.txt: unknown encoding 'klingon'$"):
        read_text(str(path), encoding="klingon")
    with pytest.raises(InputError, match=r"not valid ascii at byte 3 \(the encoding given\)"):
        read_text(str(path), encoding="ascii")


@pytest.mark.parametrize(
    ("data", "offset", "name"),
    [
        (b"ok " * 30_000 + b"\xff tail", 90_000, "UTF-8"),  # past the head the decision is made on
        ("小米".encode("gb18030") * 40_000 + b"\x81\x20", 160_000, "GB18030"),
        (b"\xff\xfe" + "ab".encode("utf-16-le") * 40_000 + b"\x00\xdc", 160_002, "utf-16-le"),
    ],
    ids=["utf-8", "gb18030", "utf-16"],
)
def test_a_bad_byte_anywhere_is_named_by_its_offset(tmp_path, data, offset, name):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    for read in (read_text, lambda p: "".join(text_chunks(p))):
        with pytest.raises(InputError, match=rf"bad\.txt: not valid {name}.* at byte {offset}\b"):
            read(str(path))


def test_pieces_decode_to_the_whole_text(tmp_path):
    text = ZH * 200  # 1.6 MB in GB18030: several pieces, characters cut between them
    path = tmp_path / "big.txt"
    path.write_bytes(text.encode("gb18030"))
    assert "".join(text_chunks(str(path))) == text == read_text(str(path))


@pytest.mark.parametrize(
    ("head", "what"),
    [
        (b"\xff\xfeS\x00a\x00", None),  # UTF-16 with its mark: text
        (b"S\x00a\x00l\x00e\x00s\x00", "UTF-16 text without a byte-order mark (give --encoding utf-16-le)"),
        (b"\x00S\x00a\x00l\x00e\x00s", "UTF-16 text without a byte-order mark (give --encoding utf-16-be)"),
        (bytes(range(256)), "binary data (NUL bytes)"),
        (b"\x01\x02\x03\x04 text", "binary data (control bytes)"),
        (b"BZh91AY&SY\x00", "a bzip2 archive"),
        (b"BZh is not a word", None),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "a WebP image"),
        (b"\x7fELF\x02\x01", "an ELF executable"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc, .xls, .ppt)"),
        (b"\x1b[31mred\x1b[0m 5 km\n", None),  # escape sequences are text (made visible on output)
    ],
)
def test_what_a_binary_looks_like(head, what):
    assert not_text(head) == what


def test_output_is_utf8_whatever_the_locale(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes("小米汽車交付了50萬臺。\n".encode("big5"))
    env = {**os.environ, "LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": "latin-1", "PYTHONUTF8": "0"}
    result = run("extract", str(path), "-f", "csv", env=env)
    assert result.returncode == 0, result.stderr
    assert "50萬臺" in result.stdout.decode("utf-8")
