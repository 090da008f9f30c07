"""The plan document's chapter on participation: the process and its results.

Only group data and figures: no contact persons, no names of people who signed up, no open
answers of residents (those may contain personal data).
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone

from participatie.selectors import netwerk
from participatie.selectors import publiek as publiek_selectors
from participatie.selectors import raadplegingen as raadpleging_selectors
from participatie.selectors import resultaten as selectors
from participatie.services.participatieplan import PLANFASEN
from wup.models import Wijkplan


def hoofdstuk_context(request: HttpRequest | None, plan: Wijkplan) -> dict:
    plannen = netwerk.participatieplannen_van(plan)
    nu = timezone.now()
    return {
        "partijen": netwerk.partijen_van(plan),
        "fasen": [{"fase": f, "plan": plannen.get(f.value)} for f in PLANFASEN],
        "contacten_per_soort": selectors.contacten_per_soort(plan),
        "maatregelen": netwerk.gedragsmaatregelen_van(plan),
        "bijeenkomsten": [
            b
            for b in publiek_selectors.bijeenkomsten_van(plan)
            if b.begint_op <= nu and b.geannuleerd_op is None
        ],
        "uitslagen": selectors.uitslagen(raadpleging_selectors.gesloten_raadplegingen(plan)),
        "steun": selectors.steun_weergave(plan),
        "min_responsen": selectors.r.MIN_RESPONSEN,
        "afwijking": selectors.huidige_afwijking(plan),
    }
