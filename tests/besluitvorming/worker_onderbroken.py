"""The product's Celery app, for the worker that the kill test kills mid-task.

Only the test starts a worker with ``-A tests.besluitvorming.worker_onderbroken``; production
code has no test branch. In each pool process, writing a plan PDF to the storage is replaced
by writing half of it, leaving a marker file (``WUP_TEST_MARKER``) and waiting: the worker is
then demonstrably in the middle of the task, with a half-written file on disk and the version's
row locked in an open transaction, the worst moment to lose it.
"""

import os
import time
from pathlib import Path

from celery.signals import worker_process_init

from wup.celery import app

__all__ = ["app"]


@worker_process_init.connect
def _halverwege_blijven_hangen(**kwargs):
    from django.core.files.storage import FileSystemStorage

    def half_schrijven(storage, name, content):
        data = content.read()
        pad = Path(storage.path(name))
        pad.parent.mkdir(parents=True, exist_ok=True)
        with pad.open("wb") as f:
            f.write(data[: len(data) // 2])
            f.flush()
            os.fsync(f.fileno())
        Path(os.environ["WUP_TEST_MARKER"]).write_text(name)
        time.sleep(600)  # until the test kills this worker
        raise AssertionError("de worker had al gestopt moeten zijn")

    FileSystemStorage._save = half_schrijven
