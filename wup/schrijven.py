"""What every step's write service needs: the plan locked for its projectleider (never a frozen
plan) and the checks of submitted values that name the field and say what to do, in Dutch."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from wup import selectors as wup_selectors
from wup.exceptions import PlanFrozen
from wup.models import Wijkplan


def schrijfbaar(plan: Wijkplan, user: AbstractBaseUser, *, niet_toegestaan: str) -> Wijkplan:
    """The plan, locked, if this user leads it and it is not frozen; else a clear refusal
    (``niet_toegestaan`` says what only the projectleider may change)."""
    if not wup_selectors.is_projectleider(plan, user):
        raise PermissionDenied(niet_toegestaan)
    plan = Wijkplan.objects.select_for_update().get(pk=plan.pk)
    if plan.bevroren:
        raise PlanFrozen(
            _("Dit plan is %(fase)s en kan niet meer worden gewijzigd.")
            % {"fase": plan.get_fase_display().lower()}
        )
    return plan


def tekst(waarde, veld: str, *, verplicht: str | None = None, max_lengte: int | None = None):
    """The stripped text, or a ValidationError on ``veld``."""
    waarde = (waarde or "").strip() if isinstance(waarde, str) or waarde is None else waarde
    if not isinstance(waarde, str):
        raise ValidationError({veld: _("Vul hier tekst in.")})
    if verplicht and not waarde:
        raise ValidationError({veld: verplicht})
    if max_lengte and len(waarde) > max_lengte:
        raise ValidationError({veld: _("Gebruik hoogstens %(n)d tekens.") % {"n": max_lengte}})
    return waarde


def uit_lijst(waarde, veld: str, choices, melding: str) -> str:
    """``waarde`` if it is one of the ``choices``' values, else ``melding`` on ``veld``."""
    if waarde not in {c for c, _label in choices}:
        raise ValidationError({veld: melding})
    return waarde


def verzamel(stappen: Iterable[tuple[str, Callable[[], Any]]]) -> dict:
    """Run ``(veld, check)`` pairs and return the checked values; when some fail, one
    ``ValidationError`` names every failing field with its message."""
    velden, fouten = {}, {}
    for veld, doe in stappen:
        try:
            velden[veld] = doe()
        except ValidationError as e:
            fouten.update({k: v[0] for k, v in e.message_dict.items()})
    if fouten:
        raise ValidationError(fouten)
    return velden
