// Sorting, filtering and hover details for resemble-report.html. The page is complete without
// this file: where scripts may not run (Jenkins serves reports sandboxed) the table stays in its
// report order. Everything it needs is in the rows' data- attributes.
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  var table = document.getElementById('files');
  var tbody = table.tBodies[0];
  var rows = [];
  var files = [];
  Array.prototype.forEach.call(tbody.rows, function (row) {
    var i = Number(row.getAttribute('data-i'));
    var score = row.getAttribute('data-score');
    rows[i] = row;
    files[i] = {
      outcome: row.getAttribute('data-outcome'),
      rank: Number(row.getAttribute('data-rank')),
      path: row.getAttribute('data-path'),
      type: row.getAttribute('data-type'),
      score: score === '' ? null : Number(score),
      threshold: Number(row.getAttribute('data-threshold')),
      text: row.getAttribute('data-text')
    };
  });
  var filterInput = document.getElementById('filter');
  var outcomeSelect = document.getElementById('outcome-filter');
  var shown = document.getElementById('shown');
  var empty = document.getElementById('empty');
  var attention = {};
  table.getAttribute('data-attention').split(' ').forEach(function (o) { attention[o] = true; });
  var haystacks = files.map(function (f) { return f.text.toLowerCase(); });
  var sortKey = 'outcome';
  var ascending = true;

  function byKey(key) {
    switch (key) {
      case 'path': return function (a, b) { return a.path < b.path ? -1 : a.path > b.path ? 1 : 0; };
      case 'type': return function (a, b) { return a.type < b.type ? -1 : a.type > b.type ? 1 : 0; };
      case 'score': return function (a, b) { return num(a.score) - num(b.score); };
      case 'threshold': return function (a, b) { return a.threshold - b.threshold; };
      default: return function (a, b) { return a.rank - b.rank; };
    }
  }

  function num(score) { return score === null ? -1 : score; }

  // Ties fall back to the report order: most serious, highest score, then path.
  function fallback(a, b) {
    return a.rank - b.rank || num(b.score) - num(a.score) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  }

  function sort(key, asc) {
    var compare = byKey(key);
    var order = files.map(function (f, i) { return i; });
    order.sort(function (i, j) {
      var c = compare(files[i], files[j]);
      return (asc ? c : -c) || fallback(files[i], files[j]);
    });
    var fragment = document.createDocumentFragment();
    order.forEach(function (i) { fragment.appendChild(rows[i]); });
    tbody.appendChild(fragment);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      var k = th.getAttribute('data-key');
      if (!k) { return; }
      if (k === key) { th.setAttribute('aria-sort', asc ? 'ascending' : 'descending'); }
      else { th.removeAttribute('aria-sort'); }
    });
    sortKey = key;
    ascending = asc;
  }

  function applyFilter() {
    var text = filterInput.value.trim().toLowerCase();
    var outcome = outcomeSelect.value;
    var visible = 0;
    files.forEach(function (f, i) {
      var show = (!outcome || (outcome === 'ATTENTION' ? attention[f.outcome] : f.outcome === outcome))
        && (!text || haystacks[i].indexOf(text) >= 0);
      rows[i].hidden = !show;
      if (show) { visible++; }
    });
    shown.textContent = visible === files.length
      ? files.length + (files.length === 1 ? ' file' : ' files')
      : 'Showing ' + visible + ' of ' + files.length + ' files';
    empty.hidden = visible > 0;
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    var key = th.getAttribute('data-key');
    if (!key) { return; }
    th.querySelector('button').addEventListener('click', function () {
      // Scores and thresholds read best highest first; names and outcomes in order.
      var asc = key === sortKey ? !ascending : !(key === 'score' || key === 'threshold');
      sort(key, asc);
    });
  });
  filterInput.addEventListener('input', applyFilter);
  outcomeSelect.addEventListener('change', applyFilter);
  Array.prototype.forEach.call(document.querySelectorAll('.counts button'), function (button) {
    button.addEventListener('click', function () {
      outcomeSelect.value = button.getAttribute('data-outcome');
      applyFilter();
      document.querySelector('section.files').scrollIntoView({ block: 'start' });
    });
  });
  // Hovering a strip names the time span and score under the pointer.
  var tip = document.createElement('div');
  tip.className = 'tip';
  tip.hidden = true;
  document.body.appendChild(tip);

  function plain(seconds) {
    return seconds === Math.round(seconds) ? String(seconds) : seconds.toFixed(1);
  }

  function clock(seconds) {
    if (seconds < 60) { return plain(seconds) + ' s'; }
    var s = Math.round(seconds);
    var mm = Math.floor(s / 60) % 60;
    var ss = ('0' + (s % 60)).slice(-2);
    return s >= 3600 ? Math.floor(s / 3600) + ':' + ('0' + mm).slice(-2) + ':' + ss : mm + ':' + ss;
  }

  // As in the tables: never print a score that looks equal to a threshold it is not.
  function score(value, threshold) {
    var d = 2;
    while (d < 6 && value !== threshold && value.toFixed(d) === threshold.toFixed(d)) { d++; }
    return value.toFixed(d);
  }

  function describe(strip, cell, threshold) {
    var per = Number(strip.getAttribute('data-per'));
    var total = Number(strip.getAttribute('data-total'));
    var unit = strip.getAttribute('data-unit');
    var seconds = strip.getAttribute('data-seconds');
    var first = cell * per;
    var last = Math.min(total, first + per) - 1;
    var where;
    if (seconds) {
      var from = first * Number(seconds);
      var to = (last + 1) * Number(seconds);
      where = to < 60 ? plain(from) + '\u2013' + plain(to) + ' s' : clock(from) + '\u2013' + clock(to);
    } else {
      where = first === last ? unit + ' ' + (first + 1) : unit + 's ' + (first + 1) + '\u2013' + (last + 1);
    }
    var value = strip.getAttribute('data-cells').split(',')[cell];
    return where + ': ' + (value === '' || value === undefined ? 'no score'
      : (per > 1 ? 'highest ' : '') + score(Number(value), threshold));
  }

  tbody.addEventListener('mousemove', function (event) {
    var svg = event.target.closest ? event.target.closest('.strip svg') : null;
    if (!svg) { tip.hidden = true; return; }
    var strip = svg.parentNode;
    var cells = strip.getAttribute('data-cells').split(',').length;
    var box = svg.getBoundingClientRect();
    var cell = Math.min(cells - 1, Math.max(0, Math.floor((event.clientX - box.left) / box.width * cells)));
    var row = strip.closest('tr');
    tip.textContent = describe(strip, cell, files[Number(row.getAttribute('data-i'))].threshold);
    tip.style.left = (event.pageX + 12) + 'px';
    tip.style.top = (event.pageY + 14) + 'px';
    tip.hidden = false;
  });
  tbody.addEventListener('mouseleave', function () { tip.hidden = true; });

  applyFilter();
})();
