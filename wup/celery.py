"""Celery application; with no broker configured the tasks run eagerly (see settings)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wup.settings")

app = Celery("wup")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def storingen() -> tuple[type[BaseException], ...]:
    """Errors of a moment (the database, Redis, the network), worth retrying.

    Never programming errors: a task retried for those would fail the same way five times.
    """
    from django.db import InterfaceError, OperationalError
    from kombu.exceptions import OperationalError as BrokerError
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    return (
        OperationalError,
        InterfaceError,
        BrokerError,
        RedisConnectionError,
        RedisTimeoutError,
        ConnectionError,  # includes the socket errors of SMTP and HTTP
        TimeoutError,
    )


def opnieuw_bij_storing(**extra) -> dict:
    """Task options: retry a passing error with exponential backoff and jitter, at most 5 times
    (a random wait up to 1, 2, 4, 8, 16 s, never more than 10 minutes)."""
    return {
        "autoretry_for": storingen(),
        "retry_backoff": True,
        "retry_backoff_max": 600,
        "retry_jitter": True,
        "max_retries": 5,
        **extra,
    }
