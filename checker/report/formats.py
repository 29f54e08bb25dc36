"""Reports of a check: the table for people (`table`), lines and annotations
for editors and CI, versioned JSON for tools, SARIF for code scanning, and a
self-contained HTML page (`html`)."""

from __future__ import annotations

import json
from typing import Iterable, Iterator

import attrs

from checker.judge.compare import Result
from checker.load.jsonl import in_file
from checker.printable import printable
from checker.read.text import one_line
from checker.report import html, sarif, table

JSON_SCHEMA_VERSION = 1
ALL = table.ALL


def render(results: tuple[Result, ...], fmt: str = "table", **options) -> str:
    """The report in format `fmt` (a key of FORMATS), with `Options`."""
    return "".join(chunks(results, fmt, **options))


def chunks(results: tuple[Result, ...], fmt: str = "table", **options) -> Iterator[str]:
    """The report in pieces to write in turn (the JSON report an entry at a time)."""
    rendered = FORMATS[fmt](results, Options(**options))
    return iter((rendered,)) if isinstance(rendered, str) else rendered


@attrs.frozen
class Options:
    explain: str | None = None  # a field id, ALL, or None
    fail_on: str = "error"
    width: int | None = None  # the table fits in this many columns (None: any)
    color: bool = False  # the table colours its verdicts
    corpus: str = ""  # what the run read, for the HTML report's header
    rules: tuple[str, ...] = ()
    indent: int | None = None  # the JSON report pretty-printed with this indent


# -- one line per discrepancy, for editors, CI and pre-commit ---------------------
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def as_lines(results, github: bool = False) -> Iterator[str]:
    """One line per message, each written as its result comes (lines after the first start with a newline)."""
    separator = ""
    for r in results:
        if not r.is_discrepancy or r.accepted:
            continue
        for m, message in _messages(r):
            message = one_line(message)  # whatever the article's line breaks
            if github:
                level = _GITHUB_LEVEL[r.field.severity]
                file, record = in_file(m.article)
                where = f"file={_property(file)}" + (f",line={m.line},col={m.column}" if record is None else "")
                if record is not None:  # lines of the article, not of the file it is in
                    message = f"article {record}, line {m.line}, column {m.column}: {message}"
                line = f"::{level} {where},title={_property(r.field.id)}::{_data(message)}"
            else:
                line = f"{printable(m.article)}:{m.line}:{m.column}: {r.field.id}: {printable(message)}"
            yield separator + line
            separator = "\n"


def _data(text: str) -> str:
    """A workflow command's message: %, CR and LF percent-encoded, other controls escaped."""
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _property(text: str) -> str:
    """A workflow command's property value: as its message, and : and , encoded too."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _messages(r: Result):
    """(mention, message) for each article on each side of a discrepancy, and
    for each mention of a self-contradicting article that its first one contradicts."""
    if r.verdict == "conflict":
        by_article = {v.article: v for v in r.stated}
        for group in r.groups:
            other_group = max((g for g in r.groups if g is not group), key=len)
            other = by_article[other_group[0]]
            there = other.evidence[0]
            for article in group:
                here = by_article[article].evidence[0]
                yield here, f"{here.text} here, but {there.text} in {other.outlet} ({_where(there, here)})"
    for v in r.contradicting:
        first, *others = v.mentions
        for m in others:
            if not m.claim.meets(first.claim):
                yield m, f"{m.text} here, but {first.text} at {_where(first, m)} in the same article"


def _where(m, relative_to) -> str:
    """m's file:line:column, the file by name alone when it shares the other's folder."""
    path = m.article
    if path.rsplit("/", 1)[0] == relative_to.article.rsplit("/", 1)[0]:
        path = path.rsplit("/", 1)[-1]
    return f"{path}:{m.line}:{m.column}"


def json_chunks(results, indent: int | None = None) -> Iterator[str]:
    """The versioned JSON report in pieces, an entry at a time, so that a
    large corpus is written as it is rendered and never held as one string.

    Compact by default: an entry per line, written by the json module's C
    encoder; with `indent`, pretty-printed for people (the encoder in Python,
    many times slower)."""
    if indent is not None:
        yield json.dumps({"schema": JSON_SCHEMA_VERSION, "results": [json_entry(r) for r in results]},
                         indent=indent, ensure_ascii=False)
        return
    yield from json_document(json_line(r) for r in results)


def json_document(lines: Iterable[str]) -> Iterator[str]:
    """The compact JSON report around its entries, each piece of `lines`
    already a line of JSON, or several joined by ",\\n"."""
    yield f'{{"schema": {JSON_SCHEMA_VERSION}, "results": ['
    separator = "\n"
    for line in lines:
        yield separator + line
        separator = ",\n"
    yield "\n]}"


def json_line(r: Result) -> str:
    """A result's compact JSON entry."""
    return _COMPACT.encode(json_entry(r))


# entries are trees built here: no cycle to look for
_COMPACT = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def json_entry(r: Result) -> dict:
    outlets = {v.article: v.outlet for v in r.values}
    value = _values_of(r)
    return {
        "event": r.event,
        "field": r.field.id,
        "type": r.field.type,
        "unit": r.field.unit,
        "severity": r.field.severity,
        "verdict": r.verdict,
        **({"event_time": {
            "start": r.event_time.span.first.isoformat(), "end": r.event_time.span.last.isoformat(),
            "source": r.event_time.source,
        }} if r.event_time.span else {}),
        **({"accepted": True} if r.accepted else {}),
        "articles": [
            {
                "article": v.article,
                "outlet": v.outlet,
                "value": value(v.claim),
                **({"omits": sorted(v.omits)} if v.omits else {}),
                **({"self_contradiction": True, "values": [value(c) for c in v.claims]}
                   if v.self_contradiction else {}),
            }
            for v in r.values
        ],
        "groups": [[outlets[a] for a in group] for group in r.groups],
        **({"misses": [
            {"article": m.article, "outlet": m.outlet, "line": m.line, "column": m.column, "sentence": m.sentence,
             "likelihood": round(m.likelihood, 3)}
            for m in r.misses
        ]} if r.misses else {}),
        "mentions": [_json_mention(m, value) for v in r.values for m in v.mentions],
        **({"background": [_json_mention(m, value) for m in r.background]} if r.background else {}),
    }


def _values_of(r: Result):
    """The JSON of a claim of the result's field, each written once: an
    article's value is most often one of its mentions', and outlets agree."""
    written: dict = {}

    def value(claim):
        # equal claims may differ in what equality leaves out (the figure as stated)
        key = None if claim is None else (claim, claim.stated, claim.figure)
        if key not in written:
            written[key] = r.field.kind.to_json(r.field, claim)
        return written[key]

    return value


def _json_mention(m, value) -> dict:
    return {
        "article": m.article,
        "outlet": m.outlet,
        "text": m.text,
        "value": value(m.claim),
        "line": m.line,
        "column": m.column,
        **({"source": m.source} if m.source else {}),
        **({"background": m.background} if m.background else {}),
        **({"day_from": m.day_from} if m.day_from else {}),
    }


# Each format: (results, options) -> the report.
# lines: one `file:line:column: message` per article on each side of every
# discrepancy that fails the check (at or above `fail_on`), as compilers and
# linters write them; github: every discrepancy as a GitHub Actions
# annotation, at its severity.
FORMATS = {
    "table": lambda results, o: table.as_text(results, o.explain, width=o.width, color=o.color),
    "markdown": lambda results, o: table.as_text(results, o.explain, markdown=True),
    "json": lambda results, o: json_chunks(results, o.indent),
    "lines": lambda results, o: as_lines(r for r in results if r.fails(o.fail_on)),
    "github": lambda results, o: as_lines(results, github=True),
    "sarif": lambda results, o: sarif.as_sarif(results),
    "html": lambda results, o: html.as_html(results, o.corpus, o.rules),
}
