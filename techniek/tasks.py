"""Celery tasks of step 2. Thin: they call the services."""

from celery import shared_task

from techniek.services.startanalyse import startanalyse_import_uitvoeren
from wup.celery import opnieuw_bij_storing


@shared_task(**opnieuw_bij_storing())
def importeer_startanalyse(import_id: int) -> str:
    """Import one stored Startanalyse file. Idempotent: a finished import is left alone, and a
    redelivered task (after a worker died) runs the all-or-nothing import again."""
    return startanalyse_import_uitvoeren(import_id=import_id).status


@shared_task(**opnieuw_bij_storing())
def bereken_alternatief(berekening_id: int) -> str | None:
    """Compute one queued calculation of an alternative. Idempotent: a finished calculation is
    left alone, so a redelivered task does nothing."""
    from techniek.services.alternatieven import berekening_uitvoeren

    b = berekening_uitvoeren(berekening_id=berekening_id)
    return b.status if b is not None else None
