"""Celery application; with no broker configured the tasks run eagerly (see settings)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wup.settings")

app = Celery("wup")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
