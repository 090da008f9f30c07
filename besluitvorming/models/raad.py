"""Models of step 6's part 'raad': the submission of a plan to the council and the council's
decision, as the griffier records it. Both are history: written once, never changed."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wup.constants import Fase
from wup.models.historie import AppendOnlyQuerySet, HistoryIsImmutable

__all__ = ["Aanbieding", "Raadsbesluit"]


class _AppendOnly(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise HistoryIsImmutable(_("Dit gegeven is vastgelegd en kan niet worden gewijzigd."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise HistoryIsImmutable(_("Dit gegeven is vastgelegd en kan niet worden verwijderd."))


class Aanbieding(_AppendOnly):
    """The projectleider submitted the plan to the council, with this version of the PDF."""

    wijkplan = models.ForeignKey(
        "wup.Wijkplan",
        on_delete=models.PROTECT,
        related_name="aanbiedingen",
        verbose_name=_("wijkplan"),
    )
    documentversie = models.ForeignKey(
        "besluitvorming.Documentversie",
        on_delete=models.PROTECT,
        related_name="aanbiedingen",
        verbose_name=_("aangeboden versie"),
    )
    aangeboden_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("aangeboden door"),
    )
    aangeboden_op = models.DateTimeField(_("aangeboden op"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("aanbieding aan de raad")
        verbose_name_plural = _("aanbiedingen aan de raad")
        ordering = ["-aangeboden_op", "-pk"]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.wijkplan}: {self.aangeboden_op:%Y-%m-%d}"


class Raadsbesluit(_AppendOnly):
    """The council's decision on a submitted plan: adopted or sent back."""

    class Uitkomst(models.TextChoices):
        VASTGESTELD = "vastgesteld", _("Vastgesteld")
        TERUGGESTUURD = "teruggestuurd", _("Teruggestuurd")

    wijkplan = models.ForeignKey(
        "wup.Wijkplan",
        on_delete=models.PROTECT,
        related_name="raadsbesluiten",
        verbose_name=_("wijkplan"),
    )
    aanbieding = models.ForeignKey(
        Aanbieding,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="raadsbesluiten",
        verbose_name=_("aanbieding"),
    )
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices)
    besluitdatum = models.DateField(_("datum van het raadsbesluit"))
    besluitnummer = models.CharField(_("besluitnummer"), max_length=100, blank=True)
    amendementen = models.TextField(_("amendementen"), blank=True)
    redenen = models.TextField(_("redenen"), blank=True)
    naar_fase = models.CharField(
        _("terug naar fase"), max_length=30, choices=Fase.choices, blank=True
    )
    vastgestelde_versie = models.ForeignKey(
        "besluitvorming.Documentversie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="raadsbesluiten",
        verbose_name=_("vastgestelde versie"),
    )
    griffier = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("raadsbesluit")
        verbose_name_plural = _("raadsbesluiten")
        ordering = ["-vastgelegd_op", "-pk"]
        default_permissions = ("view",)
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(uitkomst="vastgesteld") | models.Q(naar_fase=""),
                name="besluitvorming_vastgesteld_zonder_terugfase",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.wijkplan}: {self.get_uitkomst_display()} {self.besluitdatum:%Y-%m-%d}"
