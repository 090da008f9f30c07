"""Celery tasks of step 3. Thin: they call the services."""

from celery import shared_task

from participatie.services import privacy
from wup.celery import opnieuw_bij_storing


@shared_task(**opnieuw_bij_storing())
def persoonsgegevens_anonimiseren() -> int:
    """Anonymise the plans past their retention period (daily; idempotent, safe to rerun)."""
    return len(privacy.anonimiseren())
