// Chart code the feature scripts share (finance, strategy, mapping, portfolios): the JSON block a page embeds, the palette, number
// formats in the page's locale, and the chart shapes more than one page draws. Each page script keeps only
// what is its own. Loaded after chart.umd.min.js and before the page's script.
window.ClusterCharts = (() => {
  const palette = ['#0b5cad', '#e07b00', '#2e8b57', '#8e44ad', '#c0392b', '#16a085', '#7f8c8d', '#d35400', '#2c3e50', '#27ae60', '#b7950b', '#5d6d7e'];

  // The page's JSON block, or null when the page has none; its locale formats tooltips and ticks.
  const data = id => {
    const e = document.getElementById(id);
    if (!e) return null;
    const parsed = JSON.parse(e.textContent);
    if (parsed.locale) Chart.defaults.locale = parsed.locale;
    return parsed;
  };

  const euros = locale => {
    const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
    return { beginAtZero: true, ticks: { callback: v => money.format(v) } };
  };
  const percent = locale => {
    const p = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    return { beginAtZero: true, ticks: { callback: v => p.format(v) } };
  };

  // Series stacked by category (years): { labels, series: [{ label, values, colour? }] }.
  const stackedBar = (canvas, s, y) => new Chart(canvas, {
    type: 'bar',
    data: { labels: s.labels, datasets: s.series.map((x, i) => ({ label: x.label, data: x.values, backgroundColor: x.colour || palette[i % palette.length] })) },
    options: { maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ...(y || { ticks: { precision: 0 } }) } } },
  });

  // Parts of a whole: { labels, values }.
  const doughnut = (canvas, s) => new Chart(canvas, {
    type: 'doughnut',
    data: { labels: s.labels, datasets: [{ data: s.values, backgroundColor: s.labels.map((_, i) => palette[i % palette.length]) }] },
    options: { maintainAspectRatio: false },
  });

  // One line per series over the categories; a missing value (null) leaves a gap.
  const lines = (canvas, s, y) => new Chart(canvas, {
    type: 'line',
    data: { labels: s.labels, datasets: s.series.map((x, i) => ({ label: x.label, data: x.values, borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length], spanGaps: false, fill: false })) },
    options: { maintainAspectRatio: false, scales: { y: y || { beginAtZero: true } } },
  });

  // A choropleth (chartjs-chart-geo, loaded before this file): features is a GeoJSON feature list, codeOf(feature) the
  // region code joined to values { code: number|null }. A feature without a value is drawn grey. The canvas gets
  // data-drawn="true" once painted (browser tests wait for it) and data-regions the number of features with a value.
  const choropleth = (canvas, features, codeOf, values, label, locale, projection) => {
    const geo = window.ChartGeo;
    const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const known = features.filter(f => values[codeOf(f)] !== undefined && values[codeOf(f)] !== null);
    canvas.dataset.regions = String(known.length);
    return new Chart(canvas, {
      type: 'choropleth',
      data: { labels: features.map(f => (f.properties && f.properties.name) || codeOf(f)), datasets: [{ label, outline: features, data: features.map(f => ({ feature: f, value: values[codeOf(f)] ?? null })) }] },
      options: {
        maintainAspectRatio: false,
        showOutline: true,
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: c => c.chart.data.labels[c.dataIndex] + ': ' + (c.raw.value === null ? '–' : format.format(c.raw.value)) } } },
        scales: {
          projection: { axis: 'x', projection: projection || 'mercator' },
          color: { axis: 'x', quantize: 5, legend: { position: 'bottom-right', align: 'right' }, missing: '#eeeeee' },
        },
        animation: { onComplete: () => { canvas.dataset.drawn = 'true'; } },
      },
    });
  };


  // Scores 0–100 around the axes: { labels, series: [{ label, values, colour? }] }; a missing value (null) is a gap, not 0.
  const radar = (canvas, s, options) => new Chart(canvas, {
    type: 'radar',
    data: {
      labels: s.labels,
      datasets: s.series.map((x, i) => {
        const colour = x.colour || palette[i % palette.length];
        return { label: x.label, data: x.values, borderColor: colour, backgroundColor: colour + '33', pointBackgroundColor: colour, spanGaps: false };
      }),
    },
    options: { maintainAspectRatio: false, scales: { r: { min: 0, max: 100, ticks: { stepSize: 25, display: !(options && options.small) } } },
      plugins: { legend: { display: !(options && options.small) } } },
  });

  // Points with a name each: { points: [{ x, y, label, colour? }], x: axis title, y: axis title }; the tooltip names the point.
  const scatter = (canvas, s) => new Chart(canvas, {
    type: 'scatter',
    data: { datasets: [{ data: s.points, pointBackgroundColor: s.points.map(p => p.colour || palette[0]), pointRadius: s.points.map(p => p.colour ? 6 : 4) }] },
    options: {
      maintainAspectRatio: false,
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: c => `${c.raw.label}: ${c.raw.x}, ${c.raw.y}` } } },
      scales: { x: { title: { display: true, text: s.x }, beginAtZero: true }, y: { title: { display: true, text: s.y }, min: 0, max: 100 } },
    },
  });

  // A planar projection for chartjs-chart-geo: GeoJSON whose coordinates are already a plane (the vendored French maps,
  // converted from SVG with y down), scaled and moved to fit, not projected from a sphere. chartjs-chart-geo takes a
  // function with d3's stream, scale, translate and fitWidth; d3's geoIdentity is not exported by its bundle.
  const planar = () => {
    let k = 1, t = [0, 0];
    const p = xy => [xy[0] * k + t[0], xy[1] * k + t[1]];
    p.invert = xy => [(xy[0] - t[0]) / k, (xy[1] - t[1]) / k];
    p.stream = s => ({
      point: (x, y) => s.point(x * k + t[0], y * k + t[1]),
      lineStart: () => s.lineStart(), lineEnd: () => s.lineEnd(),
      polygonStart: () => s.polygonStart(), polygonEnd: () => s.polygonEnd(),
      sphere: () => {},
    });
    p.scale = v => (v === undefined ? k : ((k = v), p));
    p.translate = v => (v === undefined ? t : ((t = v), p));
    p.fitWidth = (width, object) => {
      const box = [Infinity, Infinity, -Infinity, -Infinity];
      const walk = o => {
        if (!o) return;
        if (Array.isArray(o)) {
          if (typeof o[0] === 'number') { box[0] = Math.min(box[0], o[0]); box[1] = Math.min(box[1], o[1]); box[2] = Math.max(box[2], o[0]); box[3] = Math.max(box[3], o[1]); }
          else o.forEach(walk);
        } else walk(o.features || o.geometry || o.coordinates || o.geometries);
      };
      walk(object);
      k = width / Math.max(box[2] - box[0], 1e-9);
      t = [-box[0] * k, -box[1] * k];
      return p;
    };
    return p;
  };

  return { palette, data, euros, percent, stackedBar, doughnut, lines, choropleth, radar, scatter, planar };
})();
