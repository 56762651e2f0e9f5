#!/usr/bin/env python3
"""Side by side: ClusterHub's network engine, igraph and networkx on the same graphs.

Installs Debian's python3-networkx and python3-igraph when missing, writes the graphs as edge lists
(seeded G(n,m) 10k/50k and 100k/1M with the generator of bench/ClusterHub.Benchmarks/Graphs.cs, and the
CORDIS H2020 organisation projection), runs the same algorithms in each tool and prints one table:
graph, algorithm, tool, seconds, ratio to ClusterHub, largest difference in values.
Run: /usr/bin/python3 bench/compare/compare.py [--skip-networkx-above EDGES]
"""
import csv, itertools, json, os, subprocess, sys, time, random

root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
work = os.path.join(root, "bench", "compare", "out")
os.makedirs(work, exist_ok=True)

try:
    import networkx as nx, igraph as ig
except ImportError:
    subprocess.run(["apt-get", "install", "-y", "-qq", "python3-networkx", "python3-igraph"], check=True)
    import networkx as nx, igraph as ig

NX_LIMIT = int(sys.argv[sys.argv.index("--skip-networkx-above") + 1]) if "--skip-networkx-above" in sys.argv else 100_000

def lcg_edges(n, m, seed):
    state, seen, mask = seed, set(), (1 << 64) - 1
    while len(seen) < m:
        state = (state * 6364136223846793005 + 1442695040888963407) & mask
        u = (state >> 33) % n
        state = (state * 6364136223846793005 + 1442695040888963407) & mask
        v = (state >> 33) % n
        if u == v: continue
        key = (min(u, v), max(u, v))
        if key not in seen:
            seen.add(key)
            yield key

def write_gnm(n, m, name):
    path = os.path.join(work, name + ".csv")
    if not os.path.exists(path):
        with open(path, "w") as f:
            f.write("source,target\n")
            f.writelines(f"{u},{v}\n" for u, v in lcg_edges(n, m, 1))
    return path

def write_cordis():
    source = os.path.join(root, "..", "shared", "data", "cordis_h2020_eunets", "h2020_participations.csv")
    path = os.path.join(work, "cordis.csv")
    if not os.path.exists(source): return None
    if not os.path.exists(path):
        projects = {}
        with open(source, newline="") as f:
            for row in csv.DictReader(f):
                projects.setdefault(row["rcn"], set()).add(row["pic"])
        edges = set()
        for members in projects.values():
            edges.update(itertools.combinations(sorted(members), 2))
        with open(path, "w") as f:
            f.write("source,target\n")
            f.writelines(f"{u},{v}\n" for u, v in sorted(edges))
    return path

def best(fn, runs=3):
    fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter(); value = fn(); times.append(time.perf_counter() - t)
    return min(times), value

dll = os.path.join(root, "bench", "ClusterHub.Benchmarks", "bin", "Release", "net10.0", "ClusterHub.Benchmarks.dll")
subprocess.run(["dotnet", "build", "-c", "Release", os.path.join(root, "bench", "ClusterHub.Benchmarks")], check=True, stdout=subprocess.DEVNULL)

def clusterhub(path):
    out = subprocess.run(["dotnet", dll, "compare", path], check=True, capture_output=True, text=True).stdout
    return json.loads(out)

rows = []
def row(graph, algorithm, tool, seconds, ours, diff):
    rows.append((graph, algorithm, tool, seconds, seconds / ours if ours else float("nan"), diff))

graphs = [("gnm-10k-50k", write_gnm(10_000, 50_000, "gnm-10k-50k")), ("gnm-100k-1M", write_gnm(100_000, 1_000_000, "gnm-100k-1M")), ("cordis", write_cordis())]
for name, path in graphs:
    if path is None:
        print(f"# {name}: shared/data not found beside the repository; skipped"); continue
    ch = clusterhub(path)
    ids = ch["ids"]
    print(f"# {name}: {ch['nodes']} nodes, {ch['edges']} edges; ClusterHub CSR graph {ch['graph_bytes'] / 2**20:.1f} MiB", flush=True)
    with open(path) as f:
        next(f)
        edge_list = [tuple(l.rstrip("\n").split(",")) for l in f]
    h = ig.Graph.TupleList(edge_list, directed=False)
    index = {v["name"]: v.index for v in h.vs}
    order = [index[i] for i in ids]
    for alg in ["pagerank", "components", "core_number", "transitivity", "betweenness_256", "louvain", "leiden"]:
        ours = ch[alg]["seconds"]
        row(name, alg, "ClusterHub", ours, ours, "")
        if alg == "pagerank":
            s, pr = best(lambda: h.pagerank(damping=0.85))
            row(name, alg, "igraph", s, ours, f"{max(abs(pr[o] - x) for o, x in zip(order, ch[alg]['value'])):.1e}")
        elif alg == "components":
            s, c = best(lambda: len(h.connected_components()))
            row(name, alg, "igraph", s, ours, "equal" if c == ch[alg]["value"] else f"{c} vs {ch[alg]['value']}")
        elif alg == "core_number":
            s, c = best(lambda: h.coreness())
            row(name, alg, "igraph", s, ours, f"{max(abs(c[o] - x) for o, x in zip(order, ch[alg]['value']))}")
        elif alg == "transitivity":
            s, t = best(lambda: h.transitivity_undirected())
            row(name, alg, "igraph", s, ours, f"{abs(t - ch[alg]['value']):.1e}")
        elif alg == "betweenness_256":
            # igraph has no pivot sampling: its cutoff-free exact run is not the same work, so time 256 single-source runs.
            srcs = random.Random(1).sample(range(h.vcount()), min(256, h.vcount()))
            s, _ = best(lambda: [h.distances(source=x) for x in srcs[:16]], runs=1)
            row(name, alg + " (16 BFS ×16)", "igraph", s * 16, ours, "BFS only")
        elif alg == "louvain":
            s, q = best(lambda: h.community_multilevel().modularity, runs=1)
            row(name, alg, "igraph", s, ours, f"Q {ch[alg]['value']:.4f} vs {q:.4f}")
        elif alg == "leiden":
            # Two iterations and β = 0.01, the defaults of both; networkx 2.8 has no Leiden.
            s, m = best(lambda: h.community_leiden(objective_function="modularity", n_iterations=2).membership, runs=1)
            row(name, alg, "igraph", s, ours, f"Q {ch[alg]['value']:.4f} vs {h.modularity(m):.4f}")
    if ch["edges"] <= NX_LIMIT:
        g = nx.Graph(); g.add_edges_from(edge_list)
        for alg, fn in [("pagerank", lambda: nx.pagerank(g, alpha=0.85)), ("components", lambda: nx.number_connected_components(g)),
                        ("core_number", lambda: nx.core_number(g)), ("transitivity", lambda: nx.transitivity(g)),
                        ("betweenness_256", lambda: nx.betweenness_centrality(g, k=256, seed=1)),
                        ("louvain", lambda: nx.community.modularity(g, nx.community.louvain_communities(g, seed=1)))]:
            # networkx 2.8 has no Leiden: its Louvain is the nearest thing it offers, so the Leiden row is set beside that too.
            s, value = best(fn, runs=1)
            ours = ch[alg]["seconds"]
            if alg == "pagerank": diff = f"{max(abs(value[i] - x) for i, x in zip(ids, ch[alg]['value'])):.1e}"
            elif alg == "core_number": diff = str(max(abs(value[i] - x) for i, x in zip(ids, ch[alg]["value"])))
            elif alg == "transitivity": diff = f"{abs(value - ch[alg]['value']):.1e}"
            elif alg == "components": diff = "equal" if value == ch[alg]["value"] else f"{value} vs {ch[alg]['value']}"
            elif alg == "louvain": diff = f"Q {ch[alg]['value']:.4f} vs {value:.4f}"
            else: diff = "sampled"
            row(name, alg, "networkx", s, ours, diff)
            if alg == "louvain": row(name, "leiden (nx: louvain)", "networkx", s, ch["leiden"]["seconds"], f"Q {ch['leiden']['value']:.4f} vs {value:.4f}")

print(f"{'graph':<13} {'algorithm':<26} {'tool':<11} {'seconds':>10} {'× ClusterHub':>13}  difference")
for g, a, t, s, r, d in rows:
    print(f"{g:<13} {a:<26} {t:<11} {s:>10.4f} {r:>13.1f}  {d}")
