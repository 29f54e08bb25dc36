"""Shared fixtures: the repository's own rules and seed corpus."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def seed_copy(tmp_path) -> Path:
    """A throw-away copy of seeds/, for tests that edit articles."""
    import shutil

    target = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", target)
    return target
