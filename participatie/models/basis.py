"""Bookkeeping fields shared by the participation models."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Bijgehouden(models.Model):
    """Who changed a row last, and when."""

    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        abstract = True
