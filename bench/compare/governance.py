#!/usr/bin/env python3
"""networkx's measures of the Nuclear Valley demo governance network, from the GraphML ClusterHub exports.

Reads tests/ClusterHub.Tests/Governance/Data/nuclear-valley-governance.graphml (written by the API's
GET .../governance/network/export?format=graphml; the governance tests rewrite it with CLUSTERHUB_WRITE_DOCS=1 and
check that the export still equals it) and writes governance-reference.json beside it: per actor, the degree,
betweenness (normalised, ties as steps), closeness, and Burt's constraint and effective size with the edge weights
(the strongest tie of each pair, 1-5) as tie strengths. The governance tests compare the engine's values with these.
Needs Debian's python3-networkx (2.8.8). Run: /usr/bin/python3 bench/compare/governance.py
"""
import json, os
import networkx as nx

here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, "..", "..", "tests", "ClusterHub.Tests", "Governance", "Data")
g = nx.read_graphml(os.path.join(data, "nuclear-valley-governance.graphml"))
assert not g.is_directed()
nodes = sorted(g.nodes())
per = lambda d: {n: d[n] for n in nodes}
out = {
    "networkx_version": nx.__version__,
    "nodes": g.number_of_nodes(),
    "edges": g.number_of_edges(),
    "degree": per(dict(g.degree())),
    "betweenness": per(nx.betweenness_centrality(g)),
    "closeness": per(nx.closeness_centrality(g)),
    "constraint_weighted": per(nx.constraint(g, weight="weight")),
    "effective_size_weighted": per(nx.effective_size(g, weight="weight")),
}
with open(os.path.join(data, "governance-reference.json"), "w", encoding="utf-8") as f:
    json.dump(out, f, indent=1, sort_keys=True, ensure_ascii=False)
print("wrote", os.path.join(data, "governance-reference.json"), out["nodes"], "nodes", out["edges"], "edges")
