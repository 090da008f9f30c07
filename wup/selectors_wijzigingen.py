"""Reads of the audit trail: a plan's changes, as rows a person (or a spreadsheet) can read.

A page of rows costs a fixed number of queries however many rows it shows: the actor and the
content type come along in the row query, and the objects that foreign keys point to are
fetched per model for the whole page at once.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wup.audit import AFGESCHERMD, audit, onderdeel_label
from wup.models import Wijkplan, Wijziging

#: Text longer than this is shortened in the table; the full value is one click away.
KORT = 120

ACTIES = {
    Wijziging.Action.CREATE: gettext_lazy("aangemaakt"),
    Wijziging.Action.UPDATE: gettext_lazy("gewijzigd"),
    Wijziging.Action.DELETE: gettext_lazy("verwijderd"),
    Wijziging.Action.ACCESS: gettext_lazy("ingezien"),
}


def wijzigingen_van(
    plan: Wijkplan,
    *,
    onderdeel: str | None = None,
    door: int | None = None,
    van: dt.date | None = None,
    tot: dt.date | None = None,
) -> QuerySet[Wijziging]:
    """The plan's trail, newest first, optionally for one part, one person or a period."""
    qs = Wijziging.objects.filter(wijkplan_id=plan.pk)
    if onderdeel:
        qs = qs.filter(onderdeel=onderdeel)
    if door:
        qs = qs.filter(actor_id=door)
    tz = timezone.get_current_timezone()
    if van:
        qs = qs.filter(timestamp__gte=dt.datetime.combine(van, dt.time.min, tzinfo=tz))
    if tot:
        einde = dt.datetime.combine(tot + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
        qs = qs.filter(timestamp__lt=einde)
    return qs.select_related("actor", "content_type").order_by("-timestamp", "-pk")


def personen_van(plan: Wijkplan) -> QuerySet:
    """Everyone who changed something in this plan (for the filter)."""
    ids = Wijziging.objects.filter(wijkplan_id=plan.pk, actor__isnull=False).values("actor_id")
    return get_user_model().objects.filter(pk__in=ids).order_by("username")


def onderdelen_van(plan: Wijkplan) -> list[str]:
    return sorted(
        Wijziging.objects.filter(wijkplan_id=plan.pk)
        .order_by()
        .values_list("onderdeel", flat=True)
        .distinct()
    )


@dataclass
class Veldwijziging:
    label: str
    voor: str
    na: str
    voor_kort: str
    na_kort: str


@dataclass
class Regel:
    wijziging: Wijziging
    onderdeel: str
    soort: str
    object: str
    actie: str
    door: str
    velden: list[Veldwijziging] = field(default_factory=list)


def persoon(user) -> str:
    return user.get_full_name() or user.get_username()


def door_label(w: Wijziging) -> str:
    if w.actor_id is not None:
        return persoon(w.actor)
    if w.bron == "web" or w.bron == "api":
        return _("bezoeker zonder account (publieke pagina)")
    if w.bron.startswith("taak "):
        return _("systeem (taak %(naam)s)") % {"naam": w.bron.removeprefix("taak ")}
    return _("systeem")


def _kort(tekst: str) -> str:
    return tekst if len(tekst) <= KORT else tekst[: KORT - 1].rstrip() + "…"


def _veld(model: type[models.Model] | None, naam: str):
    if model is None:
        return None
    try:
        return model._meta.get_field(naam)
    except FieldDoesNotExist:
        return None


def _wijzigingen(w: Wijziging) -> dict[str, Any]:
    return w.changes if isinstance(w.changes, dict) else {}


def _verwijzingen(regels: Sequence[Wijziging]) -> dict[type[models.Model], dict[Any, str]]:
    """The labels of every object a foreign key in these rows points to, one query per model."""
    gevraagd: dict[type[models.Model], set] = defaultdict(set)
    for w in regels:
        model = w.content_type.model_class()
        for naam, waarden in _wijzigingen(w).items():
            veld = _veld(model, naam)
            if veld is None or veld.related_model is None:
                continue
            if not veld.many_to_one and not veld.one_to_one:
                continue
            if not isinstance(waarden, list | tuple):
                continue
            for waarde in waarden:
                if waarde not in (None, "", "None", AFGESCHERMD):
                    gevraagd[veld.related_model].add(waarde)
    labels: dict[type[models.Model], dict[Any, str]] = {}
    for doel, pks in gevraagd.items():
        if audit.vrijstelling(doel) is not None and doel is not Wijkplan:
            continue  # an exempt model (residents' data) is named by its number only
        schoon = []
        for pk in pks:
            try:
                schoon.append(doel._meta.pk.to_python(pk))
            except Exception:  # noqa: S112 - a value from an old schema: shown as is
                continue
        gevonden = doel._base_manager.in_bulk(schoon)
        labels[doel] = {
            str(pk): persoon(obj) if doel is get_user_model() else str(obj)
            for pk, obj in gevonden.items()
        }
    return labels


def _tekst(veld, waarde, labels) -> str:
    if waarde is None or waarde == "None":
        return "—"
    if waarde == AFGESCHERMD:
        return _("afgeschermd (persoonsgegevens)")
    if veld is None:
        return waarde if isinstance(waarde, str) else json.dumps(waarde, ensure_ascii=False)
    if (veld.many_to_one or veld.one_to_one) and veld.related_model is not None:
        gevonden = labels.get(veld.related_model, {}).get(str(waarde))
        naam = capfirst(veld.related_model._meta.verbose_name)
        return gevonden or f"{naam} {waarde}"
    if veld.choices:
        keuzes = {str(k): str(v) for k, v in veld.flatchoices}
        return keuzes.get(str(waarde), str(waarde))
    if isinstance(veld, models.BooleanField) or isinstance(waarde, bool):
        return _("ja") if waarde in (True, "True") else _("nee")
    if isinstance(veld, models.DateTimeField) and isinstance(waarde, str):
        try:
            moment = dt.datetime.fromisoformat(waarde)
        except ValueError:
            return waarde
        if timezone.is_naive(moment):
            moment = moment.replace(tzinfo=dt.UTC)
        return date_format(timezone.localtime(moment), "j F Y H:i")
    if isinstance(waarde, str):
        return waarde
    return json.dumps(waarde, ensure_ascii=False)


def _m2m(veld, waarde: dict) -> tuple[str, str]:
    objecten = ", ".join(str(o) for o in waarde.get("objects", []))
    if waarde.get("operation") == "add":
        return "", _("toegevoegd: %(objecten)s") % {"objecten": objecten}
    return _("weggehaald: %(objecten)s") % {"objecten": objecten}, ""


def regels(wijzigingen: Iterable[Wijziging]) -> list[Regel]:
    rijen = list(wijzigingen)
    labels = _verwijzingen(rijen)
    uit = []
    for w in rijen:
        model = w.content_type.model_class()
        regel = Regel(
            wijziging=w,
            onderdeel=onderdeel_label(w.onderdeel),
            soort=capfirst(model._meta.verbose_name) if model else w.content_type.model,
            object=w.object_repr,
            actie=str(ACTIES.get(w.action, w.action)),
            door=door_label(w),
        )
        for naam, waarde in _wijzigingen(w).items():
            veld = _veld(model, naam)
            label = capfirst(str(veld.verbose_name)) if veld is not None else naam
            if isinstance(waarde, dict) and waarde.get("type") == "m2m":
                voor, na = _m2m(veld, waarde)
            elif isinstance(waarde, list | tuple) and len(waarde) == 2:
                voor, na = (_tekst(veld, v, labels) for v in waarde)
            else:
                continue
            if w.action == Wijziging.Action.CREATE and voor == "—":
                voor = ""
            if w.action == Wijziging.Action.DELETE and na == "—":
                na = ""
            regel.velden.append(Veldwijziging(label, voor, na, _kort(voor), _kort(na)))
        regel.velden.sort(key=lambda v: v.label)
        uit.append(regel)
    return uit
