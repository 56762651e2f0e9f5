#!/usr/bin/env python3
"""Per-node reference values for the network engine's tests, computed by networkx and igraph.

Reads the test networks in tests/ClusterHub.Analytics.Tests/Data and writes reference.json there.
Needs Debian's python3-networkx and python3-igraph (apt-get install -y python3-networkx python3-igraph).
Run: /usr/bin/python3 bench/compare/reference_values.py
"""
import csv, json, os, random
import networkx as nx
import igraph as ig

here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, "..", "..", "tests", "ClusterHub.Analytics.Tests", "Data")

def load(name):
    g = nx.Graph()
    with open(os.path.join(data, name), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            w = float(row["weight"]) if "weight" in row and row["weight"] else None
            if w is None:
                g.add_edge(row["source"], row["target"])
            else:
                g.add_edge(row["source"], row["target"], weight=w)
    return g

def inverse_values(g, per):
    nx.set_edge_attributes(g, {(u, v): 1 / d["weight"] for u, v, d in g.edges(data=True)}, "inverse")
    return {
        "betweenness_inverse": per(nx.betweenness_centrality(g, weight="inverse")),
        "closeness_inverse": per(nx.closeness_centrality(g, distance="inverse")),
        "harmonic_inverse": per(nx.harmonic_centrality(g, distance="inverse")),
        "diameter_inverse": max(max(d.values()) for _, d in nx.all_pairs_dijkstra_path_length(g, weight="inverse")),
        "average_shortest_path_length_inverse": nx.average_shortest_path_length(g, weight="inverse"),
    }

def values(g):
    nodes = sorted(g.nodes())
    per = lambda d: {n: d[n] for n in nodes}
    weighted = nx.is_weighted(g)
    out = {
        "networkx_version": nx.__version__,
        "igraph_version": ig.__version__,
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "density": nx.density(g),
        "components": nx.number_connected_components(g),
        "transitivity": nx.transitivity(g),
        "average_clustering": nx.average_clustering(g),
        "diameter": nx.diameter(g),
        "average_shortest_path_length": nx.average_shortest_path_length(g),
        "degree": per(dict(g.degree())),
        "strength": per(dict(g.degree(weight="weight"))) if weighted else None,
        "betweenness": per(nx.betweenness_centrality(g)),
        "closeness": per(nx.closeness_centrality(g)),
        # Weights read as distances, networkx's convention.
        "betweenness_weighted": per(nx.betweenness_centrality(g, weight="weight")) if weighted else None,
        "closeness_weighted": per(nx.closeness_centrality(g, distance="weight")) if weighted else None,
        "harmonic_weighted": per(nx.harmonic_centrality(g, distance="weight")) if weighted else None,
        # networkx 2.8's diameter() takes no weight: the largest weighted distance over all pairs instead.
        "diameter_weighted": max(max(d.values()) for _, d in nx.all_pairs_dijkstra_path_length(g)) if weighted else None,
        "average_shortest_path_length_weighted": nx.average_shortest_path_length(g, weight="weight") if weighted else None,
        # Weights read as tie strengths: a tie's length is 1/weight (Newman 2001), through an attribute "inverse".
        **(inverse_values(g, per) if weighted else {}),
        "harmonic": per(nx.harmonic_centrality(g)),
        "clustering": per(nx.clustering(g)),
        "core_number": per(nx.core_number(g)),
        "eigenvector": per(nx.eigenvector_centrality_numpy(g)),
        "constraint": per(nx.constraint(g)),
        "effective_size": per(nx.effective_size(g)),
        # Burt's weighted forms (weights as tie strengths), as networkx computes them when given a weight.
        "constraint_weighted": per(nx.constraint(g, weight="weight")) if weighted else None,
        "effective_size_weighted": per(nx.effective_size(g, weight="weight")) if weighted else None,
        "pagerank": per(nx.pagerank(g, alpha=0.85, weight=None, tol=1e-13, max_iter=10000)),
        "pagerank_weighted": per(nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000)) if weighted else None,
    }
    # igraph on the same graph, as a second opinion on the measures both define identically.
    h = ig.Graph.TupleList(g.edges(), directed=False)
    order = [h.vs.find(name=n).index for n in nodes]
    pr = h.pagerank(damping=0.85)
    out["igraph_pagerank"] = {n: pr[i] for n, i in zip(nodes, order)}
    core = h.coreness()
    out["igraph_core_number"] = {n: core[i] for n, i in zip(nodes, order)}
    out["igraph_transitivity"] = h.transitivity_undirected()
    # Best modularity over 20 seeded runs of igraph's multilevel (Louvain), unweighted and weighted.
    best = lambda weights: max(h.community_multilevel(weights=weights).modularity for _ in [ig.set_random_number_generator(__import__("random").Random(s)) for s in range(20)])
    out["igraph_multilevel_modularity"] = best(None)
    # The same for igraph's Leiden on modularity, iterated until stable (n_iterations=-1), β = 0.01.
    leiden = lambda weights: max(h.modularity(h.community_leiden(objective_function="modularity", weights=weights, n_iterations=-1).membership, weights=weights) for _ in [ig.set_random_number_generator(__import__("random").Random(s)) for s in range(20)])
    out["igraph_leiden_modularity"] = leiden(None)
    if weighted:
        h.es["weight"] = [g[u][v]["weight"] for u, v in g.edges()]
        out["igraph_multilevel_modularity_weighted"] = best("weight")
        out["igraph_leiden_modularity_weighted"] = leiden("weight")
    return out

result = {name: values(load(file)) for name, file in
          [("karate", "karate_edges.csv"), ("lesmis", "lesmis_edges.csv"), ("florentine", "florentine_edges.csv")]}
# Partition measures on karate's club split.
k = load("karate_edges.csv")
with open(os.path.join(data, "karate_nodes.csv"), newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        k.nodes[row["id"]]["club"] = row["club"]
result["karate"]["club_assortativity"] = nx.attribute_assortativity_coefficient(k, "club")
inside = sum(1 for u, v in k.edges() if k.nodes[u]["club"] == k.nodes[v]["club"])
result["karate"]["club_ei_index"] = ((k.number_of_edges() - inside) - inside) / k.number_of_edges()

# Bipartite projection of the Davis southern women (women x events).
from networkx.algorithms import bipartite
b = nx.Graph()
with open(os.path.join(data, "davis_southern_women_bipartite.csv"), newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header, rows = rows[0], rows[1:]
women = sorted({r[0] for r in rows})
b.add_nodes_from(women, bipartite=0)
b.add_edges_from((r[0], "E:" + r[1]) for r in rows)
shared = bipartite.weighted_projected_graph(b, women)
newman = bipartite.collaboration_weighted_projected_graph(b, women)
result["davis"] = {
    "columns": header,
    "shared": {f"{u}|{v}" if u < v else f"{v}|{u}": d["weight"] for u, v, d in shared.edges(data=True)},
    "newman": {f"{u}|{v}" if u < v else f"{v}|{u}": d["weight"] for u, v, d in newman.edges(data=True)},
}
# Les Misérables read as directed (source → target as listed): distance-based measures look at distances *to* a node.
d = nx.DiGraph()
with open(os.path.join(data, "lesmis_edges.csv"), newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        d.add_edge(row["source"], row["target"], weight=float(row["weight"]))
result["lesmis_directed"] = {
    "closeness": {n: v for n, v in sorted(nx.closeness_centrality(d).items())},
    "harmonic": {n: v for n, v in sorted(nx.harmonic_centrality(d).items())},
    "closeness_weighted": {n: v for n, v in sorted(nx.closeness_centrality(d, distance="weight").items())},
    "harmonic_weighted": {n: v for n, v in sorted(nx.harmonic_centrality(d, distance="weight").items())},
}
# College football 2000 (Girvan & Newman 2002): the conferences as the ground truth of community detection, set beside
# igraph's Leiden (seed 1) by igraph's own NMI and adjusted Rand index; the best modularity of 20 seeded Leiden runs.
f = nx.read_gml(os.path.join(data, "football.gml"))  # nodes named by their labels
h = ig.Graph.TupleList(f.edges(), directed=False)
names = h.vs["name"]
conference = [f.nodes[n]["value"] for n in names]
ig.set_random_number_generator(random.Random(1))
found = h.community_leiden(objective_function="modularity", n_iterations=-1).membership
best_leiden = []
for s in range(20):
    ig.set_random_number_generator(random.Random(s))
    best_leiden.append(h.modularity(h.community_leiden(objective_function="modularity", n_iterations=-1).membership))
groups = {}
for n, d in f.nodes(data=True):
    groups.setdefault(d["value"], set()).add(n)
result["football"] = {
    "nodes": f.number_of_nodes(),
    "edges": f.number_of_edges(),
    "conference_modularity": nx.algorithms.community.modularity(f, groups.values()),
    "conference": {n: c for n, c in zip(names, conference)},
    "igraph_leiden": {n: c for n, c in zip(names, found)},
    "igraph_nmi": ig.compare_communities(conference, found, method="nmi"),
    "igraph_adjusted_rand": ig.compare_communities(conference, found, method="adjusted_rand"),
    "igraph_leiden_best_modularity": max(best_leiden),
}
with open(os.path.join(data, "reference.json"), "w", encoding="utf-8") as f:
    json.dump(result, f, indent=1, sort_keys=True)
print("wrote", os.path.join(data, "reference.json"))
