"""Models of step 6's part 'uitvoeringsplan' (composition and the Wgiw safeguards).

The projectleider composes the implementation plan: preconditions, process steps, the decisions
still needed, which wishes and requirements of stakeholders are taken into the plan, the
broader agenda of the area and the timeline with the date after which the gas supply ends and
the notice period given to residents. Since the Wgiw the plan is the reasoning behind the rule
in the omgevingsplan that ends the gas supply; the checklist of legal safeguards (``Waarborg``)
lets council and residents check them in the document itself.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wup.models import Besluit

__all__ = [
    "Belanghebbendenwens",
    "BenodigdBesluit",
    "Processtap",
    "Randvoorwaarde",
    "Uitvoeringsplan",
    "Waarborg",
]

#: The norm for a Wgiw notice: residents hear at least this many years ahead that the gas
#: supply ends.
NORM_AANKONDIGING_JAREN = 8


class Uitvoeringsplan(models.Model):
    """The plan's composition: the broader agenda per theme and the timeline."""

    wijkplan = models.OneToOneField(
        "wup.Wijkplan",
        on_delete=models.CASCADE,
        related_name="uitvoeringsplan",
        verbose_name=_("wijkplan"),
    )
    einddatum_gaslevering = models.DateField(
        _("einddatum gaslevering"),
        null=True,
        blank=True,
        help_text=_("De beoogde datum waarna de wijk geen aardgas meer krijgt."),
    )
    aankondigingstermijn_jaren = models.PositiveSmallIntegerField(
        _("aankondigingstermijn in jaren"),
        null=True,
        blank=True,
        help_text=_("Hoeveel jaar van tevoren de bewoners horen dat het aardgas stopt."),
    )
    leefbaarheid = models.TextField(_("leefbaarheid"), blank=True)
    armoede = models.TextField(_("armoede en energiearmoede"), blank=True)
    klimaatadaptatie = models.TextField(_("klimaatadaptatie"), blank=True)
    andere_werken = models.TextField(_("andere werken in de wijk"), blank=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("uitvoeringsplan")
        verbose_name_plural = _("uitvoeringsplannen")

    def __str__(self) -> str:
        return f"{self.wijkplan}: uitvoeringsplan"


class _Item(models.Model):
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        abstract = True
        ordering = ["volgorde", "pk"]


class Randvoorwaarde(_Item):
    wijkplan = models.ForeignKey(
        "wup.Wijkplan", on_delete=models.CASCADE, related_name="randvoorwaarden"
    )
    tekst = models.TextField(_("randvoorwaarde"))

    class Meta(_Item.Meta):
        verbose_name = _("randvoorwaarde")
        verbose_name_plural = _("randvoorwaarden")

    def __str__(self) -> str:
        return self.tekst[:60]


class Processtap(_Item):
    wijkplan = models.ForeignKey(
        "wup.Wijkplan", on_delete=models.CASCADE, related_name="processtappen"
    )
    naam = models.CharField(_("naam"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    verantwoordelijke = models.CharField(
        _("verantwoordelijke partij"),
        max_length=200,
        help_text=_("De partij die de stap uitvoert, bijvoorbeeld de gemeente."),
    )

    class Meta(_Item.Meta):
        verbose_name = _("processtap")
        verbose_name_plural = _("processtappen")

    def __str__(self) -> str:
        return self.naam


class BenodigdBesluit(_Item):
    wijkplan = models.ForeignKey(
        "wup.Wijkplan", on_delete=models.CASCADE, related_name="benodigde_besluiten"
    )
    orgaan = models.CharField(_("wie besluit"), max_length=30, choices=Besluit.Orgaan.choices)
    onderwerp = models.CharField(_("onderwerp"), max_length=300)
    beoogde_datum = models.DateField(_("beoogde datum"), null=True, blank=True)

    class Meta(_Item.Meta):
        verbose_name = _("benodigd besluit")
        verbose_name_plural = _("benodigde besluiten")

    def __str__(self) -> str:
        return self.onderwerp


class Belanghebbendenwens(models.Model):
    """A resident's published question (step 3) and whether the plan takes it in.

    The question and its answer are kept as they were when the projectleider marked them, so
    the document keeps saying what was weighed even after the website's text is anonymised.
    """

    wijkplan = models.ForeignKey(
        "wup.Wijkplan", on_delete=models.CASCADE, related_name="belanghebbendenwensen"
    )
    #: The id of the question (``participatie.Inbreng``); read through that app's selectors.
    inbreng_id = models.PositiveBigIntegerField(_("vraag"))
    vraag = models.TextField(_("vraag"))
    antwoord = models.TextField(_("antwoord"), blank=True)
    opgenomen = models.BooleanField(_("opgenomen in het plan"), default=False)
    notitie = models.CharField(_("notitie"), max_length=500, blank=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("wens of eis van belanghebbenden")
        verbose_name_plural = _("wensen en eisen van belanghebbenden")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["wijkplan", "inbreng_id"], name="besluitvorming_wens_per_vraag"
            )
        ]

    def __str__(self) -> str:
        return self.vraag[:60]


class Waarborg(models.Model):
    """The answer to one point of the Wgiw checklist, with the evidence as it was then."""

    class Punt(models.TextChoices):
        BETAALBAARHEID = "betaalbaarheid", _("Betaalbaarheid")
        REDELIJKE_TERMIJN = "redelijke_termijn", _("Redelijke termijn")
        BESCHIKBAARHEID = "beschikbaarheid", _("Beschikbaarheid van het alternatief")
        DOENVERMOGEN = "doenvermogen", _("Doenvermogen van bewoners")
        KEUZEVRIJHEID = "keuzevrijheid", _("Keuzevrijheid voor een ander aardgasvrij alternatief")
        PARTICIPATIE = "participatie", _("Participatie")
        RECHTSBESCHERMING = "rechtsbescherming", _("Rechtsbescherming")

    class Status(models.TextChoices):
        VOLDAAN = "voldaan", _("Voldaan")
        MET_VOORWAARDEN = "voldaan_met_voorwaarden", _("Voldaan met voorwaarden")
        NIET_VOLDAAN = "niet_voldaan", _("Niet voldaan")

    wijkplan = models.ForeignKey(
        "wup.Wijkplan", on_delete=models.CASCADE, related_name="wgiw_waarborgen"
    )
    punt = models.CharField(_("punt"), max_length=30, choices=Punt.choices)
    antwoord = models.TextField(_("antwoord"))
    status = models.CharField(_("status"), max_length=30, choices=Status.choices)
    #: The evidence from the steps as shown when the answer was saved.
    bewijs = models.TextField(_("onderbouwing uit de stappen"), blank=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("Wgiw-waarborg")
        verbose_name_plural = _("Wgiw-waarborgen")
        constraints = [
            models.UniqueConstraint(
                fields=["wijkplan", "punt"], name="besluitvorming_waarborg_per_punt"
            )
        ]

    def __str__(self) -> str:
        return f"{self.wijkplan}: {self.get_punt_display()}"
