// The network workspace page (the jobs' progress is js/jobs.js): draws the stored layout with sigma (WebGL).
(function () {
    'use strict';

    // The picture: every node at its stored ForceAtlas2 position, coloured by community; or one node per community
    // (the summary of a big network), where a click draws that community's own nodes.
    const container = document.getElementById('graph');
    if (!container || !window.Sigma || !window.graphology) return;
    const palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#637939'];
    const status = document.getElementById('graph-status');
    let renderer = null;

    async function draw(query) {
        const started = performance.now();
        container.dataset.drawn = 'false';
        status.textContent = '…';
        const response = await fetch(container.dataset.layout + query, { headers: { Accept: 'application/json' } });
        if (!response.ok) { status.textContent = response.status; return; }
        const view = await response.json();
        const graph = new window.graphology({ type: 'undirected', multi: false, allowSelfLoops: false });
        for (let i = 0; i < view.ids.length; i++) {
            graph.addNode(i, {
                x: view.x[i], y: view.y[i], size: Math.min(2 + view.size[i] * (view.summary ? 1.5 : 0.8), 30),
                label: view.summary ? '#' + view.ids[i] + ' (' + view.labels[i] + ')' : (view.labels[i] || view.ids[i]),
                color: palette[view.communities[i] % palette.length], community: view.communities[i],
            });
        }
        const e = view.edges;
        for (let k = 0; k + 1 < e.length; k += 2) if (!graph.hasEdge(e[k], e[k + 1])) graph.addEdge(e[k], e[k + 1], { color: '#ccc', size: 0.5 });
        if (renderer) renderer.kill();
        renderer = new window.Sigma(graph, container, { renderEdgeLabels: false, labelRenderedSizeThreshold: view.summary ? 0 : 8, hideEdgesOnMove: true });
        renderer.once('afterRender', () => {
            container.dataset.drawn = 'true';
            container.dataset.nodes = String(graph.order);
            // For bench/WorkspaceDraw: this drawing's time, and the time since the page's navigation began.
            container.dataset.ms = String(Math.round(performance.now() - started));
            container.dataset.sinceNavigation = String(Math.round(performance.now()));
        });
        renderer.refresh();
        status.textContent = view.summary
            ? graph.order + ' · ' + container.dataset.drill
            : graph.order + ' / ' + view.totalNodes + ' · ' + graph.size + ' / ' + view.totalEdges;
        if (view.summary) renderer.on('clickNode', ({ node }) => draw('&community=' + view.ids[Number(node)]));
    }

    const all = document.getElementById('view-all');
    const summary = document.getElementById('view-summary');
    if (all) all.addEventListener('click', () => draw(''));
    if (summary) summary.addEventListener('click', () => draw('&summary=true'));
    draw(container.dataset.summaryFirst === 'true' ? '&summary=true' : '');
})();
