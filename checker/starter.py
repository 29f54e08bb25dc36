"""What `claimcheck init` writes for a new project: settings, a rule file and
a corpus folder for one event, each commented for a first reading."""

from __future__ import annotations

CONFIG = """\
# claimcheck's settings for this project; flags on the command line win.
rules = ["rules", "builtin:common"]   # your rule files, and the common rules claimcheck ships
corpus = "corpus"                     # a folder per event: its articles and a manifest.yaml
# fail-on = "error"                   # exit 1 on discrepancies of this severity or higher
# baseline = "claimcheck-baseline.yaml"
# jobs = 2                            # processes that read articles
# format = "table"                    # table, markdown, json, lines, github, sarif, html
# cache = ".claimcheck-cache"         # safe to delete; add it to .gitignore
"""

RULES = """\
# The facts worth comparing across the reports of {event}.
# docs/writing-rules.md (in claimcheck's repository) is the guide; after each
# edit run `claimcheck test-rules`, then `claimcheck check --explain`.
event: {event}
fields:
  - id: death-toll
    about: How many people died
    type: count
    near: [killed, dead, died]
    examples:
      - text: "The storm killed 12 people on Friday."
        value: 12
      - text: "The 2019 storm killed 30 people."
        value: 30
"""

MANIFEST = """\
# The articles of {event}: one entry per outlet's report.
event: {event}
articles: []
#  - file: coastal-herald.txt
#    outlet: Coastal Herald
#    published: 2024-03-09
"""


def files(event: str) -> dict[str, str]:
    """Path (relative to the project) -> text, for a new project with one event."""
    return {
        "claimcheck.toml": CONFIG,
        f"rules/{event}.yaml": RULES.format(event=event),
        f"corpus/{event}/manifest.yaml": MANIFEST.format(event=event),
    }
