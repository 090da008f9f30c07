"""Writes of step 6: requesting a version of the council PDF and making it in the worker.

``documentversie_aanvragen`` (web page and API) adds a numbered version in the queue and hands
it to the Celery task after commit; ``documentversie_maken`` (the task) renders it. The task is
idempotent: a finished or failed version is left alone, so a second delivery never makes a
second file or version. Two deliveries at the same moment may both render, but the file is
written and the version finished under a row lock, once: the second finds it done.
"""

from __future__ import annotations

import hashlib
import logging
import uuid

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from besluitvorming import selectors
from besluitvorming.fouten import RenderFout
from besluitvorming.models import Documentversie
from wup.constants import Fase
from wup.exceptions import PlanFrozen
from wup.models import Wijkplan
from wup.permissions import User

logger = logging.getLogger(__name__)

#: Errors that pass: the task retries them with backoff.
TRANSIENT = (OperationalError, InterfaceError, ConnectionError)


def documentversie_aanvragen(
    *, plan: Wijkplan, user: User, sleutel: uuid.UUID | None = None
) -> Documentversie:
    """Queue a new version of the plan's PDF. The same ``sleutel`` twice gives the same version
    (a form or API request sent twice)."""
    from besluitvorming.tasks import documentversie_maken

    if not selectors.mag_aanvragen(plan, user):
        raise PermissionDenied(
            _("Alleen de projectleider van dit plan of een beheerder kan een PDF laten maken.")
        )
    with transaction.atomic():
        plan = Wijkplan.objects.select_for_update().get(pk=plan.pk)
        if sleutel is not None:
            bestaand = Documentversie.objects.filter(aanvraagsleutel=sleutel).first()
            if bestaand is not None:
                if bestaand.wijkplan_id != plan.pk:
                    raise PermissionDenied(_("Deze aanvraagsleutel hoort bij een ander plan."))
                return bestaand
        if not selectors.nieuwe_versie_mogelijk(plan):
            raise PlanFrozen(
                _(
                    "Dit plan kan niet meer veranderen. De PDF die bij het raadsbesluit hoort, "
                    "blijft de definitieve versie; er komt geen nieuwe versie bij."
                )
                if plan.fase == Fase.VASTGESTELD
                else _("Dit plan is gestopt en kan niet meer veranderen; er komt geen nieuwe PDF.")
            )
        laatste = Documentversie.objects.filter(wijkplan=plan).aggregate(n=Max("nummer"))["n"]
        versie = Documentversie.objects.create(
            wijkplan=plan,
            nummer=(laatste or 0) + 1,
            aanvraagsleutel=sleutel or uuid.uuid4(),
            fase=plan.fase,
            definitief=plan.fase == Fase.VASTGESTELD,
            aangevraagd_door=user,
        )
        transaction.on_commit(lambda: documentversie_maken.delay(versie.pk))
    return versie


def pdf_renderen(plan: Wijkplan, **kwargs) -> bytes:
    """The renderer, imported when it is used: web processes never load WeasyPrint."""
    from besluitvorming.pdf import pdf_renderen as renderen

    return renderen(plan, **kwargs)


def _mislukt(versie_id: int, melding: str) -> Documentversie | None:
    with transaction.atomic():
        v = Documentversie.objects.select_for_update().filter(pk=versie_id).first()
        if v is None or v.status in (Documentversie.Status.KLAAR, Documentversie.Status.MISLUKT):
            return v
        v.status, v.melding, v.gereed_op = Documentversie.Status.MISLUKT, melding, timezone.now()
        v.save(update_fields=["status", "melding", "gereed_op"])
    return v


def documentversie_maken(*, versie_id: int) -> Documentversie | None:
    """Render a queued version and store its file. Idempotent (see the module's docstring).

    A render error marks the version ``mislukt`` with a Dutch message; a transient error (the
    database or the storage) propagates, so the task retries it.
    """
    with transaction.atomic():
        v = (
            Documentversie.objects.select_for_update()
            .select_related("wijkplan")
            .filter(pk=versie_id)
            .first()
        )
        if v is None or v.status in (Documentversie.Status.KLAAR, Documentversie.Status.MISLUKT):
            return v
        v.status, v.gestart_op = Documentversie.Status.BEZIG, timezone.now()
        v.pogingen += 1
        v.save(update_fields=["status", "gestart_op", "pogingen"])
    try:
        pdf = pdf_renderen(
            v.wijkplan, nummer=v.nummer, definitief=v.definitief, aangemaakt_op=v.aangevraagd_op
        )
    except RenderFout as e:
        return _mislukt(versie_id, e.melding)
    except TRANSIENT:
        raise  # the database or the broker is away for a moment: the task retries
    except SoftTimeLimitExceeded:
        return _mislukt(
            versie_id,
            _(
                "Het maken van de PDF duurde langer dan %(s)d seconden en is gestopt. Probeer "
                "het later opnieuw of meld het bij de beheerder."
            )
            % {"s": settings.WUP_PDF_TIJDLIMIET},
        )
    except Exception:
        logger.exception("PDF van versie %s kon niet worden gemaakt", versie_id)
        return _mislukt(
            versie_id,
            _(
                "De PDF kon niet worden gemaakt door een fout in het programma. Meld dit bij de "
                "beheerder en probeer het later opnieuw."
            ),
        )
    with transaction.atomic():
        v = Documentversie.objects.select_for_update().get(pk=versie_id)
        if v.status in (Documentversie.Status.KLAAR, Documentversie.Status.MISLUKT):
            return v
        naam = v.bestand.field.generate_filename(v, v.bestandsnaam)
        opslag = v.bestand.storage
        if opslag.exists(naam):  # left by an attempt that died before it was recorded
            opslag.delete(naam)
        v.bestand.save(v.bestandsnaam, ContentFile(pdf), save=False)
        v.sha256 = hashlib.sha256(pdf).hexdigest()
        v.grootte = len(pdf)
        v.status, v.melding, v.gereed_op = Documentversie.Status.KLAAR, "", timezone.now()
        v.save()
    return v
