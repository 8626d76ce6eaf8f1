"""What a draft open in the editor is checked with, as `claimcheck check` would check it: the
nearest claimcheck.toml (or pyproject.toml with [tool.claimcheck]) above the draft, its settings
for that path, its reference tables and its baseline. The config, the tables and the baseline
are read again when their files change on disk (size or modification time, looked at on each
request)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.checking.baseline import Key, file_key, load_baseline
from claimcheck.checking.config import Options, Resolver, Settings, discover, find_config
from claimcheck.checking.jobs import tables_of

Stamp = tuple[int, int] | None


def stamp(path: str | None) -> Stamp:
    """When and how large the file was last written; None when it is not there."""
    if path is None:
        return None
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_mtime_ns, found.st_size


@dataclass
class Table:
    """A draft's reference tables, loaded and indexed, with the stamps they were loaded at."""

    paths: tuple[str, ...]
    index: object
    stamps: tuple[Stamp, ...]
    generation: int


@dataclass
class Desk:
    """The settings for one draft and what they name."""

    path: str
    config: str | None
    config_stamp: Stamp
    settings: Settings
    baseline: str | None
    config_problem: str | None = None  # why the draft cannot be checked, one line each
    table_problem: str | None = None
    baseline_problem: str | None = None
    table: Table | None = None
    table_stamps: tuple[Stamp, ...] | None = None  # of the tables as last read, or tried
    accepted: set[Key] = field(default_factory=set)
    baseline_stamp: Stamp = None

    @property
    def problem(self) -> str | None:
        return self.config_problem or self.table_problem or self.baseline_problem

    def baseline_key(self) -> str | None:
        return file_key(self.path, self.baseline) if self.baseline else None


_generations = iter(range(1, 1 << 62))


def open_desk(path: str) -> Desk:
    """The desk for a draft at `path` (absolute); a problem is kept on it, not raised."""
    from claimcheck.errors import ClaimcheckError

    start = Path(path).parent
    found = find_config(start)
    config = str(found) if found else None
    desk = Desk(path, config, stamp(config), Settings(), None)
    try:
        resolver = Resolver(discover(None, start), Options())
        desk.settings = resolver.settings_for(path)
        desk.baseline = resolver.baseline(None)
    except ClaimcheckError as exc:
        desk.config_problem = str(exc)
        return desk
    refresh(desk)
    return desk


def stale(desk: Desk) -> bool:
    """Whether the config the desk was read from changed, or a nearer one appeared."""
    config = find_config(Path(desk.path).parent)
    return (str(config) if config else None) != desk.config or stamp(desk.config) != desk.config_stamp


def refresh(desk: Desk) -> bool:
    """Reads the tables and the baseline again when their files changed; whether anything did."""
    from claimcheck.errors import ClaimcheckError

    changed = False
    tables = tables_of(desk.settings)
    if tables is not None:
        stamps = tuple(stamp(path) for path in tables[0])
        if stamps != desk.table_stamps:
            desk.table_stamps, changed = stamps, True
            try:
                desk.table = Table(tables[0], _load(tables), stamps, next(_generations))
                desk.table_problem = None
            except ClaimcheckError as exc:
                desk.table, desk.table_problem = None, str(exc)
    baseline_stamp = stamp(desk.baseline)
    if desk.baseline and baseline_stamp != desk.baseline_stamp:
        desk.baseline_stamp, changed = baseline_stamp, True
        try:
            desk.accepted = load_baseline(desk.baseline) if baseline_stamp else set()
            desk.baseline_problem = None
        except ClaimcheckError as exc:
            desk.accepted, desk.baseline_problem = set(), str(exc)
    return changed


def _load(tables) -> object:
    """The tables indexed afresh (the cache of claimcheck.checking.jobs keeps the first reading)."""
    from claimcheck.references.formats import DEFAULT_TABLE_BYTES
    from claimcheck.references.tables import load_references
    from claimcheck.verification.verifier import index_references

    paths, encoding, units, max_bytes = tables
    limit = DEFAULT_TABLE_BYTES if max_bytes is None else max_bytes or None
    return index_references([load_references(p, encoding=encoding, units=units, max_bytes=limit) for p in paths])
