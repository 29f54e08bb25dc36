"""Shared fixtures: the repository's own rules and seed corpus; and the
helpers of the tests that edit a copy of them and run the command line."""

import shutil
import contextlib
from pathlib import Path

import pytest

from checker.cli import main
from checker.read import units
from checker.read.grammars import grammars

ROOT = Path(__file__).resolve().parent.parent

# The value grammars and the unit registry are built when first asked for;
# built here, that first time counts against no property test's deadline.
for _ranges in (True, False):
    for _measures in (True, False):
        grammars(_ranges, _measures)
units.unit("km")


@pytest.fixture(autouse=True)
def _cache_in_tmp(tmp_path_factory, monkeypatch):
    """Runs keep their parse cache in a temporary folder, never in the checkout."""
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(autouse=True)
def _width(monkeypatch):
    """The table fits 100 columns, as when the report goes to a file, whatever the terminal running the tests."""
    monkeypatch.setenv("COLUMNS", "100")


@pytest.fixture
def wide(monkeypatch):
    """A terminal wide enough for the seed report's matrix on one line per field."""
    monkeypatch.setenv("COLUMNS", "250")


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def seed_copy(tmp_path) -> Path:
    """A throw-away copy of seeds/, for tests that edit articles."""
    target = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", target)
    return target


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """A copy of the rules and seeds to edit, as the current directory."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    shutil.copy(ROOT / "claimcheck.toml", tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a file, which must hold it."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def cache_rows(folder: Path, kind: str = "entry") -> list[tuple[str, bytes]]:
    """(key, stored bytes) of the cache's rows of one kind (entry, record, memo), by key."""
    import sqlite3

    from checker.judge.cache import DATABASE

    where = "key NOT LIKE '%:%'" if kind == "entry" else f"key LIKE '{kind}:%'"
    with contextlib.closing(sqlite3.connect(folder / DATABASE)) as db:
        return db.execute(f"SELECT key, body FROM stored WHERE {where} ORDER BY key").fetchall()


def set_cache_row(folder: Path, key: str, body: bytes, checksum: str | None = None) -> None:
    """Put bytes under a key of the cache, its checksum kept (unless given): as a damaged disk or a hand would."""
    import sqlite3

    from checker.judge.cache import DATABASE

    with contextlib.closing(sqlite3.connect(folder / DATABASE)) as db, db:
        if checksum is None:
            db.execute("UPDATE stored SET body = ? WHERE key = ?", (body, key))
        else:
            db.execute("INSERT OR REPLACE INTO stored VALUES (?, ?, ?)", (key, body, checksum))


def run(capsys, *argv):
    """(exit status, stdout, stderr) of the command line."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err
