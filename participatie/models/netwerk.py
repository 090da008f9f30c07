"""The network of a plan: the stakeholder groups (partijen) and the log of contacts with them.

Personal data is kept minimal: one contact person per group, with a name, a role and one way
to reach them; nothing more. The API shows the groups without their contact person.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from participatie.models.basis import Bijgehouden


class Partij(Bijgehouden):
    """A stakeholder group in the neighbourhood, e.g. the owner-occupiers of a street."""

    class Soort(models.TextChoices):
        EIGENAAR_BEWONERS = "eigenaar_bewoners", _("Eigenaar-bewoners")
        HUURDERS_CORPORATIE = "huurders_corporatie", _("Huurders van een woningcorporatie")
        PARTICULIERE_HUURDERS = "particuliere_huurders", _("Particuliere huurders")
        VVE = "vve", _("Vereniging van Eigenaars (VvE)")
        BEDRIJVEN = "bedrijven", _("Bedrijven")
        MAATSCHAPPELIJK = "maatschappelijk", _("Maatschappelijke organisaties")
        NETBEHEERDER = "netbeheerder", _("Netbeheerder")
        WONINGCORPORATIE = "woningcorporatie", _("Woningcorporatie")
        WARMTEBEDRIJF = "warmtebedrijf", _("Warmtebedrijf")
        ANDERS = "anders", _("Anders")

    wijkplan = models.ForeignKey("wup.Wijkplan", on_delete=models.CASCADE, related_name="partijen")
    soort = models.CharField(_("soort partij"), max_length=30, choices=Soort.choices)
    naam = models.CharField(_("naam"), max_length=200)
    omvang = models.PositiveIntegerField(
        _("omvang"),
        null=True,
        blank=True,
        help_text=_("Hoeveel huishoudens of organisaties horen bij deze partij? Mag leeg."),
    )
    contactpersoon_naam = models.CharField(
        _("naam contactpersoon"),
        max_length=200,
        blank=True,
        help_text=_(
            "Alleen wat nodig is om contact te houden: een naam, een rol en één manier om de "
            "persoon te bereiken. Deze gegevens staan niet in de API en niet in het plandocument."
        ),
    )
    contactpersoon_rol = models.CharField(
        _("rol contactpersoon"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: voorzitter bewonersvereniging."),
    )
    contactpersoon_bereikbaar = models.CharField(
        _("e-mail of telefoon contactpersoon"),
        max_length=200,
        blank=True,
        help_text=_("Mag leeg. Vul alleen iets in als de persoon dat goed vindt."),
    )
    belang = models.TextField(
        _("belang en zorgen"),
        blank=True,
        help_text=_("Wat vindt deze partij belangrijk, en waar maakt zij zich zorgen over?"),
    )
    toezeggingen = models.TextField(
        _("toezeggingen"),
        blank=True,
        help_text=_("Wat heeft de gemeente deze partij beloofd, en wat de partij de gemeente?"),
    )
    is_bewonersinitiatief = models.BooleanField(
        _("bewonersinitiatief"),
        default=False,
        help_text=_("Is dit een initiatief van bewoners zelf, zoals een energiecoöperatie?"),
    )
    ambassadeurs = models.TextField(
        _("ambassadeurs"),
        blank=True,
        help_text=_(
            "Bewoners die anderen willen informeren en enthousiasmeren. Noteer alleen namen, en "
            "alleen van mensen die daar toestemming voor hebben gegeven."
        ),
    )

    class Meta:
        verbose_name = _("partij")
        verbose_name_plural = _("partijen")
        ordering = ("naam", "pk")

    def __str__(self) -> str:
        return self.naam


class Contactmoment(models.Model):
    """One contact with the neighbourhood: a meeting, a letter, a kitchen-table talk.

    A log: the projectleider can correct an entry, but never delete it.
    """

    class Soort(models.TextChoices):
        BIJEENKOMST = "bijeenkomst", _("Bijeenkomst")
        BRIEF = "brief", _("Brief")
        KEUKENTAFELGESPREK = "keukentafelgesprek", _("Keukentafelgesprek")
        TELEFOON_EMAIL = "telefoon_email", _("Telefoon of e-mail")
        HUIS_AAN_HUIS = "huis_aan_huis", _("Huis-aan-huis")
        ONLINE = "online", _("Online")
        ANDERS = "anders", _("Anders")

    wijkplan = models.ForeignKey(
        "wup.Wijkplan", on_delete=models.CASCADE, related_name="contactmomenten"
    )
    partij = models.ForeignKey(
        Partij,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contactmomenten",
        verbose_name=_("partij"),
    )
    soort = models.CharField(_("soort contact"), max_length=30, choices=Soort.choices)
    datum = models.DateField(_("datum"))
    onderwerp = models.CharField(_("onderwerp"), max_length=300)
    uitkomst = models.TextField(_("uitkomst"), blank=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        ordering = ("-datum", "-pk")

    def __str__(self) -> str:
        return f"{self.datum}: {self.onderwerp}"
