"""The HTML document around an editor's report or its index: inline CSS and JS, pinned by
their hashes in a Content-Security-Policy that refuses every other script, style and load.

The assets are package data (render/report/report.css, report.js), read once.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from functools import cache
from importlib.resources import files
from urllib.parse import urlsplit

from claimcheck.files.own_pages import GENERATOR
from claimcheck.rules.folding import is_traditional

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def safe_url(text: str | None) -> str | None:
    """`text` if it is an http(s) URL with a host and nothing that could break out of an attribute."""
    candidate = (text or "").strip()
    if not candidate or any(ch.isspace() or not ch.isprintable() for ch in candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    return candidate if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def language_of(text: str) -> str:
    """The lang attribute for a piece of text: zh-Hant or zh-Hans when it has Chinese, else en."""
    if not _HAN.search(text):
        return "en"
    return "zh-Hant" if is_traditional(text) else "zh-Hans"


@cache
def asset(name: str) -> str:
    return files("claimcheck.render").joinpath("report", name).read_text(encoding="utf-8")


def _hash(source: str) -> str:
    digest = base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def policy(*, script: bool) -> str:
    scripts = _hash(asset("report.js")) if script else "'none'"
    return (
        f"default-src 'none'; style-src {_hash(asset('report.css'))}; script-src {scripts}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def page(title: str, body: str, *, script: bool = True) -> str:
    """A whole HTML document: `body` (already escaped HTML) with the report's CSS and, if asked, its JS."""
    head = (
        '<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy(script=script)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{GENERATOR}\n"
        f"<title>{esc(title)}</title>\n<style>{asset('report.css')}</style>\n"
    )
    tail = f"<script>{asset('report.js')}</script>\n" if script else ""
    return f'<!DOCTYPE html>\n<html lang="en">\n<head>\n{head}</head>\n<body>\n{body}\n{tail}</body>\n</html>\n'
