"""Reads of step 5's finance figures: the only way step 5's code gets them.

The figures live in step 2's versioned parameter sets (group ``Financien`` and the table
``acm_tariefplafonds``, loaded by :mod:`uitwerking.services.parameters`), next to PBL's
end-user energy prices (``KG_P``: small consumers, including energy tax and VAT, per scenario
and year). Every result of step 5 stores the id of the set it used; :func:`is_verouderd` says
whether a newer set has been published since.

A published set never changes, so what is read from one is kept in memory per set.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from threading import Lock

import pandas as pd

from techniek.selectors import parameters as techniek_parameters
from uitwerking.financien import FinancienFout, Probleem, Tariefplafond
from uitwerking.services.parameters import GROEP, PLAFONDTABEL

#: The PBL price tables with the end-user price of each carrier, and its unit.
PRIJSTABELLEN = {
    "aardgas": ("energieprijzen_aardgas", "EUR/m3"),
    "elektriciteit": ("energieprijzen_elektriciteit", "EUR/kWh"),
}
EINDPRIJS_KOLOM = "KG_P"
SCENARIOS = ("basis", "laag", "hoog")


@dataclass(frozen=True)
class Kental:
    naam: str
    waarde: float | None
    eenheid: str
    bron: str
    omschrijving: str


@dataclass(frozen=True)
class FinancieleParameters:
    parameterset_id: int
    versie: int
    kentallen: Mapping[str, Kental]
    plafonds: Mapping[int, Tariefplafond]
    plafondbron: str
    eindprijzen: pd.DataFrame
    prijsbron: str
    pbl_waarden: Mapping[str, float | None] = field(default_factory=dict, repr=False)

    def waarde(self, naam: str) -> float:
        """A figure of group ``Financien``; a clear error when the set lacks it or it is empty."""
        kental = self.kentallen.get(naam)
        if kental is None or kental.waarde is None:
            raise FinancienFout(
                [
                    Probleem(
                        f"parameter {GROEP}.{naam}",
                        f"ontbreekt in parameterset versie {self.versie}; vul die aan in een "
                        "nieuwe versie",
                    )
                ]
            )
        return kental.waarde

    def eindprijs(self, drager: str, jaar: int, scenario: str = "basis") -> float:
        """End-user price of ``drager`` in ``jaar`` (EUR/m3 gas, EUR/kWh electricity);
        before the first and after the last year of the table the nearest year counts."""
        rijen = self.eindprijzen[self.eindprijzen["scenario"] == scenario]
        if drager not in PRIJSTABELLEN or rijen.empty or rijen[drager].isna().all():
            raise FinancienFout(
                [Probleem(f"eindprijs {drager}", f"ontbreekt voor scenario '{scenario}'")]
            )
        rijen = rijen.dropna(subset=[drager])
        jaren = rijen["jaar"]
        gekozen = min(max(jaar, int(jaren.min())), int(jaren.max()))
        return float(rijen.loc[jaren == gekozen, drager].iloc[0])

    def pbl(self, sleutel: str) -> float | None:
        """Any other scalar figure of the same set, e.g. ``NMDA_Prijzen.Aansluitbijdrage``."""
        return self.pbl_waarden.get(sleutel)

    def bronnen(self) -> list[dict]:
        """The finance figures with unit and source, then the ACM table, for source tables."""
        rijen = [
            {"naam": k.naam, "waarde": k.waarde, "eenheid": k.eenheid, "bron": k.bron}
            for k in self.kentallen.values()
        ]
        rijen.append(
            {
                "naam": "ACM-maximumtarieven",
                "waarde": None,
                "eenheid": "per jaar " + ", ".join(str(j) for j in sorted(self.plafonds)),
                "bron": self.plafondbron,
            }
        )
        rijen.append(
            {
                "naam": "Eindgebruikersprijzen aardgas en elektriciteit",
                "waarde": None,
                "eenheid": "EUR/m3, EUR/kWh",
                "bron": self.prijsbron,
            }
        )
        return rijen


_CACHE: dict[tuple[int, object], FinancieleParameters | None] = {}
_LOCK = Lock()


def _lees(parameterset) -> FinancieleParameters | None:
    kentallen = {
        p.naam: Kental(p.naam, p.waarde_getal, p.eenheid, p.bron, p.omschrijving)
        for p in techniek_parameters.parameters(parameterset, groep=GROEP)
    }
    tabel = techniek_parameters.parametertabel(parameterset, PLAFONDTABEL)
    if not kentallen or tabel is None:
        return None
    plafonds = {
        int(rij["Jaar"]): Tariefplafond(
            vastrecht_per_jaar=float(rij["Vaste_kosten_max"]),
            variabel_per_gj=float(rij["Variabel_max"]),
            aansluitbijdrage=float(rij["Aansluitbijdrage_max"]),
        )
        for rij in techniek_parameters.parametertabel_frame(tabel).to_dict("records")
        if not pd.isna(rij["Jaar"])
    }
    delen, bronnen = [], []
    for drager, (sleutel, _eenheid) in PRIJSTABELLEN.items():
        prijstabel = techniek_parameters.parametertabel(parameterset, sleutel)
        if prijstabel is None:
            continue
        frame = techniek_parameters.parametertabel_frame(prijstabel)
        if EINDPRIJS_KOLOM not in frame:
            continue
        delen.append(
            frame[["scenario", "Jaar", EINDPRIJS_KOLOM]]
            .rename(columns={"Jaar": "jaar", EINDPRIJS_KOLOM: drager})
            .set_index(["scenario", "jaar"])
        )
        bronnen.append(f"{prijstabel.titel or sleutel}: {prijstabel.bron}")
    eindprijzen = (
        pd.concat(delen, axis=1).reset_index()
        if delen
        else pd.DataFrame(columns=["scenario", "jaar", *PRIJSTABELLEN])
    )
    return FinancieleParameters(
        parameterset_id=parameterset.pk,
        versie=parameterset.versie,
        kentallen=kentallen,
        plafonds=plafonds,
        plafondbron=tabel.bron,
        eindprijzen=eindprijzen,
        prijsbron=(
            "PBL, eindgebruikersprijs kleinverbruik (KG_P, inclusief energiebelasting en btw). "
            + "; ".join(bronnen)
        ),
        pbl_waarden=techniek_parameters.parameterwaarden(parameterset),
    )


def financiele_parameters(parameterset_id: int | None = None) -> FinancieleParameters | None:
    """The finance figures of set ``parameterset_id``, or of the current set; ``None`` when
    there is no such published set or it lacks step 5's figures."""
    if parameterset_id is None:
        parameterset = techniek_parameters.huidige_parameterset()
    else:
        parameterset = techniek_parameters.parameterset_by_pk(parameterset_id)
    if parameterset is None or not parameterset.is_vastgesteld:
        return None
    sleutel = (parameterset.pk, parameterset.vastgesteld_op)
    with _LOCK:
        if sleutel in _CACHE:
            return _CACHE[sleutel]
    gelezen = _lees(parameterset)
    with _LOCK:
        if len(_CACHE) > 32:
            _CACHE.clear()
        _CACHE[sleutel] = gelezen
    return gelezen


def is_verouderd(parameterset_id: int | None) -> bool:
    """Whether a step-5 result calculated with set ``parameterset_id`` is outdated: another
    set is current. Step 5 reads PBL's prices and other figures of the set as well, so every
    newer version counts."""
    return verouderd_many([parameterset_id])[parameterset_id]


def verouderd_many(ids: Iterable[int | None]) -> dict[int | None, bool]:
    """:func:`is_verouderd` for many results with one query."""
    huidig = techniek_parameters.huidige_parameterset()
    return {i: huidig is not None and i != huidig.pk for i in set(ids)}
