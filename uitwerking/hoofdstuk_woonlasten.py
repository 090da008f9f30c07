"""The plan document's chapter "Woonlasten voor bewoners": what the chosen solution costs each
kind of household per month, the verdict on cost neutrality, the households at risk (with the
link to step 1's signal of energy poverty) and the figures with their sources. No names of
people: only what was computed and when."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from uitwerking.selectors import woonlasten as selectors
from wup.models import Wijkplan


def hoofdstuk_context(request: HttpRequest | None, plan: Wijkplan) -> dict:
    stand = selectors.stand_van(plan)
    return {
        **selectors.weergave(stand),
        "energiearmoede_url": reverse("wijktoets-indicatoren", args=[plan.pk]) + "#energiearmoede",
    }
