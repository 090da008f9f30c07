from celery import shared_task

from wup import services


@shared_task(acks_late=True, autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=5)
def meldingen_versturen(faseovergang_id: int) -> int:
    """Notify the people involved in a transition (idempotent: safe on redelivery)."""
    return len(services.meldingen_maken(faseovergang_id=faseovergang_id))
