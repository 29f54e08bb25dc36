"""The HTML report, opened in a real browser (Debian's chromium, driven by
Selenium through chromedriver): the matrix, the verdict counts, the evidence
of a conflicting cell, the filters and the sorting.

The browser is part of the test set-up (`make browser`, run by `make test`):
without it these tests fail, they are never skipped."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
QUAKE, TAKEOVER = ROOT / "tests/corpora/kelapi-quake", ROOT / "tests/corpora/merriden-quillon"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    assert not missing, f"{', '.join(missing)} missing: run `make browser` (Debian's chromium and chromium-driver)"
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,1000", f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        status = main(list(argv))
    return status, out.getvalue()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The quake and the takeover in one corpus: the HTML report, and the JSON one of the same run."""
    folder = tmp_path_factory.mktemp("report")
    for source in (QUAKE, TAKEOVER):
        shutil.copytree(source / "corpus", folder / "corpus" / source.name)
    page = folder / "report.html"
    status, out = _run("check", "--rules", str(QUAKE / "rules"), "--rules", str(TAKEOVER / "rules"),
                       "--corpus", str(folder / "corpus"), "--no-cache", "--format", "json", "--html", str(page))
    assert status == 1
    return page, json.loads(out)["results"]


@pytest.fixture
def page(browser, built):
    browser.get(built[0].as_uri())
    return browser


def css(driver, selector: str):
    return driver.find_elements(By.CSS_SELECTOR, selector)


def shown(elements):
    return [e for e in elements if e.is_displayed()]


def events_of(results) -> dict[str, list[dict]]:
    events: dict[str, list[dict]] = {}
    for r in results:
        events.setdefault(r["event"], []).append(r)
    return events


def test_each_event_has_its_matrix_outlets_in_manifest_order_and_its_counts(page, built):
    events = events_of(built[1])
    assert [a.text for a in css(page, "nav a")] == list(events)
    for event, results in events.items():
        section = page.find_element(By.ID, f"event-{event}")
        outlets = [th.text for th in section.find_elements(By.CSS_SELECTOR, "thead th.outlet")]
        assert outlets == [a["outlet"] for a in results[0]["articles"]]
        fields = [tr.get_attribute("data-field") for tr in section.find_elements(By.CSS_SELECTOR, "tr.field")]
        assert fields == [r["field"] for r in results]
        assert counts(section.find_elements(By.CSS_SELECTOR, "ul.counts li")) == Counter(r["verdict"] for r in results)
    assert counts(css(page, "header ul.counts li")) == Counter(r["verdict"] for r in built[1])


def counts(items) -> dict[str, int]:
    return {li.get_attribute("data-verdict"): int(li.find_element(By.CLASS_NAME, "n").text) for li in items}


def test_a_conflicting_cell_shows_its_sides_and_its_evidence(page, built):
    quake = "kelapi-quake-2025"
    toll = page.find_element(By.CSS_SELECTOR, f'#event-{quake} tr[data-field="death-toll"]')
    cells = toll.find_elements(By.CSS_SELECTOR, "td.value")
    sides = [c.find_element(By.CLASS_NAME, "side").text for c in cells]
    assert sorted(Counter(sides).values()) == [1, 6]  # six outlets say 14, one says 17
    odd = next(c for c in cells if sides.count(c.find_element(By.CLASS_NAME, "side").text) == 1)
    assert odd.text.endswith("17")
    panel = page.find_element(By.ID, f"evidence-{quake}.death-toll")
    assert not panel.is_displayed()
    odd.click()
    assert panel.is_displayed()
    focus = panel.find_element(By.CSS_SELECTOR, ".outlet-evidence.focus")
    assert focus.get_attribute("data-article") == odd.get_attribute("data-article")
    marks = [m.text for m in focus.find_elements(By.TAG_NAME, "mark")]
    assert marks and all("17" in m for m in marks)
    assert "read as 17" in focus.text
    where = focus.find_element(By.CLASS_NAME, "where").text
    assert where.startswith(odd.get_attribute("data-article") + ":")
    assert panel.find_element(By.CLASS_NAME, "about").text  # the rule's `about`


def test_discrepancies_only_hides_the_rest(page, built):
    page.find_element(By.ID, "conflicts-only").click()
    visible = {(tr.find_element(By.XPATH, "ancestor::section").get_attribute("id"), tr.get_attribute("data-field"))
               for tr in shown(css(page, "tr.field"))}
    expected = {(f"event-{r['event']}", r["field"]) for r in built[1]
                if r["verdict"] in ("conflict", "self-contradiction")
                or any(a.get("self_contradiction") for a in r["articles"])}
    assert visible == expected and expected


def test_a_field_opens_its_evidence_and_a_column_sorts(page):
    quake = "kelapi-quake-2025"
    row = page.find_element(By.CSS_SELECTOR, f'#event-{quake} tr[data-field="magnitude"]')
    row.find_element(By.CSS_SELECTOR, "button.show").click()
    panel = page.find_element(By.ID, f"evidence-{quake}.magnitude")
    assert panel.is_displayed() and len(panel.find_elements(By.CSS_SELECTOR, ".outlet-evidence")) == 7
    section = page.find_element(By.ID, f"event-{quake}")
    section.find_element(By.CSS_SELECTOR, 'button.sort[data-column="0"]').click()
    fields = [tr.get_attribute("data-field") for tr in section.find_elements(By.CSS_SELECTOR, "tr.field")]
    assert fields == sorted(fields)
    section.find_element(By.CSS_SELECTOR, 'button.sort[data-column="0"]').click()
    assert [tr.get_attribute("data-field") for tr in section.find_elements(By.CSS_SELECTOR, "tr.field")] == fields[::-1]


def test_the_severity_filter_keeps_what_is_at_least_that_severe(browser, tmp_path):
    page = tmp_path / "seeds.html"
    _run("check", "--rules", str(ROOT / "rules"), "--corpus", str(ROOT / "seeds"), "--no-cache", "--html", str(page))
    browser.get(page.as_uri())
    before = {tr.get_attribute("data-field") for tr in shown(css(browser, "tr.field"))}
    browser.find_element(By.CSS_SELECTOR, '#severity option[value="error"]').click()
    after = {tr.get_attribute("data-field") for tr in shown(css(browser, "tr.field"))}
    assert "partnership" in before and "partnership" not in after  # a warning
    assert "ukraine-aid" in after


def test_a_screenshot_of_the_report(page, built):
    shot = built[0].with_suffix(".png")
    page.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000


def test_element_ids_stay_distinct_when_event_names_differ_only_in_punctuation(tmp_path):
    for n, event in enumerate(("a b", "a_b", "a-b", "a")):
        folder = tmp_path / "corpus" / f"e{n}"
        folder.mkdir(parents=True)
        for outlet in "xy":
            (folder / f"{outlet}.txt").write_text("At least 12 people were killed on Monday.\n", encoding="utf-8")
        (folder / "manifest.yaml").write_text(
            f"event: '{event}'\narticles:\n  - {{file: x.txt, outlet: X}}\n  - {{file: y.txt, outlet: Y}}\n",
            encoding="utf-8")
    page = tmp_path / "report.html"
    _run("check", "--rules", "builtin:common", "--corpus", str(tmp_path / "corpus"), "--no-cache",
         "--format", "json", "--html", str(page))
    ids = re.findall(r'\bid="([^"]+)"', page.read_text(encoding="utf-8"))
    assert len([i for i in ids if i.startswith("event-")]) == 4
    assert len(ids) == len(set(ids))
