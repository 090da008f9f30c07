"""Celery tasks of step 1. Thin: they call the services."""

from celery import shared_task

from wijktoets.services.kerncijfers import kerncijfer_import_uitvoeren
from wup.celery import opnieuw_bij_storing


@shared_task(**opnieuw_bij_storing())
def importeer_kerncijfers(import_id: int) -> str:
    """Import one stored Kerncijfers file. Idempotent: a finished import is left alone, and a
    redelivered task (after a worker died) runs the all-or-nothing import again."""
    return kerncijfer_import_uitvoeren(import_id=import_id).status
