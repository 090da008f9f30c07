"""The plan document's chapter "Organisatie en governance": the parties and their roles (RACI)
with the agreement on them, the model of ownership and governance, the risk register with its
matrix, and the realisation planning with its timeline. No names of people: only parties and
the bodies that decided."""

from __future__ import annotations

from django.http import HttpRequest

from uitwerking.weergave_organisatie import organisatie_context
from wup.models import Wijkplan


def hoofdstuk_context(request: HttpRequest | None, plan: Wijkplan) -> dict:
    return organisatie_context(plan, grafiek_id="hoofdstuk")
