"""Models of step 5's part 'woonlasten': the monthly housing costs per household type.

Every calculation is a new row, so the history stays: what the costs were for which choice,
stock and parameter set, with the inputs the projectleider gave. The newest row counts.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["Woonlastenberekening"]


class Woonlastenberekening(models.Model):
    """One calculation of the housing costs of every household type in the plan area."""

    wijkplan = models.ForeignKey(
        "wup.Wijkplan", on_delete=models.CASCADE, related_name="woonlastenberekeningen"
    )
    #: The choice of step 4 and the alternative it named, when this was computed.
    keuze_id = models.PositiveBigIntegerField(_("keuze"), null=True, blank=True)
    alternatief_id = models.PositiveBigIntegerField(_("alternatief"), null=True, blank=True)
    alternatief_naam = models.CharField(_("alternatief"), max_length=200)
    #: Step 2's finished calculation of that alternative the figures come from.
    techniek_berekening_id = models.PositiveBigIntegerField(
        _("berekening van stap 2"), null=True, blank=True
    )
    #: Hash of the plan's building stock then (``Gebouwvoorraad.invoer_hash``).
    voorraad_hash = models.CharField(_("hash van de gebouwvoorraad"), max_length=64, blank=True)
    #: The parameter set the finance figures came from.
    parameterset_id = models.PositiveBigIntegerField(_("parameterset"), null=True, blank=True)
    parameterset_versie = models.PositiveIntegerField(_("versie"), null=True, blank=True)
    #: The business case whose heat tariffs were used (``None``: the ACM maximum, or no heat
    #: network).
    businesscase_id = models.PositiveBigIntegerField(_("businesscase"), null=True, blank=True)
    #: Whether the households pay the heat company (a heat network): only then do its tariffs
    #: matter.
    met_warmtetarief = models.BooleanField(_("met warmtetarief"), default=False)
    #: What the projectleider entered (rent increases, heat tariff, shares, corrections).
    invoer = models.JSONField(_("invoer"), default=dict)
    #: The household types with their numbers and energy use before and after, and the
    #: assumptions behind them.
    huishoudtypen = models.JSONField(_("huishoudtypen"), default=list)
    #: Per household type ``WoonlastenResultaat.as_dict()`` with ``sleutel`` and ``aantal``.
    resultaten = models.JSONField(_("uitkomsten"), default=list)
    #: The figures used (prices, caps, loan terms) with their sources.
    gebruikte_parameters = models.JSONField(_("gebruikte parameters"), default=list)
    aannames = models.JSONField(_("aannames"), default=list)
    #: Step 1 signalled energy poverty in (part of) the area when this was computed.
    energiearmoede = models.BooleanField(_("signaal energiearmoede"), null=True, blank=True)
    energiearmoede_tekst = models.CharField(_("signaal energiearmoede"), max_length=300, blank=True)
    berekend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    berekend_op = models.DateTimeField(_("berekend op"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("woonlastenberekening")
        verbose_name_plural = _("woonlastenberekeningen")
        ordering = ("-berekend_op", "-pk")

    def __str__(self) -> str:
        return f"{self.wijkplan}: {self.alternatief_naam}"
