// The mapping pages. The workspace: follows the imports' progress bars and reloads when one ends. A dataset: the
// choropleth of the chosen measure (US states from the vendored us-atlas, or the GeoJSON the user uploaded, joined on
// its chosen property), and the chosen region's time charts (employment and LQ), from the page's JSON block.
(() => {
  const imports = document.getElementById('imports');
  if (imports && imports.querySelector('tr[data-live="true"]')) {
    const poll = async () => {
      let list;
      try { list = await (await fetch(imports.dataset.poll, { headers: { Accept: 'application/json' } })).json(); }
      catch { setTimeout(poll, 2000); return; }
      let ended = false;
      for (const job of list) {
        const row = document.getElementById('import-' + job.id);
        if (!row) continue;
        const live = job.state === 'Queued' || job.state === 'Running';
        if (row.dataset.live === 'true' && !live) ended = true;
        row.querySelector('progress').value = job.progress;
        row.querySelector('.job-step').textContent = job.step || '';
      }
      if (ended || list.length === 0 || !list.some(j => j.state === 'Queued' || j.state === 'Running')) { window.location.reload(); return; }
      setTimeout(poll, 1000);
    };
    setTimeout(poll, 500);
  }

  const c = window.ClusterCharts;
  if (!c) return;
  const data = c.data('mapping-data');
  if (!data) return;
  const map = document.getElementById('mapping-map');
  if (map && data.geo && window.ChartGeo) {
    fetch(data.geo, { headers: { Accept: 'application/json' } }).then(r => r.json()).then(geo => {
      let features, codeOf, projection;
      if (data.kind === 'us-states') {
        features = window.ChartGeo.topojson.feature(geo, geo.objects.states).features;
        codeOf = f => String(f.id);
        projection = 'albersUsa';
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
