"""Reading the JSON and TOML files a user gives (a baseline, a config file): each way one can
be unreadable is a ValueError of one line, Python's own limits included — a RecursionError
for nesting thousands deep, and its refusal of integers longer than 4,300 digits."""

from __future__ import annotations

import json
import sys
import tomllib


def _too_long() -> str:
    return f"a number of more than {sys.get_int_max_str_digits():,} digits"


def load_json(text: str, **hooks) -> object:
    try:
        return json.loads(text, **hooks)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:
        raise ValueError("not JSON claimcheck can read: nested too deeply") from None
    except ValueError:  # the only other one json raises: an integer too long to convert
        raise ValueError(f"not JSON claimcheck can read: {_too_long()}") from None


def load_toml(text: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"not valid TOML: {exc}") from None
    except RecursionError:
        raise ValueError("not TOML claimcheck can read: nested too deeply") from None
    except ValueError:
        raise ValueError(f"not TOML claimcheck can read: {_too_long()}") from None
