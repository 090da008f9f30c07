"""The processing log of residents' personal data: every export, erasure and anonymisation,
append-only, without the personal data itself (a person is named by a hash of their e-mail)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wup.models.historie import AppendOnlyQuerySet, HistoryIsImmutable


class Verwerking(models.Model):
    class Soort(models.TextChoices):
        INZAGE = "inzage", _("Gegevens van een persoon uitgegeven")
        WISSEN = "wissen", _("Gegevens van een persoon gewist")
        ANONIMISEREN = "anonimiseren", _("Gegevens na de bewaartermijn geanonimiseerd")

    soort = models.CharField(_("soort"), max_length=15, choices=Soort.choices)
    wijkplan = models.ForeignKey(
        "wup.Wijkplan",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("wijkplan"),
    )
    kenmerk = models.CharField(
        _("kenmerk van de persoon"),
        max_length=64,
        blank=True,
        help_text=_("SHA-256 van het e-mailadres; het adres zelf staat niet in het logboek."),
    )
    omschrijving = models.CharField(_("omschrijving"), max_length=500)
    aantal = models.PositiveIntegerField(_("aantal gegevens"), default=0)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("door"),
    )
    op = models.DateTimeField(_("op"), auto_now_add=True, db_index=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("verwerking van persoonsgegevens")
        verbose_name_plural = _("verwerkingen van persoonsgegevens")
        ordering = ("-op", "-pk")
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.op:%Y-%m-%d})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise HistoryIsImmutable(_("Het verwerkingslogboek kan niet worden gewijzigd."))
        super().save(*args, **kwargs)
