"""The decisions log (besluitenlijst) of a plan: who decided what, when, under which reference.

Every step adds to it (the choice of step 4 first), and the projectleider records decisions by
hand, e.g. one of the stuurgroep. Append-only: a correction is a new row that supersedes the
old one (``vervangt``); a recorded decision is never changed or removed.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wup.models.historie import AppendOnlyQuerySet, HistoryIsImmutable
from wup.models.wijkplan import Wijkplan


class BesluitQuerySet(AppendOnlyQuerySet):
    def update(self, **kwargs):
        raise HistoryIsImmutable(
            _("Een vastgelegd besluit kan niet worden gewijzigd. Leg een nieuw besluit vast.")
        )

    def delete(self):
        raise HistoryIsImmutable(_("Een vastgelegd besluit kan niet worden verwijderd."))


class Besluit(models.Model):
    class Orgaan(models.TextChoices):
        """Who took the decision."""

        COLLEGE = "college", _("College van B&W")
        STUURGROEP = "stuurgroep", _("Stuurgroep")
        GEMEENTERAAD = "gemeenteraad", _("Gemeenteraad")
        PROJECTGROEP = "projectgroep", _("Projectgroep / ambtelijk")
        ANDERS = "anders", _("Anders")

    wijkplan = models.ForeignKey(
        Wijkplan, on_delete=models.PROTECT, related_name="besluiten", verbose_name=_("wijkplan")
    )
    datum = models.DateField(_("datum van het besluit"))
    orgaan = models.CharField(_("besloten door"), max_length=30, choices=Orgaan.choices)
    besluit = models.TextField(_("besluit"))
    kenmerk = models.CharField(
        _("kenmerk"),
        max_length=100,
        blank=True,
        help_text=_("Bijvoorbeeld het zaaknummer of het nummer van het raadsbesluit."),
    )
    #: The step app that recorded it (e.g. ``keuze``); empty for a decision entered by hand.
    bron = models.CharField(_("bron"), max_length=30, blank=True)
    vervangt = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="vervangen_door",
        verbose_name=_("vervangt"),
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True, db_index=True)

    objects = BesluitQuerySet.as_manager()

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        ordering = ("-datum", "-vastgelegd_op", "-pk")
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.wijkplan}: {self.datum:%Y-%m-%d} {self.get_orgaan_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise HistoryIsImmutable(
                _("Een vastgelegd besluit kan niet worden gewijzigd. Leg een nieuw besluit vast.")
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise HistoryIsImmutable(_("Een vastgelegd besluit kan niet worden verwijderd."))

    @property
    def opvolger(self) -> "Besluit | None":
        """The row that superseded this one, if any (selected along by the selectors)."""
        try:
            return self.vervangen_door
        except Besluit.DoesNotExist:
            return None

    @property
    def is_vervangen(self) -> bool:
        return self.opvolger is not None
