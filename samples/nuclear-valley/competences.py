#!/usr/bin/env python3
"""Writes competence-taxonomy.csv and competences.csv for the Nuclear Valley demo, deterministically (seed 2009,
the year of the cluster's first competence map). The taxonomy and its needs follow the source paper's three strategic
areas; every declaration is illustrative. Run: /usr/bin/python3 samples/nuclear-valley/competences.py
"""
import csv, os, random

HERE = os.path.dirname(os.path.abspath(__file__))
# code, name, technology domain, value-chain stage, needs per strategic area (A1 eco-manufacturing and durability of
# medium and large components, A2 management of high-performance components, A3 maintenance and dismantling under
# extreme conditions)
TAXONOMY = [
    ("DESIGN", "Design and engineering", "Engineering", "DESIGN", "A1=3; A2=3"),
    ("MATER", "Materials", "Materials", "MANUFACTURING", "A1=4; A2=3"),
    ("FORGE", "Forging", "Manufacturing", "MANUFACTURING", "A1=4"),
    ("WELD", "Welding", "Manufacturing", "MANUFACTURING", "A1=3; A3=3"),
    ("MACH", "Machining", "Manufacturing", "MANUFACTURING", "A1=3; A2=2"),
    ("COAT", "Surface treatment and coating", "Materials", "MANUFACTURING", "A1=3; A2=2"),
    ("NDT", "Non-destructive testing", "Inspection", "OPERATION", "A1=3; A2=3; A3=3"),
    ("METRO", "Metrology", "Inspection", "MANUFACTURING", "A2=3"),
    ("ROBOT", "Robotics", "Digital and automation", "OPERATION", "A3=4"),
    ("SIMU", "Digital simulation", "Digital and automation", "DESIGN", "A1=2; A2=4"),
    ("INSTR", "Instrumentation and control", "Digital and automation", "OPERATION", "A2=3"),
    ("DISM", "Dismantling", "Dismantling and waste", "DISMANTLING", "A3=4"),
    ("WASTE", "Waste treatment", "Dismantling and waste", "DISMANTLING", "A3=3"),
    ("SAFE", "Safety and security", "Safety", "OPERATION", "A1=2; A2=2; A3=4"),
    ("TRAIN", "Training", "Skills", "", "A1=2; A2=2; A3=2"),
]
# The level-4 holders, named so that the gap analysis tells a story: forging and digital simulation at the top level
# rest on one member each (single-actor dependences), dismantling on one, robotics at level 4 on nobody.
TOP = {"FORGE": ["Sfarsteel"], "MATER": ["CEA", "Areva"], "SIMU": ["CEA"], "DISM": ["EDF"], "SAFE": ["EDF", "Areva"],
       "DESIGN": ["Areva", "EDF"], "NDT": ["Areva", "EDF"]}
CERTIFICATIONS = ["RCC-M", "ISO 19443", "ISO 9001", "EN 9100", "ISO 14001", "ISO 9712", "MASE", "CEFRI"]
HOME = {"27", "84"}  # the regions of the cluster's offices (cluster.json)
REGION_OF = {d: r for r, ds in {"27": "21 25 39 58 70 71 89 90", "84": "01 03 07 15 26 38 42 43 63 69 73 74"}.items() for d in ds.split()}


def main():
    rng = random.Random(2009)
    with open(os.path.join(HERE, "competence-taxonomy.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "name", "domain", "stage", "description", "needs"])
        for code, name, domain, stage, needs in TAXONOMY:
            w.writerow([code, name, domain, stage, "", needs])
    with open(os.path.join(HERE, "members.csv"), encoding="utf-8") as f:
        members = [m for m in csv.DictReader(f) if m["status"] == "Active" and m["type"] not in ("IndustryAssociation", "PublicBody", "FunderInvestor")]
    codes = [t[0] for t in TAXONOMY]
    rows = []
    for m in members:
        home = REGION_OF.get(m["departement"], "") in HOME
        chosen = set(c for c, holders in TOP.items() if m["name"] in holders)
        chosen |= set(rng.sample(codes, rng.randint(1, 4)))
        for code in sorted(chosen, key=codes.index):
            level = 4 if m["name"] in TOP.get(code, []) else rng.choice([1, 2, 2, 3, 3])
            if code == "METRO" and home:
                level = min(level, 2)  # top metrology only outside the home regions
            certs = "; ".join(sorted(rng.sample(CERTIFICATIONS, rng.randint(0, 2))))
            year = max(int(m["joined_on"][:4]), 2009) + rng.randint(0, 3)
            state = "Validated" if rng.random() < 0.88 or level == 4 else rng.choice(["Declared", "Declared", "Rejected"])
            rows.append([m["name"], "", code, level, certs, "", f"{min(year, 2019)}-{rng.randint(1, 12):02d}-01", state])
    with open(os.path.join(HERE, "competences.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["member", "national_id", "competence", "level", "certifications", "references", "declared_on", "state"])
        w.writerows(rows)
    print(f"{len(TAXONOMY)} competences, {len(rows)} declarations of {len(members)} members")


if __name__ == "__main__":
    main()
