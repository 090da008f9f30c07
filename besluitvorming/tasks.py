"""Celery tasks of step 6. Thin: they call the services."""

from celery import shared_task
from django.conf import settings

from wup.celery import opnieuw_bij_storing


@shared_task(
    **opnieuw_bij_storing(
        soft_time_limit=settings.WUP_PDF_TIJDLIMIET,
        time_limit=settings.WUP_PDF_TIJDLIMIET + 30,
    )
)
def documentversie_maken(versie_id: int) -> str | None:
    """Render one queued version of the plan's PDF. Idempotent: a finished (or failed) version
    is left alone, so a redelivered task never makes a second file or version."""
    from besluitvorming.services import documentversie_maken as maken

    v = maken(versie_id=versie_id)
    return v.status if v is not None else None
