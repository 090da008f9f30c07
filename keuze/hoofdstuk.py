"""The plan document's chapter on the choice of the heat solution.

Everything comes from the recorded choice's snapshot: what the council adopts is the analysis
the choice rested on, not the matrix as it may have changed since. Without a choice the
chapter shows the analysis as it is now, marked as not yet decided. The earlier, superseded
choices follow in a short list. No names of people: only the body that decided.
"""

from __future__ import annotations

from django.http import HttpRequest

from keuze import selectors, weergave
from wup.models import Wijkplan


def hoofdstuk_context(request: HttpRequest | None, plan: Wijkplan) -> dict:
    keuzes = weergave.met_orgaan(selectors.keuzes_van(plan))
    huidige = keuzes[0] if keuzes else None
    if huidige is not None:
        opname = selectors.momentopname(huidige)
    else:
        opname = selectors.Momentopname(selectors.analyse_van(plan).als_momentopname())
    return {
        "keuze": huidige,
        "eerdere": keuzes[1:],
        "analyse": weergave.momentopname(opname, "hoofdstuk"),
    }
