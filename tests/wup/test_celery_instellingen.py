"""Every task of the product survives a lost worker and a broker that is away for a moment.

Read from the registered tasks themselves (the options a worker really uses), so a new task
that forgets one fails here.
"""

import pytest
from django.conf import settings
from django.db import OperationalError

from wup.celery import app

APPS = ("wup", "wijktoets", "techniek", "participatie", "keuze", "uitwerking", "besluitvorming")


def _taken():
    app.loader.import_default_modules()
    taken = {n: t for n, t in app.tasks.items() if n.split(".")[0] in APPS}
    assert len(taken) >= 6, sorted(taken)  # the autodiscovery found the product's tasks
    return taken


def _time_limit(taak) -> int | None:
    return taak.time_limit if taak.time_limit is not None else app.conf.task_time_limit


@pytest.mark.parametrize("naam", sorted(_taken()))
def test_every_task_is_acknowledged_late_and_requeued_when_its_worker_dies(naam):
    taak = app.tasks[naam]
    assert taak.acks_late is True
    assert taak.reject_on_worker_lost is True


@pytest.mark.parametrize("naam", sorted(_taken()))
def test_every_task_retries_passing_errors_with_backoff_and_jitter(naam):
    taak = app.tasks[naam]
    assert OperationalError in taak.autoretry_for
    assert ConnectionError in taak.autoretry_for
    assert not {Exception, ValueError, TypeError, KeyError} & set(taak.autoretry_for)
    assert taak.retry_backoff is True and taak.retry_jitter is True
    assert 0 < taak.retry_backoff_max <= 600
    assert 0 < taak.max_retries <= 10


@pytest.mark.parametrize("naam", sorted(_taken()))
def test_the_visibility_timeout_outlasts_every_task(naam):
    """Else Redis hands a task that is still running to a second worker."""
    taak = app.tasks[naam]
    limiet = _time_limit(taak)
    assert limiet, f"{naam} heeft geen tijdslimiet"
    soft = taak.soft_time_limit or app.conf.task_soft_time_limit
    assert soft < limiet
    zichtbaar = app.conf.broker_transport_options["visibility_timeout"]
    assert zichtbaar > limiet, f"{naam}: {limiet} s, visibility_timeout {zichtbaar} s"


def test_the_pdf_task_stops_soon_after_the_render_limit():
    taak = app.tasks["besluitvorming.tasks.documentversie_maken"]
    assert taak.soft_time_limit == settings.WUP_PDF_TIJDLIMIET
    assert taak.time_limit == settings.WUP_PDF_TIJDLIMIET + 30


def test_a_worker_cancels_its_running_task_when_the_broker_connection_is_lost():
    assert app.conf.worker_cancel_long_running_tasks_on_connection_loss is True
    assert app.conf.worker_prefetch_multiplier == 1
