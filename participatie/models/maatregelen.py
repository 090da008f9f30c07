"""Behavioural measures of a plan: what helps residents take the next step, such as energy
coaches or collective purchasing of insulation."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Gedragsmaatregel(models.Model):
    class Status(models.TextChoices):
        IDEE = "idee", _("Idee")
        GEPLAND = "gepland", _("Gepland")
        LOOPT = "loopt", _("Loopt")
        AFGEROND = "afgerond", _("Afgerond")
        GESTOPT = "gestopt", _("Gestopt")

    wijkplan = models.ForeignKey(
        "wup.Wijkplan", on_delete=models.CASCADE, related_name="gedragsmaatregelen"
    )
    naam = models.CharField(
        _("naam"),
        max_length=200,
        help_text=_("Bijvoorbeeld: energiecoaches of collectieve inkoop van isolatie."),
    )
    doelgroep = models.CharField(
        _("doelgroep"),
        max_length=300,
        blank=True,
        help_text=_("Voor wie is de maatregel? Bijvoorbeeld: eigenaar-bewoners van vóór 1975."),
    )
    doelgroep_partij = models.ForeignKey(
        "participatie.Partij",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="gedragsmaatregelen",
        verbose_name=_("partij als doelgroep"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    toelichting = models.TextField(_("toelichting"), blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("gedragsmaatregel")
        verbose_name_plural = _("gedragsmaatregelen")
        ordering = ("naam", "pk")

    def __str__(self) -> str:
        return self.naam
