/* lakeshift reports: sort tables by a column, filter rows by status. No network, no library. */
(function () {
  'use strict';

  function cellKey(row, index, type) {
    var cell = row.cells[index];
    if (!cell) return null;
    var raw = cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cell.textContent.trim();
    if (type === 'number') {
      if (raw === '' || raw === null) return null;
      var number = Number(raw);
      return isNaN(number) ? null : number;
    }
    return raw.toLowerCase();
  }

  function compare(a, b) {
    // Cells with no value ("—") sort last whichever the direction.
    if (a.key === null && b.key === null) return a.index - b.index;
    if (a.key === null) return 1;
    if (b.key === null) return -1;
    if (a.key < b.key) return -a.direction;
    if (a.key > b.key) return a.direction;
    return a.index - b.index;
  }

  function makeSortable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (header, column) {
      var type = header.getAttribute('data-sort');
      if (!type) return;
      header.tabIndex = 0;
      header.setAttribute('aria-sort', 'none');
      function sort() {
        var ascending = header.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(headers, function (other) {
          if (other.hasAttribute('data-sort')) other.setAttribute('aria-sort', 'none');
        });
        header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.map.call(body.rows, function (row, index) {
          return { row: row, index: index, key: cellKey(row, column, type), direction: ascending ? 1 : -1 };
        });
        rows.sort(compare);
        var fragment = document.createDocumentFragment();
        rows.forEach(function (entry) { fragment.appendChild(entry.row); });
        body.appendChild(fragment);
      }
      header.addEventListener('click', sort);
      header.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          sort();
        }
      });
    });
  }

  function makeFilter(group) {
    var targets = group.getAttribute('data-filter-targets');
    var buttons = group.querySelectorAll('button[data-filter]');
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener('click', function () {
        var wanted = button.getAttribute('data-filter');
        Array.prototype.forEach.call(buttons, function (other) {
          other.setAttribute('aria-pressed', other === button ? 'true' : 'false');
        });
        Array.prototype.forEach.call(document.querySelectorAll(targets), function (element) {
          element.hidden = wanted !== 'all' && element.getAttribute('data-status') !== wanted;
        });
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), makeSortable);
  Array.prototype.forEach.call(document.querySelectorAll('[data-filter-targets]'), makeFilter);
})();
