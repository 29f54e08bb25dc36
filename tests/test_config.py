"""Settings from claimcheck.toml or pyproject.toml's [tool.claimcheck], found
upwards from the current folder; flags win; built-in rules by name; `init`;
the schema written to a file; the version in one place."""

from __future__ import annotations

import importlib.metadata
import json
import shutil
from pathlib import Path

import pytest

from checker import __version__
from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path, monkeypatch):
    """The seed event as another project would keep it, as the current folder."""
    shutil.copytree(ROOT / "seeds", tmp_path / "news" / "blinken")
    shutil.copytree(ROOT / "rules", tmp_path / "checks")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["--version"] if argv == ("--version",) else list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def fields(out: str) -> set[str]:
    return {r["field"] for r in json.loads(out)["results"]}


def test_without_settings_or_a_rules_folder_it_says_what_to_do(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, "check")
    assert status == 2 and out == "" and err.count("\n") == 1
    assert "no rules: give --rules DIR" in err and "claimcheck init" in err


def test_claimcheck_toml_names_rules_and_corpus(capsys, project):
    (project / "claimcheck.toml").write_text('rules = ["checks", "builtin:common"]\ncorpus = "news"\n', encoding="utf-8")
    status, out, _ = run(capsys, "check", "--format", "json", "--no-cache")
    assert status == 0 and "ukraine-aid" in fields(out)


def test_pyproject_tool_table_is_read_and_found_from_a_subfolder(capsys, project, monkeypatch):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "newsroom"\n\n[tool.claimcheck]\nrules = "checks"\ncorpus = "news"\nformat = "json"\n'
        'fail-on = "warning"\n', encoding="utf-8")
    monkeypatch.chdir(project / "news")
    status, out, _ = run(capsys, "check", "--no-cache")
    assert status == 1 and "partnership" in fields(out)  # json, and a warning fails
    assert json.loads(out)["results"][0]["articles"][0]["article"].startswith("blinken/")


def test_claimcheck_toml_comes_before_pyproject_in_the_same_folder(capsys, project):
    (project / "pyproject.toml").write_text('[tool.claimcheck]\ncorpus = "nowhere"\n', encoding="utf-8")
    (project / "claimcheck.toml").write_text('rules = "checks"\ncorpus = "news"\n', encoding="utf-8")
    assert run(capsys, "check", "--no-cache")[0] == 0


def test_a_pyproject_without_the_table_is_passed_over(capsys, project):
    (project / "claimcheck.toml").write_text('rules = "checks"\ncorpus = "news"\n', encoding="utf-8")
    (project / "news" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert main(["check", "--no-cache", "--corpus", "news"]) == 0


def test_flags_win_over_settings(capsys, project):
    (project / "claimcheck.toml").write_text('rules = "checks"\ncorpus = "nowhere"\nformat = "json"\n',
                                             encoding="utf-8")
    status, out, _ = run(capsys, "check", "--corpus", "news", "--format", "lines", "--no-cache")
    assert status == 0 and out == ""  # lines: nothing fails at error


@pytest.mark.parametrize("text, message", [
    ('rules = "checks"\nfail-on = "often"\n', "`fail-on` must be one of: info, warning, error"),
    ('rules = "checks"\njobs = 0\n', "`jobs` must be a whole number"),
    ('rules = "checks"\ncolour = true\n', "unknown key 'colour'"),
    ('rules = [1, 2]\n', "`rules` must be a folder or a list of folders"),
    ('rules = "checks\n', "claimcheck.toml:1:"),
])
def test_bad_settings_are_one_line(capsys, project, text, message):
    (project / "claimcheck.toml").write_text(text + 'corpus = "news"\n', encoding="utf-8")
    status, _, err = run(capsys, "check", "--no-cache")
    assert status == 2 and err.count("\n") == 1 and message in err and err.startswith("claimcheck: claimcheck.toml")


def test_builtin_rules_by_name_and_an_unknown_name(capsys, project):
    status, out, err = run(capsys, "test-rules", "--rules", "builtin:common")
    assert status == 0 and "builtin:common/casualties.yaml:" in out
    status, _, err = run(capsys, "test-rules", "--rules", "builtin:nope")
    assert status == 2 and "no built-in rules called 'nope' (there are: common)" in err


def test_init_writes_a_project_that_runs_and_leaves_files_alone(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(capsys, "init", "storm-2024")
    assert status == 0 and out.splitlines()[:3] == [
        "wrote claimcheck.toml", "wrote rules/storm-2024.yaml", "wrote corpus/storm-2024/manifest.yaml"]
    assert run(capsys, "test-rules")[0] == 0  # the starter rule's examples pass
    (tmp_path / "corpus/storm-2024/herald.txt").write_text("The storm killed 12 people.\n", encoding="utf-8")
    (tmp_path / "corpus/storm-2024/radio.txt").write_text("The storm killed 14 people.\n", encoding="utf-8")
    status, out, _ = run(capsys, "check", "--no-cache", "--format", "json")
    assert status == 1 and json.loads(out)["results"][0]["verdict"] == "conflict"
    (tmp_path / "claimcheck.toml").write_text("# mine\n", encoding="utf-8")
    status, _, err = run(capsys, "init", "storm-2024")
    assert status == 0 and "claimcheck.toml exists, left as it is" in err
    assert (tmp_path / "claimcheck.toml").read_text(encoding="utf-8") == "# mine\n"


def test_the_schema_has_an_id_and_is_written_to_a_file(capsys, tmp_path):
    assert main(["schema", "--output", str(tmp_path / "rules.schema.json")]) == 0
    schema = json.loads((tmp_path / "rules.schema.json").read_text(encoding="utf-8"))
    assert schema["$id"] == "urn:claimcheck:schema:rules:1"
    assert main(["schema"]) == 0 and json.loads(capsys.readouterr().out) == schema


def test_the_version_is_written_once(capsys):
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == f"claimcheck {__version__}"
    assert importlib.metadata.version("claimcheck") == __version__


def test_the_configured_baseline_is_written_by_baseline_and_read_by_check(capsys, project):
    (project / "claimcheck.toml").write_text('rules = "checks"\ncorpus = "news"\nbaseline = "accepted.yaml"\n'
                                             'fail-on = "warning"\n', encoding="utf-8")
    assert run(capsys, "check", "--no-cache")[0] == 1  # not written yet: nothing is accepted
    status, out, _ = run(capsys, "baseline", "--no-cache")
    assert status == 0 and out.startswith("accepted.yaml: 2 discrepancies accepted")
    assert (project / "accepted.yaml").is_file() and not (project / "claimcheck-baseline.yaml").exists()
    assert run(capsys, "check", "--no-cache")[0] == 0


def test_init_where_nothing_can_be_written_is_one_line(capsys, tmp_path, monkeypatch):
    (tmp_path / "rules").write_text("a file where the rules folder would go\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, _, err = run(capsys, "init", "storm-2024")
    assert status == 2 and err.splitlines()[-1].startswith("claimcheck: rules/storm-2024.yaml: cannot write the file")
