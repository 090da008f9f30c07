"""Append-only history of a wijkplan's phases, and the notifications they cause."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wup.constants import Fase
from wup.models.wijkplan import Wijkplan


class HistoryIsImmutable(Exception):
    """History rows are written once and never changed or removed."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise HistoryIsImmutable(_("De historie van een wijkplan kan niet worden gewijzigd."))

    def delete(self):
        raise HistoryIsImmutable(_("De historie van een wijkplan kan niet worden verwijderd."))


class Faseovergang(models.Model):
    """One transition of a plan: who moved it, when, from where to where, and why."""

    wijkplan = models.ForeignKey(
        Wijkplan, on_delete=models.PROTECT, related_name="historie", verbose_name=_("wijkplan")
    )
    overgang = models.CharField(_("overgang"), max_length=40)
    van_fase = models.CharField(_("van fase"), max_length=30, choices=Fase.choices)
    naar_fase = models.CharField(_("naar fase"), max_length=30, choices=Fase.choices)
    motivatie = models.TextField(_("motivatie"), blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("door"),
    )
    op = models.DateTimeField(_("op"), auto_now_add=True, db_index=True)
    #: The conditions as they stood at the moment of the transition, for later accountability.
    voorwaarden = models.JSONField(_("voorwaarden op dat moment"), default=list, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("faseovergang")
        verbose_name_plural = _("faseovergangen")
        ordering = ["-op", "-pk"]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.wijkplan}: {self.get_van_fase_display()} → {self.get_naar_fase_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise HistoryIsImmutable(_("De historie van een wijkplan kan niet worden gewijzigd."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise HistoryIsImmutable(_("De historie van een wijkplan kan niet worden verwijderd."))


class Melding(models.Model):
    """An in-app notification about a plan, e.g. that it was submitted to the council."""

    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="wup_meldingen"
    )
    faseovergang = models.ForeignKey(
        Faseovergang, on_delete=models.CASCADE, related_name="meldingen"
    )
    tekst = models.CharField(_("tekst"), max_length=300)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gelezen_op = models.DateTimeField(_("gelezen op"), null=True, blank=True)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-aangemaakt_op", "-pk"]
        constraints = [
            # A redelivered task must not notify anyone twice.
            models.UniqueConstraint(
                fields=["ontvanger", "faseovergang"], name="melding_eenmaal_per_overgang"
            )
        ]

    def __str__(self) -> str:
        return self.tekst
