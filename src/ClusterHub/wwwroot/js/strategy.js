// The strategy's charts, drawn from the JSON the page embeds: the reviews' outcomes over the years
// (strategy page) and each objective's target against its actual value (review page); shared shapes in charts.js.
(() => {
  const charts = window.ClusterCharts;
  const strategy = charts.data('strategy-data');
  const trend = document.getElementById('chart-reviews');
  if (strategy && strategy.reviews && trend) charts.stackedBar(trend, strategy.reviews);

  const review = charts.data('review-data');
  if (review) {
    const percent = new Intl.NumberFormat(review.locale, { style: 'percent', maximumFractionDigits: 0 });
    for (const o of review.objectives) {
      const canvas = document.getElementById('chart-objective-' + o.id);
      if (!canvas) continue;
      const ticks = o.share ? { callback: v => percent.format(v) } : {};
      new Chart(canvas, {
        type: 'line',
        data: {
          labels: o.labels,
          datasets: [
            { label: review.target, data: o.targets, borderColor: '#7f8c8d', borderDash: [6, 4], spanGaps: true, fill: false },
            { label: review.actual, data: o.actuals, borderColor: '#0b5cad', backgroundColor: '#0b5cad', spanGaps: false, fill: false },
          ],
        },
        options: { maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks } } },
      });
    }
  }
})();
