// The finance page's charts, from the JSON block it embeds: revenue by source across the years (stacked bars),
// the year's public money by level against the rest (doughnut), and the shares' trends (lines).
(() => {
  const c = window.ClusterCharts;
  const data = c.data('finance-data');
  if (!data) return;
  const canvas = id => document.getElementById(id);
  if (canvas('chart-sources')) c.stackedBar(canvas('chart-sources'), data.sources, c.euros(data.locale));
  if (canvas('chart-public') && data.publicSplit) c.doughnut(canvas('chart-public'), data.publicSplit);
  if (canvas('chart-trends')) {
    const y = c.percent(data.locale);
    c.lines(canvas('chart-trends'), data.trends, { ...y, max: 1 });
  }
})();
