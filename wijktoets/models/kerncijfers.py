"""CBS Kerncijfers wijken en buurten: the figures per region and year, and the imports."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Soort(models.TextChoices):
    """The kind of region a row of the Kerncijfers describes."""

    LAND = "land", _("Nederland")
    GEMEENTE = "gemeente", _("Gemeente")
    WIJK = "wijk", _("Wijk")
    BUURT = "buurt", _("Buurt")


class KerncijferImport(models.Model):
    """One uploaded or command-line file and what its import did."""

    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("Wacht op verwerking")
        BEZIG = "bezig", _("Bezig")
        GESLAAGD = "geslaagd", _("Geslaagd")
        ONGEWIJZIGD = "ongewijzigd", _("Niets gewijzigd")
        MISLUKT = "mislukt", _("Mislukt")

    bestand = models.FileField(_("bestand"), upload_to="kerncijfers/%Y/", max_length=300)
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=255)
    grootte = models.PositiveBigIntegerField(_("grootte in bytes"), default=0)
    sha256 = models.CharField(_("SHA-256 van de inhoud"), max_length=64, db_index=True)
    #: The year the uploader said the file is for; empty means "detect from the columns".
    gevraagd_jaar = models.PositiveSmallIntegerField(_("opgegeven jaar"), null=True, blank=True)
    jaar = models.PositiveSmallIntegerField(_("jaar"), null=True, blank=True)
    tabel = models.CharField(_("CBS-tabel"), max_length=40, blank=True)
    formaat = models.CharField(_("formaat"), max_length=20, blank=True)

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
    #: Total number of problems found; ``fouten`` lists at most the first 200.
    aantal_fouten = models.PositiveIntegerField(_("aantal fouten"), default=0)
    aantal_regios = models.PositiveIntegerField(_("regio's in het bestand"), default=0)
    aantal_nieuw = models.PositiveIntegerField(_("nieuwe regio's"), default=0)
    aantal_gewijzigd = models.PositiveIntegerField(_("gewijzigde regio's"), default=0)
    aantal_ongewijzigd = models.PositiveIntegerField(_("ongewijzigde regio's"), default=0)

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
        verbose_name = _("import van kerncijfers")
        verbose_name_plural = _("imports van kerncijfers")
        ordering = ["-aangemaakt_op", "-pk"]

    def __str__(self) -> str:
        return f"{self.bestandsnaam} ({self.get_status_display()})"

    @property
    def loopt(self) -> bool:
        return self.status in (self.Status.WACHTEND, self.Status.BEZIG)


class KerncijferRegio(models.Model):
    """The Kerncijfers of one region (Nederland, gemeente, wijk or buurt) in one table year.

    The figures are kept as one JSON object per row, keyed by the canonical variable keys of
    :mod:`wijktoets.cbs.variabelen` (units live in that catalogue). ``null`` means missing or
    secret in the source — never 0. Years sit side by side: one row per (code, jaar).
    """

    code = models.CharField(_("CBS-code"), max_length=10)
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    soort = models.CharField(_("soort"), max_length=10, choices=Soort.choices)
    naam = models.CharField(_("naam"), max_length=200)
    gemeentecode = models.CharField(_("gemeentecode"), max_length=6, blank=True)
    gemeentenaam = models.CharField(_("gemeentenaam"), max_length=200, blank=True)
    waarden = models.JSONField(_("waarden"), default=dict)
    #: Text attributes such as the most common postcode (not figures).
    kenmerken = models.JSONField(_("kenmerken"), default=dict, blank=True)
    #: Digest of naam, soort, gemeente, waarden and kenmerken: re-imports compare only this.
    vingerafdruk = models.CharField(_("vingerafdruk"), max_length=32)
    bron_import = models.ForeignKey(
        KerncijferImport,
        on_delete=models.SET_NULL,
        related_name="regios",
        null=True,
        blank=True,
        verbose_name=_("laatst bijgewerkt door import"),
    )
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"))

    class Meta:
        verbose_name = _("kerncijfers van een regio")
        verbose_name_plural = _("kerncijfers van regio's")
        ordering = ["jaar", "code"]
        constraints = [
            models.UniqueConstraint(fields=["code", "jaar"], name="kerncijfer_regio_code_jaar")
        ]
        indexes = [models.Index(fields=["gemeentecode", "jaar"], name="kerncijfer_gemeente_jaar")]

    def __str__(self) -> str:
        return f"{self.naam} ({self.code}, {self.jaar})"
