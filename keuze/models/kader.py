"""The assessment framework of a plan: criteria with weights and rationale, and the expert
scores of the criteria that no other step computes."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Criterium(models.Model):
    """One criterion of the plan's assessment framework."""

    class Richting(models.TextChoices):
        HOGER_BETER = "hoger_beter", _("Hoger is beter")
        LAGER_BETER = "lager_beter", _("Lager is beter")

    class Zekerheid(models.TextChoices):
        HOOG = "hoog", _("Hoog: berekend of gemeten")
        MIDDEL = "middel", _("Middel: onderbouwde inschatting")
        LAAG = "laag", _("Laag: grove inschatting")

    wijkplan = models.ForeignKey(
        "wup.Wijkplan", on_delete=models.CASCADE, related_name="keuze_criteria"
    )
    naam = models.CharField(_("naam"), max_length=120)
    #: Why this criterion weighs what it weighs (shown to the council and in the document).
    toelichting = models.TextField(_("onderbouwing van het gewicht"))
    gewicht = models.FloatField(_("gewicht"))
    richting = models.CharField(_("richting"), max_length=20, choices=Richting.choices)
    eenheid = models.CharField(_("eenheid"), max_length=60)
    #: ``handmatig`` (expert judgement, scores below) or the key of an automatic source
    #: (see :mod:`keuze.bronnen`), e.g. ``techniek:nk.H16_Nat_meerkost``.
    bron = models.CharField(_("bron van de scores"), max_length=80, default="handmatig")
    zekerheid = models.CharField(
        _("zekerheid van de scores"), max_length=10, choices=Zekerheid.choices
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("criterium")
        verbose_name_plural = _("criteria")
        ordering = ("wijkplan", "volgorde", "pk")
        constraints = [
            models.UniqueConstraint(fields=("wijkplan", "naam"), name="keuze_criterium_naam_uniek"),
            models.CheckConstraint(
                condition=models.Q(gewicht__gte=0), name="keuze_criterium_gewicht_niet_negatief"
            ),
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def handmatig(self) -> bool:
        return self.bron == "handmatig"


class Score(models.Model):
    """An expert's score of one alternative on a criterion, with the reasoning behind it."""

    criterium = models.ForeignKey(Criterium, on_delete=models.CASCADE, related_name="scores")
    alternatief = models.ForeignKey(
        "techniek.Alternatief", on_delete=models.CASCADE, related_name="keuze_scores"
    )
    waarde = models.FloatField(_("score"))
    toelichting = models.TextField(_("toelichting"))
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=("criterium", "alternatief"), name="keuze_score_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.criterium} / {self.alternatief}: {self.waarde}"
