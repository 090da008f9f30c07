"""The engine's scalar parameters: one typed, frozen object, filled from a plain mapping.

Every name, value, unit, allowed range and source is listed in
``techniek/data/engine/parameters.csv``; PBL's own names are used wherever PBL has the figure
(e.g. ``Ki_verzw_e_min``). ``Status`` says where a value comes from:

* ``pbl`` -- copied from PBL's Vesta MAIS 2025 key figures or model configuration;
* ``modelkeuze`` -- a modelling choice of this engine, explained in ``docs/engine.md``;
* ``geen bron`` -- an order-of-magnitude assumption without a source; a beheerder should replace
  it. Results list which of these they used.

Where PBL gives a low and a high value (``..._min`` / ``..._max``) the engine takes the point
between them that PBL's sliders give: ``VerbeterMinMaxSchuif`` for costs, ``EfficiencySchuif``
for efficiencies (0 = the min value, 1 = the max value; both 0.5 by default, as in Vesta).
"""

from __future__ import annotations

import csv
import math
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path

from .fouten import Probleem, controleer

PARAMETERS_CSV = Path(__file__).resolve().parent.parent / "data" / "engine" / "parameters.csv"


@dataclass(frozen=True, slots=True)
class ParameterDefinitie:
    """One row of ``parameters.csv``: what the Django side stores and shows per parameter."""

    naam: str
    waarde: float
    eenheid: str
    bereik: str  # "", ">=0", ">0", ">=1" or "0..1"
    status: str  # "pbl", "modelkeuze" or "geen bron"
    bron: str
    beschrijving: str


@cache
def parameter_definities() -> tuple[ParameterDefinitie, ...]:
    """Every parameter the engine needs, with its default value, unit, range and source."""
    with PARAMETERS_CSV.open(encoding="utf-8") as f:
        return tuple(
            ParameterDefinitie(
                naam=r["Naam"],
                waarde=float(r["Waarde"]),
                eenheid=r["Eenheid"],
                bereik=r["Bereik"],
                status=r["Status"],
                bron=r["Bron"],
                beschrijving=r["Beschrijving"],
            )
            for r in csv.DictReader(f, delimiter=";")
        )


def _buiten_bereik(waarde: float, bereik: str) -> str | None:
    if bereik == ">=0" and waarde < 0:
        return "mag niet negatief zijn"
    if bereik == ">0" and waarde <= 0:
        return "moet groter dan 0 zijn"
    if bereik == ">=1" and waarde < 1:
        return "moet minstens 1 zijn"
    if bereik == "0..1" and not 0 <= waarde <= 1:
        return "moet tussen 0 en 1 liggen"
    return None


#: Other names under which a parameter set may hold an engine parameter, with the factor that
#: turns the set's unit into the engine's: the set holds the discount rate in percent per year
#: (2.25, as the Werkgroep discontovoet writes it), the engine computes with a fraction (0.0225).
SYNONIEMEN: dict[str, tuple[str, float]] = {
    "Discontovoet_maatschappelijk": ("Discontovoet_mr", 0.01),
}


def _op_naam(waarden: Mapping[str, object], problemen: list[Probleem]) -> dict[str, object]:
    """Keys as the engine names them: a group prefix (``Netbeheer.Ki_verzw_e_min``) is dropped.

    The same name under two groups must have the same value (PBL repeats some figures, e.g.
    ``Ki_afleverset_i`` in the MT and the LT file).
    """
    bekend = {d.naam for d in parameter_definities()}
    uit: dict[str, object] = {}
    herkomst: dict[str, str] = {}
    for sleutel, waarde in waarden.items():
        naam = str(sleutel).rsplit(".", 1)[-1]
        if naam in SYNONIEMEN:
            naam, factor = SYNONIEMEN[naam]
            if isinstance(waarde, int | float) and not isinstance(waarde, bool):
                waarde = waarde * factor
        if naam not in bekend:
            continue
        if naam in uit and uit[naam] != waarde:
            problemen.append(
                Probleem(
                    f"parameter {naam}",
                    f"staat twee keer in de parameterset met verschillende waarden "
                    f"({herkomst[naam]} = {uit[naam]!r}, {sleutel} = {waarde!r})",
                )
            )
            continue
        uit[naam] = waarde
        herkomst[naam] = str(sleutel)
    return uit


@dataclass(frozen=True, slots=True)
class Parameters:
    """All scalar parameters; build it with :meth:`uit_dict` or :func:`standaard_parameters`."""

    Discontovoet_mr: float  # 1/jaar
    Looptijd_schil: float  # jaar
    Looptijd_LTAS: float  # jaar
    Looptijd_meterkast: float  # jaar
    Looptijd_pm: float  # jaar
    Looptijd_koken: float  # jaar
    Looptijd_enet: float  # jaar
    Looptijd_installatie: float  # jaar
    Looptijd_gnet: float  # jaar
    Looptijd_wnet: float  # jaar
    Looptijd_opwekking: float  # jaar
    Drager_RuimteVerwarming: float  # factor
    Drager_TapWater: float  # factor
    Drager_ElektrischeApparatuur: float  # factor
    VerbeterMinMaxSchuif: float  # fractie
    EfficiencySchuif: float  # fractie
    IndividueleVerwarmingSchuif: float  # fractie
    GasEnergie: float  # GJ/m3
    AardGasCO2Factor: float  # fractie
    WEQ_m2: float  # m2/woningequivalent
    K_Koken: float  # EUR/woning
    Eff_ketel_min: float  # ratio
    Eff_ketel_max: float  # ratio
    Efficiency_piekketel_min: float  # ratio
    Efficiency_piekketel_max: float  # ratio
    Pompenergie_Wnet_min: float  # GJe/GJ
    Pompenergie_Wnet_max: float  # GJe/GJ
    Leidingverlies_MT_min: float  # GJ/jaar per aansluiting
    Leidingverlies_MT_max: float  # GJ/jaar per aansluiting
    Leidingverlies_LT_min: float  # GJ/jaar per aansluiting
    Leidingverlies_LT_max: float  # GJ/jaar per aansluiting
    Leidingverlies_ZLT_min: float  # GJ/jaar per aansluiting
    Leidingverlies_ZLT_max: float  # GJ/jaar per aansluiting
    V_elek_WKO_min: float  # GJe/GJ
    V_elek_WKO_max: float  # GJe/GJ
    V_elek_TEO_min: float  # GJe/GJ
    V_elek_TEO_max: float  # GJe/GJ
    HoofdbronVermogens_min: float  # fractie van de piekvraag
    HoofdbronVermogens_max: float  # fractie van de piekvraag
    Elektriciteit_Factor_Geothermie: float  # GJe/GJ
    Elektriciteit_Factor_Restwarmte: float  # GJe/GJ
    K_kW_Industrie_min: float  # EUR/kW
    K_kW_Industrie_max: float  # EUR/kW
    JaarKosten_Industrie: float  # 1/jaar
    K_kW_Geothermie_min: float  # EUR/kW
    K_kW_Geothermie_max: float  # EUR/kW
    JaarKosten_Geothermie: float  # 1/jaar
    Ki_afleverset_i: float  # EUR/aansluiting
    Ki_id_grondgeb_i: float  # EUR/aansluiting
    Ki_id_metBlok_i: float  # EUR/aansluiting
    Ki_id_geenBlok_i: float  # EUR/aansluiting
    Ki_id_uklein_i: float  # EUR/m2
    Ki_id_ugroot_i: float  # EUR/m2
    K_os_min_i: float  # EUR/kW
    K_os_Max_i: float  # EUR/kW
    K_WOS_min_i: float  # EUR/kW
    K_WOS_max_i: float  # EUR/kW
    K_os_p_min_i: float  # EUR/kW
    K_os_p_max_i: float  # EUR/kW
    Ki_dist_OS_i: float  # EUR/pand
    Ki_WKO_vast_min_i: float  # EUR
    Ki_WKO_vast_max_i: float  # EUR
    Ki_WKO_var_min_i: float  # EUR/kW
    Ki_WKO_var_max_i: float  # EUR/kW
    Ki_TEO_vast_min_i: float  # EUR
    Ki_TEO_vast_max_i: float  # EUR
    Ki_TEO_var_min_i: float  # EUR/kW
    Ki_TEO_var_max_i: float  # EUR/kW
    R_Regeneratie_i: float  # factor
    Ki_eWP_coll_min_i: float  # EUR/kW
    Ki_eWP_coll_max_i: float  # EUR/kW
    Ki_eWP_B_i: float  # EUR/woning
    Ki_eWP_CDE_i: float  # EUR/woning
    Ki_Buffer_i: float  # EUR/gebouw
    Ki_Buffer_min_i: float  # EUR
    Ki_LTAS_wl_min: float  # EUR/woning
    Ki_LTAS_wl_max: float  # EUR/woning
    Ki_LTAS_wh_min: float  # EUR/woning
    Ki_LTAS_wh_max: float  # EUR/woning
    Ki_LTAS_u_min: float  # EUR/m2
    Ki_LTAS_u_max: float  # EUR/m2
    Ki_Meterkast_wl_S1: float  # EUR/woning
    Ki_Meterkast_wh_S1: float  # EUR/woning
    Ki_Meterkast_wl_Sx: float  # EUR/woning
    Ki_Meterkast_wh_Sx: float  # EUR/woning
    Ki_pm_S1_min: float  # EUR/aansluiting
    Ki_pm_S1_max: float  # EUR/aansluiting
    Ki_pm_S2_min: float  # EUR/aansluiting
    Ki_pm_S2_max: float  # EUR/aansluiting
    Ki_pm_S3_min: float  # EUR/aansluiting
    Ki_pm_S3_max: float  # EUR/aansluiting
    Ki_pm_S4_min: float  # EUR/aansluiting
    Ki_pm_S4_max: float  # EUR/aansluiting
    Ki_verw_g_laagb_min: float  # EUR/aansluiting
    Ki_verw_g_laagb_max: float  # EUR/aansluiting
    Ki_verw_g_hoogb_min: float  # EUR/aansluiting
    Ki_verw_g_hoogb_max: float  # EUR/aansluiting
    Ki_verw_g_util_min: float  # EUR/aansluiting
    Ki_verw_g_util_max: float  # EUR/aansluiting
    Ki_verw_LD_min: float  # EUR/m
    Ki_verw_LD_max: float  # EUR/m
    Ki_verzw_e_min: float  # EUR/aansluiting
    Ki_verzw_e_max: float  # EUR/aansluiting
    Ki_MSR_min: float  # EUR/MS-ruimte
    Ki_MSR_max: float  # EUR/MS-ruimte
    Ki_verzw_LS_min: float  # EUR/m
    Ki_verzw_LS_max: float  # EUR/m
    P_MSR_kw: float  # kW/MS-ruimte
    L_di_gem: float  # m/aansluiting
    AF_K_buizen: float  # factor
    R_WOS_onderhoud: float  # 1/jaar
    R_OS_onderhoud: float  # 1/jaar
    R_pt_onderhoud: float  # 1/jaar
    R_Inst_onderhoud: float  # 1/jaar
    R_Inst_admin: float  # 1/jaar
    R_id_onderhoud: float  # 1/jaar
    R_ow_onderhoud: float  # 1/jaar
    R_ow_admin: float  # 1/jaar
    R_wd_onderhoud: float  # 1/jaar
    R_wpColl_onderhoud: float  # 1/jaar
    R_wpColl_admin: float  # 1/jaar
    R_buffer_onderhoud: float  # 1/jaar
    R_buffer_admin: float  # 1/jaar
    R_WKO_onderhoud: float  # 1/jaar
    R_TEO_onderhoud: float  # 1/jaar
    Ki_wd_m_MT: float  # EUR/m
    Ki_wd_m_LT: float  # EUR/m
    Ki_pt_m: float  # EUR/m
    L_transport_standaard: float  # m
    Ki_bodemlus: float  # EUR/woning
    Ki_hWP: float  # EUR/woning
    Ki_HR: float  # EUR/woning
    Ki_ketel_u: float  # EUR/kW
    T_stookgrens: float  # graden C
    T_ruimte: float  # graden C
    T_ontwerp: float  # graden C
    T_tapwater: float  # graden C
    T_bodem: float  # graden C
    T_WKO: float  # graden C
    eta_carnot: float  # fractie
    dT_wisselaar: float  # K
    COP_max: float  # ratio

    @classmethod
    def uit_dict(cls, waarden: Mapping[str, object]) -> Parameters:
        """Validate a mapping {name: value} and build the object.

        Raises :class:`InvoerFout` listing every missing, non-numeric or out-of-range value.
        Names the engine does not use are ignored (a parameter set may hold more); a group
        prefix before a dot is dropped (``Netbeheer.Ki_verzw_e_min`` is ``Ki_verzw_e_min``).
        """
        problemen: list[Probleem] = []
        waarden = _op_naam(waarden, problemen)
        schoon: dict[str, float] = {}
        for d in parameter_definities():
            plaats = f"parameter {d.naam}"
            if d.naam not in waarden or waarden[d.naam] is None:
                problemen.append(Probleem(plaats, f"ontbreekt ({d.beschrijving}, {d.eenheid})"))
                continue
            ruw = waarden[d.naam]
            try:
                waarde = float(ruw)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                problemen.append(Probleem(plaats, f"'{ruw}' is geen getal"))
                continue
            if not math.isfinite(waarde):
                problemen.append(Probleem(plaats, "is geen eindig getal"))
                continue
            fout = _buiten_bereik(waarde, d.bereik)
            if fout:
                problemen.append(Probleem(plaats, f"{fout} (nu {waarde:g} {d.eenheid})"))
                continue
            schoon[d.naam] = waarde
        controleer(problemen)
        return cls(**schoon)

    def als_dict(self) -> dict[str, float]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def vervang(self, **wijzigingen: float) -> Parameters:
        """A copy with some values changed, validated like :meth:`uit_dict`."""
        return Parameters.uit_dict({**self.als_dict(), **wijzigingen})

    def _tussen(self, patroon: str, schuif: float) -> float:
        laag = getattr(self, patroon.format("min"))
        try:
            hoog = getattr(self, patroon.format("max"))
        except AttributeError:
            hoog = getattr(self, patroon.format("Max"))  # PBL spells K_os_Max_i this way
        return float((1.0 - schuif) * laag + schuif * hoog)

    def kosten(self, patroon: str) -> float:
        """A cost key figure between its min and max (``VerbeterMinMaxSchuif``).

        ``patroon`` names the pair with ``{}`` where PBL writes min/max, e.g.
        ``"Ki_verzw_e_{}"`` or ``"Ki_WKO_vast_{}_i"``.
        """
        return self._tussen(patroon, self.VerbeterMinMaxSchuif)

    def efficientie(self, patroon: str) -> float:
        """An efficiency key figure between its min and max (``EfficiencySchuif``)."""
        return self._tussen(patroon, self.EfficiencySchuif)

    def zonder_bron(self) -> tuple[str, ...]:
        """Names of parameters whose value has no source (status ``geen bron``)."""
        return tuple(d.naam for d in parameter_definities() if d.status == "geen bron")


def standaard_parameters() -> Parameters:
    """The defaults of ``parameters.csv`` (PBL 2025 where PBL has the figure)."""
    return _standaard()


@cache
def _standaard() -> Parameters:
    return Parameters.uit_dict({d.naam: d.waarde for d in parameter_definities()})
