"""The participation plan of a plan, one per phase: what we want to reach, with whom, how, when
and how much say the participants get (the participation ladder)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wup.constants import Fase
from wup.models.historie import AppendOnlyQuerySet, HistoryIsImmutable


class Participatieplan(models.Model):
    class Niveau(models.TextChoices):
        """The participation ladder, from little to much say."""

        INFORMEREN = "informeren", _("Informeren")
        RAADPLEGEN = "raadplegen", _("Raadplegen")
        ADVISEREN = "adviseren", _("Adviseren")
        COPRODUCEREN = "coproduceren", _("Coproduceren")
        MEEBESLISSEN = "meebeslissen", _("Meebeslissen")

    wijkplan = models.ForeignKey(
        "wup.Wijkplan", on_delete=models.CASCADE, related_name="participatieplannen"
    )
    fase = models.CharField(_("fase"), max_length=30, choices=Fase.choices)
    doelen = models.TextField(_("doelen"), blank=True)
    doelgroepen = models.TextField(_("doelgroepen"), blank=True)
    methoden = models.TextField(_("methoden"), blank=True)
    planning = models.TextField(_("planning"), blank=True)
    participatieniveau = models.CharField(
        _("participatieniveau"), max_length=20, choices=Niveau.choices
    )
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("participatieplan")
        verbose_name_plural = _("participatieplannen")
        constraints = [
            models.UniqueConstraint(
                fields=["wijkplan", "fase"], name="participatieplan_een_per_plan_en_fase"
            )
        ]

    def __str__(self) -> str:
        return f"{self.wijkplan}: {self.get_fase_display()}"


class Afwijking(models.Model):
    """A motivated deviation from the participation gate before the choice, recorded by the
    projectleider (e.g. the residents were consulted in another way). Append-only: a withdrawal
    is a new row; the newest row counts."""

    wijkplan = models.ForeignKey(
        "wup.Wijkplan", on_delete=models.PROTECT, related_name="participatie_afwijkingen"
    )
    motivatie = models.TextField(_("motivatie"))
    ingetrokken = models.BooleanField(_("ingetrokken"), default=False)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    op = models.DateTimeField(_("op"), auto_now_add=True, db_index=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("afwijking van de participatievoorwaarde")
        verbose_name_plural = _("afwijkingen van de participatievoorwaarde")
        ordering = ("-op", "-pk")

    def __str__(self) -> str:
        return f"{self.wijkplan}: {self.op:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise HistoryIsImmutable(_("Een vastgelegde afwijking kan niet worden gewijzigd."))
        super().save(*args, **kwargs)
