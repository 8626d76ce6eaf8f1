"""Read a rule file (TOML) and validate it. Every error names the file and the entry."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from typing import TypeVar

import regex
from pydantic import BaseModel, ValidationError

from claimcheck.errors import RulesError

Model = TypeVar("Model", bound=BaseModel)
BUILTIN = resources.files("claimcheck.rules")


@dataclass(frozen=True)
class RuleFile:
    path: Traversable
    label: str  # what messages call it: rules/zh/units.toml, or the path of a file of one's own

    def exists(self) -> bool:
        return self.path.is_file()

    def read(self) -> dict:
        try:
            return tomllib.loads(self.path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise RulesError(f"{self.label}: {exc}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise RulesError(f"{self.label}: cannot be read ({exc.__class__.__name__})") from None


@dataclass(frozen=True)
class Folder:
    path: Traversable
    label: str  # rules/zh, or the path of a folder of one's own

    def file(self, name: str) -> RuleFile:
        return RuleFile(self.path / name, f"{self.label}/{name}")


def shared_file(name: str) -> RuleFile:
    """A file every language shares, beside the language folders (rules/canonical.toml)."""
    return RuleFile(BUILTIN / name, f"rules/{name}")


def error_at(label: str, exc: ValidationError, prefix: tuple[str, ...] = ()) -> RulesError:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in (*prefix, *first["loc"]))
    return RulesError(f"{label}: entry {where}: {first['msg']}")


def check_patterns(label: str, patterns: Iterable[tuple[str, str]]) -> None:
    """Each (entry, regex) compiles: a folder of one's own may hold a broken one."""
    for entry, pattern in patterns:
        try:
            regex.compile(pattern)
        except regex.error as exc:
            raise RulesError(f"{label}: entry {entry}: not a regular expression ({exc})") from None


def validated(model: type[Model], label: str, data: dict) -> Model:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise error_at(label, exc) from None
