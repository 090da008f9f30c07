"""The engine is pure, and its shipped reference data is what the sources say."""

import ast
import csv
import dataclasses
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from techniek.engine import (
    CbsSchatting,
    Parameters,
    Voorraadbatch,
    bereken,
    bereken_buurten,
    parameter_definities,
    standaard_parameters,
    voorraad_uit_cbs,
    weerjaar_knmi,
)

ROOT = Path(__file__).resolve().parents[2]
ENGINE = ROOT / "techniek" / "engine"
DATA = ROOT / "techniek" / "data" / "engine"
PBL = ROOT / "techniek" / "data" / "parameters"


def test_the_engine_imports_nothing_from_django():
    for pad in ENGINE.glob("*.py"):
        boom = ast.parse(pad.read_text(encoding="utf-8"))
        for knoop in ast.walk(boom):
            namen = []
            if isinstance(knoop, ast.Import):
                namen = [a.name for a in knoop.names]
            elif isinstance(knoop, ast.ImportFrom) and knoop.module:
                namen = [knoop.module]
            assert not any(n.split(".")[0] in {"django", "rest_framework", "wup"} for n in namen), (
                pad
            )
    code = "import sys, techniek.engine; sys.exit('django' in sys.modules)"
    uit = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, check=False)
    assert uit.returncode == 0, uit.stderr.decode()


def test_every_parameter_of_the_list_is_a_typed_field_and_back():
    namen = [d.naam for d in parameter_definities()]
    assert len(namen) == len(set(namen))
    assert namen == [f.name for f in dataclasses.fields(Parameters)]
    assert {d.status for d in parameter_definities()} == {"pbl", "modelkeuze", "geen bron"}
    assert all(d.bron and d.eenheid and d.beschrijving for d in parameter_definities())


def test_parameters_marked_pbl_carry_pbls_own_value():
    pbl: dict[str, float] = {}
    for pad in (PBL / "kentallen").glob("*.csv"):
        with pad.open(encoding="utf-8-sig") as f:
            for rij in csv.DictReader(f, delimiter=";"):
                try:
                    pbl.setdefault(rij["Naam"], float(rij["Waarde"]))
                except ValueError:
                    continue
    gecontroleerd = 0
    for d in parameter_definities():
        if d.naam in pbl:
            assert d.status == "pbl", d.naam
            assert d.waarde == pytest.approx(pbl[d.naam]), d.naam
            gecontroleerd += 1
    assert gecontroleerd > 80


def test_results_say_which_figures_have_no_source():
    b = bereken(voorraad_uit_cbs(CbsSchatting(aantal_woningen=50, gemiddelde_oppervlakte=80)))
    zonder = standaard_parameters().zonder_bron()
    assert "Ki_wd_m_MT" in zonder and "L_transport_standaard" in zonder
    for naam in zonder:
        assert any(f"Parameter {naam} " in a for a in b.aannames)
    assert any("standaardlabel" in a for a in b.aannames)


def test_knmi_years_are_complete_and_in_ut_order():
    for jaar in (2021, 2022):
        w = weerjaar_knmi(jaar)
        assert w.temperatuur.shape == (8760,)
        assert np.isfinite(w.temperatuur).all()
    w = weerjaar_knmi(2021)
    with (DATA / "knmi" / "knmi_debilt_260_hourly_T_2021.csv").open() as f:
        eerste = next(csv.DictReader(f))
    assert eerste["hour_ut"] == "1" and w.temperatuur[0] == float(eerste["temperature_c"])
    # 1 January 00:00-01:00 UT is 01:00-02:00 in the Netherlands
    assert w.lokaal_uur[0] == 1


def test_the_buurt_codes_of_the_national_run_are_shipped():
    codes = (DATA / "buurtcodes_startanalyse_2025.txt").read_text().split()
    assert len(codes) == 14_515 and len(set(codes)) == 14_515
    assert all(c.startswith("BU") and len(c) == 10 for c in codes)


def test_a_national_batch_beyond_the_exact_size_matches_single_runs():
    basis = [
        voorraad_uit_cbs(
            CbsSchatting(
                aantal_woningen=100 + 37 * i,
                gemiddelde_oppervlakte=70 + (i % 9) * 10,
                aandeel_meergezins=(i % 10) / 10,
                aandeel_voor_2000=0.5 + (i % 5) / 10,
            )
        )
        for i in range(70)
    ]
    df = bereken_buurten(Voorraadbatch.van(basis), blok=70)
    assert len(df) == 70 * 9
    assert df.max_balansfout_mw.max() < 1e-9
    for i in (0, 33, 69):
        b = bereken(basis[i])
        for r in (b.referentie, *b.alternatieven):
            rij = df[(df.buurt == str(i + 1)) & (df.alternatief == r.alternatief.code)].iloc[0]
            assert rij.H16_Nat_meerkost == pytest.approx(
                r.nationale_kosten["basis"]["H16_Nat_meerkost"], rel=1e-5
            )
            assert rij.aandeel_basis == pytest.approx(r.warmte.aandeel_basis, rel=1e-9)
            assert rij.piek_warmtevraag_mw == pytest.approx(r.warmte.piek_warmtevraag_mw, rel=1e-6)
            assert rij.piek_elektriciteit_mw == pytest.approx(
                r.warmte.piek_elektriciteit_mw, rel=1e-5
            )
            assert rij.uren_basis_onvoldoende == r.warmte.uren_basis_onvoldoende
