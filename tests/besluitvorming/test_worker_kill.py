"""A worker killed in the middle of a plan PDF: after a new worker starts, the document exists
exactly once.

The deployed shape, on the real PostgreSQL and Redis: the service queues the task on commit; a
prefork worker (a main process and a pool child, as in production) takes it and is killed with
SIGKILL (the whole process group) while it is writing the file. Under ``acks_late`` the message
stays unacknowledged in Redis; once the visibility timeout has passed a new worker gets it
again, and the idempotent task finishes the version: one version, one complete file whose
SHA-256 is the one recorded, no half-written file left.

The visibility timeout is an hour in production; this test gives its workers 5 s
(``CELERY_VISIBILITY_TIMEOUT``), so the redelivery comes within the test.
"""

import hashlib
import os
import signal
import subprocess
import sys
import time
import uuid

import pytest
from django.conf import settings
from django.db import connection

from besluitvorming import services
from besluitvorming.models import Documentversie
from besluitvorming.tasks import documentversie_maken
from wup.celery import app as celery_app

ZICHTBAAR = 5  # seconds: the visibility timeout of this test's workers
TIMEOUT = 60


def _test_database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


class Workers:
    """Start workers on one queue of their own; this process sends to that queue."""

    def __init__(self, tmp_path, media):
        self.queue = f"wup-kill-{uuid.uuid4().hex[:12]}"
        self.tmp_path, self.media = tmp_path, media
        self.processen: list[tuple[subprocess.Popen, object]] = []

    def start(self, app: str, **env) -> subprocess.Popen:
        n = len(self.processen)
        log = (self.tmp_path / f"worker-{n}.log").open("w+")
        proces = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                app,
                "worker",
                "--pool=prefork",
                "--concurrency=1",
                "--loglevel=INFO",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "-Q",
                self.queue,
                "-n",
                f"{self.queue}-{n}@%h",
            ],
            cwd=settings.BASE_DIR,
            env={
                **os.environ,
                "WUP_ENV": "test",
                "DATABASE_URL": _test_database_url(),
                "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
                "CELERY_TASK_ALWAYS_EAGER": "0",
                "CELERY_VISIBILITY_TIMEOUT": str(ZICHTBAAR),
                "MEDIA_ROOT": str(self.media),
                **env,
            },
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: SIGKILL reaches the pool child too
        )
        self.processen.append((proces, log))
        return proces

    def uitvoer(self) -> str:
        tekst = []
        for i, (_, log) in enumerate(self.processen):
            log.flush()
            log.seek(0)
            tekst.append(f"--- worker {i}\n{log.read()[-3000:]}")
        return "\n".join(tekst)

    def wacht(self, voorwaarde, wat: str, timeout: float = TIMEOUT, levend: bool = True):
        grens = time.monotonic() + timeout
        while time.monotonic() < grens:
            if voorwaarde():
                return
            proces = self.processen[-1][0]
            if levend and proces.poll() is not None:
                pytest.fail(f"De worker is gestopt ({wat}):\n{self.uitvoer()}")
            time.sleep(0.2)
        pytest.fail(f"{wat}: niet binnen {timeout} s. Uitvoer:\n{self.uitvoer()}")

    def stop(self):
        for proces, log in self.processen:
            if proces.poll() is None:
                os.killpg(proces.pid, signal.SIGTERM)
                try:
                    proces.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(proces.pid, signal.SIGKILL)
                    proces.wait()
            log.close()


@pytest.fixture
def workers(tmp_path, settings):
    assert connection.vendor == "postgresql" and settings.WUP_BROKER_CONFIGURED, (
        "Deze test vereist PostgreSQL en Redis: zet DATABASE_URL en CELERY_BROKER_URL."
    )
    media = tmp_path / "media"
    settings.MEDIA_ROOT = media
    w = Workers(tmp_path, media)
    eager, queue = celery_app.conf.task_always_eager, celery_app.conf.task_default_queue
    celery_app.conf.task_always_eager = False
    celery_app.conf.task_default_queue = w.queue
    try:
        yield w
    finally:
        celery_app.conf.task_always_eager = eager
        celery_app.conf.task_default_queue = queue
        w.stop()


def _groep_dood(pid: int) -> bool:
    try:
        os.killpg(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_pdf_leaves_exactly_one_document_after_a_new_worker(
    workers, plan, projectleider, tmp_path
):
    marker = tmp_path / "halverwege"
    eerste = workers.start("tests.besluitvorming.worker_onderbroken", WUP_TEST_MARKER=str(marker))

    versie = services.documentversie_aanvragen(plan=plan, user=projectleider)
    workers.wacht(marker.exists, "de worker begint aan de PDF")

    # In the middle: the version is being made, half of its file is on disk.
    versie.refresh_from_db()
    assert versie.status == Documentversie.Status.BEZIG and versie.pogingen == 1
    half = workers.media / marker.read_text()
    assert half.exists() and half.stat().st_size > 0

    os.killpg(eerste.pid, signal.SIGKILL)
    eerste.wait(timeout=10)
    workers.wacht(lambda: _groep_dood(eerste.pid), "de pool van de worker is weg", 10, levend=False)
    versie.refresh_from_db()
    assert versie.status == Documentversie.Status.BEZIG  # nothing finished it

    # The message is still unacknowledged in Redis; once its visibility timeout has passed, the
    # product's own worker, started anew, gets it again.
    time.sleep(ZICHTBAAR + 1)
    workers.start("wup")
    workers.wacht(
        lambda: Documentversie.objects.filter(
            pk=versie.pk, status=Documentversie.Status.KLAAR
        ).exists(),
        "de nieuwe worker maakt de PDF af",
    )

    assert Documentversie.objects.filter(wijkplan=plan).count() == 1
    versie.refresh_from_db()
    assert versie.status == Documentversie.Status.KLAAR and versie.pogingen == 2
    bestand = workers.media / versie.bestand.name
    data = bestand.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")  # complete
    assert hashlib.sha256(data).hexdigest() == versie.sha256
    assert len(data) == versie.grootte
    assert sorted(p.name for p in bestand.parent.iterdir()) == [bestand.name]  # no leftovers
    assert "documentversie_maken" in workers.uitvoer() and "succeeded" in workers.uitvoer()


@pytest.mark.django_db
def test_the_same_task_delivered_twice_makes_one_document(
    plan, projectleider, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path / "media"
    with django_capture_on_commit_callbacks(execute=True):  # the first delivery, eagerly
        versie = services.documentversie_aanvragen(plan=plan, user=projectleider)
    versie.refresh_from_db()
    assert versie.status == Documentversie.Status.KLAAR
    sha, naam = versie.sha256, versie.bestand.name

    assert documentversie_maken(versie.pk) == Documentversie.Status.KLAAR  # a second delivery
    assert documentversie_maken.apply(args=[versie.pk]).get() == Documentversie.Status.KLAAR

    versie.refresh_from_db()
    assert (versie.pogingen, versie.sha256, versie.bestand.name) == (1, sha, naam)
    assert Documentversie.objects.filter(wijkplan=plan).count() == 1
    map_ = tmp_path / "media" / naam.rsplit("/", 1)[0]
    assert [p.name for p in map_.iterdir()] == [naam.rsplit("/", 1)[1]]
