// The reports' charts (Chart.js), drawn from the tables beside them: a <canvas data-chart="bar|doughnut"
// data-source="TABLE-ID"> takes its labels from the table's row headers and one series from each column whose header
// has data-series, reading each cell's data-value. The table stays the source of truth, for screen readers and for
// copying; the chart is a picture of it. Drawn on load and again whenever htmx brings a new period in.
(function () {
  'use strict';

  // Colours with at least 3:1 contrast against white (WCAG 1.4.11 for graphics).
  var palette = ['#1f5fa8', '#b3541e', '#2e7d32', '#6a3d9a', '#a61e4d', '#00695c', '#8a6d00', '#5c6770'];
  var reduced = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  function series(table) {
    var headers = Array.prototype.slice.call(table.querySelectorAll('thead th'));
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    var labels = rows.map(function (row) {
      var header = row.querySelector('th');
      return header ? header.textContent.trim() : '';
    });
    var sets = [];
    headers.forEach(function (header, column) {
      if (!header.hasAttribute('data-series')) {
        return;
      }
      sets.push({
        label: header.textContent.trim(),
        data: rows.map(function (row) {
          var cell = row.children[column];
          var value = cell ? parseFloat(cell.getAttribute('data-value')) : NaN;
          return isNaN(value) ? null : value;
        })
      });
    });
    return { labels: labels, sets: sets };
  }

  function draw(canvas) {
    if (typeof window.Chart === 'undefined' || canvas.hasAttribute('data-drawn')) {
      return;
    }
    var table = document.getElementById(canvas.getAttribute('data-source'));
    if (!table) {
      return;
    }
    var kind = canvas.getAttribute('data-chart') === 'doughnut' ? 'doughnut' : 'bar';
    var data = series(table);
    var datasets = data.sets.map(function (set, index) {
      return kind === 'doughnut'
        ? { label: set.label, data: set.data, backgroundColor: palette, borderColor: '#ffffff', borderWidth: 2 }
        : { label: set.label, data: set.data, backgroundColor: palette[index % palette.length] };
    });
    canvas.setAttribute('data-drawn', '');
    new window.Chart(canvas, {
      type: kind,
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: reduced ? false : undefined,
        plugins: { legend: { position: 'bottom', labels: { color: '#212529' } } },
        scales: kind === 'bar' ? { x: { ticks: { color: '#495057' } }, y: { beginAtZero: true, ticks: { color: '#495057' } } } : undefined
      }
    });
  }

  function drawAll(root) {
    if (typeof window.Chart !== 'undefined') {
      // Charts of a period that was swapped out.
      Object.keys(window.Chart.instances).forEach(function (key) {
        var chart = window.Chart.instances[key];
        if (chart && !chart.canvas.isConnected) {
          chart.destroy();
        }
      });
    }
    Array.prototype.forEach.call(root.querySelectorAll('canvas[data-chart]'), draw);
  }

  document.addEventListener('DOMContentLoaded', function () { drawAll(document); });
  document.addEventListener('htmx:load', function (event) {
    if (event.detail.elt instanceof Element) {
      drawAll(event.detail.elt);
    }
  });
})();
