// The strategy's charts, drawn from the JSON the page embeds: the reviews' outcomes over the years
// (strategy page) and each objective's target against its actual value (review page).
(() => {
  const block = id => { const e = document.getElementById(id); return e ? JSON.parse(e.textContent) : null; };

  const strategy = block('strategy-data');
  const trend = document.getElementById('chart-reviews');
  if (strategy && strategy.reviews && trend) {
    Chart.defaults.locale = strategy.locale;
    new Chart(trend, {
      type: 'bar',
      data: { labels: strategy.reviews.labels, datasets: strategy.reviews.series.map(s => ({ label: s.label, data: s.values, backgroundColor: s.colour })) },
      options: { maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }

  const review = block('review-data');
  if (review) {
    Chart.defaults.locale = review.locale;
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
