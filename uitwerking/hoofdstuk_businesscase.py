"""The plan document's chapter "Businesscase warmtebedrijf": the key figures, the cash-flow
charts, the scenario table and the parameters with their sources, of the current calculation.
Without one (or when it is outdated) the chapter says so; for a chosen alternative without a heat
network it says that there is no heat company. No names of people."""

from __future__ import annotations

from django.http import HttpRequest

from uitwerking.selectors import businesscase as selectors
from wup.models import Wijkplan


def hoofdstuk_context(request: HttpRequest | None, plan: Wijkplan) -> dict:
    from keuze.selectors import huidige_keuze
    from uitwerking.views.businesscase import weergave

    stand = selectors.stand(plan)
    keuze = huidige_keuze(plan)
    zonder_net = (
        keuze is not None
        and (stand is None or stand.keuze_gewijzigd)
        and plan.pk in selectors.zonder_warmtenet_many([plan], {plan.pk: keuze})
    )
    return {
        "bc": weergave(stand, "-hoofdstuk") if stand and not zonder_net else None,
        "zonder_warmtenet": keuze.alternatief_naam if zonder_net else "",
    }
