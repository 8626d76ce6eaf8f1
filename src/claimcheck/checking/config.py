"""Settings of `claimcheck check`: defaults, then the config file, then its per-path
overrides, then command-line flags (flags win).

The config file is the nearest `claimcheck.toml` (keys at the top) or `pyproject.toml` with
a `[tool.claimcheck]` table, looking from the current directory upwards. Keys are spelled
like the flags; paths in the file are relative to the file. Unknown keys are errors.
A `[units]` table names units the rules lack, for every command that reads a table;
a `[claimreview]` table, what `verify --format claimreview` publishes (checking/claimreview.py).
"""

from __future__ import annotations

import datetime
import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from claimcheck.checking.claimreview import ReviewConfig
from claimcheck.errors import ClaimcheckError, clipped
from claimcheck.files.drafts import DRAFTS
from claimcheck.files.globs import Patterns
from claimcheck.files.read import DEFAULT_MAX_BYTES, STDIN, parse_size, read_bytes
from claimcheck.files.structured import load_toml
from claimcheck.models import ClaimKind
from claimcheck.references.formats import DEFAULT_TABLE_BYTES

FailOn = Literal["mismatch", "unsourced", "any", "none"]
# auto, or a language of the rule folders (checked against them when a config is read).
LangChoice = str
OWN_FILE, PYPROJECT = "claimcheck.toml", "pyproject.toml"


class ConfigError(ClaimcheckError):
    """The config file cannot be read or has a bad key; the message names the file and key."""


class Options(BaseModel):
    """The keys a config file, an override and the command line share."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    refs: tuple[str, ...] | None = None
    refs_encoding: str | None = Field(default=None, alias="refs-encoding")
    fail_on: FailOn | None = Field(default=None, alias="fail-on")
    approx: float | None = None
    lang: LangChoice | None = None
    min_checkworthy: float | None = Field(default=None, alias="min-checkworthy", ge=0, le=1)
    kinds: tuple[ClaimKind, ...] | None = None
    encoding: str | None = None
    max_bytes: int | None = Field(default=None, alias="max-bytes", ge=0)
    refs_max_bytes: int | None = Field(default=None, alias="refs-max-bytes", ge=0)
    date: datetime.date | None = None  # the drafts' date: relative periods resolve against it

    @field_validator("refs", mode="before")
    @classmethod
    def _tables(cls, value: object) -> object:
        """One table or a list of them, whose rows are taken together."""
        return (value,) if isinstance(value, str) else value

    @field_validator("lang")
    @classmethod
    def _language(cls, value: str | None) -> str | None:
        from claimcheck import rules

        choices = ("auto", *rules.languages())
        if value is not None and value not in choices:
            raise ValueError(f"Input should be {', '.join(map(repr, choices[:-1]))} or {choices[-1]!r}")
        return value

    @field_validator("max_bytes", "refs_max_bytes", mode="before")
    @classmethod
    def _size(cls, value: object) -> object:
        """64k, 32M, 1G or a number of bytes; 0 is no limit."""
        return parse_size(value) or 0 if isinstance(value, str) else value

    @field_validator("approx", mode="before")
    @classmethod
    def _fraction(cls, value: object) -> object:
        """5% or 0.05: the relative slack of an approximate claim, at least 0 and below 1."""
        if isinstance(value, str):
            text = value.strip()
            try:
                value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
            except ValueError:
                raise ValueError("write it as 5% or 0.05") from None
        if isinstance(value, int | float) and not 0 <= value < 1:
            raise ValueError("must be at least 0 and below 1 (5% or 0.05)")
        return value


class Override(Options):
    paths: list[str] = Field(min_length=1)


class FileConfig(Options):
    include: list[str] | None = None
    exclude: list[str] | None = None
    baseline: str | None = None
    units: dict[str, str] = {}
    overrides: list[Override] = []
    claimreview: ReviewConfig = ReviewConfig()

    @field_validator("units")
    @classmethod
    def _units(cls, units: dict[str, str]) -> dict[str, str]:
        """片 = "count" (a noun counted), 公噸 = "t" (another name of a unit the rules know)."""
        from claimcheck.references.values import COUNTED, read_unit

        for name, meaning in units.items():
            if not name.strip():
                raise ValueError("a unit name is empty")
            if meaning.strip() != COUNTED:
                try:
                    read_unit(meaning)
                except ValueError:
                    raise ValueError(
                        f'{name} = "{meaning}": write "count" for a noun that is counted, '
                        "or a unit claimcheck knows (t, km, USD, 輛)"
                    ) from None
        return {name.strip(): meaning.strip() for name, meaning in units.items()}

    def unit_pairs(self) -> tuple[tuple[str, str], ...]:
        return tuple(self.units.items())


class Settings(BaseModel):
    """What one file is checked with; `refs` is an absolute path."""

    model_config = ConfigDict(frozen=True)

    refs: tuple[str, ...] | None = None
    refs_encoding: str | None = None
    units: tuple[tuple[str, str], ...] = ()
    fail_on: FailOn = "any"
    approx: float | None = None
    lang: LangChoice = "auto"
    min_checkworthy: float = 0.0
    kinds: tuple[ClaimKind, ...] | None = None
    encoding: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES  # 0: no limit
    refs_max_bytes: int = DEFAULT_TABLE_BYTES  # 0: no limit
    date: datetime.date | None = None


@dataclass(frozen=True)
class Config:
    path: Path | None
    keys: FileConfig

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()


def _read_toml(path: Path) -> dict:
    """The file's TOML; ConfigError (one line) when it cannot be read or parsed."""
    try:
        return load_toml(read_bytes(str(path), None, "").decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not valid UTF-8") from None
    except ValueError as exc:
        raise ConfigError(f"{path}: {exc}") from None


def _tool_table(data: dict) -> object:
    tool = data.get("tool")
    return tool.get("claimcheck") if isinstance(tool, dict) else None


def _names_a_table(path: Path) -> bool:
    try:
        return _tool_table(_read_toml(path)) is not None
    except ClaimcheckError:
        return True  # let load_config report what is wrong with it


def find_config(start: Path) -> Path | None:
    for directory in (start, *start.parents):
        if (directory / OWN_FILE).is_file():
            return directory / OWN_FILE
        if (directory / PYPROJECT).is_file() and _names_a_table(directory / PYPROJECT):
            return directory / PYPROJECT
    return None


def _message(error: dict, table: str) -> str:
    """One line for the first validation error; `table` is the dotted name of the settings table."""
    parts = [str(part) for part in error["loc"]]
    where, model = (f" in [{table}]" if table else ""), FileConfig
    if parts[:1] == ["overrides"] and len(parts) > 2:
        overrides = f"{table}.overrides" if table else "overrides"
        where, parts, model = f" in [[{overrides}]] entry {int(parts[1]) + 1}", parts[2:], Override
    if parts[:1] == ["claimreview"]:
        where, parts, model = f" in [{table + '.' if table else ''}claimreview]", parts[1:], ReviewConfig
        if not parts:  # the table as a whole: its rating scale
            return f"[{table + '.' if table else ''}claimreview]: {error['msg'].removeprefix('Value error, ')}"
        parts = [".".join(parts)]
    key = parts[0] if parts else "?"
    if error["type"] == "extra_forbidden":
        known = [field.alias or name for name, field in model.model_fields.items()]
        close = difflib.get_close_matches(key.replace("_", "-"), known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"unknown key '{clipped(key)}'{where}{hint}"
    return f"key '{clipped(key)}'{where}: {error['msg'].removeprefix('Value error, ')}"


def load_config(path: Path) -> Config:
    data = _read_toml(path)
    is_pyproject = path.name == PYPROJECT
    table = (_tool_table(data) or {}) if is_pyproject else data
    table_name = "tool.claimcheck" if is_pyproject else ""
    try:
        return Config(path.resolve(), FileConfig.model_validate(table))
    except ValidationError as exc:
        raise ConfigError(f"{path}: {_message(exc.errors()[0], table_name)}") from None


def discover(explicit: str | None = None, start: Path | None = None) -> Config:
    if explicit is not None:
        return load_config(Path(explicit))
    found = find_config(start or Path.cwd())
    return load_config(found) if found else Config(None, FileConfig())


def _absolute(path: str | None, base: Path) -> str | None:
    return None if path is None else str((base / path).resolve())


def _absolute_all(paths: tuple[str, ...] | None, base: Path) -> tuple[str, ...] | None:
    return None if paths is None else tuple(str((base / path).resolve()) for path in paths)


class Resolver:
    """Settings for each file: config keys, then the overrides matching it, then flags."""

    def __init__(self, config: Config, flags: Options) -> None:
        self.config = config
        self._flags = flags.model_copy(update={"refs": _absolute_all(flags.refs, Path.cwd())})
        self._overrides = [(Patterns(tuple(o.paths), config.root), o) for o in config.keys.overrides]

    def _layers(self, path: str) -> list[Options]:
        layers: list[Options] = [self.config.keys]
        if path != STDIN:
            layers += [override for patterns, override in self._overrides if patterns.matches(Path(path))]
        return layers

    def settings_for(self, path: str) -> Settings:
        values: dict[str, object] = {}
        for layer in self._layers(path):
            for name in Options.model_fields:
                value = getattr(layer, name)
                if value is not None:
                    values[name] = _absolute_all(value, self.config.root) if name == "refs" else value
        values.update(self._flags.model_dump(exclude_none=True))
        return Settings(**values, units=self.config.keys.unit_pairs())

    def include(self, flag: list[str] | None) -> Patterns:
        if flag:
            return Patterns(tuple(flag), Path.cwd())
        return Patterns(tuple(self.config.keys.include or DRAFTS), self.config.root)

    def include_is_set(self, flag: list[str] | None) -> bool:
        """Whether include was asked for (flag or config) rather than left to the default."""
        return bool(flag) or self.config.keys.include is not None

    def exclude(self, flag: list[str] | None) -> Patterns:
        if flag:
            return Patterns(tuple(flag), Path.cwd())
        return Patterns(tuple(self.config.keys.exclude or ()), self.config.root)

    def baseline(self, flag: str | None) -> str | None:
        if flag:
            return flag
        return _absolute(self.config.keys.baseline, self.config.root)
