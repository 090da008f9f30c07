"""The figures of step 2 that another step may weigh (step 4's assessment of the alternatives):
per alternative its value of one indicator from the latest finished calculation, where it comes
from, and whether it is outdated."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from techniek import weergave
from techniek.selectors.alternatieven import AlternatiefStand, alternatieven_van
from wup.models import Wijkplan


@dataclass(frozen=True)
class Beoordelingsindicator:
    """An indicator of the engine that can serve as a criterion, with its natural direction."""

    sleutel: str
    titel: Promise | str
    eenheid: str
    hoger_beter: bool


#: The engine's indicators that say something about an alternative's merit (basis price path).
BEOORDELINGSINDICATOREN: dict[str, Beoordelingsindicator] = {
    i.sleutel: i
    for i in (
        Beoordelingsindicator(
            "nk.H16_Nat_meerkost",
            gettext_lazy("Extra nationale kosten tegenover de gasketel"),
            "euro per jaar",
            False,
        ),
        Beoordelingsindicator(
            "nk.H18_Nat_meerkost_WEQ",
            gettext_lazy("Extra nationale kosten per woningequivalent"),
            "euro per jaar",
            False,
        ),
        Beoordelingsindicator(
            "nk.H17_Nat_meerkost_CO2",
            gettext_lazy("Extra nationale kosten per ton vermeden CO2"),
            "euro per ton",
            False,
        ),
        Beoordelingsindicator(
            "investering_eur", gettext_lazy("Investeringen, totaal"), "euro", False
        ),
        Beoordelingsindicator(
            "nk.CO2_vermeden",
            gettext_lazy("Vermeden CO2 tegenover de gasketel"),
            "ton per jaar",
            True,
        ),
        Beoordelingsindicator("co2_reductie_pct", gettext_lazy("CO2-reductie"), "%", True),
        Beoordelingsindicator(
            "warmte.extra_netbelasting_mw",
            gettext_lazy("Extra belasting van het elektriciteitsnet"),
            "MW",
            False,
        ),
    )
}


@dataclass(frozen=True)
class Indicatorwaarde:
    alternatief_id: int
    alternatief_naam: str
    #: None when the alternative has no finished calculation (or it lacks the figure).
    waarde: float | None
    berekening_id: int | None
    verouderd: bool
    #: The alternative's page, where the figure is shown with its assumptions.
    url: str


def uitkomst_van(stand: AlternatiefStand) -> weergave.Uitkomst:
    """The alternative with the figures of its latest finished calculation."""
    b = stand.laatste_klaar
    return weergave.Uitkomst(
        naam=stand.alternatief.naam,
        sjabloon=stand.alternatief.sjabloon,
        samenvatting=b.samenvatting if b else {},
        reeksen=b.reeksen if b else {},
        verouderd=stand.verouderd,
    )


def indicatorwaarden(
    plan: Wijkplan, sleutels: list[str], standen: list[AlternatiefStand] | None = None
) -> dict[str, dict[int, Indicatorwaarde]]:
    """Per indicator key, per alternative id, its value in the basis price path (fixed queries;
    pass ``standen`` from :func:`alternatieven_van` to reuse them)."""
    standen = alternatieven_van(plan) if standen is None else standen
    uitkomsten = [(s, uitkomst_van(s)) for s in standen]
    return {
        sleutel: {
            s.alternatief.pk: Indicatorwaarde(
                alternatief_id=s.alternatief.pk,
                alternatief_naam=s.alternatief.naam,
                waarde=weergave.waarde(u, sleutel) if u.berekend else None,
                berekening_id=s.laatste_klaar.pk if s.laatste_klaar else None,
                verouderd=s.verouderd,
                url=reverse("techniek-alternatief", args=[plan.pk, s.alternatief.pk]),
            )
            for s, u in uitkomsten
        }
        for sleutel in sleutels
    }
