"""Who may write the participation of a plan: only its projectleider, never in a frozen plan.
The field checks are the core's (:mod:`wup.schrijven`)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext as _

from wup import schrijven
from wup.models import Wijkplan
from wup.schrijven import tekst, verzamel
from wup.schrijven import uit_lijst as keuze

__all__ = ["keuze", "schrijfbaar", "tekst", "verzamel"]


def schrijfbaar(plan: Wijkplan, user: AbstractBaseUser) -> Wijkplan:
    """The plan, locked, if this user may write it; else a clear refusal."""
    return schrijven.schrijfbaar(
        plan,
        user,
        niet_toegestaan=_("Alleen de projectleider van dit plan kan de participatie wijzigen."),
    )
