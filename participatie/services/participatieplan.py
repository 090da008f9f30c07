"""Writes of the participation plan of a plan, one per phase (created on first save).

Only the plan's projectleider writes, and never in a frozen plan; bad input raises a
``ValidationError`` with a Dutch message per field.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from participatie.models import Participatieplan
from participatie.services.toegang import keuze, schrijfbaar, tekst, verzamel
from wup.constants import WERKFASEN
from wup.models import Wijkplan

#: The phases a participation plan can be written for.
PLANFASEN = WERKFASEN


def participatieplan_opslaan(
    *,
    wijkplan: Wijkplan,
    user: AbstractBaseUser,
    fase: str,
    participatieniveau: str,
    doelen: str = "",
    doelgroepen: str = "",
    methoden: str = "",
    planning: str = "",
) -> Participatieplan:
    """Create or update the participation plan of this phase."""
    stappen = (
        (
            "fase",
            lambda: keuze(
                fase,
                "fase",
                [(f.value, f.label) for f in PLANFASEN],
                _(
                    "Kies een fase van het plan: wijktoets, verkenning, keuze, uitwerking of "
                    "uitvoeringsplan."
                ),
            ),
        ),
        (
            "participatieniveau",
            lambda: keuze(
                participatieniveau,
                "participatieniveau",
                Participatieplan.Niveau.choices,
                _(
                    "Kies hoeveel inspraak de deelnemers krijgen: een trede van de "
                    "participatieladder."
                ),
            ),
        ),
        *(
            (veld, lambda veld=veld, waarde=waarde: tekst(waarde, veld, max_lengte=20000))
            for veld, waarde in (
                ("doelen", doelen),
                ("doelgroepen", doelgroepen),
                ("methoden", methoden),
                ("planning", planning),
            )
        ),
    )
    velden = verzamel(stappen)
    with transaction.atomic():
        plan = schrijfbaar(wijkplan, user)
        fase = velden.pop("fase")
        obj = Participatieplan.objects.select_for_update().filter(
            wijkplan=plan, fase=fase
        ).first() or Participatieplan(wijkplan=plan, fase=fase)
        for k, v in velden.items():
            setattr(obj, k, v)
        obj.gewijzigd_door = user
        obj.full_clean()
        obj.save()
        return obj
