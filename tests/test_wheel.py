"""claimcheck as a user installs it: a wheel built from this tree, installed in a
fresh venv, run from a folder that is not this repository. The shipped rules,
the schema and the report's assets must come from the installed package."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv holding the wheel and nothing else of this tree (its
    dependencies are this venv's, reached by a plain path, which runs none of
    this venv's start-up hooks, so the editable install of the source stays out)."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"  # a copy: building writes build/ and egg-info beside the sources
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".hypothesis", ".claimcheck-cache"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--wheel-dir", str(work / "dist"), str(source)], check=True, capture_output=True)
    (wheel,) = (work / "dist").glob("claimcheck-*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    str(wheel)], check=True, capture_output=True)
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    return venv


def claimcheck(venv: Path, *argv: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(venv / "bin" / "claimcheck"), *argv], cwd=cwd, capture_output=True, text=True)


def test_the_installed_package_is_not_the_source_tree(installed, tmp_path):
    where = subprocess.run([str(installed / "bin" / "python"), "-c", "import checker; print(checker.__file__)"],
                           cwd=tmp_path, check=True, capture_output=True, text=True).stdout
    assert Path(where).resolve().is_relative_to(installed.resolve())


def quake(folder: Path) -> None:
    event = folder / "corpus" / "quake"
    event.mkdir(parents=True, exist_ok=True)
    for outlet, toll in (("a", 12), ("b", 40)):
        (event / f"{outlet}.txt").write_text(f"{toll} people were killed on Monday.\n", encoding="utf-8")
    (event / "manifest.yaml").write_text(
        "event: quake\narticles:\n  - {file: a.txt, outlet: A, published: 2024-04-26}\n"
        "  - {file: b.txt, outlet: B, published: 2024-04-26}\n", encoding="utf-8")


def test_the_shipped_common_rules_check_a_corpus_from_the_wheel(installed, tmp_path):
    quake(tmp_path)
    done = claimcheck(installed, "check", "--rules", "builtin:common", "--corpus", "corpus", "--format", "json",
                      "--no-cache", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    (toll,) = [r for r in json.loads(done.stdout)["results"] if r["field"] == "death-toll"]
    assert toll["verdict"] == "conflict"


def test_the_wheel_carries_the_schema_the_starter_and_the_report_assets(installed, tmp_path):
    done = claimcheck(installed, "schema", cwd=tmp_path)
    assert json.loads(done.stdout)["$id"] == "urn:claimcheck:schema:rules:1"
    assert claimcheck(installed, "init", "quake", cwd=tmp_path).returncode == 0
    quake(tmp_path)
    page = tmp_path / "report.html"
    done = claimcheck(installed, "check", "--no-cache", "--html", str(page), cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    html = page.read_text(encoding="utf-8")
    assert "<style>" in html and "<script>" in html and "death-toll" in html
