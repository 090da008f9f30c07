"""Models of step 5's part 'organisatie': who does what (parties, activities and the RACI
matrix, with the agreement on it), the ownership and governance of the heat system, the risk
register and the realisation planning.

The agreement on the roles and the governance choice are recorded once and never changed: a new
one supersedes the one before, and both go into the plan's decisions log.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wup.models.historie import AppendOnlyQuerySet, HistoryIsImmutable

__all__ = [
    "Activiteit",
    "GovernanceKeuze",
    "Partij",
    "Realisatiefase",
    "Risico",
    "Rol",
    "RollenAkkoord",
]

#: A risk with likelihood × impact at or above this is "hoog".
HOOG_RISICO = 15


class Partij(models.Model):
    """A party that takes part in realising the heat solution."""

    class Soort(models.TextChoices):
        GEMEENTE = "gemeente", _("Gemeente")
        WARMTEBEDRIJF = "warmtebedrijf", _("Warmtebedrijf")
        NETBEHEERDER = "netbeheerder", _("Netbeheerder")
        WONINGCORPORATIE = "woningcorporatie", _("Woningcorporatie")
        BEWONERS = "bewoners", _("Bewoners en VvE's")
        MARKTPARTIJ = "marktpartij", _("Marktpartij of aannemer")
        ANDERS = "anders", _("Anders")

    wijkplan = models.ForeignKey(
        "wup.Wijkplan", on_delete=models.CASCADE, related_name="uitwerking_partijen"
    )
    naam = models.CharField(_("naam"), max_length=120)
    soort = models.CharField(_("soort partij"), max_length=20, choices=Soort.choices)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("partij")
        verbose_name_plural = _("partijen")
        ordering = ("wijkplan", "volgorde", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=("wijkplan", "naam"), name="uitwerking_partij_naam_uniek"
            ),
        ]

    def __str__(self) -> str:
        return self.naam


class Activiteit(models.Model):
    """Something that has to be done to realise the heat solution."""

    wijkplan = models.ForeignKey(
        "wup.Wijkplan", on_delete=models.CASCADE, related_name="uitwerking_activiteiten"
    )
    naam = models.CharField(_("naam"), max_length=120)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ("wijkplan", "volgorde", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=("wijkplan", "naam"), name="uitwerking_activiteit_naam_uniek"
            ),
        ]

    def __str__(self) -> str:
        return self.naam


class Rol(models.Model):
    """One cell of the RACI matrix: the role of a party in an activity."""

    class Soort(models.TextChoices):
        R = "R", _("R: voert uit (responsible)")
        A = "A", _("A: eindverantwoordelijk (accountable)")
        C = "C", _("C: wordt geraadpleegd (consulted)")
        I = "I", _("I: wordt geïnformeerd (informed)")  # noqa: E741

    activiteit = models.ForeignKey(Activiteit, on_delete=models.CASCADE, related_name="rollen")
    partij = models.ForeignKey(Partij, on_delete=models.CASCADE, related_name="rollen")
    rol = models.CharField(_("rol"), max_length=1, choices=Soort.choices)

    class Meta:
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")
        constraints = [
            models.UniqueConstraint(fields=("activiteit", "partij"), name="uitwerking_rol_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.activiteit} / {self.partij}: {self.rol}"


class RollenAkkoord(models.Model):
    """The record that the parties agreed on the roles as they were then. Immutable: when the
    matrix changes, its fingerprint no longer matches and the agreement is no longer current."""

    wijkplan = models.ForeignKey(
        "wup.Wijkplan", on_delete=models.PROTECT, related_name="uitwerking_rollenakkoorden"
    )
    datum = models.DateField(_("datum van het akkoord"))
    orgaan = models.CharField(_("afgesproken in"), max_length=30)
    kenmerk = models.CharField(_("kenmerk"), max_length=100, blank=True)
    #: sha256 of the matrix as it was (:func:`uitwerking.selectors.organisatie.vingerafdruk`).
    vingerafdruk = models.CharField(_("vingerafdruk"), max_length=64)
    #: The matrix as it was: ``{"partijen": [...], "activiteiten": [...], "rollen": [...]}``.
    momentopname = models.JSONField(_("rolverdeling zoals afgesproken"), default=dict)
    besluit = models.ForeignKey(
        "wup.Besluit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True, db_index=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("akkoord over de rollen")
        verbose_name_plural = _("akkoorden over de rollen")
        ordering = ("-vastgelegd_op", "-pk")

    def __str__(self) -> str:
        return f"{self.wijkplan}: {self.datum:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise HistoryIsImmutable(
                _("Een vastgelegd akkoord kan niet worden gewijzigd. Leg een nieuw akkoord vast.")
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise HistoryIsImmutable(_("Een vastgelegd akkoord kan niet worden verwijderd."))


class GovernanceKeuze(models.Model):
    """The chosen model of ownership and governance of the heat system. Immutable: a new choice
    supersedes the one before."""

    class Model(models.TextChoices):
        PUBLIEK = "publiek", _("Publiek warmtebedrijf")
        PUBLIEK_PRIVAAT = "publiek_privaat", _("Publiek-private samenwerking")
        CONCESSIE = "concessie", _("Privaat warmtebedrijf met concessie")
        COOPERATIE = "cooperatie", _("Coöperatie of bewonersinitiatief")
        CORPORATIE = "corporatie", _("Collectief van de woningcorporatie")

    wijkplan = models.ForeignKey(
        "wup.Wijkplan", on_delete=models.PROTECT, related_name="uitwerking_governance"
    )
    model = models.CharField(_("model"), max_length=20, choices=Model.choices)
    motivatie = models.TextField(_("motivatie"))
    datum = models.DateField(_("datum van het besluit"))
    orgaan = models.CharField(_("besloten door"), max_length=30)
    kenmerk = models.CharField(_("kenmerk"), max_length=100, blank=True)
    besluit = models.ForeignKey(
        "wup.Besluit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True, db_index=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("keuze eigendom en governance")
        verbose_name_plural = _("keuzes eigendom en governance")
        ordering = ("-vastgelegd_op", "-pk")

    def __str__(self) -> str:
        return f"{self.wijkplan}: {self.get_model_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise HistoryIsImmutable(
                _("Een vastgelegde keuze kan niet worden gewijzigd. Leg een nieuwe keuze vast.")
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise HistoryIsImmutable(_("Een vastgelegde keuze kan niet worden verwijderd."))


class Risico(models.Model):
    """A risk of the realisation, with its likelihood, impact, owner and mitigation."""

    class Categorie(models.TextChoices):
        TECHNIEK = "techniek", _("Techniek")
        FINANCIEEL = "financieel", _("Financieel")
        ORGANISATIE = "organisatie", _("Organisatie")
        PARTICIPATIE = "participatie", _("Participatie")
        JURIDISCH = "juridisch", _("Juridisch")
        PLANNING = "planning", _("Planning")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_BEHANDELING = "in_behandeling", _("In behandeling")
        BEHEERST = "beheerst", _("Beheerst")
        VERVALLEN = "vervallen", _("Vervallen")

    wijkplan = models.ForeignKey(
        "wup.Wijkplan", on_delete=models.CASCADE, related_name="uitwerking_risicos"
    )
    titel = models.CharField(_("titel"), max_length=150)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    categorie = models.CharField(_("categorie"), max_length=20, choices=Categorie.choices)
    kans = models.PositiveSmallIntegerField(_("kans (1–5)"))
    impact = models.PositiveSmallIntegerField(_("impact (1–5)"))
    eigenaar = models.ForeignKey(
        Partij,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="risicos",
        verbose_name=_("eigenaar"),
    )
    beheersmaatregel = models.TextField(_("beheersmaatregel"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("risico")
        verbose_name_plural = _("risico's")
        ordering = ("wijkplan", "pk")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kans__gte=1, kans__lte=5), name="uitwerking_risico_kans_1_5"
            ),
            models.CheckConstraint(
                condition=models.Q(impact__gte=1, impact__lte=5),
                name="uitwerking_risico_impact_1_5",
            ),
        ]

    def __str__(self) -> str:
        return self.titel

    @property
    def score(self) -> int:
        return self.kans * self.impact

    @property
    def hoog(self) -> bool:
        return self.score >= HOOG_RISICO


class Realisatiefase(models.Model):
    """A phase of the realisation planning, with its dates and who is responsible."""

    wijkplan = models.ForeignKey(
        "wup.Wijkplan", on_delete=models.CASCADE, related_name="uitwerking_fasen"
    )
    naam = models.CharField(_("naam"), max_length=120)
    begindatum = models.DateField(_("begindatum"))
    einddatum = models.DateField(_("einddatum"))
    mijlpaal = models.CharField(_("mijlpaal"), max_length=300, blank=True)
    verantwoordelijke = models.ForeignKey(
        Partij,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fasen",
        verbose_name=_("verantwoordelijke partij"),
    )
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("realisatiefase")
        verbose_name_plural = _("realisatiefasen")
        ordering = ("wijkplan", "begindatum", "einddatum", "pk")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(einddatum__gte=models.F("begindatum")),
                name="uitwerking_fase_eind_na_begin",
            ),
        ]

    def __str__(self) -> str:
        return self.naam
