// The site's claim tables, sorted by any column and filtered as you type. Without scripts
// the table still reads newest first, and each verdict has a page of its own.
(function () {
  "use strict";
  var table = document.getElementById("claims");
  var form = document.getElementById("filters");
  if (!table || !form) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var text = document.getElementById("filter-text");
  var verdict = document.getElementById("filter-verdict");
  var shown = document.getElementById("shown");
  var numeric = { verdict: true, value: true };

  function filter() {
    var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
    var wanted = verdict.value;
    var count = 0;
    rows.forEach(function (row) {
      var haystack = row.textContent.toLowerCase();
      var keep = (!wanted || row.dataset.verdict === wanted) &&
        words.every(function (word) { return haystack.indexOf(word) !== -1; });
      row.hidden = !keep;
      if (keep) { count += 1; }
    });
    shown.textContent = count + " of " + rows.length + " claims shown";
  }

  function sortBy(header) {
    var key = header.dataset.key;
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var attribute = "order" + key.charAt(0).toUpperCase() + key.slice(1);
    rows.sort(function (a, b) {
      var x = a.dataset[attribute], y = b.dataset[attribute];
      var order = numeric[key] ? Number(x) - Number(y) : x.localeCompare(y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = header.textContent;
    button.addEventListener("click", function () { sortBy(header); });
    header.textContent = "";
    header.appendChild(button);
  });
  text.addEventListener("input", filter);
  verdict.addEventListener("change", filter);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  filter();
}());
