"""Read of a plan's comparison with PBL's Startanalyse: PBL's rows for the plan's buurten and the
plan's alternatives with their latest finished calculation, fed into the pure
:mod:`techniek.startanalyse.vergelijking`.

:func:`startanalyse_vergelijking` returns a :class:`StartanalyseVergelijking`: the comparison
itself (``.uitkomst``, plain data for the API) and what a page shows of it (``.tabellen``,
``.bron`` ..., figures formatted the Dutch way with :mod:`wup.charts`). A page includes it with
``{% include "techniek/startanalyse_vergelijking.html" %}`` and the object as ``vergelijking``
in its context.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from techniek.engine import STANDAARD_ALTERNATIEVEN
from techniek.selectors.alternatieven import alternatieven_van
from techniek.selectors.startanalyse import startanalyse_voor_plan
from techniek.startanalyse import vergelijking as pure
from techniek.startanalyse.indicatoren import NAAMGEVING_2020
from wup import charts
from wup.models import Wijkplan

#: Engine template -> PBL's variant code (``S1a_B_LuchtWP`` -> ``s1a``); the engine's codes
#: start with PBL's ``V01_Strategievariant``.
PBL_VARIANTEN: dict[str, str] = {
    a.code: pure.variant_van_sjabloon(a.code) for a in STANDAARD_ALTERNATIEVEN
}

TITELS: dict[str, Promise] = {
    "nationale_meerkosten": gettext_lazy("Nationale meerkosten"),
    "nationale_meerkosten_per_ton_co2": gettext_lazy("Nationale meerkosten per vermeden ton CO₂"),
    "nationale_meerkosten_per_weq": gettext_lazy("Nationale meerkosten per woningequivalent"),
    "co2_reductie": gettext_lazy("Vermeden CO₂-uitstoot"),
    "co2_uitstoot": gettext_lazy("CO₂-uitstoot na de overstap"),
    "kapitaallasten": gettext_lazy("Kapitaallasten van de investeringen"),
    "variabele_kosten": gettext_lazy("Energie, onderhoud en beheer"),
    "investering": gettext_lazy("Investering"),
    "investering_per_weq": gettext_lazy("Investering per woningequivalent"),
}
EENHEDEN: dict[str, Promise] = {
    "€/jr": gettext_lazy("euro per jaar"),
    "€/ton CO₂": gettext_lazy("euro per ton CO₂"),
    "€/jr per woningequivalent": gettext_lazy("euro per jaar per woningequivalent"),
    "ton CO₂/jr": gettext_lazy("ton CO₂ per jaar"),
    "€": gettext_lazy("euro"),
    "€ per woningequivalent": gettext_lazy("euro per woningequivalent"),
}
#: How PBL's figure for the plan area is made, per rule of the pure module.
REGELS: dict[str, Promise] = {
    pure.SOM: gettext_lazy("PBL: de buurten van het plan opgeteld."),
    pure.GEWOGEN_WEQ: gettext_lazy(
        "PBL: het gemiddelde van de buurten, gewogen naar hun woningequivalenten."
    ),
    pure.GEWOGEN_CO2: gettext_lazy(
        "PBL: het gemiddelde van de buurten, gewogen naar de CO₂ die ze vermijden."
    ),
    pure.NIET_BIJ_PBL: gettext_lazy(
        "De Startanalyse geeft geen investeringen, alleen de kapitaallasten per jaar."
    ),
}


def editie_naam(editie: str) -> str:
    """``2025`` stays ``2025``; ``2020+`` (newer naming without a year) reads "2020 of later"."""
    return _("2020 of later") if editie == NAAMGEVING_2020 else editie


def _getal(waarde: float | None, decimalen: int) -> str:
    return charts.getal(waarde, decimalen)


def _verschil(cel: pure.Cel, decimalen: int) -> str:
    v = cel.verschil
    if v is None:
        return charts.ONBEKEND
    tekst = charts.getal(v, decimalen)
    if tekst not in ("0", charts.ONBEKEND) and not tekst.startswith("-"):
        tekst = f"+{tekst}"
    pct = cel.verschil_procent
    if pct is not None:
        p = charts.getal(pct, 0)
        tekst += f" ({'+' if pct > 0 and p != '0' else ''}{p}%)"
    return tekst


@dataclass(frozen=True)
class TabelRij:
    """One row of an indicator's table: a strategy, our alternative (or none), three figures."""

    variant: str
    strategie: str
    alternatief: str
    opmerkingen: tuple[str, ...]
    pbl: str
    eigen: str
    verschil: str
    cel: pure.Cel


@dataclass(frozen=True)
class IndicatorTabel:
    sleutel: str
    titel: str
    eenheid: str
    uitleg: str
    rijen: tuple[TabelRij, ...]


def _opmerkingen(
    s: pure.Strategie, a: pure.EigenUitkomst | None, aantal_buurten: int
) -> tuple[str, ...]:
    uit: list[str] = []
    if a is None:
        uit.append(_("geen alternatief in dit plan"))
    else:
        if a.eigen_variant:
            uit.append(_("eigen variant, met andere parameters dan PBL"))
        if not a.berekend:
            uit.append(_("nog niet doorgerekend"))
        elif a.verouderd:
            uit.append(_("berekend met een oudere parameterset"))
    if not s.variant:
        uit.append(_("geen variant van de Startanalyse"))
    elif not s.heeft_pbl:
        uit.append(_("PBL rekende deze variant niet voor deze buurten"))
    elif not s.volledig:
        uit.append(
            _("PBL geeft deze variant voor %(n)d van de %(totaal)d buurten")
            % {"n": len(s.pbl_buurten), "totaal": aantal_buurten}
        )
    return tuple(uit)


@dataclass(frozen=True)
class StartanalyseVergelijking:
    """The comparison of one plan with PBL's Startanalyse, and what a page shows of it."""

    uitkomst: pure.Vergelijking
    #: The plan's buurten: code -> name.
    buurten: Mapping[str, str]

    @property
    def heeft_pbl(self) -> bool:
        return self.uitkomst.heeft_pbl

    @property
    def editie(self) -> str | None:
        return self.uitkomst.editie

    @property
    def editie_naam(self) -> str:
        return editie_naam(self.uitkomst.editie) if self.uitkomst.editie else ""

    @property
    def andere_edities(self) -> list[str]:
        return [editie_naam(e) for e in self.uitkomst.edities if e != self.uitkomst.editie]

    @property
    def bron(self) -> str:
        """The credit line: "PBL, Startanalyse aardgasvrije buurten, editie 2025"."""
        return _("PBL, Startanalyse aardgasvrije buurten, editie %(editie)s") % {
            "editie": self.editie_naam or _("onbekend")
        }

    @property
    def scenario(self) -> str:
        return self.uitkomst.scenario

    @property
    def buurten_zonder_pbl(self) -> list[str]:
        """Names (with code) of the plan's buurten without figures of PBL in this edition."""
        return [f"{self.buurten.get(c, c)} ({c})" for c in self.uitkomst.buurten_zonder_pbl]

    @property
    def goedkoopste(self) -> dict | None:
        """PBL's cheapest strategy for the plan area, with its costs formatted."""
        g = self.uitkomst.goedkoopste
        if g is None:
            return None
        return {
            "variant": g.variant,
            "strategie": g.strategie,
            "kosten": charts.met_eenheid(g.nationale_meerkosten, str(EENHEDEN["€/jr"])),
            "vergeleken": g.vergeleken,
        }

    @property
    def tabellen(self) -> list[IndicatorTabel]:
        """One table per indicator: the strategies with an alternative of the plan first, then
        those PBL computed only (not for the investments, which PBL does not give)."""
        u = self.uitkomst
        aantal = len(u.buurtcodes)
        uit = []
        for ind in u.indicatoren:
            strategieen = list(u.met_alternatief)
            if ind.regel != pure.NIET_BIJ_PBL:
                strategieen += list(u.alleen_pbl)
            rijen = []
            for s in strategieen:
                for rij in s.rijen:
                    cel = rij.cellen[ind.sleutel]
                    rijen.append(
                        TabelRij(
                            variant=s.variant,
                            strategie=s.strategie if s.variant else _("Zonder PBL-variant"),
                            alternatief=rij.alternatief.naam if rij.alternatief else "",
                            opmerkingen=_opmerkingen(s, rij.alternatief, aantal),
                            pbl=_getal(cel.pbl, ind.decimalen),
                            eigen=_getal(cel.eigen, ind.decimalen),
                            verschil=_verschil(cel, ind.decimalen),
                            cel=cel,
                        )
                    )
            uit.append(
                IndicatorTabel(
                    sleutel=ind.sleutel,
                    titel=str(TITELS.get(ind.sleutel, ind.titel)),
                    eenheid=str(EENHEDEN.get(ind.eenheid, ind.eenheid)),
                    uitleg=str(REGELS[ind.regel]),
                    rijen=tuple(rijen),
                )
            )
        return uit


def startanalyse_vergelijking(
    plan: Wijkplan, *, scenario: str = pure.SCENARIO, editie: str | None = None
) -> StartanalyseVergelijking:
    """PBL's Startanalyse beside the plan's alternatives, per strategy variant.

    Our side: every alternative of the plan with its latest finished calculation (an
    alternative not yet calculated is listed with unknown figures), under the PBL variant code
    of its template (:data:`PBL_VARIANTEN`); a user variant keeps its template's code and is
    marked. PBL's side: the edition asked for, else the newest one with figures for the plan's
    buurten. ``scenario`` is our price scenario (``basis``, ``laag``, ``hoog``). A fixed number
    of queries.
    """
    frame = startanalyse_voor_plan(plan)
    buurten: dict[str, str] = dict(frame.attrs.get("buurten", {}))
    eigen = [
        pure.EigenAlternatief(
            naam=s.alternatief.naam,
            variant=PBL_VARIANTEN.get(
                s.alternatief.sjabloon, pure.variant_van_sjabloon(s.alternatief.sjabloon)
            ),
            samenvatting=s.laatste_klaar.samenvatting if s.laatste_klaar else None,
            sjabloon=s.alternatief.sjabloon,
            eigen_variant=s.alternatief.is_variant,
            verouderd=s.laatste_klaar is not None and s.verouderd,
        )
        for s in alternatieven_van(plan)
    ]
    uitkomst = pure.vergelijk(
        frame, eigen, buurtcodes=list(buurten), editie=editie, scenario=scenario
    )
    return StartanalyseVergelijking(uitkomst=uitkomst, buurten=buurten)
