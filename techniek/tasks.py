"""Celery tasks of step 2. Thin: they call the services."""

from celery import shared_task

from techniek.services.startanalyse import startanalyse_import_uitvoeren


@shared_task(acks_late=True, autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=5)
def importeer_startanalyse(import_id: int) -> str:
    """Import one stored Startanalyse file. Idempotent: a finished import is left alone, and a
    redelivered task (after a worker died) runs the all-or-nothing import again."""
    return startanalyse_import_uitvoeren(import_id=import_id).status
