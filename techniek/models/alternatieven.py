"""The alternatives of a plan (step 2): the building stock they are computed for, each
alternative with its technical sketch, and each calculation with its results.

A calculation keeps a copy of the stock and the parameter-set version it used, and a hash of its
input: the same stock, alternative and version give the same result, which is then reused.
"""

import hashlib
import json

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Gebouwvoorraad(models.Model):
    """The building stock of a plan, as the engine's two tables (one record per segment)."""

    class Bron(models.TextChoices):
        CBS = "cbs", _("Schatting uit CBS-cijfers")
        TABEL = "tabel", _("Geüploade tabel")
        HANDMATIG = "handmatig", _("Handmatig aangepast")

    wijkplan = models.OneToOneField(
        "wup.Wijkplan", on_delete=models.CASCADE, related_name="gebouwvoorraad"
    )
    bron = models.CharField(_("bron"), max_length=20, choices=Bron.choices)
    #: Records ``{type, bouwperiode, label, aantal, oppervlakte}`` (m2 per dwelling).
    woningen = models.JSONField(_("woningen"), default=list)
    #: Records ``{functie, bouwperiode, label, aantal, oppervlakte}`` (m2 per object).
    utiliteit = models.JSONField(_("utiliteit"), default=list)
    #: The assumptions behind the stock, as the engine reports them.
    toelichting = models.JSONField(_("toelichting"), default=list)
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=255, blank=True)
    invoer_hash = models.CharField(_("hash van de voorraad"), max_length=64)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("gebouwvoorraad")
        verbose_name_plural = _("gebouwvoorraden")

    def __str__(self) -> str:
        return f"{self.wijkplan}: {self.get_bron_display()}"

    @staticmethod
    def hash_van(woningen: list, utiliteit: list) -> str:
        """The hash of a stock's two tables: the same records give the same hash, so a
        calculation's copy of the stock can be compared with the plan's current stock."""
        tekst = json.dumps(
            {"woningen": woningen or [], "utiliteit": utiliteit or []},
            sort_keys=True,
            separators=(",", ":"),
            default=str,
        )
        return hashlib.sha256(tekst.encode()).hexdigest()


class Alternatief(models.Model):
    """One alternative of a plan: a standard template, or a variant of one with its own
    parameter values."""

    wijkplan = models.ForeignKey(
        "wup.Wijkplan", on_delete=models.CASCADE, related_name="alternatieven"
    )
    #: Code of the engine's standard alternative this one is (or is a variant of).
    sjabloon = models.CharField(_("sjabloon"), max_length=40)
    naam = models.CharField(_("naam"), max_length=200)
    #: The variant's own engine parameters ``{naam: waarde}``; empty for a standard alternative.
    parameters = models.JSONField(_("eigen parameters"), default=dict, blank=True)
    schets = models.TextField(_("technische schets"), blank=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("alternatief")
        verbose_name_plural = _("alternatieven")
        ordering = ("wijkplan", "pk")
        constraints = [
            models.UniqueConstraint(fields=("wijkplan", "naam"), name="alternatief_naam_uniek")
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def is_variant(self) -> bool:
        return bool(self.parameters)


class Berekening(models.Model):
    """One calculation of an alternative, with what it was computed from and its results."""

    class Status(models.TextChoices):
        WACHTRIJ = "wachtrij", _("In de wachtrij")
        BEZIG = "bezig", _("Bezig")
        KLAAR = "klaar", _("Klaar")
        FOUT = "fout", _("Niet gelukt")

    alternatief = models.ForeignKey(
        Alternatief, on_delete=models.CASCADE, related_name="berekeningen"
    )
    parameterset = models.ForeignKey(
        "techniek.Parameterset",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("parameterset"),
    )
    invoer_hash = models.CharField(_("hash van de invoer"), max_length=64, db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WACHTRIJ
    )
    voortgang = models.PositiveSmallIntegerField(_("voortgang (%)"), default=0)
    #: The stock used: ``{"bron", "woningen": [...], "utiliteit": [...]}``.
    voorraad = models.JSONField(_("gebruikte voorraad"), default=dict)
    #: Indicators, energy per carrier, CO2, cost items, peak, base share (see the service).
    samenvatting = models.JSONField(_("samenvatting"), default=dict, blank=True)
    #: Small series for charts: load-duration curve (~100 points), one winter week per hour.
    reeksen = models.JSONField(_("reeksen"), default=dict, blank=True)
    aannames = models.JSONField(_("aannames"), default=list, blank=True)
    #: What stopped the calculation: ``[{"plaats", "melding"}]``.
    problemen = models.JSONField(_("problemen"), default=list, blank=True)
    melding = models.TextField(_("melding"), blank=True)
    gestart_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)

    class Meta:
        verbose_name = _("berekening")
        verbose_name_plural = _("berekeningen")
        ordering = ("alternatief", "-pk")

    def __str__(self) -> str:
        return f"{self.alternatief}: {self.get_status_display()}"
