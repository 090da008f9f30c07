"""The heat company's business case: yearly cash flows, NPV, IRR, payback and the unprofitable top.

Pure computation on numpy and pandas. Conventions:

* Year index 0 is ``startjaar``; the horizon holds ``looptijd_jaren`` years (0 .. N-1).
  Calendar years are used for caps (``plafonds``) and subsidies, so they read as in the plan.
* In the cash-flow table income is positive and spending negative, so ``kasstroom`` is the sum
  of the columns.
* An investment is spent by its ``fasering`` (fractions per year from year 0). Each tranche is
  replaced when its lifetime ends inside the horizon; what is left of the last one at the end of
  the horizon (straight-line) counts as income (``restwaarde``) in the last year.
* Tariffs charged are, per year, the lower of the company's own tariff and the ACM maximum of
  that year; the last known maximum carries forward. Every capped year and tariff is listed.
  With ``tarieven_volgen_plafond`` the company charges the maximum of each year instead.
* The unprofitable top (onrendabele top) is the amount, in year 0, that brings the NPV to
  exactly 0: ``-npv`` when the NPV is negative, else 0.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from .fouten import FinancienFout, Probleem
from .rekenkunde import controleer_discontovoet, irr_met_reden, npv, terugverdientijd

#: Version of the :meth:`BusinesscaseResultaat.as_dict` layout.
VERSIE = 1

KOLOMMEN = (
    "jaar",
    "investeringen",
    "vervanging",
    "aansluitbijdragen",
    "vastrecht",
    "variabel",
    "subsidies",
    "inkoop",
    "beheer_onderhoud",
    "restwaarde",
    "kasstroom",
    "cumulatief",
    "contant",
)
_POSTEN = KOLOMMEN[1:10]
_TARIEFNAMEN = {
    "vastrecht_per_jaar": "vastrecht",
    "variabel_per_gj": "variabel tarief per GJ",
    "aansluitbijdrage": "aansluitbijdrage",
}
_SOM = 1e-6


@dataclass(frozen=True, slots=True)
class Investering:
    """One investment item; ``fasering`` spreads ``bedrag`` over the years from year 0."""

    post: str
    groep: str
    bedrag: float
    fasering: tuple[float, ...] = (1.0,)
    levensduur_jaren: float = 30.0
    onderhoud_per_jaar_fractie: float = 0.0


@dataclass(frozen=True, slots=True)
class Tarieven:
    """The heat company's own tariffs per connection."""

    vastrecht_per_jaar: float
    variabel_per_gj: float
    aansluitbijdrage: float


@dataclass(frozen=True, slots=True)
class Tariefplafond:
    """The ACM maximum tariffs of one year; the company may not charge more."""

    vastrecht_per_jaar: float
    variabel_per_gj: float
    aansluitbijdrage: float


@dataclass(frozen=True, slots=True)
class Subsidie:
    """A grant received in a calendar year."""

    omschrijving: str
    jaar: int
    bedrag: float


@dataclass(frozen=True)
class BusinesscaseInvoer:
    """Everything the business case needs; amounts in euros, energy in GJ."""

    investeringen: tuple[Investering, ...]
    aantal_aansluitingen_max: float
    aansluitgraad: float
    aansluitfasering: tuple[float, ...]
    warmtevraag_gj_per_aansluiting: float
    tarieven: Tarieven
    plafonds: Mapping[int, Tariefplafond]
    inkoopkosten_per_gj: Sequence[float]
    vaste_beheerkosten_per_jaar: float = 0.0
    subsidies: tuple[Subsidie | tuple[str, int, float], ...] = ()
    looptijd_jaren: int = 30
    discontovoet: float = 0.04
    startjaar: int = 2026
    #: Charge the ACM maximum of every year instead of the own tariffs (as most heat companies
    #: do); the own tariffs are then not used.
    tarieven_volgen_plafond: bool = False


@dataclass(frozen=True)
class BusinesscaseResultaat:
    """Outcome of :func:`bereken_businesscase`; ``kasstromen`` has the columns of ``KOLOMMEN``."""

    kasstromen: pd.DataFrame
    npv: float
    irr: float | None
    irr_reden: str
    terugverdientijd: float | None
    onrendabele_top: float
    discontovoet: float
    begrensd: tuple[str, ...] = ()
    notities: tuple[str, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, Any]:
        """JSON-safe form for storage (plain lists, floats and strings)."""
        return {
            "versie": VERSIE,
            "kasstromen": {
                k: [int(v) if k == "jaar" else float(v) for v in self.kasstromen[k]]
                for k in KOLOMMEN
            },
            "npv": float(self.npv),
            "irr": None if self.irr is None else float(self.irr),
            "irr_reden": self.irr_reden,
            "terugverdientijd": (
                None if self.terugverdientijd is None else float(self.terugverdientijd)
            ),
            "onrendabele_top": float(self.onrendabele_top),
            "discontovoet": float(self.discontovoet),
            "begrensd": list(self.begrensd),
            "notities": list(self.notities),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> BusinesscaseResultaat:
        """Read back what :meth:`as_dict` wrote."""
        frame = pd.DataFrame({k: data["kasstromen"][k] for k in KOLOMMEN})
        frame["jaar"] = frame["jaar"].astype(int)
        return cls(
            kasstromen=frame,
            npv=float(data["npv"]),
            irr=None if data["irr"] is None else float(data["irr"]),
            irr_reden=str(data.get("irr_reden", "")),
            terugverdientijd=(
                None if data["terugverdientijd"] is None else float(data["terugverdientijd"])
            ),
            onrendabele_top=float(data["onrendabele_top"]),
            discontovoet=float(data["discontovoet"]),
            begrensd=tuple(data.get("begrensd", ())),
            notities=tuple(data.get("notities", ())),
        )


def _eindig(waarde: float) -> bool:
    try:
        return math.isfinite(float(waarde))
    except (TypeError, ValueError):
        return False


def _controleer_fasering(fasering: Sequence[float], plaats: str, problemen: list[Probleem]) -> None:
    if len(fasering) == 0:
        problemen.append(Probleem(plaats, "de fasering is leeg"))
        return
    if any(not _eindig(f) or f < 0 for f in fasering):
        problemen.append(Probleem(plaats, "elke fractie van de fasering moet 0 of meer zijn"))
        return
    if abs(sum(fasering) - 1.0) > _SOM:
        problemen.append(
            Probleem(plaats, f"de fasering telt op tot {sum(fasering):.4g}; dat moet 1 zijn")
        )


def _subsidie(item: Subsidie | tuple[str, int, float]) -> Subsidie:
    return item if isinstance(item, Subsidie) else Subsidie(str(item[0]), int(item[1]), item[2])


def _controleer(invoer: BusinesscaseInvoer) -> list[Subsidie]:
    problemen: list[Probleem] = []
    n = invoer.looptijd_jaren
    if not isinstance(n, int) or n <= 0:
        raise FinancienFout(
            [Probleem("looptijd", "de looptijd moet een heel aantal jaren > 0 zijn")]
        )
    try:
        controleer_discontovoet(invoer.discontovoet)
    except FinancienFout as fout:
        problemen.extend(fout.problemen)
    for i, inv in enumerate(invoer.investeringen, start=1):
        plaats = f"investering {i} ({inv.post})"
        if not _eindig(inv.bedrag) or inv.bedrag < 0:
            problemen.append(Probleem(plaats, "het bedrag moet 0 of meer zijn"))
        if not _eindig(inv.levensduur_jaren) or inv.levensduur_jaren <= 0:
            problemen.append(Probleem(plaats, "de levensduur moet groter dan 0 jaar zijn"))
        if not _eindig(inv.onderhoud_per_jaar_fractie) or inv.onderhoud_per_jaar_fractie < 0:
            problemen.append(Probleem(plaats, "het onderhoud per jaar moet 0 of meer zijn"))
        _controleer_fasering(inv.fasering, f"{plaats}, fasering", problemen)
        if len(inv.fasering) > n:
            problemen.append(Probleem(plaats, "de fasering is langer dan de looptijd"))
    if not _eindig(invoer.aantal_aansluitingen_max) or invoer.aantal_aansluitingen_max < 0:
        problemen.append(Probleem("aantal aansluitingen", "het aantal moet 0 of meer zijn"))
    if not _eindig(invoer.aansluitgraad) or not 0 <= invoer.aansluitgraad <= 1:
        problemen.append(Probleem("aansluitgraad", "de aansluitgraad moet tussen 0 en 1 liggen"))
    _controleer_fasering(invoer.aansluitfasering, "aansluitfasering", problemen)
    if len(invoer.aansluitfasering) > n:
        problemen.append(Probleem("aansluitfasering", "de fasering is langer dan de looptijd"))
    if not _eindig(invoer.warmtevraag_gj_per_aansluiting) or (
        invoer.warmtevraag_gj_per_aansluiting < 0
    ):
        problemen.append(Probleem("warmtevraag", "de warmtevraag moet 0 of meer zijn"))
    for naam in _TARIEFNAMEN:
        waarde = getattr(invoer.tarieven, naam)
        if not _eindig(waarde) or waarde < 0:
            problemen.append(Probleem(f"tarieven, {_TARIEFNAMEN[naam]}", "moet 0 of meer zijn"))
    if not any(jaar <= invoer.startjaar for jaar in invoer.plafonds):
        problemen.append(
            Probleem(
                "tariefplafonds",
                f"het ACM-tariefplafond voor het startjaar {invoer.startjaar} ontbreekt",
            )
        )
    inkoop = list(invoer.inkoopkosten_per_gj)
    if not inkoop:
        problemen.append(Probleem("inkoopkosten", "de inkoopkosten per GJ ontbreken"))
    elif any(not _eindig(p) for p in inkoop):
        problemen.append(Probleem("inkoopkosten", "alle inkoopkosten moeten een getal zijn"))
    if not _eindig(invoer.vaste_beheerkosten_per_jaar) or invoer.vaste_beheerkosten_per_jaar < 0:
        problemen.append(Probleem("beheerkosten", "de vaste beheerkosten moeten 0 of meer zijn"))
    subsidies = []
    for i, item in enumerate(invoer.subsidies, start=1):
        try:
            sub = _subsidie(item)
        except (TypeError, ValueError, IndexError):
            problemen.append(Probleem(f"subsidie {i}", "geef omschrijving, jaar en bedrag"))
            continue
        if not invoer.startjaar <= sub.jaar < invoer.startjaar + n:
            problemen.append(
                Probleem(f"subsidie {i} ({sub.omschrijving})", "het jaar valt buiten de looptijd")
            )
        if not _eindig(sub.bedrag):
            problemen.append(Probleem(f"subsidie {i} ({sub.omschrijving})", "geef een bedrag"))
        subsidies.append(sub)
    if problemen:
        raise FinancienFout(problemen)
    return subsidies


def plafondjaar(plafonds: Mapping[int, Tariefplafond], jaar: int) -> int | None:
    """The year whose ACM cap holds in ``jaar``: the latest known year up to it, else the
    first known year (``None`` without caps)."""
    if not plafonds:
        return None
    eerder = [j for j in plafonds if j <= jaar]
    return max(eerder) if eerder else min(plafonds)


def _plafond(plafonds: Mapping[int, Tariefplafond], jaar: int) -> Tariefplafond:
    return plafonds[plafondjaar(plafonds, jaar)]


def _fmt(bedrag: float) -> str:
    return f"€ {bedrag:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


def bereken_businesscase(invoer: BusinesscaseInvoer) -> BusinesscaseResultaat:
    """Compute the yearly cash flows and the figures a decision rests on."""
    subsidies = _controleer(invoer)
    n = invoer.looptijd_jaren
    jaren = np.arange(n)
    notities: list[str] = []
    nul = np.zeros(n)
    investeringen, vervanging, onderhoud, restwaarde = (
        nul.copy(),
        nul.copy(),
        nul.copy(),
        nul.copy(),
    )

    for inv in invoer.investeringen:
        levensduur = float(inv.levensduur_jaren)
        for start, fractie in enumerate(inv.fasering):
            tranche = inv.bedrag * fractie
            if tranche == 0:
                continue
            investeringen[start] -= tranche
            onderhoud[start:] -= tranche * inv.onderhoud_per_jaar_fractie
            laatste = float(start)
            volgende = start + levensduur
            while volgende < n:
                # A lifetime that is not a whole number of years is replaced at the start of the
                # year it runs out in.
                jaar = math.floor(volgende + 1e-9)
                vervanging[jaar] -= tranche
                laatste = volgende
                volgende += levensduur
            resterend = levensduur - (n - laatste)
            if resterend > 1e-9:
                restwaarde[n - 1] += tranche * resterend / levensduur
        if inv.levensduur_jaren < n and inv.bedrag > 0:
            notities.append(
                f"{inv.post}: de levensduur ({inv.levensduur_jaren:g} jaar) is korter dan de "
                f"looptijd ({n} jaar); we rekenen met vervanging aan het eind van de levensduur"
            )
    if restwaarde[-1] > 0:
        notities.append(
            "De restwaarde van de investeringen aan het eind van de looptijd (lineair "
            f"afgeschreven, {_fmt(restwaarde[-1])}) telt als inkomst in het laatste jaar "
            f"({invoer.startjaar + n - 1})."
        )

    fasering = np.zeros(n)
    fasering[: len(invoer.aansluitfasering)] = invoer.aansluitfasering
    nieuw = invoer.aantal_aansluitingen_max * invoer.aansluitgraad * fasering
    actief = np.cumsum(nieuw)

    eigen = invoer.tarieven
    tarief = {naam: np.zeros(n) for naam in _TARIEFNAMEN}
    begrensd: list[str] = []
    for t in jaren:
        kalenderjaar = invoer.startjaar + int(t)
        plafond = _plafond(invoer.plafonds, kalenderjaar)
        for naam, omschrijving in _TARIEFNAMEN.items():
            eigen_tarief, maximum = getattr(eigen, naam), getattr(plafond, naam)
            if invoer.tarieven_volgen_plafond:
                tarief[naam][t] = maximum
                continue
            tarief[naam][t] = min(eigen_tarief, maximum)
            if eigen_tarief > maximum:
                begrensd.append(
                    f"{kalenderjaar}: {omschrijving} begrensd op het ACM-maximum "
                    f"({_fmt(maximum)} in plaats van {_fmt(eigen_tarief)})"
                )
    if begrensd:
        notities.append(
            f"In {len(begrensd)} gevallen (jaar en tarief) ligt het eigen tarief boven het "
            "ACM-maximum; we rekenen dan met het maximum."
        )

    inkoop_prijs = np.asarray(list(invoer.inkoopkosten_per_gj), dtype=float)
    if inkoop_prijs.size < n:
        if inkoop_prijs.size > 1:
            notities.append(
                f"De inkoopkosten zijn gegeven voor {inkoop_prijs.size} jaar; daarna rekenen we "
                "met de laatst gegeven prijs."
            )
        inkoop_prijs = np.concatenate(
            [inkoop_prijs, np.full(n - inkoop_prijs.size, inkoop_prijs[-1])]
        )
    inkoop_prijs = inkoop_prijs[:n]

    warmte = actief * invoer.warmtevraag_gj_per_aansluiting
    subsidie_kolom = np.zeros(n)
    for sub in subsidies:
        subsidie_kolom[sub.jaar - invoer.startjaar] += sub.bedrag

    frame = pd.DataFrame(
        {
            "jaar": invoer.startjaar + jaren,
            "investeringen": investeringen,
            "vervanging": vervanging,
            "aansluitbijdragen": nieuw * tarief["aansluitbijdrage"],
            "vastrecht": actief * tarief["vastrecht_per_jaar"],
            "variabel": warmte * tarief["variabel_per_gj"],
            "subsidies": subsidie_kolom,
            "inkoop": -warmte * inkoop_prijs,
            "beheer_onderhoud": onderhoud - invoer.vaste_beheerkosten_per_jaar,
            "restwaarde": restwaarde,
        }
    )
    frame["kasstroom"] = frame[list(_POSTEN)].sum(axis=1)
    frame["cumulatief"] = frame["kasstroom"].cumsum()
    frame["contant"] = frame["kasstroom"] / (1.0 + invoer.discontovoet) ** jaren
    frame = frame[list(KOLOMMEN)]

    kasstromen = frame["kasstroom"].to_numpy()
    netto = npv(kasstromen, invoer.discontovoet)
    rentevoet, reden = irr_met_reden(kasstromen)
    if reden:
        notities.append(reden[0].upper() + reden[1:] + ".")
    top = max(0.0, -netto)
    if top > 0:
        notities.append(
            f"De onrendabele top is {_fmt(top)} (contante waarde in {invoer.startjaar}): "
            "dat bedrag in het eerste jaar maakt de netto contante waarde precies nul."
        )
    return BusinesscaseResultaat(
        kasstromen=frame,
        npv=netto,
        irr=rentevoet,
        irr_reden=reden,
        terugverdientijd=terugverdientijd(kasstromen),
        onrendabele_top=top,
        discontovoet=invoer.discontovoet,
        begrensd=tuple(begrensd),
        notities=tuple(notities),
    )


def bereken_scenarios(
    invoer: BusinesscaseInvoer,
    inkoop_per_scenario: Mapping[str, Sequence[float]],
    aansluitgraden: Sequence[float] = (0.7, 0.9, 1.0),
) -> pd.DataFrame:
    """The business case for each price scenario × connection rate, one row each (tidy)."""
    rijen = []
    for naam, inkoop in inkoop_per_scenario.items():
        for graad in aansluitgraden:
            resultaat = bereken_businesscase(
                replace(invoer, inkoopkosten_per_gj=tuple(inkoop), aansluitgraad=float(graad))
            )
            rijen.append(
                {
                    "prijsscenario": naam,
                    "aansluitgraad": float(graad),
                    "npv": resultaat.npv,
                    "irr": resultaat.irr,
                    "terugverdientijd": resultaat.terugverdientijd,
                    "onrendabele_top": resultaat.onrendabele_top,
                }
            )
    return pd.DataFrame(
        rijen,
        columns=[
            "prijsscenario",
            "aansluitgraad",
            "npv",
            "irr",
            "terugverdientijd",
            "onrendabele_top",
        ],
    )


__all__ = [
    "KOLOMMEN",
    "BusinesscaseInvoer",
    "BusinesscaseResultaat",
    "FinancienFout",
    "Investering",
    "Subsidie",
    "Tariefplafond",
    "Tarieven",
    "bereken_businesscase",
    "bereken_scenarios",
]
