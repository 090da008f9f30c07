"""Writes of the motivated deviation from the participation condition before the choice.

Append-only: recording and withdrawing each add a row; the newest row counts. Only the plan's
projectleider writes, never in a frozen plan.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from participatie.models import Afwijking
from participatie.services.toegang import schrijfbaar, tekst
from wup.models import Wijkplan

MIN_MOTIVATIE = 20
MAX_MOTIVATIE = 5000


def afwijking_vastleggen(
    *, wijkplan: Wijkplan, user: AbstractBaseUser, motivatie: str
) -> Afwijking:
    """Record why the plan may go to the choice without a closed consultation."""
    motivatie = tekst(
        motivatie,
        "motivatie",
        verplicht=_("Schrijf op waarom het plan zonder raadpleging verder kan."),
        max_lengte=MAX_MOTIVATIE,
    )
    if len(motivatie) < MIN_MOTIVATIE:
        raise ValidationError(
            {
                "motivatie": _(
                    "Leg het iets uitgebreider uit: gebruik minstens %(n)d tekens. Schrijf op hoe "
                    "de bewoners op een andere manier hebben meegedacht."
                )
                % {"n": MIN_MOTIVATIE}
            }
        )
    with transaction.atomic():
        plan = schrijfbaar(wijkplan, user)
        return Afwijking.objects.create(wijkplan=plan, motivatie=motivatie, door=user)


def afwijking_intrekken(*, wijkplan: Wijkplan, user: AbstractBaseUser) -> Afwijking:
    """Withdraw the current deviation (a new row that says so)."""
    with transaction.atomic():
        plan = schrijfbaar(wijkplan, user)
        huidige = Afwijking.objects.filter(wijkplan=plan).first()
        if huidige is None or huidige.ingetrokken:
            raise ValidationError(
                {"motivatie": _("Er is geen afwijking vastgelegd die u kunt intrekken.")}
            )
        return Afwijking.objects.create(
            wijkplan=plan, motivatie=huidige.motivatie, ingetrokken=True, door=user
        )
