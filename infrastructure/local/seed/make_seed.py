#!/usr/bin/env python3
"""Derives the local platform's seed from the project's shared reference data (../shared/data).

Run from the repository root:  python3 infrastructure/local/seed/make_seed.py
Writes infrastructure/local/src/main/resources/seed/*.csv; their README says what each holds and
what is real or derived. Deterministic: the same data gives the same files. The weekly history
itself is derived at load time from consumption-weekly.csv (LocalHistory, fixed random seed).
"""
import csv
import datetime
import pathlib
import re
import shutil
import unicodedata
from collections import OrderedDict, defaultdict

ROOT = pathlib.Path(__file__).resolve().parents[3]
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "infrastructure" / "local" / "src" / "main" / "resources" / "seed"
SMALL = {"84", "53"}  # Auvergne-Rhône-Alpes and Bretagne: the tests' seed


def write(name, header, rows):
    with open(OUT / name, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


# establishments: every FINESS site, as the extract has them
with open(DATA / "finess" / "finess-health-establishments-2021-01.csv", encoding="utf-8") as f:
    rows = list(csv.reader(f, delimiter=";"))
header, body = rows[0], rows[1:]
col = {name: i for i, name in enumerate(header)}
write("finess.csv", header, body)
write("finess-small.csv", header, [r for r in body if r[col["code_region"]] in SMALL])

# PUIs: the sites that filed the hospital-pharmacy return of the SAE 2022. Delivery address: the
# site's FINESS address (its first part, before " | BP ..."); where FINESS has none, the address
# the site gave the SAE 2023 survey.
with open(DATA / "finess" / "sae-2022-pharma.csv", encoding="latin-1") as f:
    pharma = [r["FI"] for r in csv.DictReader(f, delimiter=";")]
with open(DATA / "finess" / "sae-2023-sites.csv", encoding="latin-1") as f:
    sae_sites = {r["fi"]: r for r in csv.DictReader(f, delimiter=";")}
sites = {r[col["nofinesset"]]: r for r in body}
puis, missing = [], []
for fi in sorted(set(pharma)):
    r = sites.get(fi)
    if r is None:
        missing.append((fi, "not in the FINESS extract of 2021-01"))
        continue
    line1, postal, city, source = r[col["adresse"]].split(" | ")[0].strip(), r[col["code_postal"]], r[col["commune"]], "FINESS"
    s = sae_sites.get(fi)
    if not line1 and s is not None:
        line1 = " ".join(p for p in (s["NUMVOI"], s["TYPVOI"], s["NOMVOI"]) if p.strip()).strip()
        postal, city, source = s["CPO"] or postal, s["LIBCOM"] or city, "SAE 2023"
    if not line1:
        missing.append((fi, "no street address in FINESS nor in the SAE 2023"))
        continue
    puis.append([fi, r[col["nofinessej"]], r[col["rs"]], line1, postal, city, r[col["code_region"]], source])
puis_header = ["finessEt", "finessEj", "name", "line1", "postalCode", "city", "region", "addressFrom"]
write("puis.csv", puis_header, puis)
write("puis-small.csv", puis_header, [p for p in puis if p[6] in SMALL])
write("puis-missing.csv", ["finessEt", "why"], missing)

# UCD -> CIS: no public file links them; a UCD's RCP label (CNAM) is the specialty's name in the
# public medicines database (BDPM), so they are matched on that name, compared on its letters and
# digits only (accents, case, spaces and punctuation differ between the two). About half the UCDs
# match: the others were renamed or withdrawn since (the BDPM file is of 2025, the UCD file older).
def name_key(name):
    return re.sub(r"[^A-Z0-9]", "", unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().upper())


cis_of_name = defaultdict(list)
with open(DATA / "medicines" / "bdpm-cis-2025-07.txt", encoding="utf-8") as f:
    for line in f:
        cis, name = line.rstrip("\r\n").split("\t")[:2]
        cis_of_name[name_key(name)].append(cis)

# tracked items: marketed UCDs (état D) of critical hospital classes, grouped by ATC substance
groups = OrderedDict()
with open(DATA / "medicines" / "ucd-tot-00491.tsv", encoding="utf-8") as f:
    for r in csv.DictReader(f, delimiter="\t"):
        atc = r["code_atc"]
        if r["etat"] == "D" and len(atc) == 7 and atc[:3] in {"L01", "J01", "J05", "B01", "B02", "N01"}:
            g = groups.setdefault(atc, {"label": r["libelle_atc"], "ucds": [], "cis": []})
            g["ucds"].append(r["code_ucd"])
            g["cis"] += [c for c in cis_of_name[name_key(r["libelle_long_rcp"])] if c not in g["cis"]]
chosen = [(atc, g) for atc, g in groups.items() if len(g["ucds"]) <= 6][:40]
# the UCD file's ATC labels are upper case without accents: a pharmacist reads these names in French
FRENCH_LABELS = {
    "L01XX03": "Altrétamine", "J01XA02": "Téicoplanine", "L01AD05": "Fotémustine",
    "L01BB04": "Cladribine (formulations parentérales)", "L01XX14": "Trétinoïne", "B01AB09": "Danaparoïde",
    "L01CB01": "Étoposide", "L01XX17": "Topotécan", "J01DC01": "Céfoxitine", "J01DD01": "Céfotaxime",
    "J01DB04": "Céfazoline", "L01BA01": "Méthotrexate", "B01AD12": "Protéine C", "L01XX22": "Alitrétinoïne",
    "L01XX27": "Trioxyde d’arsenic", "J05AF08": "Adéfovir dipivoxil",
}
write("medicines.csv", ["itemId", "label", "ucds", "cis", "level", "regions"],
      [[atc.lower(), FRENCH_LABELS.get(atc, g["label"].capitalize()), " ".join(g["ucds"]), " ".join(g["cis"]),
        "REGIONAL" if i % 10 == 9 else "NATIONAL", "84" if i % 10 == 9 else ""]  # every tenth: Auvergne-Rhône-Alpes only
       for i, (atc, g) in enumerate(chosen)])

# the medicines agency's shortage and supply-tension statuses, as published (keyed by CIS)
shutil.copyfile(DATA / "medicines" / "bdpm-cis-cip-dispo-spec-2025-07.txt", OUT / "bdpm-cis-cip-dispo-spec.txt")

# real consumption: one pharmacy's daily sales of 8 ATC classes, summed by ISO week (whole weeks only)
CLASSES = ["M01AB", "M01AE", "N02BA", "N02BE", "N05B", "N05C", "R03", "R06"]
weeks, days = defaultdict(lambda: [0.0] * len(CLASSES)), defaultdict(int)
with open(DATA / "consumption" / "pharmacy-sales-daily-2014-2019.csv", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        m, d, y = (int(x) for x in r["datum"].split("/"))
        iso = datetime.date(y, m, d).isocalendar()
        key = "%d-W%02d" % (iso[0], iso[1])
        days[key] += 1
        for i, c in enumerate(CLASSES):
            weeks[key][i] += float(r[c])
write("consumption-weekly.csv", ["week"] + CLASSES,
      [[k] + ["%.2f" % v for v in weeks[k]] for k in sorted(weeks) if days[k] == 7])
print("sites %d, PUIs %d (missing %d), items %d, weeks %d" % (
    len(body), len(puis), len(missing), len(chosen), sum(1 for k in weeks if days[k] == 7)))
