"""Step 6: the numbered versions of the plan document as a council PDF.

A version is requested (``wachtrij``), rendered by a worker (``bezig``) and then either ``klaar``
with its file, size and SHA-256, or ``mislukt`` with a message in plain Dutch. A finished version
is never changed or removed: the model refuses it, and on PostgreSQL a trigger does too
(migration 0002). A new PDF is always a new version with the next number.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wup.constants import Fase
from wup.exceptions import WupError

#: Generated PDFs live below this folder of the media storage. It is never served directly:
#: only the permission-checked download views hand out a file.
__all__ = ["PRIVE_MAP", "Documentversie", "VersieOnveranderlijk"]

PRIVE_MAP = "prive/plandocumenten"


def _bestandsnaam(versie: Documentversie, filename: str) -> str:
    return f"{PRIVE_MAP}/{versie.wijkplan_id}/{versie.bestandsnaam}"


class VersieOnveranderlijk(WupError):
    status = 409
    title = "Versie kan niet worden gewijzigd"


class Documentversie(models.Model):
    class Status(models.TextChoices):
        WACHTRIJ = "wachtrij", _("In de wachtrij")
        BEZIG = "bezig", _("Wordt gemaakt")
        KLAAR = "klaar", _("Klaar")
        MISLUKT = "mislukt", _("Mislukt")

    wijkplan = models.ForeignKey(
        "wup.Wijkplan",
        on_delete=models.PROTECT,
        related_name="documentversies",
        verbose_name=_("wijkplan"),
    )
    nummer = models.PositiveIntegerField(_("versienummer"))
    aanvraagsleutel = models.UUIDField(
        _("aanvraagsleutel"),
        default=uuid.uuid4,
        unique=True,
        help_text=_("Dezelfde aanvraag twee keer verstuurd geeft één versie."),
    )
    fase = models.CharField(_("fase van het plan"), max_length=32, choices=Fase.choices)
    definitief = models.BooleanField(
        _("definitief"),
        default=False,
        help_text=_("Niet definitief: elke pagina draagt het watermerk CONCEPT."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.WACHTRIJ
    )
    melding = models.TextField(_("melding"), blank=True)
    bestand = models.FileField(_("bestand"), upload_to=_bestandsnaam, blank=True, max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    grootte = models.PositiveBigIntegerField(_("grootte in bytes"), null=True, blank=True)
    pogingen = models.PositiveIntegerField(_("pogingen"), default=0)
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("aangevraagd door"),
    )
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    gestart_op = models.DateTimeField(_("gestart op"), null=True, blank=True)
    gereed_op = models.DateTimeField(_("gereed op"), null=True, blank=True)

    class Meta:
        verbose_name = _("documentversie")
        verbose_name_plural = _("documentversies")
        ordering = ["wijkplan", "-nummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["wijkplan", "nummer"], name="besluitvorming_versie_nummer_per_plan"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="klaar")
                | (~models.Q(sha256="") & ~models.Q(bestand="")),
                name="besluitvorming_klare_versie_heeft_bestand",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.wijkplan} — versie {self.nummer}"

    def save(self, *args, **kwargs) -> None:
        if self._was_klaar():
            raise VersieOnveranderlijk(
                str(_("Versie %(nummer)s is klaar en kan niet meer worden gewijzigd."))
                % {"nummer": self.nummer}
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._was_klaar():
            raise VersieOnveranderlijk(
                str(_("Versie %(nummer)s is klaar en kan niet worden verwijderd."))
                % {"nummer": self.nummer}
            )
        return super().delete(*args, **kwargs)

    def _was_klaar(self) -> bool:
        return (
            self.pk is not None
            and not self._state.adding
            and type(self).objects.filter(pk=self.pk, status=self.Status.KLAAR).exists()
        )

    @property
    def bestandsnaam(self) -> str:
        return f"plandocument-{self.wijkplan_id}-versie-{self.nummer}.pdf"

    @property
    def klaar(self) -> bool:
        return self.status == self.Status.KLAAR

    @property
    def loopt(self) -> bool:
        return self.status in (self.Status.WACHTRIJ, self.Status.BEZIG)
