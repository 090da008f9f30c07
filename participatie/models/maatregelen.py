"""Behavioural measures of a plan: what helps residents take the next step, such as energy
coaches or collective purchasing of insulation."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from participatie.models.basis import Bijgehouden


class Gedragsmaatregel(Bijgehouden):
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

    class Meta:
        verbose_name = _("gedragsmaatregel")
        verbose_name_plural = _("gedragsmaatregelen")
        ordering = ("naam", "pk")

    def __str__(self) -> str:
        return self.naam
