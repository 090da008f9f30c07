"""Energy prices for national costs, and emission factors, per year and price scenario.

Source: PBL ``energieprijzen/20250108_Energieprijzen_*.csv`` (Vesta MAIS, Startanalyse 2025),
shipped in ``techniek/data/parameters/energieprijzen/``. Per year and user class (``KG``
kleingebruik, ``GG`` grootgebruik, ...) PBL gives price components per m3 (gas) or kWh
(electricity). As in Vesta's ``EnergiePrijzen.dms``:

* national-cost price ("maatschappelijk") = ``PC_COM_EXCL_CO2 + PC_CO2 + PC_NET``;
* emission factor = ``RAT_CO2_KWH`` [kg per m3 or kWh];
* per GJ: gas divided by ``GasEnergie`` (0.03165 GJ/m3), electricity x 1e6/3600 kWh/GJ.

The scenarios ``laag`` and ``hoog`` are PBL's ``GAlaag`` / ``GAhoog`` files. (In the 2025 files
they differ from ``basis`` only in the 2030 price of climate-neutral gas.)

:func:`energieprijzen_uit_tabellen` does the same from tables in PBL's column layout with a
column ``scenario`` (e.g. the tables of a beheerder's parameter set); :func:`energieprijzen_pbl`
is that function applied to the shipped files.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path

import pandas as pd

from .fouten import Probleem, controleer

PRIJZEN_DIR = Path(__file__).resolve().parent.parent / "data" / "parameters" / "energieprijzen"
SCENARIOS = ("basis", "laag", "hoog")
_VOORVOEGSEL = {"basis": "", "laag": "GAlaag_", "hoog": "GAhoog_"}
KWH_PER_GJ = 1e6 / 3600.0
#: PBL's energy content of natural gas, used to turn prices per m3 into prices per GJ.
GAS_GJ_PER_M3 = 0.03165
#: The year whose prices and emission factors the engine uses (PBL's "zichtjaar").
PRIJSJAAR = 2030
#: The price components of the national-cost price, per user class.
KLASSEN = ("KG", "GG")
COMPONENTEN = ("PC_COM_EXCL_CO2", "PC_CO2", "PC_NET")
#: Columns of an emission-factor table (one row per year, one column per carrier, basis scenario).
EMISSIEKOLOMMEN = {
    "aardgas": "aardgas",
    "elektriciteit": "elektriciteit",
    "kn_gas": "klimaatneutraal_gas",
}


@dataclass(frozen=True, slots=True)
class Energieprijzen:
    """National-cost prices [EUR/GJ] and emission factors [kg CO2/GJ] of one year and scenario.

    ``klein`` = PBL kleingebruik (buildings), ``groot`` = grootgebruik (collective plants).
    """

    jaar: int
    scenario: str
    aardgas_klein: float
    aardgas_groot: float
    kn_gas_klein: float
    kn_gas_groot: float
    elektriciteit_klein: float
    elektriciteit_groot: float
    co2_aardgas: float
    co2_elektriciteit: float
    co2_kn_gas: float
    bron: str = ""

    @classmethod
    def uit_dict(cls, waarden: Mapping[str, object]) -> Energieprijzen:
        """Build from a plain mapping (as the Django side stores it), checking every value."""
        problemen: list[Probleem] = []
        schoon: dict[str, object] = {}
        for f in fields(cls):
            plaats = f"energieprijs {f.name}"
            if f.name == "bron":
                schoon["bron"] = str(waarden.get("bron", ""))
                continue
            if f.name not in waarden or waarden[f.name] is None:
                problemen.append(Probleem(plaats, "ontbreekt"))
                continue
            if f.name == "scenario":
                schoon[f.name] = str(waarden[f.name])
                continue
            try:
                getal = float(waarden[f.name])  # type: ignore[arg-type]
            except (TypeError, ValueError):
                problemen.append(Probleem(plaats, f"'{waarden[f.name]}' is geen getal"))
                continue
            if not math.isfinite(getal) or getal < 0:
                problemen.append(Probleem(plaats, "moet een getal van 0 of meer zijn"))
                continue
            schoon[f.name] = int(getal) if f.name == "jaar" else getal
        controleer(problemen)
        return cls(**schoon)  # type: ignore[arg-type]


def _lees(scenario: str, drager: str) -> pd.DataFrame:
    pad = PRIJZEN_DIR / f"20250108_Energieprijzen_{_VOORVOEGSEL[scenario]}{drager}.csv"
    return pd.read_csv(pad, sep=";", encoding="utf-8-sig")


def _getal(waarde: object) -> float | None:
    """A cell as a finite number, or None (empty, text, infinite)."""
    if isinstance(waarde, bool) or waarde is None:
        return None
    try:
        getal = float(waarde)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return getal if math.isfinite(getal) else None


def _rij(
    tabel: pd.DataFrame,
    naam: str,
    kolommen: Sequence[str],
    jaar: int,
    scenario: str | None,
    problemen: list[Probleem],
) -> dict[str, float] | None:
    """The numbers in ``kolommen`` of the one row of ``jaar`` (and ``scenario``), or None with
    the problems said."""
    nodig = ["Jaar", *([] if scenario is None else ["scenario"]), *kolommen]
    ontbreekt = [k for k in nodig if k not in tabel.columns]
    if ontbreekt:
        problemen += [Probleem(naam, f"kolom {k} ontbreekt") for k in ontbreekt]
        return None
    keuze = pd.to_numeric(tabel["Jaar"], errors="coerce") == jaar
    plaats = f"{naam}, jaar {jaar}"
    if scenario is not None:
        keuze &= tabel["scenario"].astype(str).str.strip() == scenario
        plaats = f"{naam}, scenario {scenario}, jaar {jaar}"
    rijen = tabel[keuze.to_numpy()]
    if len(rijen) != 1:
        melding = "geen regel" if len(rijen) == 0 else f"{len(rijen)} regels in plaats van één"
        problemen.append(Probleem(plaats, melding))
        return None
    rij = rijen.iloc[0]
    uit: dict[str, float] = {}
    for k in kolommen:
        getal = _getal(rij[k])
        if getal is None:
            problemen.append(Probleem(f"{plaats}, kolom {k}", f"'{rij[k]}' is geen getal"))
        else:
            uit[k] = getal
    return uit if len(uit) == len(kolommen) else None


def _maatschappelijk(rij: Mapping[str, float], klasse: str) -> float:
    return float(
        rij[f"{klasse}_PC_COM_EXCL_CO2"] + rij[f"{klasse}_PC_CO2"] + rij[f"{klasse}_PC_NET"]
    )


def energieprijzen_uit_tabellen(
    aardgas: pd.DataFrame,
    elektriciteit: pd.DataFrame,
    kn_gas: pd.DataFrame,
    *,
    emissiefactoren: pd.DataFrame | None = None,
    jaar: int = PRIJSJAAR,
    scenarios: Sequence[str] = SCENARIOS,
    gas_gj_per_m3: float = GAS_GJ_PER_M3,
    namen: Mapping[str, str] | None = None,
    bron: str = "",
) -> dict[str, Energieprijzen]:
    """Prices of ``jaar`` per scenario from tables in PBL's column layout.

    Each price table has the columns ``scenario`` (``basis``, ``laag``, ``hoog``), ``Jaar`` and
    PBL's ``<klasse>_PC_*`` columns (per m3 for gas, per kWh for electricity), one row per
    scenario and year. Emission factors come from ``emissiefactoren`` when given (columns
    ``Jaar``, ``aardgas``, ``elektriciteit``, ``klimaatneutraal_gas`` in kg per m3 or kWh, the
    same for every scenario), otherwise from each price row's ``RAT_CO2_KWH``. ``namen`` names
    the tables in messages (keys ``aardgas``, ``elektriciteit``, ``kn_gas``,
    ``emissiefactoren``). Raises :class:`InvoerFout` naming every missing table part.
    """
    namen = {
        "aardgas": "energieprijzen aardgas",
        "elektriciteit": "energieprijzen elektriciteit",
        "kn_gas": "energieprijzen klimaatneutraal gas",
        "emissiefactoren": "emissiefactoren",
        **(namen or {}),
    }
    problemen: list[Probleem] = []
    if not (math.isfinite(gas_gj_per_m3) and gas_gj_per_m3 > 0):
        controleer([Probleem("GasEnergie", "moet een getal groter dan 0 zijn")])
    prijskolommen = [f"{k}_{c}" for k in KLASSEN for c in COMPONENTEN]
    if emissiefactoren is None:
        prijskolommen.append("RAT_CO2_KWH")
        factoren = None
    else:
        factoren = _rij(
            emissiefactoren,
            namen["emissiefactoren"],
            list(EMISSIEKOLOMMEN.values()),
            jaar,
            None,
            problemen,
        )
    tabellen = {"aardgas": aardgas, "elektriciteit": elektriciteit, "kn_gas": kn_gas}
    rijen = {
        (drager, scenario): _rij(tabel, namen[drager], prijskolommen, jaar, scenario, problemen)
        for scenario in scenarios
        for drager, tabel in tabellen.items()
    }
    controleer(problemen)
    uit: dict[str, Energieprijzen] = {}
    for scenario in scenarios:
        g, e, k = (rijen[(d, scenario)] for d in ("aardgas", "elektriciteit", "kn_gas"))
        assert g is not None and e is not None and k is not None
        if factoren is None:
            co2 = {"aardgas": g["RAT_CO2_KWH"], "elektriciteit": e["RAT_CO2_KWH"]}
            co2["kn_gas"] = k["RAT_CO2_KWH"]
        else:
            co2 = {drager: factoren[kolom] for drager, kolom in EMISSIEKOLOMMEN.items()}
        waarden = {
            "jaar": jaar,
            "scenario": scenario,
            "aardgas_klein": _maatschappelijk(g, "KG") / gas_gj_per_m3,
            "aardgas_groot": _maatschappelijk(g, "GG") / gas_gj_per_m3,
            "kn_gas_klein": _maatschappelijk(k, "KG") / gas_gj_per_m3,
            "kn_gas_groot": _maatschappelijk(k, "GG") / gas_gj_per_m3,
            "elektriciteit_klein": _maatschappelijk(e, "KG") * KWH_PER_GJ,
            "elektriciteit_groot": _maatschappelijk(e, "GG") * KWH_PER_GJ,
            "co2_aardgas": float(co2["aardgas"]) / gas_gj_per_m3,
            "co2_elektriciteit": float(co2["elektriciteit"]) * KWH_PER_GJ,
            "co2_kn_gas": float(co2["kn_gas"]) / gas_gj_per_m3,
        }
        for veld, waarde in waarden.items():
            if isinstance(waarde, float) and waarde < 0:
                problemen.append(
                    Probleem(
                        f"energieprijs {veld}, scenario {scenario}, jaar {jaar}",
                        "is negatief; de prijs (PC_COM_EXCL_CO2 + PC_CO2 + PC_NET) of de "
                        "emissiefactor moet 0 of meer zijn",
                    )
                )
        uit[scenario] = Energieprijzen(
            **waarden,  # type: ignore[arg-type]
            bron=f"{bron} ({scenario}), {jaar}" if bron else f"{scenario}, {jaar}",
        )
    controleer(problemen)
    return uit


@cache
def energieprijzen_pbl(jaar: int = PRIJSJAAR) -> dict[str, Energieprijzen]:
    """PBL's 2025 prices of ``jaar`` for the three scenarios (``basis``, ``laag``, ``hoog``)."""
    tabellen = {
        drager: pd.concat(
            [_lees(s, drager).assign(scenario=s) for s in SCENARIOS], ignore_index=True
        )
        for drager in ("Aardgas", "Elek", "KlimaatNeutraalGas")
    }
    if not (tabellen["Aardgas"]["Jaar"] == jaar).any():
        controleer([Probleem("zichtjaar", f"PBL geeft geen energieprijzen voor {jaar}")])
    return energieprijzen_uit_tabellen(
        tabellen["Aardgas"],
        tabellen["Elek"],
        tabellen["KlimaatNeutraalGas"],
        jaar=jaar,
        bron="PBL energieprijzen 20250108",
    )
