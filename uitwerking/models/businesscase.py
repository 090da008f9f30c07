"""Models of step 5's part 'businesscase': the heat company's business case of the chosen
alternative, one row per calculation.

A calculation is never changed: a new calculation is a new row and the newest one counts, so the
history of earlier calculations stays readable. Each row keeps the inputs as they were used
(with where every value came from), the result, the scenario grid and the finance parameter set
it was computed with.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wup.models.historie import AppendOnlyQuerySet, HistoryIsImmutable

__all__ = ["Businesscase"]


class Businesscase(models.Model):
    wijkplan = models.ForeignKey(
        "wup.Wijkplan", on_delete=models.PROTECT, related_name="businesscases"
    )
    #: The choice (step 4) the business case was computed for.
    keuze = models.ForeignKey(
        "keuze.Keuze",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("keuze"),
    )
    alternatief = models.ForeignKey(
        "techniek.Alternatief",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("alternatief"),
    )
    #: The alternative's name at the moment of the calculation.
    alternatief_naam = models.CharField(_("alternatief"), max_length=200)
    #: The calculation of step 2 the investments and the heat demand were taken from.
    berekening = models.ForeignKey(
        "techniek.Berekening",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("berekening van stap 2"),
    )
    parameterset = models.ForeignKey(
        "techniek.Parameterset",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("parameterset"),
    )
    #: The inputs as used: ``{"waarden": {...}, "herkomst": {veld: tekst}, "aangepast": [...]}``.
    invoer = models.JSONField(_("invoer"), default=dict)
    #: ``uitwerking.financien.BusinesscaseResultaat.as_dict()``.
    resultaat = models.JSONField(_("resultaat"), default=dict)
    #: The scenario grid: one record per price scenario and connection rate.
    scenarios = models.JSONField(_("scenario's"), default=list)
    berekend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    berekend_op = models.DateTimeField(_("berekend op"), auto_now_add=True, db_index=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("businesscase")
        verbose_name_plural = _("businesscases")
        ordering = ("-berekend_op", "-pk")

    def __str__(self) -> str:
        return f"{self.wijkplan}: {self.alternatief_naam}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise HistoryIsImmutable(
                _("Een berekende businesscase kan niet worden gewijzigd. Reken opnieuw.")
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise HistoryIsImmutable(_("Een berekende businesscase kan niet worden verwijderd."))
