"""Benchmark: importing a national CBS Kerncijfers file (2024 StatLine form, 129 columns).

Generates a file the size of the Netherlands -- one row for the country, 342 gemeenten, about
3,400 wijken and 14,000 buurten, every column of table 85984NED, random but plausible values
per unit, 5% of the cells "." (missing) -- and measures on the configured database
(``DATABASE_URL``; without it SQLite), in a throwaway test database:

* reading and checking the file (pandas, no database);
* the first import: figures of ~17,700 regions plus the gemeenten, wijken and buurten;
* importing the same file again ("niets gewijzigd");
* a file in which one region in ten changed.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wup python benchmarks/bench_cbs_import.py

Exits with 1 if an import does not end as expected (so the figures are of a working import).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wup.settings")
os.environ.setdefault("WUP_ENV", "test")

import django

django.setup()

import numpy as np  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402

from benchmarks import _gemeenschappelijk as gm  # noqa: E402
from wijktoets.cbs.lezen import lees_inhoud  # noqa: E402
from wijktoets.models import KerncijferImport, KerncijferRegio  # noqa: E402
from wijktoets.services.kerncijfers import (  # noqa: E402
    kerncijfer_import_aanmaken,
    kerncijfer_import_uitvoeren,
)
from wup.models import Buurt  # noqa: E402

DATAPROPERTIES = Path(__file__).resolve().parent.parent / "wijktoets" / "data"
DATAPROPERTIES /= "cbs_85984NED_dataproperties.csv"

#: Plausible ranges per CBS unit (low, high, decimals).
BEREIK = {
    "aantal": (0, 5000, 0),
    "%": (0, 100, 0),
    "kWh": (1200, 4500, 0),
    "m³": (300, 2200, 0),
    "x 1 000 euro": (20, 900, 1),
    "per 1 000 inwoners": (0, 30, 0),
    "aantal inwoners per km²": (10, 9000, 0),
    "per huishouden": (0, 2, 1),
    "per km²": (10, 9000, 0),
    "km": (0, 10, 1),
    "ha": (1, 5000, 0),
    "code": (1, 5, 0),
}


def kolommen() -> list[dict]:
    with DATAPROPERTIES.open(encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def regiocodes(gemeenten: int = 342, wijken: int = 10, buurten: int = 4) -> list[str]:
    codes = ["NL00"]
    for g in range(gemeenten):
        gm = f"{g * 5 + 3:04d}"
        codes.append(f"GM{gm}")
        for w in range(wijken):
            codes.append(f"WK{gm}{w:02d}")
            codes += [f"BU{gm}{w:02d}{b:02d}" for b in range(buurten)]
    return codes


def genereer(codes: list[str], seed: int, wijzig_fractie: float = 0.0) -> bytes:
    """A StatLine CSV as CBS writes it: semicolons, padded codes, "." for missing."""
    rng = np.random.default_rng(seed)
    props = kolommen()
    n = len(codes)
    gewijzigd = rng.random(n) < wijzig_fractie  # whole regions change, not single cells
    kolomdata = {}
    basis = np.random.default_rng(1)  # the same values for every file, then some changed
    for p in props[1:]:
        sleutel, eenheid = p["Key"], p["Unit"]
        if eenheid in ("naam", "omschrijving") or sleutel == "Codering_3":
            continue
        if sleutel == "MeestVoorkomendePostcode_125":
            kolomdata[sleutel] = np.array([f"{i % 9000 + 1000:04d}" for i in range(n)])
            continue
        laag, hoog, decimalen = BEREIK[eenheid]
        waarden = np.round(basis.uniform(laag, hoog, n), int(decimalen))
        waarden = np.where(gewijzigd, waarden + 1, waarden)
        tekst = waarden.astype(str) if decimalen else waarden.astype(int).astype(str)
        tekst[basis.random(n) < 0.05] = "       ."
        kolomdata[sleutel] = tekst
    soort = {"NL": "Land", "GM": "Gemeente", "WK": "Wijk", "BU": "Buurt"}
    uit = io.StringIO()
    w = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    w.writerow(["ID", *(p["Key"] for p in props)])
    for i, code in enumerate(codes):
        rij = [i, code.ljust(10), f"Gemeente {code[2:6]}".ljust(40), soort[code[:2]].ljust(10)]
        rij.append(code.ljust(10))
        rij += [kolomdata[p["Key"]][i] for p in props[4:]]
        w.writerow(rij)
    return uit.getvalue().encode()


def importeer(data: bytes, naam: str) -> tuple[KerncijferImport, float]:
    start = time.perf_counter()
    imp = kerncijfer_import_aanmaken(bestand=io.BytesIO(data), bestandsnaam=naam, in_wachtrij=False)
    imp = kerncijfer_import_uitvoeren(import_id=imp.pk)
    return imp, time.perf_counter() - start


def database_description() -> str:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
    return f"{connection.vendor} {connection.Database.sqlite_version}"


class _ZonderMigraties(dict):
    """Build the throwaway schema straight from the models (as ``pytest --nomigrations``)."""

    def __contains__(self, item) -> bool:
        return True

    def __getitem__(self, item):
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gemeenten", type=int, default=342)
    gm.json_argument(parser)
    args = parser.parse_args()

    codes = regiocodes(args.gemeenten)
    start = time.perf_counter()
    bestand = genereer(codes, seed=2024)
    gewijzigd = genereer(codes, seed=7, wijzig_fractie=0.1)
    genereren = time.perf_counter() - start

    start = time.perf_counter()
    inhoud = lees_inhoud(bestand)
    lezen = time.perf_counter() - start
    assert inhoud.aantal == len(codes) and inhoud.jaar == 2024

    fouten = []
    settings.MIGRATION_MODULES = _ZonderMigraties()
    # Its own throwaway database, so a test run on the same server is not disturbed.
    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = "test_wup_bench_cbs_import"
    old_config = setup_databases(verbosity=0, interactive=False)
    with tempfile.TemporaryDirectory() as media:
        settings.MEDIA_ROOT = media
        try:
            eerste, t_eerste = importeer(bestand, "85984NED-landelijk.csv")
            if eerste.status != "geslaagd" or KerncijferRegio.objects.count() != len(codes):
                fouten.append(f"eerste import: {eerste.status} {eerste.samenvatting}")
            buurten = Buurt.objects.count()
            tweede, t_tweede = importeer(bestand, "85984NED-landelijk-opnieuw.csv")
            if tweede.status != "ongewijzigd":
                fouten.append(f"tweede import: {tweede.status} {tweede.samenvatting}")
            derde, t_derde = importeer(gewijzigd, "85984NED-landelijk-gewijzigd.csv")
            if derde.status != "geslaagd" or not derde.aantal_gewijzigd:
                fouten.append(f"derde import: {derde.status} {derde.samenvatting}")
            description = database_description()
        finally:
            teardown_databases(old_config, verbosity=0)

    omgeving = (
        f"{description}, Python {platform.python_version()}, "
        f"Django {django.get_version()}, pandas {__import__('pandas').__version__}"
    )
    bestand_regel = (
        f"File: {len(codes)} regions × {len(kolommen())} columns, "
        f"{len(bestand) / 1024**2:.1f} MB (generated in {genereren:.1f} s); "
        f"{buurten} buurten created"
    )
    print(f"CBS Kerncijfers import — {omgeving}\n")
    print(f"{bestand_regel}\n")
    tabel = gm.Tabel(["step", "seconds", "regions written"], "lrr")
    tabel.rij("read and check the file (pandas only)", f"{lezen:.2f}", "–")
    tabel.rij("first import (figures + areas)", f"{t_eerste:.2f}", eerste.aantal_nieuw)
    tabel.rij("same file again (niets gewijzigd)", f"{t_tweede:.2f}", 0)
    tabel.rij("one region in ten changed", f"{t_derde:.2f}", derde.aantal_gewijzigd)
    print(tabel.markdown())
    gm.Uitkomst(
        benchmark="cbs_import",
        titel="Importing a national CBS Kerncijfers file",
        omgeving=omgeving,
        tabellen=[tabel],
        doelen=[
            gm.Doel(
                "imports end as expected",
                "geslaagd, then ongewijzigd, then geslaagd with changes",
                f"{eerste.status}, {tweede.status}, {derde.status}",
                not fouten,
            ),
            gm.Doel("first national import", "≤ 60 s", f"{t_eerste:.1f} s", t_eerste <= 60),
        ],
        opmerkingen=[bestand_regel],
        fouten=fouten,
    ).schrijf(args.json)
    for fout in fouten:
        print(fout, file=sys.stderr)
    return 1 if fouten else 0


if __name__ == "__main__":
    sys.exit(main())
