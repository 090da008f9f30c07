"""Versioned parameter sets: cost key figures, prices, efficiencies and emission factors.

A set is a *concept* while a beheerder edits it and *vastgesteld* (published) once it is in use.
A published set never changes: editing means a new concept based on it (copy-on-write). The
current set is the published one with the highest version number; every result records the
version it was calculated with, so a newer published set marks it as outdated.

Scalar figures are :class:`Parameter` rows, each with its unit and source. Tables (per dwelling
type x construction period, energy prices per year and scenario) are :class:`Parametertabel`
rows holding the whole table as JSON with a unit and source per column: the engine reads a table
whole into a DataFrame, the table keeps the shape PBL publishes it in, and a new version copies
one row per table instead of tens of thousands of cells.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wup.exceptions import WupError

#: Enough digits for every PBL figure (the largest has 8 integer digits, the finest 9 decimals).
MAX_DIGITS = 28
DECIMALEN = 12


def vingerafdruk(parameters: Iterable[tuple], tabellen: Iterable[tuple]) -> str:
    """SHA-256 of figures ``(sleutel, waarde, waarde_tekst)`` and tables ``(sleutel,
    sleutelkolommen, kolommen, rijen)``, independent of row order. Units and sources are left
    out on purpose: a better source for the same number changes no result."""
    inhoud = {
        "parameters": sorted([str(s), None if w is None else str(w), t] for s, w, t in parameters),
        "tabellen": sorted(
            [str(s), k, [c.get("naam") for c in kol], r] for s, k, kol, r in tabellen
        ),
    }
    tekst = json.dumps(inhoud, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(tekst.encode()).hexdigest()


class ParametersetOnveranderlijk(WupError):
    """A published parameter set, its figures and tables cannot change."""

    status = 409
    title = "Vastgestelde parameterset kan niet worden gewijzigd"


def _vastgesteld_melding() -> str:
    return gettext(
        "Deze parameterset is vastgesteld en kan niet meer veranderen. Maak een nieuwe versie "
        "(concept) om cijfers aan te passen."
    )


class Parameterset(models.Model):
    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        VASTGESTELD = "vastgesteld", _("Vastgesteld")

    naam = models.CharField(_("naam"), max_length=200)
    versie = models.PositiveIntegerField(_("versienummer"), unique=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT
    )
    gebaseerd_op = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        related_name="afgeleide_versies",
        null=True,
        blank=True,
        verbose_name=_("gebaseerd op"),
    )
    omschrijving = models.TextField(
        _("omschrijving"),
        blank=True,
        help_text=_("Wat is er anders dan in de vorige versie, en waarom?"),
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("aangemaakt door"),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("laatst gewijzigd op"), auto_now=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("vastgesteld door"),
    )
    vastgesteld_op = models.DateTimeField(_("vastgesteld op"), null=True, blank=True)
    #: SHA-256 of the figures and tables the step-2 engine reads, set when the set is
    #: published: a newer version that changes only other steps' figures (step 5's finance)
    #: does not make step-2 results outdated.
    vingerafdruk_rekenkern = models.CharField(
        _("vingerafdruk rekenkern"), max_length=64, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("parameterset")
        verbose_name_plural = _("parametersets")
        ordering = ["-versie"]
        permissions = [("vaststellen_parameterset", _("Mag een parameterset vaststellen"))]
        constraints = [
            # One concept at a time: versions are published in the order they are numbered,
            # and two beheerders never edit two diverging drafts.
            models.UniqueConstraint(
                fields=["status"],
                condition=models.Q(status="concept"),
                name="parameterset_een_concept",
            ),
            models.CheckConstraint(
                condition=models.Q(status="concept") | models.Q(vastgesteld_op__isnull=False),
                name="parameterset_vastgesteld_heeft_datum",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.naam} (versie {self.versie}, {self.get_status_display().lower()})"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            opgeslagen = (
                Parameterset.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            )
            if opgeslagen == self.Status.VASTGESTELD:
                raise ParametersetOnveranderlijk(_vastgesteld_melding())
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if Parameterset.objects.filter(pk=self.pk, status=self.Status.VASTGESTELD).exists():
            raise ParametersetOnveranderlijk(_vastgesteld_melding())
        return super().delete(*args, **kwargs)

    @property
    def is_concept(self) -> bool:
        return self.status == self.Status.CONCEPT

    @property
    def is_vastgesteld(self) -> bool:
        return self.status == self.Status.VASTGESTELD


class _AlleenConceptQuerySet(models.QuerySet):
    """Bulk updates and deletes never touch the rows of a published set."""

    def _weiger_vastgesteld(self) -> None:
        if self.filter(parameterset__status=Parameterset.Status.VASTGESTELD).exists():
            raise ParametersetOnveranderlijk(_vastgesteld_melding())

    def update(self, **kwargs):
        self._weiger_vastgesteld()
        return super().update(**kwargs)

    def delete(self):
        self._weiger_vastgesteld()
        return super().delete()


class _AlleenInConcept(models.Model):
    """A row of a parameter set: written only while its set is a concept."""

    objects = _AlleenConceptQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        self._weiger_vastgesteld()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._weiger_vastgesteld()
        return super().delete(*args, **kwargs)

    def _weiger_vastgesteld(self) -> None:
        if Parameterset.objects.filter(
            pk=self.parameterset_id, status=Parameterset.Status.VASTGESTELD
        ).exists():
            raise ParametersetOnveranderlijk(_vastgesteld_melding())
        if self.pk is not None:
            oud = type(self).objects.filter(pk=self.pk).values_list("parameterset_id", flat=True)
            if Parameterset.objects.filter(
                pk__in=oud, status=Parameterset.Status.VASTGESTELD
            ).exists():
                raise ParametersetOnveranderlijk(_vastgesteld_melding())


class Parameter(_AlleenInConcept):
    """One scalar figure with its unit and source, e.g. ``Netbeheer.Ki_verv_LD_min``."""

    parameterset = models.ForeignKey(
        Parameterset,
        on_delete=models.CASCADE,
        related_name="parameters",
        verbose_name=_("parameterset"),
    )
    #: Unique within a set: ``<groep>.<naam>`` (PBL uses some names in two files).
    sleutel = models.CharField(_("sleutel"), max_length=120)
    naam = models.CharField(_("naam"), max_length=100)
    groep = models.CharField(_("groep"), max_length=60)
    #: Empty when the source gives no number (PBL writes "nvt"); never 0 in its place.
    waarde = models.DecimalField(
        _("waarde"), max_digits=MAX_DIGITS, decimal_places=DECIMALEN, null=True, blank=True
    )
    #: The value as the source writes it when it is not a number, e.g. "nvt".
    waarde_tekst = models.CharField(_("waarde als tekst"), max_length=60, blank=True)
    eenheid = models.CharField(_("eenheid"), max_length=40, blank=True)
    bron = models.TextField(_("bron"), blank=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    #: Where the platform took the figure from (file and repository), separate from the source
    #: the figure's author names.
    herkomst = models.CharField(_("herkomst"), max_length=300, blank=True)
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("gewijzigd door"),
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("parameter")
        verbose_name_plural = _("parameters")
        ordering = ["parameterset", "groep", "volgorde", "sleutel"]
        constraints = [
            models.UniqueConstraint(
                fields=["parameterset", "sleutel"], name="parameter_sleutel_per_set"
            )
        ]

    def __str__(self) -> str:
        return self.sleutel

    @property
    def waarde_getal(self) -> float | None:
        return None if self.waarde is None else float(self.waarde)


class Parametertabel(_AlleenInConcept):
    """A table of figures, e.g. the key figures per dwelling type x construction period.

    ``kolommen`` lists every column as ``{"naam", "eenheid", "bron", "omschrijving"}``; the
    ``sleutelkolommen`` identify a row. ``rijen`` holds the values row by row in column order
    (numbers, text, or ``null`` where the source has none). ``wijzigingen`` records every cell a
    beheerder changed in a concept, with the source of the new value.
    """

    parameterset = models.ForeignKey(
        Parameterset,
        on_delete=models.CASCADE,
        related_name="tabellen",
        verbose_name=_("parameterset"),
    )
    sleutel = models.CharField(_("sleutel"), max_length=80)
    titel = models.CharField(_("titel"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    bron = models.TextField(_("bron"), blank=True)
    herkomst = models.CharField(_("herkomst"), max_length=300, blank=True)
    sleutelkolommen = models.JSONField(_("sleutelkolommen"), default=list)
    kolommen = models.JSONField(_("kolommen"), default=list)
    rijen = models.JSONField(_("rijen"), default=list)
    wijzigingen = models.JSONField(_("wijzigingen"), default=list, blank=True)
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("parametertabel")
        verbose_name_plural = _("parametertabellen")
        ordering = ["parameterset", "volgorde", "sleutel"]
        constraints = [
            models.UniqueConstraint(
                fields=["parameterset", "sleutel"], name="parametertabel_sleutel_per_set"
            )
        ]

    def __str__(self) -> str:
        return self.titel

    @property
    def kolomnamen(self) -> list[str]:
        return [k["naam"] for k in self.kolommen]

    @property
    def aantal_rijen(self) -> int:
        return len(self.rijen)
