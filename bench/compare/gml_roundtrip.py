#!/usr/bin/env python3
"""GML beyond ASCII, through networkx and igraph: what each reads of ClusterHub's files, and what each writes.

Usage: /usr/bin/python3 bench/compare/gml_roundtrip.py ASCII.gml UTF8.gml OUTDIR
Reads ASCII.gml (ClusterHub's default: every character beyond ASCII as a numeric entity) with networkx and UTF8.gml
(ClusterHub's --gml Utf8) with igraph, prints the node labels each got as JSON, and writes OUTDIR/networkx.gml and
OUTDIR/igraph.gml, each tool's own GML of the same labels, for ClusterHub to read back. Run by the GML round-trip test.
Needs Debian's python3-networkx (2.8.8) and python3-igraph (0.10.2).
"""
import json, os, sys, warnings
import networkx as nx
import igraph as ig

ascii_file, utf8_file, out = sys.argv[1:4]
g = nx.read_gml(ascii_file)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    h = ig.Graph.Read_GML(utf8_file)
labels = sorted(g.nodes())
nx.write_gml(g, os.path.join(out, "networkx.gml"))
w = ig.Graph(); w.add_vertices(len(labels)); w.vs["label"] = labels
w.add_edges([(i, i + 1) for i in range(len(labels) - 1)])
w.write_gml(os.path.join(out, "igraph.gml"))
print(json.dumps({"networkx": labels, "igraph": sorted(h.vs["label"])}, ensure_ascii=True))
