"""Choices shared by the core and the step apps."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Fase(models.TextChoices):
    """The phases of a wijkplan: the six steps, the council and the side paths."""

    WIJKTOETS = "wijktoets", _("Wijktoets")
    VERKENNING = "verkenning", _("Verkenning van alternatieven en participatie")
    KEUZE = "keuze", _("Keuze warmteoplossing")
    UITWERKING = "uitwerking", _("Uitwerking en organisatie")
    UITVOERINGSPLAN = "uitvoeringsplan", _("Opstellen uitvoeringsplan")
    TER_BESLUITVORMING = "ter_besluitvorming", _("Ter besluitvorming bij de raad")
    VASTGESTELD = "vastgesteld", _("Vastgesteld door de raad")
    GEPAUZEERD = "gepauzeerd", _("Gepauzeerd")
    GESTOPT = "gestopt", _("Gestopt")


#: The working phases in order; a plan moves forward through these.
WERKFASEN: tuple[Fase, ...] = (
    Fase.WIJKTOETS,
    Fase.VERKENNING,
    Fase.KEUZE,
    Fase.UITWERKING,
    Fase.UITVOERINGSPLAN,
)
#: Phases in which the plan's content is frozen.
BEVROREN_FASEN: frozenset[str] = frozenset({Fase.VASTGESTELD, Fase.GESTOPT})


class Spoor(models.TextChoices):
    """The three parallel tracks of the WUP process."""

    TECHNISCH_ECONOMISCH = "technisch_economisch", _("Technisch-economisch")
    PARTICIPATIE = "participatie", _("Participatie")
    ORGANISATORISCH = "organisatorisch", _("Organisatorisch")


class Rol(models.TextChoices):
    """The roles a user can hold; each is a Django group of the same name."""

    PROJECTLEIDER = "Projectleider", _("Projectleider")
    GRIFFIER = "Griffier", _("Griffier")
    BEHEERDER = "Beheerder", _("Beheerder")
