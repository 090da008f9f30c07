"""Access to a plan from a web page, shared by the core's and the step apps' views.

A plan that does not exist is a 404; a plan the user may not see, or may not change, is a 403
with a Dutch reason. A service's ``ValidationError`` is put next to the form field it names.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from wup import permissions, selectors
from wup.models import Wijkplan


def plan_of_404(pk: int) -> Wijkplan:
    plan = selectors.wijkplan_by_pk(pk)
    if plan is None:
        raise Http404(_("Dit wijkplan bestaat niet."))
    return plan


def zichtbaar_plan(request: HttpRequest, pk: int) -> Wijkplan:
    """The plan, if this user may see it."""
    plan = plan_of_404(pk)
    # The page asks about this user's rights on the plan again and again: load them once.
    permissions.per_verzoek(request.user)
    if not selectors.may_view(plan, request.user):
        raise PermissionDenied(_("U heeft geen toegang tot dit plan."))
    return plan


def plan_van_projectleider(request: HttpRequest, pk: int, melding: str | None = None) -> Wijkplan:
    """The plan, if this user is its projectleider; ``melding`` says what only he may do."""
    plan = zichtbaar_plan(request, pk)
    if not selectors.is_projectleider(plan, request.user):
        raise PermissionDenied(
            melding or _("Alleen de projectleider van dit plan kan het wijzigen.")
        )
    return plan


def service_fouten(form, exc: ValidationError) -> None:
    """Put a service's ValidationError next to the matching field (or above the form)."""
    if hasattr(exc, "error_dict"):
        for veld, fouten in exc.message_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, exc.messages)
