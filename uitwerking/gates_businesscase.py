"""The condition of step 5's business case for leaving the elaboration phase
(``start_uitvoeringsplan``, track technisch-economisch), registered from
:mod:`uitwerking.registratie_businesscase`.

``uitwerking.businesscase`` is met when the plan's newest business case was calculated for the
choice that counts now (not for an earlier one) and its finance parameters were not replaced by
a newer published set, or when the chosen alternative has no heat network (no heat company,
no business case of one). A fixed number of queries for any number of plans.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from keuze import selectors as keuze_selectors
from uitwerking import parameters as financiele
from uitwerking.selectors import businesscase as selectors
from wup.charts import getal
from wup.models import Wijkplan
from wup.workflow import GateOutcome


def _euro(bedrag: float) -> str:
    return f"€\u00a0{getal(bedrag)}"


def businesscase_berekend(plans: Sequence[Wijkplan]) -> dict[int, GateOutcome]:
    keuzes = keuze_selectors.huidige_keuzes_many(plans)
    bcs = selectors.huidige_many(plans)
    verouderd = financiele.verouderd_many({bc.parameterset_id for bc in bcs.values()})
    zonder_net = selectors.zonder_warmtenet_many(plans, keuzes)
    uitkomst = {}
    for plan in plans:
        keuze, bc = keuzes.get(plan.pk), bcs.get(plan.pk)
        if keuze is None:
            uitkomst[plan.pk] = GateOutcome(
                False,
                _(
                    "er is nog geen warmteoplossing gekozen. Leg in stap 4 de keuze vast en "
                    "bereken daarna de businesscase van het gekozen alternatief."
                ),
            )
        elif plan.pk in zonder_net and (bc is None or bc.keuze_id != keuze.pk):
            uitkomst[plan.pk] = GateOutcome(
                True,
                _(
                    "‘%(naam)s’ heeft geen warmtenet: er is geen warmtebedrijf, dus geen "
                    "businesscase van een warmtebedrijf nodig. De kosten liggen bij de eigenaren; "
                    "zie de woonlasten."
                )
                % {"naam": keuze.alternatief_naam},
            )
        elif bc is None:
            uitkomst[plan.pk] = GateOutcome(
                False,
                _(
                    "de businesscase van ‘%(naam)s’ is nog niet berekend. Controleer de invoer op "
                    "de pagina Businesscase en bereken hem."
                )
                % {"naam": keuze.alternatief_naam},
            )
        elif bc.keuze_id != keuze.pk:
            uitkomst[plan.pk] = GateOutcome(
                False,
                _(
                    "de businesscase is berekend voor een eerdere keuze (‘%(oud)s’). Bereken de "
                    "businesscase opnieuw voor ‘%(naam)s’."
                )
                % {"oud": bc.alternatief_naam, "naam": keuze.alternatief_naam},
            )
        elif verouderd.get(bc.parameterset_id, False):
            uitkomst[plan.pk] = GateOutcome(
                False,
                _(
                    "de businesscase van ‘%(naam)s’ is berekend met financiële parameters die "
                    "intussen zijn gewijzigd. Bereken de businesscase opnieuw."
                )
                % {"naam": keuze.alternatief_naam},
            )
        else:
            resultaat = bc.resultaat or {}
            uitkomst[plan.pk] = GateOutcome(
                True,
                _(
                    "de businesscase van ‘%(naam)s’ is berekend: netto contante waarde "
                    "%(npv)s, onrendabele top %(top)s."
                )
                % {
                    "naam": keuze.alternatief_naam,
                    "npv": _euro(resultaat.get("npv", 0.0)),
                    "top": _euro(resultaat.get("onrendabele_top", 0.0)),
                },
            )
    return uitkomst
