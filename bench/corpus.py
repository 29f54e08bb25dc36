"""A large, realistic corpus for the benchmark, made from the seed articles.

Every event is a visit like the seeds' one, reported by several outlets. Each
article has a headline, a dateline, the facts the rules compare (talks,
visit days and dates, aid, the summit, the supplier rank and items), each
written in one of several styles (digits, words, qualifiers, hyphenated
adjectives), and filler: seed sentences in which the rules find nothing,
recombined. Some events get one planted contradiction: one outlet states one
fact differently. The generator is deterministic for a seed and writes
`planted.json` so the benchmark can check that each contradiction is found.

    python bench/corpus.py OUT --events 2000 --outlets 5 --seed 1 [--jsonl]
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import random
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.load.corpus import Article  # noqa: E402
from checker.judge.extract import extract  # noqa: E402
from checker.rules.load import load_rule_folders  # noqa: E402
from checker.read.text import normalize, split_sentences  # noqa: E402

OUTLETS = [
    "Harbour Times", "Capital Wire", "Evening Ledger", "Coastal Post", "Daily Chronicle",
    "Metro Dispatch", "Northern Herald", "Valley Courier", "Global Desk", "River Gazette",
]
SPEAKERS = ["Blinken", "The secretary of state", "The top US diplomat", "The envoy"]
WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()
PLANTABLE = ("ukraine-aid", "wang-yi-talks-duration", "visit-length", "counter-china-military")
# Filler sentences are varied: their people and places change from article to article.
VARIANTS = {
    "Blinken": ["Blinken", "Sullivan", "Raimondo", "Yellen", "Austin", "Burns"],
    "Beijing": ["Beijing", "Shanghai", "Guangzhou", "Tianjin", "Shenzhen"],
    "Xi Jinping": ["Xi Jinping", "Li Qiang", "Han Zheng"],
    "Biden": ["Biden", "the president", "the White House"],
    "Russia": ["Russia", "Moscow", "the Kremlin"],
    "Taiwan": ["Taiwan", "the island", "Taipei"],
}


def bench_rules(out: Path) -> Path:
    """The seed rules for every event (no `event:`), beside a copy of the built-in common rules."""
    folder = out / "rules"
    (folder / "common").mkdir(parents=True, exist_ok=True)
    for path in (ROOT / "checker" / "builtin" / "common").glob("*.yaml"):
        (folder / "common" / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    seed = yaml.safe_load((ROOT / "rules" / "blinken-china-2024.yaml").read_text(encoding="utf-8"))
    seed.pop("event")
    (folder / "visits.yaml").write_text(yaml.safe_dump(seed, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return folder


def filler_sentences(rules_folder: Path) -> list[str]:
    """Seed sentences with no figure and nothing any rule reads: safe to recombine."""
    rules = load_rule_folders([str(rules_folder)])
    found = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for sentence in split_sentences(normalize(path.read_text(encoding="utf-8"))):
            text = " ".join(sentence.text.split())
            if len(text) < 60 or any(c.isdigit() for c in text) or text in found:
                continue
            article = Article("s.txt", "s", "e", text, dt.date(2024, 4, 26), "test")
            if not extract(article, rules.for_event("e")):
                found.append(text)
    return found


def _hours(h: float, style: int) -> str:
    whole, half = int(h), h % 1 == 0.5
    if style == 0:
        return f"{h:g} hours"
    words = WORDS[whole] if whole < len(WORDS) else str(whole)
    return f"{words}-and-a-half hours" if half else f"{words} hours"


def _days(n: int, style: int) -> str:
    return f"{n}-day" if style == 0 else f"{WORDS[n]}-day"


def _billions(n: int, style: int) -> str:
    return f"${n} billion" if style == 0 else f"${n}bn" if style == 1 else f"US${n} billion"


def facts(rng: random.Random) -> dict:
    start = dt.date(2021, 1, 4) + dt.timedelta(days=rng.randrange(0, 4 * 365))
    days = rng.randint(2, 5)
    return {
        "talks": rng.choice([3, 4, 4.5, 5, 5.5, 6, 7]),
        "days": days,
        "start": start,
        "end": start + dt.timedelta(days=days - 1),
        "aid": rng.randint(10, 99),
        "military": rng.randint(2, 9),
        "summit": rng.randint(1, 12),
    }


def article(rng: random.Random, f: dict, fillers: list[str], outlet: str) -> str:
    style = rng.randrange(3)
    start, end = f["start"], f["end"]
    month = calendar.month_name[start.month]
    span = (
        f"{month} {start.day}-{end.day}" if start.month == end.month
        else f"{month} {start.day} to {calendar.month_name[end.month]} {end.day}"
    )
    facts_written = [
        f"{rng.choice(SPEAKERS)} raised the matter during {_hours(f['talks'], style % 2)} of talks with China's top diplomat Wang Yi in Beijing.",
        f"He was speaking at the end of a {_days(f['days'], style % 2)} visit to China, officials said.",
        f"During his {span} visit, he met senior Chinese officials in Shanghai and Beijing.",
        f"Hours before the trip, the president signed a bill that included {_billions(f['military'], style)} to counter China's military might, "
        f"as well as billions in defense aid for Taiwan and {_billions(f['aid'], style)} for Ukraine.",
        f"The agenda for the talks was set during the Biden-Xi summit in San Francisco in {calendar.month_name[f['summit']]}.",
        "China is the top supplier of machine tools, microelectronics and nitrocellulose, he said.",
    ]
    body = [_vary(s, rng) for s in rng.sample(fillers, k=min(len(fillers), 24))] + facts_written
    rng.shuffle(body)
    dateline = f"BEIJING, {calendar.month_name[end.month]} {end.day} ({outlet}) - "
    headline = f"{rng.choice(SPEAKERS)} ends China visit with talks on trade and Ukraine"
    paragraphs = [headline, dateline + body[0], *body[1:]]
    return "\n\n".join(paragraphs) + "\n"


def _vary(sentence: str, rng: random.Random) -> str:
    for name, choices in VARIANTS.items():
        sentence = sentence.replace(name, rng.choice(choices))
    return sentence


def mutate(f: dict, field: str, rng: random.Random) -> dict:
    """The same facts with one stated differently: a real contradiction."""
    changed = dict(f)
    if field == "ukraine-aid":
        changed["aid"] = f["aid"] + rng.randint(5, 30)
    elif field == "counter-china-military":
        changed["military"] = f["military"] + rng.randint(10, 20)
    elif field == "wang-yi-talks-duration":
        changed["talks"] = f["talks"] + rng.choice([2, 3])
    else:  # visit-length: another count of days, the dates kept
        changed["days"] = f["days"] + rng.choice([2, 3])
    return changed


def generate(out: Path, events: int, outlets: int, seed: int, planted_share: float = 0.1, jsonl: bool = False) -> dict:
    """Write OUT/corpus (a folder per event, or with `jsonl` one file,
    OUT/corpus.jsonl), OUT/rules and OUT/planted.json; return the figures of
    what was written."""
    rng = random.Random(seed)
    rules_folder = bench_rules(out)
    fillers = filler_sentences(rules_folder)
    planted = []
    size = 0
    lines = (out / "corpus.jsonl").open("w", encoding="utf-8") if jsonl else None
    for e in range(events):
        name = f"visit-{e:05d}"
        folder = out / "corpus" / name
        f = facts(rng)
        liar, field = None, None
        if rng.random() < planted_share:
            liar, field = rng.randrange(outlets), rng.choice(PLANTABLE)
            planted.append({"event": name, "field": field})
        manifest = {"event": name, "articles": []}
        for o in range(outlets):
            outlet = OUTLETS[o % len(OUTLETS)]
            stated = mutate(f, field, rng) if o == liar else f
            text = article(rng, stated, fillers, outlet)
            size += len(text.encode("utf-8"))
            file = f"{o:02d}-{outlet.lower().replace(' ', '-')}.txt"
            if lines is not None:
                record = {"id": f"{name}/{file}", "event": name, "outlet": outlet, "published": str(f["end"]), "text": text}
                lines.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                folder.mkdir(parents=True, exist_ok=True)
                (folder / file).write_text(text, encoding="utf-8")
            manifest["articles"].append({"file": file, "outlet": outlet, "published": f["end"]})
        if lines is None:
            (folder / "manifest.yaml").write_text(yaml.safe_dump(manifest, sort_keys=False), encoding="utf-8")
    if lines is not None:
        lines.close()
    (out / "planted.json").write_text(json.dumps(planted, indent=1), encoding="utf-8")
    return {"articles": events * outlets, "bytes": size, "planted": len(planted)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--outlets", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jsonl", action="store_true", help="one file of JSON lines, OUT/corpus.jsonl")
    args = parser.parse_args()
    print(generate(args.out, args.events, args.outlets, args.seed, jsonl=args.jsonl))


if __name__ == "__main__":
    main()
