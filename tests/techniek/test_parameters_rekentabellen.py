"""The tables of a parameter set drive the calculation: the building key figures per dwelling
type x construction period, the energy prices per scenario and the emission factors.

An unchanged PBL set calculates exactly as the engine's own copies of PBL's tables did; a
beheerder who changes a figure in a new published version changes the results; a set whose
tables are missing or broken gives a refusal that names the table, row and column."""

from __future__ import annotations

from dataclasses import astuple, fields
from io import BytesIO

import numpy as np
import pandas as pd
import pytest

from techniek.engine import (
    LABELS,
    PRIJSJAAR,
    InvoerFout,
    Parameters,
    bereken,
    bouwkentallen_pbl,
    energieprijzen_pbl,
    voorraad_uit_tabel,
)
from techniek.models import Berekening, Parametertabel
from techniek.selectors.parameters import parameterwaarden, rekentabellen
from techniek.services import alternatieven as services
from techniek.services.parameters import (
    parameterset_concept_maken,
    parameterset_vaststellen,
    parametertabel_cel_wijzigen,
)
from tests.techniek.alternatieven_hulp import WONINGEN_CSV, pbl_set, volledige_set

pytestmark = pytest.mark.django_db

#: The row of the stock's terraced houses (WONINGEN_CSV: "rijwoning tussen;1965").
RIJWONING = {"type_str": "rijwoning tussen", "bouwjaar_str": "1965 - 1974"}
GAS_2030 = {"scenario": "basis", "Jaar": float(PRIJSJAAR)}
GASPRIJS = [f"{k}_PC_{c}" for k in ("KG", "GG") for c in ("COM_EXCL_CO2", "CO2", "NET")]


@pytest.fixture
def alt(plan, projectleider):
    services.gebouwvoorraad_uit_bestand(
        wijkplan=plan,
        user=projectleider,
        bestand=BytesIO(WONINGEN_CSV.encode()),
        bestandsnaam="voorraad.csv",
    )
    return services.alternatief_toevoegen(
        wijkplan=plan, user=projectleider, sjabloon="S1a_B_LuchtWP"
    )


def _bereken(alt, user, capture) -> Berekening:
    with capture(execute=True):
        b = services.berekening_starten(alternatief=alt, user=user)
    b.refresh_from_db()
    return b


def _rij(tabel: Parametertabel, sleutel: dict) -> int:
    namen = tabel.kolomnamen
    for i, rij in enumerate(tabel.rijen):
        if all(rij[namen.index(k)] == v for k, v in sleutel.items()):
            return i
    raise AssertionError(f"geen rij {sleutel} in {tabel.sleutel}")


def _nieuwe_versie(beheerder, bron, tabel: str, sleutel: dict, kolommen, keer: float):
    """A published version of ``bron`` in which the beheerder multiplied some cells of one row."""
    concept = parameterset_concept_maken(bron=bron, user=beheerder)
    for kolom in kolommen:
        t = Parametertabel.objects.get(parameterset=concept, sleutel=tabel)
        i = _rij(t, sleutel)
        oud = t.rijen[i][t.kolomnamen.index(kolom)]
        parametertabel_cel_wijzigen(
            parameterset=concept,
            tabel=tabel,
            rij=i,
            kolom=kolom,
            waarde=str(oud * keer),
            bron="Eigen onderzoek gemeente, 2025",
            user=beheerder,
        )
    return parameterset_vaststellen(parameterset=concept, user=beheerder)


def _kapot(beheerder, bron, **wijzig):
    """A published version of ``bron`` with tables removed (``weg``) or rows replaced."""
    concept = parameterset_concept_maken(bron=bron, user=beheerder)
    tabellen = Parametertabel.objects.filter(parameterset=concept)
    if "weg" in wijzig:
        tabellen.filter(sleutel__in=wijzig["weg"]).delete()
    for sleutel, rijen in wijzig.get("rijen", {}).items():
        t = tabellen.get(sleutel=sleutel)
        tabellen.filter(pk=t.pk).update(rijen=rijen(t))
    return parameterset_vaststellen(parameterset=concept, user=beheerder)


def _problemen(b: Berekening) -> list[str]:
    return [f"{p['plaats']}: {p['melding']}" for p in b.problemen]


# --- The unchanged PBL set ---------------------------------------------------------------------


def test_the_pbl_set_holds_exactly_the_engines_key_figures_and_prices(django_assert_num_queries):
    pbl = pbl_set()

    with django_assert_num_queries(1):
        tabellen = rekentabellen(pbl)

    eigen = bouwkentallen_pbl()
    for sector in ("woning", "utiliteit"):
        uit_set, uit_kern = getattr(tabellen.kentallen, sector), getattr(eigen, sector)
        for f in fields(uit_kern):
            a, b = getattr(uit_set, f.name), getattr(uit_kern, f.name)
            if isinstance(b, np.ndarray):
                assert np.array_equal(a, b, equal_nan=True), (sector, f.name)
            else:
                assert a == b
    pbl_prijzen = energieprijzen_pbl(PRIJSJAAR)
    assert set(tabellen.prijzen) == set(pbl_prijzen) == {"basis", "laag", "hoog"}
    for scenario, prijs in pbl_prijzen.items():
        # every price and emission factor, not the text saying where it came from
        assert astuple(tabellen.prijzen[scenario])[:-1] == astuple(prijs)[:-1]
        assert f"versie {pbl.versie}" in tabellen.prijzen[scenario].bron


def test_an_unchanged_set_calculates_exactly_as_the_engines_own_tables(
    alt, projectleider, beheerder, django_capture_on_commit_callbacks
):
    huidig = volledige_set(beheerder)

    b = _bereken(alt, projectleider, django_capture_on_commit_callbacks)

    assert b.status == Berekening.Status.KLAAR, b.problemen[:5]
    # the same calculation with the engine's built-in copies of PBL's tables
    voorraad = voorraad_uit_tabel(pd.DataFrame(b.voorraad["woningen"]), None)
    uitkomst = bereken(
        voorraad,
        [services.SJABLONEN["S1a_B_LuchtWP"]],
        parameters=Parameters.uit_dict(parameterwaarden(huidig)),
        weerjaar=services.WEERJAAR,
    )
    r = uitkomst.resultaat("S1a_B_LuchtWP")
    assert b.samenvatting == {
        **services.samenvatting_van(r),
        "woningequivalenten": services._getal(uitkomst.woningequivalenten),
        "weerjaar": uitkomst.weerjaar,
        "referentie": {"co2_ton": services._getal(uitkomst.referentie.co2_ton)},
    }
    assert b.reeksen == services.reeksen_van(r)


# --- A beheerder's new version changes the results ---------------------------------------------


def test_a_higher_tap_water_figure_in_a_new_version_raises_the_heat_demand(
    alt, projectleider, beheerder, django_capture_on_commit_callbacks
):
    v2 = volledige_set(beheerder)
    voor = _bereken(alt, projectleider, django_capture_on_commit_callbacks)

    v3 = _nieuwe_versie(beheerder, v2, "woningen_bag", RIJWONING, ["Vww_asl"], keer=2)
    na = _bereken(alt, projectleider, django_capture_on_commit_callbacks)

    assert na.pk != voor.pk and na.parameterset_id == v3.pk
    assert na.status == Berekening.Status.KLAAR, na.problemen[:5]
    assert na.samenvatting["jaarvraag_gj"]["warmte"] > voor.samenvatting["jaarvraag_gj"]["warmte"]
    assert (
        na.samenvatting["warmte"]["piek_warmtevraag_mw"]
        > voor.samenvatting["warmte"]["piek_warmtevraag_mw"]
    )


def test_a_higher_space_heating_figure_raises_the_demand_of_those_dwellings_only(beheerder):
    v2 = volledige_set(beheerder)
    v3 = _nieuwe_versie(beheerder, v2, "woningen_bag", RIJWONING, ["Vrv_C_asl"], keer=1.5)

    oud, nieuw = rekentabellen(v2).kentallen.woning, rekentabellen(v3).kentallen.woning
    t, p = oud.typen.index("rijwoning tussen"), oud.perioden.index("1965 - 1974")
    c = LABELS.index("C")
    assert nieuw.vrv_asl[t, p, c] == pytest.approx(1.5 * oud.vrv_asl[t, p, c])
    anders = np.ones_like(oud.vrv_asl, dtype=bool)
    anders[t, p, c] = False
    assert np.array_equal(nieuw.vrv_asl[anders], oud.vrv_asl[anders])


def test_a_doubled_gas_price_raises_the_costs_of_the_gas_reference(
    alt, projectleider, beheerder, django_capture_on_commit_callbacks
):
    v2 = volledige_set(beheerder)
    voor = _bereken(alt, projectleider, django_capture_on_commit_callbacks)

    v3 = _nieuwe_versie(beheerder, v2, "energieprijzen_aardgas", GAS_2030, GASPRIJS, keer=2)
    na = _bereken(alt, projectleider, django_capture_on_commit_callbacks)

    # the reference burns gas; with dearer gas the heat pump costs less than the reference
    assert na.status == Berekening.Status.KLAAR, na.problemen[:5]
    meerkosten = [
        b.samenvatting["nationale_kosten"]["basis"]["H16_Nat_meerkost"] for b in (voor, na)
    ]
    assert meerkosten[1] < meerkosten[0]
    # the reference's gas bill itself doubles, in the basis scenario only
    voorraad = voorraad_uit_tabel(pd.DataFrame(na.voorraad["woningen"]), None)
    p = Parameters.uit_dict(parameterwaarden(v3))
    ref = {}
    for versie in (v2, v3):
        t = rekentabellen(versie)
        uitkomst = bereken(
            voorraad,
            [services.SJABLONEN["S1a_B_LuchtWP"]],
            parameters=p,
            kentallen=t.kentallen,
            prijzen=t.prijzen,
            weerjaar=services.WEERJAAR,
        )
        ref[versie.pk] = uitkomst.referentie.nationale_kosten
    assert ref[v3.pk]["basis"]["K12_Inkoop_Gas"] == pytest.approx(
        2 * ref[v2.pk]["basis"]["K12_Inkoop_Gas"]
    )
    assert ref[v3.pk]["basis"]["Totaal"] > ref[v2.pk]["basis"]["Totaal"]
    assert ref[v3.pk]["hoog"]["K12_Inkoop_Gas"] == ref[v2.pk]["hoog"]["K12_Inkoop_Gas"]


def test_a_higher_emission_factor_of_gas_raises_the_co2_of_the_reference(
    alt, projectleider, beheerder, django_capture_on_commit_callbacks
):
    v2 = volledige_set(beheerder)
    voor = _bereken(alt, projectleider, django_capture_on_commit_callbacks)

    _nieuwe_versie(beheerder, v2, "emissiefactoren", {"Jaar": float(PRIJSJAAR)}, ["aardgas"], 1.1)
    na = _bereken(alt, projectleider, django_capture_on_commit_callbacks)

    co2 = [b.samenvatting["referentie"]["co2_ton"] for b in (voor, na)]
    assert co2[1] == pytest.approx(1.1 * co2[0], rel=1e-3)


# --- Missing or broken tables ------------------------------------------------------------------


def test_a_set_without_the_dwelling_table_is_refused_with_its_name(
    alt, projectleider, beheerder, django_capture_on_commit_callbacks
):
    _kapot(beheerder, volledige_set(beheerder), weg=["woningen_bag", "energieprijzen_aardgas"])

    b = _bereken(alt, projectleider, django_capture_on_commit_callbacks)

    assert b.status == Berekening.Status.FOUT
    assert "kan niet worden doorgerekend met parameterset" in b.melding
    tekst = _problemen(b)
    assert any(t.startswith("tabel woningen_bag: ontbreekt in parameterset versie") for t in tekst)
    assert any(t.startswith("tabel energieprijzen_aardgas: ontbreekt") for t in tekst)
    assert not b.samenvatting


def test_missing_figures_and_a_missing_table_are_reported_together(
    alt, projectleider, beheerder, django_capture_on_commit_callbacks
):
    _kapot(beheerder, pbl_set(), weg=["emissiefactoren"])

    b = _bereken(alt, projectleider, django_capture_on_commit_callbacks)

    plaatsen = {p["plaats"] for p in b.problemen}
    assert "parameter T_stookgrens" in plaatsen and "tabel emissiefactoren" in plaatsen


def test_an_emptied_key_figure_is_refused_naming_table_column_and_row(
    alt, projectleider, beheerder, django_capture_on_commit_callbacks
):
    v2 = volledige_set(beheerder)
    concept = parameterset_concept_maken(bron=v2, user=beheerder)
    t = Parametertabel.objects.get(parameterset=concept, sleutel="woningen_bag")
    parametertabel_cel_wijzigen(
        parameterset=concept,
        tabel="woningen_bag",
        rij=_rij(t, RIJWONING),
        kolom="Vww_asl",
        waarde="",
        bron="Onbekend",
        user=beheerder,
    )
    parameterset_vaststellen(parameterset=concept, user=beheerder)

    b = _bereken(alt, projectleider, django_capture_on_commit_callbacks)

    assert b.status == Berekening.Status.FOUT
    assert _problemen(b) == [
        f"tabel '{t.titel}' (woningen_bag), kolom Vww_asl: geen getal bij rijwoning tussen, "
        "1965 - 1974"
    ]


def test_broken_rows_are_refused_naming_the_row(beheerder):
    v2 = volledige_set(beheerder)

    def rijen_kapot(t):
        rijen = [list(r) for r in t.rijen]
        rijen[2] = rijen[2][:-1]  # one value short
        return rijen

    def onbekend_type(t):
        rijen = [list(r) for r in t.rijen]
        rijen[0][0] = "woonboot"
        return rijen

    def zonder_2030(t):
        i = t.kolomnamen.index("Jaar")
        return [r for r in t.rijen if not (r[0] == "basis" and r[i] == PRIJSJAAR)]

    kapot = _kapot(
        beheerder,
        v2,
        rijen={
            "utiliteiten_bag": rijen_kapot,
            "woningen_bag": onbekend_type,
            "energieprijzen_elektriciteit": zonder_2030,
        },
    )
    with pytest.raises(InvoerFout) as fout:
        rekentabellen(kapot)
    tekst = [str(p) for p in fout.value.problemen]
    assert any("(utiliteiten_bag), regel 3: heeft niet één waarde per kolom" in t for t in tekst), (
        tekst
    )
    # the shape of each table is checked before its values: the others are not read yet
    assert len(tekst) == 1

    def zoals_in_v2(t):
        return Parametertabel.objects.get(parameterset=v2, sleutel=t.sleutel).rijen

    hersteld = _kapot(beheerder, kapot, rijen={"utiliteiten_bag": zoals_in_v2})
    with pytest.raises(InvoerFout) as fout:
        rekentabellen(hersteld)
    tekst = [str(p) for p in fout.value.problemen]
    assert "(woningen_bag), regel 1: onbekend type 'woonboot'" in " | ".join(tekst)
    assert any(
        "(energieprijzen_elektriciteit), scenario basis, jaar 2030: geen regel" in t for t in tekst
    ), tekst
