"""The condition of step 5's part 'woonlasten' for leaving the elaboration
(``start_uitvoeringsplan``, technisch-economisch): the housing costs are calculated for every
household type in the area, for the alternative chosen now, not outdated, each with a verdict.

Household types that are not woonlastenneutraal do not block: the message counts them, and the
plan document's chapter names them. Answered for many plans in a fixed number of queries.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from uitwerking.selectors import woonlasten as selectors
from wup.models import Wijkplan
from wup.workflow import GateOutcome


def woonlasten_berekend(plans: Sequence[Wijkplan]) -> dict[int, GateOutcome]:
    standen = selectors.standen_many(plans)
    uitkomst: dict[int, GateOutcome] = {}
    for plan in plans:
        stand = standen.get(plan.pk)
        if stand is None:
            uitkomst[plan.pk] = GateOutcome(
                False,
                _(
                    "de woonlasten voor bewoners zijn nog niet berekend. Bereken per type "
                    "huishouden wat het gekozen alternatief per maand kost."
                ),
            )
            continue
        if stand.verouderd:
            uitkomst[plan.pk] = GateOutcome(
                False,
                _(
                    "de berekening van de woonlasten is verouderd: %(redenen)s. Bereken de "
                    "woonlasten opnieuw."
                )
                % {"redenen": "; ".join(stand.redenen)},
            )
            continue
        typen = stand.berekening.huishoudtypen or []
        met_oordeel = {u.sleutel for u in stand.uitkomsten}
        ontbreekt = [t["sleutel"] for t in typen if t["sleutel"] not in met_oordeel]
        if not stand.uitkomsten or ontbreekt:
            uitkomst[plan.pk] = GateOutcome(
                False,
                _(
                    "niet elk type huishouden in het gebied heeft een oordeel over de "
                    "woonlasten. Bereken de woonlasten opnieuw."
                ),
            )
            continue
        n = len(stand.uitkomsten)
        tekst = ngettext(
            "de woonlasten zijn berekend voor %(n)d type huishouden bij ‘%(alt)s’: ",
            "de woonlasten zijn berekend voor %(n)d typen huishoudens bij ‘%(alt)s’: ",
            n,
        ) % {"n": n, "alt": stand.berekening.alternatief_naam}
        tekst += _("%(neutraal)d woonlastenneutraal, %(niet)d niet woonlastenneutraal") % {
            "neutraal": stand.neutraal,
            "niet": stand.niet_neutraal,
        }
        if stand.risico:
            tekst += ngettext(
                ", waarvan %(r)d in een gebied met een signaal van energiearmoede",
                ", waarvan %(r)d in een gebied met een signaal van energiearmoede",
                stand.risico,
            ) % {"r": stand.risico}
        tekst += "."
        if stand.niet_neutraal:
            tekst += " " + _(
                "Het hoofdstuk over de woonlasten in het plan noemt de typen die erop "
                "achteruitgaan."
            )
        uitkomst[plan.pk] = GateOutcome(True, tekst)
    return uitkomst
