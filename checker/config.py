"""The project's settings: `claimcheck.toml`, or `[tool.claimcheck]` in
`pyproject.toml`, found from the current folder upwards (in one folder,
claimcheck.toml first). Flags on the command line win over them.

    rules = ["rules", "builtin:common"]   # folders or files; builtin:NAME ships with claimcheck
    corpus = "corpus"
    fail-on = "error"
    baseline = "claimcheck-baseline.yaml"
    jobs = 2
    format = "table"
    cache = ".claimcheck-cache"
    scheduler = "tcp://scheduler:8786"    # a Dask cluster to read events on

Paths are relative to the file that names them.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

import attrs

from checker.errors import InputError, Location

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

FILE = "claimcheck.toml"
PYPROJECT = "pyproject.toml"
KEYS = ("rules", "corpus", "fail-on", "baseline", "jobs", "format", "cache", "scheduler")
_PATHS = ("corpus", "baseline", "cache")


@attrs.frozen
class Config:
    path: str | None  # the file the settings come from, as shown; None: there is none
    settings: dict[str, Any] = attrs.field(factory=dict)

    def get(self, key: str, default=None):
        return self.settings.get(key, default)


NONE = Config(None)


def find(start: Path) -> Config:
    """The settings of the nearest folder, from `start` upwards, that has them."""
    for folder in (start, *start.parents):
        own = folder / FILE
        if own.is_file():
            return _read(own, start, table=None)
        project = folder / PYPROJECT
        if project.is_file():
            found = _read(project, start, table=("tool", "claimcheck"))
            if found.path is not None:
                return found
    return NONE


def _read(path: Path, start: Path, table: tuple[str, ...] | None) -> Config:
    shown = os.path.relpath(path, start)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError(shown, "not UTF-8 text") from None
    except OSError as error:
        raise InputError(shown, f"cannot read: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        at = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        where = Location(shown, int(at.group(1)), int(at.group(2))) if at else Location(shown)
        raise InputError(where, f"invalid TOML: {str(error).split(' (at line')[0]}") from None
    name = "[tool.claimcheck]" if table else "the file"
    for key in table or ():
        data = data.get(key)
        if not isinstance(data, dict):
            return NONE  # a pyproject.toml without our table
    for key in data:
        if key not in KEYS:
            raise InputError(shown, f"unknown key {key!r} in {name} (expected one of: {', '.join(KEYS)})")
    return Config(shown, _settings(data, path.parent, start, shown))


def _settings(data: dict, folder: Path, start: Path, shown: str) -> dict[str, Any]:
    def here(value: str) -> str:
        """A path the file names, as seen from where claimcheck runs."""
        return value if value.startswith("builtin:") else os.path.relpath(folder / value, start)

    settings: dict[str, Any] = {}
    for key, value in data.items():
        if key == "rules":
            listed = [value] if isinstance(value, str) else value
            if not isinstance(listed, list) or not listed or not all(isinstance(v, str) and v for v in listed):
                raise InputError(shown, "`rules` must be a folder or a list of folders")
            settings[key] = [here(v) for v in listed]
        elif key == "jobs":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise InputError(shown, "`jobs` must be a whole number of processes, 1 or more")
            settings[key] = value
        else:
            if not isinstance(value, str) or not value:
                raise InputError(shown, f"`{key}` must be a non-empty string")
            settings[key] = here(value) if key in _PATHS else value
    return settings
