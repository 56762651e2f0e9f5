// The portfolio page's charts, from its JSON block: a small radar per cluster of the page (its dimension scores), the
// focus cluster against the peers' median, and size against overall score. Missing scores stay gaps (null), never 0.
(() => {
  const c = window.ClusterCharts;
  const data = c.data('portfolio-data');
  if (!data) return;
  window.portfolioCharts = [];
  document.querySelectorAll('canvas[data-radar]').forEach(canvas => {
    const row = data.rows[Number(canvas.dataset.radar)];
    if (row) window.portfolioCharts.push(c.radar(canvas, { labels: data.dimensions, series: [{ label: row.name, values: row.values }] }, { small: true }));
  });
  const focus = document.getElementById('chart-focus');
  if (focus && data.focus) {
    window.portfolioCharts.push(c.radar(focus, { labels: data.dimensions, series: [
      { label: data.focus.name, values: data.focus.values },
      { label: data.focus.medianLabel, values: data.focus.median, colour: '#7f8c8d' },
    ] }));
  }
  const scatter = document.getElementById('chart-scatter');
  if (scatter) window.portfolioCharts.push(c.scatter(scatter, data.scatter));
})();
