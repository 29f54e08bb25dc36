"""A corpus as JSON lines gives the verdicts the folder form of the same
articles gives; its bad lines are one-line errors naming file:line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {
    "seeds": (ROOT / "seeds", ["rules", "builtin:common"]),
    **{name: (ROOT / "tests/corpora" / name / "corpus", [str(ROOT / "tests/corpora" / name / "rules")])
       for name in ("kelapi-quake", "merriden-quillon", "hallebrand-heist")},
}


def as_jsonl(folder: Path, target: Path) -> Path:
    """The folder's articles as JSON lines, each with what its manifest says of it."""
    manifest = yaml.safe_load((folder / "manifest.yaml").read_text(encoding="utf-8"))
    lines = []
    for entry in manifest["articles"]:
        record = {
            "id": entry["file"], "event": manifest["event"], "outlet": entry["outlet"],
            "published": str(entry["published"]) if entry.get("published") else None,
            "date": str(manifest["date"]) if manifest.get("date") else None,
            "timezone": manifest.get("timezone"), "url": entry.get("url"),
            "text": (folder / entry["file"]).read_text(encoding="utf-8"),
        }
        lines.append(json.dumps({k: v for k, v in record.items() if v is not None}, ensure_ascii=False))
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def report(capsys, corpus: str, rules: list[str]) -> list[dict]:
    """The JSON report with each article named by its file alone."""
    status = main(["check", "--no-cache", "--format", "json", "--corpus", corpus,
                   *[a for r in rules for a in ("--rules", r)]])
    assert status in (0, 1)
    text = capsys.readouterr().out
    results = json.loads(text)["results"]
    for r in results:
        for item in (*r["articles"], *r["mentions"], *r.get("background", [])):
            item["article"] = item["article"].replace("#", "/").rsplit("/", 1)[-1]
    return results


@pytest.mark.parametrize("name", list(CORPORA))
def test_the_same_articles_as_json_lines_give_the_same_report(capsys, tmp_path, monkeypatch, name):
    folder, rules = CORPORA[name]
    monkeypatch.chdir(ROOT)
    lines = as_jsonl(folder, tmp_path / f"{name}.jsonl")
    assert report(capsys, str(lines), rules) == report(capsys, str(folder), rules)


def test_a_mention_is_named_by_the_article_s_id_and_its_line_in_the_text(capsys, tmp_path):
    lines = tmp_path / "archive.jsonl"
    lines.write_text(
        '{"event": "e", "outlet": "A", "text": "Storm.\\nIt killed 12 people."}\n'
        '{"event": "e", "outlet": "B", "text": "It killed 14 people."}\n', encoding="utf-8")
    assert main(["check", "--no-cache", "--corpus", str(lines), "--rules", "builtin:common", "--format", "lines"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{lines}#1:2:11: death-toll: 12 here, but 14 in B")
    assert out[1].startswith(f"{lines}#2:1:11: death-toll: 14 here")


@pytest.mark.parametrize("text, where, message", [
    (b'{"event": "e", "outlet": "A", "text": "x"}\nnot json\n', ":2:", "not JSON"),
    (b'{"event": "e", "outlet": "A"}\n', ":1:", '"text" must be a non-empty string'),
    (b'{"event": "e", "outlet": "A", "text": 5}\n', ":1:", '"text" must be a non-empty string'),
    (b'[1, 2]\n', ":1:", "an article is a JSON object"),
    (b'{"event": "e", "outlet": "A", "text": "x", "colour": 1}\n', ":1:", "unknown key 'colour'"),
    (b'{"event": "e", "outlet": "A", "text": "x", "published": "soon"}\n', ":1:", "`published` must be a date"),
    (b'{"event": "e", "outlet": "A", "text": "x", "timezone": "Mars/Base"}\n', ":1:", "unknown time zone"),
    (b'{"event": "e", "outlet": "A", "text": "x", "id": "a"}\n{"event": "e", "outlet": "B", "text": "y", "id": "a"}\n',
     ":2:", "is given twice (first at line 1)"),
    (b'{"event": "e", "outlet": "A", "text": "\xff"}\n', ":1:", "not UTF-8"),
    (b'{"event": "e", "outlet": "A", "text": "It killed 12 people \\ud800."}\n', ":1:", "half of a surrogate pair"),
    (b'{"event": "e", "outlet": "\\udc00", "text": "It killed 12 people."}\n', ":1:", "half of a surrogate pair"),
    (b'{"event": "e", "outlet": "A", "text": "  "}\n', ":1:", "empty article"),
    (b"\n\n", "", "empty corpus"),
])
def test_a_bad_line_is_one_line_naming_file_and_line(capsys, tmp_path, text, where, message):
    lines = tmp_path / "archive.jsonl"
    lines.write_bytes(text)
    status = main(["check", "--no-cache", "--corpus", str(lines), "--rules", "builtin:common"])
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"claimcheck: {lines}{where}") and message in err
    assert lines.read_bytes() == text


def test_the_file_given_to_check_is_the_whole_corpus(capsys, tmp_path):
    lines = as_jsonl(ROOT / "seeds", tmp_path / "seeds.jsonl")
    args = ["check", "--no-cache", "--corpus", str(lines), "--rules", str(ROOT / "rules"), "--format", "json"]
    assert main([*args, str(lines)]) == 0
    assert {r["event"] for r in json.loads(capsys.readouterr().out)["results"]} == {"blinken-china-2024"}


def test_a_byte_order_mark_and_numbered_ids_are_read(capsys, tmp_path):
    lines = tmp_path / "archive.jsonl"
    lines.write_bytes(
        b'\xef\xbb\xbf{"event": "e", "outlet": "A", "id": 100, "text": "The storm killed 12 people."}\n'
        b'{"event": "e", "outlet": "B", "id": 101, "text": "The storm killed 14 people."}\n')
    assert main(["check", "--no-cache", "--corpus", str(lines), "--rules", "builtin:common", "--format", "lines"]) == 1
    assert capsys.readouterr().out.startswith(f"{lines}#100:1:18: death-toll: 12 here")


def test_code_scanning_locations_name_the_file_not_the_article_s_lines(capsys, tmp_path):
    lines = tmp_path / "archive.jsonl"
    lines.write_text('{"event": "e", "outlet": "A", "id": "a", "text": "Storm.\\n\\nIt killed 12 people."}\n'
                     '{"event": "e", "outlet": "B", "id": "b", "text": "It killed 14 people."}\n', encoding="utf-8")
    args = ["check", "--no-cache", "--corpus", str(lines), "--rules", "builtin:common"]
    main([*args, "--format", "github"])
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"::error file={lines},title=death-toll::article a, line 3, column 11: 12 here")
    main([*args, "--format", "sarif"])
    (location, _) = json.loads(capsys.readouterr().out)["runs"][0]["results"][0]["locations"]
    assert location["physicalLocation"] == {"artifactLocation": {"uri": lines.as_uri()}}
    assert "article a, line 3, column 11" in location["message"]["text"]
