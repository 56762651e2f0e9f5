// Draws the dashboard charts from the JSON block the page embeds: labels already translated, the
// locale that formats numbers, and only the charts that have data (the page shows a sentence for
// the others, so there is no canvas for them).
(() => {
  const data = JSON.parse(document.getElementById('dashboard-data').textContent);
  Chart.defaults.locale = data.locale; // tooltips and count ticks grouped as on the rest of the page
  const palette = ['#0b5cad', '#e07b00', '#2e8b57', '#8e44ad', '#c0392b', '#16a085', '#7f8c8d', '#d35400', '#2c3e50', '#27ae60', '#b7950b', '#5d6d7e'];
  const money = new Intl.NumberFormat(data.locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

  // Every category label shown: Chart.js otherwise drops labels that do not fit (5 of 10 types).
  const categories = () => ({ ticks: { autoSkip: false } });
  // Counts are whole numbers: no 0.5 member on an axis, even when every bar is 0 or 1.
  const counts = () => ({ beginAtZero: true, ticks: { precision: 0 } });
  // Euros from zero, in whole euros in the page's culture (1 000 € in French, €1,000 in English).
  const euros = () => ({ beginAtZero: true, ticks: { precision: 0, callback: v => money.format(v) } });

  const draw = (name, config) => {
    const canvas = document.getElementById('chart-' + name);
    if (canvas && data[name]) new Chart(canvas, config(data[name], canvas.parentElement));
  };
  // Horizontal bars get a row per label: the box grows with the labels instead of skipping some.
  const rows = (box, n) => { box.style.height = Math.max(240, 28 * n + 48) + 'px'; };

  const bars = horizontal => (s, box) => {
    if (horizontal) rows(box, s.labels.length);
    return {
      type: 'bar',
      data: { labels: s.labels, datasets: [{ data: s.values, backgroundColor: palette[0] }] },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: horizontal ? { y: categories(), x: counts() } : { x: categories(), y: counts() },
      },
    };
  };

  draw('family', s => ({
    type: 'doughnut',
    data: { labels: s.labels, datasets: [{ data: s.values, backgroundColor: palette }] },
    options: { maintainAspectRatio: false },
  }));
  draw('type', bars(true));
  draw('size', bars(false));
  draw('region', bars(true));
  draw('growth', s => ({
    type: 'line',
    data: { labels: s.labels, datasets: [{ label: s.label, data: s.values, borderColor: palette[0], fill: false }] },
    options: { maintainAspectRatio: false, scales: { x: categories(), y: counts() } },
  }));
  draw('dues', s => ({
    type: 'bar',
    data: {
      labels: s.labels,
      datasets: [
        { label: s.invoicedLabel, data: s.invoiced, backgroundColor: palette[0] },
        { label: s.paidLabel, data: s.paid, backgroundColor: palette[2] },
      ],
    },
    options: {
      maintainAspectRatio: false,
      scales: { x: categories(), y: euros() },
      plugins: { tooltip: { callbacks: { label: c => `${c.dataset.label}: ${money.format(c.parsed.y)}` } } },
    },
  }));
  // Grouped bars, one dataset per named series: the projects funnel by year (worked on … on the market).
  draw('funnel', s => ({
    type: 'bar',
    data: { labels: s.labels, datasets: s.series.map((d, i) => ({ label: d.label, data: d.values, backgroundColor: palette[i % palette.length] })) },
    options: { maintainAspectRatio: false, scales: { x: categories(), y: counts() } },
  }));
  // Grouped bars across, one dataset per named series: proposals, certified and funded by strategic area and by funder.
  const groupedAcross = (s, box) => {
    rows(box, s.labels.length * s.series.length);
    return {
      type: 'bar',
      data: { labels: s.labels, datasets: s.series.map((d, i) => ({ label: d.label, data: d.values, backgroundColor: palette[i % palette.length] })) },
      options: { indexAxis: 'y', maintainAspectRatio: false, scales: { y: categories(), x: counts() } },
    };
  };
  draw('areas', groupedAcross);
  draw('funders', groupedAcross);
  // Ratios (euros of budget per euro of public money): one decimal, from zero.
  draw('leverage', (s, box) => {
    rows(box, s.labels.length);
    return {
      type: 'bar',
      data: { labels: s.labels, datasets: [{ data: s.values, backgroundColor: palette[2] }] },
      options: { indexAxis: 'y', maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: categories(), x: { beginAtZero: true } } },
    };
  });
  // A survey's mean per item on the Likert scale (1–5), the standard deviation in the tooltip; only items with
  // enough respondents are sent (the page says "too few responses" for the others).
  draw('survey', (s, box) => {
    rows(box, s.labels.length);
    return {
      type: 'bar',
      data: { labels: s.labels, datasets: [{ label: s.label, data: s.values, backgroundColor: palette[0] }] },
      options: {
        indexAxis: 'y',
        maintainAspectRatio: false,
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: c => `${s.label}: ${c.parsed.x} (± ${s.deviations[c.dataIndex]})` } } },
        scales: { y: categories(), x: { min: 1, max: 5, ticks: { stepSize: 1 } } },
      },
    };
  });
})();
