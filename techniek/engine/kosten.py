"""Investments per component, annuities, O&M, energy purchase, national costs and CO2.

Named and grouped like PBL's Startanalyse output (``NationaleKosten.csv``) so the figures can be
set side by side:

* capital charges ``K01_Enet_verzwaren`` ... ``K09_Gebouw_installatie`` -- every investment
  times the annuity factor ``r / (1 - (1 + r)^-n)`` (``r`` = ``Discontovoet_mr``, ``n`` = the
  component's lifetime);
* ``K11_Inkoop_Warmte``, ``K12_Inkoop_Gas``, ``K13_Inkoop_Elek`` -- energy at national-cost
  prices; ``K14_Gebouw_OenM``, ``K15_Wnet_OenM``, ``K16_Enet_Gnet_OenM`` -- O&M;
* ``H16_Nat_meerkost`` [EUR/yr] = all annual costs of the alternative minus those of the
  reference (gas boiler); ``H17_Nat_meerkost_CO2`` [EUR/ton] = H16 / avoided CO2;
  ``H18_Nat_meerkost_WEQ`` [EUR/yr per woningequivalent] = H16 / woningequivalenten.

Every function works on arrays with a batch axis (one value per stock).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .alternatieven import Alternatief, Bron, Gebouwsysteem, Net
from .constanten import (
    GJ_PER_MWH,
    HOOGBOUW,
    MEERGEZINS,
    STAPELFACTOR,
    WONINGTYPEN,
)
from .parameters import Parameters
from .prijzen import Energieprijzen
from .uurmodel import Uurresultaat
from .voorraad import Voorraadbatch
from .vraag import Jaarvraag
from .weer import Profielen

GROEPEN = (
    "K01_Enet_verzwaren",
    "K02_Gnet_verwijderen",
    "K03_Gnet_aanpassen",
    "K04_Wnet_buurt",
    "K05_Wnet_pand",
    "K06_Wnet_transport",
    "K07_Wnet_opwekking",
    "K08_Gebouw_schil",
    "K09_Gebouw_installatie",
)


def annuiteitsfactor(rente: float, looptijd: float) -> float:
    """Annual share of an investment: ``r / (1 - (1 + r)^-n)``; ``1 / n`` when ``r = 0``."""
    if looptijd <= 0:
        raise ValueError("de looptijd moet groter dan 0 zijn")
    if rente == 0:
        return 1.0 / looptijd
    return rente / (1.0 - (1.0 + rente) ** (-looptijd))


@dataclass(frozen=True)
class Voorraadgetallen:
    """Counts of a batch of stocks that costs depend on (arrays [B])."""

    woningen: np.ndarray
    woningen_hoogbouw: np.ndarray
    woningen_meergezins: np.ndarray
    panden: np.ndarray  # dwellings / PBL StapelFactor + non-residential objects
    utiliteit: np.ndarray  # objects
    utiliteit_m2: np.ndarray
    inpandig_utiliteit: np.ndarray  # EUR, PBL Ki_id_u interpolated per object size
    woningequivalenten: np.ndarray

    @property
    def aansluitingen(self) -> np.ndarray:
        return self.woningen + self.utiliteit

    @property
    def woningen_laagbouw(self) -> np.ndarray:
        return self.woningen - self.woningen_hoogbouw

    @property
    def woningen_grondgebonden(self) -> np.ndarray:
        return self.woningen - self.woningen_meergezins


def voorraadgetallen(v: Voorraadbatch, p: Parameters) -> Voorraadgetallen:
    per_type = v.woningen_aantal.sum(axis=(2, 3))  # [B, T]
    hoog = np.array([t in HOOGBOUW for t in WONINGTYPEN])
    meer = np.array([t in MEERGEZINS for t in WONINGTYPEN])
    stapel = np.array(STAPELFACTOR)
    u_aantal = v.utiliteit_aantal
    opp = v.utiliteit_oppervlakte
    # PBL gives in-building pipes for objects below 100 m2 and above 7500 m2; in between the
    # engine interpolates linearly in the floor area.
    f = np.clip((opp - 100.0) / (7500.0 - 100.0), 0.0, 1.0)
    per_m2 = (1 - f) * p.Ki_id_uklein_i + f * p.Ki_id_ugroot_i
    u_m2 = (u_aantal * opp).sum(axis=(1, 2, 3))
    woningen = per_type.sum(axis=1)
    return Voorraadgetallen(
        woningen=woningen,
        woningen_hoogbouw=per_type[:, hoog].sum(axis=1),
        woningen_meergezins=per_type[:, meer].sum(axis=1),
        panden=(per_type / stapel).sum(axis=1) + u_aantal.sum(axis=(1, 2, 3)),
        utiliteit=u_aantal.sum(axis=(1, 2, 3)),
        utiliteit_m2=u_m2,
        inpandig_utiliteit=(u_aantal * opp * per_m2).sum(axis=(1, 2, 3)),
        woningequivalenten=woningen + u_m2 / p.WEQ_m2,
    )


@dataclass(frozen=True)
class Kostenpost:
    """One investment component (arrays [B])."""

    post: str
    groep: str  # one of GROEPEN
    investering: np.ndarray  # EUR
    looptijd: float  # years
    onderhoud: float  # O&M per year as a share of the investment
    onderhoudsgroep: str  # K14_Gebouw_OenM or K15_Wnet_OenM

    def kapitaallasten(self, p: Parameters) -> np.ndarray:
        return self.investering * annuiteitsfactor(p.Discontovoet_mr, self.looptijd)


def utiliteit_piek_kw(jv: Jaarvraag, prof: Profielen) -> np.ndarray:
    """Peak heat demand of the non-residential buildings [kW] (sum of the two peaks)."""
    return (jv.rv_u * prof.rv.max() + jv.tw_u * prof.tw.max()) / GJ_PER_MWH * 1000.0


def kostenposten(
    alt: Alternatief,
    jv: Jaarvraag,
    vg: Voorraadgetallen,
    uur: Uurresultaat,
    uur_ref: Uurresultaat,
    prof: Profielen,
    p: Parameters,
) -> list[Kostenpost]:
    """Every investment of ``alt`` with its group, lifetime and O&M rate."""
    s = p.VerbeterMinMaxSchuif
    posten: list[Kostenpost] = []
    inst_oh = p.R_Inst_onderhoud + p.R_Inst_admin

    def post(
        naam: str,
        groep: str,
        bedrag: np.ndarray,
        looptijd: float,
        oh: float = 0.0,
        ohg: str = "K15_Wnet_OenM",
    ) -> None:
        posten.append(
            Kostenpost(naam, groep, np.asarray(bedrag, dtype=np.float64), looptijd, oh, ohg)
        )

    u_kw = utiliteit_piek_kw(jv, prof)
    ketels = p.Ki_HR * vg.woningen + p.Ki_ketel_u * u_kw
    if alt.is_referentie:
        post(
            "HR-ketels (vervanging)",
            "K09_Gebouw_installatie",
            ketels,
            p.Looptijd_installatie,
            inst_oh,
            "K14_Gebouw_OenM",
        )
        return posten

    # building shell
    isolatie = (1 - s) * (jv.isolatie_min_w + jv.isolatie_min_u) + s * (
        jv.isolatie_max_w + jv.isolatie_max_u
    )
    post("Isolatie van de schil", "K08_Gebouw_schil", isolatie, p.Looptijd_schil)

    # building installations
    wp_in_gebouw = alt.gebouwsysteem in (Gebouwsysteem.WARMTEPOMP, Gebouwsysteem.HYBRIDE)
    if alt.gebouwsysteem is Gebouwsysteem.WARMTEPOMP:
        per_woning = p.Ki_eWP_B_i if alt.doellabel in ("A", "B") else p.Ki_eWP_CDE_i
        wp = per_woning * vg.woningen + p.kosten("Ki_eWP_coll_{}_i") * u_kw
        naam = "Boosterwarmtepompen" if alt.heeft_net else "Warmtepompen"
        post(naam, "K09_Gebouw_installatie", wp, p.Looptijd_installatie, inst_oh, "K14_Gebouw_OenM")
        if alt.bron is Bron.BODEM:
            post(
                "Bodemlussen",
                "K09_Gebouw_installatie",
                p.Ki_bodemlus * vg.woningen,
                p.Looptijd_installatie,
            )
    if alt.gebouwsysteem is Gebouwsysteem.HYBRIDE:
        aandeel = alt.aandeel_basisvermogen or p.efficientie("HoofdbronVermogens_{}")
        hwp = p.Ki_hWP * vg.woningen + p.kosten("Ki_eWP_coll_{}_i") * aandeel * u_kw
        post(
            "Hybride warmtepompen",
            "K09_Gebouw_installatie",
            hwp,
            p.Looptijd_installatie,
            inst_oh,
            "K14_Gebouw_OenM",
        )
        post(
            "HR-ketels (vervanging)",
            "K09_Gebouw_installatie",
            ketels,
            p.Looptijd_installatie,
            inst_oh,
            "K14_Gebouw_OenM",
        )
    if alt.gebouwsysteem is Gebouwsysteem.WARMTEPOMP and alt.afgiftetemperatuur() <= 55.0:
        ltas = (
            p.kosten("Ki_LTAS_wl_{}") * vg.woningen_laagbouw
            + p.kosten("Ki_LTAS_wh_{}") * vg.woningen_hoogbouw
            + p.kosten("Ki_LTAS_u_{}") * vg.utiliteit_m2
        )
        post("Lage-temperatuurafgifte", "K09_Gebouw_installatie", ltas, p.Looptijd_LTAS)
    if wp_in_gebouw:
        meterkast = (
            p.Ki_Meterkast_wl_S1 * vg.woningen_laagbouw
            + p.Ki_Meterkast_wh_S1 * vg.woningen_hoogbouw
        )
    else:
        meterkast = (
            p.Ki_Meterkast_wl_Sx * vg.woningen_laagbouw
            + p.Ki_Meterkast_wh_Sx * vg.woningen_hoogbouw
        )
    post("Aanpassing meterkast", "K09_Gebouw_installatie", meterkast, p.Looptijd_meterkast)
    post("Elektrisch koken", "K09_Gebouw_installatie", p.K_Koken * vg.woningen, p.Looptijd_koken)
    pm = p.kosten(f"Ki_pm_{alt.strategie}_{{}}") * vg.aansluitingen
    post(
        "Proceskosten",
        "K05_Wnet_pand" if alt.heeft_net else "K09_Gebouw_installatie",
        pm,
        p.Looptijd_pm,
    )

    # electricity grid
    all_electric = alt.gebouwsysteem is Gebouwsysteem.WARMTEPOMP
    if all_electric:
        post(
            "Verzwaren aansluitingen",
            "K01_Enet_verzwaren",
            p.kosten("Ki_verzw_e_{}") * vg.aansluitingen,
            p.Looptijd_enet,
        )
        ls = p.kosten("Ki_verzw_LS_{}") * p.L_di_gem * vg.aansluitingen
        post("Verzwaren laagspanningsnet", "K01_Enet_verzwaren", ls, p.Looptijd_enet)
    extra_kw = (
        np.maximum(uur.piek_elektriciteit_gebouwen_mw - uur_ref.piek_elektriciteit_gebouwen_mw, 0.0)
        * 1000.0
    )
    post(
        "Nieuwe middenspanningsruimten",
        "K01_Enet_verzwaren",
        extra_kw / p.P_MSR_kw * p.kosten("Ki_MSR_{}"),
        p.Looptijd_enet,
    )

    # gas grid removal (not when buildings keep burning gas)
    if not alt.gebruikt_gas_in_gebouw:
        aansluitingen = (
            p.kosten("Ki_verw_g_laagb_{}") * vg.woningen_laagbouw
            + p.kosten("Ki_verw_g_hoogb_{}") * vg.woningen_hoogbouw
            + p.kosten("Ki_verw_g_util_{}") * vg.utiliteit
        )
        post("Verwijderen gasaansluitingen", "K02_Gnet_verwijderen", aansluitingen, p.Looptijd_gnet)
        ld = p.kosten("Ki_verw_LD_{}") * p.L_di_gem * vg.aansluitingen
        post("Verwijderen lagedruk-gasnet", "K02_Gnet_verwijderen", ld, p.Looptijd_gnet)

    if not alt.heeft_net:
        return posten

    # heat network: district pipes and substations
    mt = alt.net is Net.MT
    per_m = p.Ki_wd_m_MT if mt else p.Ki_wd_m_LT
    leidingen = per_m * p.AF_K_buizen * p.L_di_gem * vg.aansluitingen
    post("Wijkleidingen", "K04_Wnet_buurt", leidingen, p.Looptijd_wnet, p.R_wd_onderhoud)
    if mt:
        os_ = p.kosten("K_os_{}_i") * uur.piek_warmtevraag_mw * 1000.0
    else:
        os_ = p.Ki_dist_OS_i * vg.panden
    post(
        "Onderstations en pandaansluitingen",
        "K04_Wnet_buurt",
        os_,
        p.Looptijd_wnet,
        p.R_OS_onderhoud,
    )
    # in the buildings
    inpandig = (
        p.Ki_id_grondgeb_i * vg.woningen_grondgebonden
        + (
            p.IndividueleVerwarmingSchuif * p.Ki_id_geenBlok_i
            + (1 - p.IndividueleVerwarmingSchuif) * p.Ki_id_metBlok_i
        )
        * vg.woningen_meergezins
        + vg.inpandig_utiliteit
    )
    post("Inpandige leidingen", "K05_Wnet_pand", inpandig, p.Looptijd_wnet, p.R_id_onderhoud)
    if alt.gebouwsysteem is Gebouwsysteem.AFLEVERSET:
        post(
            "Afleversets",
            "K05_Wnet_pand",
            p.Ki_afleverset_i * vg.aansluitingen,
            p.Looptijd_installatie,
            p.R_id_onderhoud,
        )
    # transport
    lengte = alt.lengte_transport_m
    if lengte is None:
        lengte = p.L_transport_standaard if alt.bron in (Bron.RESTWARMTE, Bron.GEOTHERMIE) else 0.0
    transport = np.full_like(vg.woningen, p.Ki_pt_m * p.AF_K_buizen * lengte)
    post("Transportleiding", "K06_Wnet_transport", transport, p.Looptijd_wnet, p.R_pt_onderhoud)
    # generation
    pb_kw = uur.basisvermogen_mw * 1000.0
    if alt.bron is Bron.RESTWARMTE:
        post(
            "Restwarmtebron",
            "K07_Wnet_opwekking",
            p.kosten("K_kW_Industrie_{}") * pb_kw,
            p.Looptijd_opwekking,
            p.JaarKosten_Industrie,
        )
    elif alt.bron is Bron.GEOTHERMIE:
        post(
            "Geothermiebron",
            "K07_Wnet_opwekking",
            p.kosten("K_kW_Geothermie_{}") * pb_kw,
            p.Looptijd_opwekking,
            p.JaarKosten_Geothermie,
        )
    else:
        if alt.collectieve_warmtepomp:
            post(
                "Collectieve warmtepomp",
                "K07_Wnet_opwekking",
                p.kosten("Ki_eWP_coll_{}_i") * pb_kw,
                p.Looptijd_opwekking,
                p.R_wpColl_onderhoud + p.R_wpColl_admin,
            )
            bron_kw = pb_kw * np.maximum(1.0 - _inverse(uur), 0.0)
        else:
            bron_kw = pb_kw
        aanwezig = (bron_kw > 0).astype(np.float64)
        wko = p.kosten("Ki_WKO_vast_{}_i") * aanwezig + p.kosten("Ki_WKO_var_{}_i") * bron_kw
        if alt.bron is Bron.WKO:
            wko = wko * p.R_Regeneratie_i
        post("WKO-bron", "K07_Wnet_opwekking", wko, p.Looptijd_opwekking, p.R_WKO_onderhoud)
        if alt.bron is Bron.TEO:
            teo = p.kosten("Ki_TEO_vast_{}_i") * aanwezig + p.kosten("Ki_TEO_var_{}_i") * bron_kw
            post(
                "TEO-installatie",
                "K07_Wnet_opwekking",
                teo,
                p.Looptijd_opwekking,
                p.R_TEO_onderhoud,
            )
    if alt.gebouwsysteem is Gebouwsysteem.AFLEVERSET:
        wos = p.kosten("K_WOS_{}_i") * uur.piek_last_mw * 1000.0
        post(
            "Overdrachtstation en piekketel",
            "K07_Wnet_opwekking",
            wos,
            p.Looptijd_opwekking,
            p.R_WOS_onderhoud,
        )
    if alt.opslag_uren > 0:
        buffer = np.where(uur.opslag_mwh > 0, p.Ki_Buffer_min_i, 0.0)
        post(
            "Warmtebuffer",
            "K07_Wnet_opwekking",
            buffer,
            p.Looptijd_opwekking,
            p.R_buffer_onderhoud + p.R_buffer_admin,
        )
    return posten


def _inverse(uur: Uurresultaat) -> np.ndarray:
    """1 / seasonal COP of a collective heat pump (electricity per unit of heat)."""
    return np.divide(
        uur.elektriciteit_warmtepompen_gj,
        uur.warmtepompwarmte_gj,
        out=np.zeros_like(uur.warmtepompwarmte_gj),
        where=uur.warmtepompwarmte_gj > 0,
    )


@dataclass(frozen=True)
class Dragers:
    """Annual energy per carrier [GJ/yr] (arrays [B])."""

    aardgas: np.ndarray
    klimaatneutraal_gas: np.ndarray
    elektriciteit_gebouwen: np.ndarray
    elektriciteit_centraal: np.ndarray
    elektriciteit_apparatuur: np.ndarray

    @property
    def elektriciteit(self) -> np.ndarray:
        return self.elektriciteit_gebouwen + self.elektriciteit_centraal


def dragers(alt: Alternatief, jv: Jaarvraag, uur: Uurresultaat) -> Dragers:
    gas = uur.gas_gebouwen_gj + uur.gas_centraal_gj
    kn = alt.klimaatneutraal_gas
    return Dragers(
        aardgas=np.zeros_like(gas) if kn else gas,
        klimaatneutraal_gas=gas if kn else np.zeros_like(gas),
        elektriciteit_gebouwen=uur.elektriciteit_gebouwen_gj,
        elektriciteit_centraal=uur.elektriciteit_centraal_gj,
        elektriciteit_apparatuur=jv.app_w + jv.app_u,
    )


def co2_ton(d: Dragers, prijzen: Energieprijzen, p: Parameters) -> np.ndarray:
    """CO2 [ton/yr]: gas x factor x ``AardGasCO2Factor`` + electricity excl. appliances x factor.

    As PBL's ``New_CO2_ton`` (``Totaal_ex_app``): electricity for appliances is left out;
    climate-neutral gas emits nothing.
    """
    kg = (
        d.aardgas * prijzen.co2_aardgas * p.AardGasCO2Factor
        + d.klimaatneutraal_gas * prijzen.co2_kn_gas
        + (d.elektriciteit - d.elektriciteit_apparatuur) * prijzen.co2_elektriciteit
    )
    return kg / 1000.0


def energiekosten(
    alt: Alternatief, uur: Uurresultaat, prijzen: Energieprijzen
) -> dict[str, np.ndarray]:
    """K11-K13 at national-cost prices [EUR/yr]: buildings pay 'klein', plants 'groot'."""
    kn = alt.klimaatneutraal_gas
    gas_klein = prijzen.kn_gas_klein if kn else prijzen.aardgas_klein
    gas_groot = prijzen.kn_gas_groot if kn else prijzen.aardgas_groot
    return {
        "K11_Inkoop_Warmte": np.zeros_like(uur.gas_gebouwen_gj),
        "K12_Inkoop_Gas": uur.gas_gebouwen_gj * gas_klein + uur.gas_centraal_gj * gas_groot,
        "K13_Inkoop_Elek": uur.elektriciteit_gebouwen_gj * prijzen.elektriciteit_klein
        + uur.elektriciteit_centraal_gj * prijzen.elektriciteit_groot,
    }


def jaarkosten(posten: list[Kostenpost], p: Parameters) -> dict[str, np.ndarray]:
    """Capital charges per K group and O&M (K14/K15/K16) [EUR/yr], arrays [B]."""
    if not posten:
        raise ValueError("geen kostenposten")
    nul = np.zeros_like(posten[0].investering)
    uit = {g: nul.copy() for g in GROEPEN}
    uit.update(
        {
            "K14_Gebouw_OenM": nul.copy(),
            "K15_Wnet_OenM": nul.copy(),
            "K16_Enet_Gnet_OenM": nul.copy(),
        }
    )
    for kp in posten:
        uit[kp.groep] = uit[kp.groep] + kp.kapitaallasten(p)
        uit[kp.onderhoudsgroep] = uit[kp.onderhoudsgroep] + kp.investering * kp.onderhoud
    return uit


def nationale_kosten(
    kapitaal_en_oh: dict[str, np.ndarray],
    energie: dict[str, np.ndarray],
) -> dict[str, np.ndarray]:
    """All K columns of one alternative plus the totals K10 (capital) and K17 (variable)."""
    k = {**kapitaal_en_oh, **energie}
    k["K10_Totaal_Kapitaalslasten"] = sum(
        (k[g] for g in GROEPEN), start=np.zeros_like(k["K12_Inkoop_Gas"])
    )
    k["K17_Totaal_VariabeleKosten"] = (
        k["K11_Inkoop_Warmte"]
        + k["K12_Inkoop_Gas"]
        + k["K13_Inkoop_Elek"]
        + k["K14_Gebouw_OenM"]
        + k["K15_Wnet_OenM"]
        + k["K16_Enet_Gnet_OenM"]
    )
    k["Totaal"] = k["K10_Totaal_Kapitaalslasten"] + k["K17_Totaal_VariabeleKosten"]
    return k


def hoofdindicatoren(
    kosten: dict[str, np.ndarray],
    kosten_ref: dict[str, np.ndarray],
    co2: np.ndarray,
    co2_ref: np.ndarray,
    weq: np.ndarray,
) -> dict[str, np.ndarray]:
    """H16-H18 against the reference. H17 is NaN when the alternative avoids no CO2."""
    h16 = kosten["Totaal"] - kosten_ref["Totaal"]
    vermeden = co2_ref - co2
    h17 = np.divide(h16, vermeden, out=np.full_like(h16, np.nan), where=vermeden > 1e-9)
    h18 = np.divide(h16, weq, out=np.full_like(h16, np.nan), where=weq > 0)
    return {
        "H15_CO2_uitstoot": co2,
        "H16_Nat_meerkost": h16,
        "H17_Nat_meerkost_CO2": h17,
        "H18_Nat_meerkost_WEQ": h18,
        "CO2_vermeden": vermeden,
    }
