"""Benchmark: the calculation engine of step 2 (``techniek.engine``), no database involved.

1. One buurt of 2,000 dwellings (plus some non-residential buildings), the reference and all 8
   standard alternatives, 8,760 hours with full hourly detail (``bereken``): median and minimum
   wall time of ``--herhaal`` runs after a warm-up.
2. National scale: the 14,515 buurt codes of PBL's Startanalyse 2025 run, each with a generated
   stock, x 8 alternatives (+ reference), hourly (``bereken_buurten``): wall time in one process,
   and fanned out over ``--processen`` worker processes by slices of the batch -- the same
   split a Celery fan-out over several machines would make.

    python benchmarks/bench_engine.py            # options: --herhaal 20 --processen 2 --blok 1024

Exits with 1 when a property that does not depend on the machine breaks: the hourly energy
balance must close (error below 1e-6 MW) and every buurt x alternative must have a finite H16.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from benchmarks import _gemeenschappelijk as gm  # noqa: E402
from techniek.engine import (  # noqa: E402
    STANDAARD_ALTERNATIEVEN,
    CbsSchatting,
    UtiliteitInvoer,
    Voorraadbatch,
    bereken,
    bereken_buurten,
    bouwkentallen_pbl,
)
from techniek.engine.constanten import LABELS  # noqa: E402
from techniek.engine.voorraad import voorraad_uit_cbs  # noqa: E402

BUURTCODES = ROOT / "techniek" / "data" / "engine" / "buurtcodes_startanalyse_2025.txt"
BALANS_GRENS = 1e-6


def een_buurt():
    return voorraad_uit_cbs(
        CbsSchatting(
            aantal_woningen=2000,
            gemiddelde_oppervlakte=105,
            aandeel_meergezins=0.35,
            aandeel_voor_2000=0.75,
            utiliteit={
                "Kantoor": UtiliteitInvoer(12, 6000),
                "Winkel": UtiliteitInvoer(25, 4000),
                "Onderwijs": UtiliteitInvoer(3, 5000),
            },
        )
    )


def genereer(aantal: int, seed: int = 2025) -> Voorraadbatch:
    """A plausible, random national stock: no real figures, only for timing."""
    rng = np.random.default_rng(seed)
    kt = bouwkentallen_pbl()
    nt, np_, nl = 6, 11, len(LABELS)
    woningen = np.round(rng.lognormal(np.log(380), 0.95, aantal)).clip(5, 8000)
    typen = rng.dirichlet(np.full(nt, 1.5), aantal)
    perioden = rng.dirichlet(np.full(np_, 1.0), aantal)
    verdeling = woningen[:, None, None] * typen[:, :, None] * perioden[:, None, :]
    aantal_w = np.zeros((aantal, nt, np_, nl))
    opp_w = np.zeros_like(aantal_w)
    t, p = np.indices((nt, np_))
    standaard = kt.woning.default_label
    beter = np.maximum(standaard - 1, 0)
    # 70 % of each segment on PBL's default label, 20 % one label better, 10 % without a label
    aantal_w[:, t, p, standaard] += 0.7 * verdeling
    aantal_w[:, t, p, beter] += 0.2 * verdeling
    aantal_w[:, t, p, LABELS.index("N")] += 0.1 * verdeling
    per_type = np.array([150.0, 130.0, 115.0, 105.0, 75.0, 70.0])
    opp_w[:] = per_type[None, :, None, None] * rng.uniform(0.8, 1.2, (aantal, 1, 1, 1))
    opp_w *= aantal_w > 0
    aantal_u = np.zeros((aantal, 10, 6, nl))
    opp_u = np.zeros_like(aantal_u)
    onbekend = 5
    for f in range(10):
        lbl = kt.utiliteit.default_label[f, onbekend]
        aantal_u[:, f, onbekend, lbl] = rng.poisson(3, aantal)
        opp_u[:, f, onbekend, lbl] = rng.uniform(150, 3000, aantal) * (
            aantal_u[:, f, onbekend, lbl] > 0
        )
    return Voorraadbatch(aantal_w, opp_w, aantal_u, opp_u)


def _deel(args: tuple[Voorraadbatch, list[str], int]) -> pd.DataFrame:
    batch, codes, blok = args
    return bereken_buurten(batch, codes=codes, blok=blok)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhaal", type=int, default=20)
    parser.add_argument("--processen", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--blok", type=int, default=1024)
    parser.add_argument("--buurten", type=int, default=0, help="0 = all codes of the file")
    gm.json_argument(parser)
    args = parser.parse_args()
    fouten: list[str] = []

    omgeving = (
        f"Python {platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__}, "
        f"{os.cpu_count()} cores ({platform.machine()})"
    )
    print(omgeving)

    # 1. one buurt, hourly detail
    voorraad = een_buurt()
    bereken(voorraad)  # warm-up: weather profiles, key figures, convex hulls
    tijden = []
    for _ in range(args.herhaal):
        t0 = time.perf_counter()
        b = bereken(voorraad)
        tijden.append((time.perf_counter() - t0) * 1000)
    balans = max(np.abs(r.uren.balansfout).max() for r in (b.referentie, *b.alternatieven))
    if balans > BALANS_GRENS:
        fouten.append(f"energiebalans van de buurt sluit niet ({balans:.1e} MW)")
    buurt = gm.Tabel(
        ["benchmark", "alternatives", "hours", "median (ms)", "min (ms)", "max balance error (MW)"],
        "lrrrrr",
    )
    buurt.rij(
        f"1 buurt, {voorraad.aantal_woningen:.0f} dwellings, hourly detail",
        f"{len(STANDAARD_ALTERNATIEVEN)} + ref",
        8760,
        f"{statistics.median(tijden):.1f}",
        f"{min(tijden):.1f}",
        f"{balans:.1e}",
    )
    print()
    print(buurt.markdown())

    # 2. national scale
    codes = BUURTCODES.read_text().split()
    if args.buurten:
        codes = codes[: args.buurten]
    t0 = time.perf_counter()
    batch = genereer(len(codes))
    t_gen = time.perf_counter() - t0
    voorraad_regel = (
        f"National stock generated for {len(codes)} buurten in {t_gen:.1f} s "
        f"({batch.woningen_aantal.sum():,.0f} dwellings)."
    )
    print()
    print(voorraad_regel)
    landelijk = gm.Tabel(
        ["national run", "processes", "buurten x alternatives", "seconds", "per buurt (ms)"],
        "lrrrr",
    )
    t0 = time.perf_counter()
    df = bereken_buurten(batch, codes=codes, blok=args.blok)
    t_een = time.perf_counter() - t0
    rijen = len(codes) * (len(STANDAARD_ALTERNATIEVEN) + 1)
    landelijk.rij(
        "one process",
        1,
        f"{len(codes)} x {len(STANDAARD_ALTERNATIEVEN)} + ref",
        f"{t_een:.1f}",
        f"{t_een / len(codes) * 1000:.2f}",
    )
    t_snelst = t_een
    if len(df) != rijen:
        fouten.append(f"{len(df)} rijen in plaats van {rijen}")
    if df.max_balansfout_mw.max() > BALANS_GRENS:
        fouten.append(f"energiebalans sluit niet ({df.max_balansfout_mw.max():.1e} MW)")
    if not np.isfinite(df.H16_Nat_meerkost).all():
        fouten.append("H16 is niet overal een getal")

    if args.processen > 1:
        grenzen = np.linspace(0, len(codes), args.processen + 1).astype(int)
        taken = [(batch.deel(a, z), codes[a:z], args.blok) for a, z in itertools.pairwise(grenzen)]
        t0 = time.perf_counter()
        with ProcessPoolExecutor(max_workers=args.processen) as pool:
            delen = list(pool.map(_deel, taken))
        t_par = time.perf_counter() - t0
        parallel = pd.concat(delen, ignore_index=True)
        per_buurt = t_par / len(codes) * 1000
        landelijk.rij(
            "fanned out by slices",
            args.processen,
            f"{len(codes)} x {len(STANDAARD_ALTERNATIEVEN)} + ref",
            f"{t_par:.1f}",
            f"{per_buurt:.2f}",
        )
        t_snelst = min(t_een, t_par)
        sleutel = ["buurt", "alternatief"]
        a = parallel.sort_values(sleutel).H16_Nat_meerkost.to_numpy()
        z = df.sort_values(sleutel).H16_Nat_meerkost.to_numpy()
        if not np.allclose(a, z, rtol=1e-9):
            fouten.append("de gespreide berekening geeft andere uitkomsten dan die in één proces")

    print()
    print(landelijk.markdown())
    balans_regel = (
        f"Largest hourly balance error at national scale: {df.max_balansfout_mw.max():.1e} MW"
    )
    print()
    print(balans_regel)
    mediaan = statistics.median(tijden)
    gm.Uitkomst(
        benchmark="engine",
        titel="The calculation engine of step 2",
        omgeving=omgeving,
        tabellen=[buurt, landelijk],
        doelen=[
            gm.Doel("one buurt, hourly detail", "≤ 50 ms", f"{mediaan:.1f} ms", mediaan <= 50),
            gm.Doel(
                f"national ({len(codes)} buurten), fastest run",
                "≤ 60 s",
                f"{t_snelst:.1f} s",
                t_snelst <= 60,
            ),
            gm.Doel(
                "energy balance and results",
                "closes, finite, equal",
                "ok" if not fouten else "; ".join(fouten),
                not fouten,
            ),
        ],
        opmerkingen=[voorraad_regel, balans_regel],
        fouten=fouten,
    ).schrijf(args.json)
    for melding in fouten:
        print(f"FOUT: {melding}")
    return 1 if fouten else 0


if __name__ == "__main__":
    sys.exit(main())
