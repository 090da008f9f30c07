"""Celery tasks of step 3. Thin: they call the services."""

from celery import shared_task

from participatie.services import privacy


@shared_task(acks_late=True)
def persoonsgegevens_anonimiseren() -> int:
    """Anonymise the plans past their retention period (daily; idempotent, safe to rerun)."""
    return len(privacy.anonimiseren())
