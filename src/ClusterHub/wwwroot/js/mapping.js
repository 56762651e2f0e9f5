// The mapping pages (the workspace's import progress is js/jobs.js). A dataset: the choropleth of the chosen measure
// (US states or counties from the vendored us-atlas TopoJSON, French départements or régions from the vendored planar
// GeoJSON, or the GeoJSON the user uploaded, joined on its chosen property), and the chosen region's time charts
// (employment and LQ), from the page's JSON block.
(() => {
  const c = window.ClusterCharts;
  if (!c) return;
  const data = c.data('mapping-data');
  if (!data) return;
  const map = document.getElementById('mapping-map');
  if (map && data.geo && window.ChartGeo) {
    fetch(data.geo, { headers: { Accept: 'application/json' } }).then(r => r.json()).then(geo => {
      let features, codeOf, projection;
      if (data.kind === 'us-states' || data.kind === 'us-counties') {
        features = window.ChartGeo.topojson.feature(geo, data.kind === 'us-states' ? geo.objects.states : geo.objects.counties).features;
        codeOf = f => String(f.id);
        projection = 'albersUsa';
      } else if (data.kind === 'fr-departements' || data.kind === 'fr-regions') {
        features = geo.features;
        codeOf = f => f.properties.code;
        projection = c.planar();
      } else {
        features = geo.features || [];
        codeOf = f => String((f.properties || {})[data.key]);
      }
      c.choropleth(map, features, codeOf, data.values, data.measureLabel, data.locale, projection);
    });
  }
  const series = document.getElementById('mapping-series');
  if (series && data.series) c.lines(series, data.series);
  const lq = document.getElementById('mapping-lq-series');
  if (lq && data.lqSeries) c.lines(lq, data.lqSeries);
})();
