"""Reads of step 6's part 'raad': what goes to the council, the griffier's inbox, the council's
decision and what residents may download once the plan is adopted."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.db.models import Prefetch, QuerySet

from besluitvorming.models import Aanbieding, Documentversie, Raadsbesluit
from wup import permissions
from wup import selectors as wup_selectors
from wup.constants import Fase
from wup.models import Wijkplan
from wup.permissions import User

MAX_ID = 2**63 - 1


def fase_sinds_many(plans: Sequence[Wijkplan]) -> dict[int, datetime | None]:
    """When each plan's history last moved it into its current phase (one query)."""
    return dict(
        wup_selectors.wijkplannen_in_fase(list(Fase.values))
        .filter(pk__in=[p.pk for p in plans])
        .values_list("pk", "fase_sinds")
    )


def fase_sinds(plan: Wijkplan) -> datetime | None:
    return fase_sinds_many([plan]).get(plan.pk)


def klare_versies(plan: Wijkplan) -> QuerySet[Documentversie]:
    """The plan's finished PDF versions, newest first."""
    return Documentversie.objects.filter(
        wijkplan=plan, status=Documentversie.Status.KLAAR
    ).order_by("-nummer")


def aan_te_bieden_versie(plan: Wijkplan) -> Documentversie | None:
    """The newest finished version made in the plan's current phase: what goes to the council."""
    sinds = fase_sinds(plan)
    versies = klare_versies(plan)
    if sinds is not None:
        versies = versies.filter(aangevraagd_op__gte=sinds)
    return versies.first()


def huidige_aanbieding(plan: Wijkplan) -> Aanbieding | None:
    """The submission of the plan's current stay before the council (None outside it)."""
    if plan.fase not in (Fase.TER_BESLUITVORMING, Fase.VASTGESTELD):
        return None
    return (
        Aanbieding.objects.filter(wijkplan=plan)
        .select_related("documentversie", "aangeboden_door")
        .order_by("-aangeboden_op", "-pk")
        .first()
    )


def aanbiedingen_van(plan: Wijkplan) -> QuerySet[Aanbieding]:
    return (
        Aanbieding.objects.filter(wijkplan=plan)
        .select_related("documentversie", "aangeboden_door")
        .order_by("-aangeboden_op", "-pk")
    )


def raadsbesluiten_van(plan: Wijkplan) -> QuerySet[Raadsbesluit]:
    return (
        Raadsbesluit.objects.filter(wijkplan=plan)
        .select_related("griffier", "vastgestelde_versie", "aanbieding")
        .order_by("-vastgelegd_op", "-pk")
    )


def projectleider_van(plan: Wijkplan):
    """An active projectleider of the plan (the lowest id), or None."""
    from guardian.shortcuts import get_users_with_perms

    leiders = get_users_with_perms(
        plan, only_with_perms_in=["change_wijkplan"], with_group_users=False
    )
    return leiders.filter(is_active=True).order_by("pk").first()


def mag_aanbieden(plan: Wijkplan, user: User) -> bool:
    return wup_selectors.is_projectleider(plan, user)


def is_griffier(user: User) -> bool:
    """A user in the griffier role (who may record council decisions)."""
    return bool(user.is_authenticated and user.is_active and user.has_perm("wup.besluit_wijkplan"))


def mag_besluit_vastleggen(plan: Wijkplan, user: User) -> bool:
    """The griffier of the plan's municipality, while the plan is before the council."""
    return (
        is_griffier(user)
        and permissions.is_griffier(plan, user)
        and plan.fase == Fase.TER_BESLUITVORMING
    )


def inbox(user: User) -> list[Wijkplan]:
    """The plans before the council of the griffier's municipalities, each with
    ``aanbieding`` (its newest submission or None); a fixed number of queries."""
    if not is_griffier(user):
        return []
    plans = list(
        wup_selectors.wijkplannen_for_user(user)
        .filter(fase=Fase.TER_BESLUITVORMING, aangeboden_aan_raad_op__isnull=False)
        .filter(gemeente__in=_griffie_gemeenten(user))
        .prefetch_related(
            Prefetch(
                "aanbiedingen",
                queryset=Aanbieding.objects.select_related(
                    "documentversie", "aangeboden_door"
                ).order_by("-aangeboden_op", "-pk"),
                to_attr="alle_aanbiedingen",
            )
        )
        .order_by("aangeboden_aan_raad_op", "pk")
    )
    for p in plans:
        p.aanbieding = p.alle_aanbiedingen[0] if p.alle_aanbiedingen else None
    return plans


def _griffie_gemeenten(user: User):
    from guardian.shortcuts import get_objects_for_user

    from wup.models import Gemeente

    return get_objects_for_user(
        user, "wup.griffie_gemeente", klass=Gemeente, accept_global_perms=False
    ).values("pk")


# --- Public --------------------------------------------------------------------------------


def vastgesteld_besluit(plan: Wijkplan) -> Raadsbesluit | None:
    """The council's decision that adopted the plan (None unless the plan is adopted)."""
    if plan.fase != Fase.VASTGESTELD:
        return None
    return (
        Raadsbesluit.objects.filter(wijkplan=plan, uitkomst=Raadsbesluit.Uitkomst.VASTGESTELD)
        .order_by("-vastgelegd_op", "-pk")
        .first()
    )


def definitieve_versie(plan: Wijkplan) -> Documentversie | None:
    """The final PDF of an adopted plan (no watermark), once it is made; else None."""
    if plan.fase != Fase.VASTGESTELD:
        return None
    return (
        klare_versies(plan)
        .filter(definitief=True, fase=Fase.VASTGESTELD)
        .order_by("-nummer")
        .first()
    )


def lopende_definitieve_versie(plan: Wijkplan) -> Documentversie | None:
    """A final version that is queued, being made or finished (for idempotent requests)."""
    return (
        Documentversie.objects.filter(wijkplan=plan, definitief=True)
        .exclude(status=Documentversie.Status.MISLUKT)
        .order_by("-nummer")
        .first()
    )


def vastgesteld_plan_by_slug(slug: str) -> Wijkplan | None:
    return Wijkplan.objects.filter(slug=slug, fase=Fase.VASTGESTELD).first()
