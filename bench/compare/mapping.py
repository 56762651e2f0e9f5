#!/usr/bin/env python3
"""Side by side: ClusterHub's `map` verbs and pandas on the same files, end to end (CSV read, compute, CSV write).

Writes a seeded region x industry x year table (3,000 regions x 1,000 industries x 10 years; a cell is present with a
probability that grows with the region's size and the industry's prevalence, about one in six, and 2 % of present
cells are suppressed, written "s"), then runs all location quotients and a shift-share (first year to last) in
ClusterHub (the Release build of src/ClusterHub) and in pandas (Debian's python3-pandas), each a fresh process per
verb (start-up, imports and JIT included on both sides), and the same on the real URSSAF file (samples/mapping, one
column per year). Prints wall seconds and CPU seconds (user + system) of each, the wall ratio, each one's peak memory
(max RSS), and the largest difference between the two tools' values. On a loaded machine the CPU seconds are the
steadier figure; ClusterHub runs some steps on both cores, pandas on one.
With --repeat N each side runs N times, alternating, and its fastest run is shown (wall, with that run's CPU and memory).
Run: dotnet build -c Release src/ClusterHub && /usr/bin/python3 bench/compare/mapping.py [--only seeded|urssaf] [--repeat N]
"""
import os, subprocess, sys, time

root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
work = os.path.join(root, "bench", "compare", "out")
os.makedirs(work, exist_ok=True)
ONLY = sys.argv[sys.argv.index("--only") + 1].split(",") if "--only" in sys.argv else ["seeded", "urssaf"]
REPEAT = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 1

try:
    import numpy as np, pandas as pd
except ImportError:
    subprocess.run(["apt-get", "install", "-y", "-qq", "python3-pandas"], check=True)
    import numpy as np, pandas as pd

CLUSTERHUB = ["dotnet", os.path.join(root, "src", "ClusterHub", "bin", "Release", "net10.0", "ClusterHub.dll")]
if not os.path.exists(CLUSTERHUB[1]):
    sys.exit("build first: dotnet build -c Release src/ClusterHub")

def write_seeded(regions=3000, industries=1000, years=10, seed=1):
    path = os.path.join(work, f"regional-{regions}x{industries}x{years}.csv")
    if os.path.exists(path): return path
    rng = np.random.default_rng(seed)
    size = rng.lognormal(0, 1.2, regions)            # region sizes: a few metropoles, many small places
    prevalence = rng.beta(0.6, 2.5, industries)      # industries: a few everywhere, most rare
    p = np.clip(np.outer(size / size.mean(), prevalence) * 0.8, 0, 1)
    present = rng.random((regions, industries)) < p
    r, i = np.nonzero(present)
    base = rng.lognormal(2.5, 1.3, r.size) * size[r] ** 0.5
    rcodes = np.array([f"{k:05d}" for k in range(regions)])   # leading zeros, as commune or FIPS codes
    icodes = np.array([f"{k // 10:02d}{k % 10}{'ABCZ'[k % 4]}" for k in range(industries)])
    frames = []
    for y in range(years):
        value = np.round(base * rng.lognormal(0.02 * y, 0.1, r.size)).astype(np.int64)
        text = value.astype(str)
        text[rng.random(r.size) < 0.02] = "s"
        frames.append(pd.DataFrame({"region": rcodes[r], "industry": icodes[i], "year": 2010 + y, "emp": text}))
    pd.concat(frames).to_csv(path, index=False)
    return path

def process(command):
    """Wall seconds, CPU seconds (user + system) and peak RSS in MB of one child process, as GNU time reports them: a
    child forked from this Python would count the parent's pages (the seeded table) in its peak."""
    report = os.path.join(work, "time.txt")
    done = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", report] + command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0: sys.exit(done.stderr)
    wall, user, system, rss = open(report).read().split()[-4:]
    return float(wall), float(user) + float(system), int(rss) / 1024

def clusterhub(args):
    return process(CLUSTERHUB + args)

def pandas(verb, *args):
    return process([sys.executable, os.path.abspath(__file__), "pandas", verb] + [str(a) for a in args])

def pandas_lq(path, out, wide=None):
    df = read(path, wide)
    df["total_r"] = df.groupby(["region", "year"])["emp"].transform("sum")
    df["total_i"] = df.groupby(["industry", "year"])["emp"].transform("sum")
    df["total"] = df.groupby("year")["emp"].transform("sum")
    df["lq"] = (df["emp"] / df["total_r"]) / (df["total_i"] / df["total"])
    df[["region", "industry", "year", "emp", "lq"]].rename(columns={"emp": "value"}).to_csv(out, index=False)

def pandas_shiftshare(path, out, y0, y1, wide=None):
    df = read(path, wide)
    a = df[df["year"] == y0].set_index(["region", "industry"])["emp"]
    z = df[df["year"] == y1].set_index(["region", "industry"])["emp"]
    both = pd.concat([a.rename("e0"), z.rename("e1")], axis=1, join="inner").reset_index()
    g = both["e1"].sum() / both["e0"].sum() - 1
    by = both.groupby("industry")[["e0", "e1"]].transform("sum")
    gi = by["e1"] / by["e0"] - 1
    both["national_growth"] = both["e0"] * g
    both["industry_mix"] = (both["e0"] * (gi - g)).where(both["e0"] != 0, 0.0)
    both["regional_shift"] = both["e1"] - both["e0"] - both["national_growth"] - both["industry_mix"]
    both["year"] = y1
    both.rename(columns={"e1": "value"})[["region", "industry", "year", "value", "national_growth", "industry_mix", "regional_shift"]].to_csv(out, index=False)

def read(path, wide):
    if wide is None:
        df = pd.read_csv(path, dtype={"region": str, "industry": str}, na_values=["s"], keep_default_na=True)
        return df.dropna(subset=["emp"])
    region, industry, prefix = wide
    df = pd.read_csv(path, sep=";", dtype=str, usecols=lambda c: c in (region, industry) or c.startswith(prefix))
    long = df.melt(id_vars=[region, industry], var_name="year", value_name="emp").dropna(subset=["emp"])
    long["year"] = long["year"].str[-4:].astype(int)
    long["emp"] = long["emp"].astype(float)
    return long.rename(columns={region: "region", industry: "industry"}).groupby(["region", "industry", "year"], as_index=False)["emp"].sum()


def difference(ours, theirs, columns):
    a = pd.read_csv(ours, dtype={"region": str, "industry": str}, encoding="utf-8-sig")
    b = pd.read_csv(theirs, dtype={"region": str, "industry": str})
    m = a.merge(b, on=["region", "industry", "year"], suffixes=("", "_pd"))
    if len(m) != len(a) or len(m) != len(b): return f"rows differ: {len(a)} vs {len(b)}"
    return max(float((m[c] - m[c + "_pd"]).abs().max()) for c in columns)

def run(name, path, columns, y0, y1, wide=None):
    out = lambda tool, verb: os.path.join(work, f"{name.split()[0]}-{verb}-{tool}.csv")
    shape = "wide" if wide else "long"
    for verb, label, extra, measured in [
        ("lq", "all LQs", [], ["lq"]),
        ("shiftshare", f"shift-share {y0}-{y1}", ["--from", str(y0), "--to", str(y1)], ["national_growth", "industry_mix", "regional_shift"]),
    ]:
        # The best of REPEAT runs of each, alternating, as hyperfine's minimum: the figure least disturbed by the machine.
        runs = [(clusterhub(["map", verb, path] + columns + extra + ["-o", out("clusterhub", verb)]),
                 pandas(verb, path, out("pandas", verb), shape, y0, y1)) for _ in range(REPEAT)]
        ch = min((r[0] for r in runs), key=lambda m: m[0])
        pd_ = min((r[1] for r in runs), key=lambda m: m[0])
        diff = difference(out("clusterhub", verb), out("pandas", verb), measured)
        print(f"{name:<22} {label:<22} clusterhub {ch[0]:6.2f} s wall {ch[1]:6.2f} s CPU {ch[2]:5.0f} MB | "
              f"pandas {pd_[0]:6.2f} s wall {pd_[1]:6.2f} s CPU {pd_[2]:5.0f} MB | ratio wall {pd_[0] / ch[0]:4.1f}x CPU {pd_[1] / ch[1]:4.1f}x | "
              f"max diff {diff if isinstance(diff, str) else format(diff, '.3g')}", flush=True)

URSSAF_WIDE = ("Code commune", "Code APE", "Effectifs salariés ")

if sys.argv[1:2] == ["pandas"]:
    # The pandas side, run as its own process by run(): pandas VERB FILE OUT long|wide Y0 Y1
    verb, path, out, shape, y0, y1 = sys.argv[2:8]
    wide = URSSAF_WIDE if shape == "wide" else None
    if verb == "lq": pandas_lq(path, out, wide)
    else: pandas_shiftshare(path, out, int(y0), int(y1), wide)
    sys.exit(0)

if "seeded" in ONLY:
    path = write_seeded()
    lines = sum(1 for _ in open(path)) - 1
    print(f"seeded table: {lines:,} rows, {os.path.getsize(path) / 1e6:.0f} MB", flush=True)
    run("seeded 3000x1000x10", path, ["--region", "region", "--industry", "industry", "--value", "emp", "--year", "year"], 2010, 2019)
if "urssaf" in ONLY:
    path = os.path.join(root, "samples", "mapping", "urssaf-rouen-commune-ape.csv")
    run("urssaf rouen", path, ["--region", "Code commune", "--industry", "Code APE", "--value", "Effectifs salariés {year}"], 2006, 2022,
        wide=URSSAF_WIDE)
