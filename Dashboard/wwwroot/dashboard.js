// The dashboard's own script: draws metric charts with Chart.js (installed from npm) whenever htmx brings a panel,
// and keeps the console scrolled to its end while the user follows it.
(() => {
  const time = v => new Date(v).toISOString().substring(11, 19);

  function renderCharts(root) {
    if (!window.Chart) {
      return;
    }
    root.querySelectorAll('canvas[data-series]').forEach(canvas => {
      const series = JSON.parse(canvas.dataset.series || '[]');
      const datasets = series.map(s => ({
        label: s.label,
        data: s.points.map(p => ({ x: p[0], y: p[1] })),
        borderColor: s.color,
        backgroundColor: s.color,
        pointRadius: s.points.length < 3 ? 3 : 0,
        borderWidth: 2,
      }));
      Chart.getChart(canvas)?.destroy();
      new Chart(canvas, {
        type: 'line',
        data: { datasets },
        options: {
          animation: false,
          maintainAspectRatio: false,
          parsing: false,
          scales: {
            x: { type: 'linear', ticks: { callback: time, maxTicksLimit: 8 } },
            y: { title: { display: !!canvas.dataset.unit, text: canvas.dataset.unit } },
          },
          plugins: { legend: { position: 'bottom' } },
        },
      });
      canvas.dataset.rendered = 'true';
    });
  }

  function follow() {
    const console = document.getElementById('console');
    const box = document.getElementById('follow');
    if (console && (!box || box.checked)) {
      console.scrollTop = console.scrollHeight;
    }
  }

  document.addEventListener('DOMContentLoaded', () => { renderCharts(document); follow(); });
  document.addEventListener('htmx:afterSettle', e => renderCharts(e.target));
  document.addEventListener('htmx:sseMessage', follow);
})();
