// claimcheck's HTML report: filters, sorting, and the evidence of a field or cell.
(function () {
  "use strict";
  const rank = { info: 0, warning: 1, error: 2 };
  const onlyDiscrepancies = document.getElementById("conflicts-only");
  const severity = document.getElementById("severity");

  function filter() {
    const least = rank[severity.value];
    document.querySelectorAll("tr.field").forEach(function (row) {
      const shown = (!onlyDiscrepancies.checked || row.dataset.discrepancy === "yes") &&
        rank[row.dataset.severity] >= least;
      row.hidden = !shown;
      if (!shown) { hideEvidence(row); }
    });
  }
  onlyDiscrepancies.addEventListener("change", filter);
  severity.addEventListener("change", filter);

  function hideEvidence(row) {
    const panel = document.getElementById(row.dataset.evidence);
    if (panel) { panel.hidden = true; }
    row.classList.remove("selected");
  }

  function showEvidence(row, article) {
    const panel = document.getElementById(row.dataset.evidence);
    row.closest("table").querySelectorAll(".selected").forEach(function (el) { el.classList.remove("selected"); });
    row.closest("section.event").querySelectorAll("section.evidence").forEach(function (p) {
      if (p !== panel) { p.hidden = true; }
    });
    panel.hidden = false;
    row.classList.add("selected");
    panel.querySelectorAll(".outlet-evidence").forEach(function (block) {
      block.classList.toggle("focus", article !== undefined && block.dataset.article === article);
    });
    const focused = article === undefined ? panel : panel.querySelector(".outlet-evidence.focus") || panel;
    focused.scrollIntoView({ block: "nearest" });
  }

  document.querySelectorAll("tr.field").forEach(function (row) {
    row.querySelector("button.show").addEventListener("click", function () {
      const panel = document.getElementById(row.dataset.evidence);
      if (!panel.hidden && !panel.querySelector(".focus")) { hideEvidence(row); } else { showEvidence(row); }
    });
    row.querySelectorAll("td.value").forEach(function (cell) {
      function open() { showEvidence(row, cell.dataset.article); cell.classList.add("selected"); }
      cell.addEventListener("click", open);
      cell.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } });
    });
  });

  // sorting: text order, figures by their value, empty cells last
  function key(row, column) {
    const cell = row.children[column];
    const text = cell.textContent.replace(/^[A-F≠]\s+/, "").trim();
    const figure = parseFloat(text.replace(/[^0-9.\-]/g, ""));
    return { empty: text === "–" || text === "", figure: isNaN(figure) ? null : figure, text: text.toLowerCase() };
  }
  document.querySelectorAll("button.sort").forEach(function (button) {
    button.addEventListener("click", function () {
      const table = button.closest("table");
      const body = table.tBodies[0];
      const column = Number(button.dataset.column);
      const up = button.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("button.sort").forEach(function (b) { b.removeAttribute("aria-sort"); });
      button.setAttribute("aria-sort", up ? "ascending" : "descending");
      const rows = Array.from(body.rows);
      rows.sort(function (a, b) {
        const x = key(a, column), y = key(b, column);
        if (x.empty !== y.empty) { return x.empty ? 1 : -1; }
        let order = x.figure !== null && y.figure !== null ? x.figure - y.figure : x.text.localeCompare(y.text);
        return up ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
})();
