"""The hourly coupling of demand and supply (8,760 hours) for one alternative.

Works on a batch of stocks (axis B) at once; every hourly array is [B, H] in MW (= MWh per
hour). Annual demand comes from :mod:`vraag` [GJ/yr]; 1 MWh = 3.6 GJ.

Per alternative, the heat balance is kept at the supply node -- the building for individual
systems, the network for heat networks:

    vraag + verlies + laden = basis + piek + ontladen          (every hour)

* ``vraag`` -- heat the node must deliver: the buildings' demand (space heating + tap water), or
  for a ZLT network the heat the booster heat pumps draw from it;
* ``verlies`` -- network heat loss (PBL ``Leidingverlies_*`` per connection, spread evenly);
* ``basis`` -- base source (heat pump, source, boiler in the reference), at most its capacity
  plus what it puts into storage;
* ``piek`` -- peak unit: gas boiler (networks, hybrid), electric element (individual heat pump);
* ``laden`` / ``ontladen`` -- thermal storage (networks only), see :mod:`opslag`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .alternatieven import Alternatief, Bron, Gebouwsysteem, Net
from .constanten import GJ_PER_MWH, UREN_PER_JAAR
from .opslag import inhoud_lus, inhoud_scan
from .parameters import Parameters
from .reeks import Reeks
from .vraag import Jaarvraag
from .weer import Profielen, cop, stooklijn

#: Up to this many series the storage content is computed by the prefix scan, beyond by the
#: hour loop (see :mod:`opslag`).
SCAN_GRENS = 64
TOLERANTIE = 1e-9


@dataclass(frozen=True)
class CopProfielen:
    """COP per hour of the heat pumps of one alternative ([H], or NaN arrays when none)."""

    ruimteverwarming: np.ndarray
    tapwater: np.ndarray
    collectief: float  # collective heat pump (WKO/TEO -> network temperature), else NaN


def cop_profielen(alt: Alternatief, prof: Profielen, p: Parameters) -> CopProfielen:
    t = prof.weerjaar.temperatuur
    leeg = np.full(UREN_PER_JAAR, np.nan)
    if alt.gebouwsysteem in (Gebouwsysteem.WARMTEPOMP, Gebouwsysteem.HYBRIDE):
        if alt.bron is Bron.BUITENLUCHT:
            t_bron: np.ndarray | float = t
        elif alt.bron is Bron.BODEM:
            t_bron = p.T_bodem
        else:  # booster heat pumps on a ZLT network
            t_bron = alt.nettemperatuur if alt.nettemperatuur is not None else p.T_WKO
        rv = cop(t_bron, stooklijn(t, alt.afgiftetemperatuur(), p), p) * np.ones(UREN_PER_JAAR)
        tw = cop(t_bron, p.T_tapwater, p) * np.ones(UREN_PER_JAAR)
        return CopProfielen(rv, tw, float("nan"))
    if alt.collectieve_warmtepomp:
        assert alt.nettemperatuur is not None
        return CopProfielen(leeg, leeg, float(cop(p.T_WKO, alt.nettemperatuur, p)))
    return CopProfielen(leeg, leeg, float("nan"))


@dataclass
class Uurresultaat:
    """Aggregates per stock [B] and, when kept, hourly arrays [B, H] of one alternative."""

    # heat demand of the buildings
    ruimteverwarming_gj: np.ndarray
    tapwater_gj: np.ndarray
    piek_warmtevraag_mw: np.ndarray
    # the supply node
    vraag_gj: np.ndarray
    verlies_gj: np.ndarray
    piek_last_mw: np.ndarray
    basisvermogen_mw: np.ndarray
    opslag_mwh: np.ndarray
    basis_gj: np.ndarray
    piek_gj: np.ndarray
    laden_gj: np.ndarray
    ontladen_gj: np.ndarray
    opslag_eind_mwh: np.ndarray
    piekvermogen_mw: np.ndarray
    piek_zonder_opslag_gj: np.ndarray
    piekvermogen_zonder_opslag_mw: np.ndarray
    uren_basis_onvoldoende: np.ndarray
    uren_piek: np.ndarray
    max_balansfout_mw: np.ndarray
    # carriers
    elektriciteit_gebouwen_gj: np.ndarray  # incl. appliances and ventilation
    elektriciteit_centraal_gj: np.ndarray  # sources, pumps, collective heat pump
    elektriciteit_warmtepompen_gj: np.ndarray
    gas_gebouwen_gj: np.ndarray  # fuel
    gas_centraal_gj: np.ndarray  # fuel of peak boilers
    omgevingswarmte_gj: np.ndarray  # ambient heat taken by heat pumps (air, ground, WKO/TEO)
    bronwarmte_gj: np.ndarray  # heat from residual-heat or geothermal sources
    warmtepompwarmte_gj: np.ndarray  # heat delivered by heat pumps
    piek_elektriciteit_gebouwen_mw: np.ndarray
    piek_elektriciteit_mw: np.ndarray
    uren: dict[str, np.ndarray] | None = None


def _gj(s: Reeks) -> np.ndarray:
    return s.som() * GJ_PER_MWH


def bereken_uren(
    alt: Alternatief,
    jv: Jaarvraag,
    aansluitingen: np.ndarray,
    prof: Profielen,
    cops: CopProfielen,
    p: Parameters,
    *,
    bewaar_uren: bool = False,
) -> Uurresultaat:
    """Run the hourly model of ``alt`` for every stock of the batch.

    ``aansluitingen`` [B]: connections (dwellings + non-residential objects), for network losses.
    Series stay :class:`Reeks` (linear in the demand, plus explicit arrays where the storage
    dispatch or a capacity limit makes them non-linear).
    """
    b, h = jv.rv.shape[0], UREN_PER_JAAR
    rv = Reeks.uit(jv.rv / GJ_PER_MWH, prof.rv)
    tw = Reeks.uit(jv.tw / GJ_PER_MWH, prof.tw)
    vlak = Reeks.uit(jv.elektriciteit_gebouw / GJ_PER_MWH, prof.vlak)
    een = np.ones(h)
    warmte = rv + tw
    nul: Reeks = Reeks.nul(b, h)

    e_wp: Reeks = nul  # electricity of heat pumps (buildings or collective)
    e_piek_gebouw: Reeks = nul  # electric element
    gas_gebouw: Reeks = nul
    e_centraal: Reeks = nul  # sources, pumps, collective heat pump
    gas_centraal: Reeks = nul
    omgeving: Reeks = nul
    bronwarmte: Reeks = nul
    wp_warmte: Reeks = nul
    verlies: Reeks = nul
    laden: Reeks = nul
    ontladen: Reeks = nul
    inhoud = np.zeros((b, 1))
    tekort: Reeks = nul  # load above the base capacity, before storage
    eff_ketel = p.efficientie("Eff_ketel_{}")
    opslag_mwh = np.zeros(b)

    if alt.gebouwsysteem is Gebouwsysteem.GASKETEL:
        vraag: Reeks = warmte
        pb = warmte.max()
        basis: Reeks = warmte
        piek: Reeks = nul
        gas_gebouw = warmte.maal(1.0 / eff_ketel)
    elif alt.gebouwsysteem is Gebouwsysteem.HYBRIDE:
        # The heat pump covers space heating up to its capacity, a share of the space-heating
        # peak; min(Q * rv[h], f * Q * max(rv)) = Q * min(rv[h], f * max(rv)) stays linear.
        vraag = warmte
        aandeel = alt.aandeel_basisvermogen or p.efficientie("HoofdbronVermogens_{}")
        grens = aandeel * prof.rv.max()
        basis = Reeks.uit(jv.rv / GJ_PER_MWH, np.minimum(prof.rv, grens))
        pb = jv.rv / GJ_PER_MWH * grens
        tekort = Reeks.uit(jv.rv / GJ_PER_MWH, np.maximum(prof.rv - grens, 0.0))
        piek = warmte - basis
        e_wp = basis.per_uur(1.0 / cops.ruimteverwarming)
        wp_warmte = basis
        omgeving = basis - e_wp
        gas_gebouw = piek.maal(1.0 / eff_ketel)
    elif alt.gebouwsysteem is Gebouwsysteem.WARMTEPOMP and not alt.heeft_net:
        vraag = warmte
        aandeel = alt.aandeel_basisvermogen or 1.0
        e_vol = rv.per_uur(1.0 / cops.ruimteverwarming) + tw.per_uur(1.0 / cops.tapwater)
        if aandeel >= 1.0:
            pb = warmte.max()
            basis, piek, e_wp = warmte, nul, e_vol
        else:  # capacity-limited heat pump with an electric element
            w = warmte.waarden()
            pb = aandeel * w.max(axis=1)
            gedekt = np.minimum(w, pb[:, None])
            deel = np.divide(gedekt, w, out=np.zeros_like(w), where=w > 0)
            basis = Reeks.expliciet(gedekt)
            piek = warmte - basis
            tekort = piek
            e_wp = Reeks.expliciet(e_vol.waarden() * deel)
            e_piek_gebouw = piek
        wp_warmte = basis
        omgeving = basis - e_wp
    elif alt.gebouwsysteem is Gebouwsysteem.WARMTEPOMP:  # boosters on a ZLT network
        e_wp = rv.per_uur(1.0 / cops.ruimteverwarming) + tw.per_uur(1.0 / cops.tapwater)
        wp_warmte = warmte
        vraag = warmte - e_wp  # heat drawn from the network
        verlies = Reeks.uit(
            aansluitingen * p.efficientie("Leidingverlies_ZLT_{}") / GJ_PER_MWH / h, een
        )
        last = vraag + verlies
        pb = last.max()
        basis, piek = last, nul
        omgeving = basis  # WKO/TEO heat
        v_elek = p.efficientie("V_elek_WKO_{}") + (
            p.efficientie("V_elek_TEO_{}") if alt.bron is Bron.TEO else 0.0
        )
        e_centraal = basis.maal(v_elek) + vraag.maal(p.efficientie("Pompenergie_Wnet_{}"))
    else:  # AFLEVERSET on an MT or LT network
        vraag = warmte
        sleutel = "Leidingverlies_MT_{}" if alt.net is Net.MT else "Leidingverlies_LT_{}"
        verlies = Reeks.uit(aansluitingen * p.efficientie(sleutel) / GJ_PER_MWH / h, een)
        last = vraag + verlies
        if alt.aandeel_basisvermogen is not None:
            aandeel = alt.aandeel_basisvermogen
        elif alt.collectieve_warmtepomp:
            aandeel = 1.0  # PBL: the collective heat pump covers all capacity when T differs
        else:
            aandeel = p.efficientie("HoofdbronVermogens_{}")
        if aandeel >= 1.0:
            pb = last.max()
            basis, piek = last, nul
        else:
            lx = last.waarden(kolommen=b > SCAN_GRENS)
            pb = aandeel * lx.max(axis=1)
            verschil = lx - pb[:, None]
            boven = np.maximum(verschil, 0.0)
            tekort = Reeks.expliciet(boven)
            piek_x = boven
            basis = last - tekort  # min(last, pb)
            if alt.opslag_uren > 0:
                opslag_mwh = alt.opslag_uren * pb
                # what the base source can put into (> 0) or must take from (< 0) the storage
                x = np.negative(np.minimum(verschil, pb[:, None], out=verschil), out=verschil)
                reken = inhoud_scan if b <= SCAN_GRENS else inhoud_lus
                inhoud = reken(x, opslag_mwh, 0.0)
                delta = np.empty_like(inhoud)
                delta[:, 0] = inhoud[:, 0]
                np.subtract(inhoud[:, 1:], inhoud[:, :-1], out=delta[:, 1:])
                lad = np.maximum(delta, 0.0)
                ontl = np.subtract(lad, delta, out=delta)  # max(-delta, 0)
                laden = Reeks.expliciet(lad)
                ontladen = Reeks.expliciet(ontl)
                basis = basis + laden
                piek_x = np.subtract(boven, ontl)
                np.maximum(piek_x, 0.0, out=piek_x)
            piek = Reeks.expliciet(piek_x)
        gas_centraal = piek.maal(1.0 / p.efficientie("Efficiency_piekketel_{}"))
        pomp = vraag.maal(p.efficientie("Pompenergie_Wnet_{}"))
        if alt.bron is Bron.RESTWARMTE:
            e_bron: Reeks = basis.maal(p.Elektriciteit_Factor_Restwarmte)
            bronwarmte = basis
        elif alt.bron is Bron.GEOTHERMIE:
            e_bron = basis.maal(p.Elektriciteit_Factor_Geothermie)
            bronwarmte = basis
        else:  # collective heat pump on WKO (and TEO)
            e_wp = basis.maal(1.0 / cops.collectief)
            wp_warmte = basis
            omgeving = basis - e_wp
            v_elek = p.efficientie("V_elek_WKO_{}") + (
                p.efficientie("V_elek_TEO_{}") if alt.bron is Bron.TEO else 0.0
            )
            e_bron = e_wp + omgeving.maal(v_elek)
        e_centraal = e_bron + pomp

    last = vraag + verlies
    zonder_opslag = tekort if alt.opslag_uren > 0 else piek
    balans = (last + laden) - (basis + piek + ontladen)
    e_gebouwen = vlak + (
        e_wp if not alt.heeft_net or alt.gebouwsysteem is Gebouwsysteem.WARMTEPOMP else nul
    )
    e_gebouwen = e_gebouwen + e_piek_gebouw
    e_totaal = e_gebouwen + e_centraal
    uit = Uurresultaat(
        ruimteverwarming_gj=_gj(rv),
        tapwater_gj=_gj(tw),
        piek_warmtevraag_mw=warmte.max(),
        vraag_gj=_gj(vraag),
        verlies_gj=_gj(verlies),
        piek_last_mw=last.max(),
        basisvermogen_mw=pb,
        opslag_mwh=opslag_mwh,
        basis_gj=_gj(basis),
        piek_gj=_gj(piek),
        laden_gj=_gj(laden),
        ontladen_gj=_gj(ontladen),
        opslag_eind_mwh=inhoud[:, -1],
        piekvermogen_mw=piek.max(),
        piek_zonder_opslag_gj=_gj(zonder_opslag),
        piekvermogen_zonder_opslag_mw=zonder_opslag.max(),
        uren_basis_onvoldoende=tekort.uren_boven(TOLERANTIE),
        uren_piek=piek.uren_boven(TOLERANTIE),
        max_balansfout_mw=balans.max_abs(),
        elektriciteit_gebouwen_gj=_gj(e_gebouwen),
        elektriciteit_centraal_gj=_gj(e_centraal),
        elektriciteit_warmtepompen_gj=_gj(e_wp),
        gas_gebouwen_gj=_gj(gas_gebouw),
        gas_centraal_gj=_gj(gas_centraal),
        omgevingswarmte_gj=_gj(omgeving),
        bronwarmte_gj=_gj(bronwarmte),
        warmtepompwarmte_gj=_gj(wp_warmte),
        piek_elektriciteit_gebouwen_mw=e_gebouwen.max(),
        piek_elektriciteit_mw=e_totaal.max(),
    )
    if bewaar_uren:
        uit.uren = {
            "ruimteverwarming": rv.waarden(),
            "tapwater": tw.waarden(),
            "warmtevraag": warmte.waarden(),
            "vraag": vraag.waarden(),
            "verlies": verlies.waarden(),
            "basis": basis.waarden(),
            "piek": piek.waarden(),
            "laden": laden.waarden(),
            "ontladen": ontladen.waarden(),
            "opslag_inhoud": inhoud if inhoud.shape[1] == h else np.zeros((b, h)),
            "elektriciteit_gebouwen": e_gebouwen.waarden(),
            "elektriciteit": e_totaal.waarden(),
            "gas": (gas_gebouw + gas_centraal).waarden(),
        }
    return uit
