"""PBL's Startanalyse beside the plan's own calculation: the pure comparison on hand-computed
cases (two buurten of different sizes), the selectors that feed it for a plan, and the template
include that shows it."""

from __future__ import annotations

from io import BytesIO

import pandas as pd
import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from techniek.engine import REFERENTIE, STANDAARD_ALTERNATIEVEN
from techniek.models import Berekening
from techniek.registratie import rechten_toekennen
from techniek.selectors.startanalyse import startanalyse_voor_plan
from techniek.selectors.vergelijking import PBL_VARIANTEN, startanalyse_vergelijking
from techniek.services import alternatieven as alt_services
from techniek.services import startanalyse as sa_services
from techniek.startanalyse import vergelijking as v
from tests import factories
from tests.techniek.alternatieven_hulp import WONINGEN_CSV, volledige_set
from tests.wup.test_templates_csp import inline_code
from wup.charts import getal

# Two buurten of different sizes: A has 100 woningequivalenten, B 300.
#   s1a: H16 50.000 + 90.000 = 140.000 EUR/yr; avoided CO2 50.000/250 = 200 and 90.000/150 = 600
#        -> H17 of the area = 140.000 / 800 = 175 (the plain mean would be 200);
#        H18 = (100 x 500 + 300 x 300) / 400 = 350 (the plain mean would be 400).
#   s2a: 20.000 + 60.000 = 80.000 EUR/yr: PBL's cheapest of the variants it gives for both.
#   s4a: only for buurt A (and cheaper): the area's figures are unknown, not 1.000.
A, B = "BU02330001", "BU02330002"


def _rij(buurt, variant, editie="2025", **waarden) -> dict:
    return {
        "buurtcode": buurt,
        "variant": variant,
        "strategie": f"{variant.upper()} van PBL",
        "editie": editie,
        "naamgeving": "2020+",
        **waarden,
    }


def _pbl() -> pd.DataFrame:
    weq = {A: 100.0, B: 300.0}
    return pd.DataFrame(
        [
            _rij(A, "s1a", nationale_meerkosten=50_000, nationale_meerkosten_per_ton_co2=250,
                 nationale_meerkosten_per_weq=500, co2_uitstoot=40,
                 kosten_totaal_kapitaallasten=30_000, woningequivalenten=weq[A]),
            _rij(B, "s1a", nationale_meerkosten=90_000, nationale_meerkosten_per_ton_co2=150,
                 nationale_meerkosten_per_weq=300, co2_uitstoot=100,
                 kosten_totaal_kapitaallasten=60_000, woningequivalenten=weq[B]),
            _rij(A, "s2a", nationale_meerkosten=20_000, nationale_meerkosten_per_ton_co2=100,
                 nationale_meerkosten_per_weq=200, woningequivalenten=weq[A]),
            _rij(B, "s2a", nationale_meerkosten=60_000, nationale_meerkosten_per_ton_co2=200,
                 nationale_meerkosten_per_weq=200, woningequivalenten=weq[B]),
            _rij(A, "s4a", nationale_meerkosten=1_000, woningequivalenten=weq[A]),
            # another edition and a buurt outside the plan: not compared
            _rij(A, "s1a", editie="2019", nationale_meerkosten=1),
            _rij("BU99990001", "s1a", nationale_meerkosten=7),
        ]
    )  # fmt: skip


def _samenvatting(h16=150_000.0, h17=200.0, h18=375.0, co2=60.0, ref=860.0, inv=4_000_000.0):
    return {
        "investering_eur": inv,
        "co2_ton": co2,
        "woningequivalenten": 400.0,
        "referentie": {"co2_ton": ref},
        "nationale_kosten": {
            "basis": {
                "H16_Nat_meerkost": h16,
                "H17_Nat_meerkost_CO2": h17,
                "H18_Nat_meerkost_WEQ": h18,
                "K10_Totaal_Kapitaalslasten": 100_000.0,
                "K17_Totaal_VariabeleKosten": 50_000.0,
            },
            "hoog": {"H16_Nat_meerkost": 999.0},
        },
    }


def _strategie(uitkomst: v.Vergelijking, variant: str) -> v.Strategie:
    return next(s for s in uitkomst.strategieen if s.variant == variant)


# --- The pure comparison ------------------------------------------------------------------------


def test_totals_are_summed_and_per_unit_figures_weighted_over_the_buurten():
    eigen = [v.EigenAlternatief("Luchtwarmtepomp", "S1A", _samenvatting(), "S1a_B_LuchtWP")]
    u = v.vergelijk(_pbl(), eigen, buurtcodes=[A, B])
    assert u.editie == "2025" and u.edities == ("2019", "2025")
    s1a = _strategie(u, "s1a")
    assert s1a.volledig and s1a.pbl_buurten == (A, B)
    assert s1a.pbl["nationale_meerkosten"] == pytest.approx(140_000)
    assert s1a.pbl["co2_reductie"] == pytest.approx(800)
    assert s1a.pbl["nationale_meerkosten_per_ton_co2"] == pytest.approx(175)
    assert s1a.pbl["nationale_meerkosten_per_weq"] == pytest.approx(350)
    assert s1a.pbl["co2_uitstoot"] == pytest.approx(140)
    assert s1a.pbl["kapitaallasten"] == pytest.approx(90_000)
    # PBL gives no variable costs here and no investments at all: unknown, not 0
    assert s1a.pbl["variabele_kosten"] is None and s1a.pbl["investering"] is None

    (rij,) = s1a.rijen
    assert rij.alternatief.naam == "Luchtwarmtepomp"
    kosten = rij.cellen["nationale_meerkosten"]
    assert (kosten.pbl, kosten.eigen) == (pytest.approx(140_000), 150_000)
    assert kosten.verschil == pytest.approx(10_000)
    assert kosten.verschil_procent == pytest.approx(10_000 / 140_000 * 100)
    assert rij.cellen["nationale_meerkosten_per_weq"].verschil == pytest.approx(25)
    assert rij.cellen["co2_reductie"].eigen == pytest.approx(800)  # reference 860 - 60
    assert rij.cellen["co2_reductie"].verschil == pytest.approx(0)
    assert rij.cellen["co2_uitstoot"].verschil == pytest.approx(-80)
    assert rij.cellen["investering"].eigen == 4_000_000 and rij.cellen["investering"].pbl is None
    assert rij.cellen["investering"].verschil is None
    assert rij.cellen["investering_per_weq"].eigen == pytest.approx(10_000)
    assert rij.cellen["variabele_kosten"].verschil is None


def test_a_buurt_without_the_variant_or_the_figure_makes_the_area_figure_unknown():
    u = v.vergelijk(_pbl(), [], buurtcodes=[A, B])
    s4a = _strategie(u, "s4a")
    assert s4a.heeft_pbl and not s4a.volledig and s4a.pbl_buurten == (A,)
    assert all(w is None for w in s4a.pbl.values())
    # s2a has no CO2 emission figure for either buurt
    assert _strategie(u, "s2a").pbl["co2_uitstoot"] is None
    # a buurt of the plan that PBL does not have at all
    u = v.vergelijk(_pbl(), [], buurtcodes=[A, B, "BU02330003"])
    assert u.buurten_zonder_pbl == ("BU02330003",)
    assert _strategie(u, "s1a").pbl["nationale_meerkosten"] is None
    assert u.goedkoopste is None


def test_the_cheapest_strategy_is_the_lowest_total_among_the_complete_variants():
    u = v.vergelijk(_pbl(), [], buurtcodes=[A, B])
    assert u.goedkoopste == v.Goedkoopste("s2a", "S2A van PBL", 80_000.0, vergeleken=2)
    s2a = _strategie(u, "s2a")
    # avoided CO2: 20.000/100 = 200 and 60.000/200 = 300 -> 80.000 / 500
    assert s2a.pbl["nationale_meerkosten_per_ton_co2"] == pytest.approx(160)
    assert s2a.pbl["nationale_meerkosten_per_weq"] == pytest.approx(200)


def test_pbl_only_variants_are_listed_and_ours_without_pbl_are_marked():
    eigen = [
        v.EigenAlternatief("Luchtwarmtepomp", "s1a", _samenvatting(), "S1a_B_LuchtWP"),
        v.EigenAlternatief(
            "Goedkopere warmtepomp", "s1a", _samenvatting(h16=120_000), "S1a_B_LuchtWP", True
        ),
        v.EigenAlternatief("Bodemwarmtepomp", "s1b", None, "S1b_B_BodemWP"),
        v.EigenAlternatief("Eigen idee", "", _samenvatting(), "REF"),
    ]
    u = v.vergelijk(_pbl(), eigen, buurtcodes=[A, B])
    assert [s.variant for s in u.strategieen] == ["", "s1a", "s1b", "s2a", "s4a"]
    assert [s.variant for s in u.alleen_pbl] == ["s2a", "s4a"]
    assert [s.variant for s in u.met_alternatief] == ["", "s1a", "s1b"]
    s2a = _strategie(u, "s2a")
    assert s2a.alleen_pbl and len(s2a.rijen) == 1 and s2a.rijen[0].alternatief is None
    assert s2a.rijen[0].cellen["nationale_meerkosten"].eigen is None
    s1a = _strategie(u, "s1a")
    standaard, variant = (r.alternatief for r in s1a.rijen)
    assert not standaard.eigen_variant and variant.eigen_variant
    assert s1a.rijen[1].cellen["nationale_meerkosten"].verschil == pytest.approx(-20_000)
    s1b = _strategie(u, "s1b")
    assert not s1b.heeft_pbl and s1b.strategie.startswith("S1b bodemwarmtepomp")
    (rij,) = s1b.rijen
    assert not rij.alternatief.berekend
    assert all(c.eigen is None and c.pbl is None for c in rij.cellen.values())
    zonder = _strategie(u, "")
    assert not zonder.heeft_pbl and zonder.rijen[0].alternatief.naam == "Eigen idee"


def test_the_edition_is_the_newest_unless_asked_and_2019_figures_derive_their_weights():
    pbl = pd.DataFrame(
        [
            # 2019 naming: CO2 reduction given (H10), no static figures: WEQ = H16 / H18
            _rij(A, "s3b", "2019", nationale_meerkosten=40_000, co2_reductie=100,
                 nationale_meerkosten_per_ton_co2=400, nationale_meerkosten_per_weq=400),
            _rij(B, "s3b", "2019", nationale_meerkosten=60_000, co2_reductie=300,
                 nationale_meerkosten_per_ton_co2=200, nationale_meerkosten_per_weq=200),
            _rij(A, "s1a", "2020+", nationale_meerkosten=1),
        ]
    )  # fmt: skip
    assert v.vergelijk(pbl, [], buurtcodes=[A, B]).editie == "2020+"
    u = v.vergelijk(pbl, [], buurtcodes=[A, B], editie="2019")
    s3b = _strategie(u, "s3b")
    assert s3b.pbl["co2_reductie"] == pytest.approx(400)
    assert s3b.pbl["nationale_meerkosten_per_ton_co2"] == pytest.approx(100_000 / 400)
    # weights 100 and 300 woningequivalenten
    assert s3b.pbl["nationale_meerkosten_per_weq"] == pytest.approx(250)
    assert s3b.strategie == "S3B van PBL"
    assert not u.varianten_als_platform  # 2019's codes are not the platform's
    assert v.vergelijk(_pbl(), [], buurtcodes=[A, B]).varianten_als_platform
    leeg = v.vergelijk(pbl, [], buurtcodes=[A, B], editie="2031")
    assert leeg.editie == "2031" and not leeg.heeft_pbl and leeg.strategieen == ()


def test_our_figures_come_from_the_chosen_price_scenario_and_missing_ones_stay_unknown():
    s = _samenvatting()
    assert v.eigen_waarden(s)["nationale_meerkosten"] == 150_000
    assert v.eigen_waarden(s, "hoog")["nationale_meerkosten"] == 999
    assert v.eigen_waarden(s, "hoog")["kapitaallasten"] is None
    assert v.eigen_waarden(s, "laag")["nationale_meerkosten"] is None
    s["nationale_kosten"]["basis"]["CO2_vermeden"] = 790.0
    assert v.eigen_waarden(s)["co2_reductie"] == 790  # the engine's own figure first
    assert v.eigen_waarden({"investering_eur": 10.0, "woningequivalenten": 0}) == {
        **dict.fromkeys(v.SLEUTELS),
        "investering": 10.0,
    }
    assert v.eigen_waarden(None) == dict.fromkeys(v.SLEUTELS)
    assert v.eigen_waarden({"co2_ton": float("nan")})["co2_uitstoot"] is None


def test_pbls_rows_per_buurt_carry_the_edition_and_only_figures_pbl_gives():
    u = v.vergelijk(_pbl(), [], buurtcodes=[B, A])
    assert [(r.buurtcode, r.variant) for r in u.pbl_rijen] == [
        (B, "s1a"),
        (B, "s2a"),
        (A, "s1a"),
        (A, "s2a"),
        (A, "s4a"),
    ]
    assert {r.editie for r in u.pbl_rijen} == {"2025"}
    eerste = u.pbl_rijen[0]
    assert eerste.waarden["nationale_meerkosten"] == 90_000
    assert eerste.waarden["kosten_totaal_kapitaallasten"] == 60_000
    assert "input_aardgas" not in eerste.waarden  # no value anywhere: left out
    assert u.pbl_rijen[1].waarden["co2_uitstoot"] is None
    assert u.eenheden["nationale_meerkosten_per_weq"] == "€/jr per woningequivalent"


def test_nothing_imported_still_lists_our_alternatives():
    leeg = _pbl().iloc[0:0]
    u = v.vergelijk(leeg, [v.EigenAlternatief("X", "s1a", _samenvatting())], buurtcodes=[A])
    assert u.editie is None and u.edities == () and not u.heeft_pbl
    (s,) = u.strategieen
    assert not s.heeft_pbl and s.rijen[0].cellen["nationale_meerkosten"].eigen == 150_000


def test_every_standard_alternative_has_its_pbl_variant_code():
    assert v.variant_van_sjabloon("S1a_B_LuchtWP") == "s1a"
    assert v.variant_van_sjabloon(REFERENTIE.code) == ""
    assert v.variant_van_sjabloon("S12b") == "s12b"
    assert PBL_VARIANTEN == {
        "S1a_B_LuchtWP": "s1a",
        "S1b_B_BodemWP": "s1b",
        "S2a_B_Restwarmte": "s2a",
        "S2f_D_Geothermie": "s2f",
        "S3c_B_WKO15_70": "s3c",
        "S3e_B_TEO_15_15": "s3e",
        "S4a_KG_B_hWP": "s4a",
        "S4b_KG_D_hWP": "s4b",
    }
    assert len(PBL_VARIANTEN) == len(STANDAARD_ALTERNATIEVEN)


# --- The selectors, for a plan ------------------------------------------------------------------

HOOFD = (
    "BU_CODE;V01_Strategievariant;H15_CO2_uitstoot;H16_Nat_meerkost;H17_Nat_meerkost_CO2;"
    "H18_Nat_meerkost_WEQ\n"
    f"{A};s1a;40;500000;250;5000\n"
    f"{B};s1a;100;1500000;150;5000\n"
    f"{A};s2a;30;200000;100;2000\n"
    f"{B};s2a;80;600000;200;2000\n"
)
STATISCH = (
    "BU_CODE;I02_buurtnaam;I05_gemeentecode;I09_aantal_woningen;I11_woningequivalenten\n"
    f"{A};Oost;GM0233;90;100\n"
    f"{B};West;GM0233;280;300\n"
)
KOSTEN = (
    f"BU_CODE;V01_Strategievariant;K10_Totaal_Kapitaalslasten\n{A};s1a;300000\n{B};s1a;1200000\n"
)


def importeer(tekst: str, naam: str, editie: int | None = 2025):
    imp = sa_services.startanalyse_import_aanmaken(
        bestand=SimpleUploadedFile(naam, tekst.encode()),
        bestandsnaam=naam,
        editie=editie,
        in_wachtrij=False,
    )
    imp = sa_services.startanalyse_import_uitvoeren(import_id=imp.pk)
    assert imp.status == imp.Status.GESLAAGD, imp.samenvatting
    return imp


def pbl_inlezen() -> None:
    """PBL's edition 2025 for buurten A and B: main indicators, static figures, national costs."""
    importeer(HOOFD, "Hoofdindicatoren.csv")
    importeer(STATISCH, "Statisch.csv")
    importeer(KOSTEN, "NationaleKosten.csv")


def plan_met_twee_buurten(gemeente, projectleider):
    wijk = factories.WijkFactory(gemeente=gemeente, code="WK023300")
    buurten = [
        factories.BuurtFactory(wijk=wijk, code=A, naam="Oostbuurt"),
        factories.BuurtFactory(wijk=wijk, code=B, naam="Westbuurt"),
    ]
    return factories.WijkplanFactory(
        gemeente=gemeente, projectleider=projectleider, buurten=buurten
    )


def bereken(plan, user, sjabloon: str, **kwargs) -> Berekening:
    """Add an alternative and compute it synchronously."""
    alt = alt_services.alternatief_toevoegen(wijkplan=plan, user=user, sjabloon=sjabloon, **kwargs)
    b = alt_services.berekening_starten(alternatief=alt, user=user)
    b = alt_services.berekening_uitvoeren(berekening_id=b.pk)
    assert b.status == Berekening.Status.KLAAR, b.problemen[:3]
    return b


def luchtwarmtepomp_berekenen(plan, projectleider, beheerder) -> Berekening:
    """A complete parameter set, a stock, and the standard S1a alternative calculated."""
    volledige_set(beheerder)
    alt_services.gebouwvoorraad_uit_bestand(
        wijkplan=plan,
        user=projectleider,
        bestand=BytesIO(WONINGEN_CSV.encode()),
        bestandsnaam="voorraad.csv",
    )
    return bereken(plan, projectleider, "S1a_B_LuchtWP")


@pytest.fixture
def pbl_ingelezen(settings, tmp_path, db):
    settings.MEDIA_ROOT = tmp_path
    pbl_inlezen()


@pytest.fixture
def tweebuurtenplan(gemeente, projectleider):
    return plan_met_twee_buurten(gemeente, projectleider)


@pytest.fixture
def berekend(tweebuurtenplan, projectleider, beheerder):
    return luchtwarmtepomp_berekenen(tweebuurtenplan, projectleider, beheerder)


@pytest.mark.django_db
def test_the_plans_pbl_rows_come_in_two_queries_whatever_the_number_of_buurten(
    pbl_ingelezen, tweebuurtenplan, django_assert_num_queries
):
    with django_assert_num_queries(2):
        frame = startanalyse_voor_plan(tweebuurtenplan)
    assert frame.attrs["buurten"] == {A: "Oostbuurt", B: "Westbuurt"}
    assert sorted(set(frame["buurtcode"])) == [A, B]
    assert set(frame["editie"]) == {"2025"}
    rij = frame[(frame.buurtcode == B) & (frame.variant == "s1a")].iloc[0]
    assert rij["woningequivalenten"] == 300 and rij["kosten_totaal_kapitaallasten"] == 1_200_000


@pytest.mark.django_db
def test_the_comparison_of_a_plan_sets_pbls_area_figures_beside_our_calculation(
    pbl_ingelezen, tweebuurtenplan, berekend
):
    vergelijking = startanalyse_vergelijking(tweebuurtenplan)
    u = vergelijking.uitkomst
    assert u.editie == "2025" and u.buurtcodes == (A, B) and u.heeft_pbl
    s1a = _strategie(u, "s1a")
    assert s1a.pbl["nationale_meerkosten"] == pytest.approx(2_000_000)
    assert s1a.pbl["nationale_meerkosten_per_ton_co2"] == pytest.approx(2_000_000 / 12_000)
    assert s1a.pbl["kapitaallasten"] == pytest.approx(1_500_000)
    (rij,) = s1a.rijen
    ons = berekend.samenvatting["nationale_kosten"]["basis"]["H16_Nat_meerkost"]
    cel = rij.cellen["nationale_meerkosten"]
    assert cel.eigen == pytest.approx(ons) and cel.verschil == pytest.approx(ons - 2_000_000)
    assert rij.cellen["investering"].eigen == pytest.approx(
        berekend.samenvatting["investering_eur"]
    )
    assert _strategie(u, "s2a").alleen_pbl
    assert u.goedkoopste.variant == "s2a" and u.goedkoopste.nationale_meerkosten == 800_000
    assert vergelijking.bron == "PBL, Startanalyse aardgasvrije buurten, editie 2025"
    # the scenario of our side can be chosen
    hoog = startanalyse_vergelijking(tweebuurtenplan, scenario="hoog").uitkomst
    assert hoog.scenario == "hoog"


@pytest.mark.django_db
def test_the_comparison_reads_a_fixed_number_of_queries(
    pbl_ingelezen, tweebuurtenplan, berekend, projectleider
):
    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            startanalyse_vergelijking(tweebuurtenplan).tabellen  # noqa: B018
        return len(ctx.captured_queries)

    eerst = queries()
    alt_services.alternatief_toevoegen(
        wijkplan=tweebuurtenplan, user=projectleider, sjabloon="S2a_B_Restwarmte"
    )
    bereken(
        tweebuurtenplan,
        projectleider,
        "S1a_B_LuchtWP",
        naam="Duurdere warmtepomp",
        parameters={"Ki_eWP_B_i": 14000},
    )
    wijk = tweebuurtenplan.buurten.first().wijk
    tweebuurtenplan.buurten.add(factories.BuurtFactory(wijk=wijk, code="BU02330003"))
    assert queries() == eerst


# --- The template include -----------------------------------------------------------------------


def _render(vergelijking, user) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string(
        "techniek/startanalyse_vergelijking.html", {"vergelijking": vergelijking}, request=request
    )


@pytest.mark.django_db
def test_the_include_shows_pbl_ours_and_the_difference_the_dutch_way(
    pbl_ingelezen, tweebuurtenplan, berekend, projectleider
):
    vergelijking = startanalyse_vergelijking(tweebuurtenplan)
    html = _render(vergelijking, projectleider)
    assert inline_code(html) == []
    assert "PBL, Startanalyse aardgasvrije buurten, editie 2025" in html
    assert "Nationale meerkosten (euro per jaar)" in html  # caption with the unit
    assert '<th scope="row" class="utrecht-table__header-cell">S1a luchtwarmtepomp' in html
    assert "2.000.000" in html  # PBL's s1a for the two buurten together
    assert "1.500.000" in html  # PBL's capital charges
    ons = berekend.samenvatting["nationale_kosten"]["basis"]["H16_Nat_meerkost"]
    assert getal(ons) in html and getal(ons - 2_000_000).lstrip("-") in html
    assert "geen alternatief in dit plan" in html  # s2a: PBL only
    assert "Van de 2 strategieën die PBL voor alle buurten van het plan geeft" in html
    assert "800.000\u00a0euro per jaar" in html  # PBL's cheapest, s2a
    assert "onbekend" in html  # PBL gives no investment
    assert "De cijfers kunnen verschillen" in html
    assert "Lees de Startanalyse van PBL in" not in html


@pytest.mark.django_db
def test_without_pbls_figures_the_include_says_so_and_points_the_beheerder_to_the_import(
    tweebuurtenplan, projectleider, beheerder
):
    rechten_toekennen()
    vergelijking = startanalyse_vergelijking(tweebuurtenplan)
    assert not vergelijking.heeft_pbl
    importpagina = reverse("techniek-startanalyse-imports")
    voor_beheerder = _render(vergelijking, beheerder)
    assert "is nog niets uit de Startanalyse aardgasvrije buurten van PBL ingelezen" in (
        voor_beheerder
    )
    assert f'href="{importpagina}"' in voor_beheerder
    voor_projectleider = _render(vergelijking, projectleider)
    assert "Vraag de beheerder" in voor_projectleider
    assert importpagina not in voor_projectleider
    assert inline_code(voor_beheerder) == [] and inline_code(voor_projectleider) == []
    assert "Vraag de beheerder" in _render(vergelijking, AnonymousUser())
