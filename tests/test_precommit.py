"""The commit gate end to end, with the real pre-commit framework and git.

A temporary repository holds a corpus and rules and installs this project's
hooks. The hooks come from `.pre-commit-hooks.yaml` itself, as a `repo: local`
configuration that runs the installed `claimcheck` (language `system`), so
the test needs no network while exercising the same entries, file patterns
and filename passing that a user's `.pre-commit-config.yaml` gets.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

BIN = Path(sys.executable).parent
ARTICLE = "seeds/003_6ce6e43769081fee.txt"
REFUSAL = (
    "seeds/003_6ce6e43769081fee.txt:38:268: ukraine-aid: $16 billion here, but $61 billion "
    "in NDTV (syndicated feed) (002_2b7f539160dc2239.txt:51:196)"
)


def local_config(root: Path) -> str:
    """The project's hooks as a `repo: local` configuration running the installed claimcheck."""
    hooks = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    local = [
        {**hook, "language": "system", "entry": hook["entry"].replace("claimcheck", str(BIN / "claimcheck"), 1)}
        for hook in hooks
    ]
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": local}]}, sort_keys=False)


@pytest.fixture
def repo(tmp_path, root):
    path = tmp_path / "newsroom"
    path.mkdir()
    shutil.copytree(root / "seeds", path / "seeds")
    shutil.copytree(root / "rules", path / "rules")
    shutil.copy(root / "claimcheck.toml", path)  # the rules and the corpus, as this repository names them
    (path / ".gitignore").write_text(".claimcheck-cache/\n", encoding="utf-8")
    (path / ".pre-commit-config.yaml").write_text(local_config(root), encoding="utf-8")
    env = {
        **os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(tmp_path),
    }
    env.pop("CLAIMCHECK_CACHE", None)  # the hook keeps its cache in the repository, as for a user

    def sh(*argv, check=True):
        done = subprocess.run(argv, cwd=path, env=env, capture_output=True, text=True, timeout=120)
        if check:
            assert done.returncode == 0, done.stdout + done.stderr
        return done

    sh("git", "init", "-q", "-b", "main")
    sh("git", "config", "user.email", "desk@example.org")
    sh("git", "config", "user.name", "Desk")
    sh("git", "config", "commit.gpgsign", "false")
    sh(str(BIN / "pre-commit"), "install")
    sh("git", "add", "-A")
    sh("git", "commit", "-q", "-m", "corpus and rules")
    repo_ = type("Repo", (), {"path": path, "sh": staticmethod(sh)})
    return repo_


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def commit(repo, message: str):
    """Stage everything and commit; git shows the hooks' output on stderr."""
    repo.sh("git", "add", "-A")
    done = repo.sh("git", "commit", "-m", message, check=False)
    return done.returncode, done.stdout + done.stderr


def test_the_gate_from_edit_to_baseline_to_a_broken_rule(repo):
    # an unrelated sentence: passes
    edit(repo.path / ARTICLE, "raised the matter during", "raised the issue during")
    status, output = commit(repo, "copy edit")
    assert status == 0, output

    # a disputed figure: refused, naming the file, line, column and the other side
    edit(repo.path / ARTICLE, "$61 billion", "$16 billion")
    status, output = commit(repo, "change the aid figure")
    assert status != 0
    assert REFUSAL in output.splitlines()
    assert "claimcheck (no new contradictions between outlets)" in output and "Failed" in output

    # reviewed and accepted: the same commit passes
    repo.sh(str(BIN / "claimcheck"), "baseline")
    status, output = commit(repo, "change the aid figure, accepted")
    assert status == 0, output
    assert "claimcheck-baseline.yaml" in repo.sh("git", "show", "--name-only", "HEAD").stdout

    # a rule file with a typo: refused by claimcheck-rules
    (repo.path / "rules" / "typo.yaml").write_text(
        "event: blinken-china-2024\nfields:\n  - id: talks\n    type: duration\n    patern: '{value} of talks'\n",
        encoding="utf-8",
    )
    status, output = commit(repo, "a new rule")
    assert status != 0
    assert "claimcheck: rules/typo.yaml:5:5: unknown key 'patern' in field - did you mean 'patterns'?" in output
    assert "claimcheck rules (valid, and their examples pass)" in output


def test_readme_shows_the_local_configuration_the_hooks_define(root):
    readme = (root / "README.md").read_text(encoding="utf-8")
    blocks = [b for b in readme.split("```yaml\n")[1:] if b.startswith("repos:\n  - repo: local")]
    assert len(blocks) == 1
    shown = yaml.safe_load(blocks[0].split("```")[0])["repos"][0]["hooks"]
    hooks = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    expected = [
        {k: v for k, v in {**hook, "language": "system"}.items() if k not in ("description", "minimum_pre_commit_version")}
        for hook in hooks
    ]
    assert shown == expected


def test_the_hooks_install_from_this_repository_as_the_readme_says(tmp_path, root):
    """The README's configuration, with this repository as `repo:` and the
    commit `pre-commit autoupdate --bleeding-edge` writes, refuses a contradiction."""
    readme = (root / "README.md").read_text(encoding="utf-8")
    (shown,) = [b for b in (c.split("```")[0] for c in readme.split("```yaml\n")[1:]) if "--bleeding-edge" in b]
    config = re.sub(r"(- repo: )\S+", lambda m: m.group(1) + str(root), shown, count=1)
    path = tmp_path / "newsroom"
    path.mkdir()
    shutil.copytree(root / "seeds", path / "corpus")
    shutil.copytree(root / "rules", path / "rules")
    (path / "claimcheck.toml").write_text('rules = ["rules", "builtin:common"]\ncorpus = "corpus"\n', encoding="utf-8")
    (path / ".gitignore").write_text(".claimcheck-cache/\n", encoding="utf-8")
    (path / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "home"), "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(tmp_path)}
    env.pop("CLAIMCHECK_CACHE", None)

    def sh(*argv, check=True):
        done = subprocess.run(argv, cwd=path, env=env, capture_output=True, text=True, timeout=600)
        assert not check or done.returncode == 0, done.stdout + done.stderr
        return done

    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True).stdout
    sh("git", "init", "-q", "-b", "main")
    for key, value in (("user.email", "desk@example.org"), ("user.name", "Desk"), ("commit.gpgsign", "false")):
        sh("git", "config", key, value)
    sh(str(BIN / "pre-commit"), "autoupdate", "--bleeding-edge")
    assert f"rev: {head.strip()}" in (path / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    sh(str(BIN / "pre-commit"), "install")
    sh("git", "add", "-A")
    sh("git", "commit", "-q", "-m", "corpus and rules")  # installs the hooks' environment from the commit
    edit(path / "corpus" / ARTICLE.split("/")[1], "$61 billion", "$16 billion")
    sh("git", "add", "-A")
    done = sh("git", "commit", "-m", "change the aid figure", check=False)
    assert done.returncode != 0
    assert REFUSAL.replace("seeds/", "corpus/") in (done.stdout + done.stderr).splitlines()
