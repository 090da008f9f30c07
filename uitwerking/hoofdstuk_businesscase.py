"""The plan document's chapter "Businesscase warmtebedrijf": the key figures, the cash-flow
charts, the scenario table and the parameters with their sources, of the current calculation.
Without one (or when it is outdated) the chapter says so. No names of people."""

from __future__ import annotations

from django.http import HttpRequest

from uitwerking.selectors import businesscase as selectors
from wup.models import Wijkplan


def hoofdstuk_context(request: HttpRequest | None, plan: Wijkplan) -> dict:
    from uitwerking.views.businesscase import weergave

    stand = selectors.stand(plan)
    return {"bc": weergave(stand, "-hoofdstuk") if stand else None}
