"""The public side of a plan's participation: the page itself (``Publicatie``), news, the
frequently asked questions, the events with their sign-ups, and the questions and reactions
residents send in (published only after moderation).

Personal data (the name and e-mail address of a sign-up or of whoever sent a question) is kept
on these rows only, is never shown publicly except a name the sender chose to give, and is
removed by the anonymisation job after the retention period.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from participatie.models.basis import Bijgehouden


class Publicatie(Bijgehouden):
    """The settings of a plan's public participation page."""

    wijkplan = models.OneToOneField(
        "wup.Wijkplan", on_delete=models.CASCADE, related_name="publicatie"
    )
    gepubliceerd = models.BooleanField(
        _("pagina staat online"),
        default=False,
        help_text=_("Zolang dit uit staat, ziet alleen het projectteam de pagina."),
    )
    waarom = models.TextField(
        _("wat gebeurt er en waarom"),
        blank=True,
        help_text=_("Leg in gewone woorden uit wat er in de wijk gaat gebeuren, en waarom."),
    )
    contact = models.TextField(
        _("contact met het projectteam"),
        blank=True,
        help_text=_("Hoe bewoners het projectteam bereiken, bijvoorbeeld een e-mailadres."),
    )
    bewaartermijn_maanden = models.PositiveSmallIntegerField(
        _("bewaartermijn persoonsgegevens (maanden)"),
        default=12,
        help_text=_(
            "Zo lang na het besluit over het plan bewaren we namen en e-mailadressen van "
            "bewoners. Daarna worden ze automatisch gewist; de antwoorden blijven anoniem bewaard."
        ),
    )

    class Meta:
        verbose_name = _("participatiepagina")
        verbose_name_plural = _("participatiepagina's")

    def __str__(self) -> str:
        return str(self.wijkplan)


class Nieuwsbericht(Bijgehouden):
    wijkplan = models.ForeignKey(
        "wup.Wijkplan", on_delete=models.CASCADE, related_name="nieuwsberichten"
    )
    titel = models.CharField(_("titel"), max_length=200)
    tekst = models.TextField(_("tekst"))
    gepubliceerd_op = models.DateTimeField(
        _("gepubliceerd op"), null=True, blank=True, help_text=_("Leeg: nog niet gepubliceerd.")
    )

    class Meta:
        verbose_name = _("nieuwsbericht")
        verbose_name_plural = _("nieuwsberichten")
        ordering = ("-gepubliceerd_op", "-pk")

    def __str__(self) -> str:
        return self.titel


class VeelgesteldeVraag(Bijgehouden):
    wijkplan = models.ForeignKey(
        "wup.Wijkplan", on_delete=models.CASCADE, related_name="veelgestelde_vragen"
    )
    vraag = models.CharField(_("vraag"), max_length=300)
    antwoord = models.TextField(_("antwoord"))
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("veelgestelde vraag")
        verbose_name_plural = _("veelgestelde vragen")
        ordering = ("volgorde", "pk")

    def __str__(self) -> str:
        return self.vraag


class Bijeenkomst(Bijgehouden):
    """An event for residents, such as a bewonersavond, with sign-up."""

    wijkplan = models.ForeignKey(
        "wup.Wijkplan", on_delete=models.CASCADE, related_name="bijeenkomsten"
    )
    titel = models.CharField(_("titel"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    locatie = models.CharField(_("locatie"), max_length=300)
    begint_op = models.DateTimeField(_("begint op"))
    eindigt_op = models.DateTimeField(_("eindigt op"), null=True, blank=True)
    capaciteit = models.PositiveIntegerField(
        _("aantal plaatsen"), null=True, blank=True, help_text=_("Leeg: geen maximum.")
    )
    aanmelden = models.BooleanField(
        _("aanmelden mogelijk"),
        default=True,
        help_text=_("Kunnen bewoners zich via de website aanmelden?"),
    )
    geannuleerd_op = models.DateTimeField(_("geannuleerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ("begint_op", "pk")

    def __str__(self) -> str:
        return self.titel


class Aanmelding(models.Model):
    """A sign-up for an event. The cancel link carries a secret whose hash only is stored."""

    bijeenkomst = models.ForeignKey(
        Bijeenkomst, on_delete=models.CASCADE, related_name="aanmeldingen"
    )
    naam = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mailadres"), max_length=254)
    aantal_personen = models.PositiveSmallIntegerField(_("aantal personen"), default=1)
    sleutel_hash = models.CharField(max_length=64, unique=True, editable=False)
    aangemeld_op = models.DateTimeField(_("aangemeld op"), auto_now_add=True)
    afgemeld_op = models.DateTimeField(_("afgemeld op"), null=True, blank=True)
    geanonimiseerd_op = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ("aangemeld_op", "pk")
        constraints = [
            # One active sign-up per address and event: a double submit adds nobody twice.
            models.UniqueConstraint(
                fields=["bijeenkomst", "email"],
                condition=Q(afgemeld_op__isnull=True, geanonimiseerd_op__isnull=True),
                name="aanmelding_een_actieve_per_adres",
            )
        ]

    def __str__(self) -> str:
        return f"{self.bijeenkomst}: {self.aantal_personen}"


class Inbreng(models.Model):
    """A question or reaction from a resident; public only after moderation, with the answer."""

    class Soort(models.TextChoices):
        VRAAG = "vraag", _("Vraag")
        REACTIE = "reactie", _("Reactie")

    class Status(models.TextChoices):
        NIEUW = "nieuw", _("Wacht op moderatie")
        GEPUBLICEERD = "gepubliceerd", _("Gepubliceerd")
        AFGEWEZEN = "afgewezen", _("Niet gepubliceerd")

    wijkplan = models.ForeignKey("wup.Wijkplan", on_delete=models.CASCADE, related_name="inbreng")
    soort = models.CharField(_("soort"), max_length=10, choices=Soort.choices)
    tekst = models.TextField(_("uw vraag of reactie"))
    naam = models.CharField(
        _("naam"),
        max_length=100,
        blank=True,
        help_text=_("Mag leeg. Als u een naam invult, staat die bij uw vraag op de website."),
    )
    email = models.EmailField(
        _("e-mailadres"),
        max_length=254,
        blank=True,
        help_text=_("Mag leeg. Alleen om u te laten weten dat er een antwoord is."),
    )
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.NIEUW
    )
    reden_afwijzing = models.CharField(_("reden niet publiceren"), max_length=300, blank=True)
    antwoord = models.TextField(_("antwoord"), blank=True)
    ingediend_op = models.DateTimeField(_("ingediend op"), auto_now_add=True)
    gemodereerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    gemodereerd_op = models.DateTimeField(_("gemodereerd op"), null=True, blank=True)
    geanonimiseerd_op = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("vraag of reactie")
        verbose_name_plural = _("vragen en reacties")
        ordering = ("-ingediend_op", "-pk")
        indexes = [models.Index(fields=["wijkplan", "status"])]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.pk}"
