"""PBL's Startanalyse aardgasvrije buurten: the figures per buurt, and the imports.

The figures are kept per buurt x strategy variant x edition, as one JSON object per row keyed by
the canonical indicator keys of :mod:`techniek.startanalyse.indicatoren` (the units live in that
catalogue). ``null`` means that the source gives no value -- never 0. Static figures (the
``Statisch`` file: number of dwellings, woningequivalenten ...) do not depend on the variant;
they are stored with an empty variant.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StartanalyseImport(models.Model):
    """One uploaded or command-line file and what its import did."""

    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("Wacht op verwerking")
        BEZIG = "bezig", _("Bezig")
        GESLAAGD = "geslaagd", _("Geslaagd")
        ONGEWIJZIGD = "ongewijzigd", _("Niets gewijzigd")
        MISLUKT = "mislukt", _("Mislukt")

    bestand = models.FileField(_("bestand"), upload_to="startanalyse/%Y/", max_length=300)
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=255)
    grootte = models.PositiveBigIntegerField(_("grootte in bytes"), default=0)
    sha256 = models.CharField(_("SHA-256 van de inhoud"), max_length=64, db_index=True)
    #: The municipality the uploader expects the file to be about (empty: any).
    gevraagde_gemeente = models.CharField(_("verwachte gemeente"), max_length=6, blank=True)
    #: The edition the uploader named (empty: derive from the column naming).
    gevraagde_editie = models.CharField(_("opgegeven editie"), max_length=10, blank=True)
    editie = models.CharField(_("editie"), max_length=10, blank=True)
    naamgeving = models.CharField(_("kolomnamen"), max_length=10, blank=True)
    soort = models.CharField(_("soort bestand"), max_length=60, blank=True)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WACHTEND
    )
    voortgang = models.PositiveSmallIntegerField(_("voortgang (%)"), default=0)
    stap = models.CharField(_("huidige stap"), max_length=200, blank=True)
    samenvatting = models.TextField(_("samenvatting"), blank=True)
    #: Every problem found: [{"rij": int|None, "kolom": str, "waarde": str, "reden": str}].
    fouten = models.JSONField(_("fouten"), default=list, blank=True)
    #: What the import noticed without refusing the file, e.g. columns not taken over.
    opmerkingen = models.JSONField(_("opmerkingen"), default=list, blank=True)
    aantal_fouten = models.PositiveIntegerField(_("aantal fouten"), default=0)
    aantal_rijen = models.PositiveIntegerField(_("rijen in het bestand"), default=0)
    aantal_nieuw = models.PositiveIntegerField(_("nieuwe rijen"), default=0)
    aantal_gewijzigd = models.PositiveIntegerField(_("gewijzigde rijen"), default=0)
    aantal_ongewijzigd = models.PositiveIntegerField(_("ongewijzigde rijen"), default=0)

    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("aangemaakt door"),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gestart_op = models.DateTimeField(_("gestart op"), null=True, blank=True)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)

    class Meta:
        verbose_name = _("import van de Startanalyse")
        verbose_name_plural = _("imports van de Startanalyse")
        ordering = ["-aangemaakt_op", "-pk"]

    def __str__(self) -> str:
        return f"{self.bestandsnaam} ({self.get_status_display()})"

    @property
    def loopt(self) -> bool:
        return self.status in (self.Status.WACHTEND, self.Status.BEZIG)


class StartanalyseResultaat(models.Model):
    """PBL's figures for one buurt, one strategy variant (e.g. ``s1a``) and one edition."""

    buurtcode = models.CharField(_("buurtcode"), max_length=10)
    gemeentecode = models.CharField(_("gemeentecode"), max_length=6, db_index=True)
    #: PBL's variant code in lower case (``s1a``, ``s3b`` ...); empty for the static figures.
    variant = models.CharField(_("strategievariant"), max_length=30, blank=True)
    #: ``2019``, a later year, or ``2020+`` when the newer naming was imported without a year.
    editie = models.CharField(_("editie"), max_length=10)
    naamgeving = models.CharField(_("kolomnamen"), max_length=10)
    waarden = models.JSONField(_("waarden"), default=dict)
    teksten = models.JSONField(_("teksten"), default=dict, blank=True)
    bron_import = models.ForeignKey(
        StartanalyseImport,
        on_delete=models.SET_NULL,
        related_name="resultaten",
        null=True,
        blank=True,
        verbose_name=_("laatst bijgewerkt door import"),
    )
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"))

    class Meta:
        verbose_name = _("Startanalyse van een buurt")
        verbose_name_plural = _("Startanalyse per buurt")
        ordering = ["editie", "buurtcode", "variant"]
        constraints = [
            models.UniqueConstraint(
                fields=["buurtcode", "variant", "editie"], name="startanalyse_buurt_variant_editie"
            )
        ]

    def __str__(self) -> str:
        return f"{self.buurtcode} {self.variant or '-'} ({self.editie})"
