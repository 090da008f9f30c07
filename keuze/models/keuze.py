"""The recorded choice of a heat solution. Immutable: a new choice supersedes the previous one;
the analysis it rested on is kept with it as it was at that moment."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wup.models.historie import AppendOnlyQuerySet, HistoryIsImmutable


class Keuze(models.Model):
    wijkplan = models.ForeignKey("wup.Wijkplan", on_delete=models.PROTECT, related_name="keuzes")
    alternatief = models.ForeignKey(
        "techniek.Alternatief",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("gekozen alternatief"),
    )
    #: The alternative's name at the moment of the choice (it may be renamed or removed later).
    alternatief_naam = models.CharField(_("gekozen alternatief"), max_length=200)
    motivatie = models.TextField(_("motivatie"))
    participatie_afweging = models.TextField(_("afweging van de participatie"))
    reden_zonder_participatie = models.TextField(
        _("waarom zonder steunscores van de bewoners"), blank=True
    )
    afwijkende_standpunten = models.TextField(_("afwijkende standpunten"), blank=True)
    voorwaarden = models.TextField(_("voorwaarden"), blank=True)
    #: The chosen alternative had outdated results and the projectleider confirmed anyway.
    verouderd_bevestigd = models.BooleanField(_("verouderde uitkomsten bevestigd"), default=False)
    #: The multi-criteria analysis as it was: ``keuze.mca`` result ``as_dict()`` plus the
    #: criteria, scores and their sources.
    analyse = models.JSONField(_("analyse"), default=dict)
    orgaan = models.CharField(_("besloten door"), max_length=30)
    besluitdatum = models.DateField(_("datum van het besluit"))
    kenmerk = models.CharField(_("kenmerk"), max_length=100, blank=True)
    vervangt = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="vervangen_door",
        verbose_name=_("vervangt"),
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True, db_index=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("keuze")
        verbose_name_plural = _("keuzes")
        ordering = ("-vastgelegd_op", "-pk")

    def __str__(self) -> str:
        return f"{self.wijkplan}: {self.alternatief_naam}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise HistoryIsImmutable(
                _("Een vastgelegde keuze kan niet worden gewijzigd. Leg een nieuwe keuze vast.")
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise HistoryIsImmutable(_("Een vastgelegde keuze kan niet worden verwijderd."))
