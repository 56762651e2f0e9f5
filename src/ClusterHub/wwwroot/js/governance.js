// Draws the governance network page from the JSON block it embeds (labels already translated): the graph with
// cytoscape and the fcose layout, coloured by level or community
// and sized by a measure chosen in the page; the tie-strength distribution with Chart.js; and the measures table,
// sorted by a click on a column's heading.
(() => {
  const data = JSON.parse(document.getElementById('governance-data').textContent);
  const palette = ['#0b5cad', '#e07b00', '#2e8b57', '#8e44ad', '#c0392b', '#16a085', '#7f8c8d', '#d35400', '#2c3e50', '#27ae60', '#b7950b', '#5d6d7e'];
  const levelColour = { National: '#2c3e50', Sectoral: '#8e44ad', Regional: '#0b5cad', Local: '#16a085', Cluster: '#c0392b', Member: '#e07b00' };

  const box = document.getElementById('governance-graph');
  if (box && data.nodes.length > 0 && window.cytoscape) {
    if (window.cytoscapeFcose) cytoscape.use(window.cytoscapeFcose);
    const cy = cytoscape({
      container: box,
      elements: [
        ...data.nodes.map(n => ({ data: { ...n } })),
        ...data.edges.map(e => ({ data: { ...e }, classes: (e.directed ? 'directed ' : '') + (e.sourced ? 'sourced' : 'illustrative') })),
      ],
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3, 'border-width': 1, 'border-color': '#fff' } },
        { selector: 'node[?hub]', style: { 'border-width': 3, 'border-color': '#000', 'font-weight': 'bold' } },
        { selector: 'edge', style: { width: 'mapData(strength, 1, 5, 1, 6)', 'line-color': '#9aa5b1', 'curve-style': 'bezier', opacity: 0.8 } },
        { selector: 'edge.directed', style: { 'target-arrow-shape': 'triangle', 'target-arrow-color': '#9aa5b1' } },
        { selector: 'edge.illustrative', style: { 'line-style': 'dashed' } },
      ],
      // fcose's spectral start needs random initial positions (from the origin it lays every node on one line).
      layout: { name: window.cytoscapeFcose ? 'fcose' : 'cose', randomize: true, animate: false, nodeRepulsion: 9000, idealEdgeLength: 90, nodeSeparation: 60 },
      wheelSensitivity: 0.2,
    });
    window.governanceGraph = cy; // the browser test counts the drawn nodes here

    const colourSelect = document.getElementById('graph-colour');
    const sizeSelect = document.getElementById('graph-size');
    const legend = document.getElementById('graph-legend');
    const paint = () => {
      const byLevel = colourSelect.value === 'level';
      cy.nodes().forEach(n => n.style('background-color', byLevel ? levelColour[n.data('level')] : palette[n.data('community') % palette.length]));
      legend.replaceChildren();
      const entries = byLevel
        ? Object.entries(data.levels).filter(([k]) => data.nodes.some(n => n.level === k)).map(([k, label]) => [levelColour[k], label])
        : [...new Set(data.nodes.map(n => n.community))].sort((a, b) => a - b).map(c => [palette[c % palette.length], String(c + 1)]);
      for (const [colour, label] of entries) {
        const swatch = document.createElement('span');
        swatch.className = 'swatch';
        swatch.style.backgroundColor = colour;
        legend.append(swatch, document.createTextNode(label));
      }
    };
    const size = () => {
      const key = sizeSelect.value;
      const values = data.nodes.map(n => n[key]).filter(v => v != null);
      const [min, max] = [Math.min(...values), Math.max(...values)];
      cy.nodes().forEach(n => {
        const v = n.data(key);
        const t = v == null || max === min ? 0.3 : (v - min) / (max - min);
        // Constraint is low for brokers: the less constrained, the bigger.
        const s = 18 + 42 * (key === 'constraint' ? 1 - t : t);
        n.style({ width: s, height: s });
      });
    };
    colourSelect.addEventListener('change', paint);
    sizeSelect.addEventListener('change', size);
    paint();
    size();
  }

  const canvas = document.getElementById('chart-strengths');
  if (canvas && window.Chart) {
    Chart.defaults.locale = data.locale;
    new Chart(canvas, {
      type: 'bar',
      data: { labels: data.strengths.labels, datasets: [{ label: data.strengths.label, data: data.strengths.values, backgroundColor: ['#c0392b', '#e07b00', '#2e8b57', '#0b5cad', '#2c3e50'] }] },
      options: { maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }

  // A click on a heading sorts the table by that column; a second click reverses it. Numbers sort by their value.
  document.querySelectorAll('table.sortable').forEach(table => {
    table.querySelectorAll('th[data-sort]').forEach((th, column) => {
      th.addEventListener('click', () => {
        const ascending = th.getAttribute('aria-sort') !== 'ascending';
        table.querySelectorAll('th').forEach(h => h.removeAttribute('aria-sort'));
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const numeric = th.dataset.sort === 'number';
        const key = row => {
          const cell = row.children[column];
          if (!numeric) return cell.textContent.trim();
          const v = parseFloat(cell.dataset.value);
          return Number.isNaN(v) ? -Infinity : v;
        };
        const rows = [...table.tBodies[0].rows].sort((a, b) => {
          const [x, y] = [key(a), key(b)];
          const order = numeric ? x - y : x.localeCompare(y, data.locale);
          return ascending ? order : -order;
        });
        table.tBodies[0].append(...rows);
      });
    });
  });
})();
