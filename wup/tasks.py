from celery import shared_task

from wup import services
from wup.celery import opnieuw_bij_storing


@shared_task(**opnieuw_bij_storing())
def meldingen_versturen(faseovergang_id: int) -> int:
    """Notify the people involved in a transition (idempotent: safe on redelivery)."""
    return len(services.meldingen_maken(faseovergang_id=faseovergang_id))
