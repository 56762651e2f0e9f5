#!/usr/bin/env python3
"""Writes the illustrative part of the Nuclear Valley demo: members.csv, dues-tiers.csv, payments.csv.

Deterministic (fixed seed): run it again and the files do not change. The founding members and
the aggregate figures come from the source paper (see README.md); every other record is made up.
Run with: /usr/bin/python3 samples/nuclear-valley/generate.py
"""
import csv, os, random

rng = random.Random(2005)
here = os.path.dirname(os.path.abspath(__file__))

# (name, type, headcount, turnover, departement, city, sectors) -- the nine founding members (paper, note 4).
founding = [
    ("Areva", "LargeCompany", 5200, 3_500_000_000, "71", "Saint-Marcel", "25.30 33.12"),
    ("Sfarsteel", "LargeCompany", 420, 90_000_000, "71", "Le Creusot", "24.10 25.50"),
    ("EDF", "LargeCompany", 9000, 5_000_000_000, "69", "Lyon", "35.11"),
    ("UIMM Saône-et-Loire", "IndustryAssociation", 25, None, "71", "Chalon-sur-Saône", "94.11"),
    ("Valinox Nuclear", "LargeCompany", 600, 200_000_000, "21", "Montbard", "24.20"),
    ("CEA", "ResearchOrganisation", 1000, None, "21", "Is-sur-Tille", "72.19"),
    ("Arts et Métiers ENSAM Cluny", "EngineeringSchool", 200, None, "71", "Cluny", "85.42"),
    ("Université de Bourgogne", "University", 2800, None, "21", "Dijon", "85.42"),
    ("IUT de Chalon-sur-Saône et du Creusot", "TechnicalInstitute", 150, None, "71", "Le Creusot", "85.42"),
]

home_deps = ["71"] * 10 + ["21"] * 6 + ["58", "89", "25", "39", "70", "90"] + ["69"] * 6 + ["26"] * 4 + ["38"] * 3 + ["42", "01", "07", "63", "73", "74"]
elsewhere_deps = ["75", "92", "78", "91", "59", "62", "44", "49", "33", "64", "13", "84", "30", "50", "14", "76", "57", "67", "54", "37", "45", "31", "35"]
cities = {
    "71": ["Chalon-sur-Saône", "Le Creusot", "Montceau-les-Mines", "Mâcon", "Saint-Marcel", "Torcy", "Autun"], "21": ["Dijon", "Beaune", "Montbard", "Chenôve"],
    "58": ["Nevers"], "89": ["Auxerre", "Sens"], "25": ["Besançon", "Montbéliard"], "39": ["Dole"], "70": ["Vesoul"], "90": ["Belfort"],
    "69": ["Lyon", "Villeurbanne", "Vénissieux", "Saint-Priest"], "26": ["Montélimar", "Pierrelatte", "Valence", "Romans-sur-Isère"],
    "38": ["Grenoble", "Bourgoin-Jallieu"], "42": ["Saint-Étienne"], "01": ["Bourg-en-Bresse"], "07": ["Annonay"], "63": ["Clermont-Ferrand"],
    "73": ["Chambéry"], "74": ["Annecy"], "75": ["Paris"], "92": ["Courbevoie", "Nanterre"], "78": ["Saclay", "Versailles"], "91": ["Évry", "Massy"],
    "59": ["Lille", "Dunkerque"], "62": ["Arras"], "44": ["Nantes", "Saint-Nazaire"], "49": ["Angers"], "33": ["Bordeaux", "Mérignac"],
    "64": ["Pau"], "13": ["Marseille", "Aix-en-Provence"], "84": ["Avignon"], "30": ["Bagnols-sur-Cèze", "Nîmes"], "50": ["Cherbourg-en-Cotentin"],
    "14": ["Caen"], "76": ["Rouen", "Le Havre"], "57": ["Metz"], "67": ["Strasbourg"], "54": ["Nancy"], "37": ["Tours", "Chinon"], "45": ["Orléans"],
    "31": ["Toulouse"], "35": ["Rennes"],
}
prefix = ["Forges", "Mécanique", "Chaudronnerie", "Usinage", "Soudure", "Robotique", "Contrôle", "Métrologie", "Ingénierie", "Tuyauterie",
          "Fonderie", "Électronique", "Simulation", "Maintenance", "Démantèlement", "Robinetterie", "Thermique", "Composites", "Vannes", "Logistique"]
suffix = ["de Bourgogne", "du Creusot", "Saône Industrie", "Rhône Process", "Atome", "Nucléo", "Précision", "Technologies", "Services",
          "Systèmes", "Innovation", "Expertise", "Industries", "& Fils", "Valley", "Énergie", "Solutions", "Assemblage", "Conseil", "Ouest"]
sectors_by = ["25.11", "25.62", "28.14", "33.12", "71.12", "26.51", "24.10", "25.29", "43.22", "72.19", "62.01", "38.12"]
edu_kinds = [("University", "Université"), ("EngineeringSchool", "École d'ingénieurs"), ("TechnicalInstitute", "IUT"),
             ("ResearchOrganisation", "Laboratoire"), ("TrainingBody", "Centre de formation")]

def company(kind):
    ranges = {"LargeCompany": (250, 3000, 60e6, 800e6), "MidSizeCompany": (50, 249, 10e6, 50e6),
              "Sme": (10, 49, 2e6, 10e6), "MicroStartup": (1, 9, 1e5, 2e6)}[kind]
    return rng.randint(ranges[0], ranges[1]), int(rng.uniform(ranges[2], ranges[3]) // 1000 * 1000)

used = set(f[0] for f in founding)
def unique(name):
    base, n = name, 2
    while name in used:
        name = f"{base} {n}"; n += 1
    used.add(name)
    return name

rows = []
for name, kind, head, turnover, dep, city, sectors in founding:
    rows.append(dict(name=name, type=kind, headcount=head, turnover_eur=turnover or "", departement=dep, city=city, sector_codes=sectors,
                     founding_member="yes", joined_on="2005-07-12", status="Active", status_since=""))

# 2019 target: 270 active = 229 companies + 40 education/research + 1 association (UIMM);
# 162 (60 %) in Bourgogne-Franche-Comté and Auvergne-Rhône-Alpes. Founding: 4 companies, 4 edu/research, 1 association, 8 at home.
company_kinds = ["LargeCompany"] * 16 + ["MidSizeCompany"] * 35 + ["Sme"] * 130 + ["MicroStartup"] * 44   # 225 + 4 founding = 229
edu = [edu_kinds[i % len(edu_kinds)] for i in range(36)]                                                     # 36 + 4 founding = 40
home_left = 162 - 8
active_new = [("company", k) for k in company_kinds] + [("edu", e) for e in edu]
rng.shuffle(active_new)
departed = [("company", rng.choice(["Sme", "MicroStartup", "MidSizeCompany"])) for _ in range(28)]

def join_date(lo, hi):
    year = rng.randint(lo, hi)
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", year

def make(kind, is_home, active):
    if kind[0] == "company":
        name = unique(f"{rng.choice(prefix)} {rng.choice(suffix)}")
        head, turnover = company(kind[1])
        t = kind[1]
    else:
        t, label = kind[1]
        dep_city = None
        name = None
        head, turnover = rng.randint(20, 900), ""
    dep = rng.choice(home_deps if is_home else elsewhere_deps)
    city = rng.choice(cities[dep])
    if kind[0] == "edu":
        name = unique(f"{label} {city}")
    # Growth: the base grows steadily after the 2005 label and faster after 2010 (paper: momentum of 2010).
    joined, year = join_date(2005, 2019) if rng.random() < 0.55 else join_date(2010, 2019)
    row = dict(name=name, type=t, headcount=head, turnover_eur=turnover, departement=dep, city=city,
               sector_codes=rng.choice(sectors_by) if kind[0] == "company" else "85.42" if t != "ResearchOrganisation" else "72.19",
               founding_member="no", joined_on=joined, status="Active", status_since="")
    if not active:
        left_year = rng.randint(min(year + 1, 2019), 2019)
        row["status"] = "Left"
        row["status_since"] = f"{left_year}-{rng.randint(1, 12):02d}-28"
        if row["status_since"] < joined:
            row["status_since"] = joined
    return row

for i, kind in enumerate(active_new):
    rows.append(make(kind, i < home_left, True))
for kind in departed:
    rows.append(make(kind, rng.random() < 0.6, False))

for r in rows:
    r["country"] = "FR"
    slug = "".join(ch for ch in r["name"].lower() if ch.isalnum())[:20]
    r.update(contact_name=f"Contact {r['name']}", contact_role="Directeur" if r["type"].endswith("Company") or r["type"] in ("Sme", "MicroStartup") else "Responsable partenariats",
             contact_email=f"contact@{slug}.example", contact_phone="", contact_consent="yes" if rng.random() < 0.8 else "no")

columns = ["name", "type", "headcount", "turnover_eur", "national_id", "country", "region", "departement", "nuts_code", "city",
           "sector_codes", "founding_member", "joined_on", "status", "status_since",
           "contact_name", "contact_role", "contact_email", "contact_phone", "contact_consent"]
with open(os.path.join(here, "members.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, columns, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({c: r.get(c, "") for c in columns})

# Dues tiers 2016-2019: companies pay by size class; other members a flat rate. Indexed +2 % a year.
base = {("Micro"): 300, ("Small"): 800, ("Medium"): 2000, ("Large"): 6000, ("Unknown"): 800}
flat = {"University": 1500, "EngineeringSchool": 1000, "TechnicalInstitute": 500, "ResearchOrganisation": 3000,
        "TrainingBody": 500, "PublicBody": 1000, "IndustryAssociation": 500, "FunderInvestor": 1500}
with open(os.path.join(here, "dues-tiers.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["year", "member_type", "size_class", "amount_eur"])
    for year in range(2016, 2020):
        k = 1.02 ** (year - 2016)
        for t in ["LargeCompany", "MidSizeCompany", "Sme", "MicroStartup"]:
            for size, amount in base.items():
                w.writerow([year, t, size, round(amount * k)])
        for t, amount in flat.items():
            w.writerow([year, t, "Unknown", round(amount * k)])

# Payments: most members pay within two months; a few never do (overdue), one or two a year are written off.
with open(os.path.join(here, "payments.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["year", "member_name", "city", "outcome", "paid_on"])
    for year in range(2016, 2020):
        for r in rows:
            if r["status"] != "Active" or int(r["joined_on"][:4]) > year:
                continue
            x = rng.random()
            if x < 0.86:
                w.writerow([year, r["name"], r["city"], "paid", f"{year}-{rng.randint(2, 3):02d}-{rng.randint(1, 28):02d}"])
            elif x < 0.89:
                w.writerow([year, r["name"], r["city"], "written_off", ""])
print(f"{len(rows)} members written")
