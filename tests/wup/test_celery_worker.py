"""A real Celery worker consumes the notification task from Redis and writes to PostgreSQL.

Everywhere else tasks run eagerly; this is the one place that proves the deployed shape works:
``transaction.on_commit`` puts the task on Redis, a separate worker process picks it up and the
notification appears in the database the test reads.
"""

import os
import subprocess
import sys
import time
import uuid

import pytest
from django.conf import settings
from django.db import connection
from guardian.shortcuts import assign_perm

from tests import factories
from wup import services
from wup.celery import app as celery_app
from wup.models import Melding
from wup.tasks import meldingen_versturen

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

TIMEOUT = 60


def _test_database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def queue(tmp_path):
    """A worker process on its own queue, and this process sending to it (not eagerly)."""
    assert connection.vendor == "postgresql" and settings.WUP_BROKER_CONFIGURED, (
        "Deze test vereist PostgreSQL en Redis: zet DATABASE_URL en CELERY_BROKER_URL."
    )
    name = f"wup-test-{uuid.uuid4().hex[:12]}"
    log = (tmp_path / "worker.log").open("w+")
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "wup",
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-Q",
            name,
            "-n",
            f"{name}@%h",
        ],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "WUP_ENV": "test",
            "DATABASE_URL": _test_database_url(),
            "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
            "CELERY_TASK_ALWAYS_EAGER": "0",
        },
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    eager, default_queue = celery_app.conf.task_always_eager, celery_app.conf.task_default_queue
    celery_app.conf.task_always_eager = False
    celery_app.conf.task_default_queue = name
    try:
        yield worker, log
    finally:
        celery_app.conf.task_always_eager = eager
        celery_app.conf.task_default_queue = default_queue
        worker.terminate()
        try:
            worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
        log.close()


def _worker_output(log) -> str:
    log.flush()
    log.seek(0)
    return log.read()[-4000:]


def _wait_for(condition, worker, log):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if condition():
            return
        if worker.poll() is not None:
            pytest.fail(f"De worker is gestopt:\n{_worker_output(log)}")
        time.sleep(0.2)
    pytest.fail(f"Niets verwerkt binnen {TIMEOUT} s. Uitvoer van de worker:\n{_worker_output(log)}")


@pytest.fixture
def plan_met_twee_projectleiders(plan):
    collega = factories.projectleider(plan.gemeente, username="collega")
    assign_perm("wup.view_wijkplan", collega, plan)
    assign_perm("wup.change_wijkplan", collega, plan)
    return plan, collega


def test_worker_notifies_the_other_projectleider_after_a_transition(
    queue, plan_met_twee_projectleiders, projectleider
):
    worker, log = queue
    plan, collega = plan_met_twee_projectleiders

    rij = services.wijkplan_transition(
        wijkplan=plan, overgang="start_verkenning", user=projectleider
    )

    meldingen = Melding.objects.filter(faseovergang=rij)
    _wait_for(meldingen.exists, worker, log)
    melding = meldingen.get()
    assert melding.ontvanger == collega  # not the projectleider who moved the plan
    assert plan.naam in melding.tekst
    assert "wup.tasks.meldingen_versturen" in _worker_output(log)


def test_a_second_delivery_of_the_task_notifies_no_one_twice(
    queue, plan_met_twee_projectleiders, projectleider
):
    worker, log = queue
    plan, collega = plan_met_twee_projectleiders
    rij = services.wijkplan_transition(
        wijkplan=plan, overgang="start_verkenning", user=projectleider
    )
    _wait_for(Melding.objects.filter(faseovergang=rij, ontvanger=collega).exists, worker, log)

    # A redelivered message (e.g. after a worker was lost mid-task under acks_late).
    opnieuw = meldingen_versturen.apply_async(args=[rij.pk])
    assert opnieuw.get(timeout=TIMEOUT) == 0
    assert Melding.objects.filter(faseovergang=rij).count() == 1
