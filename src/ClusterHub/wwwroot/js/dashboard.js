// Draws the dashboard charts from the JSON the page embeds (labels already translated).
(() => {
  const data = JSON.parse(document.getElementById('dashboard-data').textContent);
  const palette = ['#0b5cad', '#e07b00', '#2e8b57', '#8e44ad', '#c0392b', '#16a085', '#7f8c8d', '#d35400', '#2c3e50', '#27ae60', '#b7950b', '#5d6d7e'];
  const money = new Intl.NumberFormat(document.documentElement.lang, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  const chart = (id, config) => new Chart(document.getElementById(id), config);
  const bars = (s, horizontal) => ({
    type: 'bar',
    data: { labels: s.labels, datasets: [{ data: s.values, backgroundColor: palette[0] }] },
    options: { indexAxis: horizontal ? 'y' : 'x', plugins: { legend: { display: false } } },
  });
  chart('chart-family', { type: 'doughnut', data: { labels: data.family.labels, datasets: [{ data: data.family.values, backgroundColor: palette }] } });
  chart('chart-type', bars(data.type, true));
  chart('chart-size', bars(data.size, false));
  chart('chart-region', bars(data.region, true));
  chart('chart-growth', {
    type: 'line',
    data: { labels: data.growth.labels, datasets: [{ label: data.growth.label, data: data.growth.values, borderColor: palette[0], fill: false }] },
  });
  chart('chart-dues', {
    type: 'bar',
    data: {
      labels: data.dues.labels,
      datasets: [
        { label: data.dues.invoicedLabel, data: data.dues.invoiced, backgroundColor: palette[0] },
        { label: data.dues.paidLabel, data: data.dues.paid, backgroundColor: palette[2] },
      ],
    },
    options: { scales: { y: { ticks: { callback: v => money.format(v) } } } },
  });
})();
