"""Monthly housing costs of a household before and after the heat transition.

Per household type (house type × tenure) we compare the monthly costs before and after, with
the one-off costs turned into a monthly amount: an annuity on a loan for an owner-occupier, a
rent increase for a tenant. Tenants pay no one-off costs themselves: the landlord does, and the
rent increase is what reaches the tenant. The verdict *woonlastenneutraal* holds when the costs
after are at most the costs before plus an agreed margin.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .fouten import FinancienFout, Probleem
from .rekenkunde import annuiteit

EIGENAAR = "eigenaar-bewoner"
HUURDER_CORPORATIE = "huurder corporatie"
PARTICULIERE_HUURDER = "particuliere huurder"
EIGENDOMSVORMEN = (EIGENAAR, HUURDER_CORPORATIE, PARTICULIERE_HUURDER)
HUURDERS = (HUURDER_CORPORATIE, PARTICULIERE_HUURDER)

_REGELS = ("energie", "vastrecht", "onderhoud", "overig")


@dataclass(frozen=True, slots=True)
class Lening:
    """A loan for the one-off costs: yearly rate (fraction), term in years and, when the lender
    caps it, the largest amount that can be borrowed (the rest is paid at once)."""

    rente: float
    looptijd_jaren: float
    maximum: float | None = None


@dataclass(frozen=True, slots=True)
class Huurverhoging:
    """The rent increase a tenant pays for the landlord's investment, per month."""

    per_maand: float


@dataclass(frozen=True, slots=True)
class Maandlasten:
    """Monthly costs per line, in euros."""

    energie: float = 0.0
    vastrecht: float = 0.0
    onderhoud: float = 0.0
    overig: float = 0.0


@dataclass(frozen=True)
class HuishoudenInvoer:
    """One household type and what changes for it."""

    naam: str
    eigendom: str
    eenmalig: Mapping[str, float]
    subsidies: Mapping[str, float]
    financiering: Lening | Huurverhoging | None
    voor: Maandlasten
    na: Maandlasten
    woningtype: str = ""


@dataclass(frozen=True, slots=True)
class Regel:
    """One line of the comparison, per month."""

    post: str
    voor: float
    na: float

    @property
    def verschil(self) -> float:
        return self.na - self.voor


@dataclass(frozen=True)
class WoonlastenResultaat:
    """Outcome of :func:`bereken_woonlasten`."""

    naam: str
    eigendom: str
    woningtype: str
    regels: tuple[Regel, ...]
    eenmalig_bruto: float
    subsidies: float
    eenmalig_netto: float
    financiering_per_maand: float
    totaal_voor: float
    totaal_na: float
    marge_per_maand: float
    woonlastenneutraal: bool
    uitleg: str
    notities: tuple[str, ...] = field(default_factory=tuple)

    @property
    def verschil(self) -> float:
        return self.totaal_na - self.totaal_voor

    def as_dict(self) -> dict[str, Any]:
        """JSON-safe form for storage."""
        return {
            "naam": self.naam,
            "eigendom": self.eigendom,
            "woningtype": self.woningtype,
            "regels": [
                {"post": r.post, "voor": r.voor, "na": r.na, "verschil": r.verschil}
                for r in self.regels
            ],
            "eenmalig_bruto": self.eenmalig_bruto,
            "subsidies": self.subsidies,
            "eenmalig_netto": self.eenmalig_netto,
            "financiering_per_maand": self.financiering_per_maand,
            "totaal_voor": self.totaal_voor,
            "totaal_na": self.totaal_na,
            "verschil": self.verschil,
            "marge_per_maand": self.marge_per_maand,
            "woonlastenneutraal": self.woonlastenneutraal,
            "uitleg": self.uitleg,
            "notities": list(self.notities),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WoonlastenResultaat:
        """The result back from :meth:`as_dict` (derived fields such as ``verschil`` are
        recomputed, not read)."""
        return cls(
            naam=data["naam"],
            eigendom=data["eigendom"],
            woningtype=data.get("woningtype", ""),
            regels=tuple(
                Regel(r["post"], float(r["voor"]), float(r["na"])) for r in data.get("regels", ())
            ),
            eenmalig_bruto=float(data["eenmalig_bruto"]),
            subsidies=float(data["subsidies"]),
            eenmalig_netto=float(data["eenmalig_netto"]),
            financiering_per_maand=float(data["financiering_per_maand"]),
            totaal_voor=float(data["totaal_voor"]),
            totaal_na=float(data["totaal_na"]),
            marge_per_maand=float(data.get("marge_per_maand", 0.0)),
            woonlastenneutraal=bool(data["woonlastenneutraal"]),
            uitleg=data.get("uitleg", ""),
            notities=tuple(data.get("notities", ())),
        )


def _fmt(bedrag: float) -> str:
    return f"€ {bedrag:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


def _controleer(invoer: HuishoudenInvoer, marge: float) -> None:
    problemen: list[Probleem] = []
    if invoer.eigendom not in EIGENDOMSVORMEN:
        problemen.append(Probleem("eigendom", f"kies uit: {', '.join(EIGENDOMSVORMEN)}"))
    for soort, posten in (("eenmalig", invoer.eenmalig), ("subsidies", invoer.subsidies)):
        for post, bedrag in posten.items():
            if not math.isfinite(bedrag) or bedrag < 0:
                problemen.append(Probleem(f"{soort}, {post}", "het bedrag moet 0 of meer zijn"))
    for moment in ("voor", "na"):
        lasten = getattr(invoer, moment)
        for regel in _REGELS:
            if not math.isfinite(getattr(lasten, regel)):
                problemen.append(Probleem(f"maandlasten {moment}, {regel}", "geef een bedrag"))
    huurder = invoer.eigendom in HUURDERS
    if huurder and isinstance(invoer.financiering, Lening):
        problemen.append(
            Probleem(
                "financiering",
                "een huurder betaalt geen lening: de verhuurder investeert en de huurder "
                "betaalt een huurverhoging",
            )
        )
    if not huurder and isinstance(invoer.financiering, Huurverhoging):
        problemen.append(Probleem("financiering", "een eigenaar-bewoner heeft geen huurverhoging"))
    if isinstance(invoer.financiering, Huurverhoging) and (
        not math.isfinite(invoer.financiering.per_maand) or invoer.financiering.per_maand < 0
    ):
        problemen.append(Probleem("huurverhoging", "de huurverhoging moet 0 of meer zijn"))
    if isinstance(invoer.financiering, Lening):
        if not math.isfinite(invoer.financiering.looptijd_jaren) or (
            invoer.financiering.looptijd_jaren <= 0
        ):
            problemen.append(Probleem("lening", "de looptijd moet groter dan 0 jaar zijn"))
        if not math.isfinite(invoer.financiering.rente) or invoer.financiering.rente <= -1:
            problemen.append(Probleem("lening", "de rente moet groter zijn dan -100 %"))
        maximum = invoer.financiering.maximum
        if maximum is not None and (not math.isfinite(maximum) or maximum < 0):
            problemen.append(Probleem("lening", "het maximale leenbedrag moet 0 of meer zijn"))
    if not math.isfinite(marge):
        problemen.append(Probleem("marge", "geef een bedrag"))
    if problemen:
        raise FinancienFout(problemen)


def bereken_woonlasten(
    invoer: HuishoudenInvoer, marge_per_maand: float = 0.0
) -> WoonlastenResultaat:
    """Compare monthly costs before and after, financing included, and give the verdict."""
    _controleer(invoer, marge_per_maand)
    notities: list[str] = []
    bruto = float(sum(invoer.eenmalig.values()))
    subsidies = float(sum(invoer.subsidies.values()))
    netto = max(0.0, bruto - subsidies)
    if subsidies > bruto:
        notities.append(
            f"De subsidies ({_fmt(subsidies)}) zijn hoger dan de eenmalige kosten "
            f"({_fmt(bruto)}); de netto eenmalige kosten zijn daarom 0, niet negatief."
        )
    huurder = invoer.eigendom in HUURDERS
    if huurder:
        post = "huurverhoging"
        financiering = (
            invoer.financiering.per_maand if isinstance(invoer.financiering, Huurverhoging) else 0
        )
        if netto > 0:
            notities.append(
                f"De eenmalige kosten ({_fmt(netto)} netto) betaalt de verhuurder; de huurder "
                f"betaalt een huurverhoging van {_fmt(financiering)} per maand."
            )
    else:
        post = "financiering"
        if isinstance(invoer.financiering, Lening) and netto > 0:
            lening = invoer.financiering
            geleend = netto if lening.maximum is None else min(netto, lening.maximum)
            financiering = annuiteit(geleend, lening.rente, lening.looptijd_jaren, per_maand=True)
            notities.append(
                f"De netto eenmalige kosten ({_fmt(geleend)}"
                + (f" van {_fmt(netto)}" if geleend < netto else "")
                + f") worden gefinancierd met een lening tegen {lening.rente * 100:.2f} % over "
                f"{lening.looptijd_jaren:g} jaar: {_fmt(financiering)} per maand."
            )
            if geleend < netto:
                notities.append(
                    f"De lening is ten hoogste {_fmt(lening.maximum)}; de rest "
                    f"({_fmt(netto - geleend)}) wordt in één keer betaald en staat niet in de "
                    "maandlasten."
                )
        else:
            financiering = 0.0
            if netto > 0:
                notities.append(
                    f"De netto eenmalige kosten ({_fmt(netto)}) worden in één keer betaald, "
                    "zonder lening; ze staan niet in de maandlasten."
                )
    regels = (
        *(Regel(r, float(getattr(invoer.voor, r)), float(getattr(invoer.na, r))) for r in _REGELS),
        Regel(post, 0.0, float(financiering)),
    )
    voor = sum(r.voor for r in regels)
    na = sum(r.na for r in regels)
    neutraal = na <= voor + marge_per_maand + 1e-9
    verschil = na - voor
    richting = "hoger" if verschil > 0 else "lager"
    marge_tekst = f" (met een marge van {_fmt(marge_per_maand)})" if marge_per_maand else ""
    if neutraal:
        uitleg = (
            f"Woonlastenneutraal{marge_tekst}: de maandlasten zijn na de overstap "
            f"{_fmt(na)}, vóór {_fmt(voor)}; dat is {_fmt(abs(verschil))} per maand {richting}."
        )
    else:
        uitleg = (
            f"Niet woonlastenneutraal{marge_tekst}: de maandlasten stijgen van {_fmt(voor)} "
            f"naar {_fmt(na)}, {_fmt(verschil)} per maand meer"
            + (f", {_fmt(verschil - marge_per_maand)} boven de marge." if marge_per_maand else ".")
        )
    return WoonlastenResultaat(
        naam=invoer.naam,
        eigendom=invoer.eigendom,
        woningtype=invoer.woningtype,
        regels=regels,
        eenmalig_bruto=bruto,
        subsidies=subsidies,
        eenmalig_netto=netto,
        financiering_per_maand=float(financiering),
        totaal_voor=voor,
        totaal_na=na,
        marge_per_maand=float(marge_per_maand),
        woonlastenneutraal=neutraal,
        uitleg=uitleg,
        notities=tuple(notities),
    )
