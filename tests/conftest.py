"""Shared fixtures: the repository's own rules and seed corpus."""

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


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
