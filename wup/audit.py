"""The audit trail's registry: which models are recorded, and how each reaches its plan.

Every app declares its own models from ``AppConfig.ready()`` (a small ``registratie_audit``
module per app); the core never imports a step app. A model is either **recorded**::

    from wup.audit import audit

    audit.register(Berekening, plan="alternatief__wijkplan", exclude=("reeksen",))

or **exempt**, with the reason (residents' personal data, a log of its own, bulk data)::

    audit.exempt(Aanmelding, "persoonsgegevens van bewoners")

A test walks all models: one with a path to ``Wijkplan`` that is neither is an error, so a new
model cannot silently escape the trail. Recording itself is django-auditlog (signals on save,
delete and many-to-many changes); rows land in :class:`wup.models.Wijziging`.

Personal data of residents never enters the trail: their models are exempt, and a field that
may name a person (a contact person, a resident's question copied into a plan) is registered
with ``afschermen``: the trail says *that* it changed, never the value. ``omschrijving`` gives
the readable label of such an object, so its ``__str__`` cannot leak a name either.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

#: Fields that only repeat what every row already says (when, by whom).
_ALTIJD_WEGLATEN = ("aangemaakt_op", "gewijzigd_op", "gewijzigd_door")

AFGESCHERMD = "[afgeschermd]"

#: Parts of the platform that are not a step app.
ONDERDELEN = {
    "wup": _("Plan"),
    "rollen": _("Rollen en rechten"),
    "parameters": _("Parameters"),
    "gegevensimport": _("Gegevensimport"),
}


def afschermen(waarde: str) -> str:
    """django-auditlog's mask (``AUDITLOG_MASK_CALLABLE``): nothing of the value remains.

    Its default keeps half of the text, which would still name a person.
    """
    return AFGESCHERMD


PlanPad = str | Callable[[models.Model], "int | None"] | None


@dataclass(frozen=True)
class Registratie:
    model: type[models.Model]
    onderdeel: str
    #: ``""`` for Wijkplan itself, a field path such as ``"alternatief__wijkplan"``, a callable
    #: returning the plan's id, or ``None`` for what belongs to no plan (parameters, roles).
    plan: PlanPad
    omschrijving: Callable[[models.Model], str] | None = None


@dataclass
class AuditRegistry:
    _registraties: dict[type[models.Model], Registratie] = field(default_factory=dict)
    _vrijgesteld: dict[type[models.Model], str] = field(default_factory=dict)

    def register(
        self,
        model: type[models.Model],
        *,
        plan: PlanPad,
        onderdeel: str | None = None,
        include: tuple[str, ...] = (),
        exclude: tuple[str, ...] = (),
        afschermen: tuple[str, ...] = (),
        m2m: tuple[str, ...] = (),
        omschrijving: Callable[[models.Model], str] | None = None,
    ) -> None:
        from auditlog.registry import auditlog

        if model in self._registraties or model in self._vrijgesteld:
            raise ValueError(f"{model._meta.label} is al voor het wijzigingenlogboek opgegeven.")
        namen = {f.name for f in model._meta.get_fields()}
        for veld in (*include, *exclude, *afschermen, *m2m):
            if veld not in namen:
                raise ValueError(f"{model._meta.label} heeft geen veld {veld!r}.")
        self._registraties[model] = Registratie(
            model=model,
            onderdeel=onderdeel or model._meta.app_label,
            plan=plan,
            omschrijving=omschrijving,
        )
        weglaten = [*exclude, *(v for v in _ALTIJD_WEGLATEN if v in namen and v not in include)]
        # Only the model's own columns: on a create django-auditlog would otherwise also list
        # every reverse relation and generic foreign key, as meaningless text.
        kolommen = include or tuple(f.name for f in model._meta.concrete_fields)
        auditlog.register(
            model,
            include_fields=list(kolommen),
            exclude_fields=weglaten,
            mask_fields=list(afschermen),
            m2m_fields=set(m2m),
        )

    def exempt(self, model: type[models.Model], reden: str) -> None:
        if model in self._registraties or model in self._vrijgesteld:
            raise ValueError(f"{model._meta.label} is al voor het wijzigingenlogboek opgegeven.")
        self._vrijgesteld[model] = reden

    def registratie(self, model: type[models.Model]) -> Registratie | None:
        return self._registraties.get(model)

    def is_opgegeven(self, model: type[models.Model]) -> bool:
        return model in self._registraties or model in self._vrijgesteld

    def vrijstelling(self, model: type[models.Model]) -> str | None:
        return self._vrijgesteld.get(model)

    def modellen(self) -> list[type[models.Model]]:
        return list(self._registraties)


audit = AuditRegistry()


def _plan_id(registratie: Registratie, instance: models.Model) -> int | None:
    pad = registratie.plan
    if pad is None:
        return None
    if callable(pad):
        return pad(instance)
    if pad == "":
        return instance.pk
    *tussen, laatste = pad.split("__")
    obj: Any = instance
    for deel in tussen:
        obj = getattr(obj, deel, None)
        if obj is None:
            return None
    return getattr(obj, f"{laatste}_id", None)


def kenmerken(instance: models.Model) -> dict[str, Any]:
    """What the trail adds to django-auditlog's row: the plan, the part, a safe label."""
    registratie = audit.registratie(type(instance))
    if registratie is None:  # e.g. the reverse side of a many-to-many change
        return {"onderdeel": instance._meta.app_label}
    uit: dict[str, Any] = {
        "wijkplan_id": _plan_id(registratie, instance),
        "onderdeel": registratie.onderdeel,
    }
    if registratie.omschrijving is not None:
        uit["object_repr"] = registratie.omschrijving(instance)
    return uit


def onderdeel_label(onderdeel: str) -> str:
    """ "Stap 2 · Technisch-economische mogelijkheden", "Rollen en rechten", …"""
    from wup.registry import steps

    for stap in steps.all():
        if stap.app_label == onderdeel:
            return _("Stap %(nummer)s · %(titel)s") % {"nummer": stap.number, "titel": stap.title}
    return str(ONDERDELEN.get(onderdeel, onderdeel))


# --- Who acted ------------------------------------------------------------------------------

#: Set while a web or API request is being handled, so a task run in-process inside it acts on
#: behalf of the request's user instead of as "systeem".
_in_verzoek: contextvars.ContextVar[bool] = contextvars.ContextVar("wup_audit_verzoek")


def _gebruiker(request):
    # Read at the moment of the change, not when the request came in: the API authenticates a
    # token only in the view, and then puts its user on the underlying request.
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return user
    return None


class AuditMiddleware:
    """django-auditlog's actor, also for token-authenticated API requests."""

    def __init__(self, get_response):
        from auditlog.middleware import AuditlogMiddleware

        self.get_response = get_response
        self._auditlog = AuditlogMiddleware(get_response)

    def __call__(self, request):
        from auditlog.cid import set_cid
        from auditlog.context import set_extra_data

        set_cid(request)
        bron = "api" if request.path.startswith("/api/") else "web"
        data = {
            "bron": bron,
            "actor_id": lambda: getattr(_gebruiker(request), "pk", None),
            "actor_email": lambda: getattr(_gebruiker(request), "email", None) or None,
        }
        token = _in_verzoek.set(True)
        try:
            with set_extra_data(context_data=data):
                return self.get_response(request)
        finally:
            _in_verzoek.reset(token)


_taken: dict[str, Any] = {}


def _taak_start(task_id=None, task=None, **kwargs) -> None:
    if _in_verzoek.get(False) or task_id is None:
        return  # in-process inside a request: the request's user is who acted
    from auditlog.context import auditlog_value, set_extra_data

    vorige = auditlog_value.get(None)
    context = set_extra_data(context_data={"bron": f"taak {task.name}"[:120]})
    context.__enter__()
    _taken[task_id] = (context, vorige)


def _taak_einde(task_id=None, **kwargs) -> None:
    from auditlog.context import auditlog_value

    context, vorige = _taken.pop(task_id, (None, None))
    if context is not None:
        context.__exit__(None, None, None)
        if vorige is not None:  # e.g. an actor set around a command that ran the task
            auditlog_value.set(vorige)


def verbind_taken() -> None:
    """A Celery task's changes are recorded as ``taak <name>`` (no user: the system acted)."""
    from celery.signals import task_postrun, task_prerun

    task_prerun.connect(_taak_start, dispatch_uid="wup.audit.taak_start", weak=False)
    task_postrun.connect(_taak_einde, dispatch_uid="wup.audit.taak_einde", weak=False)


# --- The core's own models, roles -----------------------------------------------------------


def _permissie_plan(perm) -> int | None:
    if perm.content_type.app_label == "wup" and perm.content_type.model == "wijkplan":
        try:
            return int(perm.object_pk)
        except (TypeError, ValueError):
            return None
    return None


def _permissie_omschrijving(perm) -> str:
    houder = getattr(perm, "user", None) or getattr(perm, "group", None)
    model = perm.content_type.model_class()
    try:
        obj = model._base_manager.get(pk=perm.object_pk) if model else perm.object_pk
    except (model.DoesNotExist, ValueError, TypeError):
        obj = f"{perm.content_type.name} {perm.object_pk}"
    return f"{perm.permission.name} · {houder} · {obj}"


def register_core() -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from guardian.models import GroupObjectPermission, UserObjectPermission

    from wup.constants import Rol
    from wup.models import Besluit, Faseovergang, Melding, Wijkplan, Wijziging
    from wup.roles import grant

    audit.register(Wijkplan, plan="", m2m=("buurten",))
    audit.register(Besluit, plan="wijkplan")
    audit.exempt(Faseovergang, "de fasehistorie is zelf een onveranderlijk logboek")
    audit.exempt(Melding, "een melding aan een gebruiker is geen inhoud van het plan")
    audit.exempt(Wijziging, "het wijzigingenlogboek zelf")

    # Roles: accounts (never the password hash or the last login), group membership and the
    # object permissions that make someone projectleider or griffier.
    audit.register(
        get_user_model(),
        plan=None,
        onderdeel="rollen",
        include=(
            "username",
            "first_name",
            "last_name",
            "email",
            "is_active",
            "is_staff",
            "is_superuser",
        ),
        m2m=("groups", "user_permissions"),
    )
    audit.register(Group, plan=None, onderdeel="rollen", include=("name",), m2m=("permissions",))
    for model in (UserObjectPermission, GroupObjectPermission):
        audit.register(
            model, plan=_permissie_plan, onderdeel="rollen", omschrijving=_permissie_omschrijving
        )
    grant(Rol.BEHEERDER, "wup.view_wijziging")
    verbind_taken()
