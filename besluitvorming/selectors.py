"""Reads of step 6: a plan's document versions and who may request one."""

from __future__ import annotations

from django.db.models import QuerySet

from besluitvorming.models import Documentversie
from wup import selectors as wup_selectors
from wup.constants import Fase
from wup.models import Wijkplan
from wup.permissions import User

MAX_ID = 2**63 - 1


def versies_van(plan: Wijkplan) -> QuerySet[Documentversie]:
    """The plan's versions, newest first."""
    return (
        Documentversie.objects.filter(wijkplan=plan)
        .select_related("aangevraagd_door")
        .order_by("-nummer")
    )


def versie_van(plan: Wijkplan, versie_id: int) -> Documentversie | None:
    if not 0 < versie_id <= MAX_ID:
        return None
    return versies_van(plan).filter(pk=versie_id).first()


def mag_aanvragen(plan: Wijkplan, user: User) -> bool:
    """The plan's projectleider, or a beheerder (who holds the model permission)."""
    return bool(
        user.is_active
        and wup_selectors.may_view(plan, user)
        and (
            wup_selectors.is_projectleider(plan, user)
            or user.has_perm("besluitvorming.add_documentversie")
        )
    )


def nieuwe_versie_mogelijk(plan: Wijkplan) -> bool:
    """Whether the plan may get a new version: not once it is frozen, except the one final
    version of an adopted plan. The adopted PDF then stays the plan as the council adopted it;
    a later rendering would read figures (parameters, other steps) as they are by then."""
    if not plan.bevroren:
        return True
    return plan.fase == Fase.VASTGESTELD and not (
        Documentversie.objects.filter(wijkplan=plan, definitief=True)
        .exclude(status=Documentversie.Status.MISLUKT)
        .exists()
    )
