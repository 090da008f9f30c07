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
"""

from __future__ import annotations

import math
from collections.abc import Mapping
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
    return pd.read_csv(pad, sep=";", encoding="utf-8-sig").set_index("Jaar")


def _maatschappelijk(rij: pd.Series, klasse: str) -> float:
    return float(
        rij[f"{klasse}_PC_COM_EXCL_CO2"] + rij[f"{klasse}_PC_CO2"] + rij[f"{klasse}_PC_NET"]
    )


@cache
def energieprijzen_pbl(jaar: int = 2030) -> dict[str, Energieprijzen]:
    """PBL's 2025 prices of ``jaar`` for the three scenarios (``basis``, ``laag``, ``hoog``)."""
    uit: dict[str, Energieprijzen] = {}
    for scenario in SCENARIOS:
        gas, elek, kng = (_lees(scenario, d) for d in ("Aardgas", "Elek", "KlimaatNeutraalGas"))
        if jaar not in gas.index:
            controleer([Probleem("zichtjaar", f"PBL geeft geen energieprijzen voor {jaar}")])
        g, e, k = gas.loc[jaar], elek.loc[jaar], kng.loc[jaar]
        uit[scenario] = Energieprijzen(
            jaar=jaar,
            scenario=scenario,
            aardgas_klein=_maatschappelijk(g, "KG") / GAS_GJ_PER_M3,
            aardgas_groot=_maatschappelijk(g, "GG") / GAS_GJ_PER_M3,
            kn_gas_klein=_maatschappelijk(k, "KG") / GAS_GJ_PER_M3,
            kn_gas_groot=_maatschappelijk(k, "GG") / GAS_GJ_PER_M3,
            elektriciteit_klein=_maatschappelijk(e, "KG") * KWH_PER_GJ,
            elektriciteit_groot=_maatschappelijk(e, "GG") * KWH_PER_GJ,
            co2_aardgas=float(g["RAT_CO2_KWH"]) / GAS_GJ_PER_M3,
            co2_elektriciteit=float(e["RAT_CO2_KWH"]) * KWH_PER_GJ,
            co2_kn_gas=float(k["RAT_CO2_KWH"]) / GAS_GJ_PER_M3,
            bron=f"PBL energieprijzen 20250108 ({scenario}), {jaar}",
        )
    return uit
