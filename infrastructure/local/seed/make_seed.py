#!/usr/bin/env python3
"""Derives the local platform's seed from the project's shared reference data (../shared/data).

Run from the repository root:  python3 infrastructure/local/seed/make_seed.py
Writes infrastructure/local/src/main/resources/seed/{finess,puis,medicines}.csv; their README
says what each holds. Deterministic: the same data gives the same files.
"""
import csv
import pathlib
from collections import OrderedDict

ROOT = pathlib.Path(__file__).resolve().parents[3]
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "infrastructure" / "local" / "src" / "main" / "resources" / "seed"
REGIONS = {"84", "53"}  # Auvergne-Rhône-Alpes and Bretagne

# establishments: every row of the two regions, as the FINESS extract has them
with open(DATA / "finess" / "finess-health-establishments-2021-01.csv", encoding="utf-8") as f:
    rows = list(csv.reader(f, delimiter=";"))
header = rows[0]
body = [r for r in rows[1:] if r[header.index("code_region")] in REGIONS]
with open(OUT / "finess.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, delimiter=";", lineterminator="\n")
    w.writerow(header)
    w.writerows(body)

# PUIs: the sites of those regions that filed the hospital-pharmacy return of the SAE 2022
with open(DATA / "finess" / "sae-2022-pharma.csv", encoding="latin-1") as f:
    pharma = {r["FI"] for r in csv.DictReader(f, delimiter=";")}
col = {name: i for i, name in enumerate(header)}
with open(OUT / "puis.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, delimiter=";", lineterminator="\n")
    w.writerow(["finessEt", "finessEj", "name", "line1", "postalCode", "city"])
    for r in body:
        if r[col["nofinesset"]] in pharma:
            w.writerow([r[col["nofinesset"]], r[col["nofinessej"]], r[col["rs"]],
                        r[col["adresse"]].split(" | ")[0], r[col["code_postal"]], r[col["commune"]]])

# tracked items: marketed UCDs (état D) of critical hospital classes, grouped by ATC substance
groups = OrderedDict()
with open(DATA / "medicines" / "ucd-tot-00491.tsv", encoding="utf-8") as f:
    for r in csv.DictReader(f, delimiter="\t"):
        atc = r["code_atc"]
        if r["etat"] == "D" and len(atc) == 7 and atc[:3] in {"L01", "J01", "J05", "B01", "B02", "N01"}:
            groups.setdefault(atc, {"label": r["libelle_atc"], "ucds": []})["ucds"].append(r["code_ucd"])
chosen = [(atc, g) for atc, g in groups.items() if len(g["ucds"]) <= 6][:40]
with open(OUT / "medicines.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, delimiter=";", lineterminator="\n")
    w.writerow(["itemId", "label", "ucds", "level", "regions"])
    for i, (atc, g) in enumerate(chosen):
        regional = i % 10 == 9  # every tenth item tracked by Auvergne-Rhône-Alpes only
        w.writerow([atc.lower(), g["label"].capitalize(), " ".join(g["ucds"]),
                    "REGIONAL" if regional else "NATIONAL", "84" if regional else ""])
