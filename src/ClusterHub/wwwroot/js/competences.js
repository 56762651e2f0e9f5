// Draws the competence map's pictures from the JSON block the page embeds (labels already translated):
// the heat map, competences × strategic areas, as a Chart.js scatter of squares on two category axes
// (one square per cell, its colour the cell's status, its number the members who meet the area's need),
// and the coverage by region as bars.
(() => {
  const data = JSON.parse(document.getElementById('competences-data').textContent);
  Chart.defaults.locale = data.locale;
  const colours = { NotNeeded: '#eceff1', Gap: '#c0392b', SingleActor: '#e07b00', Covered: '#2e8b57' };

  const heat = data.heat;
  const heatCanvas = document.getElementById('chart-heat');
  if (heat && heatCanvas) {
    const box = heatCanvas.parentElement;
    box.style.height = Math.max(260, 30 * heat.competences.length + 70) + 'px';
    // Half the side of a cell in pixels, from the chart area and the number of rows and columns.
    const half = chart => {
      const area = chart.chartArea;
      if (!area) return 8;
      return Math.max(4, Math.min(area.width / heat.areas.length, area.height / heat.competences.length) / 2 - 2);
    };
    // The count of members meeting the need, written in each needed cell.
    const counts = {
      id: 'cellCounts',
      afterDatasetsDraw(chart) {
        const ctx = chart.ctx;
        ctx.save();
        ctx.font = '12px sans-serif';
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        chart.getDatasetMeta(0).data.forEach((point, i) => {
          const cell = heat.cells[i];
          if (cell.needed == null) return;
          ctx.fillStyle = cell.status === 'Covered' || cell.status === 'Gap' ? '#fff' : '#000';
          ctx.fillText(String(cell.holders), point.x, point.y);
        });
        ctx.restore();
      },
    };
    new Chart(heatCanvas, {
      type: 'scatter',
      data: {
        datasets: [{
          data: heat.cells.map(c => ({ x: c.x, y: c.y })),
          pointStyle: 'rect',
          pointRadius: ctx => half(ctx.chart),
          pointHoverRadius: ctx => half(ctx.chart),
          backgroundColor: heat.cells.map(c => colours[c.status]),
          borderColor: '#fff',
        }],
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: c => {
                const cell = heat.cells[c.dataIndex];
                const need = cell.needed == null ? '' : ` · ${heat.neededLabel} ${cell.needed} · ${heat.holdersLabel} ${cell.holders}`;
                return `${cell.y} × ${cell.x}: ${heat.statuses[cell.status]}${need}`;
              },
            },
          },
        },
        scales: {
          x: { type: 'category', labels: heat.areas, position: 'top', offset: true, grid: { display: false } },
          y: { type: 'category', labels: heat.competences, offset: true, grid: { display: false }, ticks: { autoSkip: false } },
        },
      },
      plugins: [counts],
    });
    heatCanvas.dataset.drawn = 'true';
  }

  const coverage = data.coverage;
  const coverageCanvas = document.getElementById('chart-coverage');
  if (coverage && coverageCanvas) {
    coverageCanvas.parentElement.style.height = Math.max(200, 28 * coverage.labels.length + 48) + 'px';
    new Chart(coverageCanvas, {
      type: 'bar',
      data: { labels: coverage.labels, datasets: [{ label: coverage.label, data: coverage.values, backgroundColor: '#0b5cad' }] },
      options: {
        indexAxis: 'y', maintainAspectRatio: false, plugins: { legend: { display: false } },
        scales: { y: { ticks: { autoSkip: false } }, x: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  }
})();
