"""Consultations (surveys and polls) of a plan, and the responses of households.

One response per household: a response belongs either to a response code (printed on the letter
to an address of the plan's buurten) or to a confirmed e-mail address. Personal data is kept
apart from the answers: the address lives on the code, the e-mail address on the
``EmailDeelname``; a ``Respons`` holds only the buurt and the group the household says it
belongs to. Anonymisation cuts the link and empties the address; the answers stay.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participatie.models.basis import Bijgehouden


class Raadpleging(Bijgehouden):
    class Deelname(models.TextChoices):
        CODES = "codes", _("Met een code uit de brief (één reactie per adres)")
        EMAIL = "email", _("Met een bevestigd e-mailadres (één reactie per adres)")

    class Stand(models.TextChoices):
        CONCEPT = "concept", _("In voorbereiding")
        GEPLAND = "gepland", _("Gaat binnenkort open")
        OPEN = "open", _("Open")
        GESLOTEN = "gesloten", _("Gesloten")

    wijkplan = models.ForeignKey(
        "wup.Wijkplan", on_delete=models.CASCADE, related_name="raadplegingen"
    )
    titel = models.CharField(_("titel"), max_length=200)
    inleiding = models.TextField(
        _("inleiding"), blank=True, help_text=_("Waarom vragen we dit, en wat doen we ermee?")
    )
    deelname = models.CharField(_("hoe doen bewoners mee"), max_length=10, choices=Deelname.choices)
    opent_op = models.DateTimeField(_("opent op"))
    sluit_op = models.DateTimeField(_("sluit op"))
    vrijgegeven_op = models.DateTimeField(
        _("vrijgegeven op"),
        null=True,
        blank=True,
        help_text=_("Na het vrijgeven liggen de vragen vast; de raadpleging opent op de datum."),
    )

    class Meta:
        verbose_name = _("raadpleging")
        verbose_name_plural = _("raadplegingen")
        ordering = ("-opent_op", "-pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(sluit_op__gt=models.F("opent_op")),
                name="raadpleging_sluit_na_opening",
            )
        ]

    def __str__(self) -> str:
        return self.titel

    def stand(self, nu=None) -> str:
        nu = nu or timezone.now()
        if self.vrijgegeven_op is None:
            return self.Stand.CONCEPT
        if nu < self.opent_op:
            return self.Stand.GEPLAND
        if nu < self.sluit_op:
            return self.Stand.OPEN
        return self.Stand.GESLOTEN


class Vraag(models.Model):
    """One question of a consultation.

    ``opties`` holds the choices of a preference, ranking or multiple-choice question as a list
    of ``{"sleutel": str, "label": str}``; for preference and ranking questions about the
    alternatives each option also carries ``"alternatief": <id>`` (the alternative of step 2 it
    stands for, copied when the question is made so the answers stay readable).
    """

    class Soort(models.TextChoices):
        VOORKEUR = "voorkeur", _("Voorkeur voor één van de alternatieven")
        RANGORDE = "rangorde", _("Alternatieven in volgorde zetten")
        LIKERT = "likert", _("Stelling (helemaal oneens tot helemaal eens)")
        MEERKEUZE = "meerkeuze", _("Meerkeuze")
        OPEN = "open", _("Open vraag")

    raadpleging = models.ForeignKey(Raadpleging, on_delete=models.CASCADE, related_name="vragen")
    volgorde = models.PositiveSmallIntegerField(_("volgorde"))
    soort = models.CharField(_("soort vraag"), max_length=15, choices=Soort.choices)
    tekst = models.CharField(_("vraag"), max_length=500)
    toelichting = models.TextField(_("toelichting"), blank=True)
    verplicht = models.BooleanField(_("verplicht"), default=False)
    meerdere = models.BooleanField(
        _("meer antwoorden mogelijk"), default=False, help_text=_("Alleen bij meerkeuze.")
    )
    opties = models.JSONField(_("antwoordmogelijkheden"), default=list, blank=True)

    class Meta:
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        ordering = ("volgorde", "pk")
        constraints = [
            models.UniqueConstraint(fields=["raadpleging", "volgorde"], name="vraag_volgorde_uniek")
        ]

    def __str__(self) -> str:
        return self.tekst


class Responscode(models.Model):
    """A response code for one address, printed on the letter. Holds the address, nothing else."""

    raadpleging = models.ForeignKey(Raadpleging, on_delete=models.CASCADE, related_name="codes")
    code = models.CharField(_("code"), max_length=20, unique=True)
    buurt = models.ForeignKey(
        "wup.Buurt", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    adres = models.CharField(_("adres"), max_length=200, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    ingetrokken_op = models.DateTimeField(
        _("ingetrokken op"),
        null=True,
        blank=True,
        help_text=_("Een ingetrokken code werkt niet meer, bijvoorbeeld na een verloren brief."),
    )

    class Meta:
        verbose_name = _("responscode")
        verbose_name_plural = _("responscodes")
        ordering = ("buurt", "adres", "pk")

    def __str__(self) -> str:
        return self.code


class EmailDeelname(models.Model):
    """Taking part by e-mail: the link in the confirmation mail is the household's key.

    Only a hash of the secret in the link is stored.
    """

    raadpleging = models.ForeignKey(
        Raadpleging, on_delete=models.CASCADE, related_name="email_deelnames"
    )
    email = models.EmailField(_("e-mailadres"), max_length=254, blank=True)
    sleutel_hash = models.CharField(max_length=64, unique=True, editable=False)
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    bevestigd_op = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    geanonimiseerd_op = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("deelname per e-mail")
        verbose_name_plural = _("deelnames per e-mail")
        constraints = [
            models.UniqueConstraint(
                fields=["raadpleging", "email"],
                condition=Q(geanonimiseerd_op__isnull=True),
                name="email_deelname_een_per_adres",
            )
        ]

    def __str__(self) -> str:
        return f"{self.raadpleging}: {self.pk}"


class Respons(models.Model):
    """One household's response. No personal data: the buurt and the group it says it is in."""

    class Groep(models.TextChoices):
        EIGENAAR_BEWONER = "eigenaar_bewoner", _("Ik woon in een koopwoning")
        HUURDER_CORPORATIE = "huurder_corporatie", _("Ik huur van een woningcorporatie")
        HUURDER_PARTICULIER = "huurder_particulier", _("Ik huur van een particuliere verhuurder")
        ONDERNEMER = "ondernemer", _("Ik heb een bedrijf in de wijk")
        ANDERS = "anders", _("Anders")
        ONBEKEND = "onbekend", _("Zeg ik liever niet")

    raadpleging = models.ForeignKey(Raadpleging, on_delete=models.CASCADE, related_name="responsen")
    responscode = models.OneToOneField(
        Responscode, null=True, blank=True, on_delete=models.SET_NULL, related_name="respons"
    )
    email_deelname = models.OneToOneField(
        EmailDeelname, null=True, blank=True, on_delete=models.SET_NULL, related_name="respons"
    )
    buurt = models.ForeignKey(
        "wup.Buurt", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    groep = models.CharField(
        _("woonsituatie"), max_length=25, choices=Groep.choices, default=Groep.ONBEKEND
    )
    ingediend_op = models.DateTimeField(_("ingediend op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    aantal_wijzigingen = models.PositiveIntegerField(_("aantal keer gewijzigd"), default=0)

    class Meta:
        verbose_name = _("respons")
        verbose_name_plural = _("responsen")
        ordering = ("ingediend_op", "pk")
        indexes = [models.Index(fields=["raadpleging", "buurt", "groep"])]

    def __str__(self) -> str:
        return f"{self.raadpleging}: {self.pk}"


class Antwoord(models.Model):
    """The answer to one question: an option key, a list of keys (ranking or several choices),
    a number from 1 to 5 (Likert) or a text (open)."""

    respons = models.ForeignKey(Respons, on_delete=models.CASCADE, related_name="antwoorden")
    vraag = models.ForeignKey(Vraag, on_delete=models.PROTECT, related_name="antwoorden")
    waarde = models.JSONField(_("antwoord"))

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [
            models.UniqueConstraint(fields=["respons", "vraag"], name="antwoord_een_per_vraag")
        ]

    def __str__(self) -> str:
        return f"{self.respons_id}/{self.vraag_id}"
