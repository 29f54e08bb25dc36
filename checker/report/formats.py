"""Reports of a check: a table for people, markdown, and versioned JSON for tools."""

from __future__ import annotations

import json
import textwrap
from collections import Counter

from tabulate import tabulate

from checker.judge.compare import Result
from checker.printable import printable
from checker.read.text import one_line

JSON_SCHEMA_VERSION = 1
ALL = "*"  # --explain without a field: every field


def render(
    results: tuple[Result, ...], fmt: str = "table", explain: str | None = None, fail_on: str = "error"
) -> str:
    """The report in format `fmt` (a key of FORMATS); `explain` is a field id, ALL, or None."""
    return FORMATS[fmt](results, explain, fail_on)


def _by_event(results):
    events: dict[str, list[Result]] = {}
    for result in results:
        events.setdefault(result.event, []).append(result)
    return events


def as_text(results, tablefmt: str, explain: str | None) -> str:
    out = []
    markdown = tablefmt == "github"
    for event, rows in _by_event(results).items():
        outlets = [v.outlet for v in rows[0].values]
        table = [
            [r.field.id, *(cell(r, v) for v in r.values), _verdict(r)]
            for r in rows
        ]
        when = rows[0].event_time.label
        out.append(f"## {event}" if markdown else f"Event: {event}")
        if when != "unknown":
            out.append(f"Time: {when}")
        out.append("")
        out.append(tabulate(table, headers=["field", *outlets, "verdict"], tablefmt=tablefmt))
        notes = [line for r in rows for line in _notes(r)]
        if notes:
            out.append("")
            out.extend(f"- {n}" for n in notes)
        explained = [r for r in rows if explain in (ALL, r.field.id)]
        if explained:
            out.append("")
            out.extend(_explain(explained))
        missed = [r for r in rows if r.misses]
        if missed:
            out.append("")
            out.extend(_misses(missed))
        out.append("")
    out.append(_summary(results))
    return "\n".join(out)


def cell(r: Result, v) -> str:
    """What an article says of a field: its value, or all its values when they disagree."""
    if v.self_contradiction:
        return " ≠ ".join(r.field.kind.show(r.field, c) for c in v.claims)
    return r.field.kind.show(r.field, v.claim)


def _verdict(r: Result) -> str:
    notes = [n for n in (r.field.severity if r.field.severity != "error" else "", "accepted" if r.accepted else "") if n]
    if r.is_discrepancy and notes:
        return f"{r.verdict} ({', '.join(notes)})"
    return r.verdict


def _notes(r: Result) -> list[str]:
    """What a reader must know beyond the table: who disagrees, what is omitted."""
    return _sides(r) + _contradictions(r) + _others(r)


def _sides(r: Result) -> list[str]:
    """A conflict's groups of outlets, each with its value."""
    if r.verdict == "conflict":
        sides = []
        outlets = {v.article: v for v in r.values}
        for group in r.groups:
            claims = [outlets[a].claim for a in group]
            said = _sources(outlets[a] for a in group)
            if all(c == claims[0] for c in claims):  # "61 billion: NDTV, Daily Maverick"
                shown = r.field.kind.show(r.field, claims[0]) + said
                sides.append(f"{shown}: {', '.join(outlets[a].outlet for a in group)}")
            else:  # each outlet with its own value: "Daily Wire ≥14, Coastal Herald 30"
                each = ", ".join(f"{outlets[a].outlet} {r.field.kind.show(r.field, outlets[a].claim)}" for a in group)
                sides.append(each + said)
        return [f"{r.field.id}: conflict ({r.field.severity}) - " + " vs ".join(sides)]
    return []


def _sources(values) -> str:
    """" (according to police, agency)": who the outlets on one side quote, if anyone."""
    named = dict.fromkeys(m.source for v in values for m in v.evidence if m.source)
    return f" (according to {', '.join(named)})" if named else ""


def _contradictions(r: Result) -> list[str]:
    """Each article that contradicts itself, with every mention."""
    return [
        f"{r.field.id}: {v.outlet} contradicts itself: "
        + "; ".join(f"\"{one_line(m.text)}\" (line {m.line})" for m in v.mentions)
        for v in r.contradicting
    ]


def _others(r: Result) -> list[str]:
    if any(v.omits for v in r.stated):  # set fields
        omissions = "; ".join(
            f"{v.outlet} omits {', '.join(sorted(v.omits))}" for v in r.stated if v.omits
        )
        return [f"{r.field.id}: {omissions}"]
    if r.verdict == "not-comparable":
        return [f"{r.field.id}: values in different currencies, no exchange rate declared"]
    return []


def _explain(rows) -> list[str]:
    """Per field and outlet: each sentence, the matched span between « », what it was read as."""
    lines = []
    for r in rows:
        lines.append(f"{r.field.id} ({r.field.type}): {r.verdict}")
        for v in r.values:
            if not v.mentions:
                continue
            lines.append(f"  {v.outlet} -> {r.field.kind.show(r.field, v.claim)}")
            lines.extend(_evidence(r, v.mentions))
        if not any(v.mentions for v in r.values):
            lines.append("  no mentions")
        if r.background:
            counted = "event" if r.field.scope == "background" else "background"
            lines.append(f"  not counted ({counted}; the field's scope is {r.field.scope}):")
            lines.extend(_evidence(r, r.background))
    return lines


def _evidence(r: Result, mentions) -> list[str]:
    """Each mention: where, what it was read as and why, and its sentence."""
    lines = []
    for m in mentions:
        notes = [f"background: {m.background}" if m.background else "", f"source: {m.source}" if m.source else "",
                 f"day: {m.day_from}" if m.day_from else ""]
        why = "; ".join(n for n in notes if n)
        read = f"{m.article}:{m.line}:{m.column}: {m.text!r} read as {r.field.kind.show(r.field, m.claim)}"
        lines.append(f"    {read}" + (f" ({why})" if why else ""))
        lines.append(f"      {m.marked_sentence}")
    return lines


_MOST_MISSES = 5  # per field in the text report; JSON lists them all


def _misses(rows) -> list[str]:
    """Sentences with a field's cue words that gave it no value: the likeliest
    to hold a missed value (a figure near a cue word) first, then a count of the rest."""
    lines = []
    for r in rows:
        lines.append(f"{r.field.id}: {len(r.misses)} sentence(s) with its cue words but no value")
        shown = r.misses[:_MOST_MISSES]
        for m in shown:
            lines.append(f"    {m.article}:{m.line}:{m.column}: {m.outlet}: {m.sentence}")
        rest = r.misses[len(shown):]
        if rest:
            with_figures = sum(m.likelihood > 0 for m in rest)
            lines.append(f"    ... and {len(rest)} more ({with_figures} with a figure the field could take; --format json lists all)")
    return lines


# -- one line per discrepancy, for editors, CI and pre-commit ---------------------
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def as_lines(results, github: bool = False) -> str:
    out = []
    for r in results:
        if not r.is_discrepancy or r.accepted:
            continue
        for m, message in _messages(r):
            message = one_line(message)  # whatever the article's line breaks
            if github:
                level = _GITHUB_LEVEL[r.field.severity]
                out.append(
                    f"::{level} file={_property(m.article)},line={m.line},col={m.column},"
                    f"title={_property(r.field.id)}::{_data(message)}"
                )
            else:
                out.append(f"{printable(m.article)}:{m.line}:{m.column}: {r.field.id}: {printable(message)}")
    return "\n".join(out)


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


def _summary(results) -> str:
    counts = Counter(r.verdict for r in results)
    parts = ", ".join(f"{n} {verdict}" for verdict, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    return f"{len(results)} fields checked: {parts}."


def as_json(results) -> str:
    """The versioned JSON report; each entry is built and written in turn, so a
    large corpus never holds all of them as dicts at once."""
    body = ",\n".join(
        textwrap.indent(json.dumps(_json_entry(r), indent=2, ensure_ascii=False), "    ") for r in results
    )
    return f'{{\n  "schema": {JSON_SCHEMA_VERSION},\n  "results": [\n{body}\n  ]\n}}' if body else (
        json.dumps({"schema": JSON_SCHEMA_VERSION, "results": []}, indent=2)
    )


def _json_entry(r: Result) -> dict:
    outlets = {v.article: v.outlet for v in r.values}
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
                "value": r.field.kind.to_json(r.field, v.claim),
                **({"omits": sorted(v.omits)} if v.omits else {}),
                **({"self_contradiction": True, "values": [r.field.kind.to_json(r.field, c) for c in v.claims]}
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
        "mentions": [_json_mention(r, m) for v in r.values for m in v.mentions],
        **({"background": [_json_mention(r, m) for m in r.background]} if r.background else {}),
    }


def _json_mention(r: Result, m) -> dict:
    return {
        "article": m.article,
        "outlet": m.outlet,
        "text": m.text,
        "value": r.field.kind.to_json(r.field, m.claim),
        "line": m.line,
        "column": m.column,
        **({"source": m.source} if m.source else {}),
        **({"background": m.background} if m.background else {}),
        **({"day_from": m.day_from} if m.day_from else {}),
    }


# Each format: (results, explain, fail_on) -> the report.
# lines: one `file:line:column: message` per article on each side of every
# discrepancy that fails the check (at or above `fail_on`), as compilers and
# linters write them; github: every discrepancy as a GitHub Actions
# annotation, at its severity.
FORMATS = {
    "table": lambda results, explain, fail_on: as_text(results, "simple", explain),
    "markdown": lambda results, explain, fail_on: as_text(results, "github", explain),
    "json": lambda results, explain, fail_on: as_json(results),
    "lines": lambda results, explain, fail_on: as_lines([r for r in results if r.fails(fail_on)]),
    "github": lambda results, explain, fail_on: as_lines(results, github=True),
}
