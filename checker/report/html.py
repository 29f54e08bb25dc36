"""The report as one self-contained HTML page: per event, a matrix of fields
by outlets, coloured by the side of a conflict each cell is on (with a
symbol too, for readers who cannot tell the colours apart); filters for
conflicts and severity; sortable columns; and, on a click on a field or a
cell, the evidence: each sentence with the matched span marked, what it was
read as, where it stands, and the rule's `about`. No asset, no network."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from importlib import resources

from checker import __version__
from checker.judge.compare import Result
from checker.report import table

# the symbol of each side of a conflict, in the order of its groups
_SIDES = ("A", "B", "C", "D", "E", "F")


def as_html(results, corpus: str = "", rules: tuple[str, ...] = (), now: dt.datetime | None = None) -> str:
    """The page; `corpus` and `rules` are what the run read, named in its header."""
    now = now or dt.datetime.now(dt.timezone.utc)
    events = table.by_event(results)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>claimcheck report: {_e(', '.join(events) or 'no fields')}</title>",
        f"<style>{_asset('report.css')}</style></head><body>",
        "<header>",
        "<h1>claimcheck report</h1>",
        f'<p class="run">Corpus <code>{_e(corpus)}</code>; rules {", ".join(f"<code>{_e(r)}</code>" for r in rules)}; '
        f"{_e(now.strftime('%Y-%m-%d %H:%M UTC'))}; claimcheck {_e(__version__)}.</p>",
        _counts(results, "counts"),
        '<form class="filters" aria-label="Filters">'
        '<label><input type="checkbox" id="conflicts-only"> Discrepancies only</label> '
        '<label>Severity <select id="severity"><option value="info">all</option>'
        '<option value="warning">warning and error</option><option value="error">error</option></select></label>'
        "</form>",
        "</header><main>",
    ]
    if len(events) > 1:
        parts.append('<nav aria-label="Events"><h2>Events</h2><ol>')
        parts.extend(
            f'<li><a href="#{_id("event", event)}">{_e(event)}</a> {_counts(rows, "counts inline")}</li>'
            for event, rows in events.items()
        )
        parts.append("</ol></nav>")
    for event, rows in events.items():
        parts.append(_event(event, rows))
    if not events:
        parts.append("<p>No field was found in any article.</p>")
    parts.append(f"</main><script>{_asset('report.js')}</script></body></html>")
    return "\n".join(parts)


def _event(event: str, rows: list[Result]) -> str:
    outlets = [v.outlet for v in rows[0].values]
    when = rows[0].event_time.label
    head = "".join(
        f'<th scope="col" class="outlet"><button type="button" class="sort" data-column="{i + 1}">{_e(name)}</button></th>'
        for i, name in enumerate(outlets)
    )
    body = "\n".join(_row(event, r) for r in rows)
    notes = [line for r in rows for line in table.notes_of(r)]
    return "\n".join([
        f'<section class="event" id="{_id("event", event)}" aria-labelledby="{_id("title", event)}">',
        f'<h2 id="{_id("title", event)}">{_e(event)}</h2>',
        f'<p class="when">Time of the event: {_e(when)}</p>' if when != "unknown" else "",
        _counts(rows, "counts"),
        '<div class="scroll"><table class="matrix"><thead><tr>'
        '<th scope="col"><button type="button" class="sort" data-column="0">field</button></th>'
        f'{head}<th scope="col"><button type="button" class="sort" data-column="{len(outlets) + 1}">verdict</button></th>'
        f"</tr></thead><tbody>\n{body}\n</tbody></table></div>",
        ('<ul class="notes">' + "".join(f"<li>{_e(n)}</li>" for n in notes) + "</ul>") if notes else "",
        "\n".join(_evidence(event, r) for r in rows),
        "</section>",
    ])


def _row(event: str, r: Result) -> str:
    side_of = {article: i for i, group in enumerate(r.groups) for article in group}
    cells = []
    for v in r.values:
        classes, mark = ["value"], ""
        if v.article in side_of and r.verdict == "conflict":
            side = _SIDES[side_of[v.article] % len(_SIDES)]
            classes.append(f"side-{side.lower()}")
            mark = f'<span class="side" title="side {side} of the conflict">{side}</span> '
        if v.self_contradiction:
            classes.append("contradicts")
            mark += '<span class="side" title="this article contradicts itself">≠</span> '
        shown = table.cell(r, v)
        cells.append(
            f'<td class="{" ".join(classes)}" data-article="{_e(v.article)}" tabindex="0">'
            f'{mark}{_e(shown) if shown else "<span class=none>–</span>"}</td>'
        )
    verdict = table.verdict_of(r)
    return (
        f'<tr class="field verdict-{r.verdict}{" accepted" if r.accepted else ""}" '
        f'data-field="{_e(r.field.id)}" data-severity="{r.field.severity}" '
        f'data-discrepancy="{"yes" if r.is_discrepancy else "no"}" data-evidence="{_id("evidence", event, r.field.id)}">'
        f'<th scope="row"><button type="button" class="show">{_e(r.field.id)}</button></th>'
        + "".join(cells)
        + f'<td class="verdict"><span class="badge verdict-{r.verdict}">{_e(verdict)}</span></td></tr>'
    )


def _evidence(event: str, r: Result) -> str:
    """The field's evidence: per outlet, each mention's sentence with its span marked."""
    out = [
        f'<section class="evidence" id="{_id("evidence", event, r.field.id)}" hidden '
        f'aria-label="Evidence for {_e(r.field.id)}">',
        f"<h3>{_e(r.field.id)} <small>({_e(r.field.type)}; {_e(r.verdict)})</small></h3>",
        f'<p class="about">{_e(r.field.about)}</p>' if r.field.about else "",
    ]
    for v in r.values:
        if not v.mentions:
            continue
        out.append(f'<div class="outlet-evidence" data-article="{_e(v.article)}"><h4>{_e(v.outlet)}: '
                   f"{_e(table.cell(r, v))}</h4><ul>")
        out.extend(_mention(r, m) for m in v.mentions)
        out.append("</ul></div>")
    if r.background:
        out.append(f'<div class="background"><h4>Not counted ({_e("event" if r.field.scope == "background" else "background")}; '
                   f"the field's scope is {_e(r.field.scope)})</h4><ul>")
        out.extend(_mention(r, m) for m in r.background)
        out.append("</ul></div>")
    if not any(v.mentions for v in r.values) and not r.background:
        out.append("<p>No mentions.</p>")
    out.append("</section>")
    return "\n".join(out)


def _mention(r: Result, m) -> str:
    at = m.start - m.sentence_start
    s = m.sentence
    sentence = f"{_e(s[:at])}<mark>{_e(s[at:at + len(m.text)])}</mark>{_e(s[at + len(m.text):])}"
    notes = [f"background: {m.background}" if m.background else "", f"source: {m.source}" if m.source else "",
             f"day: {m.day_from}" if m.day_from else ""]
    why = "; ".join(n for n in notes if n)
    return (
        f'<li><q>{sentence}</q><br><span class="read">read as <b>{_e(r.field.kind.show(r.field, m.claim))}</b>'
        f'{f" ({_e(why)})" if why else ""}</span> <code class="where">{_e(m.article)}:{m.line}:{m.column}</code></li>'
    )


def _counts(results, css: str) -> str:
    counts = Counter(r.verdict for r in results)
    items = "".join(
        f'<li class="badge verdict-{verdict}" data-verdict="{verdict}"><span class="n">{n}</span> {_e(verdict)}</li>'
        for verdict, n in sorted(counts.items(), key=lambda kv: -kv[1])
    )
    return f'<ul class="{css}" aria-label="Fields by verdict">{items}</ul>'


def _id(kind: str, *parts: str) -> str:
    """An element id, distinct for distinct parts: "evidence-EVENT.FIELD", letters,
    digits and hyphens kept, any other character as _ and six hex digits."""
    return f"{kind}-" + ".".join(re.sub(r"[^A-Za-z0-9-]", lambda m: f"_{ord(m.group()):06x}", p) for p in parts)


def _e(text: str) -> str:
    return html.escape(str(text), quote=True)


def _asset(name: str) -> str:
    return resources.files("checker").joinpath(f"report/assets/{name}").read_text(encoding="utf-8")
