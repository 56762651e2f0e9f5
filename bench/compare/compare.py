#!/usr/bin/env python3
"""Side by side: ClusterHub's network engine, igraph and networkx on the same graphs.

Installs Debian's python3-networkx and python3-igraph when missing, writes the graphs as edge lists
(seeded G(n,m) 10k/50k and 100k/1M with the generator of bench/ClusterHub.Benchmarks/Graphs.cs, and the
CORDIS H2020 organisation projection), runs the same algorithms in each tool and prints one table:
graph, algorithm, tool, seconds, ratio to ClusterHub, largest difference in values.
Run: /usr/bin/python3 bench/compare/compare.py [--skip-networkx-above EDGES] [--only gnm-10k-50k,gnm-100k-1M,cordis]
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
# --only NAME[,NAME]: just these graphs (gnm-10k-50k, gnm-100k-1M, cordis; the projection runs with cordis).
ONLY = sys.argv[sys.argv.index("--only") + 1].split(",") if "--only" in sys.argv else None

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
    """The best of `runs` timed runs after a warm-up; with runs=3, more (up to 100) while they fit in a second,
    as the C# side does, since sub-millisecond timings are noisy. runs=1: one run, no warm-up (slow work)."""
    if runs > 1: fn()
    times, started = [], time.perf_counter()
    while len(times) < runs or (runs > 1 and len(times) < 100 and time.perf_counter() - started < 1):
        t = time.perf_counter(); value = fn(); times.append(time.perf_counter() - t)
    return min(times), value

dll = os.path.join(root, "bench", "ClusterHub.Benchmarks", "bin", "Release", "net10.0", "ClusterHub.Benchmarks.dll")
subprocess.run(["dotnet", "build", "-c", "Release", os.path.join(root, "bench", "ClusterHub.Benchmarks")], check=True, stdout=subprocess.DEVNULL)

def clusterhub(*args):
    out = subprocess.run(["dotnet", dll, *args], check=True, capture_output=True, text=True).stdout
    return json.loads(out)

rows = []
def row(graph, algorithm, tool, seconds, ours, diff):
    rows.append((graph, algorithm, tool, seconds, seconds / ours if ours else float("nan"), diff))

def maxdiff(ours, theirs):
    return f"{max(abs(a - b) for a, b in zip(ours, theirs)):.1e}"

def measures(name, ch, g, h, ids, order):
    """The rest of the engine on the small graph. networkx's all-pairs and per-node structural-hole measures are
    timed on sampled nodes and scaled to all n (marked ×n/500, ×n/100); their values are compared on those nodes."""
    n = len(ids)
    sample = random.Random(2).sample(range(n), 500)
    sample_ids = [ids[i] for i in sample]
    scale = n / len(sample)
    groups = {i: int(i) % 10 for i in ids}
    nx.set_node_attributes(g, groups, "group")
    h.vs["group"] = [int(v) % 10 for v in h.vs["name"]]
    def ours(alg):
        return ch[alg]["seconds"]
    def add(alg, tool, seconds, diff, label=None):
        row(name, label or alg, tool, seconds, ours(alg), diff)
    for alg in ["degree", "eigenvector", "closeness_harmonic", "betweenness_exact", "constraint", "effective_size", "assortativity", "ei_index", "brokerage_roles"]:
        row(name, alg, "ClusterHub", ours(alg), ours(alg), "")
    value = lambda alg: ch[alg]["value"]

    s, d = best(lambda: h.degree()); add("degree", "igraph", s, maxdiff(value("degree"), [d[o] for o in order]))
    s, d = best(lambda: dict(g.degree())); add("degree", "networkx", s, maxdiff(value("degree"), [d[i] for i in ids]))

    def unit(xs):
        norm = sum(x * x for x in xs) ** 0.5
        return [x / norm for x in xs]
    s, e = best(lambda: h.eigenvector_centrality(scale=False)); add("eigenvector", "igraph", s, maxdiff(value("eigenvector"), unit([e[o] for o in order])))
    s, e = best(lambda: nx.eigenvector_centrality(g, max_iter=1000, tol=1e-10), runs=1); add("eigenvector", "networkx", s, maxdiff(value("eigenvector"), [e[i] for i in ids]))

    s, c = best(lambda: nx.clustering(g), runs=1); add("clustering", "networkx", s, maxdiff(value("clustering"), [c[i] for i in ids]))

    both = value("closeness_harmonic")
    s, (c, hc) = best(lambda: (h.closeness(), h.harmonic_centrality(normalized=False)), runs=1)
    add("closeness_harmonic", "igraph", s, f"closeness {maxdiff(both['closeness'], [c[o] for o in order])}, harmonic {maxdiff(both['harmonic'], [hc[o] for o in order])}")
    # networkx's harmonic_centrality runs one BFS per *source* whatever nbunch says: time it from the sampled sources,
    # and check its values on the sampled nodes from their own BFS (the same sums in an undirected graph).
    s, (c, _) = best(lambda: ({i: nx.closeness_centrality(g, u=i) for i in sample_ids}, nx.harmonic_centrality(g, sources=sample_ids)), runs=1)
    hc = {i: sum(1 / d for d in nx.single_source_shortest_path_length(g, i).values() if d > 0) for i in sample_ids}
    add("closeness_harmonic", "networkx", s * scale, f"closeness {maxdiff([both['closeness'][i] for i in sample], [c[i] for i in sample_ids])}, "
        f"harmonic {maxdiff([both['harmonic'][i] for i in sample], [hc[i] for i in sample_ids])}", "closeness_harmonic ×n/500")

    norm = 2 / ((n - 1) * (n - 2))
    s, b = best(lambda: h.betweenness(), runs=1); add("betweenness_exact", "igraph", s, maxdiff(value("betweenness_exact"), [b[o] * norm for o in order]))
    # networkx's exact betweenness is one Brandes pass per source: its 256-pivot time × n/256 (measured above).
    nx_pivots = next(r for r in rows if r[0] == name and r[1] == "betweenness_256" and r[2] == "networkx")[3]
    add("betweenness_exact", "networkx", nx_pivots * n / 256, "est. from 256 pivots", "betweenness_exact ×n/256")

    s, c = best(lambda: h.constraint(), runs=1); add("constraint", "igraph", s, maxdiff(value("constraint"), [c[o] for o in order]))
    s, c = best(lambda: nx.constraint(g, nodes=sample_ids), runs=1)
    add("constraint", "networkx", s * scale, maxdiff([value("constraint")[i] for i in sample], [c[i] for i in sample_ids]), "constraint ×n/500")
    # networkx's effective size takes about 0.3 s a node here: 100 of them.
    s, e = best(lambda: nx.effective_size(g, nodes=sample_ids[:100]), runs=1)
    add("effective_size", "networkx", s * n / 100, maxdiff([value("effective_size")[i] for i in sample[:100]], [e[i] for i in sample_ids[:100]]), "effective_size ×n/100")

    s, r = best(lambda: h.assortativity_nominal("group", directed=False)); add("assortativity", "igraph", s, f"{abs(r - value('assortativity')):.1e}")
    s, r = best(lambda: nx.attribute_assortativity_coefficient(g, "group"), runs=1); add("assortativity", "networkx", s, f"{abs(r - value('assortativity')):.1e}")
    # Neither peer has the E-I index or Gould–Fernandez roles (they live in R's sna/statnet): ClusterHub rows only.

def projection(source):
    """The bipartite projection of the CORDIS participations onto organisations, weighted by shared projects."""
    ch = clusterhub("project", source)
    row("cordis", "bipartite projection", "ClusterHub", ch["seconds"], ch["seconds"], f"{ch['nodes']} nodes, {ch['edges']} edges")
    with open(source, newline="") as f:
        pairs = [(r["pic"], "p" + r["rcn"]) for r in csv.DictReader(f)]
    orgs = sorted({p for p, _ in pairs})
    b = ig.Graph.TupleList(set(pairs), directed=False)
    b.vs["type"] = [name.startswith("p") for name in b.vs["name"]]
    s, proj = best(lambda: b.bipartite_projection(which=0, multiplicity=True), runs=1)
    row("cordis", "bipartite projection", "igraph", s, ch["seconds"], f"{proj.vcount()} nodes, {proj.ecount()} edges")
    bg = nx.Graph(); bg.add_edges_from(pairs)
    s, proj = best(lambda: nx.bipartite.weighted_projected_graph(bg, orgs), runs=1)
    row("cordis", "bipartite projection", "networkx", s, ch["seconds"], f"{proj.number_of_nodes()} nodes, {proj.number_of_edges()} edges")

graphs = [("gnm-10k-50k", write_gnm(10_000, 50_000, "gnm-10k-50k")), ("gnm-100k-1M", write_gnm(100_000, 1_000_000, "gnm-100k-1M")), ("cordis", write_cordis())]
for name, path in graphs:
    if ONLY and name not in ONLY: continue
    if path is None:
        print(f"# {name}: shared/data not found beside the repository; skipped"); continue
    # Every other measure (all-pairs ones too) only where networkx runs: the small random graph.
    ch = clusterhub("compare", path, *(["--measures"] if name == "gnm-10k-50k" else []))
    ids = ch["ids"]
    print(f"# {name}: {ch['nodes']} nodes, {ch['edges']} edges; ClusterHub CSR graph {ch['graph_bytes'] / 2**20:.1f} MiB", flush=True)
    with open(path) as f:
        next(f)
        edge_list = [tuple(l.rstrip("\n").split(",")) for l in f]
    h = ig.Graph.TupleList(edge_list, directed=False)
    index = {v["name"]: v.index for v in h.vs}
    order = [index[i] for i in ids]
    for alg in ["pagerank", "components", "core_number", "transitivity", "clustering", "betweenness_256", "louvain", "leiden"]:
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
        elif alg == "clustering":
            s, c = best(lambda: h.transitivity_local_undirected(mode="zero"))
            row(name, alg, "igraph", s, ours, maxdiff(ch[alg]["value"], [c[o] for o in order]))
        elif alg == "betweenness_256":
            # igraph has no pivot sampling: its cutoff-free exact run is not the same work, so time 256 single-source runs.
            srcs = random.Random(1).sample(range(h.vcount()), min(256, h.vcount()))
            s, _ = best(lambda: [h.distances(source=x) for x in srcs[:16]], runs=1)
            row(name, alg + " (16 BFS ×16)", "igraph", s * 16, ours, "BFS only")
        elif alg in ("louvain", "leiden"):
            # Two iterations and β = 0.01 for Leiden, the defaults of both; networkx 2.8 has no Leiden.
            run = (lambda: h.community_multilevel().membership) if alg == "louvain" else \
                  (lambda: h.community_leiden(objective_function="modularity", n_iterations=2).membership)
            ig.set_random_number_generator(random.Random(1))
            s, m = best(run, runs=1)
            qs = [h.modularity(m)]
            for seed in range(2, 6) if s < 10 else []:   # the mean of five seeds, where a run is short enough
                ig.set_random_number_generator(random.Random(seed)); qs.append(h.modularity(run()))
            q = ch[alg]["value"]
            row(name, alg, "igraph", s, ours, f"Q mean of {len(qs)}: {q['mean5']:.4f} vs {sum(qs) / len(qs):.4f} (seed 1: {q['seed1']:.4f})")
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
            elif alg == "louvain": diff = f"Q {ch[alg]['value']['seed1']:.4f} vs {value:.4f} (seed 1)"
            else: diff = "sampled"
            row(name, alg, "networkx", s, ours, diff)
            if alg == "louvain": row(name, "leiden (nx: louvain)", "networkx", s, ch["leiden"]["seconds"], f"Q {ch['leiden']['value']['seed1']:.4f} vs {value:.4f} (seed 1)")
    if "degree" in ch:
        measures(name, ch, g, h, ids, order)

cordis_source = os.path.join(root, "..", "shared", "data", "cordis_h2020_eunets", "h2020_participations.csv")
if os.path.exists(cordis_source) and (not ONLY or "cordis" in ONLY):
    projection(cordis_source)

print(f"{'graph':<13} {'algorithm':<26} {'tool':<11} {'seconds':>10} {'× ClusterHub':>13}  difference")
for g, a, t, s, r, d in rows:
    print(f"{g:<13} {a:<26} {t:<11} {s:>10.4f} {r:>13.1f}  {d}")
